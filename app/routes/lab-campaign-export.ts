import type { Route } from "./+types/lab-campaign-export";
import { exportResponse } from "~/kernel/export";
import { campaignIdeasExport, rankingExport } from "~/jury/exports";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";
import { exportFile } from "~/web/exports";

/** The campaign's ideas (idees.csv, idees.xlsx) and the jury's ranking (classement.csv, classement.xlsx), for its lab team. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const { name, format } = exportFile(params.file, ["idees", "classement"]);
  const table = await (name === "idees" ? campaignIdeasExport : rankingExport)(viewer, params.campaignId).catch(loaderFailure);
  return exportResponse(format, table);
}
