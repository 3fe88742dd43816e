import type { Route } from "./+types/lab-survey-export";
import { exportResponse } from "~/kernel/export";
import { surveyExport } from "~/surveys";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";
import { exportFile } from "~/web/exports";

/** Every answer of a questionnaire (reponses.csv, reponses.xlsx), streamed, for its lab's team. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const table = await surveyExport(viewer, params.labSlug, params.surveyId).catch(loaderFailure);
  const { format } = exportFile(params.file, ["reponses"]);
  return exportResponse(format, table);
}
