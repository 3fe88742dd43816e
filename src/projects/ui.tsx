/** The projects' components, for the browser too: no server code is imported here. */
import { Breadcrumb } from "../kernel/ui/page";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { AppForm, ErrorSummary, Field, SelectField, SubmitButton, valueOf, type ActionResult } from "../kernel/ui/forms";
import { mainStages, serviceKinds, stageLabels, type Stage } from "./stages";

export const ORG_ROWS = 4;

export function ProjectCrumbs({ steps, root = { to: "/mes-projets", label: "Mes projets" } }: { steps: { to?: string; label: string }[]; root?: { to: string; label: string } }) {
  return <Trail steps={[root, ...steps]} />;
}

/** A breadcrumb from steps, the last one current (the kernel's Breadcrumb). */
function Trail({ steps }: { steps: { to?: string; label: string }[] }) {
  const before = steps.slice(0, -1).filter((s): s is { to: string; label: string } => !!s.to);
  return <Breadcrumb items={before} current={steps[steps.length - 1]?.label ?? ""} />;
}

const tone: Record<Stage, string> = {
  exploration: "fr-badge--new",
  prototype: "fr-badge--info",
  experimentation: "fr-badge--info",
  evaluation: "fr-badge--info",
  deployment: "fr-badge--success",
  paused: "fr-badge--warning",
  stopped: "fr-badge--error",
};

export function StageBadge({ stage }: { stage: Stage }) {
  return <p className={`fr-badge fr-badge--sm fr-badge--no-icon ${tone[stage]}`}>{stageLabels[stage]}</p>;
}

export interface ProjectFormInitial {
  title: string;
  problem: string;
  users: string;
  confidential: boolean;
  lead: string;
  staff: string;
  experts: string;
  budgetRequested: string;
  budgetGranted: string;
  fundingSource: string;
  startsOn: string;
  endsOn: string;
  orgs: { org: string; kind: string }[];
  planned: Record<string, string>;
}

/** The project form, to create and to edit: works without JavaScript. */
export function ProjectForm({ a, initial, organizations, submit, teamEditable = true }: { a?: ActionResult; initial?: ProjectFormInitial; organizations: { value: string; label: string }[]; submit: ReactNode; teamEditable?: boolean }) {
  const v = (k: string, fallback = "") => valueOf(a?.values, k, fallback);
  const checked = a?.values ? a.values.confidential === "on" : !!initial?.confidential;
  return (
    <AppForm noValidate>
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <Field name="title" label="Titre du projet" error={a?.errors?.title} defaultValue={v("title", initial?.title)} maxLength={200} />
      <Field name="problem" label="Problème à résoudre" textarea rows={4} error={a?.errors?.problem} defaultValue={v("problem", initial?.problem)} />
      <Field name="users" label="Usagers et agents concernés (facultatif)" textarea rows={2} error={a?.errors?.users} defaultValue={v("users", initial?.users)} />
      <div className="fr-checkbox-group fr-mb-3w">
        <input type="checkbox" id="field-confidential" name="confidential" defaultChecked={checked} />
        <label className="fr-label" htmlFor="field-confidential">
          Projet confidentiel
          <span className="fr-hint-text">Seuls l’équipe du projet et l’équipe du lab le voient. Sinon, tout agent connecté en voit le résumé.</span>
        </label>
      </div>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Administrations porteuses</legend>
        {Array.from({ length: ORG_ROWS }, (_, i) => (
          <div key={i} className="fr-fieldset__element">
            <div className="fr-grid-row fr-grid-row--gutters">
              <div className="fr-col-12 fr-col-md-8">
                <SelectField name={`org${i}`} label={`Administration ${i + 1}`} placeholder="— aucune —" options={organizations} error={a?.errors?.[`org${i}`]} defaultValue={v(`org${i}`, initial?.orgs[i]?.org ?? "")} />
              </div>
              <div className="fr-col-12 fr-col-md-4">
                <SelectField
                  name={`kind${i}`}
                  label={`Fonction publique ${i + 1}`}
                  placeholder="— choisir —"
                  options={Object.entries(serviceKinds).map(([value, label]) => ({ value, label }))}
                  error={a?.errors?.[`kind${i}`]}
                  defaultValue={v(`kind${i}`, initial?.orgs[i]?.kind ?? "")}
                />
              </div>
            </div>
          </div>
        ))}
      </fieldset>
      {teamEditable ? (
        <>
          <Field name="lead" label="Chef ou cheffe de projet (adresse électronique, facultatif)" hint="Un agent de l’administration porteuse." error={a?.errors?.lead} defaultValue={v("lead", initial?.lead)} />
          <Field name="staff" label="Équipe du lab (adresses électroniques, facultatif)" hint="Séparées par des virgules ou des retours à la ligne." textarea rows={2} error={a?.errors?.staff} defaultValue={v("staff", initial?.staff)} />
          <Field name="experts" label="Experts (adresses électroniques, facultatif)" hint="Séparées par des virgules ou des retours à la ligne." textarea rows={2} error={a?.errors?.experts} defaultValue={v("experts", initial?.experts)} />
        </>
      ) : (
        <>
          <input type="hidden" name="lead" value={initial?.lead ?? ""} />
          <input type="hidden" name="staff" value={initial?.staff ?? ""} />
          <input type="hidden" name="experts" value={initial?.experts ?? ""} />
        </>
      )}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Field name="budgetRequested" label="Budget demandé (€, facultatif)" inputMode="numeric" error={a?.errors?.budgetRequested} defaultValue={v("budgetRequested", initial?.budgetRequested)} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Field name="budgetGranted" label="Budget accordé (€, facultatif)" inputMode="numeric" error={a?.errors?.budgetGranted} defaultValue={v("budgetGranted", initial?.budgetGranted)} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Field name="fundingSource" label="Source de financement (facultatif)" hint={"Par exemple\u00a0: FTAP."} error={a?.errors?.fundingSource} defaultValue={v("fundingSource", initial?.fundingSource)} />
        </div>
      </div>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Field name="startsOn" type="date" label="Date de début (facultatif)" error={a?.errors?.startsOn} defaultValue={v("startsOn", initial?.startsOn)} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Field name="endsOn" type="date" label="Date de fin prévue (facultatif)" error={a?.errors?.endsOn} defaultValue={v("endsOn", initial?.endsOn)} />
        </div>
      </div>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Dates prévues des étapes (facultatives)</legend>
        {mainStages.map((s) => (
          <div key={s} className="fr-fieldset__element">
            <div className="fr-grid-row fr-grid-row--gutters">
              <div className="fr-col-12 fr-col-md-6">
                <Field name={`plannedStart_${s}`} type="date" label={`${stageLabels[s]}\u00a0: début prévu`} error={a?.errors?.[`plannedStart_${s}`]} defaultValue={v(`plannedStart_${s}`, initial?.planned[`plannedStart_${s}`])} />
              </div>
              <div className="fr-col-12 fr-col-md-6">
                <Field name={`plannedEnd_${s}`} type="date" label={`${stageLabels[s]}\u00a0: fin prévue`} error={a?.errors?.[`plannedEnd_${s}`]} defaultValue={v(`plannedEnd_${s}`, initial?.planned[`plannedEnd_${s}`])} />
              </div>
            </div>
          </div>
        ))}
      </fieldset>
      <SubmitButton>{submit}</SubmitButton>
    </AppForm>
  );
}
