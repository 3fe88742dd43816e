import type { Route } from "./+types/tracker-stream";
import { trackerStream } from "~/roadmaps";
import { loaderFailure } from "~/web/errors";

/** The public tracker's live changes (server-sent events): no sign-in, no content, only « something changed ». */
export async function loader({ request, params }: Route.LoaderArgs) {
  return trackerStream(params.labSlug, request.signal).catch(loaderFailure);
}
