import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/committee";
import { once } from "~/kernel/db/once";
import { formError, invalid, parseForm } from "~/kernel/forms";
import { formatDate, formatDateTime, frenchSpaces, plural } from "~/kernel/format";
import { Refusal } from "~/kernel/permissions";
import { AppForm, ErrorSummary, Field, PageTitle, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { committeePage, scheduleMeeting, updateCommitteeFor } from "~/committees";
import { committeeSettingsSchema, meetingSchema } from "~/committees/schemas";
import { CommitteeCrumbs } from "~/committees/client";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const page = await committeePage(s, params.labSlug, params.committeeId).catch(loaderFailure);
  const url = new URL(request.url);
  return { ...page, created: url.searchParams.has("cree"), saved: url.searchParams.has("enregistre") };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    const page = await committeePage(s, params.labSlug, params.committeeId);
    if (!page.rights.mayManage) throw new Refusal("Seule l’équipe du lab gère le comité.", 403);
    const intent = fd.get("intent");
    if (intent === "settings") {
      const p = parseForm(fd, committeeSettingsSchema);
      if (!p.ok) return invalid(p);
      await updateCommitteeFor(s, params.labSlug, params.committeeId, p.data);
      return redirect(`/lab/${params.labSlug}/comites/${params.committeeId}?enregistre=1`);
    }
    if (intent === "meeting") {
      const p = parseForm(fd, meetingSchema);
      if (!p.ok) return invalid(p);
      const input = p.data;
      const location = await once(s.userId, fd, `committee-meeting:${params.committeeId}`, async () => {
        const meeting = await scheduleMeeting(s, params.labSlug, params.committeeId, input);
        return `/lab/${params.labSlug}/comites/${params.committeeId}/reunions/${meeting.id}?planifiee=1`;
      });
      return redirect(location);
    }
    return formError(fd, "Action inconnue.");
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function CommitteePage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const v = (k: string, fallback = "") => valueOf(a?.values, k, fallback);
  const c = d.committee;
  const intent = valueOf(a?.values, "intent");
  const upcoming = d.meetings.filter((m) => !m.held);
  const held = d.meetings.filter((m) => m.held).reverse();
  const membersText = d.members.map((m) => `${m.email}${m.sideLabel ? ` ${m.sideLabel}` : ""}`).join("\n");
  return (
    <Page>
      <PageTitle title={`${c.name} – ${d.lab.name}`} error={!!a && !a.ok} />
      <CommitteeCrumbs labSlug={d.lab.slug} steps={[{ label: c.name }]} />
      <h1>{c.name}</h1>
      {(d.created || d.saved) && (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <p>{d.created ? "Le comité est créé : ajoutez ses membres." : "Les réglages du comité sont enregistrés."}</p>
        </div>
      )}
      <p className="fr-text--lead">
        {c.kindLabel}
        {c.rhythm ? ` · ${frenchSpaces(c.rhythm)}` : ""}
      </p>
      <p>
        Présidence : {c.chair ?? "à désigner"} · Quorum : {c.quorumPercent}{"\u00a0"}% des membres présents{c.quorumPerSide ? ", de chaque côté" : ""}.
      </p>

      <section aria-labelledby="calendar">
        <h2 id="calendar">Calendrier</h2>
        {d.next ? (
          <div className="fr-callout fr-mb-4w">
            <h3 className="fr-callout__title">
              Prochaine réunion : <Link to={`/lab/${d.lab.slug}/comites/${c.id}/reunions/${d.next.id}`}>{formatDateTime(d.next.startsAt)}</Link>
            </h3>
            {d.next.items.length ? (
              <>
                <p className="fr-callout__text">Points déjà inscrits à l’ordre du jour :</p>
                <ol>
                  {d.next.items.map((i) => (
                    <li key={i.id}>
                      {frenchSpaces(i.title)} <span className="fr-text--sm">({i.kindLabel.toLowerCase()})</span>
                    </li>
                  ))}
                </ol>
              </>
            ) : (
              <p className="fr-callout__text">Aucun point inscrit pour l’instant.</p>
            )}
            {d.awaiting.length > 0 && (
              <>
                <p className="fr-callout__text">En attente d’inscription ({d.awaiting.length}) :</p>
                <ul>
                  {d.awaiting.map((x) => (
                    <li key={`${x.kind}-${x.subjectId}`}>
                      {frenchSpaces(x.title)} <span className="fr-text--sm">({x.kindLabel.toLowerCase()})</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        ) : (
          <p>Aucune réunion prévue.</p>
        )}
        {upcoming.length + held.length > 0 && (
          <div className="fr-table">
            <table>
              <caption>Les réunions du comité</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Lieu</th>
                  <th scope="col">État</th>
                </tr>
              </thead>
              <tbody>
                {[...upcoming, ...held].map((m) => (
                  <tr key={m.id}>
                    <td>
                      <Link to={`/lab/${d.lab.slug}/comites/${c.id}/reunions/${m.id}`}>{formatDate(m.startsAt)}</Link>
                    </td>
                    <td>{m.place}</td>
                    <td>
                      {!m.held ? "À venir" : m.minutes === "validated" ? "Tenue, compte rendu validé" : m.minutes === "draft" ? "Tenue, compte rendu en projet" : "Tenue"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="members">
        <h2 id="members">Membres ({d.members.length})</h2>
        {d.members.length === 0 ? (
          <p>Aucun membre pour l’instant.</p>
        ) : (
          <ul>
            {d.members.map((m) => (
              <li key={m.userId}>
                {m.name}
                {m.sideLabel ? ` – ${m.sideLabel}` : ""}
                {m.chair ? " (présidence)" : ""}
              </li>
            ))}
          </ul>
        )}
        {c.paritary && (
          <p className="fr-text--sm">
            {plural(d.members.filter((m) => m.side === "state").length, "membre", "membres")} pour l’État, {plural(d.members.filter((m) => m.side === "region").length, "membre", "membres")} pour la Région.
          </p>
        )}
      </section>

      {d.rights.mayManage && (
        <>
          <section aria-labelledby="new-meeting" className="fr-mt-4w">
            <h2 id="new-meeting">Planifier une réunion</h2>
            <AppForm>
              <input type="hidden" name="intent" value="meeting" />
              {intent === "meeting" && <ErrorSummary errors={a?.errors} formError={a?.formError} />}
              <Field name="day" type="date" label="Date" error={intent === "meeting" ? a?.errors?.day : undefined} defaultValue={intent === "meeting" ? v("day") : ""} />
              <div className="fr-grid-row fr-grid-row--gutters">
                <div className="fr-col-6 fr-col-md-3">
                  <Field name="startTime" type="time" label="Début" error={intent === "meeting" ? a?.errors?.startTime : undefined} defaultValue={intent === "meeting" ? v("startTime", "14:00") : "14:00"} />
                </div>
                <div className="fr-col-6 fr-col-md-3">
                  <Field name="endTime" type="time" label="Fin" error={intent === "meeting" ? a?.errors?.endTime : undefined} defaultValue={intent === "meeting" ? v("endTime", "16:30") : "16:30"} />
                </div>
              </div>
              <Field name="place" label="Lieu" hint="Facultatif s’il y a un lien de visioconférence." error={intent === "meeting" ? a?.errors?.place : undefined} defaultValue={intent === "meeting" ? v("place") : ""} maxLength={300} />
              <Field name="videoUrl" type="url" label="Lien de visioconférence (facultatif)" hint="Commençant par https://" error={intent === "meeting" ? a?.errors?.videoUrl : undefined} defaultValue={intent === "meeting" ? v("videoUrl") : ""} maxLength={500} />
              <SubmitButton>Planifier la réunion</SubmitButton>
            </AppForm>
          </section>

          <section aria-labelledby="settings" className="fr-mt-4w">
            <h2 id="settings">Réglages du comité</h2>
            <AppForm>
              <input type="hidden" name="intent" value="settings" />
              {intent === "settings" && <ErrorSummary errors={a?.errors} formError={a?.formError} />}
              <Field name="name" label="Nom" error={intent === "settings" ? a?.errors?.name : undefined} defaultValue={intent === "settings" ? v("name") : c.name} maxLength={150} />
              <Field name="rhythm" label="Rythme (facultatif)" error={intent === "settings" ? a?.errors?.rhythm : undefined} defaultValue={intent === "settings" ? v("rhythm") : c.rhythm} maxLength={100} />
              <Field
                name="members"
                textarea
                rows={Math.max(4, d.members.length + 1)}
                label="Membres"
                hint={
                  c.paritary
                    ? "Une adresse électronique par ligne, suivie de « État » ou « Région ». Sans précision, le côté est déduit de l’organisation du membre."
                    : "Une adresse électronique par ligne."
                }
                error={intent === "settings" ? a?.errors?.members : undefined}
                defaultValue={intent === "settings" ? v("members") : membersText}
              />
              <Field name="chair" type="email" label="Président ou présidente (adresse électronique d’un membre, facultatif)" error={intent === "settings" ? a?.errors?.chair : undefined} defaultValue={intent === "settings" ? v("chair") : c.chairEmail} maxLength={200} />
              <Field name="quorumPercent" type="number" min={1} max={100} label="Quorum : part des membres présents, en %" error={intent === "settings" ? a?.errors?.quorumPercent : undefined} defaultValue={intent === "settings" ? v("quorumPercent") : c.quorumPercent} />
              {c.paritary && (
                <div className="fr-checkbox-group fr-mb-3w">
                  <input type="checkbox" id="quorumPerSide" name="quorumPerSide" defaultChecked={intent === "settings" ? v("quorumPerSide") === "on" : c.quorumPerSide} />
                  <label className="fr-label" htmlFor="quorumPerSide">
                    Quorum compté de chaque côté (État et Région)
                  </label>
                </div>
              )}
              <SubmitButton>Enregistrer les réglages</SubmitButton>
            </AppForm>
          </section>
        </>
      )}
    </Page>
  );
}
