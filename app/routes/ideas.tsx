import { Form, Link, useLoaderData } from "react-router";
import type { Route } from "./+types/ideas";
import { browseIdeas } from "~/ideas/service";
import { ideaListSchema } from "~/ideas/schemas";
import { ideaStatuses } from "~/ideas/ideas";
import { StatusBadge } from "~/ideas/ui";
import { listAllCampaignOptions } from "~/campaigns/campaigns";
import { listOrganizations } from "~/organizations/organizations";
import { formatDate, frenchSpaces, plural } from "~/kernel/format";
import { PageTitle, SelectField } from "~/kernel/ui/forms";
import { KeysetPagination } from "~/kernel/ui/page";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";

const PAGE_SIZE = 20;

export async function loader({ context, request }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const url = new URL(request.url);
  const f = ideaListSchema.parse(Object.fromEntries(url.searchParams));
  const [result, campaigns, orgs] = await Promise.all([
    browseIdeas(s, {
      q: f.q,
      campaignId: f.campagne,
      status: f.statut,
      organizationId: f.organisation,
      sort: f.tri,
      after: f.apres,
      before: f.avant,
      pageSize: PAGE_SIZE,
    }),
    listAllCampaignOptions(),
    listOrganizations(),
  ]);
  return {
    filters: f,
    total: result.total,
    next: result.next,
    prev: result.prev,
    search: result.search,
    items: result.items.map((i) => ({
      id: i.id,
      title: i.title,
      excerpt: i.problem.length > 220 ? `${i.problem.slice(0, 220)}…` : i.problem,
      status: i.status,
      hidden: !!i.hidden_at,
      supports: i.support_count,
      comments: i.comment_count,
      submittedAt: i.submitted_at,
      author: i.author,
      organization: i.organization,
      campaign: i.campaign,
    })),
    campaigns: campaigns.map((c) => ({ value: c.id, label: c.title })),
    organizations: orgs.map((o) => ({ value: o.id, label: o.name })),
  };
}

/** The list's URL with these filters (cursors apart), and one cursor or none. */
function listHref(filters: Record<string, unknown>, change: { q?: string | null; apres?: string; avant?: string } = {}) {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== "" && k !== "apres" && k !== "avant" && k !== "q") sp.set(k, String(v));
  const q = change.q === undefined ? filters.q : change.q;
  if (q) sp.set("q", String(q));
  if (change.q === null) sp.delete("tri");
  if (change.apres) sp.set("apres", change.apres);
  if (change.avant) sp.set("avant", change.avant);
  const s = sp.toString();
  return s ? `/idees?${s}` : "/idees";
}

export default function Ideas() {
  const d = useLoaderData<typeof loader>();
  const f = d.filters;
  return (
    <Page>
      <PageTitle title={f.q ? `Idées\u00a0: «\u00a0${f.q}\u00a0»` : "Idées"} />
      <h1>Idées</h1>
      <Form method="get" action="/idees" role="search" className="fr-mb-4w">
        <div className="fr-search-bar fr-search-bar--lg fr-mb-2w" id="search-ideas">
          <label className="fr-label" htmlFor="field-q">
            Rechercher dans les idées
          </label>
          <input className="fr-input" placeholder={"Rechercher (ex.\u00a0: ménage, cantine, covoiturage)"} type="search" id="field-q" name="q" defaultValue={f.q ?? ""} />
          <button className="fr-btn" type="submit" title="Rechercher">
            Rechercher
          </button>
        </div>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-3">
            <SelectField name="campagne" label="Campagne" options={d.campaigns} placeholder="Toutes" defaultValue={f.campagne} />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <SelectField
              name="statut"
              label="Statut"
              options={(["submitted", "under_review", "awarded", "not_awarded"] as const).map((k) => ({ value: k, label: ideaStatuses[k] }))}
              placeholder="Tous"
              defaultValue={f.statut}
            />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <SelectField name="organisation" label="Organisation" options={d.organizations} placeholder="Toutes" defaultValue={f.organisation} />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <SelectField
              name="tri"
              label="Trier par"
              options={[
                ...(f.q ? [{ value: "relevance", label: "Pertinence" }] : []),
                { value: "recent", label: "Plus récentes" },
                { value: "supported", label: "Plus soutenues" },
              ]}
              defaultValue={f.tri ?? (f.q ? "relevance" : "recent")}
            />
          </div>
        </div>
        <button type="submit" className="fr-btn fr-btn--secondary">
          Appliquer les filtres
        </button>
      </Form>
      <p role="status">
        {d.search?.searchedFor
          ? `Aucune idée ne correspond à «\u00a0${f.q}\u00a0». ${plural(d.total, "idée", "idées")} pour «\u00a0${d.search.searchedFor}\u00a0».`
          : d.total === 0
            ? "Aucune idée ne correspond à votre recherche."
            : `${plural(d.total, "idée", "idées")}${f.q ? ` pour «\u00a0${f.q}\u00a0»` : ""}`}
      </p>
      {d.search?.suggestion ? (
        <p>
          Vouliez-vous dire&nbsp;: <Link to={listHref(f, { q: d.search.suggestion })}>{d.search.suggestion}</Link>&nbsp;?
        </p>
      ) : null}
      {f.q ? (
        <p>
          <Link className="fr-link fr-icon-close-line fr-link--icon-left" to={listHref(f, { q: null })}>
            Effacer la recherche
          </Link>
        </p>
      ) : null}
      <ul className="germoir-card-list">
        {d.items.map((i) => (
          <li key={i.id}>
            <div className="fr-card fr-card--sm fr-enlarge-link">
              <div className="fr-card__body">
                <div className="fr-card__content">
                  <h2 className="fr-card__title">
                    <Link to={`/idees/${i.id}`}>{frenchSpaces(i.title)}</Link>
                  </h2>
                  <p className="fr-card__desc">{frenchSpaces(i.excerpt)}</p>
                  <div className="fr-card__start">
                    <StatusBadge status={i.status} hidden={i.hidden} />
                    <p className="fr-card__detail">{i.campaign}</p>
                  </div>
                  <div className="fr-card__end">
                    <p className="fr-card__detail">
                      {i.author}
                      {i.organization ? `, ${i.organization}` : ""} – {formatDate(i.submittedAt)} – {plural(i.supports, "soutien", "soutiens")} – {plural(i.comments, "commentaire", "commentaires")}
                    </p>
                  </div>
                </div>
              </div>
            </div>
          </li>
        ))}
      </ul>
      <KeysetPagination first={listHref(f)} prev={d.prev ? listHref(f, { avant: d.prev }) : null} next={d.next ? listHref(f, { apres: d.next }) : null} />
    </Page>
  );
}
