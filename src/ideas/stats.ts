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
  /** Ideas of these organisations only (an organisation, or those of a site); none given: all. */
  organizationIds?: string[] | null;
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
    if (query.organizationIds) b = query.organizationIds.length ? b.where("organization_id", "in", query.organizationIds) : b.where(sql<boolean>`false`);
    return b;
  };
  // one pass over the period's ideas (an index-only scan): totals, by month, by organisation, by status
  const grouped = await sent()
    .select([
      sql<string | null>`to_char(submitted_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM')`.as("month"),
      "organization_id",
      "status",
      sql<number>`grouping(to_char(submitted_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM'), organization_id, status)`.as("g"),
      (eb) => eb.fn.countAll<string>().as("ideas"),
      sql<string>`count(DISTINCT author_id)`.as("authors"),
      sql<string>`count(DISTINCT organization_id)`.as("organizations"),
      sql<string>`count(*) FILTER (WHERE status <> 'submitted')`.as("answered"),
    ])
    .groupBy(sql`GROUPING SETS ((), (to_char(submitted_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM')), (organization_id), (status))`)
    .execute();
  // grouping() sets a bit per column left out: 7 = none kept (the totals), 3 = month, 5 = organisation, 6 = status
  const totals = grouped.find((r) => Number(r.g) === 7) ?? { ideas: "0", authors: "0", organizations: "0", answered: "0" };
  const byMonth = grouped.filter((r) => Number(r.g) === 3).sort((a, z) => (a.month ?? "").localeCompare(z.month ?? ""));
  const byOrganization = grouped.filter((r) => Number(r.g) === 5).sort((a, z) => Number(z.ideas) - Number(a.ideas) || (a.organization_id ?? "").localeCompare(z.organization_id ?? ""));
  const byStatus = grouped.filter((r) => Number(r.g) === 6);
  // supports and comments given in the period, on the lab's ideas (a draft has neither). Each
  // carries its idea's campaign: counted from the (campaign_id, created_at) index alone, joined to
  // the ideas only to filter by organisation.
  const givenInPeriod = (table: "idea_supports" | "idea_comments") => {
    let b = q()
      .selectFrom(`${table} as g` as "idea_supports as g")
      .where("g.campaign_id", "in", query.campaignIds)
      .where("g.created_at", ">=", query.from)
      .where("g.created_at", "<", query.to);
    if (query.organizationIds) {
      const orgs = query.organizationIds;
      b = orgs.length ? b.where((eb) => eb.exists(eb.selectFrom("ideas").select(sql`1`.as("x")).whereRef("ideas.id", "=", "g.idea_id").where("ideas.organization_id", "in", orgs))) : b.where(sql<boolean>`false`);
    }
    return b.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  };
  const [supports, comments] = await Promise.all([givenInPeriod("idea_supports"), givenInPeriod("idea_comments")]);
  return {
    ideas: Number(totals.ideas),
    authors: Number(totals.authors),
    organizations: Number(totals.organizations),
    answered: Number(totals.answered),
    supports: Number(supports.n),
    comments: Number(comments.n),
    byMonth: byMonth.map((r) => ({ month: r.month ?? "", ideas: Number(r.ideas) })),
    byOrganization: byOrganization.map((r) => ({ organizationId: r.organization_id, ideas: Number(r.ideas), authors: Number(r.authors) })),
    byStatus: byStatus.map((r) => ({ status: r.status, ideas: Number(r.ideas) })),
  };
}
