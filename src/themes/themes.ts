import { sql, type Generated, type Selectable } from "kysely";
import { db } from "../kernel/runtime";
import { transaction } from "../kernel/db/transaction";
import type { MigrationSet } from "../kernel/db/migrate";
import { isUuid } from "../kernel/ids";

export type AnalysisScope = "not_awarded" | "all";
export const analysisScopes: Record<AnalysisScope, string> = {
  not_awarded: "Les idées non primées",
  all: "Toutes les idées déposées",
};
export type RunStatus = "queued" | "running" | "done" | "failed" | "cancelled";
export const runStatuses: Record<RunStatus, string> = {
  queued: "En attente",
  running: "En cours",
  done: "Terminée",
  failed: "Échouée",
  cancelled: "Annulée",
};
export type RunKind = "analyse" | "split";
export type OutlierReason = "empty" | "language" | "far" | "small-theme";
export type CurationKind = "run" | "split" | "rename" | "merge" | "move" | "validate" | "unvalidate" | "publish" | "unpublish";

export interface ThemeTerm {
  term: string;
  weight: number;
  count: number;
}
export interface QualityPoint {
  k: number;
  score: number;
  error: number;
  cohesion: number;
  smallest: number;
  /** How well the themes separate the ideas (−1 to 1); absent from runs saved before it was measured. */
  silhouette?: number;
}

export type ThemesTables = {
  theme_analyses: {
    id: Generated<string>;
    lab_id: string;
    title: string;
    campaign_ids: string[];
    scope: AnalysisScope;
    k: number | null;
    created_by: string | null;
    created_at: Generated<Date>;
    published_at: Date | null;
    published_by: string | null;
    last_run_id: string | null;
  };
  theme_runs: {
    id: Generated<string>;
    analysis_id: string;
    kind: RunKind;
    split_theme_id: string | null;
    k: number | null;
    seed: number;
    status: Generated<RunStatus>;
    stage: string | null;
    progress: Generated<number>;
    idea_count: number | null;
    chosen_k: number | null;
    quality: QualityPoint[] | null;
    stats: Record<string, unknown> | null;
    error: string | null;
    requested_by: string | null;
    created_at: Generated<Date>;
    started_at: Date | null;
    finished_at: Date | null;
    cancel_requested_at: Date | null;
  };
  themes: {
    id: Generated<string>;
    analysis_id: string;
    run_id: string | null;
    label: string;
    terms: ThemeTerm[];
    representative_ids: string[];
    cohesion: number | null;
    position: number;
    validated_at: Date | null;
    validated_by: string | null;
    created_at: Generated<Date>;
  };
  theme_ideas: {
    analysis_id: string;
    idea_id: string;
    theme_id: string | null;
    similarity: number | null;
    outlier_reason: OutlierReason | null;
    x: number | null;
    y: number | null;
    moved_by: string | null;
    moved_at: Date | null;
  };
  theme_curation_events: {
    id: Generated<number>;
    analysis_id: string;
    actor_id: string | null;
    kind: CurationKind;
    detail: Record<string, unknown>;
    created_at: Generated<Date>;
  };
};

export type Analysis = Selectable<ThemesTables["theme_analyses"]>;
export type Run = Selectable<ThemesTables["theme_runs"]>;
export type Theme = Selectable<ThemesTables["themes"]>;
export type ThemeIdea = Selectable<ThemesTables["theme_ideas"]>;
export type CurationEvent = Selectable<ThemesTables["theme_curation_events"]>;

const q = () => db().withTables<ThemesTables>();
type Trx = ReturnType<typeof q>;

