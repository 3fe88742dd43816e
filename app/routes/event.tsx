import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/event";
import { AppForm, ErrorSummary, PageTitle, SubmitButton, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb, SuccessNotice } from "~/kernel/ui/page";
import { requireUser } from "~/web/auth";
import { readForm, serviceFailure } from "~/web/errors";
import { getSession } from "~/kernel/http/context";
import { eventPage } from "~/events";
import { eventRegistration, eventSeatAction } from "~/events/registration.server";
import { seatActionSchema } from "~/events/schemas";
import { parseForm, invalid } from "~/kernel/forms";
import { EventBadges } from "~/events/ui";
import { Page } from "~/web/layout";
import { loaderFailure } from "~/web/errors";

/** An event's page: public for an event open to all or for the usagers; agents-only ones for signed-in agents. */
const done: Record<string, string> = {
  inscrit: "Vous êtes inscrit : votre place est confirmée.",
  attente: "L’événement est complet : vous êtes sur la liste d’attente. Si une place se libère, elle vous sera proposée (notification et courriel).",
  confirme: "Votre place est confirmée.",
  annule: "Votre inscription est annulée.",
};

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const session = getSession(context);
  const page = await eventPage(session.principal ?? null, params.eventId).catch(loaderFailure);
  const registration = await eventRegistration(session.principal ?? null, params.eventId).catch(loaderFailure);
  return { ...page, registration, message: done[new URL(request.url).searchParams.get("fait") ?? ""] ?? null };
}

/** Registering, confirming an offered seat, cancelling: signed-in agents who may see the event. */
export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await eventPage(viewer.principal, params.eventId);
    const p = parseForm(fd, seatActionSchema);
    if (!p.ok) return invalid(p);
    const what = await eventSeatAction(viewer, params.eventId, p.data.intent);
    return redirect(`/evenements/${params.eventId}?fait=${what}#inscription`);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export function headers() {
  return { "Cache-Control": "no-store" };
}

export default function EventPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const e = d.event;
  return (
    <Page>
      <PageTitle title={e.title} />
      <Breadcrumb items={[{ label: "Événements", to: "/evenements" }]} current={e.title} />
      <h1>
        {e.cancelled && "Annulé\u00a0: "}
        {e.title}
      </h1>
      <EventBadges e={e} />
      <SuccessNotice message={d.message} />
      {a && !a.ok && <ErrorSummary errors={a.errors} formError={a.formError} />}
      {e.cancelled && (
        <div className="fr-alert fr-alert--warning fr-mb-3w">
          <p>Cet événement est annulé.</p>
        </div>
      )}
      <dl className="germoir-event-facts">
        <dt>Quand</dt>
        <dd>
          {e.when}
          {e.recurrence && <>, puis {e.recurrence}</>}
        </dd>
        <dt>Où</dt>
        <dd>
          {e.place || "En ligne"}
          {e.onlineUrl && (
            <>
              {e.place ? " et en ligne" : ""}
              {"\u00a0"}: <a href={e.onlineUrl} rel="noopener noreferrer">{e.onlineUrl}</a>
            </>
          )}{" "}
          ({e.region})
        </dd>
        <dt>Organisé par</dt>
        <dd>
          {e.organizer}
          {e.network && <> (lab du réseau, {e.network.region})</>}
        </dd>
        <dt>Participation</dt>
        <dd>
          {e.registration}
          {e.capacity ? <>, {e.capacity}{"\u00a0"}places</> : null}
        </dd>
      </dl>
      {e.description && (
        <div className="fr-mb-4w">
          {e.description.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      )}
      {d.next.length > 0 && (
        <>
          <h2 className="fr-h4">Prochaines dates</h2>
          <ul>
            {d.next.map((when) => (
              <li key={when}>{when}</li>
            ))}
          </ul>
        </>
      )}
      {e.source && (
        <div className="fr-callout fr-mb-4w">
          <p className="fr-callout__text fr-text--sm">
            Importé du calendrier public de {e.source.lab}
            {"\u00a0"}: <a href={e.source.calendar} rel="noopener noreferrer">{e.source.calendar}</a> (mis à jour le {e.source.updatedAt}).
            {e.link && (
              <>
                {" "}
                <a href={e.link} rel="noopener noreferrer">
                  Page de l’événement chez {e.source.lab}
                </a>
                .
              </>
            )}
          </p>
        </div>
      )}
      {d.registration && <Registration d={d} />}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <a className="fr-btn fr-btn--secondary" href={`/evenements/${e.id}/evenement.ics`} download>
            Ajouter à mon agenda (.ics)
          </a>
        </li>
        {d.editPath && (
          <li>
            <Link className="fr-btn fr-btn--tertiary" to={d.editPath}>
              Modifier l’événement
            </Link>
          </li>
        )}
      </ul>
      <p>
        <Link to="/evenements">Retour au calendrier</Link>
      </p>
    </Page>
  );
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

/** Seats left, where the viewer stands, and the one button that fits. */
function Registration({ d }: { d: Data }) {
  const r = d.registration!;
  const st = r.standing;
  const active = st && (st.status === "confirmed" || st.status === "offered" || st.status === "waiting");
  return (
    <section id="inscription" className="fr-mb-4w" aria-labelledby="inscription-titre">
      <h2 className="fr-h4" id="inscription-titre">
        Inscription
      </h2>
      <p>
        {r.capacity !== null && r.free !== null && (r.free > 0 ? `${r.free}\u00a0place${r.free > 1 ? "s" : ""} libre${r.free > 1 ? "s" : ""} sur ${r.capacity}.` : `Complet (${r.capacity}\u00a0places).`)}
        {r.waiting > 0 && ` ${r.waiting}\u00a0personne${r.waiting > 1 ? "s" : ""} en liste d’attente.`}
        {d.event.recurring && " L’inscription vaut pour toutes les dates."}
      </p>
      {st && active && (
        <p>
          <strong>{st.label}</strong>
          {st.status === "waiting" && st.position && <> (rang {st.position})</>}
          {st.status === "offered" && st.offeredUntil && <>, jusqu’au {st.offeredUntil}</>}.
        </p>
      )}
      {!r.open ? (
        <p>{r.closedReason}</p>
      ) : !d.signedIn ? (
        <p>
          <Link to={`/connexion?retour=${encodeURIComponent(`/evenements/${d.event.id}`)}`}>Connectez-vous</Link> pour vous inscrire.
        </p>
      ) : (
        <ul className="fr-btns-group fr-btns-group--inline-md">
          {!active && (
            <li>
              <AppForm>
                <input type="hidden" name="intent" value="register" />
                <SubmitButton>{r.free === 0 ? "Rejoindre la liste d’attente" : "S’inscrire"}</SubmitButton>
              </AppForm>
            </li>
          )}
          {st?.status === "offered" && (
            <li>
              <AppForm>
                <input type="hidden" name="intent" value="confirm" />
                <SubmitButton>Confirmer ma place</SubmitButton>
              </AppForm>
            </li>
          )}
          {active && (
            <li>
              <AppForm>
                <input type="hidden" name="intent" value="cancel" />
                <SubmitButton secondary>{st!.status === "waiting" ? "Quitter la liste d’attente" : "Annuler mon inscription"}</SubmitButton>
              </AppForm>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
