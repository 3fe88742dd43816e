import type { Route } from "./+types/arbitration-export";
import { exportResponse } from "~/kernel/export";
import { directorDecisionsExport } from "~/arbitration/exports";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";
import { exportFile } from "~/web/exports";

/** The proposals addressed to the director's directorate and their decisions (decisions.csv, decisions.xlsx). */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const { format } = exportFile(params.file, ["decisions"]);
  return exportResponse(format, await directorDecisionsExport(viewer).catch(loaderFailure));
}