export const themesMigrations: MigrationSet = {
  "2026-11-25-01-themes": {
    async up(d) {
      await sql`CREATE TABLE theme_analyses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        title text NOT NULL,
        campaign_ids uuid[] NOT NULL,
        scope text NOT NULL CHECK (scope IN ('not_awarded','all')),
        k integer CHECK (k BETWEEN 2 AND 30),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        published_by uuid REFERENCES users(id) ON DELETE SET NULL,
        last_run_id uuid
      )`.execute(d);
      await sql`CREATE INDEX theme_analyses_lab_idx ON theme_analyses (lab_id, created_at DESC)`.execute(d);
      await sql`CREATE TABLE theme_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        analysis_id uuid NOT NULL REFERENCES theme_analyses(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('analyse','split')),
        split_theme_id uuid,
        k integer,
        seed integer NOT NULL DEFAULT 1,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','done','failed','cancelled')),
        stage text,
        progress real NOT NULL DEFAULT 0,
        idea_count integer,
        chosen_k integer,
        quality jsonb,
        stats jsonb,
        error text,
        requested_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        cancel_requested_at timestamptz
      )`.execute(d);
      await sql`CREATE INDEX theme_runs_analysis_idx ON theme_runs (analysis_id, created_at DESC)`.execute(d);
      await sql`CREATE TABLE themes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        analysis_id uuid NOT NULL REFERENCES theme_analyses(id) ON DELETE CASCADE,
        run_id uuid REFERENCES theme_runs(id) ON DELETE SET NULL,
        label text NOT NULL,
        terms jsonb NOT NULL DEFAULT '[]',
        representative_ids uuid[] NOT NULL DEFAULT '{}',
        cohesion real,
        position integer NOT NULL DEFAULT 0,
        validated_at timestamptz,
        validated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE INDEX themes_analysis_idx ON themes (analysis_id, position)`.execute(d);
      await sql`CREATE TABLE theme_ideas (
        analysis_id uuid NOT NULL REFERENCES theme_analyses(id) ON DELETE CASCADE,
        idea_id uuid NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
        theme_id uuid REFERENCES themes(id) ON DELETE SET NULL,
        similarity real,
        outlier_reason text CHECK (outlier_reason IN ('empty','language','far','small-theme')),
        x real,
        y real,
        moved_by uuid REFERENCES users(id) ON DELETE SET NULL,
        moved_at timestamptz,
        PRIMARY KEY (analysis_id, idea_id)
      )`.execute(d);
      await sql`CREATE INDEX theme_ideas_theme_idx ON theme_ideas (theme_id)`.execute(d);
      await sql`CREATE INDEX theme_ideas_idea_idx ON theme_ideas (idea_id)`.execute(d);
      await sql`CREATE TABLE theme_curation_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        analysis_id uuid NOT NULL REFERENCES theme_analyses(id) ON DELETE CASCADE,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        kind text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE INDEX theme_curation_events_analysis_idx ON theme_curation_events (analysis_id, id)`.execute(d);
    },
  },
};

// ---------------------------------------------------------------- analyses and runs

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
      const trx = db();
      const t = trx.withTables<ThemesTables>();
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

// ---------------------------------------------------------------- themes and memberships

export async function listThemes(analysisId: string): Promise<Theme[]> {
  return q().selectFrom("themes").selectAll().where("analysis_id", "=", analysisId).orderBy("position").orderBy("label").execute();
}

