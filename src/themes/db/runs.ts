/** A lab's theme analyses and their runs: queued, started, reporting their progress, cancelled, failed. */
import { sql } from "kysely";
import { db } from "../../kernel/runtime";
import { transaction } from "../../kernel/db/transaction";
import { isUuid } from "../../kernel/ids";
import type { AnalysisScope, RunKind } from "../model";
import type { Analysis, Run, ThemesTables } from "./schema";

const q = () => db().withTables<ThemesTables>();

export async function createAnalysis(input: {
  labId: string;
  title: string;
  campaignIds: string[];
  scope: AnalysisScope;
  k: number | null;
  createdBy: string | null;
}): Promise<Analysis> {
  return q()
    .insertInto("theme_analyses")
    .values({
      lab_id: input.labId,
      title: input.title,
      campaign_ids: input.campaignIds,
      scope: input.scope,
      k: input.k,
      created_by: input.createdBy,
      published_at: null,
      published_by: null,
      last_run_id: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getAnalysis(id: string): Promise<Analysis | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("theme_analyses").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listAnalyses(labIds: string[]): Promise<Analysis[]> {
  if (!labIds.length) return [];
  return q().selectFrom("theme_analyses").selectAll().where("lab_id", "in", labIds).orderBy("created_at", "desc").execute();
}

export async function listPublishedAnalyses(): Promise<Analysis[]> {
  return q().selectFrom("theme_analyses").selectAll().where("published_at", "is not", null).orderBy("published_at", "desc").execute();
}

export async function setAnalysisK(id: string, k: number | null): Promise<void> {
  await q().updateTable("theme_analyses").set({ k }).where("id", "=", id).execute();
}

export async function setPublished(id: string, actorId: string | null, on: boolean): Promise<void> {
  await q()
    .updateTable("theme_analyses")
    .set(on ? { published_at: new Date(), published_by: actorId } : { published_at: null, published_by: null })
    .where("id", "=", id)
    .execute();
}

export async function createRun(input: { analysisId: string; kind: RunKind; splitThemeId?: string | null; k: number | null; seed: number; requestedBy: string | null }): Promise<Run> {
  return transaction(async () => {
    const t = q();
    const run = await t
      .insertInto("theme_runs")
      .values({
        analysis_id: input.analysisId,
        kind: input.kind,
        split_theme_id: input.splitThemeId ?? null,
        k: input.k,
        seed: input.seed,
        stage: null,
        idea_count: null,
        chosen_k: null,
        quality: null,
        stats: null,
        error: null,
        requested_by: input.requestedBy,
        started_at: null,
        finished_at: null,
        cancel_requested_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await t.updateTable("theme_analyses").set({ last_run_id: run.id }).where("id", "=", input.analysisId).execute();
    return run;
  });
}

export async function getRun(id: string): Promise<Run | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("theme_runs").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The analysis's run still queued or running, if any. */
export async function activeRun(analysisId: string): Promise<Run | undefined> {
  return q()
    .selectFrom("theme_runs")
    .selectAll()
    .where("analysis_id", "=", analysisId)
    .where("status", "in", ["queued", "running"])
    .orderBy("created_at", "desc")
    .executeTakeFirst();
}

export async function listRuns(analysisId: string, limit = 10): Promise<Run[]> {
  return q().selectFrom("theme_runs").selectAll().where("analysis_id", "=", analysisId).orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).execute();
}

/** Marks a queued run as running; false when it was cancelled meanwhile. */
export async function startRun(id: string, ideaCount: number): Promise<boolean> {
  const r = await q()
    .updateTable("theme_runs")
    .set({ status: "running", started_at: new Date(), idea_count: ideaCount, stage: "analyse", progress: 0 })
    .where("id", "=", id)
    .where("status", "=", "queued")
    .where("cancel_requested_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  return !!r;
}

export async function reportProgress(id: string, stage: string, progress: number): Promise<{ cancelRequested: boolean }> {
  const r = await q()
    .updateTable("theme_runs")
    .set({ stage, progress: sql<number>`GREATEST(progress, ${progress})` })
    .where("id", "=", id)
    .where("status", "=", "running")
    .returning("cancel_requested_at")
    .executeTakeFirst();
  return { cancelRequested: !r || r.cancel_requested_at !== null };
}

export async function requestCancel(id: string): Promise<void> {
  await q().updateTable("theme_runs").set({ cancel_requested_at: new Date() }).where("id", "=", id).where("status", "in", ["queued", "running"]).execute();
  // A run nobody has picked up yet is cancelled at once.
  await q().updateTable("theme_runs").set({ status: "cancelled", finished_at: new Date() }).where("id", "=", id).where("status", "=", "queued").execute();
}

export async function failRunning(error: string): Promise<number> {
  const rows = await q().updateTable("theme_runs").set({ status: "failed", error, finished_at: new Date() }).where("status", "=", "running").returning("id").execute();
  return rows.length;
}

export async function finishRun(id: string, outcome: { status: "failed" | "cancelled"; error?: string }): Promise<void> {
  await q()
    .updateTable("theme_runs")
    .set({ status: outcome.status, error: outcome.error ?? null, finished_at: new Date() })
    .where("id", "=", id)
    .where("status", "in", ["queued", "running"])
    .execute();
}
