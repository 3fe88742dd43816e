import { catalogue } from "~/opendata";

/** The DCAT-AP catalogue in JSON-LD, for udata portals (data.gouv.fr, DataGrandEst) to harvest. */
export async function loader() {
  return new Response(JSON.stringify(await catalogue(), null, 1), {
    headers: { "Content-Type": "application/ld+json; charset=utf-8", "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" },
  });
}
