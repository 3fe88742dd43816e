import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/home";
import { getSession } from "~/kernel/http/context";
import { campaignPhase, campaignPhaseLabels, listPublishedCampaigns } from "~/campaigns/campaigns";
import { formatDate, frenchSpaces } from "~/kernel/format";
import { PageTitle } from "~/kernel/ui/forms";
import { Page } from "~/web/layout";

export async function loader({ context }: Route.LoaderArgs) {
  const s = getSession(context);
  const campaigns = await listPublishedCampaigns();
  return {
    signedIn: !!s.user,
    givenName: s.user?.givenName ?? null,
    campaigns: campaigns.slice(0, 6).map((c) => ({ id: c.id, title: c.title, summary: c.summary, phase: campaignPhase(c), closesAt: c.closes_at })),
  };
}

export default function Home() {
  const d = useLoaderData<typeof loader>();
  return (
    <Page>
      <PageTitle title="Accueil" />
      <h1>{d.givenName ? `Bonjour ${d.givenName}` : "Toutes les idées nous intéressent"}</h1>
      <p className="fr-text--lead">
        Proposez vos idées pour améliorer le service public, soutenez celles de vos collègues et suivez ce qu’elles deviennent, du dépôt à la décision.
      </p>
      {!d.signedIn && (
        <p>
          <Link className="fr-btn" to="/connexion">
            Se connecter pour participer
          </Link>
        </p>
      )}
      <h2 className="fr-mt-6w">Campagnes</h2>
      {d.campaigns.length === 0 ? (
        <p>Aucune campagne pour le moment.</p>
      ) : (
        <ul className="fr-grid-row fr-grid-row--gutters germoir-card-list">
          {d.campaigns.map((c) => (
            <li key={c.id} className="fr-col-12 fr-col-md-6">
              <div className="fr-card fr-enlarge-link">
                <div className="fr-card__body">
                  <div className="fr-card__content">
                    <h3 className="fr-card__title">
                      <Link to={`/campagnes/${c.id}`}>{c.title}</Link>
                    </h3>
                    <p className="fr-card__desc">{frenchSpaces(c.summary)}</p>
                    <div className="fr-card__start">
                      <p className={`fr-badge fr-badge--sm ${c.phase === "open" ? "fr-badge--success" : ""}`}>{campaignPhaseLabels[c.phase]}</p>
                    </div>
                    <div className="fr-card__end">
                      <p className="fr-card__detail">
                        {c.phase === "closed" ? "Clôturée le" : "Clôture le"} {formatDate(c.closesAt)}
                      </p>
                    </div>
                  </div>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p>
        {d.signedIn ? (
          <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" to="/idees">
            Parcourir toutes les idées
          </Link>
        ) : (
          <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" to="/connexion?retour=%2Fidees">
            Se connecter pour parcourir toutes les idées
          </Link>
        )}
      </p>
      {d.signedIn && (
        <p>
          Votre service a besoin d’aide{"\u202f"}? <Link to="/guichet">Demandez-la au guichet unique des labs</Link> et suivez-la dans <Link to="/mes-demandes">Mes demandes</Link>.
        </p>
      )}
    </Page>
  );
}
