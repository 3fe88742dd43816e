import type { Route } from "./+types/my-data-export";
import { personalDataJson, personalDataOf } from "~/privacy";
import { isoDay } from "~/kernel/format";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

/** The viewer's personal data as one JSON file (RGPD articles 15 and 20). */
export async function loader({ context, request }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const data = await personalDataOf(viewer, viewer.userId).catch(loaderFailure);
  return new Response(personalDataJson(data), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="mes-donnees-${isoDay(data.exportedAt)}.json"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
