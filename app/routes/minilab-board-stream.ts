import type { Route } from "./+types/minilab-board-stream";
import { boardStream } from "~/minilabs/session-service";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

/** The board's live changes (server-sent events). */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  return boardStream(s, params.minilabId, params.sessionId, request.signal).catch(loaderFailure);
}
