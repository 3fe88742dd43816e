import { useLoaderData } from "react-router";
import type { Route } from "./+types/minilabs";
import { PageTitle } from "~/kernel/ui/forms";
import { LinkCard } from "~/kernel/ui/page";
import { minilabsIndex } from "~/minilabs/service";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";

export async function loader({ context, request }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  return { minilabs: await minilabsIndex(s) };
}

const mine: Record<string, string> = {
  invited: "Invitation reçue",
  requested: "Demande envoyée",
  active: "Vous en êtes membre",
};

export default function Minilabs() {
  const d = useLoaderData<typeof loader>();
  return (
    <Page>
      <PageTitle title="Mini-Labs" />
      <h1>Mini-Labs</h1>
      <p>Un Mini-Lab réunit, autour d’une problématique, les porteurs d’idées semblables et tous les agents volontaires, quels que soient leur site et leur service.</p>
      {d.minilabs.length === 0 ? (
        <p>Aucun Mini-Lab n’est ouvert pour l’instant.</p>
      ) : (
        <ul className="germoir-card-list">
          {d.minilabs.map((m) => (
            <li key={m.id}>
              <LinkCard
                to={`/minilabs/${m.id}`}
                title={m.name}
                description={m.question}
                badges={
                  <>
                    <p className="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon">{m.phase}</p>
                    {m.myStatus && mine[m.myStatus] && <p className="fr-badge fr-badge--sm fr-badge--success fr-badge--no-icon fr-ml-1w">{mine[m.myStatus]}</p>}
                    {m.private && <p className="fr-badge fr-badge--sm fr-badge--no-icon fr-ml-1w">Privé</p>}
                  </>
                }
                detail={`${m.lab}${m.theme ? ` · thème «\u00a0${m.theme}\u00a0»` : ""}`}
              />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
