/** The events' shared pieces: an event's line in a list, its badges, and the lab team's event form. */
import { Link } from "react-router";
import type { FormValues } from "../kernel/forms";
import { isoDay, isoTime } from "../kernel/format";
import { AppForm, ErrorSummary, Field, RadioGroup, SelectField, SubmitButton, valueOf, type ActionResult } from "../kernel/ui/forms";
import type { EventRow } from "./db/schema";
import { audiences, eventKinds, readRecurrence, recurrenceFrequencies, regions } from "./rules";
import type { EventSummary } from "./service";

export function EventBadges({ e }: { e: Pick<EventSummary, "kind" | "open" | "audience" | "cancelled" | "moisInnovation" | "recurring"> }) {
  return (
    <ul className="fr-badges-group fr-mb-1v">
      {e.cancelled && (
        <li>
          <p className="fr-badge fr-badge--sm fr-badge--error fr-badge--no-icon">Annulé</p>
        </li>
      )}
      <li>
        <p className="fr-badge fr-badge--sm fr-badge--no-icon">{e.kind}</p>
      </li>
      <li>
        <p className={`fr-badge fr-badge--sm fr-badge--no-icon${e.open ? " fr-badge--green-emeraude" : ""}`}>{e.audience}</p>
      </li>
      {e.moisInnovation && (
        <li>
          <p className="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--purple-glycine">Mois de l’innovation publique</p>
        </li>
      )}
      {e.recurring && (
        <li>
          <p className="fr-badge fr-badge--sm fr-badge--no-icon">Se répète</p>
        </li>
      )}
    </ul>
  );
}

/** An event in a list: its title as a link, when, where, who organises it. */
export function EventItem({ e, headingLevel = 3, showDate = true, editPath }: { e: EventSummary; headingLevel?: 3 | 4; showDate?: boolean; editPath?: string }) {
  const H = `h${headingLevel}` as "h3" | "h4";
  return (
    <li className="germoir-event" data-event={e.id}>
      <H className="fr-text--md fr-mb-1v">
        {e.time && !showDate && <span className="germoir-event__time">{e.time}{"\u00a0"}– </span>}
        <Link to={`/evenements/${e.id}`}>{e.title}</Link>
      </H>
      <EventBadges e={e} />
      <p className="germoir-meta fr-mb-1w">
        {showDate && <>{e.when} · </>}
        {e.organizer}
        {e.where && <> · {e.where}</>} · {e.region}
        {editPath && (
          <>
            {" "}
            · <Link to={editPath}>Modifier<span className="fr-sr-only"> «{"\u00a0"}{e.title}{"\u00a0"}»</span></Link>
          </>
        )}
      </p>
    </li>
  );
}

/** A stored event as the form's values (for its edit page). */
export function eventValues(e: EventRow): FormValues {
  const r = readRecurrence(e.recurrence);
  const values: FormValues = {
    title: e.title,
    description: e.description,
    kind: e.kind,
    organizer: e.network_lab_id ?? "",
    startDate: isoDay(e.starts_at),
    startTime: e.all_day ? "" : isoTime(e.starts_at),
    endDate: isoDay(e.ends_at) === isoDay(e.starts_at) ? "" : isoDay(e.ends_at),
    endTime: e.all_day ? "" : isoTime(e.ends_at),
    repeat: r.frequency,
    interval: r.interval > 1 ? String(r.interval) : "",
    repeatCount: r.count ? String(r.count) : "",
    repeatUntil: r.until ? isoDay(r.until) : "",
    region: e.region,
    place: e.place,
    onlineUrl: e.online_url ?? "",
    audience: e.audience,
    registration: e.registration,
    capacity: e.capacity ? String(e.capacity) : "",
  };
  if (e.all_day) values.allDay = "on";
  if (e.tags.includes("mois-innovation")) values.moisInnovation = "on";
  return values;
}

function Checkbox({ name, label, hint, checked }: { name: string; label: string; hint?: string; checked: boolean }) {
  return (
    <div className="fr-checkbox-group fr-mb-3w">
      <input type="checkbox" id={`field-${name}`} name={name} defaultChecked={checked} aria-describedby={hint ? `field-${name}-hint` : undefined} />
      <label className="fr-label" htmlFor={`field-${name}`}>
        {label}
        {hint && (
          <span className="fr-hint-text" id={`field-${name}-hint`}>
            {hint}
          </span>
        )}
      </label>
    </div>
  );
}

