/**
 * The theme analysis job (queue "themes-analyse"): reads the ideas in scope, runs the engine in a
 * worker thread, reports its stage and percentage in theme_runs (which the page reads, so progress
 * survives a reload), stops the thread when the team cancels, and writes the result.
 *
 * Imported by the server process that runs jobs (server/main.ts) and by tests; never by routes.
 */
import fs from "node:fs";
import { Worker } from "node:worker_threads";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { DiscoverOptions, ThemeDiscovery, ThemeInput } from "./engine/index";
import type { Analysis, Run, ThemeTerm } from "./db/schema";
import { failRunning, finishRun, getAnalysis, getRun, reportProgress, startRun } from "./db/runs";
import { getTheme, listMemberships, listThemes, membershipsOfTheme, saveAnalysisRun, saveSplitRun } from "./db/themes";
import { listCampaignIdeas } from "../ideas/ideas";
import { runtime } from "../kernel/runtime";
import { representativesOf, themeText } from "./representatives";

export { THEMES_QUEUE } from "./queue";

// In the production bundle (build/server/main.mjs) the engine's thread is bundled beside it as
// plain JavaScript; from the sources (tests, `npm run dev`) a small boot file registers tsx first.
// (A thread has its own heap: a web process started with a small `--max-old-space-size` does not
// pass it on.)
const BUNDLED = fileURLToPath(new URL("./engine-thread.mjs", import.meta.url));
const FROM_SOURCES = !fs.existsSync(BUNDLED);
const BOOT = FROM_SOURCES ? fileURLToPath(new URL("./thread-boot.mjs", import.meta.url)) : BUNDLED;
const ENTRY = pathToFileURL(fileURLToPath(new URL("./engine-thread.ts", import.meta.url))).href;

class Cancelled extends Error {}

/** The engine in a worker thread; `onProgress` may answer true to stop it. */
export function runEngine(
  docs: ThemeInput[],
  options: Omit<DiscoverOptions, "onProgress" | "signal">,
  onProgress: (stage: string, fraction: number) => Promise<boolean>,
): Promise<ThemeDiscovery> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, { workerData: { entry: ENTRY, docs, options } });
    let settled = false;
    let lastSent = 0;
    let checking = false;
    const stop = (err: Error) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(err);
    };
    worker.on("message", (m: { type: string; stage?: string; fraction?: number; result?: ThemeDiscovery; message?: string }) => {
      if (settled) return;
      if (m.type === "result") {
        settled = true;
        void worker.terminate();
        resolve(m.result!);
      } else if (m.type === "error") stop(new Error(m.message));
      else if (m.type === "progress") {
        // Progress is written at most four times a second; each write also reads the cancel flag.
        const now = Date.now();
        if (checking || (now - lastSent < 250 && m.fraction! < 1)) return;
        lastSent = now;
        checking = true;
        onProgress(m.stage!, m.fraction!)
          .then((cancel) => {
            checking = false;
            if (cancel) stop(new Cancelled("cancelled"));
          })
          .catch((err) => stop(err instanceof Error ? err : new Error(String(err))));
      }
    });
    worker.on("error", (err) => stop(err));
    worker.on("exit", (code) => {
      if (!settled) stop(new Error(`the analysis thread stopped (code ${code})`));
    });
  });
}

interface ScopedIdea {
  id: string;
  title: string;
  text: string;
}

/** The ideas an analysis covers: submitted, visible, not merged; without the awarded ones for "not_awarded". */
export async function ideasInScope(analysis: Analysis): Promise<ScopedIdea[]> {
  const lists = await Promise.all(analysis.campaign_ids.map((id) => listCampaignIdeas(id)));
  return lists
    .flat()
    .filter((i) => !i.hidden_at && i.status !== "merged" && i.status !== "draft")
    .filter((i) => analysis.scope === "all" || i.status !== "awarded")
    .map((i) => ({ id: i.id, title: i.title, text: themeText(i) }))
    // the engine's result depends on the order of its input (its seeded starts pick by position):
    // ordered by the texts, the same ideas give the same themes whatever their random ids
    .sort((a, b) => a.title.localeCompare(b.title, "fr") || a.text.localeCompare(b.text, "fr") || a.id.localeCompare(b.id));
}

const termsOf = (t: ThemeDiscovery["themes"][number]): ThemeTerm[] =>
  t.terms.slice(0, 8).map((x) => ({ term: x.term, weight: Math.round(x.weight * 1000) / 1000, count: x.count }));

/** Runs one queued run to its end (done, failed or cancelled). */
export async function executeRun(runId: string): Promise<void> {
  const run = await getRun(runId);
  if (!run || run.status !== "queued") return;
  const analysis = await getAnalysis(run.analysis_id);
  if (!analysis) return void (await finishRun(runId, { status: "failed", error: "Analyse introuvable." }));
  try {
    if (run.kind === "split") await executeSplit(run, analysis);
    else await executeAnalysis(run, analysis);
  } catch (err) {
    if (err instanceof Cancelled) await finishRun(runId, { status: "cancelled" });
    else {
      runtime().log.error("theme run failed", { runId, err });
      await finishRun(runId, { status: "failed", error: "L’analyse a échoué. Relancez-la ; si l’échec se répète, signalez-le." });
    }
  }
}

const progressOf = (runId: string) => async (stage: string, fraction: number) =>
  (await reportProgress(runId, stage, Math.round(fraction * 1000) / 1000)).cancelRequested;

