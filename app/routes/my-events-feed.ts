import type { Route } from "./+types/my-events-feed";
import { privateFeed } from "~/events/registration.server";
import { loaderFailure } from "~/web/errors";

/** An agent's private feed « mes inscriptions », by its secret address (no sign-in: a calendar application asks). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const ics = await privateFeed(params.token, new URL(request.url).origin).catch(loaderFailure);
  return new Response(ics, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'inline; filename="mes-inscriptions.ics"', "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" } });
}
