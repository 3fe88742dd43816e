import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/arbitration";
import { formatDate, frenchSpaces } from "~/kernel/format";
import { PageTitle } from "~/kernel/ui/forms";
import { arbitrationPage } from "~/arbitration/service";
import { formatEuros } from "~/arbitration/ui";
import { Page } from "~/web/layout";
import { ExportLinks } from "~/kernel/ui/exports";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

export async function loader({ context, request }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  return arbitrationPage(s).catch(loaderFailure);
}

type Row = Awaited<ReturnType<typeof loader>>["pending"][number];

function Rows({ rows, caption }: { rows: Row[]; caption: string }) {
  return (
    <div className="fr-table">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Proposition</th>
            <th scope="col">Mini-Lab</th>
            <th scope="col">Soumise le</th>
            <th scope="col">Montant estimé</th>
            <th scope="col">Décision</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`/propositions/${r.id}`}>{frenchSpaces(r.title)}</Link>
              </th>
              <td>
                <Link to={`/minilabs/${r.minilabId}`}>{r.minilab}</Link>
              </td>
              <td>{formatDate(r.submittedAt)}</td>
              <td>{r.costEur === null ? "—" : formatEuros(r.costEur)}</td>
              <td>
                {r.decision
                  ? `${r.decision.label} le ${formatDate(r.decision.at)}${r.decision.corrections ? ` (${r.decision.corrections === 1 ? "corrigée une fois" : `corrigée ${r.decision.corrections} fois`})` : ""}`
                  : "À décider"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function Arbitration() {
  const d = useLoaderData<typeof loader>();
  return (
    <Page>
      <PageTitle title="Arbitrage" />
      <h1>Arbitrage</h1>
      {!d.directorate ? (
        <p>Votre compte n’est rattaché à aucune direction{"\u00a0"}: demandez à l’équipe du lab de vérifier votre service.</p>
      ) : (
        <>
          <p className="fr-text--lead">
            Les propositions des Mini-Labs adressées à la {d.directorate.replace(/^Direction/, "direction")}. Chacune reçoit une décision motivée{"\u00a0"}; une proposition adoptée a un responsable du
            suivi et une échéance.
          </p>
          <ExportLinks items={[{ label: "Décisions de la direction", href: "/arbitrage/export/decisions" }]} />
          <h2>À décider ({d.pending.length})</h2>
          {d.pending.length === 0 ? <p>Aucune proposition n’attend votre décision.</p> : <Rows rows={d.pending} caption="Propositions en attente de décision" />}
          <h2>Décidées ({d.decided.length})</h2>
          {d.decided.length === 0 ? <p>Aucune décision pour le moment.</p> : <Rows rows={d.decided} caption="Propositions décidées" />}
        </>
      )}
    </Page>
  );
}
