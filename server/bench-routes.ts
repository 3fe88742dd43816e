/**
 * Bare routes for `npm run bench:web`, mounted only when BENCH_ROUTES=true.
 *
 * Each one resolves the session and runs the same module calls as the matching page
 * (root middleware and loader, then the route loader) and answers a small JSON, so that
 * page minus bare route is the cost of React rendering and serialisation.
 */
import express from "express";
import { SESSION_COOKIE, parseCookies, readSession } from "../src/kernel/auth/sessions";
import { getUser } from "../src/accounts/accounts";
import { loadPrincipal } from "../src/labs/labs";
import { unreadCount } from "../src/notifications/notifications";
import { campaignsJudgedBy } from "../src/jury/jury";
import { browseIdeas, loadIdeaPage } from "../src/ideas/service";
import type { Viewer } from "../src/kernel/permissions";
import { ideaListSchema } from "../src/ideas/schemas";
import { listAllCampaignOptions } from "../src/campaigns/campaigns";
import { listOrganizations } from "../src/organizations/organizations";
import { labQueue } from "../src/requests";
import { labPortfolio } from "../src/projects";
import { portfolioQuerySchema } from "../src/projects/schemas";
import { Refusal } from "../src/kernel/permissions";
import { dashboardPage } from "../src/dashboards";
import { trackerPage } from "../src/roadmaps";
import { datasetByResource, publicScope } from "../src/opendata";
import { getLabBySlug } from "../src/labs/labs";

/** What the session middleware and the root loader do for a signed-in request. */
async function signedIn(token: string | undefined): Promise<Viewer | null> {
  const session = await readSession(token);
  if (!session) return null;
  const user = await getUser(session.userId);
  if (!user) return null;
  const principal = await loadPrincipal(user.id);
  await Promise.all([unreadCount(user.id), campaignsJudgedBy(user.id)]);
  return { userId: user.id, principal };
}

/**
 * The work of a page without its rendering: the ideas list (with its query string) or an idea
 * page (with its id), for the session `token`.
 */
async function barePage(token: string | undefined, kind: "list" | "idea", arg: Record<string, unknown> | string): Promise<{ status: number; body: unknown }> {
  const viewer = await signedIn(token);
  if (!viewer) return { status: 401, body: { error: "unauthenticated" } };
  if (kind === "list") {
    const f = ideaListSchema.parse(arg);
    const [result, campaigns, orgs] = await Promise.all([
      browseIdeas(viewer, { q: f.q, campaignId: f.campagne, status: f.statut, organizationId: f.organisation, sort: f.tri, after: f.apres, before: f.avant, pageSize: 20 }),
      listAllCampaignOptions(),
      listOrganizations(),
    ]);
    return { status: 200, body: { total: result.total, items: result.items.length, campaigns: campaigns.length, organizations: orgs.length } };
  }
  const page = await loadIdeaPage(String(arg), viewer);
  if (!page) return { status: 404, body: { error: "not found" } };
  if (page.forbidden) return { status: 403, body: { error: "forbidden" } };
  return { status: 200, body: { id: page.idea.id, comments: page.comments.length, events: page.events.length } };
}

/**
 * A lab team's page without its rendering: the desk queue (`labQueue`), the project portfolio
 * (`labPortfolio`) or the steering dashboards (`dashboardPage`) of `labSlug`, with the default
 * filters (the dashboards' period may end on another day: `au`), as their loaders call them.
 */
async function bareLabPage(token: string | undefined, kind: "queue" | "portfolio" | "dashboard", labSlug: string, lastDay?: string): Promise<{ status: number; body: unknown }> {
  const viewer = await signedIn(token);
  if (!viewer) return { status: 401, body: { error: "unauthenticated" } };
  try {
    if (kind === "queue") {
      const q = await labQueue(viewer, labSlug, { sponsorUnconfirmed: false });
      return { status: 200, body: { lab: q.lab.slug, overdue: q.overdue, requests: q.requests.length, next: !!q.next } };
    }
    if (kind === "dashboard") {
      const d = await dashboardPage(viewer, labSlug, { du: undefined, au: lastDay && /^\d{4}-\d{2}-\d{2}$/.test(lastDay) ? lastDay : undefined });
      return { status: 200, body: { lab: d.lab.slug, figures: d.figures.length } };
    }
    const p = await labPortfolio(viewer, labSlug, portfolioQuerySchema.parse({}));
    return { status: 200, body: { lab: p.lab.slug, projects: p.rows.length, next: !!p.paging.next } };
  } catch (e) {
    if (e instanceof Refusal) return { status: e.status, body: { error: e.message } };
    throw e;
  }
}

/** The public tracker's loader without its rendering (no session: it is public). */
async function bareTracker(labSlug: string): Promise<{ status: number; body: unknown }> {
  try {
    const t = await trackerPage(labSlug);
    return { status: 200, body: { lab: t.lab.slug, roadmaps: t.roadmaps.length, feed: t.feed.length, calendar: t.calendar.length } };
  } catch (e) {
    if (e instanceof Refusal) return { status: e.status, body: { error: e.message } };
    throw e;
  }
}

/** A public API list's page without its JSON of items, ETag and links: the dataset's query, as `apiList` runs it. */
async function bareApi(resource: string, labSlug: string): Promise<{ status: number; body: unknown }> {
  const dataset = datasetByResource(resource);
  const lab = await getLabBySlug(labSlug);
  if (!dataset || !lab) return { status: 404, body: { error: "not found" } };
  const query = dataset.query.parse({}) as Record<string, unknown> & { limit: number };
  const page = await dataset.page({ ...query, labId: lab.id } as never, publicScope, null, query.limit);
  return { status: 200, body: { resource, rows: page.rows.length, next: page.next !== null } };
}

/** `wrap` lets the server count the handlers still running (graceful shutdown). */
export function benchRoutes(wrap: (h: express.RequestHandler) => express.RequestHandler = (h) => h): express.Router {
  const r = express.Router();
  const token = (req: express.Request) => parseCookies(req.headers.cookie ?? null)[SESSION_COOKIE];
  const list: express.RequestHandler = async (req, res) => {
    const { status, body } = await barePage(token(req), "list", req.query as Record<string, unknown>);
    res.status(status).json(body);
  };
  r.get("/_bench/ideas", wrap(list));
  r.get("/_bench/search", wrap(list));
  const idea: express.RequestHandler = async (req, res) => {
    const { status, body } = await barePage(token(req), "idea", String(req.params.id));
    res.status(status).json(body);
  };
  r.get("/_bench/idea/:id", wrap(idea));
  const lab = (kind: "queue" | "portfolio" | "dashboard"): express.RequestHandler => async (req, res) => {
    const { status, body } = await bareLabPage(token(req), kind, typeof req.query.lab === "string" ? req.query.lab : "region-grand-est", typeof req.query.au === "string" ? req.query.au : undefined);
    res.status(status).json(body);
  };
  r.get("/_bench/queue", wrap(lab("queue")));
  r.get("/_bench/portfolio", wrap(lab("portfolio")));
  r.get("/_bench/dashboard", wrap(lab("dashboard")));
  const labOf = (req: express.Request) => (typeof req.query.lab === "string" ? req.query.lab : "labest");
  r.get(
    "/_bench/tracker",
    wrap(async (req, res) => {
      const { status, body } = await bareTracker(labOf(req));
      res.status(status).json(body);
    }),
  );
  r.get(
    "/_bench/api/:resource",
    wrap(async (req, res) => {
      const { status, body } = await bareApi(String(req.params.resource), labOf(req));
      res.status(status).json(body);
    }),
  );
  return r;
}
