import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatDate, frenchSpaces } from "../kernel/format";
import { AppForm, ErrorSummary, Field, SelectField, SubmitButton, valueOf, type ActionResult } from "../kernel/ui/forms";
import { AttachmentsField } from "../kernel/ui/files";
import type { IdeaTrace } from "./trace";

export interface ProposalInitial {
  title: string;
  problem: string;
  solution: string;
  impact: string;
  resources: string;
  cost: string;
  directorate: string;
}

/** The proposal form (new or draft), multipart for attachments; works without JavaScript. */
export function ProposalForm(props: { a?: ActionResult; initial?: ProposalInitial; directorates: string[]; attachments?: { id: string; filename: string }[]; maxMb: number; submitLabel: string }) {
  const { a, initial } = props;
  const v = (k: keyof ProposalInitial) => valueOf(a?.values, k, initial?.[k] ?? "");
  const e = a?.errors ?? {};
  return (
    <AppForm encType="multipart/form-data" noValidate>
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <Field name="title" label="Titre de la proposition" hint={"En une phrase\u00a0: ce que le Mini-Lab propose."} error={e.title} defaultValue={v("title")} required maxLength={150} />
      <Field name="problem" label="Le problème" hint="Ce qui ne va pas aujourd’hui, pour qui, où." textarea rows={5} error={e.problem} defaultValue={v("problem")} required />
      <Field
        name="solution"
        label="La solution proposée"
        hint="Ce qu’il faudrait faire, concrètement, et comment le tester."
        textarea
        rows={7}
        error={e.solution}
        defaultValue={v("solution")}
        required
      />
      <Field name="impact" label="L’impact attendu" hint="Pour les agents, les usagers, le service public." textarea rows={4} error={e.impact} defaultValue={v("impact")} required />
      <Field name="resources" label="Moyens et coût estimé" hint="Personnes, temps, matériel, partenaires." textarea rows={4} error={e.resources} defaultValue={v("resources")} required />
      <Field name="cost" label="Montant estimé en euros (facultatif)" hint="Un nombre entier, par exemple 12000." error={e.cost} defaultValue={v("cost")} inputMode="numeric" />
      <SelectField
        name="directorate"
        label="Direction concernée"
        hint="La direction qui recevra la proposition et décidera."
        error={e.directorate}
        defaultValue={v("directorate")}
        placeholder="Choisissez une direction"
        options={props.directorates.map((d) => ({ value: d, label: d }))}
        required
      />
      <AttachmentsField existing={props.attachments} error={e.attachments} maxMb={props.maxMb} />
      <p className="fr-mt-4w">
        <SubmitButton>{props.submitLabel}</SubmitButton>
      </p>
    </AppForm>
  );
}

const stepLabels: Record<string, string> = {
  campaign: "Campagne",
  award: "Prix",
  merged: "Fusion",
  review: "Analyse",
  theme: "Problématique",
  minilab: "Mini-Lab",
  proposal: "Proposition",
  decision: "Décision",
  follow_up: "Suivi",
};

/** The idea's trace, as a timeline: one entry per step, the superseded decisions marked as such. */
export function IdeaTraceView({ trace, headingLevel = 2, id, showStatus = true }: { trace: IdeaTrace; headingLevel?: 2 | 3; id: string; showStatus?: boolean }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={id} className="fr-mb-4w">
      <H id={id} className={headingLevel === 2 ? "fr-h4" : "fr-h6 fr-mb-1w"}>
        Parcours de l’idée
      </H>
      {showStatus && (
        <p className="fr-mb-1w">
          <strong>Où elle en est{"\u00a0"}:</strong> {frenchSpaces(trace.status)}
        </p>
      )}
      <ol className="germoir-trace">
        {trace.steps.map((s, i) => (
          <li key={i}>
            <span className="fr-text--xs fr-mb-0" style={{ display: "block" }}>
              {stepLabels[s.kind]}
              {s.date ? (
                <>
                  {" – "}
                  <time dateTime={new Date(s.date).toISOString()}>{formatDate(s.date)}</time>
                </>
              ) : null}
            </span>
            {s.superseded ? <s>{frenchSpaces(s.title)}</s> : <strong>{s.link ? <a href={s.link}>{frenchSpaces(s.title)}</a> : frenchSpaces(s.title)}</strong>}
            {s.superseded && <span className="fr-text--sm"> (remplacée par une correction)</span>}
            {s.detail && <p className="fr-text--sm fr-mb-0">{frenchSpaces(s.detail)}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function Breadcrumb({ items }: { items: { to?: string; label: ReactNode }[] }) {
  return (
    <nav role="navigation" className="fr-breadcrumb" aria-label="vous êtes ici :">
      <ol className="fr-breadcrumb__list">
        {items.map((it, i) => (
          <li key={i}>
            {it.to ? (
              <Link className="fr-breadcrumb__link" to={it.to}>
                {it.label}
              </Link>
            ) : (
              <a className="fr-breadcrumb__link" aria-current="page">
                {it.label}
              </a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** « 12 000 € » */
export function formatEuros(n: number): string {
  return `${new Intl.NumberFormat("fr-FR").format(n).replace(/\u202f|\s/g, "\u202f")}\u00a0€`;
}
