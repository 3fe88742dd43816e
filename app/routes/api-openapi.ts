import { corsHeaders, openApiDocument } from "~/opendata";

/** The API's OpenAPI 3.1 description, generated from its zod schemas. */
export function loader() {
  return Response.json(openApiDocument(), { headers: { ...corsHeaders, "Cache-Control": "public, max-age=300" } });
}
