import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/proposal";
import { Refusal } from "~/kernel/permissions";
import { once } from "~/kernel/db/once";
import { formError, invalid, parseForm } from "~/kernel/forms";
import { formatDate, frenchSpaces } from "~/kernel/format";
import { AppForm, ErrorSummary, Field, PageTitle, RadioGroup, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { decisionOutcomes, outcomeKeys } from "~/arbitration/arbitration";
import { decisionSchema, proposalIntentSchema } from "~/arbitration/schemas";
import { decide, proposalPage, submitProposal } from "~/arbitration/service";
import { Breadcrumb, formatEuros } from "~/arbitration/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const page = await proposalPage(s, params.proposalId).catch(loaderFailure);
  const url = new URL(request.url);
  return { ...page, saved: url.searchParams.has("enregistree"), submitted: url.searchParams.has("soumise"), decided: url.searchParams.has("decision") };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const page = await proposalPage(s, params.proposalId).catch(loaderFailure);
  const fd = await readForm(request);
  const i = parseForm(fd, proposalIntentSchema);
  if (!i.ok) return formError(fd, "Action inconnue.");
  try {
    if (i.data.intent === "submit") {
      await submitProposal(s, params.proposalId);
      return redirect(`/propositions/${params.proposalId}?soumise=1`);
    }
    // who may decide, before what they decided
    if (!page.rights.canDecide) throw new Refusal("Seule la direction à laquelle la proposition est adressée, dans le lab du Mini-Lab, décide.", 403);
    const p = parseForm(fd, decisionSchema);
    if (!p.ok) return invalid(p);
    const location = await once(s.userId, fd, `proposal-decide:${params.proposalId}`, async () => {
      await decide(s, params.proposalId, p.data);
      return `/propositions/${params.proposalId}?decision=1`;
    });
    return redirect(location);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function ProposalPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const p = d.proposal;
  const e = a?.errors ?? {};
  const v = (k: string) => valueOf(a?.values, k);
  return (
    <Page>
      <PageTitle title={`${p.title} – proposition`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ to: "/minilabs", label: "Mini-Labs" }, { to: `/minilabs/${d.minilab.id}`, label: d.minilab.name }, { label: p.title }]} />
      {d.saved && (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <p>La proposition est enregistrée en brouillon.</p>
        </div>
      )}
      {d.submitted && (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <p>La proposition est soumise pour restitution à la direction concernée{"\u00a0"}: elle ne se modifie plus.</p>
        </div>
      )}
      {d.decided && (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <p>La décision est publiée{"\u00a0"}; le Mini-Lab et les auteurs des idées de sa problématique sont prévenus.</p>
        </div>
      )}
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <p className={`fr-badge fr-badge--no-icon fr-mb-2w fr-badge--${p.statusTone}`}>{p.statusLabel}</p>
      <h1>{frenchSpaces(p.title)}</h1>
      <p className="germoir-meta">
        Proposition du Mini-Lab <a href={`/minilabs/${d.minilab.id}`}>{d.minilab.name}</a>, rédigée par {p.author}
        {p.submittedAt ? ` – soumise le ${formatDate(p.submittedAt)}${p.submittedBy ? ` par ${p.submittedBy}` : ""}` : ""} – adressée à la {p.directorate.replace(/^Direction/, "direction")}
      </p>
      {(d.rights.canEdit || d.rights.canSubmit) && (
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mb-4w">
          {d.rights.canEdit && (
            <li>
              <a className="fr-btn fr-btn--secondary" href={`/propositions/${p.id}/modifier`}>
                Modifier le brouillon
              </a>
            </li>
          )}
          {d.rights.canSubmit && (
            <li>
              <AppForm>
                <SubmitButton name="intent" value="submit">
                  Soumettre pour restitution
                </SubmitButton>
              </AppForm>
            </li>
          )}
        </ul>
      )}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-8">
          <h2>Le problème</h2>
          <p style={{ whiteSpace: "pre-line" }}>{frenchSpaces(p.problem)}</p>
          <h2>La solution proposée</h2>
          <p style={{ whiteSpace: "pre-line" }}>{frenchSpaces(p.solution)}</p>
          <h2>L’impact attendu</h2>
          <p style={{ whiteSpace: "pre-line" }}>{frenchSpaces(p.impact)}</p>
          <h2>Moyens et coût estimé</h2>
          <p style={{ whiteSpace: "pre-line" }}>{frenchSpaces(p.resources)}</p>
          {p.costEur !== null && (
            <p>
              Montant estimé{"\u00a0"}: {formatEuros(p.costEur)}
            </p>
          )}
          {d.attachments.length > 0 && (
            <>
              <h2>Pièces jointes</h2>
              <ul>
                {d.attachments.map((att) => (
                  <li key={att.id}>
                    <a className="fr-link fr-link--download" href={`/propositions/${p.id}/pieces/${att.id}`} download>
                      {att.filename}{" "}
                      <span className="fr-link__detail">
                        {att.mime.split("/")[1].toUpperCase()} – {Math.max(1, Math.round(att.size / 1024))}
                        {"\u00a0"}Ko
                      </span>
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <h2 className="fr-h5">Décisions</h2>
          {d.decisions.length === 0 ? (
            <p>{p.status === "draft" ? "Pas encore soumise." : "En attente de la décision de la direction."}</p>
          ) : (
            <ol className="germoir-timeline">
              {d.decisions.map((x) => (
                <li key={x.id}>
                  <strong>
                    {x.correctsId ? "Correction" : "Décision"}
                    {"\u00a0"}: {x.outcomeLabel.toLowerCase()}
                  </strong>
                  {x.current ? " (décision en vigueur)" : " (remplacée)"} – <time dateTime={new Date(x.decidedAt).toISOString()}>{formatDate(x.decidedAt)}</time>, par {x.decidedBy}
                  <p className="fr-text--sm fr-mb-0">
                    Motif{"\u00a0"}: {frenchSpaces(x.reason)}
                  </p>
                  {x.followUpOwner && x.followUpDue && (
                    <p className="fr-text--sm fr-mb-0">
                      Suivi par {x.followUpOwner} d’ici le {formatDate(x.followUpDue)}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
      {d.rights.canDecide && (
        <section aria-labelledby="decision-title" className="fr-mt-4w">
          <h2 id="decision-title">{d.currentId ? "Corriger la décision" : "Décider"}</h2>
          <p>
            {d.currentId
              ? "Une décision publiée ne se modifie pas\u00a0: une correction est une nouvelle décision, avec son propre motif\u00a0; elle s’ajoute à l’historique et devient la décision en vigueur."
              : "La décision est publiée dès son enregistrement et ne se modifie plus ensuite (une correction reste possible)."}
          </p>
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-lg-8">
              {/* A new form for each current decision: a correction starts empty, never pre-filled with what was just published. */}
              <AppForm noValidate key={d.currentId ?? "first"}>
                <input type="hidden" name="intent" value="decide" />
                {d.currentId && <input type="hidden" name="corrects" value={d.currentId} />}
                <RadioGroup name="outcome" legend="Décision" error={e.outcome} defaultValue={v("outcome")} options={outcomeKeys.map((k) => ({ value: k, label: decisionOutcomes[k] }))} />
                <Field name="reason" label="Motif" hint="Obligatoire, visible par le Mini-Lab et les auteurs des idées." textarea rows={4} error={e.reason} defaultValue={v("reason")} required />
                <Field
                  name="followUpOwner"
                  label="Responsable du suivi (adresse électronique)"
                  hint="Obligatoire si la proposition est adoptée."
                  type="email"
                  error={e.followUpOwner}
                  defaultValue={v("followUpOwner")}
                  autoComplete="off"
                />
                <Field name="followUpDue" label="Échéance du suivi" hint="Obligatoire si la proposition est adoptée." type="date" error={e.followUpDue} defaultValue={v("followUpDue")} />
                <SubmitButton>{d.currentId ? "Publier la correction" : "Publier la décision"}</SubmitButton>
              </AppForm>
            </div>
          </div>
        </section>
      )}
    </Page>
  );
}
