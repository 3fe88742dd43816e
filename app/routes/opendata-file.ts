import type { Route } from "./+types/opendata-file";
import { datasetFile } from "~/opendata";
import { loaderFailure } from "~/web/errors";

/** A dataset as CSV or JSON (`idees.csv`, `projets.json`…), streamed from the database; public, no sign-in. */
export function loader({ params }: Route.LoaderArgs) {
  try {
    return datasetFile(params.file);
  } catch (err) {
    loaderFailure(err);
  }
}
