import { fileDownload } from "~/kernel/db/files";
import type { Route } from "./+types/lab-roadmap-evidence";
import { milestoneEvidenceFile } from "~/roadmaps";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

/** The file proving a milestone, for the roadmap's lab team; always a download, never rendered inline. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return fileDownload(await milestoneEvidenceFile(viewer, params.labSlug, params.roadmapId, params.milestoneId).catch(loaderFailure));
}
