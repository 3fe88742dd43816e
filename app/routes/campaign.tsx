import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/campaign";
import { campaignPhase, campaignPhaseLabels, getCampaign, getCriteria, getEligibleOrganizationIds } from "~/campaigns/campaigns";
import { getOrganizations } from "~/organizations/organizations";
import { getLab } from "~/labs/labs";
import { hasRole, notFound } from "~/kernel/permissions";
import { formatDate, frenchSpaces, plural } from "~/kernel/format";
import { PageTitle } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { submissionBlocker } from "~/ideas/service";
import { participation } from "~/ideas/ideas";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const c = await getCampaign(params.campaignId);
  if (!c) notFound("Cette campagne n’existe pas.");
  const labTeam = hasRole(s.principal, c.lab_id, "lab_team");
  // A draft is visible to its lab's team only (as a preview).
  if (c.state === "draft" && !labTeam) notFound("Cette campagne n’existe pas.");
  const [criteria, eligibleIds, lab, stats] = await Promise.all([getCriteria(c.id), getEligibleOrganizationIds(c.id), getLab(c.lab_id), participation(c.id)]);
  const orgs = await getOrganizations(eligibleIds);
  return {
    campaign: { id: c.id, title: c.title, summary: c.summary, description: c.description, rules: c.rules, opensAt: c.opens_at, closesAt: c.closes_at, scaleMax: c.scale_max },
    phase: campaignPhase(c),
    lab: lab?.name ?? "",
    criteria: criteria.map((cr) => ({ id: cr.id, label: cr.label, weight: cr.weight })),
    eligible: eligibleIds.map((id) => orgs.get(id)?.name ?? "").filter(Boolean),
    blocker: await submissionBlocker(c, s),
    labTeam,
    ideas: stats.ideas,
    authors: stats.authors,
  };
}

export default function CampaignPage() {
  const d = useLoaderData<typeof loader>();
  const c = d.campaign;
  return (
    <Page>
      <PageTitle title={c.title} />
      <Breadcrumb items={[{ label: "Campagnes", to: "/campagnes" }]} current={c.title} />
      {d.phase === "draft" && (
        <div className="fr-notice fr-notice--info fr-mb-4w">
          <div className="fr-container">
            <div className="fr-notice__body">
              <p className="fr-notice__title">Aperçu{"\u00a0"}: cette campagne n’est pas encore publiée. Seule l’équipe du lab la voit.</p>
            </div>
          </div>
        </div>
      )}
      <p className={`fr-badge ${d.phase === "open" ? "fr-badge--success" : ""}`}>{campaignPhaseLabels[d.phase]}</p>
      <h1 className="fr-mt-2w">{c.title}</h1>
      <p className="fr-text--lead">{frenchSpaces(c.summary)}</p>
      <p className="germoir-meta">
        {d.lab} – du {formatDate(c.opensAt)} au {formatDate(c.closesAt)} – {plural(d.ideas, "idée déposée", "idées déposées")} par {plural(d.authors, "agent", "agents")}
      </p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-8">
          <h2>Présentation</h2>
          {c.description.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{frenchSpaces(p)}</p>
          ))}
          {c.rules && (
            <>
              <h2>Règlement</h2>
              {c.rules.split(/\n{2,}/).map((p, i) => (
                <p key={i}>{frenchSpaces(p)}</p>
              ))}
            </>
          )}
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <div className="fr-callout">
            {d.blocker ? (
              <p className="fr-callout__text">{d.blocker}</p>
            ) : (
              <>
                <h2 className="fr-callout__title">Vous avez une idée{"\u202f"}?</h2>
                <p className="fr-callout__text">Déposez-la avant le {formatDate(c.closesAt)}. Vous pourrez la modifier jusqu’à la clôture.</p>
                <Link className="fr-btn" to={`/campagnes/${c.id}/deposer`}>
                  Déposer une idée
                </Link>
              </>
            )}
          </div>
          <h2 className="fr-h4 fr-mt-4w">Critères d’évaluation</h2>
          <ul>
            {d.criteria.map((cr) => (
              <li key={cr.id}>
                {cr.label} (poids {cr.weight})
              </li>
            ))}
          </ul>
          <p className="fr-text--sm">Chaque critère est noté de 0 à {c.scaleMax} par le jury.</p>
          <h2 className="fr-h4">Organisations éligibles</h2>
          {d.eligible.length ? (
            <ul>
              {d.eligible.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          ) : (
            <p>Tous les agents.</p>
          )}
          <p>
            <Link to={`/idees?campagne=${c.id}`}>Voir les idées de cette campagne</Link>
          </p>
          {d.labTeam && (
            <p>
              <Link className="fr-btn fr-btn--secondary" to={`/lab/campagnes/${c.id}`}>
                Gérer la campagne
              </Link>
            </p>
          )}
        </div>
      </div>
    </Page>
  );
}
