import { data } from "react-router";
import type { Route } from "./+types/ideas-similar";
import { getSession } from "~/kernel/http/context";
import { similarIdeasFor } from "~/ideas/service";
import { similarQuerySchema } from "~/ideas/schemas";
import type { SimilarIdeasResponse } from "~/ideas/ui";

/**
 * GET /idees/proches?titre=…&texte=…&idee=… – the ideas close to a text being written, as JSON,
 * for the live list of the idea form. Signed-in users only (401 otherwise, never a redirect:
 * it is fetched in the background).
 */
export async function loader({ context, request }: Route.LoaderArgs) {
  const s = getSession(context);
  if (!s.user || !s.principal) return data<SimilarIdeasResponse>({ error: "Connectez-vous pour voir les idées proches." }, { status: 401 });
  const q = similarQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const ideas = await similarIdeasFor({ userId: s.user.id, principal: s.principal }, { title: q.titre, problem: q.texte, proposal: "" }, q.idee);
  return data<SimilarIdeasResponse>({ ideas }, { headers: { "Cache-Control": "private, no-store" } });
}
