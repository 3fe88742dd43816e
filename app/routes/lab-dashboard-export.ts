import { data } from "react-router";
import type { Route } from "./+types/lab-dashboard-export";
import { parseQuery } from "~/kernel/forms";
import { exportResponse } from "~/kernel/export";
import { dashboardQuerySchema, dashboardTable, figureIds } from "~/dashboards";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";
import { exportFile } from "~/web/exports";

/** One table of the steering dashboards (`idees.csv`, `guichet.xlsx`…), with the page's filters and rights. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const { name, format } = exportFile(params.file, figureIds);
  const parsed = parseQuery(request.url, dashboardQuerySchema);
  if (!parsed.ok) throw data({ message: Object.values(parsed.errors).join(" ") }, { status: 400 });
  return exportResponse(format, await dashboardTable(viewer, params.labSlug, parsed.data, name).catch(loaderFailure));
}
