import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-roadmap-import-status";
import { PageTitle } from "~/kernel/ui/forms";
import { useLiveRevalidation } from "~/kernel/ui/live";
import { importPage } from "~/roadmaps";
import { RoadmapCrumbs } from "~/roadmaps/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return importPage(viewer, params.labSlug, params.roadmapId, params.importId).catch(loaderFailure);
}

/** One import: its progress (read from the database, so a reload finds it), then its result or its error report. */
export default function RoadmapImportStatus() {
  const d = useLoaderData<typeof loader>();
  const i = d.import;
  const base = `/lab/${d.lab.slug}/feuille-de-route/${d.roadmap.id}`;
  useLiveRevalidation(1000, i.active);
  return (
    <Page>
      <PageTitle title={`Import de ${i.filename} – ${d.roadmap.title}`} />
      <RoadmapCrumbs steps={[{ to: `/lab/${d.lab.slug}/feuille-de-route`, label: "Feuille de route" }, { to: base, label: d.roadmap.title }, { to: `${base}/import`, label: "Importer" }, { label: i.filename }]} />
      <h1>Import de «{"\u00a0"}{i.filename}{"\u00a0"}»</h1>
      <p className="fr-text--sm">Envoyé le {i.createdAt}.</p>
      {i.active ? (
        <section className="fr-callout fr-mb-4w" aria-labelledby="progress-title">
          <h2 id="progress-title" className="fr-callout__title">
            Import en cours
          </h2>
          <p role="status" id="import-status" className="fr-mb-1w">
            {i.summary}
          </p>
          <progress max={100} value={i.percent} aria-labelledby="import-status" style={{ width: "100%", maxWidth: "30rem" }}>
            {i.percent}{"\u00a0"}%
          </progress>
          <p className="fr-mt-2w fr-mb-0">
            <Link to={`${base}/import/${i.id}`} reloadDocument>
              Actualiser
            </Link>{" "}
            (la page se met à jour toute seule quand JavaScript est actif).
          </p>
        </section>
      ) : i.status === "done" ? (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <h2 className="fr-alert__title">Import terminé</h2>
          <p>
            {i.summary} <Link to={base}>Voir la feuille de route</Link>
          </p>
        </div>
      ) : (
        <div className="fr-alert fr-alert--error fr-mb-4w" role="alert">
          <h2 className="fr-alert__title">Rien n’a été importé</h2>
          <p>{i.summary}</p>
        </div>
      )}
      {i.errors.length > 0 && (
        <section aria-labelledby="rapport">
          <h2 id="rapport">Rapport d’erreurs</h2>
          <div className="fr-table">
            <table>
              <caption className="fr-sr-only">Les erreurs du fichier, ligne par ligne</caption>
              <thead>
                <tr>
                  <th scope="col">Ligne</th>
                  <th scope="col">Colonne</th>
                  <th scope="col">Erreur</th>
                </tr>
              </thead>
              <tbody>
                {i.errors.map((e, n) => (
                  <tr key={n} data-line={e.line}>
                    <td>{e.line}</td>
                    <td>{e.column}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <p className="fr-mt-4w">
        <Link to={`${base}/import`} className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
          Importer un autre fichier
        </Link>
      </p>
    </Page>
  );
}
