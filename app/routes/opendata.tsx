import { useLoaderData } from "react-router";
import { datasetsPage } from "~/opendata";
import { PageTitle } from "~/kernel/ui/forms";
import { formatDate, formatNumber, frenchSpaces } from "~/kernel/format";
import { Page } from "~/web/layout";

/** The open data: every dataset with its size, update date, files and schema; public, no sign-in. */
export async function loader() {
  return datasetsPage();
}

const NB = "\u00a0";

export default function OpenData() {
  const d = useLoaderData<typeof loader>();
  return (
    <Page>
      <PageTitle title="Données ouvertes" />
      <h1>Données ouvertes</h1>
      <p className="fr-text--lead">
        Les idées publiées, les problématiques, les Mini-Labs et leurs décisions, les projets et leurs étapes, en CSV et en JSON, mis à jour en continu. Aucune donnée personnelle{NB}: ni auteurs, ni équipes, ni projets confidentiels.
      </p>
      <p>
        Réutilisation libre sous la <a href={d.licence.path}>{d.licence.title}</a>. Chaque jeu a son schéma au format Table Schema (celui de schema.data.gouv.fr). Le <a href="/donnees/catalogue.jsonld">catalogue DCAT-AP</a> permet à un portail udata (data.gouv.fr, DataGrandEst) de moissonner ces jeux{NB}; l’<a href="/api">API publique</a> donne les mêmes données avec des filtres.
      </p>
      <div className="fr-table fr-table--no-caption">
        <table>
          <caption>Jeux de données</caption>
          <thead>
            <tr>
              <th scope="col">Jeu de données</th>
              <th scope="col">Lignes</th>
              <th scope="col">Mis à jour le</th>
              <th scope="col">Fichiers</th>
              <th scope="col">Schéma</th>
            </tr>
          </thead>
          <tbody>
            {d.datasets.map((ds) => (
              <tr key={ds.slug}>
                <th scope="row">
                  <a href={`#${ds.slug}`}>{ds.title}</a>
                </th>
                <td>{formatNumber(ds.count)}</td>
                <td>{ds.updatedAt ? formatDate(ds.updatedAt) : "—"}</td>
                <td>
                  <a href={`/donnees/${ds.slug}.csv`} aria-label={`${ds.title}, fichier CSV`}>
                    CSV
                  </a>
                  {" · "}
                  <a href={`/donnees/${ds.slug}.json`} aria-label={`${ds.title}, fichier JSON`}>
                    JSON
                  </a>
                </td>
                <td>
                  <a href={`/donnees/${ds.slug}/schema.json`} aria-label={`Schéma de ${ds.title}`}>
                    schema.json
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {d.datasets.map((ds) => (
        <section key={ds.slug} id={ds.slug} className="fr-mb-4w">
          <h2 className="fr-h4">{ds.title}</h2>
          <p>{frenchSpaces(ds.description)}</p>
          <p className="fr-text--sm">
            API{NB}: <code>/api/v1/{ds.resource}</code>
          </p>
          <details>
            <summary>Les {ds.fields.length} colonnes</summary>
            <ul>
              {ds.fields.map((f) => (
                <li key={f.name}>
                  <code>{f.name}</code>{NB}: {f.title} ({f.type})
                </li>
              ))}
            </ul>
          </details>
        </section>
      ))}
    </Page>
  );
}
