import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/my-trainings";
import { PageTitle } from "~/kernel/ui/forms";
import { myTrainings } from "~/trainings";
import { StatusBadge } from "~/trainings/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";

export async function loader({ context, request }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return myTrainings(viewer);
}

export default function MyTrainings() {
  const d = useLoaderData<typeof loader>();
  return (
    <Page>
      <PageTitle title="Mes formations" />
      <h1>Mes formations</h1>
      <p>
        Vos inscriptions, vos places sur liste d’attente et vos attestations. <Link to="/formations">Voir le catalogue des formations</Link>
      </p>
      <h2>Inscriptions et listes d’attente</h2>
      {d.registrations.length === 0 ? (
        <p>Vous n’êtes inscrit ou inscrite à aucune session.</p>
      ) : (
        <ul className="fr-raw-list">
          {d.registrations.map((r) => (
            <li key={r.sessionId} className="fr-mb-3w">
              <h3 className="fr-h6 fr-mb-1v">
                <Link to={`/formations/${r.trainingId}`}>{r.title}</Link>
              </h3>
              <p className="fr-text--sm fr-mb-1v">
                Session du {r.when}
                {r.place && ` · ${r.place}`}
              </p>
              <StatusBadge status={r.status} label={r.status === "waiting" && r.position ? `Liste d’attente\u00a0: position ${r.position}` : r.statusLabel} />
              {r.offeredUntil && (
                <p className="fr-text--sm">
                  <strong>Une place vous est proposée{"\u00a0"}: confirmez-la avant le {r.offeredUntil}</strong> sur la <Link to={`/formations/${r.trainingId}`}>page de la formation</Link>.
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {d.awaitingApproval.length > 0 && (
        <>
          <h2>En attente de l’accord de votre responsable</h2>
          <ul>
            {d.awaitingApproval.map((r) => (
              <li key={r.sessionId}>
                <Link to={`/formations/${r.trainingId}`}>{r.title}</Link>, session du {r.when} (demandé à {r.managerEmail})
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Attestations</h2>
      {d.attestations.length === 0 ? (
        <p>Aucune attestation pour l’instant{"\u00a0"}: elle est disponible quand le formateur a relevé votre présence.</p>
      ) : (
        <ul>
          {d.attestations.map((r) => (
            <li key={r.sessionId}>
              {r.title}, session du {r.when}{"\u00a0"}:{" "}
              <a href={`/formations/${r.trainingId}/sessions/${r.sessionId}/attestation.pdf`} download>
                attestation (PDF)
              </a>
            </li>
          ))}
        </ul>
      )}
      {d.training.length > 0 && (
        <>
          <h2>Les sessions que vous animez</h2>
          <ul>
            {d.training.map((r) => (
              <li key={r.sessionId}>
                <Link to={`/lab/${r.labSlug}/formations/${r.trainingId}/sessions/${r.sessionId}`}>
                  {r.title}, session du {r.when}
                </Link>{" "}
                (liste des inscrits et feuille de présence)
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
