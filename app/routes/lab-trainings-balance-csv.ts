import type { Route } from "./+types/lab-trainings-balance-csv";
import { csvResponse } from "~/kernel/csv";
import { reciprocalBalanceExport } from "~/trainings";
import { balanceQuerySchema } from "~/trainings/schemas";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

/** The reciprocal offer's balance of a year as CSV, for the lab team. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const q = balanceQuerySchema.safeParse({ year: new URL(request.url).searchParams.get("annee") ?? undefined });
  const table = await reciprocalBalanceExport(viewer, params.labSlug, q.success ? q.data.year : null).catch(loaderFailure);
  return csvResponse(table.filename, table.header, table.rows);
}