async function executeAnalysis(run: Run, analysis: Analysis): Promise<void> {
  const [docs, current, memberships] = await Promise.all([ideasInScope(analysis), listThemes(analysis.id), listMemberships(analysis.id)]);
  if (!(await startRun(run.id, docs.length))) return;
  const inScope = new Set(docs.map((d) => d.id));
  // Kept as the team left them: validated themes, and themes an idea was moved into by hand.
  const moved = memberships.filter((m) => m.moved_by && inScope.has(m.idea_id));
  const keptIds = new Set([...current.filter((t) => t.validated_at).map((t) => t.id), ...moved.map((m) => m.theme_id).filter((x): x is string => !!x)]);
  const membersOf = new Map<string, string[]>();
  for (const m of memberships) if (m.theme_id && keptIds.has(m.theme_id) && inScope.has(m.idea_id)) membersOf.set(m.theme_id, [...(membersOf.get(m.theme_id) ?? []), m.idea_id]);
  const pinned = current.filter((t) => keptIds.has(t.id)).map((t) => ({ key: t.id, label: t.label, ids: membersOf.get(t.id) ?? [] }));
  const k = run.k ?? analysis.k;
  // automatic k: the engine's candidates (themeCountRange, √n / 5 to √n), the same as the command line's
  const result = await runEngine(docs, { k: k ?? "auto", seed: run.seed, pinned }, progressOf(run.id));
  const byKey = new Map(result.themes.map((t) => [t.key, t]));
  const members = (t: ThemeDiscovery["themes"][number]) => t.memberIds.map((id, i) => ({ ideaId: id, similarity: t.memberSimilarities[i] ?? null }));
  const saved = await saveAnalysisRun(
    {
      runId: run.id,
      analysisId: analysis.id,
      chosenK: result.chosenK,
      quality: result.quality.map((q) => ({ k: q.k, score: q.score, error: q.error, cohesion: q.cohesion, smallest: q.smallest, silhouette: q.silhouette })),
      stats: { ...result.stats },
      kept: pinned.map((p) => {
        const t = byKey.get(p.key);
        return { themeId: p.key, representativeIds: t?.representativeIds ?? [], cohesion: t?.cohesion ?? null, members: t ? members(t) : [] };
      }),
      created: result.themes
        .filter((t) => !t.pinned)
        .map((t) => ({ label: t.label, terms: termsOf(t), representativeIds: t.representativeIds, cohesion: t.cohesion, members: members(t) })),
      outliers: result.outliers.map((o) => ({ ideaId: o.id, reason: o.reason, similarity: o.similarity })),
      positions: result.positions.map((p) => ({ ideaId: p.id, x: p.x, y: p.y })),
      frozenIdeaIds: moved.map((m) => m.idea_id),
    },
    run.requested_by,
  );
  if (!saved) await finishRun(run.id, { status: "cancelled" });
}

async function executeSplit(run: Run, analysis: Analysis): Promise<void> {
  const theme = run.split_theme_id ? await getTheme(run.split_theme_id) : undefined;
  if (!theme) return void (await finishRun(run.id, { status: "failed", error: "Ce thème n’existe plus." }));
  const ids = new Set((await membershipsOfTheme(theme.id)).map((m) => m.idea_id));
  const docs = (await ideasInScope(analysis)).filter((d) => ids.has(d.id));
  if (!(await startRun(run.id, docs.length))) return;
  const result = await runEngine(docs, { k: run.k ?? "auto", seed: run.seed, kRange: [2, Math.max(2, Math.min(6, Math.floor(docs.length / 2)))], minThemeSize: 1 }, progressOf(run.id));
  // Ideas that fit no sub-theme join their nearest one: a split never sends ideas to « à classer ».
  const extra = new Map<string, string[]>();
  for (const o of result.outliers) {
    const target = o.nearestTheme ?? result.themes[0]?.key;
    if (target) extra.set(target, [...(extra.get(target) ?? []), o.id]);
  }
  const created = result.themes.map((t) => ({
    label: t.label,
    terms: termsOf(t),
    representativeIds: t.representativeIds,
    cohesion: t.cohesion,
    members: [...t.memberIds.map((id, i) => ({ ideaId: id, similarity: t.memberSimilarities[i] ?? null })), ...(extra.get(t.key) ?? []).map((id) => ({ ideaId: id, similarity: null }))],
  }));
  // the representatives of each part, from all its members (those the engine left out included)
  const textOf = new Map(docs.map((d) => [d.id, d]));
  for (const c of created) c.representativeIds = await representativesOf(c.members.flatMap((m) => textOf.get(m.ideaId) ?? []));
  if (created.length < 2) {
    await finishRun(run.id, { status: "failed", error: "Ces idées ne se séparent pas en plusieurs thèmes distincts." });
    return;
  }
  const saved = await saveSplitRun({ runId: run.id, analysisId: analysis.id, themeId: theme.id, created, stats: { ...result.stats } }, run.requested_by);
  if (!saved) await finishRun(run.id, { status: "cancelled" });
}

/** The job handler registered with the queue. */
export async function themeJob(data: Record<string, unknown>): Promise<void> {
  if (typeof data.runId === "string") await executeRun(data.runId);
}

/** Runs left "running" by a stopped server cannot resume: they are marked failed, to be run again. */
export async function recoverInterruptedRuns(): Promise<number> {
  return failRunning("L’analyse a été interrompue par un redémarrage du serveur. Relancez-la.");
}
