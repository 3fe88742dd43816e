/**
 * Arbitration figures for the steering dashboards: proposals submitted to the directorates in a
 * period, their first decisions (a correction does not count twice), the adoption rate and the
 * days from submission to that first decision. On this module's tables only.
 */
import { sql } from "kysely";
import { db } from "../kernel/runtime";
import type { ArbitrationTables, DecisionOutcome } from "./arbitration";

const q = () => db().withTables<ArbitrationTables>();

export interface DecisionStats {
  submitted: number;
  decided: number;
  adopted: number;
  awaiting: number;
  byOutcome: { outcome: DecisionOutcome; proposals: number }[];
  /** median and 90th percentile of days from submission to the first decision, null when none */
  daysToDecision: { median: number | null; p90: number | null };
}

export async function decisionStats(query: { minilabIds: string[]; from: Date; to: Date }): Promise<DecisionStats> {
  const empty: DecisionStats = { submitted: 0, decided: 0, adopted: 0, awaiting: 0, byOutcome: [], daysToDecision: { median: null, p90: null } };
  if (!query.minilabIds.length) return empty;
  // each proposal submitted in the period, with its first decision (the one that corrects none)
  const rows = await q()
    .selectFrom("proposals as p")
    .leftJoin("decisions as d", (j) => j.onRef("d.proposal_id", "=", "p.id").on("d.corrects_id", "is", null))
    .where("p.minilab_id", "in", query.minilabIds)
    .where("p.status", "=", "submitted")
    .where("p.submitted_at", ">=", query.from)
    .where("p.submitted_at", "<", query.to)
    .select(["d.outcome", sql<string>`count(*)`.as("n")])
    .groupBy("d.outcome")
    .execute();
  // percentiles over all decided proposals, not per outcome
  const days = await q()
    .selectFrom("proposals as p")
    .innerJoin("decisions as d", (j) => j.onRef("d.proposal_id", "=", "p.id").on("d.corrects_id", "is", null))
    .where("p.minilab_id", "in", query.minilabIds)
    .where("p.status", "=", "submitted")
    .where("p.submitted_at", ">=", query.from)
    .where("p.submitted_at", "<", query.to)
    .select([sql<string | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.decided_at - p.submitted_at) / 86400)`.as("median"), sql<string | null>`percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM d.decided_at - p.submitted_at) / 86400)`.as("p90")])
    .executeTakeFirst();
  const byOutcome = rows.filter((r) => r.outcome).map((r) => ({ outcome: r.outcome!, proposals: Number(r.n) }));
  const decided = byOutcome.reduce((a, r) => a + r.proposals, 0);
  const awaiting = Number(rows.find((r) => !r.outcome)?.n ?? 0);
  const round = (v: string | null | undefined) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
  return {
    submitted: decided + awaiting,
    decided,
    adopted: byOutcome.filter((r) => r.outcome === "adopted" || r.outcome === "adopted_modified").reduce((a, r) => a + r.proposals, 0),
    awaiting,
    byOutcome,
    daysToDecision: { median: round(days?.median), p90: round(days?.p90) },
  };
}
