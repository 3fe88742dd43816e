import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/committee-dossiers";
import { formatDate, formatDateTime, frenchSpaces } from "~/kernel/format";
import { PageTitle } from "~/kernel/ui/forms";
import { dossiersPage } from "~/committees";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const page = await dossiersPage(s, params.labSlug, params.committeeId, params.meetingId).catch(loaderFailure);
  return { lab: page.lab, committee: page.committee, meeting: page.meeting, paths: page.paths, items: page.items.map((i) => ({ id: i.id, position: i.position, title: i.title, kindLabel: i.kindLabel, summary: i.summary, secret: i.secret })) };
}

/** One page per item: the dossiers sent with the convocation, to print. */
export default function Dossiers() {
  const d = useLoaderData<typeof loader>();
  const title = `Dossiers – ${d.committee.name} du ${formatDate(d.meeting.startsAt)}`;
  return (
    <Page>
      <PageTitle title={title} />
      <p className="germoir-no-print">
        <Link to={d.paths.meeting}>Retour à la réunion</Link> · Imprimez cette page avec la commande d’impression de votre navigateur : un dossier par page.
      </p>
      <h1>{title}</h1>
      <p>
        {d.lab.name} · {formatDateTime(d.meeting.startsAt)}
        {d.meeting.place ? ` · ${d.meeting.place}` : ""}
      </p>
      {d.items.length === 0 && <p>L’ordre du jour est vide.</p>}
      {d.items.map((i) => (
        <section key={i.id} className="germoir-dossier fr-mb-6w" aria-labelledby={`dossier-${i.id}`}>
          <h2 id={`dossier-${i.id}`}>
            {i.position}. {frenchSpaces(i.title)}
          </h2>
          <p>
            {i.kindLabel}
            {i.secret ? " · vote à bulletin secret" : ""}
          </p>
          <p className="germoir-prewrap">{i.summary ? frenchSpaces(i.summary) : "Pas de dossier écrit pour ce point."}</p>
        </section>
      ))}
    </Page>
  );
}
