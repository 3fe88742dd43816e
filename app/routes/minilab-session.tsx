import { Link, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/minilab-session";
import { formError, invalid, parseForm } from "~/kernel/forms";
import { formatDateTime, plural, frenchSpaces } from "~/kernel/format";
import { AppForm, ErrorSummary, Field, PageTitle, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb, SuccessNotice } from "~/kernel/ui/page";
import { attendanceSchema, notesSchema } from "~/minilabs/session-schemas";
import { recordAttendance, requireSessionManager, saveNotes, sessionPage } from "~/minilabs/session-service";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const page = await sessionPage(s, params.minilabId, params.sessionId).catch(loaderFailure);
  const q = new URL(request.url).searchParams;
  return { ...page, notice: q.has("programmee") ? "La séance est programmée." : q.has("modifiee") ? "La séance est modifiée." : null };
}

const intentSchema = z.object({ intent: z.enum(["attendance", "notes"], { error: "Action inconnue." }) });

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await requireSessionManager(s, params.minilabId, params.sessionId);
    const i = parseForm(fd, intentSchema);
    if (!i.ok) return formError(fd, "Action inconnue.");
    if (i.data.intent === "attendance") {
      const p = parseForm(fd, attendanceSchema);
      if (!p.ok) return invalid(p);
      await recordAttendance(s, params.minilabId, params.sessionId, p.data.present);
      return { ok: true, message: `Présences enregistrées : ${plural(p.data.present.length, "présent", "présents")}.` };
    }
    const p = parseForm(fd, notesSchema);
    if (!p.ok) return invalid(p);
    await saveNotes(s, params.minilabId, params.sessionId, p.data.notes);
    return { ok: true, message: "Le compte rendu est enregistré." };
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function SessionPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const x = d.session;
  const base = `/minilabs/${d.minilab.id}/seances/${x.id}`;
  return (
    <Page>
      <PageTitle title={`${frenchSpaces(x.title)} – ${d.minilab.name}`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Mini-Labs", to: "/minilabs" }, { label: d.minilab.name, to: `/minilabs/${d.minilab.id}` }]} current={frenchSpaces(x.title)} />
      <h1>{frenchSpaces(x.title)}</h1>
      <SuccessNotice message={a?.ok ? a.message : d.notice} />
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <ul>
        <li>
          Le {formatDateTime(x.starts_at)}, {x.duration_minutes}&nbsp;minutes
        </li>
        {x.place && <li>Lieu&nbsp;: {x.place}</li>}
        {x.video_url && (
          <li>
            Visioconférence&nbsp;: <a href={x.video_url}>{x.video_url}</a>
          </li>
        )}
        {x.methods.length > 0 && <li>Méthodes&nbsp;: {x.methods.join(", ")}</li>}
      </ul>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Link className="fr-btn" to={`${base}/tableau`}>
            Ouvrir le tableau de la séance
          </Link>
        </li>
        {d.manage && (
          <li>
            <Link className="fr-btn fr-btn--secondary" to={`${base}/modifier`}>
              Modifier la séance
            </Link>
          </li>
        )}
      </ul>
      <h2>Ordre du jour</h2>
      {x.agenda ? <p className="germoir-prewrap">{x.agenda}</p> : <p>Pas encore d’ordre du jour.</p>}

      <h2>Présences</h2>
      {d.manage ? (
        <AppForm>
          <input type="hidden" name="intent" value="attendance" />
          <fieldset className="fr-fieldset" id="field-present" aria-labelledby="present-legend">
            <legend className="fr-fieldset__legend" id="present-legend">
              Cochez les membres présents
            </legend>
            {d.people.map((p, i) => (
              <div key={p.userId} className="fr-fieldset__element">
                <div className="fr-checkbox-group fr-checkbox-group--sm">
                  <input type="checkbox" id={`present-${i}`} name="present" value={p.userId} defaultChecked={a?.values ? [a.values.present ?? []].flat().includes(p.userId) : !!p.present} />
                  <label className="fr-label" htmlFor={`present-${i}`}>
                    {p.name}
                    {p.role === "facilitator" ? " (animation)" : ""}
                    {p.organization ? ` – ${p.organization}` : ""}
                  </label>
                </div>
              </div>
            ))}
          </fieldset>
          <SubmitButton>Enregistrer les présences</SubmitButton>
        </AppForm>
      ) : !d.recorded ? (
        <p>Les présences ne sont pas encore relevées.</p>
      ) : (
        <ul>
          {d.people
            .filter((p) => p.present)
            .map((p) => (
              <li key={p.userId}>
                {p.name}
                {p.organization ? ` – ${p.organization}` : ""}
              </li>
            ))}
        </ul>
      )}

      <h2>Compte rendu</h2>
      {d.manage ? (
        <AppForm>
          <input type="hidden" name="intent" value="notes" />
          <Field name="notes" textarea rows={8} label="Compte rendu de la séance" hint="Ce qui a été dit, décidé, et la suite." maxLength={20_000} defaultValue={valueOf(a?.values, "notes", x.notes)} error={a?.errors?.notes} />
          <SubmitButton>Enregistrer le compte rendu</SubmitButton>
        </AppForm>
      ) : x.notes ? (
        <p className="germoir-prewrap">{x.notes}</p>
      ) : (
        <p>Pas encore de compte rendu.</p>
      )}
    </Page>
  );
}
