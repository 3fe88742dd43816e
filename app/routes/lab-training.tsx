import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-training";
import { formError, invalid, parseForm } from "~/kernel/forms";
import { once } from "~/kernel/db/once";
import { AppForm, ErrorSummary, PageTitle, SubmitButton, type ActionResult } from "~/kernel/ui/forms";
import { addSession, trainingEditPage, updateTraining } from "~/trainings";
import { sessionSchema, trainingSchema } from "~/trainings/schemas";
import { SessionFields, TrainingCrumbs, TrainingFields } from "~/trainings/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

const done: Record<string, string> = { creee: "La formation est créée. Ajoutez-lui des sessions.", modifiee: "La formation est modifiée.", session: "La session est ajoutée.", supprimee: "La session est supprimée." };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const page = await trainingEditPage(viewer, params.labSlug, params.trainingId).catch(loaderFailure);
  return { ...page, done: done[new URL(request.url).searchParams.get("fait") ?? ""] ?? null };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await trainingEditPage(viewer, params.labSlug, params.trainingId);
    const intent = fd.get("intent");
    if (intent === "training") {
      const p = parseForm(fd, trainingSchema);
      if (!p.ok) return invalid({ ...p, values: { ...p.values, intent: "training" } });
      await updateTraining(viewer, params.labSlug, params.trainingId, p.data);
      return redirect(`/lab/${params.labSlug}/formations/${params.trainingId}?fait=modifiee`);
    }
    if (intent === "session") {
      const p = parseForm(fd, sessionSchema);
      if (!p.ok) return invalid({ ...p, values: { ...p.values, intent: "session" } });
      const input = p.data;
      const location = await once(viewer.userId, fd, `training-session:${params.trainingId}`, async () => {
        await addSession(viewer, params.labSlug, params.trainingId, input);
        return `/lab/${params.labSlug}/formations/${params.trainingId}?fait=session`;
      });
      return redirect(location);
    }
    return formError(fd, "Action inconnue.");
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function LabTraining() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const t = d.training;
  const which = a?.values?.intent;
  return (
    <Page>
      <PageTitle title={`${t.title} – Formations du lab`} error={!!a && !a.ok} />
      <TrainingCrumbs steps={[{ to: "/lab", label: "Espace lab" }, { to: `/lab/${d.lab.slug}/formations`, label: "Formations" }, { label: t.title }]} />
      <h1>{t.title}</h1>
      {d.done && (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <p>{d.done}</p>
        </div>
      )}
      <p>
        <Link to={`/formations/${t.id}`}>Voir la page de la formation</Link>
      </p>
      <h2>Sessions</h2>
      {d.sessions.length === 0 ? (
        <p>Aucune session pour l’instant.</p>
      ) : (
        <div className="fr-table">
          <table>
            <caption>Sessions de la formation</caption>
            <thead>
              <tr>
                <th scope="col">Session</th>
                <th scope="col">Lieu</th>
                <th scope="col">Places</th>
                <th scope="col">Confirmés</th>
                <th scope="col">Proposées</th>
                <th scope="col">Liste d’attente</th>
                <th scope="col">Présence</th>
              </tr>
            </thead>
            <tbody>
              {d.sessions.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/lab/${d.lab.slug}/formations/${t.id}/sessions/${s.id}`}>{s.when}</Link>
                  </td>
                  <td>{s.place || "À distance"}</td>
                  <td>{s.capacity}</td>
                  <td>{s.confirmed}</td>
                  <td>{s.offered}</td>
                  <td>{s.waiting}</td>
                  <td>{s.held ? "relevée" : s.past ? "à relever" : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Ajouter une session</h2>
      <AppForm noValidate>
        {which === "session" && <ErrorSummary errors={a?.errors} formError={a?.formError} />}
        <SessionFields errors={which === "session" ? a?.errors : undefined} values={which === "session" ? a?.values : undefined} defaults={{ startDate: "", startTime: "09:00", endDate: "", endTime: "17:00", place: "", link: "", capacity: "12", trainers: "" }} />
        <SubmitButton name="intent" value="session">
          Ajouter la session
        </SubmitButton>
      </AppForm>
      <h2 className="fr-mt-6w">Modifier la formation</h2>
      <AppForm noValidate>
        {which === "training" && <ErrorSummary errors={a?.errors} formError={a?.formError} />}
        <TrainingFields
          errors={which === "training" ? a?.errors : undefined}
          values={which === "training" ? a?.values : undefined}
          defaults={{
            title: t.title,
            objectives: t.objectives,
            methods: t.methods.join("\n"),
            audience: t.audience,
            format: t.format,
            durationHours: String(t.duration_hours).replace(".", ","),
            side: t.side,
            openTo: t.open_to,
            confirmHours: String(t.confirm_hours),
            managerApproval: t.manager_approval,
            published: t.published,
          }}
        />
        <SubmitButton name="intent" value="training">
          Enregistrer la formation
        </SubmitButton>
      </AppForm>
    </Page>
  );
}
