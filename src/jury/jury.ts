import { sql, type Generated, type Selectable } from "kysely";
import { db } from "../kernel/runtime";
import { transaction } from "../kernel/db/transaction";
import type { MigrationSet } from "../kernel/db/migrate";
import { isUuid } from "../kernel/ids";

export type JuryTables = {
  jury_assignments: {
    campaign_id: string;
    user_id: string;
    assigned_by: string | null;
    created_at: Generated<Date>;
  };
  evaluations: {
    id: Generated<string>;
    campaign_id: string;
    idea_id: string;
    juror_id: string;
    comment: string;
    submitted_at: Generated<Date>;
  };
  evaluation_scores: {
    evaluation_id: string;
    criterion_id: string;
    score: number;
    comment: string;
  };
}
export type Evaluation = Selectable<JuryTables["evaluations"]>;
export type EvaluationScore = Selectable<JuryTables["evaluation_scores"]>;

const q = () => db().withTables<JuryTables>();

export const juryMigrations: MigrationSet = {
  "2026-11-22-06-jury": {
    async up(d) {
      await sql`CREATE TABLE jury_assignments (
        campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        assigned_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (campaign_id, user_id)
      )`.execute(d);
      await sql`CREATE INDEX jury_assignments_user_idx ON jury_assignments (user_id)`.execute(d);
      await sql`CREATE TABLE evaluations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        idea_id uuid NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
        juror_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        comment text NOT NULL DEFAULT '',
        submitted_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (idea_id, juror_id)
      )`.execute(d);
      await sql`CREATE INDEX evaluations_campaign_idx ON evaluations (campaign_id, juror_id)`.execute(d);
      await sql`CREATE TABLE evaluation_scores (
        evaluation_id uuid NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
        criterion_id uuid NOT NULL REFERENCES campaign_criteria(id) ON DELETE CASCADE,
        score integer NOT NULL CHECK (score >= 0),
        comment text NOT NULL DEFAULT '',
        PRIMARY KEY (evaluation_id, criterion_id)
      )`.execute(d);
    },
  },
};

