import { fileDownload } from "~/kernel/db/files";
import type { Route } from "./+types/resource-file";
import { getSession } from "~/kernel/http/context";
import { resourceFile } from "~/resources";
import { loaderFailure } from "~/web/errors";

/** A template attached to a sheet, for whoever may read the sheet; always a download. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const s = getSession(context);
  const viewer = s.user && s.principal ? { principal: s.principal } : null;
  return fileDownload(await resourceFile(viewer, params.resourceId, params.fileId).catch(loaderFailure));
}
