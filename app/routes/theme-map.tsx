import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/theme-map";
import { formatDate, frenchSpaces, plural } from "~/kernel/format";
import { PageTitle } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { themeMap } from "~/themes";
import { colourOf } from "~/themes/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  return themeMap(s, params.analysisId).catch(loaderFailure);
}

const W = 800;
const H = 520;
const PAD = 16;

export default function ThemeMap() {
  const d = useLoaderData<typeof loader>();
  const ideasIn = (i: number) => (i < 0 ? d.unclassified.length : d.themes[i].ideas.length);
  return (
    <Page>
      <PageTitle title={`${d.analysis.title} – carte des idées`} />
      <Breadcrumb items={[{ label: "Problématiques", to: "/problematiques" }]} current={d.analysis.title} />
      <h1>{d.analysis.title}</h1>
      <p>
        {d.analysis.lab} · {plural(d.themes.length, "problématique", "problématiques")} ·{" "}
        {d.analysis.publishedAt ? `publiées le ${formatDate(d.analysis.publishedAt)}` : "non publiées (visibles par l’équipe du lab seulement)"}
        {d.team && (
          <>
            {" "}
            · <Link to={`/lab/analyses/${d.analysis.id}`}>Organiser les thèmes</Link>
          </>
        )}
      </p>

      <h2>Carte des idées</h2>
      <p id="map-help">
        Chaque point est une idée, coloré selon sa problématique{"\u202f"}; deux idées proches sur la carte parlent de choses semblables. Le tableau qui suit donne
        les mêmes informations.
      </p>
      <figure className="fr-mb-4w">
        <svg
          viewBox={`0 0 ${W} ${H}`}
          width="100%"
          role="img"
          aria-labelledby="map-title"
          aria-describedby="map-help"
          style={{ maxWidth: W, border: "1px solid var(--border-default-grey)", background: "var(--background-default-grey)" }}
        >
          <title id="map-title">{`Carte de ${plural(d.points.length, "idée", "idées")} en ${plural(d.themes.length, "problématique", "problématiques")}`}</title>
          {d.points.map((p) => (
            <circle key={p.id} cx={PAD + p.x * (W - 2 * PAD)} cy={PAD + (1 - p.y) * (H - 2 * PAD)} r={5} fill={colourOf(p.theme)} fillOpacity={0.8} stroke="#fff" strokeWidth={0.8}>
              <title>{frenchSpaces(p.title)}</title>
            </circle>
          ))}
        </svg>
        <figcaption>
          <ul className="germoir-legend">
            {d.themes.map((t, i) => (
              <li key={t.id}>
                <span className="germoir-swatch" style={{ background: colourOf(i) }} aria-hidden="true" />
                {t.label} ({ideasIn(i)})
              </li>
            ))}
            {d.unclassified.length > 0 && (
              <li>
                <span className="germoir-swatch" style={{ background: colourOf(-1) }} aria-hidden="true" />À classer ({d.unclassified.length})
              </li>
            )}
          </ul>
        </figcaption>
      </figure>

      <div className="fr-table">
        <table>
          <caption>Problématiques et idées</caption>
          <thead>
            <tr>
              <th scope="col">Problématique</th>
              <th scope="col">Mots clés</th>
              <th scope="col">Idées et auteurs</th>
            </tr>
          </thead>
          <tbody>
            {d.themes.map((t) => (
              <tr key={t.id}>
                <th scope="row">
                  {t.label}
                  <br />
                  <span className="fr-text--sm">{plural(t.ideas.length, "idée", "idées")}</span>
                </th>
                <td>{t.terms.join(", ")}</td>
                <td>
                  <ul className="fr-text--sm">
                    {t.ideas.map((i) => (
                      <li key={i.id}>
                        <Link to={`/idees/${i.id}`}>{frenchSpaces(i.title)}</Link> – {i.author}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
            {d.unclassified.length > 0 && (
              <tr>
                <th scope="row">À classer</th>
                <td>—</td>
                <td>
                  <ul className="fr-text--sm">
                    {d.unclassified.map((i) => (
                      <li key={i.id}>
                        <Link to={`/idees/${i.id}`}>{frenchSpaces(i.title)}</Link> – {i.author}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </Page>
  );
}
