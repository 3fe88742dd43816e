import { useLoaderData } from "react-router";
import { datasetsPage } from "~/opendata";
import { PageTitle } from "~/kernel/ui/forms";
import { frenchSpaces } from "~/kernel/format";
import { runtime } from "~/kernel/runtime";
import { Page } from "~/web/layout";

/** The public API, explained: its resources, filters, pagination, caching, limits and tokens. */
export async function loader() {
  const page = await datasetsPage();
  return { base: `${runtime().config.publicUrl}${API_BASE}`, resources: page.datasets.map((d) => ({ resource: d.resource, title: d.title, description: d.description, filters: d.filters })) };
}

const NB = "\u00a0";
const API_BASE = "/api/v1";

export default function ApiDocs() {
  const d = useLoaderData<typeof loader>();
  return (
    <Page>
      <PageTitle title="API publique" />
      <h1>API publique</h1>
      <p className="fr-text--lead">Les données ouvertes en JSON, en lecture seule, avec des filtres et une pagination par curseur.</p>
      <p>
        Description complète au format OpenAPI 3.1{NB}: <a href={`${API_BASE}/openapi.json`}>{`${API_BASE}/openapi.json`}</a>. Les mêmes données existent en fichiers CSV et JSON sur la page <a href="/donnees">Données ouvertes</a>.
      </p>
      <h2>Ressources</h2>
      <div className="fr-table fr-table--no-caption">
        <table>
          <caption>Ressources de l’API</caption>
          <thead>
            <tr>
              <th scope="col">Adresse</th>
              <th scope="col">Contenu</th>
              <th scope="col">Filtres</th>
            </tr>
          </thead>
          <tbody>
            {d.resources.map((r) => (
              <tr key={r.resource}>
                <th scope="row">
                  <code>GET {`${API_BASE}/${r.resource}`}</code>
                </th>
                <td>{frenchSpaces(r.description)}</td>
                <td>
                  {r.filters.map((f) => (
                    <span key={f}>
                      <code>{f}</code>,{" "}
                    </span>
                  ))}
                  <code>limit</code>, <code>cursor</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Pagination, cache et limites</h2>
      <ul>
        <li>
          Chaque réponse donne <code>data</code> (50 éléments par défaut, <code>limit</code> jusqu’à 200) et <code>next_cursor</code>{NB}: passez-le tel quel en <code>cursor</code> pour la page suivante{NB}; il vaut <code>null</code> à la dernière.
        </li>
        <li>
          Chaque réponse porte un <code>ETag</code>{NB}: renvoyez-le en <code>If-None-Match</code>, la réponse est <code>304</code> sans corps tant que rien n’a changé.
        </li>
        <li>Les requêtes GET sont permises depuis toute origine (CORS).</li>
        <li>
          Au-delà d’un nombre de requêtes par minute et par adresse IP, la réponse est <code>429</code> avec l’en-tête <code>Retry-After</code> (secondes à attendre).
        </li>
        <li>
          Les erreurs sont en JSON, avec un message en français{NB}: <code>{'{"error": {"code": "requete_invalide", "message": "…", "details": […]}}'}</code>.
        </li>
      </ul>
      <h2>Exemple</h2>
      <pre className="fr-p-2w" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
        <code>{`curl '${d.base}/ideas?lab=region-grand-est&status=awarded&limit=20'`}</code>
      </pre>
      <h2>Jetons d’accès des labs</h2>
      <p>
        L’équipe d’un lab peut créer des jetons d’accès personnels (page «{NB}Jetons d’accès{NB}» de l’espace du lab). Envoyé en <code>Authorization: Bearer gmr_…</code>, un jeton donne, en plus des données publiques, les données non publiques de son seul lab{NB}: ses projets confidentiels et ses Mini-Labs privés. Le secret n’est montré qu’une fois{NB}; seule son empreinte SHA-256 est conservée. Un jeton révoqué est refusé (<code>401</code>).
      </p>
    </Page>
  );
}
