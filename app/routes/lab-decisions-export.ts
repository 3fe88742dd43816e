import type { Route } from "./+types/lab-decisions-export";
import { exportResponse } from "~/kernel/export";
import { labDecisionsExport } from "~/arbitration/exports";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";
import { exportFile } from "~/web/exports";

/** Every decision on the proposals of the lab's Mini-Labs (decisions.csv, decisions.xlsx), for its lab team. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const { format } = exportFile(params.file, ["decisions"]);
  return exportResponse(format, await labDecisionsExport(viewer, params.labSlug).catch(loaderFailure));
}
