import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-communities";
import { PageTitle } from "~/kernel/ui/forms";
import { labCommunities } from "~/communities/service";
import { CommunityCrumbs } from "~/communities/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  return labCommunities(s, params.labSlug).catch(loaderFailure);
}

export default function LabCommunities() {
  const d = useLoaderData<typeof loader>();
  return (
    <Page>
      <PageTitle title={`Communautés de métiers – ${d.lab.name}`} />
      <CommunityCrumbs root={{ to: "/lab", label: "Espace lab" }} steps={[{ label: "Communautés de métiers" }]} />
      <h1>Communautés de métiers – {d.lab.name}</h1>
      <p>
        <Link className="fr-btn" to={`/lab/${d.lab.slug}/communautes/nouvelle`}>
          Créer une communauté
        </Link>
      </p>
      {d.communities.length === 0 ? (
        <p>Aucune communauté pour l’instant.</p>
      ) : (
        <div className="fr-table">
          <table>
            <caption>Les communautés du lab</caption>
            <thead>
              <tr>
                <th scope="col">Communauté</th>
                <th scope="col">Métier</th>
                <th scope="col">Membres</th>
                <th scope="col">Animateurs</th>
                <th scope="col">Fils de discussion</th>
                <th scope="col">Questions au panel</th>
                <th scope="col">Modifier</th>
              </tr>
            </thead>
            <tbody>
              {d.communities.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/communautes/${c.id}`}>{c.name}</Link>
                  </td>
                  <td>{c.profession}</td>
                  <td>{c.members}</td>
                  <td>{c.animators}</td>
                  <td>{c.threads}</td>
                  <td>{c.questions}</td>
                  <td>
                    <Link to={`/lab/${d.lab.slug}/communautes/${c.id}/modifier`}>
                      Modifier<span className="fr-sr-only"> la communauté {c.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
