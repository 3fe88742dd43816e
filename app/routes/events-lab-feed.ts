import type { Route } from "./+types/events-lab-feed";
import { isUuid } from "~/kernel/ids";
import { notFound } from "~/kernel/permissions";
import { publicFeed } from "~/events";
import { loaderFailure } from "~/web/errors";

/** A lab's public feed (of the installation or of the network), by its id. */
export async function loader({ request, params }: Route.LoaderArgs) {
  if (!isUuid(params.labId)) notFound("Ce lab n’existe pas.");
  const ics = await publicFeed(params.labId, new URL(request.url).origin).catch(loaderFailure);
  return new Response(ics, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'inline; filename="calendrier.ics"', "Cache-Control": "no-store" } });
}
