import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-resources";
import { invalid, parseForm } from "~/kernel/forms";
import { frenchSpaces } from "~/kernel/format";
import { once } from "~/kernel/db/once";
import { AppForm, ErrorSummary, Field, PageTitle, RadioGroup, SelectField, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { createResourceFor, generateCaseStudy, labLibrary } from "~/resources";
import { labLibraryActionSchema } from "~/resources/schemas";
import { SessionsBadge } from "~/resources/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return labLibrary(viewer, params.labSlug).catch(loaderFailure);
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await labLibrary(viewer, params.labSlug);
    const p = parseForm(fd, labLibraryActionSchema);
    if (!p.ok) return invalid(p);
    const input = p.data;
    const location = await once(viewer.userId, fd, `resource-new:${params.labSlug}`, async () => {
      const created = input.intent === "create" ? await createResourceFor(viewer, params.labSlug, input) : await generateCaseStudy(viewer, params.labSlug, input.projectId);
      return `/lab/${params.labSlug}/ressources/${created.id}?fait=cree`;
    });
    return redirect(location);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function LabResources() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const intent = valueOf(a?.values, "intent");
  return (
    <Page>
      <PageTitle title={`Ressources – ${d.lab.name}`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Espace lab", to: "/lab" }]} current="Ressources" />
      <h1>Ressources du lab</h1>
      <p>
        Les fiches méthodes (celles que les séances de Mini-Lab choisissent), les outils, les modèles et les études de cas du lab. Une fiche publiée paraît dans la <Link to="/ressources">bibliothèque des ressources</Link>.
      </p>
      <div className="fr-table">
        <table>
          <caption>Fiches du lab</caption>
          <thead>
            <tr>
              <th scope="col">Fiche</th>
              <th scope="col">Type</th>
              <th scope="col">État</th>
              <th scope="col">Lecteurs</th>
              <th scope="col">Séances</th>
            </tr>
          </thead>
          <tbody>
            {d.resources.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/lab/${d.lab.slug}/ressources/${r.id}`}>{frenchSpaces(r.title)}</Link>
                </td>
                <td>{r.kindLabel}</td>
                <td>{r.status}</td>
                <td>{r.visibility}</td>
                <td>{r.sessions === null ? "–" : <SessionsBadge n={r.sessions} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Créer une fiche</h2>
      <AppForm noValidate>
        {intent !== "caseStudy" && <ErrorSummary errors={a?.errors} formError={a?.formError} />}
        <input type="hidden" name="intent" value="create" />
        <RadioGroup name="kind" legend="Type" options={d.kinds} defaultValue={intent === "create" ? valueOf(a?.values, "kind", "method") : "method"} error={intent === "create" ? a?.errors?.kind : undefined} inline />
        <Field name="title" label="Titre" required maxLength={200} defaultValue={intent === "create" ? valueOf(a?.values, "title") : ""} error={intent === "create" ? a?.errors?.title : undefined} />
        <SubmitButton>Créer la fiche</SubmitButton>
      </AppForm>
      <h2 className="fr-mt-4w">Raconter un projet en étude de cas</h2>
      {d.candidates.length === 0 ? (
        <p>Aucun projet non confidentiel du lab n’est encore arrivé en évaluation ou en déploiement.</p>
      ) : (
        <AppForm noValidate>
          {intent === "caseStudy" && <ErrorSummary errors={a?.errors} formError={a?.formError} />}
          <input type="hidden" name="intent" value="caseStudy" />
          <SelectField
            name="projectId"
            label="Projet"
            hint={"Le brouillon reprend le problème, la méthode, le résultat et les indicateurs du projet\u202f; vous le relisez avant de le publier."}
            options={d.candidates}
            placeholder="Choisir un projet"
            defaultValue={intent === "caseStudy" ? valueOf(a?.values, "projectId") : ""}
            error={intent === "caseStudy" ? a?.errors?.projectId : undefined}
          />
          <SubmitButton>Rédiger le brouillon</SubmitButton>
        </AppForm>
      )}
    </Page>
  );
}
