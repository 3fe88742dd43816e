import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-project-new";
import { once } from "~/kernel/db/once";
import { formError, invalid, parseForm } from "~/kernel/forms";
import { AppForm, PageTitle, SubmitButton, type ActionResult } from "~/kernel/ui/forms";
import { createProjectFor, createProjectFromDecision, labOf, newProjectForm } from "~/projects";
import { fromDecisionSchema, projectSchema } from "~/projects/schemas";
import { ProjectCrumbs, ProjectForm } from "~/projects/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return newProjectForm(viewer, params.labSlug).catch(loaderFailure);
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await labOf(viewer, params.labSlug);
    if (fd.get("intent") === "fromDecision") {
      const p = parseForm(fd, fromDecisionSchema);
      if (!p.ok) return formError(fd, "Cette décision n’existe pas.");
      const decisionId = p.data.decisionId;
      const location = await once(viewer.userId, fd, `project-from-decision:${decisionId}`, async () => {
        const project = await createProjectFromDecision(viewer, params.labSlug, decisionId);
        return `/projets/${project.id}?cree=1`;
      });
      return redirect(location);
    }
    const p = parseForm(fd, projectSchema);
    if (!p.ok) return invalid(p);
    const input = p.data;
    const location = await once(viewer.userId, fd, `project-new:${params.labSlug}`, async () => {
      const project = await createProjectFor(viewer, params.labSlug, input);
      return `/projets/${project.id}?cree=1`;
    });
    return redirect(location);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function NewProject() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  return (
    <Page>
      <PageTitle title={`Créer un projet – ${d.lab.name}`} error={!!a && !a.ok} />
      <ProjectCrumbs root={{ to: "/lab", label: "Espace lab" }} steps={[{ to: `/lab/${d.lab.slug}/projets`, label: "Projets" }, { label: "Créer un projet" }]} />
      <h1>Créer un projet</h1>
      {d.decisions.length > 0 && (
        <section aria-labelledby="decisions-title" className="fr-mb-6w">
          <h2 id="decisions-title">Propositions adoptées sans projet</h2>
          <p>Le suivi d’une décision d’adoption devient un projet{"\u00a0"}: son titre, son problème et son budget sont repris, le responsable du suivi en devient le chef ou la cheffe de projet.</p>
          <ul className="fr-raw-list">
            {d.decisions.map((x) => (
              <li key={x.decisionId} className="fr-mb-2w">
                <AppForm>
                  <input type="hidden" name="intent" value="fromDecision" />
                  <input type="hidden" name="decisionId" value={x.decisionId} />
                  <p className="fr-mb-1w">
                    <strong>{x.title}</strong> — {x.outcome.toLowerCase()} par la {x.directorate.replace(/^Direction/, "direction")} le {x.decidedOn} ({x.minilab})
                  </p>
                  <SubmitButton secondary>
                    Créer le projet<span className="fr-sr-only"> {x.title}</span>
                  </SubmitButton>
                </AppForm>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2>Nouveau projet</h2>
      <p>Le projet commence en exploration. L’équipe y dépose les livrables attendus à chaque étape, puis demande le passage à l’étape suivante au comité.</p>
      <ProjectForm a={a} organizations={d.organizations} submit="Créer le projet" />
    </Page>
  );
}
