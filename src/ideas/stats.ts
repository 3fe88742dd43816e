/**
 * Participation figures for the steering dashboards, on this module's tables only: ideas sent in a
 * period (drafts never count), their authors and organisations, supports and comments given in the
 * period. Counted live, by index, never precomputed.
 */
import { sql } from "kysely";
import { db } from "../kernel/runtime";
import type { IdeasTables, IdeaStatus } from "./ideas";

const q = () => db().withTables<IdeasTables>();

export interface IdeaStatsQuery {
  campaignIds: string[];
  from: Date;
  to: Date;
  organizationId?: string | null;
}

export interface IdeaStats {
  ideas: number;
  authors: number;
  organizations: number;
  /** ideas that have had an answer: a status past « déposée » */
  answered: number;
  supports: number;
  comments: number;
  byMonth: { month: string; ideas: number }[];
  byOrganization: { organizationId: string | null; ideas: number; authors: number }[];
  byStatus: { status: IdeaStatus; ideas: number }[];
}

export async function ideaStats(query: IdeaStatsQuery): Promise<IdeaStats> {
  if (!query.campaignIds.length) return { ideas: 0, authors: 0, organizations: 0, answered: 0, supports: 0, comments: 0, byMonth: [], byOrganization: [], byStatus: [] };
  const sent = () => {
    let b = q()
      .selectFrom("ideas")
      .where("campaign_id", "in", query.campaignIds)
      .where("status", "<>", "draft")
      .where("submitted_at", ">=", query.from)
      .where("submitted_at", "<", query.to);
    if (query.organizationId) b = b.where("organization_id", "=", query.organizationId);
    return b;
  };
  const [totals, byMonth, byOrganization, byStatus, supports, comments] = await Promise.all([
    sent()
      .select((eb) => [eb.fn.countAll<string>().as("ideas"), sql<string>`count(DISTINCT author_id)`.as("authors"), sql<string>`count(DISTINCT organization_id)`.as("organizations"), sql<string>`count(*) FILTER (WHERE status <> 'submitted')`.as("answered")])
      .executeTakeFirstOrThrow(),
    sent()
      .select([sql<string>`to_char(submitted_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM')`.as("month"), (eb) => eb.fn.countAll<string>().as("ideas")])
      .groupBy(sql`1`)
      .orderBy(sql`1`)
      .execute(),
    sent()
      .select(["organization_id", (eb) => eb.fn.countAll<string>().as("ideas"), sql<string>`count(DISTINCT author_id)`.as("authors")])
      .groupBy("organization_id")
      .orderBy(sql`2`, "desc")
      .orderBy("organization_id")
      .execute(),
    sent().select(["status", (eb) => eb.fn.countAll<string>().as("ideas")]).groupBy("status").execute(),
    (() => {
      let b = q()
        .selectFrom("idea_supports")
        .innerJoin("ideas", "ideas.id", "idea_supports.idea_id")
        .where("ideas.campaign_id", "in", query.campaignIds)
        .where("idea_supports.created_at", ">=", query.from)
        .where("idea_supports.created_at", "<", query.to);
      if (query.organizationId) b = b.where("ideas.organization_id", "=", query.organizationId);
      return b.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    })(),
    (() => {
      let b = q()
        .selectFrom("idea_comments")
        .innerJoin("ideas", "ideas.id", "idea_comments.idea_id")
        .where("ideas.campaign_id", "in", query.campaignIds)
        .where("idea_comments.created_at", ">=", query.from)
        .where("idea_comments.created_at", "<", query.to);
      if (query.organizationId) b = b.where("ideas.organization_id", "=", query.organizationId);
      return b.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    })(),
  ]);
  return {
    ideas: Number(totals.ideas),
    authors: Number(totals.authors),
    organizations: Number(totals.organizations),
    answered: Number(totals.answered),
    supports: Number(supports.n),
    comments: Number(comments.n),
    byMonth: byMonth.map((r) => ({ month: r.month, ideas: Number(r.ideas) })),
    byOrganization: byOrganization.map((r) => ({ organizationId: r.organization_id, ideas: Number(r.ideas), authors: Number(r.authors) })),
    byStatus: byStatus.map((r) => ({ status: r.status, ideas: Number(r.ideas) })),
  };
}
