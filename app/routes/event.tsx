import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/event";
import { PageTitle } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { getSession } from "~/kernel/http/context";
import { eventPage } from "~/events";
import { EventBadges } from "~/events/ui";
import { Page } from "~/web/layout";
import { loaderFailure } from "~/web/errors";

/** An event's page: public for an event open to all or for the usagers; agents-only ones for signed-in agents. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const session = getSession(context);
  return eventPage(session.principal ?? null, params.eventId).catch(loaderFailure);
}

export function headers() {
  return { "Cache-Control": "no-store" };
}

export default function EventPage() {
  const d = useLoaderData<typeof loader>();
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
