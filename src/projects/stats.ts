/**
 * Incubation figures for the steering dashboards: the lab's projects by stage today and how long
 * they have been there, the gate decisions of a period by outcome, and budgets requested and
 * granted by funding source. Read live from this module's tables.
 */
import { sql } from "kysely";
import { db } from "../kernel/runtime";
import type { ProjectsTables } from "./db/schema";
import type { GateOutcome, Stage } from "./stages";

const q = () => db().withTables<ProjectsTables>();

export interface ProjectStats {
  projects: number;
  byStage: { stage: Stage; projects: number; medianDaysInStage: number | null }[];
  gates: { outcome: GateOutcome; reviews: number }[];
  pendingGates: number;
  budgets: { fundingSource: string; projects: number; requested: number; granted: number }[];
  born: number;
}

export async function projectStats(query: { labId: string; from: Date; to: Date; organizationIds?: string[] | null }, now = new Date()): Promise<ProjectStats> {
  const ofLab = () => {
    let b = q().selectFrom("projects").where("lab_id", "=", query.labId);
    if (query.organizationIds) {
      const orgs = query.organizationIds;
      b = orgs.length ? b.where((eb) => eb.exists(eb.selectFrom("project_organizations as o").select(sql`1`.as("x")).whereRef("o.project_id", "=", "projects.id").where("o.organization_id", "in", orgs))) : b.where(sql<boolean>`false`);
    }
    return b;
  };
  const [stages, gates, pending, budgets, born] = await Promise.all([
    ofLab()
      .select(["stage", (eb) => eb.fn.countAll<string>().as("n"), sql<string | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${now}::timestamptz - stage_entered_at) / 86400)`.as("median")])
      .groupBy("stage")
      .execute(),
    q()
      .selectFrom("project_gate_reviews as r")
      .where("r.lab_id", "=", query.labId)
      .where("r.status", "=", "decided")
      .where("r.decided_at", ">=", query.from)
      .where("r.decided_at", "<", query.to)
      .where("r.project_id", "in", ofLab().select("id"))
      .select(["r.outcome", (eb) => eb.fn.countAll<string>().as("n")])
      .groupBy("r.outcome")
      .execute(),
    q().selectFrom("project_gate_reviews").where("lab_id", "=", query.labId).where("status", "=", "pending").where("project_id", "in", ofLab().select("id")).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
    ofLab()
      .where((eb) => eb.or([eb("budget_requested_eur", "is not", null), eb("budget_granted_eur", "is not", null)]))
      .select(["funding_source", (eb) => eb.fn.countAll<string>().as("n"), sql<string>`coalesce(sum(budget_requested_eur), 0)`.as("requested"), sql<string>`coalesce(sum(budget_granted_eur), 0)`.as("granted")])
      .groupBy("funding_source")
      .orderBy(sql`4`, "desc")
      .execute(),
    ofLab().where("created_at", ">=", query.from).where("created_at", "<", query.to).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  const order: Stage[] = ["exploration", "prototype", "experimentation", "evaluation", "deployment", "paused", "stopped"];
  return {
    projects: stages.reduce((a, r) => a + Number(r.n), 0),
    byStage: order.flatMap((stage) => {
      const r = stages.find((x) => x.stage === stage);
      return r ? [{ stage, projects: Number(r.n), medianDaysInStage: r.median === null ? null : Math.round(Number(r.median)) }] : [];
    }),
    gates: gates.filter((g) => g.outcome).map((g) => ({ outcome: g.outcome!, reviews: Number(g.n) })),
    pendingGates: Number(pending.n),
    budgets: budgets.map((b) => ({ fundingSource: b.funding_source, projects: Number(b.n), requested: Number(b.requested), granted: Number(b.granted) })),
    born: Number(born.n),
  };
}
