import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/my-requests";
import { PageTitle } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { myRequests } from "~/requests";
import { projectSummaries } from "~/projects";
import { StatusBadge, formatDate, formatDateTime, frenchSpaces } from "~/requests/client";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";

export async function loader({ context, request }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const mine = await myRequests(viewer);
  // where each request's project stands, as far as the projects module lets the requester see it
  const projects = await projectSummaries(viewer, mine.requests.map((r) => r.projectId));
  return { ...mine, requests: mine.requests.map((r) => ({ ...r, project: r.projectId ? (projects.get(r.projectId) ?? null) : null })) };
}

export default function MyRequests() {
  const d = useLoaderData<typeof loader>();
  return (
    <Page>
      <PageTitle title="Mes demandes" />
      <Breadcrumb items={[{ label: "Guichet unique", to: "/guichet" }]} current="Mes demandes" />
      <h1>Mes demandes</h1>
      <p>
        <Link className="fr-btn" to="/guichet/nouvelle">
          Faire une demande
        </Link>
      </p>
      {d.requests.length === 0 ? (
        <p>Vous n’avez encore demandé l’aide d’aucun lab.</p>
      ) : (
        <ul className="fr-raw-list">
          {d.requests.map((r) => (
            <li key={r.id} className="fr-mb-4w">
              <h2 className="fr-h5 fr-mb-1w">
                <Link to={`/demandes/${r.id}`}>{frenchSpaces(r.title)}</Link>
              </h2>
              <StatusBadge status={r.status} label={r.statusLabel} />
              <p className="fr-mt-1w fr-mb-1w">{frenchSpaces(r.sentence)}</p>
              {r.project && (
                <p className="fr-mb-1w">
                  Devenue le projet{" "}
                  <Link to={`/projets/${r.project.id}`}>
                    {"\u00ab\u00a0"}
                    {frenchSpaces(r.project.title)}
                    {"\u00a0\u00bb"}
                  </Link>
                  , étape{"\u00a0"}: {r.project.stageLabel.toLowerCase()}.
                </p>
              )}
              <p className="fr-text--sm fr-mb-1w">
                {r.kind} – {r.lab} – {r.submittedAt ? `déposée le ${formatDate(r.submittedAt)}` : `brouillon du ${formatDate(r.createdAt)}`}
              </p>
              <details>
                <summary>Historique</summary>
                <ol>
                  {r.history.map((e) => (
                    <li key={e.id}>
                      {formatDateTime(e.at)} – {frenchSpaces(e.text)}
                    </li>
                  ))}
                </ol>
              </details>
            </li>
          ))}
        </ul>
      )}
      {d.followed.length > 0 && (
        <>
          <h2>Les demandes que vous suivez</h2>
          <ul>
            {d.followed.map((r) => (
              <li key={r.id}>
                <Link to={`/demandes/${r.id}`}>{frenchSpaces(r.title)}</Link> – {r.role} – {r.lab} – {r.statusLabel}
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
