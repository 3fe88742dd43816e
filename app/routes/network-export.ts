import { data } from "react-router";
import type { Route } from "./+types/network-export";
import { parseQuery } from "~/kernel/forms";
import { exportResponse } from "~/kernel/export";
import { networkFigureIds, networkQuerySchema, networkTable } from "~/dashboards";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";
import { exportFile } from "~/web/exports";

/** One table of the network view (`idees.csv`, `projets.xlsx`…), with the page's period and rights. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const { name, format } = exportFile(params.file, networkFigureIds);
  const parsed = parseQuery(request.url, networkQuerySchema);
  if (!parsed.ok) throw data({ message: Object.values(parsed.errors).join(" ") }, { status: 400 });
  return exportResponse(format, await networkTable(viewer, parsed.data, name).catch(loaderFailure));
}
