import { Form, Link, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-projects";
import { PageTitle, SelectField } from "~/kernel/ui/forms";
import { KeysetPagination } from "~/kernel/ui/page";
import { labPortfolio } from "~/projects";
import { labCommittees } from "~/committees";
import { formatDate } from "~/kernel/format";
import { portfolioQuerySchema } from "~/projects/schemas";
import { ProjectCrumbs, StageBadge } from "~/projects/ui";
import type { Stage } from "~/projects/stages";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const url = new URL(request.url);
  const query = portfolioQuerySchema.parse(Object.fromEntries(url.searchParams));
  const portfolio = await labPortfolio(viewer, params.labSlug, query).catch(loaderFailure);
  // the next meeting of each of the lab's committees (the portfolio's own check, the lab team, comes first)
  const { committees } = await labCommittees(viewer, params.labSlug).catch(loaderFailure);
  return { ...portfolio, nextCommittees: committees.filter((c) => c.nextMeeting).map((c) => ({ id: c.id, name: c.name, on: formatDate(c.nextMeeting) })) };
}

export default function LabProjects() {
  const d = useLoaderData<typeof loader>();
  const base = `/lab/${d.lab.slug}/projets`;
  const filtered = !!(d.filter.stage || d.filter.org || d.filter.staff || d.filter.overdue);
  return (
    <Page>
      <PageTitle title={`Projets – ${d.lab.name}`} />
      <ProjectCrumbs root={{ to: "/lab", label: "Espace lab" }} steps={[{ label: "Projets" }]} />
      <h1>Projets – {d.lab.name}</h1>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Link className="fr-btn" to={`${base}/nouveau`}>
            Créer un projet
          </Link>
        </li>
        <li>
          <a className="fr-btn fr-btn--secondary" href={`${base}/export/projets.csv`} download>
            Exporter en CSV
          </a>
        </li>
        <li>
          <a className="fr-btn fr-btn--secondary" href={`${base}/export/projets.xlsx`} download>
            Exporter en XLSX
          </a>
        </li>
        <li>
          <Link className="fr-btn fr-btn--tertiary" to={`${base}/modeles`}>
            Livrables attendus et comités
          </Link>
        </li>
      </ul>
      {d.nextCommittees.length > 0 && (
        <p>
          Prochains comités{"\u00a0"}:{" "}
          {d.nextCommittees.map((c, i) => (
            <span key={c.id}>
              {i > 0 && "\u202f; "}
              <Link to={`/lab/${d.lab.slug}/comites/${c.id}`}>{c.name}</Link> le {c.on}
            </span>
          ))}
          .
        </p>
      )}
      <Form method="get" className="fr-mb-4w" aria-label="Filtrer les projets">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-3">
            <SelectField name="stage" label="Étape" placeholder="Toutes" defaultValue={d.filter.stage} options={d.options.stages} />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <SelectField name="org" label="Administration" placeholder="Toutes" defaultValue={d.filter.org} options={d.options.organizations} />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <SelectField name="staff" label="Équipe du lab" placeholder="Tout le monde" defaultValue={d.filter.staff} options={d.options.staff} />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <div className="fr-checkbox-group fr-mt-4w">
              <input type="checkbox" id="filter-overdue" name="overdue" value="1" defaultChecked={d.filter.overdue} />
              <label className="fr-label" htmlFor="filter-overdue">
                Passage d’étape en retard
              </label>
            </div>
          </div>
        </div>
        <fieldset className="fr-fieldset fr-mt-2w">
          <legend className="fr-fieldset__legend fr-text--regular">Affichage</legend>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <div className="fr-radio-group">
              <input type="radio" id="vue-liste" name="vue" value="liste" defaultChecked={d.filter.vue === "liste"} />
              <label className="fr-label" htmlFor="vue-liste">
                Liste
              </label>
            </div>
          </div>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <div className="fr-radio-group">
              <input type="radio" id="vue-colonnes" name="vue" value="colonnes" defaultChecked={d.filter.vue === "colonnes"} />
              <label className="fr-label" htmlFor="vue-colonnes">
                Colonnes par étape
              </label>
            </div>
          </div>
        </fieldset>
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" className="fr-btn fr-btn--secondary">
              Afficher
            </button>
          </li>
          {filtered && (
            <li>
              <Link className="fr-btn fr-btn--tertiary" to={base}>
                Effacer les filtres
              </Link>
            </li>
          )}
        </ul>
      </Form>

      {d.columns ? (
        <section aria-labelledby="columns-title">
          <h2 id="columns-title">Projets par étape</h2>
          <div className="fr-grid-row fr-grid-row--gutters">
            {d.columns.map((c) => (
              <section key={c.stage} className="fr-col-12 fr-col-md-6 fr-col-lg-3" aria-labelledby={`col-${c.stage}`}>
                <h3 id={`col-${c.stage}`} className="fr-h6">
                  {c.label} ({c.count})
                </h3>
                {c.projects.length === 0 ? (
                  <p className="fr-text--sm">Aucun projet.</p>
                ) : (
                  <ul className="fr-raw-list">
                    {c.projects.map((p) => (
                      <li key={p.id} className="fr-mb-2w">
                        <Link to={`/projets/${p.id}`}>{p.title}</Link>
                        <br />
                        <span className="fr-text--sm">
                          depuis {p.timeInStage}
                          {p.overdue && " · en retard"}
                          {p.pendingGate && ` · passage demandé`}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
                {c.count > c.projects.length && (
                  <p className="fr-text--sm">
                    <Link to={`${base}?stage=${c.stage}`}>Voir les {c.count} projets en {c.label.toLowerCase()}</Link>
                  </p>
                )}
              </section>
            ))}
          </div>
        </section>
      ) : d.rows.length === 0 ? (
        <p>{filtered ? "Aucun projet ne correspond à ces filtres." : "Aucun projet pour l’instant."}</p>
      ) : (
        <div className="fr-table fr-table--no-caption fr-table--layout-fixed">
          <div className="fr-table__wrapper">
            <div className="fr-table__container">
              <div className="fr-table__content">
                <table>
                  <caption>Les projets du lab</caption>
                  <thead>
                    <tr>
                      <th scope="col">Projet</th>
                      <th scope="col">Étape</th>
                      <th scope="col">Depuis</th>
                      <th scope="col">Administrations</th>
                      <th scope="col">Équipe</th>
                      <th scope="col">Passage d’étape</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.rows.map((p) => (
                      <tr key={p.id}>
                        <td>
                          <Link to={`/projets/${p.id}`}>{p.title}</Link>
                        </td>
                        <td>
                          <StageBadge stage={p.stage as Stage} />
                        </td>
                        <td>{p.timeInStage}</td>
                        <td>{p.organizations.join(", ")}</td>
                        <td>{[p.lead, ...p.staff].filter(Boolean).join(", ")}</td>
                        <td>
                          {p.pendingGate ? `Demandé\u00a0: ${p.pendingGate}` : p.plannedEnd ? `Prévu le ${p.plannedEnd}` : ""}
                          {p.overdue && (
                            <>
                              {" "}
                              <span className="fr-badge fr-badge--sm fr-badge--warning fr-badge--no-icon">En retard</span>
                            </>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}
      {!d.columns && <KeysetPagination first={d.paging.first} prev={d.paging.prev} next={d.paging.next} />}
    </Page>
  );
}
