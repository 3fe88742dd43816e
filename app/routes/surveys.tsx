import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/surveys";
import { PageTitle } from "~/kernel/ui/forms";
import { mySurveys } from "~/surveys";
import { SurveyCrumbs } from "~/surveys/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

export async function loader({ context, request }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return mySurveys(viewer).catch(loaderFailure);
}

export default function MySurveys() {
  const d = useLoaderData<typeof loader>();
  return (
    <Page>
      <PageTitle title="Mes questionnaires" />
      <SurveyCrumbs steps={[{ to: "/", label: "Accueil" }, { label: "Mes questionnaires" }]} />
      <h1>Mes questionnaires</h1>
      {d.surveys.length === 0 ? (
        <p>Aucun questionnaire ne vous est adressé en ce moment.</p>
      ) : (
        <ul className="fr-raw-list">
          {d.surveys.map((s) => (
            <li key={s.id} className="fr-mb-3w">
              <h2 className="fr-h5 fr-mb-1v">
                <Link to={`/questionnaires/${s.id}`}>{s.title}</Link>
              </h2>
              <p className="fr-text--sm fr-mb-0">
                {s.answered ? <span className="fr-badge fr-badge--sm fr-badge--success fr-badge--no-icon">Répondu, modifiable</span> : <span className="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon">À remplir</span>} Ouvert {s.window}.
              </p>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
