/**
 * The themes of an analysis and the ideas in each (or « à classer »), as a finished run writes them:
 * an analysis run replaces the themes it did not keep, a split replaces one theme by its parts.
 */
import { db } from "../../kernel/runtime";
import { transaction } from "../../kernel/db/transaction";
import { isUuid } from "../../kernel/ids";
import type { OutlierReason } from "../model";
import { logCuration } from "./journal";
import type { Analysis, QualityPoint, Theme, ThemeIdea, ThemesTables, ThemeTerm } from "./schema";

const q = () => db().withTables<ThemesTables>();
type Trx = ReturnType<typeof q>;

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
    const t = q();
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
    await logCuration(out.analysisId, actorId, "run", { runId: out.runId, themes: out.kept.length + out.created.length, unclassified: out.outliers.length }, t);
    return true;
  });
}

/**
 * Writes a finished split: the split theme is replaced by its sub-themes (not validated); its ideas
 * that fit none stay with the nearest sub-theme. Returns false when the run was cancelled meanwhile.
 */
export async function saveSplitRun(out: { runId: string; analysisId: string; themeId: string; created: NewTheme[]; stats: Record<string, unknown> }, actorId: string | null): Promise<boolean> {
  return transaction(async () => {
    const t = q();
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
    await logCuration(out.analysisId, actorId, "split", { from: old.label, into: labels }, t);
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

export async function renumber(t: Trx, analysisId: string): Promise<void> {
  const themes = await t.selectFrom("themes").select(["id"]).where("analysis_id", "=", analysisId).orderBy("position").orderBy("label").execute();
  for (const [i, th] of themes.entries()) await t.updateTable("themes").set({ position: i }).where("id", "=", th.id).execute();
}
