import type { Route } from "./+types/minilab-export";
import { exportResponse } from "~/kernel/export";
import { membersExport } from "~/minilabs/exports";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";
import { exportFile } from "~/web/exports";

/** The Mini-Lab's members and their attendance (membres.csv, membres.xlsx), for its lab team and facilitators. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const { format } = exportFile(params.file, ["membres"]);
  return exportResponse(format, await membersExport(viewer, params.minilabId).catch(loaderFailure));
}
