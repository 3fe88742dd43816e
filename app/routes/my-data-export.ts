import type { Route } from "./+types/my-data-export";
import { personalDataStream } from "~/privacy";
import { isoDay } from "~/kernel/format";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

/** The viewer's personal data as one JSON file (RGPD articles 15 and 20), streamed module by module. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const now = new Date();
  let body: ReadableStream<Uint8Array>;
  try {
    body = personalDataStream(viewer, viewer.userId, now);
  } catch (err) {
    return loaderFailure(err);
  }
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="mes-donnees-${isoDay(now)}.json"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
