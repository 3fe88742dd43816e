import { fileDownload } from "~/kernel/db/files";
import type { Route } from "./+types/project-file";
import { projectFile } from "~/projects";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

/** A project's file, for whoever sees all of the project; always a download, never rendered inline. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return fileDownload(await projectFile(viewer, params.projectId, params.fileId).catch(loaderFailure));
}
