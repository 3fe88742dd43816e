import { fileDownload } from "~/kernel/db/files";
import type { Route } from "./+types/request-attachment";
import { requestAttachment } from "~/requests";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

/** An attachment of a request, to whoever may read the request; never rendered inline. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return fileDownload(await requestAttachment(viewer, params.requestId, params.attachmentId).catch(loaderFailure));
}
