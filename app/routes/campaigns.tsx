import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/campaigns";
import { campaignPhase, campaignPhaseLabels, listPublishedCampaigns } from "~/campaigns/campaigns";
import { getLabs } from "~/labs/labs";
import { formatDate, frenchSpaces } from "~/kernel/format";
import { PageTitle } from "~/kernel/ui/forms";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";

export async function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request);
  const campaigns = await listPublishedCampaigns();
  const labs = await getLabs(campaigns.map((c) => c.lab_id));
  return {
    campaigns: campaigns.map((c) => ({
      id: c.id,
      title: c.title,
      summary: c.summary,
      lab: labs.get(c.lab_id)?.name ?? "",
      phase: campaignPhase(c),
      opensAt: c.opens_at,
      closesAt: c.closes_at,
    })),
  };
}

export default function Campaigns() {
  const { campaigns } = useLoaderData<typeof loader>();
  const open = campaigns.filter((c) => c.phase === "open" || c.phase === "upcoming");
  const closed = campaigns.filter((c) => c.phase === "closed");
  const list = (items: typeof campaigns) => (
    <ul className="germoir-card-list">
      {items.map((c) => (
        <li key={c.id}>
          <div className="fr-card fr-card--horizontal fr-enlarge-link">
            <div className="fr-card__body">
              <div className="fr-card__content">
                <h3 className="fr-card__title">
                  <Link to={`/campagnes/${c.id}`}>{c.title}</Link>
                </h3>
                <p className="fr-card__desc">{frenchSpaces(c.summary)}</p>
                <div className="fr-card__start">
                  <p className={`fr-badge fr-badge--sm ${c.phase === "open" ? "fr-badge--success" : ""}`}>{campaignPhaseLabels[c.phase]}</p>
                  <p className="fr-card__detail">{c.lab}</p>
                </div>
                <div className="fr-card__end">
                  <p className="fr-card__detail">
                    Du {formatDate(c.opensAt)} au {formatDate(c.closesAt)}
                  </p>
                </div>
              </div>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
  return (
    <Page>
      <PageTitle title="Campagnes" />
      <h1>Campagnes d’idées</h1>
      <h2>En cours et à venir</h2>
      {open.length ? list(open) : <p>Aucune campagne ouverte en ce moment.</p>}
      <h2 className="fr-mt-6w">Clôturées</h2>
      {closed.length ? list(closed) : <p>Aucune campagne clôturée.</p>}
    </Page>
  );
}
