import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/minilab-board-print";
import { formatDateTime, plural, frenchSpaces } from "~/kernel/format";
import { PageTitle } from "~/kernel/ui/forms";
import { boardColumnKeys, boardColumns } from "~/minilabs/board";
import { boardExport } from "~/minilabs/session-service";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const b = await boardExport(s, params.minilabId, params.sessionId).catch(loaderFailure);
  return { minilab: { id: b.minilab.id, name: b.minilab.name }, session: { id: b.session.id, title: b.session.title, startsAt: b.session.starts_at, place: b.session.place }, notes: b.notes };
}

/** The board on paper: the three columns one after the other, notes ranked as on the board. */
export default function BoardPrint() {
  const d = useLoaderData<typeof loader>();
  return (
    <Page>
      <PageTitle title={`Tableau imprimable – ${frenchSpaces(d.session.title)}`} />
      <p className="germoir-no-print">
        <Link to={`/minilabs/${d.minilab.id}/seances/${d.session.id}/tableau`}>Retour au tableau</Link> · Imprimez cette page avec la commande d’impression de votre navigateur.
      </p>
      <h1>{frenchSpaces(d.session.title)}</h1>
      <p>
        {d.minilab.name} · {formatDateTime(d.session.startsAt)}
        {d.session.place ? ` · ${d.session.place}` : ""} · {plural(d.notes.length, "post-it", "post-it")}
      </p>
      {boardColumnKeys.map((c) => {
        const notes = d.notes.filter((n) => n.column === c);
        return (
          <section key={c} aria-labelledby={`print-${c}`} className="germoir-print-column">
            <h2 id={`print-${c}`}>
              {boardColumns[c]} ({notes.length})
            </h2>
            {notes.length === 0 ? (
              <p>Aucun post-it.</p>
            ) : (
              <ol>
                {notes.map((n) => (
                  <li key={n.id}>
                    {n.text} <span className="fr-text--sm">– {n.authorName}, {plural(n.votes, "gommette", "gommettes")}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </Page>
  );
}
