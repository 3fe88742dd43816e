import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/jury";
import { PageTitle } from "~/kernel/ui/forms";
import { plural } from "~/kernel/format";
import { campaignPhaseLabels } from "~/campaigns/campaigns";
import { jurorHome } from "~/jury/service";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";

export async function loader({ context, request }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  return { campaigns: await jurorHome(s) };
}

export default function JuryHome() {
  const d = useLoaderData<typeof loader>();
  return (
    <Page>
      <PageTitle title="Jury" />
      <h1>Mes jurys</h1>
      {d.campaigns.length === 0 ? (
        <p>Vous n’êtes membre d’aucun jury.</p>
      ) : (
        <ul className="germoir-card-list">
          {d.campaigns.map((c) => (
            <li key={c.id}>
              <div className="fr-card fr-card--sm fr-enlarge-link">
                <div className="fr-card__body">
                  <div className="fr-card__content">
                    <h2 className="fr-card__title">
                      <Link to={`/jury/campagnes/${c.id}`}>{c.title}</Link>
                    </h2>
                    <div className="fr-card__start">
                      <p className="fr-badge fr-badge--sm">{campaignPhaseLabels[c.phase]}</p>
                    </div>
                    <p className="fr-card__desc">
                      {plural(c.scored, "idée notée", "idées notées")} sur {c.total}, {c.total - c.scored} à noter
                    </p>
                  </div>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