/** The event form (new and edit): works without JavaScript; errors beside their fields, the input kept. */
export function EventForm({ a, values, organizers, submit }: { a?: ActionResult; values?: FormValues; organizers: { value: string; label: string }[]; submit: string }) {
  const v = a?.values ?? values;
  const e = a?.errors;
  const val = (k: string, fallback = "") => valueOf(v, k, fallback);
  return (
    <AppForm noValidate>
      <ErrorSummary errors={e} formError={a?.formError} />
      <Field name="title" label="Titre" error={e?.title} defaultValue={val("title")} required maxLength={300} />
      <Field name="description" label="Présentation" hint="Facultatif." textarea rows={4} error={e?.description} defaultValue={val("description")} />
      <SelectField name="kind" label="Type d’événement" options={Object.entries(eventKinds).map(([value, label]) => ({ value, label }))} error={e?.kind} defaultValue={val("kind", "workshop")} required />
      {organizers.length > 1 && (
        <SelectField name="organizer" label="Organisé par" hint="Votre lab, ou un lab du réseau que votre lab a déclaré." options={organizers} error={e?.organizer} defaultValue={val("organizer")} />
      )}
      <fieldset className="fr-fieldset" aria-labelledby="dates-legend">
        <legend className="fr-fieldset__legend" id="dates-legend">
          Dates
        </legend>
        <div className="fr-fieldset__element">
          <Checkbox name="allDay" label="Toute la journée" hint="Sans heures : une exposition, une journée entière." checked={val("allDay") === "on"} />
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Field name="startDate" type="date" label="Date de début" error={e?.startDate} defaultValue={val("startDate")} required />
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Field name="startTime" type="time" label="Heure de début" error={e?.startTime} defaultValue={val("startTime")} />
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Field name="endDate" type="date" label="Date de fin" hint="Vide : le même jour." error={e?.endDate} defaultValue={val("endDate")} />
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Field name="endTime" type="time" label="Heure de fin" error={e?.endTime} defaultValue={val("endTime")} />
        </div>
      </fieldset>
      <fieldset className="fr-fieldset" aria-labelledby="repeat-legend">
        <legend className="fr-fieldset__legend" id="repeat-legend">
          Répétition
        </legend>
        <div className="fr-fieldset__element">
          <SelectField name="repeat" label="Se répète" options={Object.entries(recurrenceFrequencies).map(([value, label]) => ({ value, label }))} error={e?.repeat} defaultValue={val("repeat", "none")} />
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Field name="interval" type="number" min={1} max={12} inputMode="numeric" label="Intervalle" hint="Par exemple 2 : une semaine sur deux. Vide : 1." error={e?.interval} defaultValue={val("interval")} />
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Field name="repeatCount" type="number" min={2} max={200} inputMode="numeric" label="Nombre de fois" error={e?.repeatCount} defaultValue={val("repeatCount")} />
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Field name="repeatUntil" type="date" label="Ou jusqu’au" error={e?.repeatUntil} defaultValue={val("repeatUntil")} />
        </div>
      </fieldset>
      <SelectField name="region" label="Région" options={regions.map((r) => ({ value: r, label: r }))} error={e?.region} defaultValue={val("region", "Grand Est")} required />
      <Field name="place" label="Lieu" hint="L’adresse, ou vide pour un événement en ligne." error={e?.place} defaultValue={val("place")} maxLength={300} />
      <Field name="onlineUrl" type="url" label="Lien de participation en ligne" hint="Facultatif. Commence par https://." error={e?.onlineUrl} defaultValue={val("onlineUrl")} />
      <RadioGroup name="audience" legend="Public" hint="Un événement réservé aux agents n’est visible que des agents connectés." options={Object.entries(audiences).map(([value, label]) => ({ value, label }))} error={e?.audience} defaultValue={val("audience", "all")} />
      <RadioGroup name="registration" legend="Participation" options={[{ value: "free", label: "Entrée libre" }, { value: "required", label: "Sur inscription" }]} error={e?.registration} defaultValue={val("registration", "free")} inline />
      <Field name="capacity" type="number" min={1} inputMode="numeric" label="Nombre de places" hint="Pour un événement sur inscription." error={e?.capacity} defaultValue={val("capacity")} />
      <Checkbox name="moisInnovation" label="Mois de l’innovation publique" hint="L’événement fait partie du Mois de l’innovation publique (novembre)." checked={val("moisInnovation") === "on"} />
      <SubmitButton>{submit}</SubmitButton>
    </AppForm>
  );
}
