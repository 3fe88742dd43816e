import type { Route } from "./+types/tracker-atom";
import { atomFeed, trackerFeed } from "~/roadmaps";
import { loaderFailure } from "~/web/errors";

/** The public tracker's changes as an Atom feed. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const feed = await trackerFeed(params.labSlug).catch(loaderFailure);
  const origin = new URL(request.url).origin;
  const page = `${origin}/traceur/${feed.lab.slug}`;
  const xml = atomFeed({
    id: page,
    title: `Traceur de l’innovation – ${feed.lab.name}`,
    link: page,
    self: `${page}/flux.atom`,
    updated: feed.entries[0]?.at ?? new Date(0).toISOString(),
    entries: feed.entries.map((e) => ({ id: e.id, title: `${e.on} : ${e.title}`, at: e.at, link: page })),
  });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "no-store" } });
}
