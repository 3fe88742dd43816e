import { sql } from "kysely";
import { db } from "../kernel/runtime";
import { isUuid } from "../kernel/ids";
import type { Idea, IdeasTables } from "./ideas";

const q = () => db().withTables<IdeasTables>();

export interface CampaignIdeaCursor {
  at: Date;
  id: string;
}

/**
 * One page of a campaign's ideas (no drafts, no merged ones), in the order they were submitted,
 * for exports that stream a whole campaign. Keyset paging on (submission date, id): the id makes
 * the order total, so an idea submitted while the export runs neither repeats nor skips another.
 */
export async function campaignIdeasPage(campaignId: string, after: CampaignIdeaCursor | null, limit: number): Promise<{ ideas: Idea[]; next: CampaignIdeaCursor | null }> {
  if (!isUuid(campaignId)) return { ideas: [], next: null };
  // milliseconds, as a JavaScript date carries them back in the cursor
  const key = sql<Date>`date_trunc('milliseconds', coalesce(submitted_at, created_at))`;
  let query = q().selectFrom("ideas").selectAll().where("campaign_id", "=", campaignId).where("status", "not in", ["draft", "merged"]);
  if (after) query = query.where(sql<boolean>`(${key}, id) > (${after.at}, ${after.id}::uuid)`);
  const rows = await query.select(key.as("page_key")).orderBy(key).orderBy("id").limit(limit).execute();
  const last = rows[rows.length - 1];
  const ideas: Idea[] = rows.map(({ page_key: _, ...idea }) => idea);
  return { ideas, next: rows.length === limit && last ? { at: new Date(last.page_key), id: last.id } : null };
}