export async function getTheme(id: string): Promise<Theme | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("themes").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function getThemes(ids: string[]): Promise<Map<string, Theme>> {
  const wanted = [...new Set(ids)].filter(isUuid);
  if (!wanted.length) return new Map();
  const rows = await q().selectFrom("themes").selectAll().where("id", "in", wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function listMemberships(analysisId: string): Promise<ThemeIdea[]> {
  return q().selectFrom("theme_ideas").selectAll().where("analysis_id", "=", analysisId).execute();
}

export async function membershipsOfTheme(themeId: string): Promise<ThemeIdea[]> {
  return q().selectFrom("theme_ideas").selectAll().where("theme_id", "=", themeId).orderBy("similarity", "desc").orderBy("idea_id").execute();
}

export async function getMembership(analysisId: string, ideaId: string): Promise<ThemeIdea | undefined> {
  if (!isUuid(ideaId)) return undefined;
  return q().selectFrom("theme_ideas").selectAll().where("analysis_id", "=", analysisId).where("idea_id", "=", ideaId).executeTakeFirst();
}

/** For each idea, its theme in the most recently published analysis that has it. */
export async function publishedThemesOf(ideaIds: string[]): Promise<Map<string, { theme: Theme; analysis: Analysis }>> {
  const ids = [...new Set(ideaIds)].filter(isUuid);
  const out = new Map<string, { theme: Theme; analysis: Analysis }>();
  if (!ids.length) return out;
  const rows = await q()
    .selectFrom("theme_ideas")
    .innerJoin("theme_analyses", "theme_analyses.id", "theme_ideas.analysis_id")
    .innerJoin("themes", "themes.id", "theme_ideas.theme_id")
    .select(["theme_ideas.idea_id", "theme_ideas.theme_id", "theme_ideas.analysis_id", "theme_analyses.published_at"])
    .where("theme_ideas.idea_id", "in", ids)
    .where("theme_analyses.published_at", "is not", null)
    .orderBy("theme_analyses.published_at", "desc")
    .execute();
  const first = new Map<string, { themeId: string; analysisId: string }>();
  for (const r of rows) if (!first.has(r.idea_id) && r.theme_id) first.set(r.idea_id, { themeId: r.theme_id, analysisId: r.analysis_id });
  const [themes, analyses] = await Promise.all([
    getThemes([...first.values()].map((f) => f.themeId)),
    q().selectFrom("theme_analyses").selectAll().where("id", "in", [...new Set([...first.values()].map((f) => f.analysisId)), "00000000-0000-0000-0000-000000000000"]).execute(),
  ]);
  const analysisById = new Map(analyses.map((a) => [a.id, a]));
  for (const [ideaId, f] of first) {
    const theme = themes.get(f.themeId);
    const analysis = analysisById.get(f.analysisId);
    if (theme && analysis) out.set(ideaId, { theme, analysis });
  }
  return out;
}

export interface NewTheme {
  label: string;
  terms: ThemeTerm[];
  representativeIds: string[];
  cohesion: number | null;
  members: { ideaId: string; similarity: number | null }[];
}

export interface RunOutput {
  runId: string;
  analysisId: string;
  chosenK: number | null;
  quality: QualityPoint[];
  stats: Record<string, unknown>;
  /** Kept (pinned) themes: their id, label unchanged, new members and representatives. */
  kept: { themeId: string; representativeIds: string[]; cohesion: number | null; members: { ideaId: string; similarity: number | null }[] }[];
  created: NewTheme[];
  outliers: { ideaId: string; reason: OutlierReason; similarity: number | null }[];
  positions: { ideaId: string; x: number; y: number }[];
  /** Ideas left as the team placed them (moved by hand): never reassigned. */
  frozenIdeaIds: string[];
}

/**
 * Writes a finished analysis run in one transaction: themes not kept are replaced by the new ones,
 * each analysed idea gets its theme (or none: « à classer ») and its place on the map; ideas moved
 * by hand stay where they are. Returns false when the run was cancelled meanwhile.
 */
export async function saveAnalysisRun(out: RunOutput, actorId: string | null): Promise<boolean> {
  return transaction(async () => {
      const trx = db();
      const t = trx.withTables<ThemesTables>();
      const run = await t.selectFrom("theme_runs").select(["status", "cancel_requested_at"]).where("id", "=", out.runId).forUpdate().executeTakeFirst();
      if (!run || run.status !== "running" || run.cancel_requested_at) return false;
      const keptIds = out.kept.map((k) => k.themeId);
      let del = t.deleteFrom("themes").where("analysis_id", "=", out.analysisId);
      if (keptIds.length) del = del.where("id", "not in", keptIds);
      await del.execute();
      const frozen = new Set(out.frozenIdeaIds);
      const position = new Map(out.positions.map((p) => [p.ideaId, p]));
      const rows: Omit<ThemeIdea, "analysis_id">[] = [];
      let pos = 0;
      for (const k of out.kept) {
        await t.updateTable("themes").set({ representative_ids: k.representativeIds, cohesion: k.cohesion, position: pos++ }).where("id", "=", k.themeId).execute();
        for (const m of k.members) if (!frozen.has(m.ideaId)) rows.push({ idea_id: m.ideaId, theme_id: k.themeId, similarity: m.similarity, outlier_reason: null, x: null, y: null, moved_by: null, moved_at: null });
      }
      for (const c of out.created) {
        const theme = await insertTheme(t, out.analysisId, out.runId, c, pos++);
        for (const m of c.members) if (!frozen.has(m.ideaId)) rows.push({ idea_id: m.ideaId, theme_id: theme.id, similarity: m.similarity, outlier_reason: null, x: null, y: null, moved_by: null, moved_at: null });
      }
      for (const o of out.outliers) if (!frozen.has(o.ideaId)) rows.push({ idea_id: o.ideaId, theme_id: null, similarity: o.similarity, outlier_reason: o.reason, x: null, y: null, moved_by: null, moved_at: null });
      // Memberships of ideas no longer in scope go; moved ones stay as they are.
      const gone = t.deleteFrom("theme_ideas").where("analysis_id", "=", out.analysisId).where("moved_by", "is", null);
      await gone.execute();
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500).map((r) => {
          const p = position.get(r.idea_id);
          return { ...r, analysis_id: out.analysisId, x: p?.x ?? null, y: p?.y ?? null };
        });
        if (chunk.length) await t.insertInto("theme_ideas").values(chunk).onConflict((oc) => oc.columns(["analysis_id", "idea_id"]).doNothing()).execute();
      }
      // Moved ideas keep their theme; their place on the map is refreshed.
      for (const id of frozen) {
        const p = position.get(id);
        if (p) await t.updateTable("theme_ideas").set({ x: p.x, y: p.y }).where("analysis_id", "=", out.analysisId).where("idea_id", "=", id).execute();
      }
      await t
        .updateTable("theme_runs")
        .set({ status: "done", stage: "label", progress: 1, finished_at: new Date(), chosen_k: out.chosenK, quality: JSON.stringify(out.quality) as unknown as QualityPoint[], stats: JSON.stringify(out.stats) as unknown as Record<string, unknown> })
        .where("id", "=", out.runId)
        .execute();
      await t
        .insertInto("theme_curation_events")
        .values({ analysis_id: out.analysisId, actor_id: actorId, kind: "run", detail: JSON.stringify({ runId: out.runId, themes: out.kept.length + out.created.length, unclassified: out.outliers.length }) as unknown as Record<string, unknown> })
        .execute();
      return true;
    });
}

