import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/community-thread";
import { Refusal } from "~/kernel/permissions";
import { once } from "~/kernel/db/once";
import { formError, invalid, parseForm } from "~/kernel/forms";
import { formatDateTime, frenchSpaces } from "~/kernel/format";
import { AppForm, ErrorSummary, Field, PageTitle, SelectField, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { threadActionSchema } from "~/communities/schemas";
import { hideMessage, replyTo, sendAsIdea, threadPage } from "~/communities/service";
import { CommunityCrumbs } from "~/communities/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const page = await threadPage(s, params.communityId, params.threadId).catch(loaderFailure);
  const url = new URL(request.url);
  return { ...page, posted: url.searchParams.has("publie"), replied: url.searchParams.has("repondu"), sent: url.searchParams.has("envoyee") };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  const here = `/communautes/${params.communityId}/fils/${params.threadId}`;
  try {
    const page = await threadPage(s, params.communityId, params.threadId);
    const intent = fd.get("intent");
    // who may, before what was sent
    if (intent === "reply" && !page.access.canPost) throw new Refusal("Rejoignez la communauté pour répondre.", 403);
    if (intent === "hide" && !page.access.canModerate) throw new Refusal("Seuls l’équipe du lab et les animateurs modèrent.", 403);
    if (intent === "sendIdea" && !page.canSend) throw new Refusal("Seuls l’auteur du message, l’équipe du lab et les animateurs l’envoient au lab.", 403);
    const p = parseForm(fd, threadActionSchema);
    if (!p.ok) return typeof intent === "string" && ["reply", "hide", "sendIdea"].includes(intent) ? invalid(p) : formError(fd, "Action inconnue.");
    switch (p.data.intent) {
      case "reply":
      {
        const body = p.data.body;
        const location = await once(s.userId, fd, `community-reply:${params.threadId}`, async () => {
          await replyTo(s, params.communityId, params.threadId, body);
          return `${here}?repondu=1#reponses`;
        });
        return redirect(location);
      }
      case "hide":
        await hideMessage(s, params.communityId, params.threadId, p.data.replyId, p.data.reason);
        return { ok: true, message: p.data.replyId ? "La réponse est masquée." : "Le message est masqué." };
      case "sendIdea":
        await sendAsIdea(s, params.communityId, params.threadId, { campaignId: p.data.campaignId, proposal: p.data.proposal, beneficiaries: p.data.beneficiaries });
        return redirect(`${here}?envoyee=1`);
    }
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

function HideForm({ replyId, label, a }: { replyId?: string; label: string; a?: ActionResult }) {
  const mine = a && !a.ok && valueOf(a.values, "intent") === "hide" && valueOf(a.values, "replyId") === (replyId ?? "");
  // the failed form takes the id the error summary links to
  const id = mine ? "field-reason" : `reason-${replyId ?? "thread"}`;
  return (
    <details className="fr-mt-1w" open={mine || undefined}>
      <summary>Masquer{<span className="fr-sr-only"> {label}</span>}</summary>
      <AppForm className="fr-mt-1w">
        {replyId && <input type="hidden" name="replyId" value={replyId} />}
        <Field id={id} name="reason" label="Motif (l’auteur le verra)" error={mine ? a?.errors?.reason : undefined} defaultValue={mine ? valueOf(a?.values, "reason") : ""} maxLength={500} />
        <SubmitButton name="intent" value="hide" secondary className="fr-btn--sm">
          Masquer {label}
        </SubmitButton>
      </AppForm>
    </details>
  );
}

export default function CommunityThread() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const t = d.thread;
  const c = d.community;
  const intent = valueOf(a?.values, "intent");
  const v = (k: string, fallback = "") => (intent === "sendIdea" || intent === "reply" ? valueOf(a?.values, k, fallback) : fallback);
  const notice = d.posted ? "Votre message est publié." : d.replied ? "Votre réponse est publiée." : d.sent ? "Le message est envoyé au lab comme idée." : a?.ok ? a.message : null;
  return (
    <Page>
      <PageTitle title={`${t.title} – ${c.name}`} error={!!a && !a.ok} />
      <CommunityCrumbs steps={[{ to: `/communautes/${c.id}`, label: c.name }, { label: t.title }]} />
      {notice && (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <p>{notice}</p>
        </div>
      )}
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <p className={`fr-badge fr-badge--no-icon fr-mb-1w ${t.kind === "problem" ? "fr-badge--warning" : t.kind === "project" ? "fr-badge--success" : "fr-badge--info"}`}>{t.kindLabel}</p>
      <h1>{frenchSpaces(t.title)}</h1>
      <p className="fr-text--sm">
        {t.author}
        {t.authorJob ? `, ${t.authorJob}` : ""} · le {formatDateTime(t.createdAt)}
      </p>
      {t.hidden && (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w">
          <p>Masqué par la modération le {formatDateTime(t.hidden.at)}&nbsp;: {frenchSpaces(t.hidden.reason)}</p>
        </div>
      )}
      {t.body !== null && <p style={{ whiteSpace: "pre-line" }}>{frenchSpaces(t.body)}</p>}
      {t.ideaId && (
        <div className="fr-callout fr-callout--green-emeraude fr-mb-4w">
          <p className="fr-callout__text fr-text--md">
            Envoyée au lab comme idée&nbsp;: <Link to={`/idees/${t.ideaId}`}>voir l’idée</Link>.
          </p>
        </div>
      )}
      {d.access.canModerate && !t.hidden && <HideForm label="ce message" a={a} />}

      <section aria-labelledby="replies-title" id="reponses" className="fr-mt-4w">
        <h2 id="replies-title">Réponses ({d.replies.length})</h2>
        {d.replies.length === 0 ? (
          <p>Pas encore de réponse.</p>
        ) : (
          <ol className="germoir-comments">
            {d.replies.map((r) => (
              <li key={r.id} className="fr-mb-3w">
                <p className="fr-text--sm fr-mb-1v">
                  <strong>{r.author}</strong>
                  {r.authorJob ? `, ${r.authorJob}` : ""} · le {formatDateTime(r.createdAt)}
                </p>
                {r.hidden && <p className="fr-text--sm fr-mb-1v">Réponse masquée par la modération&nbsp;: {frenchSpaces(r.hidden.reason)}</p>}
                {r.body !== null && <p style={{ whiteSpace: "pre-line" }}>{frenchSpaces(r.body)}</p>}
                {d.access.canModerate && !r.hidden && <HideForm replyId={r.id} label={`la réponse de ${r.author}`} a={a} />}
              </li>
            ))}
          </ol>
        )}
        {d.access.canPost && !t.hidden && (
          <AppForm>
            <Field name="body" label="Votre réponse" textarea rows={4} error={intent === "reply" ? a?.errors?.body : undefined} defaultValue={v("body")} />
            <SubmitButton name="intent" value="reply">
              Répondre
            </SubmitButton>
          </AppForm>
        )}
      </section>

      {d.canSend && (
        <section aria-labelledby="send-title" className="fr-mt-6w">
          <h2 id="send-title">Envoyer au lab comme idée</h2>
          <p>
            Le {t.kind === "problem" ? "problème" : "projet"} devient une idée déposée dans une campagne ouverte du lab, au nom de {t.mine ? "vous-même" : t.author}, avec ce message comme problème constaté. Le lab la lira comme toutes les autres idées. Un message ne s’envoie qu’une fois.
          </p>
          {d.campaigns.length === 0 ? (
            <p>Aucune campagne du lab n’est ouverte en ce moment.</p>
          ) : (
            <AppForm>
              <SelectField name="campaignId" label="Campagne" options={d.campaigns.map((x) => ({ value: x.id, label: x.title }))} placeholder="Choisissez une campagne" defaultValue={v("campaignId", d.campaigns.length === 1 ? d.campaigns[0].id : "")} error={intent === "sendIdea" ? a?.errors?.campaignId : undefined} />
              <Field name="proposal" label="Proposition" hint="Ce que vous proposez, ou ce que la communauté a imaginé dans la discussion (20 caractères au moins)." textarea rows={4} error={intent === "sendIdea" ? a?.errors?.proposal : undefined} defaultValue={v("proposal", t.kind === "project" && t.body ? t.body : "")} />
              <Field name="beneficiaries" label="Bénéficiaires" error={intent === "sendIdea" ? a?.errors?.beneficiaries : undefined} defaultValue={v("beneficiaries", c.profession)} maxLength={500} />
              <SubmitButton name="intent" value="sendIdea">
                Envoyer au lab comme idée
              </SubmitButton>
            </AppForm>
          )}
        </section>
      )}
    </Page>
  );
}
