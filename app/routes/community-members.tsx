import { Form, useLoaderData } from "react-router";
import type { Route } from "./+types/community-members";
import { formatDate, plural } from "~/kernel/format";
import { PageTitle } from "~/kernel/ui/forms";
import { directoryFilterSchema } from "~/communities/schemas";
import { membersDirectory } from "~/communities/service";
import { CommunityCrumbs } from "~/communities/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const url = new URL(request.url);
  const f = directoryFilterSchema.parse({ site: url.searchParams.get("site") ?? undefined, q: url.searchParams.get("q") ?? undefined });
  const dir = await membersDirectory(s, params.communityId, f).catch(loaderFailure);
  return { ...dir, filter: { site: f.site ?? "", q: f.q ?? "" } };
}

export default function CommunityMembers() {
  const d = useLoaderData<typeof loader>();
  const filtered = !!(d.filter.site || d.filter.q);
  return (
    <Page>
      <PageTitle title={`Annuaire – ${d.community.name}`} />
      <CommunityCrumbs steps={[{ to: `/communautes/${d.community.id}`, label: d.community.name }, { label: "Annuaire des membres" }]} />
      <h1>Annuaire des membres</h1>
      <p>
        {d.community.name} · {plural(d.total, "membre", "membres")}
      </p>
      <Form method="get" className="fr-mb-4w" role="search" aria-label="Filtrer l’annuaire">
        <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div className="fr-col-12 fr-col-md-5">
            <div className="fr-select-group">
              <label className="fr-label" htmlFor="filter-site">
                Site
              </label>
              <select className="fr-select" id="filter-site" name="site" defaultValue={d.filter.site}>
                <option value="">Tous les sites</option>
                {d.sites.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="fr-col-12 fr-col-md-5">
            <div className="fr-input-group">
              <label className="fr-label" htmlFor="filter-q">
                Nom, emploi ou organisation
              </label>
              <input className="fr-input" id="filter-q" name="q" type="search" defaultValue={d.filter.q} maxLength={200} />
            </div>
          </div>
          <div className="fr-col-12 fr-col-md-2">
            <button type="submit" className="fr-btn fr-mb-3w">
              Filtrer
            </button>
          </div>
        </div>
      </Form>
      <p role="status">{filtered ? `${plural(d.members.length, "membre correspond", "membres correspondent")} à votre recherche.` : ""}</p>
      {d.members.length === 0 ? (
        <p>Aucun membre ne correspond.</p>
      ) : (
        <div className="fr-table">
          <table>
            <caption>Membres de la communauté</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Emploi</th>
                <th scope="col">Organisation</th>
                <th scope="col">Site</th>
                <th scope="col">Membre depuis</th>
              </tr>
            </thead>
            <tbody>
              {d.members.map((m) => (
                <tr key={m.userId}>
                  <th scope="row">
                    {m.name}
                    {m.animator && <span className="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon fr-ml-1w">Animation</span>}
                  </th>
                  <td>{m.job ?? "—"}</td>
                  <td>{m.organization ?? "—"}</td>
                  <td>{m.site ?? "—"}</td>
                  <td>{formatDate(m.since)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
