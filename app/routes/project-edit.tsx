import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/project-edit";
import { invalid, parseForm } from "~/kernel/forms";
import { PageTitle, type ActionResult } from "~/kernel/ui/forms";
import { projectForEdit, updateProjectFor } from "~/projects";
import { projectSchema } from "~/projects/schemas";
import { ProjectCrumbs, ProjectForm } from "~/projects/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return projectForEdit(viewer, params.projectId).catch(loaderFailure);
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await projectForEdit(viewer, params.projectId);
    const p = parseForm(fd, projectSchema);
    if (!p.ok) return invalid(p);
    await updateProjectFor(viewer, params.projectId, p.data);
    return redirect(`/projets/${params.projectId}?modifie=1`);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function EditProject() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  return (
    <Page>
      <PageTitle title={`Modifier le projet ${d.project.title}`} error={!!a && !a.ok} />
      <ProjectCrumbs steps={[{ to: `/projets/${d.project.id}`, label: d.project.title }, { label: "Modifier" }]} />
      <h1>Modifier le projet</h1>
      <ProjectForm a={a} initial={d.project} organizations={d.organizations} submit="Enregistrer" teamEditable={d.manage} />
    </Page>
  );
}
