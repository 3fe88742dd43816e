/**
 * The Grand Est demo's themes: the contest's non-awarded ideas analysed by the engine, then curated
 * as the lab team did in 2020 (themes named after the problems they found, themes that tell the same
 * problem merged, the ideas left « à classer » put where they belong, every theme validated) and
 * published. Runs once, in the seeding process, with the engine in-process (no job queue yet).
 */
import { discoverThemes } from "./engine/index";
import { ideasInScope } from "./runner";
import { createAnalysis, createRun, setPublished, startRun } from "./db/runs";
import { listMemberships, listThemes, saveAnalysisRun } from "./db/themes";
import * as curation from "./db/curation";
import * as journal from "./db/journal";

export async function seedDemoThemes(input: {
  labId: string;
  campaignId: string;
  curatorId: string;
  /** The problem each demo idea was written about, as the lab named it. */
  problemOf: Map<string, string>;
}): Promise<{ themes: number; moved: number }> {
  const analysis = await createAnalysis({
    labId: input.labId,
    title: "G1ID – les problématiques de fond des idées non primées",
    campaignIds: [input.campaignId],
    scope: "not_awarded",
    k: 12,
    createdBy: input.curatorId,
  });
  const run = await createRun({ analysisId: analysis.id, kind: "analyse", k: 12, seed: 1, requestedBy: input.curatorId });
  const docs = await ideasInScope(analysis);
  await startRun(run.id, docs.length);
  // The same demo every time: the ideas' ids are random UUIDs and their order follows them where
  // dates tie, so the engine sees them sorted by their text, under ids made from that order.
  const sorted = [...docs].sort((a, b) => a.title.localeCompare(b.title, "fr") || a.text.localeCompare(b.text, "fr") || a.id.localeCompare(b.id));
  const real = new Map(sorted.map((d, i) => [`d${String(i).padStart(4, "0")}`, d.id]));
  const byIndex = (id: string) => real.get(id) ?? id;
  const raw = await discoverThemes(
    sorted.map((d, i) => ({ ...d, id: `d${String(i).padStart(4, "0")}` })),
    { k: 12, seed: 1 },
  );
  const result = {
    ...raw,
    themes: raw.themes.map((t) => ({ ...t, memberIds: t.memberIds.map(byIndex), representativeIds: t.representativeIds.map(byIndex) })),
    outliers: raw.outliers.map((o) => ({ ...o, id: byIndex(o.id) })),
    outlierIds: raw.outlierIds.map(byIndex),
    positions: raw.positions.map((p) => ({ ...p, id: byIndex(p.id) })),
  };
  await saveAnalysisRun(
    {
      runId: run.id,
      analysisId: analysis.id,
      chosenK: result.chosenK,
      quality: [],
      stats: { ...result.stats },
      kept: [],
      created: result.themes.map((t) => ({
        label: t.label,
        terms: t.terms.slice(0, 8).map((x) => ({ term: x.term, weight: Math.round(x.weight * 1000) / 1000, count: x.count })),
        representativeIds: t.representativeIds,
        cohesion: t.cohesion,
        members: t.memberIds.map((id, i) => ({ ideaId: id, similarity: t.memberSimilarities[i] ?? null })),
      })),
      outliers: result.outliers.map((o) => ({ ideaId: o.id, reason: o.reason, similarity: o.similarity })),
      positions: result.positions.map((p) => ({ ideaId: p.id, x: p.x, y: p.y })),
      frozenIdeaIds: [],
    },
    input.curatorId,
  );

  // Curation: each theme takes the name of the problem most of its ideas are about; two themes
  // about the same problem are merged.
  const list = await listThemes(analysis.id);
  const memberships = await listMemberships(analysis.id);
  const byProblem = new Map<string, string>();
  for (const t of list) {
    const counts = new Map<string, number>();
    for (const m of memberships) if (m.theme_id === t.id) counts.set(input.problemOf.get(m.idea_id) ?? "", (counts.get(input.problemOf.get(m.idea_id) ?? "") ?? 0) + 1);
    const [problem] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [""];
    if (!problem) continue;
    const same = byProblem.get(problem);
    if (same) await curation.mergeThemes(same, t.id, input.curatorId);
    else {
      byProblem.set(problem, t.id);
      await curation.renameTheme(t.id, problem, input.curatorId);
    }
  }
  // The ideas « à classer » go to the theme of their problem, when there is one.
  let moved = 0;
  for (const m of memberships.filter((x) => !x.theme_id)) {
    const target = byProblem.get(input.problemOf.get(m.idea_id) ?? "");
    if (!target) continue;
    await curation.moveIdea(analysis.id, m.idea_id, target, input.curatorId, { ideaTitle: docs.find((d) => d.id === m.idea_id)?.title ?? "", themeLabel: input.problemOf.get(m.idea_id) });
    moved++;
  }
  for (const id of byProblem.values()) await curation.setValidated(id, true, input.curatorId);
  await setPublished(analysis.id, input.curatorId, true);
  await journal.logCuration(analysis.id, input.curatorId, "publish", {});
  return { themes: byProblem.size, moved };
}
