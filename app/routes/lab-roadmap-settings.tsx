import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-roadmap-settings";
import { formError, invalid, parseForm } from "~/kernel/forms";
import { AppForm, ErrorSummary, Field, PageTitle, RadioGroup, SelectField, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { roadmapAction, roadmapPage } from "~/roadmaps";
import { formOf, settingsForms } from "~/roadmaps/schemas";
import { RoadmapCrumbs } from "~/roadmaps/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return roadmapPage(viewer, params.labSlug, params.roadmapId).catch(loaderFailure);
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await roadmapPage(viewer, params.labSlug, params.roadmapId);
    const schema = formOf(settingsForms, fd.get("intent"));
    if (!schema) return formError(fd, "Action inconnue.");
    const p = parseForm(fd, schema);
    if (!p.ok) return invalid(p);
    await roadmapAction(viewer, params.labSlug, params.roadmapId, p.data);
    return redirect(`/lab/${params.labSlug}/feuille-de-route/${params.roadmapId}?fait=settings`);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function RoadmapSettings() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const r = d.roadmap;
  const val = (name: string, fallback: string) => valueOf(a?.values, name, a?.values ? "" : fallback);
  return (
    <Page>
      <PageTitle title={`Réglages – ${r.title}`} error={!!a && !a.ok} />
      <RoadmapCrumbs steps={[{ to: "/lab", label: "Espace lab" }, { to: `/lab/${d.lab.slug}/feuille-de-route`, label: "Feuille de route" }, { to: `/lab/${d.lab.slug}/feuille-de-route/${r.id}`, label: r.title }, { label: "Réglages" }]} />
      <h1>Réglages de la feuille de route</h1>
      <AppForm noValidate>
        <ErrorSummary errors={a?.errors} formError={a?.formError} />
        <input type="hidden" name="intent" value="settings" />
        <Field name="title" label="Titre" error={a?.errors?.title} defaultValue={val("title", r.title)} required />
        <Field name="description" label="Présentation" textarea rows={3} error={a?.errors?.description} defaultValue={val("description", r.description)} />
        <SelectField name="partnerLab" label="Lab partenaire" placeholder="Aucun" options={d.options.partners} error={a?.errors?.partnerLab} defaultValue={val("partnerLab", r.partnerLab)} />
        <fieldset className="fr-fieldset" aria-labelledby="shares-legend">
          <legend className="fr-fieldset__legend" id="shares-legend">
            Part de chaque étape d’un projet dans son avancement (en %)
            <span className="fr-hint-text">Un projet connexe avance de la part de l’étape où il se trouve{"\u00a0"}; un «{"\u00a0"}go{"\u00a0"}» du comité le fait passer à la suivante.</span>
          </legend>
          {d.options.stages.map((s) => (
            <div key={s.value} className="fr-fieldset__element fr-fieldset__element--inline">
              <Field name={`share_${s.value}`} label={s.label} inputMode="numeric" error={a?.errors?.[`share_${s.value}`]} defaultValue={val(`share_${s.value}`, String(r.shares[s.value as keyof typeof r.shares]))} />
            </div>
          ))}
        </fieldset>
        <RadioGroup name="stopRule" legend="Éléments arrêtés" options={d.options.stopRules} error={a?.errors?.stopRule} defaultValue={val("stopRule", r.stopRule)} />
        <RadioGroup name="confidentialDisplay" legend="Projets confidentiels sur le traceur public" options={d.options.confidentialDisplays} error={a?.errors?.confidentialDisplay} defaultValue={val("confidentialDisplay", r.confidentialDisplay)} />
        <div className="fr-checkbox-group fr-mb-2w">
          <input type="checkbox" id="field-published" name="published" defaultChecked={a?.values ? valueOf(a.values, "published") === "on" : r.published} />
          <label className="fr-label" htmlFor="field-published">
            Publier sur le traceur public (/traceur/{d.lab.slug}){"\u00a0"}: seuls les éléments publics y paraissent
          </label>
        </div>
        <SubmitButton>Enregistrer les réglages</SubmitButton>
      </AppForm>
    </Page>
  );
}
