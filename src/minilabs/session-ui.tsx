import { isoDay, isoTime } from "../kernel/format";
import { CheckboxGroup, Field, valueOf, type ActionResult } from "../kernel/ui/forms";
import type { MinilabSession } from "./sessions";
import type { LabMethod } from "../resources";

/** The fields of a session, for scheduling and editing it (the input kept after an error). */
export function SessionFields({ a, session, methods }: { a?: ActionResult; session: MinilabSession | null; methods: Pick<LabMethod, "label" | "description">[] }) {
  const v = (k: string, fallback = "") => valueOf(a?.values, k, fallback);
  const chosen = a?.values ? [a.values.methods ?? []].flat() : (session?.methods ?? []);
  const labels = new Set(methods.map((m) => m.label));
  const options = [...methods.map((m) => ({ value: m.label, label: m.description ? `${m.label} – ${m.description}` : m.label })), ...chosen.filter((c) => !labels.has(c)).map((c) => ({ value: c, label: `${c} (retirée de la liste)` }))];
  return (
    <>
      <Field name="title" label="Titre de la séance" required maxLength={120} defaultValue={v("title", session?.title ?? "")} error={a?.errors?.title} />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Field name="day" type="date" label="Date" required defaultValue={v("day", session ? isoDay(session.starts_at) : "")} error={a?.errors?.day} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Field name="time" type="time" label="Heure de début" hint="Heure de Paris" required defaultValue={v("time", session ? isoTime(session.starts_at) : "09:30")} error={a?.errors?.time} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Field name="durationMinutes" type="number" min={15} max={600} inputMode="numeric" label="Durée (minutes)" required defaultValue={v("durationMinutes", String(session?.duration_minutes ?? 120))} error={a?.errors?.durationMinutes} />
        </div>
      </div>
      <Field name="place" label="Lieu" hint="Salle et site, par exemple «\u00a0Maison de la Région, Metz, salle 2\u00a0». Un lieu ou une visioconférence au moins." maxLength={200} defaultValue={v("place", session?.place ?? "")} error={a?.errors?.place} />
      <Field name="videoUrl" type="url" label="Lien de visioconférence" hint="Adresse en https://" maxLength={500} defaultValue={v("videoUrl", session?.video_url ?? "")} error={a?.errors?.videoUrl} />
      <Field name="agenda" textarea rows={5} label="Ordre du jour" maxLength={4000} defaultValue={v("agenda", session?.agenda ?? "")} error={a?.errors?.agenda} />
      <CheckboxGroup name="methods" legend="Méthodes" hint="La liste est tenue par l’équipe du lab." options={options} defaultValues={chosen} error={a?.errors?.methods} />
      <Field name="dots" type="number" min={1} max={20} inputMode="numeric" label="Gommettes par participant sur le tableau" required defaultValue={v("dots", String(session?.dots ?? 5))} error={a?.errors?.dots} />
    </>
  );
}
