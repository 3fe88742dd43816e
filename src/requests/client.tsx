/** The desk's components: no server code here (routes import them into the browser bundle). */
import type { ReactNode } from "react";
import { Link } from "react-router";
import { AppForm, ErrorSummary, Field, RadioGroup, SelectField, SubmitButton, valueOf, type ActionResult } from "../kernel/ui/forms";
import { AttachmentsField } from "../kernel/ui/files";
import { formatDate, formatDateTime, frenchSpaces, plural } from "../kernel/format";
import { requestKindKeys, requestKinds, requestStatuses, statusBadge } from "./labels";
import type { RequestStatus } from "./db/schema";

export function StatusBadge({ status, label }: { status: RequestStatus; label: string }) {
  return <p className={`fr-badge fr-badge--sm fr-badge--${statusBadge[status]} fr-badge--no-icon`}>{label}</p>;
}

export interface DeskLab {
  id: string;
  slug: string;
  name: string;
  description: string;
  answerDays: number;
}

export const promise = (days: number) => `Réponse sous ${plural(days, "jour ouvré", "jours ouvrés")}`;

/** The desk's form: a new request, or a draft being edited. */
export function RequestForm({ a, labs, initial, maxMb, attachments }: { a?: ActionResult; labs: DeskLab[]; initial?: Record<string, string>; maxMb: number; attachments?: { id: string; filename: string }[] }) {
  const v = (k: string) => valueOf(a?.values, k, initial?.[k] ?? "");
  const e = a?.errors ?? {};
  return (
    <AppForm encType="multipart/form-data" noValidate>
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <RadioGroup
        name="labId"
        legend="Le lab à qui vous demandez de l’aide"
        error={e.labId}
        defaultValue={v("labId")}
        options={labs.map((l) => ({ value: l.id, label: l.name, hint: frenchSpaces(`${l.description ? `${l.description} ` : ""}${promise(l.answerDays)}.`) }))}
      />
      <RadioGroup name="kind" legend="Le type d’aide" error={e.kind} defaultValue={v("kind")} options={requestKindKeys.map((k) => ({ value: k, label: requestKinds[k] }))} />
      <Field name="title" label="Titre de la demande" hint={"En une phrase, par exemple\u00a0: Repenser l’accueil des usagers en sous-préfecture."} error={e.title} defaultValue={v("title")} maxLength={200} />
      <Field name="context" label="Contexte et problème" hint="Ce qui se passe aujourd’hui, ce qui pose problème, depuis quand." textarea rows={6} error={e.context} defaultValue={v("context")} />
      <Field name="affected" label="Qui est concerné" hint={"Les agents, les usagers\u00a0: qui, combien, où."} textarea rows={3} error={e.affected} defaultValue={v("affected")} />
      <Field name="success" label="Ce que serait une réussite" textarea rows={3} error={e.success} defaultValue={v("success")} />
      <Field name="timing" label="Calendrier souhaité (facultatif)" hint={"Par exemple\u00a0: avant l’été, pour la rentrée."} error={e.timing} defaultValue={v("timing")} maxLength={500} />
      <Field
        name="sponsorEmail"
        type="email"
        autoComplete="off"
        label="Commanditaire dans votre hiérarchie (adresse électronique)"
        hint={"La personne qui soutient la demande\u00a0: elle la confirme depuis une notification ou un courriel. Sans sa confirmation, le lab étudie quand même la demande."}
        error={e.sponsorEmail}
        defaultValue={v("sponsorEmail")}
        maxLength={200}
      />
      <Field name="otherAdministrations" label="Autres administrations concernées (facultatif)" textarea rows={2} error={e.otherAdministrations} defaultValue={v("otherAdministrations")} />
      <AttachmentsField existing={attachments} error={e.attachments} maxMb={maxMb} />
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
        <li>
          <SubmitButton name="intent" value="submit">
            Envoyer la demande au lab
          </SubmitButton>
        </li>
        <li>
          <SubmitButton name="intent" value="draft" secondary>
            Enregistrer le brouillon
          </SubmitButton>
        </li>
      </ul>
    </AppForm>
  );
}

export interface HistoryData {
  events: { id: string; at: string | Date; actor: string; text: string }[];
  messages: { id: string; kind: "message" | "note" | "opinion"; body: string; at: string | Date; author: string; attachments: { id: string; filename: string }[] }[];
  attachments: { id: string; filename: string }[];
}

const messageLabel = { message: "Message", note: "Note interne (équipe du lab)", opinion: "Avis d’expert" } as const;

export function Conversation({ requestId, messages, title }: { requestId: string; messages: HistoryData["messages"]; title: ReactNode }) {
  return (
    <section className="fr-mb-4w">
      {title}
      {messages.length === 0 ? (
        <p>Aucun message pour l’instant.</p>
      ) : (
        <ol className="fr-raw-list">
          {messages.map((m) => (
            <li key={m.id} className={`fr-p-2w fr-mb-2w ${m.kind === "message" ? "fr-background-alt--grey" : "fr-background-contrast--yellow-moutarde"}`}>
              <p className="fr-text--sm fr-mb-1w">
                <strong>{m.author}</strong> – {messageLabel[m.kind]} – {formatDateTime(m.at)}
              </p>
              {m.body.split(/\n{2,}/).map((p, i) => (
                <p key={i} className="fr-mb-1w">
                  {frenchSpaces(p)}
                </p>
              ))}
              {m.attachments.length > 0 && (
                <ul>
                  {m.attachments.map((f) => (
                    <li key={f.id}>
                      <a href={`/demandes/${requestId}/pieces/${f.id}`} download>
                        {f.filename}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function EventList({ events }: { events: HistoryData["events"] }) {
  return (
    <ol>
      {events.map((e) => (
        <li key={e.id}>
          {formatDateTime(e.at)} – {frenchSpaces(e.text)}
          {e.actor ? ` (${e.actor})` : ""}
        </li>
      ))}
    </ol>
  );
}

/** A small form of the request page: one intent, its fields, its button. */
export function IntentForm({ intent, a, children, submit, multipart, secondary }: { intent: string; a?: ActionResult & { intent?: string }; children?: ReactNode; submit: string; multipart?: boolean; secondary?: boolean }) {
  const mine = a?.intent === intent || (a && !a.ok && valueOf(a.values, "intent") === intent) ? a : undefined;
  return (
    <AppForm encType={multipart ? "multipart/form-data" : undefined} noValidate className="fr-mb-4w">
      <input type="hidden" name="intent" value={intent} />
      {mine && !mine.ok && <ErrorSummary errors={mine.errors} formError={mine.formError} />}
      {children}
      <SubmitButton secondary={secondary}>{submit}</SubmitButton>
    </AppForm>
  );
}

/** The form's field values and errors, only when the last action was this intent. */
export function fieldsOf(a: (ActionResult & { intent?: string }) | undefined, intent: string) {
  const mine = a && !a.ok && valueOf(a.values, "intent") === intent;
  return { v: (k: string) => (mine ? valueOf(a!.values, k) : ""), e: mine ? (a!.errors ?? {}) : ({} as Record<string, string>) };
}

export { Field, SelectField, RadioGroup, AttachmentsField, formatDate, formatDateTime, frenchSpaces, plural, Link, requestKinds, requestStatuses };
