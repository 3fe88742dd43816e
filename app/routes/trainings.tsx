import { Form, Link, useLoaderData } from "react-router";
import type { Route } from "./+types/trainings";
import { PageTitle } from "~/kernel/ui/forms";
import { frenchSpaces, plural } from "~/kernel/format";
import { catalogue } from "~/trainings";
import { catalogueQuerySchema } from "~/trainings/schemas";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

/** The catalogue of every lab's trainings; « Ouvertes à mon administration » keeps those the agent may join. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const url = new URL(request.url);
  const filters = catalogueQuerySchema.parse(Object.fromEntries(["ouvertes", "format", "lab"].map((k) => [k, url.searchParams.get(k) ?? undefined])));
  return catalogue(viewer, filters).catch(loaderFailure);
}

export default function Trainings() {
  const d = useLoaderData<typeof loader>();
  return (
    <Page>
      <PageTitle title="Formations" />
      <h1>Formations</h1>
      <p>
        Les formations des labs{"\u00a0"}: intelligence collective, design de service, prototypage… Grâce à l’offre réciproque, les agents de l’État peuvent suivre les formations de la Région et
        inversement.
        {d.sideLabel ? ` Votre administration\u00a0: ${d.sideLabel}.` : " Votre organisation ne précise pas votre administration\u00a0: vous pouvez consulter le catalogue, mais pas vous inscrire."}
      </p>
      <p>
        <Link to="/mes-formations">Mes formations</Link>
      </p>
      <Form method="get" className="fr-mb-4w">
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Filtrer les formations</legend>
          <div className="fr-fieldset__element">
            <div className="fr-checkbox-group">
              <input type="checkbox" id="filter-open" name="ouvertes" value="1" defaultChecked={d.filters.ouvertes} />
              <label className="fr-label" htmlFor="filter-open">
                Ouvertes à mon administration
              </label>
            </div>
          </div>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <div className="fr-select-group">
              <label className="fr-label" htmlFor="filter-format">
                Format
              </label>
              <select className="fr-select" id="filter-format" name="format" defaultValue={d.filters.format ?? ""}>
                <option value="">Tous</option>
                <option value="presentiel">Présentiel</option>
                <option value="distanciel">Distanciel</option>
              </select>
            </div>
          </div>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <div className="fr-select-group">
              <label className="fr-label" htmlFor="filter-lab">
                Lab
              </label>
              <select className="fr-select" id="filter-lab" name="lab" defaultValue={d.filters.lab ?? ""}>
                <option value="">Tous les labs</option>
                {d.labs.map((l) => (
                  <option key={l.value} value={l.value}>
                    {l.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="fr-fieldset__element">
            <button type="submit" className="fr-btn fr-btn--secondary">
              Filtrer
            </button>
          </div>
        </fieldset>
      </Form>
      <h2>{plural(d.trainings.length, "formation", "formations")}</h2>
      {d.trainings.length === 0 ? (
        <p>Aucune formation ne correspond à ces critères.</p>
      ) : (
        <ul className="fr-raw-list">
          {d.trainings.map((t) => (
            <li key={t.id} className="fr-mb-4w" data-training={t.id}>
              <h3 className="fr-h5 fr-mb-1v">
                <Link to={`/formations/${t.id}`}>{t.title}</Link>
              </h3>
              <ul className="fr-badges-group fr-mb-1v">
                {!t.published && <li><p className="fr-badge fr-badge--sm fr-badge--warning">Brouillon</p></li>}
                {t.reciprocal && <li><p className="fr-badge fr-badge--sm fr-badge--info">Offre réciproque</p></li>}
                {t.mayRegister ? <li><p className="fr-badge fr-badge--sm fr-badge--success">Ouverte à mon administration</p></li> : null}
              </ul>
              <p className="fr-text--sm fr-mb-1v">
                {t.lab} ({t.sideLabel}) · {t.format} · {t.duration}
              </p>
              <p className="fr-text--sm fr-mb-1v">{t.openTo}.</p>
              {t.objectives && <p className="fr-text--sm fr-mb-1v">{frenchSpaces(t.objectives.slice(0, 240))}{t.objectives.length > 240 ? "…" : ""}</p>}
              <p className="fr-text--sm fr-mb-0">
                {t.nextSession ? `Prochaine session\u00a0: ${t.nextSession} · ${plural(t.upcoming, "session à venir", "sessions à venir")} · ${plural(t.freeSeats, "place libre", "places libres")}` : "Aucune session à venir pour l’instant."}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
