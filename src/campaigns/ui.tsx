import { AppForm, CheckboxGroup, ErrorSummary, Field, SubmitButton, valueOf, type ActionResult } from "../kernel/ui/forms";

export interface CampaignFormInitial {
  title: string;
  summary: string;
  description: string;
  rules: string;
  opensAt: string;
  closesAt: string;
  scaleMax: string;
  organizationIds: string[];
  criteria: { label: string; weight: string }[];
}

export const defaultCriteria = [
  { label: "Utilité pour les agents et les usagers", weight: "3" },
  { label: "Faisabilité", weight: "2" },
  { label: "Originalité", weight: "1" },
];

/** The campaign form. Criteria and scale are locked once the campaign is published. */
export function CampaignForm({ a, initial, organizations, locked, submitLabel }: { a?: ActionResult; initial: CampaignFormInitial; organizations: { value: string; label: string }[]; locked: boolean; submitLabel: string }) {
  const e = a?.errors ?? {};
  const v = (k: keyof CampaignFormInitial) => valueOf(a?.values, k, (initial[k] as string) ?? "");
  const orgValues = a?.values ? ([] as string[]).concat(a.values.organizationIds ?? []) : initial.organizationIds;
  const rows = Array.from({ length: 6 }, (_, i) => initial.criteria[i] ?? { label: "", weight: "" });
  return (
    <AppForm noValidate>
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <Field name="title" label="Titre" error={e.title} defaultValue={v("title")} maxLength={160} />
      <Field name="summary" label="Résumé" hint="Une ou deux phrases, affichées dans la liste des campagnes." error={e.summary} defaultValue={v("summary")} textarea rows={2} />
      <Field name="description" label="Description" hint="L’appel, ses enjeux, ce qui est attendu." error={e.description} defaultValue={v("description")} textarea rows={8} />
      <Field name="rules" label="Règlement (facultatif)" error={e.rules} defaultValue={v("rules")} textarea rows={6} />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Field name="opensAt" label="Date d’ouverture" type="date" error={e.opensAt} defaultValue={v("opensAt")} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Field name="closesAt" label="Date de clôture" hint="La campagne se clôt à minuit, heure de Paris, au début de ce jour." type="date" error={e.closesAt} defaultValue={v("closesAt")} />
        </div>
      </div>
      <CheckboxGroup
        name="organizationIds"
        legend="Organisations éligibles"
        hint={"Aucune case cochée\u00a0: la campagne est ouverte à tous les agents."}
        options={organizations}
        defaultValues={orgValues}
        error={e.organizationIds}
      />
      <fieldset className="fr-fieldset" disabled={locked} aria-describedby={locked ? "criteria-locked" : undefined}>
        <legend className="fr-fieldset__legend">Grille d’évaluation</legend>
        {locked && (
          <p id="criteria-locked" className="fr-fieldset__element fr-text--sm">
            La campagne est publiée{"\u00a0"}: la grille ne peut plus changer.
          </p>
        )}
        <div className="fr-fieldset__element">
          <Field name="scaleMax" label={"Barème\u00a0: note maximale par critère"} type="number" min={2} max={20} error={e.scaleMax} defaultValue={v("scaleMax")} inputMode="numeric" />
        </div>
        {rows.map((c, i) => (
          <div key={i} className="fr-fieldset__element">
            <div className="fr-grid-row fr-grid-row--gutters">
              <div className="fr-col-8">
                <Field name={`criteria.${i}.label`} label={`Critère ${i + 1}`} error={e[`criteria.${i}.label`]} defaultValue={valueOf(a?.values, `criteria.${i}.label`, c.label)} />
              </div>
              <div className="fr-col-4">
                <Field name={`criteria.${i}.weight`} label={`Poids du critère ${i + 1}`} type="number" min={1} max={100} inputMode="numeric" error={e[`criteria.${i}.weight`]} defaultValue={valueOf(a?.values, `criteria.${i}.weight`, c.weight)} />
              </div>
            </div>
          </div>
        ))}
      </fieldset>
      <SubmitButton>{submitLabel}</SubmitButton>
    </AppForm>
  );
}
