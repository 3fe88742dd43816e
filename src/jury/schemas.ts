import { z } from "zod";

/** The ranking's filters, from the address (a GET form): anything malformed is ignored, never an error. */
export const rankingQuerySchema = z.object({
  q: z
    .string()
    .transform((s) => s.replace(/[\u0000-\u001f\u007f]/g, " ").trim().slice(0, 200))
    .optional()
    .catch(undefined),
  statut: z.enum(["submitted", "under_review", "awarded", "not_awarded"]).optional().catch(undefined),
  organisation: z.uuid().optional().catch(undefined),
  primee: z.enum(["oui", "non"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type RankingQueryInput = z.infer<typeof rankingQuerySchema>;

/** `?q=…&statut=…` from a URL's search parameters: a repeated parameter counts once (its first value). */
export function parseRankingQuery(params: URLSearchParams): RankingQueryInput {
  const first: Record<string, string> = {};
  for (const [k, v] of params) if (!(k in first)) first[k] = v;
  return rankingQuerySchema.parse(first);
}
