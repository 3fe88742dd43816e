/** The trainings' components, for the browser too: no server code is imported here. */
import type { FieldErrors, FormValues } from "../kernel/forms";
import { CheckboxGroup, Field, RadioGroup, SelectField, valueOf } from "../kernel/ui/forms";
import { Breadcrumb } from "../kernel/ui/page";

export function TrainingCrumbs({ steps }: { steps: { to?: string; label: string }[] }) {
  const before = steps.slice(0, -1).filter((s): s is { to: string; label: string } => !!s.to);
  return <Breadcrumb items={before} current={steps[steps.length - 1]?.label ?? ""} />;
}

const sideOptions = [
  { value: "state", label: "État" },
  { value: "region", label: "Région" },
  { value: "local", label: "Collectivités" },
  { value: "health", label: "Santé" },
];
const openOptions = [
  { value: "state", label: "Les agents de l’État" },
  { value: "region", label: "Les agents de la Région" },
  { value: "local", label: "Les agents des collectivités" },
  { value: "health", label: "Les agents des établissements de santé" },
];

export interface TrainingDefaults {
  title: string;
  objectives: string;
  methods: string;
  audience: string;
  format: string;
  durationHours: string;
  side: string;
  openTo: string[];
  confirmHours: string;
  managerApproval: boolean;
  published: boolean;
}

/** The training's fields (creation and edition): the user's input after a refusal, else the defaults. */
export function TrainingFields({ errors, values, defaults }: { errors?: FieldErrors; values?: FormValues; defaults: TrainingDefaults }) {
  const v = (k: keyof TrainingDefaults) => (values ? valueOf(values, k) : String(defaults[k] ?? ""));
  const openTo = values ? ([] as string[]).concat(values.openTo ?? []) : defaults.openTo;
  const checked = (k: "managerApproval" | "published") => (values ? values[k] === "on" : defaults[k]);
  return (
    <>
      <Field name="title" label="Titre" error={errors?.title} defaultValue={v("title")} required />
      <Field name="objectives" label="Objectifs" hint="Facultatif." textarea rows={4} error={errors?.objectives} defaultValue={v("objectives")} />
      <Field name="methods" label="Méthodes enseignées" hint="Une par ligne (20 au maximum)." textarea rows={4} error={errors?.methods} defaultValue={v("methods")} />
      <Field name="audience" label="Public" hint="Facultatif. Par exemple : « agents en charge d’un projet de service »." error={errors?.audience} defaultValue={v("audience")} />
      <RadioGroup name="format" legend="Format" inline error={errors?.format} defaultValue={v("format")} options={[{ value: "presentiel", label: "Présentiel" }, { value: "distanciel", label: "Distanciel" }]} />
      <Field name="durationHours" label="Durée (en heures)" hint="Par exemple 7 pour une journée, 3,5 pour une demi-journée." inputMode="numeric" error={errors?.durationHours} defaultValue={v("durationHours")} required />
      <SelectField name="side" label="Administration qui organise" hint="Ses agents peuvent s’inscrire." options={sideOptions} error={errors?.side} defaultValue={v("side")} required />
      <CheckboxGroup name="openTo" legend="Offre réciproque : ouvrir aussi aux agents de" hint="Les agents des administrations cochées peuvent aussi s’inscrire." options={openOptions} error={errors?.openTo} defaultValues={openTo} />
      <Field name="confirmHours" label="Délai pour confirmer une place libérée (en heures)" hint="Quand une place se libère, la première personne de la liste d’attente a ce délai pour la confirmer ; 48 heures par défaut." inputMode="numeric" error={errors?.confirmHours} defaultValue={v("confirmHours")} required />
      <CheckboxGroup name="managerApproval" legend="Accord du responsable" options={[{ value: "on", label: "L’inscription demande l’accord du ou de la responsable de l’agent (par un lien envoyé par courriel)" }]} error={errors?.managerApproval} defaultValues={checked("managerApproval") ? ["on"] : []} />
      <CheckboxGroup name="published" legend="Publication" options={[{ value: "on", label: "Publiée dans le catalogue des formations" }]} error={errors?.published} defaultValues={checked("published") ? ["on"] : []} />
    </>
  );
}

export interface SessionDefaults {
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  place: string;
  link: string;
  capacity: string;
  trainers: string;
}

export function SessionFields({ errors, values, defaults }: { errors?: FieldErrors; values?: FormValues; defaults: SessionDefaults }) {
  const v = (k: keyof SessionDefaults) => (values ? valueOf(values, k) : defaults[k]);
  return (
    <>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Field name="startDate" label="Date de début" type="date" error={errors?.startDate} defaultValue={v("startDate")} required />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Field name="startTime" label="Heure de début" hint="Format hh:mm." type="time" error={errors?.startTime} defaultValue={v("startTime")} required />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Field name="endDate" label="Date de fin" hint="Facultatif : le même jour si vide." type="date" error={errors?.endDate} defaultValue={v("endDate")} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Field name="endTime" label="Heure de fin" hint="Format hh:mm." type="time" error={errors?.endTime} defaultValue={v("endTime")} required />
        </div>
      </div>
      <Field name="place" label="Lieu" hint="Facultatif pour une session à distance." error={errors?.place} defaultValue={v("place")} />
      <Field name="link" label="Lien de la visioconférence" hint="Facultatif. Montré aux seuls inscrits confirmés." type="url" error={errors?.link} defaultValue={v("link")} />
      <Field name="capacity" label="Nombre de places" inputMode="numeric" error={errors?.capacity} defaultValue={v("capacity")} required />
      <Field name="trainers" label="Formateurs et formatrices" hint="Adresses électroniques de leurs comptes, séparées par des virgules (10 au maximum) : ils relèvent la présence." error={errors?.trainers} defaultValue={v("trainers")} />
    </>
  );
}

const statusBadge: Record<string, string> = { confirmed: "fr-badge--success", offered: "fr-badge--new", waiting: "fr-badge--info" };
export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <p className={`fr-badge fr-badge--sm ${statusBadge[status] ?? ""}`}>{label}</p>;
}
