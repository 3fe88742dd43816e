import type { Route } from "./+types/api-list";
import { apiErrorResponse, apiList, readerOf } from "~/opendata";

/** GET /api/v1/<resource>: public JSON, or with a lab's token (Authorization: Bearer …) its non-public rows too. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const reader = await readerOf(request.headers.get("authorization"));
  if (reader === "refused") {
    return apiErrorResponse(401, "jeton_refuse", "Jeton d’accès inconnu, mal formé ou révoqué.", undefined, { "WWW-Authenticate": 'Bearer realm="api"' });
  }
  return apiList(params.resource, request, reader);
}
