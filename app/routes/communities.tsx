import { useLoaderData } from "react-router";
import type { Route } from "./+types/communities";
import { PageTitle } from "~/kernel/ui/forms";
import { LinkCard } from "~/kernel/ui/page";
import { plural } from "~/kernel/format";
import { communitiesIndex } from "~/communities/service";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";

export async function loader({ context, request }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  return { communities: await communitiesIndex(s) };
}

export default function Communities() {
  const d = useLoaderData<typeof loader>();
  return (
    <Page>
      <PageTitle title="Communautés de métiers" />
      <h1>Communautés de métiers</h1>
      <p>Les agents d’un même métier, de tous les sites, y partagent leurs problèmes, leurs astuces et leurs projets, et les portent au lab comme idées. Tout agent peut rejoindre une communauté et la quitter.</p>
      {d.communities.length === 0 ? (
        <p>Aucune communauté n’est ouverte pour l’instant.</p>
      ) : (
        <ul className="germoir-card-list">
          {d.communities.map((c) => (
            <li key={c.id}>
              <LinkCard
                to={`/communautes/${c.id}`}
                title={c.name}
                description={c.profession}
                badges={
                  <>
                    <p className="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon">{plural(c.members, "membre", "membres")}</p>
                    {c.member && <p className="fr-badge fr-badge--sm fr-badge--success fr-badge--no-icon fr-ml-1w">Vous en êtes membre</p>}
                  </>
                }
                detail={c.lab}
              />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
