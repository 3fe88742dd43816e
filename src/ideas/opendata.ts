/**
 * What the ideas module publishes as open data: published ideas (submitted, under review,
 * awarded or not; never drafts, hidden or merged ideas), without their authors (no account can
 * choose to show its name publicly), page by page in id order. Only this module's tables.
 */
import { sql } from "kysely";
import { db } from "../kernel/runtime";
import { isUuid } from "../kernel/ids";
import type { IdeasTables, IdeaStatus } from "./ideas";

const q = () => db().withTables<IdeasTables>();

export const publishedIdeaStatuses = ["submitted", "under_review", "awarded", "not_awarded"] as const satisfies readonly IdeaStatus[];
export type PublishedIdeaStatus = (typeof publishedIdeaStatuses)[number];

export interface PublicIdea {
  id: string;
  lab_id: string;
  campaign_id: string;
  title: string;
  problem: string;
  proposal: string;
  beneficiaries: string;
  status: PublishedIdeaStatus;
  award_kind: "prize" | "mention" | null;
  support_count: number;
  comment_count: number;
  submitted_at: Date | null;
}

export interface PublicIdeaFilter {
  labId?: string;
  campaignId?: string;
  status?: PublishedIdeaStatus;
  /** Submitted on or after. */
  since?: Date;
}

const published = () =>
  q()
    .selectFrom("ideas")
    .where("status", "in", [...publishedIdeaStatuses])
    .where("hidden_at", "is", null);

/** One page of published ideas after `after` (an id), in id order: the next page starts after the last. */
export async function publicIdeasPage(filter: PublicIdeaFilter, after: string | null, limit: number): Promise<{ rows: PublicIdea[]; next: string | null }> {
  let query = published().select(["id", "lab_id", "campaign_id", "title", "problem", "proposal", "beneficiaries", "status", "award_kind", "support_count", "comment_count", "submitted_at"]);
  if (filter.labId) query = isUuid(filter.labId) ? query.where("lab_id", "=", filter.labId) : query.where(sql<boolean>`false`);
  if (filter.campaignId) query = isUuid(filter.campaignId) ? query.where("campaign_id", "=", filter.campaignId) : query.where(sql<boolean>`false`);
  if (filter.status) query = query.where("status", "=", filter.status);
  if (filter.since) query = query.where("submitted_at", ">=", filter.since);
  if (after) query = query.where("id", ">", after);
  const rows = (await query.orderBy("id").limit(limit).execute()) as PublicIdea[];
  return { rows, next: rows.length === limit ? rows[rows.length - 1].id : null };
}

/** How many ideas are published and when the last one changed. */
export async function publicIdeasStats(): Promise<{ count: number; updatedAt: Date | null }> {
  const r = await published()
    .select((eb) => [eb.fn.countAll<string>().as("n"), eb.fn.max("updated_at").as("at")])
    .executeTakeFirstOrThrow();
  return { count: Number(r.n), updatedAt: r.at ? new Date(r.at) : null };
}
