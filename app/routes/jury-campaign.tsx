import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/jury-campaign";
import { PageTitle } from "~/kernel/ui/forms";
import { plural } from "~/kernel/format";
import { Breadcrumb } from "~/kernel/ui/page";
import { jurorCampaignPage } from "~/jury/service";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  return jurorCampaignPage(params.campaignId, s).catch(loaderFailure);
}

export default function JuryCampaign() {
  const d = useLoaderData<typeof loader>();
  const toScore = d.ideas.filter((i) => !i.scored);
  const scored = d.ideas.filter((i) => i.scored);
  return (
    <Page>
      <PageTitle title={`Jury – ${d.campaign.title}`} />
      <Breadcrumb items={[{ label: "Mes jurys", to: "/jury" }]} current={d.campaign.title} />
      <h1>{d.campaign.title}</h1>
      <p className="fr-text--lead">
        Avancement{"\u00a0"}: {plural(d.scored, "idée notée", "idées notées")} sur {d.ideas.length}
      </p>
      <progress max={Math.max(d.ideas.length, 1)} value={d.scored} aria-label="Idées notées" style={{ width: "100%" }} />
      <h2 className="fr-mt-4w">À noter ({toScore.length})</h2>
      {toScore.length === 0 ? (
        <p>Vous avez noté toutes les idées. Merci{"\u202f"}!</p>
      ) : (
        <ul>
          {toScore.map((i) => (
            <li key={i.id}>
              <Link to={`/jury/idees/${i.id}`}>{i.title}</Link>
            </li>
          ))}
        </ul>
      )}
      <h2>Déjà notées ({scored.length})</h2>
      <ul>
        {scored.map((i) => (
          <li key={i.id}>
            <Link to={`/jury/idees/${i.id}`}>{i.title}</Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
