import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-events";
import { PageTitle } from "~/kernel/ui/forms";
import { Breadcrumb, SuccessNotice } from "~/kernel/ui/page";
import { plural } from "~/kernel/format";
import { labEvents } from "~/events";
import { EventItem } from "~/events/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

const done: Record<string, string> = {
  annule: "L’événement est annulé : il reste au calendrier, marqué « Annulé ».",
};

/** The lab team's events: those of its lab and of the network labs it declared. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const page = await labEvents(viewer, params.labSlug).catch(loaderFailure);
  return { ...page, message: done[new URL(request.url).searchParams.get("fait") ?? ""] ?? null };
}

export default function LabEvents() {
  const d = useLoaderData<typeof loader>();
  const base = `/lab/${d.lab.slug}/evenements`;
  return (
    <Page>
      <PageTitle title={`Événements – ${d.lab.name}`} />
      <Breadcrumb items={[{ label: "Espace lab", to: "/lab" }]} current="Événements" />
      <h1>Événements – {d.lab.name}</h1>
      <SuccessNotice message={d.message} />
      <p>
        Les événements du lab et des labs du réseau qu’il a déclarés. Ils paraissent au <Link to="/evenements">calendrier du réseau</Link> (ceux réservés aux agents, pour les seuls agents connectés) et dans le{" "}
        <a href={`/evenements/labs/${d.lab.id}/calendrier.ics`}>calendrier iCal du lab</a>.
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Link className="fr-btn" to={`${base}/nouveau`}>
            Créer un événement
          </Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary" to={`${base}/reseau`}>
            Labs du réseau et calendriers suivis ({d.networkCount})
          </Link>
        </li>
      </ul>
      <h2>À venir et en cours ({d.upcoming.length})</h2>
      {d.upcoming.length === 0 ? (
        <p>Aucun événement à venir.</p>
      ) : (
        <ul className="fr-raw-list">
          {d.upcoming.map((e) => (
            <EventItem key={e.id} e={e} editPath={e.editable ? `${base}/${e.id}` : undefined} />
          ))}
        </ul>
      )}
      <h2>Passés ({d.pastCount})</h2>
      {d.past.length === 0 ? (
        <p>Aucun événement passé.</p>
      ) : (
        <>
          {d.pastCount > d.past.length && <p className="germoir-meta">Les {plural(d.past.length, "plus récent", "plus récents")}.</p>}
          <ul className="fr-raw-list">
            {d.past.map((e) => (
              <EventItem key={e.id} e={e} editPath={e.editable ? `${base}/${e.id}` : undefined} />
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
