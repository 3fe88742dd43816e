import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/my-projects";
import { PageTitle } from "~/kernel/ui/forms";
import { myProjects } from "~/projects";
import { StageBadge } from "~/projects/ui";
import type { Stage } from "~/projects/stages";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";

export async function loader({ context, request }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return { projects: await myProjects(viewer) };
}

export default function MyProjects() {
  const d = useLoaderData<typeof loader>();
  return (
    <Page>
      <PageTitle title="Mes projets" />
      <h1>Mes projets</h1>
      <p>Les projets dont vous êtes chef ou cheffe de projet, membre de l’équipe du lab ou expert.</p>
      {d.projects.length === 0 ? (
        <p>Vous ne faites partie de l’équipe d’aucun projet pour l’instant.</p>
      ) : (
        <ul className="fr-raw-list">
          {d.projects.map((p) => (
            <li key={p.id} className="fr-mb-3w">
              <h2 className="fr-h5 fr-mb-1w">
                <Link to={`/projets/${p.id}`}>{p.title}</Link>
              </h2>
              <StageBadge stage={p.stage as Stage} />
              <p className="fr-text--sm fr-mb-0">
                {p.lab} · votre rôle{"\u00a0"}: {p.role.toLowerCase()} · à cette étape depuis {p.timeInStage}
                {p.pendingGate && ` · passage demandé\u00a0: ${p.pendingGate}`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
