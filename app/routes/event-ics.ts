import type { Route } from "./+types/event-ics";
import { getSession } from "~/kernel/http/context";
import { eventIcs } from "~/events";
import { loaderFailure } from "~/web/errors";

/** One event as an .ics file, for whoever may see its page. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const session = getSession(context);
  const { ics, filename } = await eventIcs(session.principal ?? null, params.eventId, new URL(request.url).origin).catch(loaderFailure);
  return new Response(ics, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" } });
}
