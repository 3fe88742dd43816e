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

/** What the session middleware and the root loader do for a signed-in request. */
async function signedIn(req: express.Request): Promise<Viewer | null> {
  const session = await readSession(parseCookies(req.headers.cookie ?? null)[SESSION_COOKIE]);
  if (!session) return null;
  const user = await getUser(session.userId);
  if (!user) return null;
  const principal = await loadPrincipal(user.id);
  await Promise.all([unreadCount(user.id), campaignsJudgedBy(user.id)]);
  return { userId: user.id, principal };
}

/** `wrap` lets the server count the handlers still running (graceful shutdown). */
export function benchRoutes(wrap: (h: express.RequestHandler) => express.RequestHandler = (h) => h): express.Router {
  const r = express.Router();
  const list = async (req: express.Request, res: express.Response) => {
    const viewer = await signedIn(req);
    if (!viewer) return void res.status(401).json({ error: "unauthenticated" });
    const f = ideaListSchema.parse(req.query);
    const [result, campaigns, orgs] = await Promise.all([
      browseIdeas(viewer, { q: f.q, campaignId: f.campagne, status: f.statut, organizationId: f.organisation, sort: f.tri, after: f.apres, before: f.avant, pageSize: 20 }),
      listAllCampaignOptions(),
      listOrganizations(),
    ]);
    res.json({ total: result.total, items: result.items.length, campaigns: campaigns.length, organizations: orgs.length });
  };
  r.get("/_bench/ideas", wrap(list));
  r.get("/_bench/search", wrap(list));
  const idea: express.RequestHandler = async (req, res) => {
    const viewer = await signedIn(req);
    if (!viewer) return void res.status(401).json({ error: "unauthenticated" });
    const page = await loadIdeaPage(String(req.params.id), viewer);
    if (!page) return void res.status(404).json({ error: "not found" });
    if (page.forbidden) return void res.status(403).json({ error: "forbidden" });
    res.json({ id: page.idea.id, comments: page.comments.length, events: page.events.length });
  };
  r.get("/_bench/idea/:id", wrap(idea));
  return r;
}
