import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/my-data";
import { fieldLabels, personalDataOf, readableField, readableValue } from "~/privacy";
import { formatDateTime, frenchSpaces, plural } from "~/kernel/format";
import { PageTitle } from "~/kernel/ui/forms";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

export async function loader({ context, request }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const data = await personalDataOf(viewer, viewer.userId).catch(loaderFailure);
  return {
    exportedAt: data.exportedAt,
    sections: data.sections.map((s) => {
      const columns = [...new Set(s.rows.flatMap((r) => Object.keys(r)))].filter(readableField);
      return {
        key: s.key,
        title: s.title,
        columns: columns.map((c) => fieldLabels[c] ?? c),
        rows: s.rows.map((r) => columns.map((c) => frenchSpaces(readableValue(r[c] ?? null)))),
      };
    }),
  };
}

export default function MyData() {
  const data = useLoaderData<typeof loader>();
  const filled = data.sections.filter((s) => s.rows.length > 0);
  const empty = data.sections.filter((s) => s.rows.length === 0);
  return (
    <Page>
      <PageTitle title="Mes données" />
      <h1>Mes données</h1>
      <p className="fr-text--lead">Tout ce que ce service conserve sur vous, au {formatDateTime(data.exportedAt)}.</p>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <a className="fr-btn fr-icon-download-line fr-btn--icon-left" href="/mes-donnees/export.json" download>
            Télécharger mes données (JSON)
          </a>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary fr-icon-delete-line fr-btn--icon-left" to="/mes-donnees/supprimer">
            Supprimer mon compte
          </Link>
        </li>
      </ul>
      <p className="fr-text--sm">
        Le fichier JSON contient aussi les identifiants techniques (de vos idées, de vos Mini-Labs…). La page <Link to="/donnees-personnelles">Données personnelles</Link> dit pourquoi ces données sont traitées, combien de temps elles
        sont gardées et comment exercer vos droits.
      </p>
      <nav className="fr-summary fr-mb-4w" role="navigation" aria-labelledby="my-data-summary">
        <h2 className="fr-summary__title" id="my-data-summary">
          Sommaire
        </h2>
        <ol>
          {filled.map((s) => (
            <li key={s.key}>
              <a className="fr-summary__link" href={`#donnees-${s.key}`}>
                {s.title} ({plural(s.rows.length, "élément", "éléments")})
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {filled.map((s) => (
        <section key={s.key} id={`donnees-${s.key}`} className="fr-mb-4w">
          <h2 className="fr-h4">{s.title}</h2>
          <div className="fr-table fr-table--no-caption">
            <div className="fr-table__wrapper">
              {/* Wide tables scroll sideways: the region takes the focus so that the keyboard scrolls it too. */}
              <div className="fr-table__container" tabIndex={0} role="region" aria-label={s.title}>
                <div className="fr-table__content">
                  <table>
                    <caption>{s.title}</caption>
                    <thead>
                      <tr>
                        {s.columns.map((c) => (
                          <th key={c} scope="col">
                            {c}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {s.rows.map((r, i) => (
                        <tr key={i}>
                          {r.map((v, j) => (
                            <td key={j} style={{ whiteSpace: "pre-wrap", minWidth: v.length > 40 ? "16rem" : undefined }}>
                              {v}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            </div>
          </div>
        </section>
      ))}
      {empty.length > 0 && (
        <section className="fr-mb-4w">
          <h2 className="fr-h4">Rien de conservé</h2>
          <ul>
            {empty.map((s) => (
              <li key={s.key}>{s.title}</li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}
