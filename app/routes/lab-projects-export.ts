import type { Route } from "./+types/lab-projects-export";
import { exportResponse } from "~/kernel/export";
import { labProjectsExport } from "~/projects";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";
import { exportFile } from "~/web/exports";

/** Every project of the lab (projets.csv, projets.xlsx), streamed, for its lab team. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const table = await labProjectsExport(viewer, params.labSlug).catch(loaderFailure);
  const { format } = exportFile(params.file, ["projets"]);
  return exportResponse(format, table);
}
