import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-training-session";
import { formError, invalid, parseForm } from "~/kernel/forms";
import { Refusal } from "~/kernel/permissions";
import { isoDay, isoTime } from "~/kernel/format";
import { AppForm, ErrorSummary, PageTitle, SubmitButton, type ActionResult } from "~/kernel/ui/forms";
import { deleteSession, recordAttendance, sessionPage, updateSession } from "~/trainings";
import { attendanceSchema, sessionSchema } from "~/trainings/schemas";
import { SessionFields, TrainingCrumbs } from "~/trainings/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

const done: Record<string, string> = { presence: "La feuille de présence est enregistrée.", close: "La feuille de présence est close : les attestations sont disponibles.", modifiee: "La session est modifiée." };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const page = await sessionPage(viewer, params.labSlug, params.trainingId, params.sessionId).catch(loaderFailure);
  return { ...page, done: done[new URL(request.url).searchParams.get("fait") ?? ""] ?? null };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  const here = `/lab/${params.labSlug}/formations/${params.trainingId}/sessions/${params.sessionId}`;
  try {
    const page = await sessionPage(viewer, params.labSlug, params.trainingId, params.sessionId);
    const intent = fd.get("intent");
    // a trainer takes attendance; editing and deleting the session are the lab team's
    if ((intent === "session" || intent === "delete") && !page.rights.manage) throw new Refusal("Seule l’équipe du lab modifie la session.", 403);
    if (intent === "attendance") {
      const p = parseForm(fd, attendanceSchema);
      if (!p.ok) return invalid({ ...p, values: { ...p.values, intent: "attendance" } });
      await recordAttendance(viewer, params.labSlug, params.trainingId, params.sessionId, p.data);
      return redirect(`${here}?fait=${p.data.close ? "close" : "presence"}`);
    }
    if (intent === "session") {
      const p = parseForm(fd, sessionSchema);
      if (!p.ok) return invalid({ ...p, values: { ...p.values, intent: "session" } });
      await updateSession(viewer, params.labSlug, params.trainingId, params.sessionId, p.data);
      return redirect(`${here}?fait=modifiee`);
    }
    if (intent === "delete") {
      await deleteSession(viewer, params.labSlug, params.trainingId, params.sessionId);
      return redirect(`/lab/${params.labSlug}/formations/${params.trainingId}?fait=supprimee`);
    }
    return formError(fd, "Action inconnue.");
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function LabTrainingSession() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const s = d.session;
  const which = a?.values?.intent;
  const people = (title: string, rows: { userId: string; name: string; organization: string; extra: string }[], empty: string, ordered = false) => (
    <>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : ordered ? (
        <ol>
          {rows.map((r) => (
            <li key={r.userId}>
              {r.name}
              {r.organization && ` (${r.organization})`} – {r.extra}
            </li>
          ))}
        </ol>
      ) : (
        <ul>
          {rows.map((r) => (
            <li key={r.userId}>
              {r.name}
              {r.organization && ` (${r.organization})`} – {r.extra}
            </li>
          ))}
        </ul>
      )}
    </>
  );
  return (
    <Page>
      <PageTitle title={`${s.title} – Formations du lab`} error={!!a && !a.ok} />
      <TrainingCrumbs
        steps={[
          ...(d.rights.manage ? [{ to: "/lab", label: "Espace lab" }, { to: `/lab/${d.lab.slug}/formations`, label: "Formations" }, { to: `/lab/${d.lab.slug}/formations/${d.training.id}`, label: d.training.title }] : [{ to: "/mes-formations", label: "Mes formations" }]),
          { label: `Session du ${s.when}` },
        ]}
      />
      <h1>{s.title}</h1>
      {d.done && (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <p>{d.done}</p>
        </div>
      )}
      {a && !a.ok && which !== "session" && <ErrorSummary errors={a.errors} formError={a.formError} />}
      <p>
        {s.when} · {s.place || "À distance"} · {s.capacity}
        {"\u00a0"}places
        {s.trainers.length > 0 && ` · formateurs et formatrices\u00a0: ${s.trainers.map((t) => t.name).join(", ")}`}
      </p>
      {people("Inscrits confirmés", d.confirmed.map((c) => ({ ...c, extra: `depuis le ${c.since}` })), "Personne n’est encore inscrit.")}
      {people("Places proposées, en attente de confirmation", d.offered.map((o) => ({ ...o, extra: `à confirmer avant le ${o.until}` })), "Aucune place proposée en ce moment.")}
      {people("Liste d’attente", d.waiting.map((w) => ({ ...w, extra: `inscrit le ${w.since}` })), "La liste d’attente est vide.", true)}
      {d.awaitingApproval.length > 0 && (
        <>
          <h2>En attente de l’accord de leur responsable</h2>
          <ul>
            {d.awaitingApproval.map((p, i) => (
              <li key={i}>
                {p.name}, demandé le {p.since}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Feuille de présence</h2>
      {s.held && <p>Close le {s.held}. Les agents présents peuvent télécharger leur attestation{"\u00a0"}; vous pouvez encore corriger la feuille.</p>}
      {d.attendance.length === 0 ? (
        <p>Personne n’est inscrit à cette session.</p>
      ) : (
        <AppForm>
          <fieldset className="fr-fieldset" aria-labelledby="attendance-legend">
            <legend className="fr-fieldset__legend" id="attendance-legend">
              Cochez les agents présents
            </legend>
            {d.attendance.map((p, i) => (
              <div key={p.userId} className="fr-fieldset__element">
                <div className="fr-checkbox-group">
                  <input type="checkbox" id={`present-${i}`} name="present" value={p.userId} defaultChecked={p.present} />
                  <label className="fr-label" htmlFor={`present-${i}`}>
                    {p.name}
                    {p.organization && ` (${p.organization})`}
                  </label>
                </div>
                {s.held && p.present && d.rights.manage && (
                  <p className="fr-text--sm fr-mb-0">
                    <a href={`/formations/${d.training.id}/sessions/${s.id}/attestation.pdf?agent=${p.userId}`} download>
                      Attestation de {p.name} (PDF)
                    </a>
                  </p>
                )}
              </div>
            ))}
            {!s.held && (
              <div className="fr-fieldset__element">
                <div className="fr-checkbox-group">
                  <input type="checkbox" id="close" name="close" value="on" />
                  <label className="fr-label" htmlFor="close">
                    Clore la feuille : la session a eu lieu, les attestations sont disponibles pour les présents
                  </label>
                </div>
              </div>
            )}
          </fieldset>
          <SubmitButton name="intent" value="attendance">
            Enregistrer la présence
          </SubmitButton>
        </AppForm>
      )}
      <h2>Journal des inscriptions</h2>
      {d.log.length === 0 ? (
        <p>Rien pour l’instant.</p>
      ) : (
        <div className="fr-table">
          <table>
            <caption>Inscriptions, places proposées, confirmations et délais dépassés, du plus récent au plus ancien</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Agent</th>
                <th scope="col">Événement</th>
              </tr>
            </thead>
            <tbody>
              {d.log.map((l, i) => (
                <tr key={i}>
                  <td>{l.at}</td>
                  <td>{l.name}</td>
                  <td>{l.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {d.rights.manage && (
        <>
          <h2>Modifier la session</h2>
          <AppForm noValidate>
            {which === "session" && <ErrorSummary errors={a?.errors} formError={a?.formError} />}
            <SessionFields
              errors={which === "session" ? a?.errors : undefined}
              values={which === "session" ? a?.values : undefined}
              defaults={{ startDate: isoDay(s.startDate), startTime: isoTime(s.startDate), endDate: isoDay(s.endDate), endTime: isoTime(s.endDate), place: s.place, link: s.link ?? "", capacity: String(s.capacity), trainers: s.trainers.map((t) => t.email).filter(Boolean).join(", ") }}
            />
            <SubmitButton name="intent" value="session">
              Enregistrer la session
            </SubmitButton>
          </AppForm>
          {d.confirmed.length + d.offered.length + d.waiting.length === 0 && (
            <AppForm className="fr-mt-4w">
              <SubmitButton name="intent" value="delete" secondary>
                Supprimer la session
              </SubmitButton>
            </AppForm>
          )}
          <p className="fr-mt-4w">
            <Link to={`/lab/${d.lab.slug}/formations/${d.training.id}`}>Retour à la formation</Link>
          </p>
        </>
      )}
    </Page>
  );
}