export async function assignJuror(campaignId: string, userId: string, by: string | null): Promise<boolean> {
  const r = await q()
    .insertInto("jury_assignments")
    .values({ campaign_id: campaignId, user_id: userId, assigned_by: by })
    .onConflict((oc) => oc.columns(["campaign_id", "user_id"]).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function unassignJuror(campaignId: string, userId: string): Promise<void> {
  await q().deleteFrom("jury_assignments").where("campaign_id", "=", campaignId).where("user_id", "=", userId).execute();
}

export async function listJurors(campaignId: string): Promise<string[]> {
  const rows = await q().selectFrom("jury_assignments").select("user_id").where("campaign_id", "=", campaignId).orderBy("created_at").execute();
  return rows.map((r) => r.user_id);
}

export async function isJuror(campaignId: string, userId: string): Promise<boolean> {
  if (!isUuid(campaignId)) return false;
  const r = await q().selectFrom("jury_assignments").select("user_id").where("campaign_id", "=", campaignId).where("user_id", "=", userId).executeTakeFirst();
  return !!r;
}

export async function campaignsJudgedBy(userId: string): Promise<string[]> {
  const rows = await q().selectFrom("jury_assignments").select("campaign_id").where("user_id", "=", userId).execute();
  return rows.map((r) => r.campaign_id);
}

export async function getEvaluation(ideaId: string, jurorId: string): Promise<(Evaluation & { scores: EvaluationScore[] }) | undefined> {
  const ev = await q().selectFrom("evaluations").selectAll().where("idea_id", "=", ideaId).where("juror_id", "=", jurorId).executeTakeFirst();
  if (!ev) return undefined;
  const scores = await q().selectFrom("evaluation_scores").selectAll().where("evaluation_id", "=", ev.id).execute();
  return { ...ev, scores };
}

/** All evaluations of an idea, with scores. Callers decide who may see them. */
export async function evaluationsOf(ideaId: string): Promise<(Evaluation & { scores: EvaluationScore[] })[]> {
  const evs = await q().selectFrom("evaluations").selectAll().where("idea_id", "=", ideaId).orderBy("submitted_at").execute();
  if (!evs.length) return [];
  const scores = await q().selectFrom("evaluation_scores").selectAll().where("evaluation_id", "in", evs.map((e) => e.id)).execute();
  return evs.map((e) => ({ ...e, scores: scores.filter((s) => s.evaluation_id === e.id) }));
}

/** A juror scores an idea once per criterion; submitting again replaces their previous scores. */
export async function submitEvaluation(input: {
  campaignId: string;
  ideaId: string;
  jurorId: string;
  comment: string;
  scores: { criterionId: string; score: number; comment: string }[];
}): Promise<void> {
  await transaction(async () => {
      const trx = db();
    const t = trx.withTables<JuryTables>();
    const ev = await t
      .insertInto("evaluations")
      .values({ campaign_id: input.campaignId, idea_id: input.ideaId, juror_id: input.jurorId, comment: input.comment })
      .onConflict((oc) => oc.columns(["idea_id", "juror_id"]).doUpdateSet({ comment: input.comment, submitted_at: new Date() }))
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.deleteFrom("evaluation_scores").where("evaluation_id", "=", ev.id).execute();
    if (input.scores.length)
      await t
        .insertInto("evaluation_scores")
        .values(input.scores.map((s) => ({ evaluation_id: ev.id, criterion_id: s.criterionId, score: s.score, comment: s.comment })))
        .execute();
  });
}

/** Idea ids the juror has scored in a campaign. */
export async function scoredBy(campaignId: string, jurorId: string): Promise<Set<string>> {
  const rows = await q().selectFrom("evaluations").select("idea_id").where("campaign_id", "=", campaignId).where("juror_id", "=", jurorId).execute();
  return new Set(rows.map((r) => r.idea_id));
}

export interface RankingRow {
  ideaId: string;
  /** weighted mean over jurors, each juror's score being the weighted mean of their criteria */
  mean: number | null;
  /** max - min between jurors' weighted scores */
  spread: number | null;
  count: number;
  /** criterion id -> mean of the jurors' scores on that criterion */
  byCriterion: Map<string, number>;
}

/** Ranking of a campaign's ideas from the jury's scores; criteria weights come from the campaign. */
export async function ranking(campaignId: string, weights: Map<string, number>): Promise<RankingRow[]> {
  const rows = await q()
    .selectFrom("evaluations as e")
    .innerJoin("evaluation_scores as s", "s.evaluation_id", "e.id")
    .select(["e.idea_id", "e.juror_id", "s.criterion_id", "s.score"])
    .where("e.campaign_id", "=", campaignId)
    .execute();
  const perJuror = new Map<string, Map<string, { sum: number; w: number }>>();
  const perCriterion = new Map<string, Map<string, { sum: number; n: number }>>();
  for (const r of rows) {
    if (!perCriterion.has(r.idea_id)) perCriterion.set(r.idea_id, new Map());
    const c = perCriterion.get(r.idea_id)!;
    const cc = c.get(r.criterion_id) ?? { sum: 0, n: 0 };
    cc.sum += r.score;
    cc.n += 1;
    c.set(r.criterion_id, cc);
    const w = weights.get(r.criterion_id) ?? 0;
    if (!perJuror.has(r.idea_id)) perJuror.set(r.idea_id, new Map());
    const m = perJuror.get(r.idea_id)!;
    const acc = m.get(r.juror_id) ?? { sum: 0, w: 0 };
    acc.sum += r.score * w;
    acc.w += w;
    m.set(r.juror_id, acc);
  }
  const out: RankingRow[] = [];
  for (const [ideaId, m] of perJuror) {
    const values = [...m.values()].filter((a) => a.w > 0).map((a) => a.sum / a.w);
    if (!values.length) continue;
    out.push({
      ideaId,
      mean: values.reduce((a, b) => a + b, 0) / values.length,
      spread: Math.max(...values) - Math.min(...values),
      count: values.length,
      byCriterion: new Map([...perCriterion.get(ideaId)!].map(([k, v]) => [k, v.sum / v.n])),
    });
  }
  return out.sort((a, b) => (b.mean ?? 0) - (a.mean ?? 0));
}

export async function listAllJurorIds(): Promise<Set<string>> {
  const rows = await q().selectFrom("jury_assignments").select("user_id").distinct().execute();
  return new Set(rows.map((r) => r.user_id));
}
