import type { Route } from "./+types/committee-minutes-pdf";
import { minutesPdfFor } from "~/committees";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

/** The minutes as a PDF: validated for members; the draft, marked as such, for the lab team and the chair. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const { pdf, filename } = await minutesPdfFor(s, params.labSlug, params.committeeId, params.meetingId).catch(loaderFailure);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
