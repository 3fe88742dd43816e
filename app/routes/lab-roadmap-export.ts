import type { Route } from "./+types/lab-roadmap-export";
import { exportResponse } from "~/kernel/export";
import { importTemplate, roadmapExport } from "~/roadmaps";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";
import { exportFile } from "~/web/exports";

/** The whole roadmap (feuille-de-route.csv, .xlsx), or the import's template (modele-import.csv, .xlsx), for its lab team. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const which = params.file?.startsWith("modele-import.") ? importTemplate : roadmapExport;
  const table = await which(viewer, params.labSlug, params.roadmapId).catch(loaderFailure);
  const { format } = exportFile(params.file, ["feuille-de-route", "modele-import"]);
  return exportResponse(format, table);
}
