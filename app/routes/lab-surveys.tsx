import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-surveys";
import { invalid, parseForm } from "~/kernel/forms";
import { once } from "~/kernel/db/once";
import { AppForm, CheckboxGroup, ErrorSummary, Field, PageTitle, RadioGroup, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { plural } from "~/kernel/format";
import { createSurvey, labSurveys } from "~/surveys";
import { surveyCreateSchema } from "~/surveys/schemas";
import { SurveyCrumbs } from "~/surveys/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return labSurveys(viewer, params.labSlug).catch(loaderFailure);
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await labSurveys(viewer, params.labSlug);
    const p = parseForm(fd, surveyCreateSchema);
    if (!p.ok) return invalid(p);
    const input = p.data;
    const location = await once(viewer.userId, fd, `survey-new:${params.labSlug}`, async () => {
      const survey = await createSurvey(viewer, params.labSlug, input);
      return `/lab/${params.labSlug}/questionnaires/${survey.id}?fait=cree`;
    });
    return redirect(location);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function LabSurveys() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const chosen = a?.values?.organizationIds;
  return (
    <Page>
      <PageTitle title={`Questionnaires – ${d.lab.name}`} error={!!a && !a.ok} />
      <SurveyCrumbs steps={[{ to: "/lab", label: "Espace lab" }, { label: "Questionnaires" }]} />
      <h1>Questionnaires – {d.lab.name}</h1>
      <p>Interrogez les agents des organisations choisies, ou toute personne par un lien anonyme, puis lisez les résultats en direct, croisés par organisation ou par réponse, et les thèmes des réponses libres.</p>
      {d.surveys.length === 0 ? (
        <p>Le lab n’a pas encore de questionnaire.</p>
      ) : (
        <ul className="fr-raw-list fr-mb-4w">
          {d.surveys.map((s) => (
            <li key={s.id} className="fr-mb-2w">
              <h2 className="fr-h5 fr-mb-1v">
                <Link to={`/lab/${d.lab.slug}/questionnaires/${s.id}`}>{s.title}</Link>
                {s.version > 1 && <span className="fr-text--sm"> (version {s.version})</span>}
              </h2>
              <p className="fr-text--sm fr-mb-1v">
                <span className="fr-badge fr-badge--sm fr-badge--no-icon">{s.status}</span> {s.audience} · {s.window} · {plural(s.responses, "réponse", "réponses")} ·{" "}
                <Link to={`/lab/${d.lab.slug}/questionnaires/${s.id}/resultats`}>Résultats</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2>Créer un questionnaire</h2>
      <AppForm noValidate>
        <ErrorSummary errors={a?.errors} formError={a?.formError} />
        <Field name="title" label="Titre" error={a?.errors?.title} defaultValue={valueOf(a?.values, "title")} required />
        <Field name="description" label="Présentation" hint="Facultatif : ce que les agents lisent avant de répondre." textarea rows={3} error={a?.errors?.description} defaultValue={valueOf(a?.values, "description")} />
        <RadioGroup
          name="audience"
          legend="Qui répond ?"
          options={[
            { value: "organizations", label: "Les agents des organisations choisies", hint: "Chacun répond une fois et peut modifier sa réponse jusqu’à la clôture. Aucune organisation choisie : tous les agents." },
            { value: "anonymous", label: "Toute personne qui a le lien, anonymement", hint: "Sans compte ; ni compte ni adresse IP ne sont gardés, le jour seulement ; une réponse par navigateur." },
          ]}
          error={a?.errors?.audience}
          defaultValue={valueOf(a?.values, "audience", "organizations")}
        />
        <details className="fr-mb-3w">
          <summary>Organisations ({d.organizations.length})</summary>
          <CheckboxGroup name="organizationIds" legend="Organisations dont les agents répondent" options={d.organizations} error={a?.errors?.organizationIds} defaultValues={Array.isArray(chosen) ? chosen : chosen ? [chosen] : []} />
        </details>
        <Field name="opensOn" type="date" label="Ouverture" hint="Facultatif : dès la publication sinon." error={a?.errors?.opensOn} defaultValue={valueOf(a?.values, "opensOn")} />
        <Field name="closesOn" type="date" label="Dernier jour pour répondre" hint="Facultatif." error={a?.errors?.closesOn} defaultValue={valueOf(a?.values, "closesOn")} />
        <SubmitButton>Créer le questionnaire</SubmitButton>
      </AppForm>
    </Page>
  );
}