/**
 * Writes a finished split: the split theme is replaced by its sub-themes (not validated); its ideas
 * that fit none stay with the nearest sub-theme. Returns false when the run was cancelled meanwhile.
 */
export async function saveSplitRun(out: { runId: string; analysisId: string; themeId: string; created: NewTheme[]; stats: Record<string, unknown> }, actorId: string | null): Promise<boolean> {
  return transaction(async () => {
      const trx = db();
      const t = trx.withTables<ThemesTables>();
      const run = await t.selectFrom("theme_runs").select(["status", "cancel_requested_at"]).where("id", "=", out.runId).forUpdate().executeTakeFirst();
      if (!run || run.status !== "running" || run.cancel_requested_at) return false;
      const old = await t.selectFrom("themes").selectAll().where("id", "=", out.themeId).executeTakeFirst();
      if (!old) return false;
      const labels: string[] = [];
      for (const [j, c] of out.created.entries()) {
        const theme = await insertTheme(t, out.analysisId, out.runId, c, old.position * 100 + j);
        labels.push(c.label);
        for (const m of c.members)
          await t.updateTable("theme_ideas").set({ theme_id: theme.id, similarity: m.similarity, outlier_reason: null }).where("analysis_id", "=", out.analysisId).where("idea_id", "=", m.ideaId).execute();
      }
      await t.deleteFrom("themes").where("id", "=", out.themeId).execute();
      await renumber(t, out.analysisId);
      await t
        .updateTable("theme_runs")
        .set({ status: "done", stage: "label", progress: 1, finished_at: new Date(), chosen_k: out.created.length, stats: JSON.stringify(out.stats) as unknown as Record<string, unknown> })
        .where("id", "=", out.runId)
        .execute();
      await t
        .insertInto("theme_curation_events")
        .values({ analysis_id: out.analysisId, actor_id: actorId, kind: "split", detail: JSON.stringify({ from: old.label, into: labels }) as unknown as Record<string, unknown> })
        .execute();
      return true;
    });
}

