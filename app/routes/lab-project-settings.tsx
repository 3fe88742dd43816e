import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-project-settings";
import { invalid, parseForm } from "~/kernel/forms";
import { AppForm, CheckboxGroup, ErrorSummary, Field, PageTitle, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { labOf, projectSettingsPage, saveProjectSettings } from "~/projects";
import { settingsSchema } from "~/projects/schemas";
import { ProjectCrumbs } from "~/projects/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const page = await projectSettingsPage(viewer, params.labSlug).catch(loaderFailure);
  return { ...page, saved: new URL(request.url).searchParams.has("enregistre") };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await labOf(viewer, params.labSlug);
    const p = parseForm(fd, settingsSchema);
    if (!p.ok) return invalid(p);
    await saveProjectSettings(viewer, params.labSlug, p.data);
    return redirect(`/lab/${params.labSlug}/projets/modeles?enregistre=1`);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function ProjectSettings() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const strategic = a?.values ? ([] as string[]).concat(a.values.strategic ?? []) : d.strategic;
  return (
    <Page>
      <PageTitle title={`Livrables attendus et comités – ${d.lab.name}`} error={!!a && !a.ok} />
      <ProjectCrumbs root={{ to: "/lab", label: "Espace lab" }} steps={[{ to: `/lab/${d.lab.slug}/projets`, label: "Projets" }, { label: "Livrables attendus et comités" }]} />
      <h1>Livrables attendus et comités</h1>
      {d.saved && (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <p>Le modèle du lab est enregistré.</p>
        </div>
      )}
      <p>Les livrables qu’un projet dépose à chaque étape avant de demander le passage à la suivante, et les passages que le comité de pilotage examine (les autres vont au comité de projet).</p>
      <AppForm noValidate>
        <ErrorSummary errors={a?.errors} formError={a?.formError} />
        {d.stages.map((s) => (
          <Field
            key={s.value}
            name={`template_${s.value}`}
            label={`${s.label}\u00a0: livrables attendus`}
            hint={"Un livrable par ligne\u202f; aucune ligne\u00a0: rien n’est exigé."}
            textarea
            rows={3}
            error={a?.errors?.[`template_${s.value}`]}
            defaultValue={valueOf(a?.values, `template_${s.value}`, d.template[s.value as keyof typeof d.template].join("\n"))}
          />
        ))}
        <CheckboxGroup
          name="strategic"
          legend={"Passages stratégiques (comité de pilotage)\u00a0: entrée en…"}
          error={a?.errors?.strategic}
          defaultValues={strategic}
          options={d.stages.filter((s) => s.value !== "exploration").map((s) => ({ value: s.value, label: s.label }))}
        />
        <SubmitButton>Enregistrer</SubmitButton>
      </AppForm>
    </Page>
  );
}
