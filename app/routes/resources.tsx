import { Form, Link, useLoaderData } from "react-router";
import type { Route } from "./+types/resources";
import { getSession } from "~/kernel/http/context";
import { frenchSpaces, plural } from "~/kernel/format";
import { PageTitle, SelectField } from "~/kernel/ui/forms";
import { Pagination } from "~/kernel/ui/page";
import { libraryPage } from "~/resources";
import { readLibraryQuery, type LibraryFilters } from "~/resources/schemas";
import { SessionsBadge } from "~/resources/ui";
import { Page } from "~/web/layout";
import { loaderFailure } from "~/web/errors";

/** The library: public sheets for everyone, agents-only ones for signed-in agents. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const s = getSession(context);
  const viewer = s.user && s.principal ? { principal: s.principal } : null;
  return libraryPage(viewer, readLibraryQuery(new URL(request.url))).catch(loaderFailure);
}

function href(f: LibraryFilters, change: Partial<Record<"q" | "type" | "etiquette" | "page", string | null>>) {
  const sp = new URLSearchParams();
  const merged = { q: f.terms, type: f.kind, etiquette: f.tag, page: null as string | null, ...change };
  for (const [k, v] of Object.entries(merged)) if (v) sp.set(k, v);
  const s = sp.toString();
  return s ? `/ressources?${s}` : "/ressources";
}

export default function Resources() {
  const d = useLoaderData<typeof loader>();
  const f = d.filters;
  return (
    <Page>
      <PageTitle title={f.terms ? `Ressources\u00a0: «\u00a0${f.terms}\u00a0»` : "Ressources"} />
      <h1>Ressources</h1>
      <p>Fiches méthodes, outils, modèles et études de cas des labs{"\u00a0"}: pour préparer un atelier, animer une séance de Mini-Lab ou s’inspirer d’un projet.</p>
      {!d.signedIn && <p className="fr-text--sm">Connectez-vous pour voir aussi les fiches réservées aux agents.</p>}
      <Form method="get" action="/ressources" role="search" className="fr-mb-4w">
        <div className="fr-search-bar fr-search-bar--lg fr-mb-2w" id="search-resources">
          <label className="fr-label" htmlFor="field-q">
            Rechercher dans les ressources
          </label>
          <input className="fr-input" placeholder={"Rechercher (ex.\u00a0: prototypage, persona, atelier)"} type="search" id="field-q" name="q" defaultValue={f.terms ?? ""} />
          <button className="fr-btn" type="submit" title="Rechercher">
            Rechercher
          </button>
        </div>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <SelectField name="type" label="Type" options={d.kinds} placeholder="Tous" defaultValue={f.kind ?? ""} />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <SelectField name="etiquette" label="Étiquette" options={d.tags.map((t) => ({ value: t.tag, label: `${t.tag} (${t.n})` }))} placeholder="Toutes" defaultValue={f.tag ?? ""} />
          </div>
        </div>
        <button type="submit" className="fr-btn fr-btn--secondary">
          Appliquer les filtres
        </button>
      </Form>
      <p role="status">{d.total === 0 ? "Aucune ressource ne correspond à votre recherche." : `${plural(d.total, "ressource", "ressources")}${f.terms ? ` pour «\u00a0${f.terms}\u00a0»` : ""}`}</p>
      <ul className="fr-raw-list">
        {d.resources.map((r) => (
          <li key={r.id} className="fr-mb-3w">
            <h2 className="fr-h5 fr-mb-1v">
              <Link to={`/ressources/${r.id}`}>{frenchSpaces(r.title)}</Link>
            </h2>
            <p className="fr-mb-1v">
              <span className="fr-badge fr-badge--sm fr-badge--no-icon">{r.kindLabel}</span> <SessionsBadge n={r.sessions} />{" "}
              <span className="fr-text--xs">{r.lab}</span>
            </p>
            {r.summary && <p className="fr-text--sm fr-mb-1v">{frenchSpaces(r.summary.length > 240 ? `${r.summary.slice(0, 240)}…` : r.summary)}</p>}
            {r.tags.length > 0 && (
              <ul className="fr-tags-group">
                {r.tags.map((t) => (
                  <li key={t}>
                    <Link className="fr-tag fr-tag--sm" to={href(f, { etiquette: t, page: null })}>
                      {t}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <Pagination page={f.page} pages={d.pages} href={(p) => href(f, { page: p > 1 ? String(p) : null })} />
    </Page>
  );
}
