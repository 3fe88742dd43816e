/**
 * What the arbitration module publishes as open data: the decisions on the proposals of the
 * Mini-Labs a reader may see (the caller names them: the minilabs module decides which are
 * public), with the proposal's title, directorate and cost; never who decided, who follows up or
 * who wrote. A correction is a decision of its own (`corrects_id`). Only this module's tables.
 */
import { db } from "../kernel/runtime";
import { isUuid } from "../kernel/ids";
import type { ArbitrationTables, DecisionOutcome } from "./arbitration";

const q = () => db().withTables<ArbitrationTables>();
const NONE = "00000000-0000-0000-0000-000000000000";

export interface PublicDecision {
  id: string;
  proposal_id: string;
  minilab_id: string;
  proposal_title: string;
  directorate: string;
  cost_eur: number | null;
  outcome: DecisionOutcome;
  reason: string;
  follow_up_due: Date | null;
  corrects_id: string | null;
  decided_at: Date;
}

export interface PublicDecisionFilter {
  outcome?: DecisionOutcome;
}

const ofMinilabs = (minilabIds: string[]) => {
  const ids = minilabIds.filter(isUuid);
  return q()
    .selectFrom("decisions")
    .innerJoin("proposals", "proposals.id", "decisions.proposal_id")
    .where("proposals.minilab_id", "in", ids.length ? ids : [NONE]);
};

export async function publicDecisionsPage(minilabIds: string[], filter: PublicDecisionFilter, after: string | null, limit: number): Promise<{ rows: PublicDecision[]; next: string | null }> {
  let query = ofMinilabs(minilabIds).select([
    "decisions.id",
    "decisions.proposal_id",
    "proposals.minilab_id",
    "proposals.title as proposal_title",
    "proposals.directorate",
    "proposals.cost_eur",
    "decisions.outcome",
    "decisions.reason",
    "decisions.follow_up_due",
    "decisions.corrects_id",
    "decisions.decided_at",
  ]);
  if (filter.outcome) query = query.where("decisions.outcome", "=", filter.outcome);
  if (after) query = query.where("decisions.id", ">", after);
  const rows = await query.orderBy("decisions.id").limit(limit).execute();
  return { rows, next: rows.length === limit ? rows[rows.length - 1].id : null };
}

export async function publicDecisionsStats(minilabIds: string[]): Promise<{ count: number; updatedAt: Date | null }> {
  const r = await ofMinilabs(minilabIds)
    .select((eb) => [eb.fn.countAll<string>().as("n"), eb.fn.max("decisions.decided_at").as("at")])
    .executeTakeFirstOrThrow();
  return { count: Number(r.n), updatedAt: r.at ? new Date(r.at) : null };
}