/** A theme proposed by a run (not validated), with its terms and representatives. */
async function insertTheme(t: Trx, analysisId: string, runId: string, c: NewTheme, position: number): Promise<{ id: string }> {
  return t
    .insertInto("themes")
    .values({
      analysis_id: analysisId,
      run_id: runId,
      label: c.label,
      terms: JSON.stringify(c.terms) as unknown as ThemeTerm[],
      representative_ids: c.representativeIds,
      cohesion: c.cohesion,
      position,
      validated_at: null,
      validated_by: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

async function renumber(t: Trx, analysisId: string): Promise<void> {
  const themes = await t.selectFrom("themes").select(["id"]).where("analysis_id", "=", analysisId).orderBy("position").orderBy("label").execute();
  for (const [i, th] of themes.entries()) await t.updateTable("themes").set({ position: i }).where("id", "=", th.id).execute();
}

// ---------------------------------------------------------------- curation

export async function logCuration(analysisId: string, actorId: string | null, kind: CurationKind, detail: Record<string, unknown>, t: Trx = q()): Promise<void> {
  await t
    .insertInto("theme_curation_events")
    .values({ analysis_id: analysisId, actor_id: actorId, kind, detail: JSON.stringify(detail) as unknown as Record<string, unknown> })
    .execute();
}

export async function listCuration(analysisId: string, limit = 50): Promise<CurationEvent[]> {
  return q().selectFrom("theme_curation_events").selectAll().where("analysis_id", "=", analysisId).orderBy("id", "desc").limit(limit).execute();
}

export async function renameTheme(themeId: string, label: string, actorId: string): Promise<void> {
  await transaction(async () => {
      const trx = db();
      const t = trx.withTables<ThemesTables>();
      const old = await t.selectFrom("themes").select(["label", "analysis_id"]).where("id", "=", themeId).executeTakeFirstOrThrow();
      await t.updateTable("themes").set({ label }).where("id", "=", themeId).execute();
      await logCuration(old.analysis_id, actorId, "rename", { themeId, from: old.label, to: label }, t);
    });
}

export async function setValidated(themeId: string, on: boolean, actorId: string): Promise<void> {
  await transaction(async () => {
      const trx = db();
      const t = trx.withTables<ThemesTables>();
      const th = await t.selectFrom("themes").select(["label", "analysis_id"]).where("id", "=", themeId).executeTakeFirstOrThrow();
      await t
        .updateTable("themes")
        .set(on ? { validated_at: new Date(), validated_by: actorId } : { validated_at: null, validated_by: null })
        .where("id", "=", themeId)
        .execute();
      await logCuration(th.analysis_id, actorId, on ? "validate" : "unvalidate", { themeId, label: th.label }, t);
    });
}

/** Moves every idea of `absorbedId` into `keptId`, then deletes `absorbedId`. */
export async function mergeThemes(keptId: string, absorbedId: string, actorId: string): Promise<void> {
  await transaction(async () => {
      const trx = db();
      const t = trx.withTables<ThemesTables>();
      const [kept, absorbed] = await Promise.all([
        t.selectFrom("themes").selectAll().where("id", "=", keptId).executeTakeFirstOrThrow(),
        t.selectFrom("themes").selectAll().where("id", "=", absorbedId).executeTakeFirstOrThrow(),
      ]);
      await t.updateTable("theme_ideas").set({ theme_id: keptId }).where("theme_id", "=", absorbedId).execute();
      const reps = [...kept.representative_ids, ...absorbed.representative_ids].slice(0, 3);
      await t.updateTable("themes").set({ representative_ids: reps }).where("id", "=", keptId).execute();
      await t.deleteFrom("themes").where("id", "=", absorbedId).execute();
      await renumber(t, kept.analysis_id);
      await logCuration(kept.analysis_id, actorId, "merge", { into: kept.label, absorbed: absorbed.label, themeId: keptId }, t);
    });
}

/** The theme's most representative ideas, as recomputed from its current members. */
export async function setRepresentatives(themeId: string, ideaIds: string[]): Promise<void> {
  await q().updateTable("themes").set({ representative_ids: ideaIds }).where("id", "=", themeId).execute();
}

/** Puts an idea in a theme, or in « à classer » (null); the next runs leave it there. */
export async function moveIdea(analysisId: string, ideaId: string, themeId: string | null, actorId: string, detail: Record<string, unknown>): Promise<void> {
  await transaction(async () => {
      const trx = db();
      const t = trx.withTables<ThemesTables>();
      await t
        .updateTable("theme_ideas")
        .set({ theme_id: themeId, moved_by: actorId, moved_at: new Date(), outlier_reason: null })
        .where("analysis_id", "=", analysisId)
        .where("idea_id", "=", ideaId)
        .execute();
      await logCuration(analysisId, actorId, "move", { ideaId, themeId, ...detail }, t);
    });
}

export async function countIdeasByTheme(analysisId: string): Promise<Map<string | null, number>> {
  const rows = await q()
    .selectFrom("theme_ideas")
    .select(["theme_id", sql<number>`count(*)`.as("n")])
    .where("analysis_id", "=", analysisId)
    .groupBy("theme_id")
    .execute();
  return new Map(rows.map((r) => [r.theme_id, Number(r.n)]));
}
