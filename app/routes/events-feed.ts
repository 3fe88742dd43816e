import type { Route } from "./+types/events-feed";
import { publicFeed } from "~/events";
import { loaderFailure } from "~/web/errors";

/** The network's public feed (events open to all and for the usagers): a calendar application subscribes to it. */
export async function loader({ request }: Route.LoaderArgs) {
  const ics = await publicFeed(null, new URL(request.url).origin).catch(loaderFailure);
  return new Response(ics, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'inline; filename="calendrier.ics"', "Cache-Control": "no-store" } });
}
