import type { Route } from "./+types/committee-invitation";
import { meetingInvitation } from "~/committees";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

/** The meeting's invitation (iCalendar), for whoever sees the meeting. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const ics = await meetingInvitation(s, params.labSlug, params.committeeId, params.meetingId).catch(loaderFailure);
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="invitation.ics"',
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
