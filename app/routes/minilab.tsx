import { Link, redirect, useActionData, useLoaderData } from "react-router";
import { FindPeopleLink } from "~/skills/ui";
import type { Route } from "./+types/minilab";
import { Refusal } from "~/kernel/permissions";
import { formError, invalid, parseForm } from "~/kernel/forms";
import { formatDate, formatDateTime, frenchSpaces, plural } from "~/kernel/format";
import { AppForm, ErrorSummary, Field, PageTitle, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb, SuccessNotice } from "~/kernel/ui/page";
import { ExportLinks } from "~/kernel/ui/exports";
import { inviteSchema, memberIntentSchema } from "~/minilabs/schemas";
import { answerRequest, declineInvitation, inviteByEmail, join, leave, minilabPage } from "~/minilabs/service";
import { sessionsOf } from "~/minilabs/session-service";
import { minilabProposals } from "~/arbitration/service";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const page = await minilabPage(s, params.minilabId).catch(loaderFailure);
  const [sessions, proposals] = await Promise.all([sessionsOf(page.minilab.id), minilabProposals(s, params.minilabId).catch(loaderFailure)]);
  return { ...page, sessions, proposals, justOpened: new URL(request.url).searchParams.has("ouvert") };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    const page = await minilabPage(s, params.minilabId);
    const intent = fd.get("intent");
    // who may, before what was sent
    if ((intent === "invite" || intent === "accept" || intent === "refuse") && !page.manage)
      throw new Refusal(intent === "invite" ? "Seuls l’équipe du lab et les animateurs invitent." : "Seuls l’équipe du lab et les animateurs répondent aux demandes.", 403);
    if (intent === "invite") {
      const inv = parseForm(fd, inviteSchema);
      if (!inv.ok) return invalid(inv);
      const n = await inviteByEmail(s, params.minilabId, inv.data.emails);
      return { ok: true, message: n === 0 ? "Ces adresses avaient déjà une invitation ou sont déjà membres." : `${plural(n, "invitation envoyée", "invitations envoyées")}, dans l’application et par courriel.` };
    }
    const p = parseForm(fd, memberIntentSchema);
    if (!p.ok) return formError(fd, "Action inconnue.");
    switch (p.data.intent) {
      case "join": {
        const status = await join(s, params.minilabId);
        return { ok: true, message: status === "active" ? "Vous avez rejoint le Mini-Lab." : "Votre demande est envoyée à l’équipe du lab et aux animateurs." };
      }
      case "decline":
        await declineInvitation(s, params.minilabId);
        // a private Mini-Lab is no longer visible to who declined or left it
        if (page.minilab.private && !page.manage) return redirect("/minilabs");
        return { ok: true, message: "Vous avez décliné l’invitation." };
      case "leave":
        await leave(s, params.minilabId);
        if (page.minilab.private && !page.manage) return redirect("/minilabs");
        return { ok: true, message: "Vous avez quitté le Mini-Lab." };
      case "accept":
      case "refuse":
        if (!p.data.userId) return formError(fd, "Action inconnue.");
        await answerRequest(s, params.minilabId, p.data.userId, p.data.intent === "accept");
        return { ok: true, message: p.data.intent === "accept" ? "La demande est acceptée." : "La demande est refusée." };
    }
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function MinilabPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const m = d.minilab;
  const status = d.me?.status;
  return (
    <Page>
      <PageTitle title={`${m.name} – Mini-Lab`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Mini-Labs", to: "/minilabs" }]} current={m.name} />
      <h1>{m.name}</h1>
      <p className="fr-badge fr-badge--info fr-badge--no-icon fr-mb-2w">{m.phaseLabel}</p>
      {m.private && <p className="fr-badge fr-badge--no-icon fr-mb-2w fr-ml-1w">Privé</p>}
      {d.justOpened && (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <p>Le Mini-Lab est ouvert{d.invitedCount > 0 ? `\u00a0: ${plural(d.invitedCount, "invitation envoyée", "invitations envoyées")} aux auteurs des idées de son thème.` : "."}</p>
        </div>
      )}
      <SuccessNotice message={a?.ok ? a.message : null} />
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <p className="fr-text--lead">{frenchSpaces(m.question)}</p>
      <p>
        {m.lab}
        {m.theme ? ` · problématique «\u00a0${m.theme}\u00a0»` : ""}
      </p>

      {status === "invited" && (
        <div className="fr-callout fr-mb-4w">
          <h2 className="fr-callout__title fr-h5">Une invitation à ce Mini-Lab vous attend</h2>
          <p className="fr-callout__text fr-text--md">Une de vos idées rejoint sa problématique&nbsp;: venez la travailler avec les autres porteurs d’idées.</p>
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <AppForm>
                <SubmitButton name="intent" value="join">
                  Rejoindre le Mini-Lab
                </SubmitButton>
              </AppForm>
            </li>
            <li>
              <AppForm>
                <SubmitButton name="intent" value="decline" secondary>
                  Décliner l’invitation
                </SubmitButton>
              </AppForm>
            </li>
          </ul>
        </div>
      )}
      {m.private && (
        <p className="fr-mb-4w">Ce Mini-Lab est privé&nbsp;: seuls ses membres, l’équipe du lab et les animateurs le voient, et on y entre sur invitation.</p>
      )}
      {(!status || status === "declined" || status === "left") && m.phase !== "done" && !m.private && (
        <AppForm className="fr-mb-4w">
          <p>{m.joinPolicyLabel}.</p>
          <SubmitButton name="intent" value="join">
            {m.joinPolicy === "open" ? "Rejoindre le Mini-Lab" : "Demander à rejoindre"}
          </SubmitButton>
        </AppForm>
      )}
      {status === "requested" && <p className="fr-mb-4w">Votre demande est en attente de réponse.</p>}
      {status === "active" && d.me?.role === "member" && (
        <AppForm className="fr-mb-4w">
          <p>Vous êtes membre de ce Mini-Lab.</p>
          <SubmitButton name="intent" value="leave" secondary>
            Quitter le Mini-Lab
          </SubmitButton>
        </AppForm>
      )}

      <h2>Calendrier</h2>
      <ul>
        <li>
          Sessions du {formatDate(m.sessionsFrom)} au {formatDate(m.sessionsUntil)}
        </li>
        <li>Restitution aux directions le {formatDate(m.restitutionOn)}</li>
        <li>Arbitrage le {formatDate(m.arbitrationOn)}</li>
      </ul>
      {m.directorates.length > 0 && (
        <>
          <h2>Directions concernées</h2>
          <ul>
            {m.directorates.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </>
      )}

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">Séances ({d.sessions.length})</h2>
        {d.sessions.length === 0 ? (
          <p>Aucune séance programmée pour l’instant.</p>
        ) : (
          <ul>
            {d.sessions.map((x) => (
              <li key={x.id}>
                <Link to={`/minilabs/${m.id}/seances/${x.id}`}>{frenchSpaces(x.title)}</Link> – {formatDateTime(x.startsAt)}
                {x.place ? `, ${x.place}` : ""}
                {x.online ? " (visioconférence)" : ""} · {plural(x.notes, "post-it", "post-it")}
                {x.present > 0 ? ` · ${plural(x.present, "présent", "présents")}` : ""}
              </li>
            ))}
          </ul>
        )}
        {d.manage && (
          <p>
            <Link className="fr-btn fr-btn--secondary" to={`/minilabs/${m.id}/seances/nouvelle`}>
              Programmer une séance
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="proposals-title">
        <h2 id="proposals-title">Propositions ({d.proposals.proposals.length})</h2>
        {d.proposals.proposals.length === 0 ? (
          <p>Aucune proposition pour le moment.</p>
        ) : (
          <ul>
            {d.proposals.proposals.map((p) => (
              <li key={p.id}>
                <Link to={`/propositions/${p.id}`}>{frenchSpaces(p.title)}</Link> – {p.author}, {p.directorate} – {p.decision ? `décision\u00a0: ${p.decision.toLowerCase()}` : p.statusLabel.toLowerCase()}
              </li>
            ))}
          </ul>
        )}
        {d.proposals.canPropose && (
          <p>
            <Link className="fr-btn fr-btn--secondary" to={`/minilabs/${m.id}/propositions/nouvelle`}>
              Rédiger une proposition
            </Link>
          </p>
        )}
      </section>

      <h2>Animateurs</h2>
      {d.facilitators.length === 0 ? (
        <p>Personne n’anime encore ce Mini-Lab.</p>
      ) : (
        <ul>
          {d.facilitators.map((p) => (
            <li key={p.userId}>
              {p.name}
              {p.organization ? ` – ${p.organization}` : ""}
            </li>
          ))}
        </ul>
      )}

      <h2>Membres ({d.members.length})</h2>
      {d.members.length === 0 ? (
        <p>Personne n’a encore rejoint ce Mini-Lab{d.invitedCount > 0 ? `\u00a0; ${plural(d.invitedCount, "invitation est en attente", "invitations sont en attente")}` : ""}.</p>
      ) : (
        <ul>
          {d.members.map((p) => (
            <li key={p.userId}>
              {p.name}
              {p.job ? `, ${p.job}` : ""}
              {p.organization ? ` – ${p.organization}` : ""}
            </li>
          ))}
        </ul>
      )}

      {d.manage && (
        <section aria-labelledby="export-title" className="fr-mb-4w">
          <h2 id="export-title" className="fr-h6 fr-mb-1w">
            Exporter
          </h2>
          <ExportLinks items={[{ label: "Membres et présences", href: `/minilabs/${m.id}/export/membres` }]} />
        </section>
      )}

      {d.manage && m.phase !== "done" && (
        <section aria-labelledby="invite-title" className="fr-mb-4w">
          <h2 id="invite-title">Inviter des agents</h2>
          <AppForm>
            <input type="hidden" name="intent" value="invite" />
            <Field
              name="emails"
              label="Adresses électroniques des agents à inviter"
              hint={"Séparées par des virgules ou des retours à la ligne\u202f; chacun reçoit une notification et un courriel."}
              textarea
              rows={2}
              error={a?.errors?.emails}
              defaultValue={valueOf(a?.values, "emails")}
            />
            <SubmitButton>Inviter</SubmitButton>
          </AppForm>
          <FindPeopleLink />
        </section>
      )}

      {d.manage && (
        <section aria-labelledby="requests-title">
          <h2 id="requests-title">Demandes à traiter ({d.requests.length})</h2>
          {d.requests.length === 0 ? (
            <p>Aucune demande en attente.</p>
          ) : (
            <ul>
              {d.requests.map((p) => (
                <li key={p.userId} className="fr-mb-2w">
                  {p.name}
                  {p.organization ? ` – ${p.organization}` : ""}
                  <AppForm className="germoir-inline-form fr-ml-2w">
                    <input type="hidden" name="userId" value={p.userId} />
                    <button type="submit" name="intent" value="accept" className="fr-btn fr-btn--sm">
                      Accepter<span className="fr-sr-only"> la demande de {p.name}</span>
                    </button>{" "}
                    <button type="submit" name="intent" value="refuse" className="fr-btn fr-btn--sm fr-btn--secondary">
                      Refuser<span className="fr-sr-only"> la demande de {p.name}</span>
                    </button>
                  </AppForm>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </Page>
  );
}
