import type { Route } from "./+types/opendata-schema";
import { datasetSchema } from "~/opendata";
import { loaderFailure } from "~/web/errors";

/** A dataset's Table Schema (`schema.json`, as schema.data.gouv.fr publishes them). */
export function loader({ params }: Route.LoaderArgs) {
  try {
    return Response.json(datasetSchema(params.slug), { headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=3600" } });
  } catch (err) {
    loaderFailure(err);
  }
}
