import type { ReactNode } from "react";
import { AppForm, ErrorSummary, Field, SubmitButton, valueOf, type ActionResult } from "../kernel/ui/forms";
import { ideaStatuses, type IdeaStatus } from "./ideas";
import { formatDate, frenchSpaces } from "../kernel/format";
import { acceptedTypes } from "../kernel/uploads";

const badgeClass: Record<IdeaStatus, string> = {
  draft: "fr-badge--new",
  submitted: "fr-badge--info",
  under_review: "fr-badge--warning",
  awarded: "fr-badge--success",
  not_awarded: "",
};

export function StatusBadge({ status, hidden }: { status: IdeaStatus; hidden?: boolean }) {
  return (
    <>
      <p className={`fr-badge fr-badge--sm fr-badge--no-icon ${badgeClass[status]}`}>{ideaStatuses[status]}</p>
      {hidden && <p className="fr-badge fr-badge--sm fr-badge--error fr-ml-1w">Masquée</p>}
    </>
  );
}

export function IdeaForm(props: {
  a?: ActionResult;
  initial?: { title: string; problem: string; proposal: string; beneficiaries: string; coauthors: string };
  attachments?: { id: string; filename: string }[];
  maxMb: number;
  isDraft: boolean;
  children?: ReactNode;
}) {
  const { a, initial } = props;
  const v = (k: keyof NonNullable<typeof initial>) => valueOf(a?.values, k, initial?.[k] ?? "");
  const e = a?.errors ?? {};
  return (
    <AppForm encType="multipart/form-data" noValidate>
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <Field name="title" label="Titre de l’idée" hint={"En une phrase\u00a0: ce que vous proposez."} error={e.title} defaultValue={v("title")} required maxLength={150} />
      <Field
        name="problem"
        label="Le problème constaté"
        hint="Ce qui ne va pas aujourd’hui, où, pour qui, avec un exemple si possible."
        textarea
        rows={5}
        error={e.problem}
        defaultValue={v("problem")}
      />
      <Field name="proposal" label="Votre proposition" hint="Ce qu’il faudrait faire, concrètement." textarea rows={7} error={e.proposal} defaultValue={v("proposal")} />
      <Field name="beneficiaries" label={"Qui en bénéficie\u202f?"} hint="Les agents, les usagers, les élèves, un service…" error={e.beneficiaries} defaultValue={v("beneficiaries")} />
      <Field
        name="coauthors"
        label="Co-auteurs (facultatif)"
        hint="Adresses électroniques professionnelles, séparées par des virgules. Chaque personne confirmera."
        error={e.coauthors}
        defaultValue={v("coauthors")}
        type="text"
        autoComplete="off"
      />
      {props.attachments && props.attachments.length > 0 && (
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Pièces jointes déjà déposées</legend>
          {props.attachments.map((att, i) => (
            <div key={att.id} className="fr-fieldset__element">
              <div className="fr-checkbox-group fr-checkbox-group--sm">
                <input type="checkbox" id={`remove-${i}`} name="removeAttachment" value={att.id} />
                <label className="fr-label" htmlFor={`remove-${i}`}>
                  Retirer «{"\u00a0"}{att.filename}{"\u00a0"}»
                </label>
              </div>
            </div>
          ))}
        </fieldset>
      )}
      <div className={`fr-upload-group${e.attachments ? " fr-upload-group--error" : ""}`}>
        <label className="fr-label" htmlFor="field-attachments">
          Pièces jointes (facultatif)
          <span className="fr-hint-text">
            {Object.values(acceptedTypes).join(", ")}. {props.maxMb}{"\u00a0"}Mo maximum par fichier, 5{"\u00a0"}fichiers au plus.
          </span>
        </label>
        <input
          className="fr-upload"
          type="file"
          id="field-attachments"
          name="attachments"
          multiple
          accept="application/pdf,image/png,image/jpeg,image/gif,image/webp"
          aria-describedby={e.attachments ? "field-attachments-error" : undefined}
        />
        {e.attachments && (
          <p className="fr-error-text" id="field-attachments-error">
            {e.attachments}
          </p>
        )}
      </div>
      {props.children}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
        <li>
          <SubmitButton name="intent" value="submit">
            {props.isDraft ? "Déposer mon idée" : "Enregistrer les modifications"}
          </SubmitButton>
        </li>
        {props.isDraft && (
          <li>
            <SubmitButton name="intent" value="draft" secondary>
              Enregistrer en brouillon
            </SubmitButton>
          </li>
        )}
      </ul>
    </AppForm>
  );
}

export function StatusHistory({ events }: { events: { id: string; kind: string; status: IdeaStatus | null; note: string | null; created_at: Date | string }[] }) {
  return (
    <ol className="germoir-timeline">
      {events.map((e) => (
        <li key={e.id}>
          <strong>
            {e.kind === "status" && e.status
              ? ideaStatuses[e.status]
              : e.kind === "hidden"
                ? "Masquée par la modération"
                : e.kind === "unhidden"
                  ? "Rétablie par la modération"
                  : e.kind === "edited"
                    ? "Modifiée"
                    : "Co-auteurs"}
          </strong>{" "}
          – <time dateTime={new Date(e.created_at).toISOString()}>{formatDate(e.created_at)}</time>
          {e.note && e.kind !== "coauthor" && <p className="fr-text--sm fr-mb-0">{frenchSpaces(e.note)}</p>}
        </li>
      ))}
    </ol>
  );
}
