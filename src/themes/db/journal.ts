/** The curation journal: every act on an analysis's themes (a run, a split, a rename, a merge…), the only writer of theme_curation_events. */
import { db } from "../../kernel/runtime";
import type { CurationKind } from "../model";
import type { CurationEvent, ThemesTables } from "./schema";

const q = () => db().withTables<ThemesTables>();
type Trx = ReturnType<typeof q>;

export async function logCuration(analysisId: string, actorId: string | null, kind: CurationKind, detail: Record<string, unknown>, t: Trx = q()): Promise<void> {
  await t
    .insertInto("theme_curation_events")
    .values({ analysis_id: analysisId, actor_id: actorId, kind, detail: JSON.stringify(detail) as unknown as Record<string, unknown> })
    .execute();
}

export async function listCuration(analysisId: string, limit = 50): Promise<CurationEvent[]> {
  return q().selectFrom("theme_curation_events").selectAll().where("analysis_id", "=", analysisId).orderBy("id", "desc").limit(limit).execute();
}
