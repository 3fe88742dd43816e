import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/lab";
import { forbidden } from "~/kernel/permissions";
import { formatDate } from "~/kernel/format";
import { PageTitle } from "~/kernel/ui/forms";
import { campaignPhase, campaignPhaseLabels, listLabCampaigns } from "~/campaigns/campaigns";
import { myLabs } from "~/labs/service";
import { overdueByLab } from "~/requests";
import { plural } from "~/kernel/format";
import { labProjectCounts } from "~/projects";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";

export async function loader({ context, request }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const labs = await myLabs(s.principal);
  if (!labs.length) forbidden("Cet espace est réservé aux équipes des labs.");
  const campaigns = await listLabCampaigns(labs.filter((l) => l.labTeam).map((l) => l.id));
  const overdue = await overdueByLab(s, labs.map((l) => l.id));
  const projects = new Map(await Promise.all(labs.map(async (l) => [l.id, await labProjectCounts(s, l.id)] as const)));
  return {
    labs: labs.map((l) => ({
      id: l.id,
      slug: l.slug,
      name: l.name,
      labTeam: l.labTeam,
      admin: l.admin,
      overdue: overdue.get(l.id) ?? 0,
      projects: projects.get(l.id) ?? null,
      campaigns: campaigns
        .filter((c) => c.lab_id === l.id)
        .map((c) => ({ id: c.id, title: c.title, phase: campaignPhase(c), opensAt: c.opens_at, closesAt: c.closes_at })),
    })),
  };
}

export default function LabHome() {
  const d = useLoaderData<typeof loader>();
  return (
    <Page>
      <PageTitle title="Espace lab" />
      <h1>Espace lab</h1>
      {d.labs.map((lab) => (
        <section key={lab.id} className="fr-mb-6w">
          <h2>{lab.name}</h2>
          {lab.labTeam && (
            <p>
              <Link to={`/lab/${lab.slug}/guichet`}>Guichet du lab</Link>
              {"\u00a0: "}
              {lab.overdue > 0 ? <strong>{plural(lab.overdue, "demande en retard", "demandes en retard")} sur le délai promis</strong> : "aucune demande en retard"}
            </p>
          )}
          <ul className="fr-btns-group fr-btns-group--inline-md">
            {lab.labTeam && (
              <li>
                <Link className="fr-btn" to={`/lab/${lab.slug}/campagnes/nouvelle`}>
                  Créer une campagne
                </Link>
              </li>
            )}
            {lab.labTeam && (
              <li>
                <Link className="fr-btn fr-btn--secondary" to={`/lab/${lab.slug}/problematiques`}>
                  Problématiques (analyse des thèmes)
                </Link>
              </li>
            )}
            {lab.labTeam && (
              <li>
                <Link className="fr-btn fr-btn--secondary" to={`/lab/${lab.slug}/minilabs`}>
                  Mini-Labs
                </Link>
              </li>
            )}
            {lab.labTeam && (
              <li>
                <Link className="fr-btn fr-btn--secondary" to={`/lab/${lab.slug}/projets`}>
                  Projets
                  {lab.projects && (
                    <>
                      {" "}({lab.projects.total}
                      {lab.projects.pendingGates > 0 && <>, {lab.projects.pendingGates}{"\u00a0"}en attente de comité</>})
                    </>
                  )}
                </Link>
              </li>
            )}
            {lab.labTeam && (
              <li>
                <Link className="fr-btn fr-btn--secondary" to={`/lab/${lab.slug}/feuille-de-route`}>
                  Feuille de route
                </Link>
              </li>
            )}
            {lab.labTeam && (
              <li>
                <Link className="fr-btn fr-btn--secondary" to={`/lab/${lab.slug}/ressources`}>
                  Ressources
                </Link>
              </li>
            )}
            {lab.labTeam && (
              <li>
                <Link className="fr-btn fr-btn--secondary" to={`/lab/${lab.slug}/competences`}>
                  Compétences et experts
                </Link>
              </li>
            )}
            {lab.labTeam && (
              <li>
                <Link className="fr-btn fr-btn--secondary" to={`/lab/${lab.slug}/questionnaires`}>
                  Questionnaires
                </Link>
              </li>
            )}
            {lab.labTeam && (
              <li>
                <Link className="fr-btn fr-btn--secondary" to={`/lab/${lab.slug}/evenements`}>
                  Événements
                </Link>
              </li>
            )}
            {lab.labTeam && (
              <li>
                <Link className="fr-btn fr-btn--secondary" to={`/lab/${lab.slug}/communautes`}>
                  Communautés de métiers
                </Link>
              </li>
            )}
            {lab.labTeam && (
              <li>
                <Link className="fr-btn fr-btn--secondary" to={`/lab/${lab.slug}/comites`}>
                  Comités
                </Link>
              </li>
            )}
            {lab.labTeam && (
              <li>
                <Link className="fr-btn fr-btn--secondary" to={`/lab/${lab.slug}/formations`}>
                  Formations
                </Link>
              </li>
            )}
            {lab.labTeam && (
              <li>
                <Link className="fr-btn fr-btn--secondary" to={`/lab/${lab.slug}/jetons`}>
                  Jetons d’accès à l’API
                </Link>
              </li>
            )}
            {(lab.labTeam || lab.admin) && (
              <li>
                <Link className="fr-btn fr-btn--secondary" to={`/lab/${lab.slug}/pilotage`}>
                  Pilotage
                </Link>
              </li>
            )}
            {(lab.labTeam || lab.admin) && (
              <li>
                <Link className="fr-btn fr-btn--secondary" to={`/lab/${lab.slug}/courriels`}>
                  Courriels envoyés
                </Link>
              </li>
            )}
            {lab.admin && (
              <li>
                <Link className="fr-btn fr-btn--secondary" to={`/lab/${lab.slug}/roles`}>
                  Gérer les rôles
                </Link>
              </li>
            )}
          </ul>
          {lab.labTeam && (
            <div className="fr-table fr-table--no-caption">
              <table>
                <caption>Campagnes de {lab.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">Campagne</th>
                    <th scope="col">État</th>
                    <th scope="col">Période</th>
                  </tr>
                </thead>
                <tbody>
                  {lab.campaigns.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link to={`/lab/campagnes/${c.id}`}>{c.title}</Link>
                      </td>
                      <td>{campaignPhaseLabels[c.phase]}</td>
                      <td>
                        {formatDate(c.opensAt)} – {formatDate(c.closesAt)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </Page>
  );
}
