import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-trainings";
import { invalid, parseForm } from "~/kernel/forms";
import { once } from "~/kernel/db/once";
import { AppForm, ErrorSummary, PageTitle, SubmitButton, type ActionResult } from "~/kernel/ui/forms";
import { createTraining, labTrainings } from "~/trainings";
import { trainingSchema } from "~/trainings/schemas";
import { TrainingCrumbs, TrainingFields } from "~/trainings/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return labTrainings(viewer, params.labSlug).catch(loaderFailure);
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await labTrainings(viewer, params.labSlug);
    const p = parseForm(fd, trainingSchema);
    if (!p.ok) return invalid(p);
    const input = p.data;
    const location = await once(viewer.userId, fd, `training-new:${params.labSlug}`, async () => {
      const t = await createTraining(viewer, params.labSlug, input);
      return `/lab/${params.labSlug}/formations/${t.id}?fait=creee`;
    });
    return redirect(location);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function LabTrainings() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  return (
    <Page>
      <PageTitle title={`Formations – ${d.lab.name}`} error={!!a && !a.ok} />
      <TrainingCrumbs steps={[{ to: "/lab", label: "Espace lab" }, { label: "Formations" }]} />
      <h1>Formations – {d.lab.name}</h1>
      <p>
        Les formations du lab, leurs sessions, listes d’attente et feuilles de présence. <Link to={`/lab/${d.lab.slug}/formations/bilan`}>Bilan de l’offre réciproque</Link>
      </p>
      {d.trainings.length === 0 ? (
        <p>Le lab n’a pas encore de formation.</p>
      ) : (
        <div className="fr-table">
          <table>
            <caption>Formations du lab</caption>
            <thead>
              <tr>
                <th scope="col">Formation</th>
                <th scope="col">Ouverte à</th>
                <th scope="col">Sessions (à venir)</th>
                <th scope="col">Inscrits confirmés</th>
                <th scope="col">En liste d’attente</th>
              </tr>
            </thead>
            <tbody>
              {d.trainings.map((t) => (
                <tr key={t.id}>
                  <td>
                    <Link to={`/lab/${d.lab.slug}/formations/${t.id}`}>{t.title}</Link>
                    {!t.published && " (brouillon)"}
                  </td>
                  <td>{t.openTo}</td>
                  <td>
                    {t.sessions} ({t.upcoming})
                  </td>
                  <td>{t.registered}</td>
                  <td>{t.waiting}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Créer une formation</h2>
      <AppForm noValidate>
        <ErrorSummary errors={a?.errors} formError={a?.formError} />
        <TrainingFields
          errors={a?.errors}
          values={a?.values}
          defaults={{ title: "", objectives: "", methods: "", audience: "", format: "presentiel", durationHours: "7", side: d.defaultSide, openTo: [], confirmHours: "48", managerApproval: false, published: true }}
        />
        <SubmitButton>Créer la formation</SubmitButton>
      </AppForm>
    </Page>
  );
}
