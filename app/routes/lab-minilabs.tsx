import { Link, useLoaderData } from "react-router";
import { ExportLinks } from "~/kernel/ui/exports";
import type { Route } from "./+types/lab-minilabs";
import { formatDate } from "~/kernel/format";
import { PageTitle } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { minilabsOverview } from "~/minilabs/service";
import { proposalCounts } from "~/arbitration/service";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const overview = await minilabsOverview(s, params.labSlug).catch(loaderFailure);
  const proposals = await proposalCounts(overview.minilabs.map((m) => m.id));
  return { ...overview, minilabs: overview.minilabs.map((m) => ({ ...m, proposals: proposals.get(m.id) ?? { written: 0, submitted: 0, pending: 0 } })) };
}

function Counts({ items }: { items: { name: string; n: number }[] }) {
  if (items.length === 0) return <>—</>;
  return (
    <ul className="fr-text--sm">
      {items.map((o) => (
        <li key={o.name}>
          {o.name}&nbsp;: {o.n}
        </li>
      ))}
    </ul>
  );
}

export default function LabMinilabs() {
  const d = useLoaderData<typeof loader>();
  return (
    <Page>
      <PageTitle title={`Mini-Labs – ${d.lab.name}`} />
      <Breadcrumb items={[{ label: "Espace lab", to: "/lab" }]} current="Mini-Labs" />
      <h1>Mini-Labs – {d.lab.name}</h1>
      <p>
        <Link className="fr-btn" to={`/lab/${d.lab.slug}/minilabs/nouveau`}>
          Ouvrir un Mini-Lab
        </Link>{" "}
        <Link className="fr-btn fr-btn--secondary" to={`/lab/${d.lab.slug}/methodes`}>
          Méthodes d’animation
        </Link>
      </p>
      <ExportLinks items={[{ label: "Décisions sur les propositions des Mini-Labs", href: `/lab/${d.lab.slug}/minilabs/export/decisions` }]} />
      {d.minilabs.length === 0 ? (
        <p>Aucun Mini-Lab pour l’instant.</p>
      ) : (
        <div className="fr-table">
          <table>
            <caption>Tous les Mini-Labs du lab</caption>
            <thead>
              <tr>
                <th scope="col">Mini-Lab</th>
                <th scope="col">Phase</th>
                <th scope="col">Membres</th>
                <th scope="col">Par site</th>
                <th scope="col">Par organisation</th>
                <th scope="col">Séances tenues (à venir)</th>
                <th scope="col">Propositions (soumises)</th>
                <th scope="col">Décisions attendues</th>
                <th scope="col">Invitations en attente</th>
                <th scope="col">Demandes à traiter</th>
              </tr>
            </thead>
            <tbody>
              {d.minilabs.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/minilabs/${m.id}`}>{m.name}</Link>
                    {m.theme && (
                      <>
                        <br />
                        <span className="fr-text--sm">Thème&nbsp;: {m.theme}</span>
                      </>
                    )}
                  </td>
                  <td>
                    {m.phase}
                    <br />
                    <span className="fr-text--sm">
                      du {formatDate(m.sessionsFrom)} à l’arbitrage le {formatDate(m.arbitrationOn)}
                    </span>
                  </td>
                  <td>{m.active}</td>
                  <td>
                    <Counts items={m.bySite} />
                  </td>
                  <td>
                    <Counts items={m.byOrganization} />
                  </td>
                  <td>
                    {m.sessionsHeld} ({m.sessionsScheduled})
                  </td>
                  <td>
                    {m.proposals.written} ({m.proposals.submitted})
                  </td>
                  <td>{m.proposals.pending}</td>
                  <td>{m.invited}</td>
                  <td>{m.requested}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
