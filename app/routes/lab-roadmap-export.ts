import type { Route } from "./+types/lab-roadmap-export";
import { exportResponse } from "~/kernel/export";
import { roadmapExport } from "~/roadmaps";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";
import { exportFile } from "~/web/exports";

/** The whole roadmap (feuille-de-route.csv, feuille-de-route.xlsx), for its lab team. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const table = await roadmapExport(viewer, params.labSlug, params.roadmapId).catch(loaderFailure);
  const { format } = exportFile(params.file, ["feuille-de-route"]);
  return exportResponse(format, table);
}
