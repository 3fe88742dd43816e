import { Form, Link, useLoaderData } from "react-router";
import type { Route } from "./+types/skills";
import { frenchSpaces, plural } from "~/kernel/format";
import { PageTitle, SelectField } from "~/kernel/ui/forms";
import { Pagination } from "~/kernel/ui/page";
import { directoryPage } from "~/skills";
import { readDirectoryQuery, type DirectoryFilters } from "~/skills/schemas";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

/** The skills directory: signed-in agents find the agents who opted in, and the labs' experts. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return directoryPage(viewer, readDirectoryQuery(new URL(request.url))).catch(loaderFailure);
}

function href(f: DirectoryFilters, page: number) {
  const sp = new URLSearchParams();
  if (f.skill) sp.set("competence", f.skill);
  if (f.site) sp.set("site", f.site);
  if (f.organization) sp.set("organisation", f.organization);
  if (f.willing) sp.set("aide", "1");
  if (page > 1) sp.set("page", String(page));
  const s = sp.toString();
  return s ? `/competences?${s}` : "/competences";
}

export default function Skills() {
  const d = useLoaderData<typeof loader>();
  const f = d.filters;
  return (
    <Page>
      <PageTitle title={d.skillLabel ? `Annuaire des compétences\u00a0: ${d.skillLabel}` : "Annuaire des compétences"} />
      <h1>Annuaire des compétences</h1>
      <p>
        Les agents qui ont déclaré leurs compétences, et les experts que les labs font connaître. Pour y figurer, <Link to="/competences/mes-competences">déclarez vos compétences</Link>. Les adresses électroniques ne sont jamais montrées{"\u00a0"}: «{"\u00a0"}Contacter{"\u00a0"}» envoie un message dans Germoir.
      </p>
      <Form method="get" action="/competences" role="search" className="fr-mb-4w">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <SelectField name="competence" label="Compétence" options={d.skills} placeholder="Toutes" defaultValue={f.skill ?? ""} />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <SelectField name="site" label="Site" options={d.sites} placeholder="Tous" defaultValue={f.site ?? ""} />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <SelectField name="organisation" label="Organisation" options={d.organizations} placeholder="Toutes" defaultValue={f.organization ?? ""} />
          </div>
        </div>
        <div className="fr-checkbox-group fr-mb-2w">
          <input type="checkbox" id="field-aide" name="aide" value="1" defaultChecked={f.willing} />
          <label className="fr-label" htmlFor="field-aide">
            Seulement les agents prêts à aider d’autres services
          </label>
        </div>
        <button type="submit" className="fr-btn">
          Rechercher
        </button>
      </Form>
      <p role="status">{d.total === 0 ? "Aucun agent ne correspond à votre recherche." : `${plural(d.total, "agent", "agents")}${d.skillLabel ? ` en «\u00a0${d.skillLabel}\u00a0»` : ""}`}</p>
      <ul className="fr-raw-list">
        {d.people.map((p) => (
          <li key={p.id} className="fr-mb-3w">
            <h2 className="fr-h5 fr-mb-1v">
              <Link to={`/competences/agents/${p.id}`}>{p.name}</Link>
              {p.me ? " (vous)" : ""}
            </h2>
            <p className="fr-text--sm fr-mb-1v">{[p.job, p.organization, p.site].filter(Boolean).join(" · ")}</p>
            <ul className="fr-tags-group">
              {p.skills.map((s) => (
                <li key={s.label}>
                  <span className="fr-tag fr-tag--sm">
                    {s.label} – {s.level.toLowerCase()}
                    {s.willing ? ", prêt à aider" : ""}
                  </span>
                </li>
              ))}
            </ul>
            {p.expert && p.domains && <p className="fr-text--sm fr-mb-0">Expertise{"\u00a0"}: {frenchSpaces(p.domains)}</p>}
          </li>
        ))}
      </ul>
      <Pagination page={f.page} pages={d.pages} href={(page) => href(f, page)} />
      {d.externals.length > 0 && (
        <>
          <h2 className="fr-mt-4w">Experts des labs</h2>
          <p>Chercheurs, universitaires et praticiens que les labs sollicitent{"\u00a0"}: pour les joindre, passez par l’équipe du lab.</p>
          <ul>
            {d.externals.map((e) => (
              <li key={e.id} className="fr-mb-1w">
                <strong>{e.name}</strong>
                {e.affiliation ? `, ${e.affiliation}` : ""} ({e.kind.toLowerCase()}) – {frenchSpaces(e.domains)}
                {e.availability ? ` – ${frenchSpaces(e.availability)}` : ""} – lab{"\u00a0"}: {e.lab}
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
