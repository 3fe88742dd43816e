/**
 * The theme analysis from a lab's point of view, on the real job queue (pg-boss on the test
 * database) and the engine in a worker thread: start, progress, curation, re-run, split, cancel,
 * publish, and who may do what.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeCampaign, makeLab, makeMember, makeUser, viewerOf } from "../../tests/support/fixtures";
import { closeCampaignNow } from "../campaigns/campaigns";
import { createIdeaFor } from "../ideas/service";
import { startJobs } from "../kernel/jobs/jobs";
import { Refusal } from "../kernel/permissions";
import { CANTINE, MENAGE, TELETRAVAIL } from "./engine/test-fixtures";
import { THEMES_QUEUE, recoverInterruptedRuns, themeJob } from "./runner";
import type { Run } from "./db/schema";
import { createRun, getRun, listRuns, requestCancel, startRun } from "./db/runs";
import { getMembership, getTheme, listThemes, membershipsOfTheme } from "./db/themes";
import * as service from "./service";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
  env.rt.jobs = await startJobs({ db: env.rt.database.db, log: env.rt.log, queues: { [THEMES_QUEUE]: {} }, handlers: { [THEMES_QUEUE]: themeJob }, migrate: true });
}, 60_000);
afterAll(async () => {
  await env?.rt.jobs?.stop();
  await env?.dispose();
});

type Viewer = Awaited<ReturnType<typeof viewerOf>>;

async function setup() {
  const lab = await makeLab();
  const c = await makeCampaign(lab.id);
  const team = await viewerOf(await makeMember(lab.id, "lab_team"));
  const authors = [await viewerOf(await makeUser()), await viewerOf(await makeUser()), await viewerOf(await makeUser())];
  const ideaIds: Record<string, string[]> = { cantine: [], menage: [], teletravail: [] };
  const topics = { cantine: CANTINE, menage: MENAGE, teletravail: TELETRAVAIL };
  for (let i = 0; i < 8; i++)
    for (const [t, [topic, texts]] of Object.entries(topics).entries()) {
      const text = texts[i];
      const idea = await createIdeaFor(authors[t], c.id, { title: text.slice(0, 80), problem: text, proposal: text, beneficiaries: "", coauthorEmails: [], submit: true }, []);
      ideaIds[topic].push(idea.id);
    }
  await closeCampaignNow(c.id);
  return { lab, c, team, authors, ideaIds };
}

async function waitForRun(analysisId: string, timeoutMs = 45_000): Promise<Run> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const [run] = await listRuns(analysisId, 1);
    if (run && run.status !== "queued" && run.status !== "running") return run;
    if (Date.now() > end) throw new Error(`run still ${run?.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const themeOf = async (analysisId: string, ideaId: string) => (await getMembership(analysisId, ideaId))?.theme_id ?? null;

describe("theme analysis", () => {
  let s: Awaited<ReturnType<typeof setup>>;
  let analysisId = "";
  beforeAll(async () => {
    s = await setup();
  }, 60_000);

  it("runs as a job: three separate topics come out as three themes with real-word labels", async () => {
    const a = await service.startAnalysis(s.team, s.lab.slug, { title: "", campaignIds: [s.c.id], scope: "all", k: 3 });
    analysisId = a.id;
    expect(a.title).toContain("toutes les idées");
    const run = await waitForRun(a.id);
    expect(run.status).toBe("done");
    expect(run.progress).toBe(1);
    expect(run.idea_count).toBe(24);
    const page = await service.analysisPage(s.team, a.id);
    expect(page.themes).toHaveLength(3);
    expect(page.themes.reduce((n, t) => n + t.size, 0) + page.unclassified.count).toBe(24);
    expect(page.themes.map((t) => t.label.toLowerCase()).join(" ")).toMatch(/cantine|restauration/);
    for (const t of page.themes) {
      expect(t.representatives.length).toBeGreaterThan(0);
      expect(t.representatives.length).toBeLessThanOrEqual(3);
      // labels are words, not stems
      expect(t.label).not.toMatch(/\b(restaur|scolair|cantin)\b/);
    }
    // the three cantine ideas nearest each other share a theme
    const first = await themeOf(a.id, s.ideaIds.cantine[0]);
    expect(first).not.toBeNull();
    const sameTheme = await Promise.all(s.ideaIds.cantine.map((id) => themeOf(a.id, id)));
    expect(sameTheme.filter((t) => t === first).length).toBeGreaterThanOrEqual(6);
    expect(page.log[0].what).toContain("analyse terminée");
    // every idea has a place on the map
    const map = await service.themeMap(s.team, a.id);
    expect(map.points).toHaveLength(24);
  });

  it("lets Germoir choose the number of themes and shows the score of each candidate", async () => {
    await service.rerun(s.team, analysisId, null);
    const run = await waitForRun(analysisId);
    expect(run.status).toBe("done");
    expect(run.k).toBeNull();
    const page = await service.analysisPage(s.team, analysisId);
    expect(page.automaticK).toBe(true);
    expect(page.quality.length).toBeGreaterThan(1);
    expect(page.quality.map((q) => q.k)).toContain(page.chosenK);
  });

  it("keeps the validated themes and the ideas moved by hand when the analysis runs again", async () => {
    await service.rerun(s.team, analysisId, 3);
    await waitForRun(analysisId);
    let page = await service.analysisPage(s.team, analysisId);
    const cantine = (await themeOf(analysisId, s.ideaIds.cantine[0]))!;
    const other = page.themes.find((t) => t.id !== cantine)!;
    await service.renameTheme(s.team, cantine, "Restauration scolaire et cantines");
    await service.validateTheme(s.team, cantine, true);
    const moved = s.ideaIds.menage[0];
    await service.moveIdea(s.team, analysisId, moved, cantine);
    const members = (await membershipsOfTheme(cantine)).map((m) => m.idea_id).sort();

    await service.rerun(s.team, analysisId, 2);
    expect((await waitForRun(analysisId)).status).toBe("done");
    page = await service.analysisPage(s.team, analysisId);
    const kept = page.themes.find((t) => t.id === cantine)!;
    expect(kept.label).toBe("Restauration scolaire et cantines");
    expect(kept.validated).toBe(true);
    const after = (await membershipsOfTheme(cantine)).map((m) => m.idea_id);
    for (const id of members) expect(after).toContain(id);
    expect(await themeOf(analysisId, moved)).toBe(cantine);
    expect(page.themes.some((t) => t.id === other.id && !t.validated)).toBe(false);
    const acts = page.log.map((e) => e.what).join("\n");
    expect(acts).toContain("a renommé");
    expect(acts).toContain("a validé « Restauration scolaire et cantines »");
    expect(acts).toMatch(/a déplacé l’idée « .+ » vers « Restauration scolaire et cantines »/);
    expect(page.log.every((e) => e.who !== "Quelqu’un")).toBe(true);
  });

  it("merges two themes and splits one by analysing its ideas alone", async () => {
    let page = await service.analysisPage(s.team, analysisId);
    const [a, b] = page.themes.filter((t) => !t.validated).concat(page.themes.filter((t) => t.validated));
    const total = a.size + b.size;
    await service.mergeThemes(s.team, a.id, b.id);
    page = await service.analysisPage(s.team, analysisId);
    expect(page.themes.find((t) => t.id === b.id)).toBeUndefined();
    expect(page.themes.find((t) => t.id === a.id)!.size).toBe(total);

    await service.splitTheme(s.team, a.id);
    expect((await waitForRun(analysisId)).status).toBe("done");
    page = await service.analysisPage(s.team, analysisId);
    expect(page.themes.find((t) => t.id === a.id)).toBeUndefined();
    expect(page.themes.length).toBeGreaterThanOrEqual(2);
    expect(page.log.map((e) => e.what).join("\n")).toMatch(/a scindé/);
    expect(page.log.map((e) => e.what).join("\n")).toMatch(/a fusionné/);
  });

  it("cancels a run and refuses curation while one is active", async () => {
    await service.rerun(s.team, analysisId, 3);
    await expect(service.rerun(s.team, analysisId, 3)).rejects.toMatchObject({ status: 409 });
    expect(await service.cancelRun(s.team, analysisId)).toBe(true);
    const run = await waitForRun(analysisId);
    expect(run.status).toBe("cancelled");
    // interrupted runs (server stopped mid-run) are marked failed at the next start
    const stuck = await createRun({ analysisId, kind: "analyse", k: 3, seed: 1, requestedBy: s.team.userId });
    await startRun(stuck.id, 24);
    expect(await recoverInterruptedRuns()).toBe(1);
    expect((await getRun(stuck.id))!.status).toBe("failed");
  });

  it("refuses to rename or validate a theme while a run is active: the run's result would drop the act", async () => {
    const theme = (await listThemes(analysisId)).find((t) => !t.validated_at)!;
    // a run waiting in the queue (not handed to the job queue: it stays queued for the test)
    const pending = await createRun({ analysisId, kind: "analyse", k: 3, seed: 1, requestedBy: s.team.userId });
    try {
      await expect(service.renameTheme(s.team, theme.id, "Renommé pendant l’analyse")).rejects.toMatchObject({ status: 409 });
      await expect(service.validateTheme(s.team, theme.id, true)).rejects.toMatchObject({ status: 409 });
    } finally {
      await requestCancel(pending.id);
    }
    let after = (await getTheme(theme.id))!;
    expect(after.label).toBe(theme.label);
    expect(after.validated_at).toBeNull();
    // once the run has ended, the same acts are accepted
    await service.renameTheme(s.team, theme.id, `${theme.label} (revu)`);
    await service.validateTheme(s.team, theme.id, true);
    await service.validateTheme(s.team, theme.id, false);
    after = (await getTheme(theme.id))!;
    expect(after.label).toBe(`${theme.label} (revu)`);
    expect(after.validated_at).toBeNull();
  });

  it("publishes: each idea then shows its theme and the other ideas of that theme", async () => {
    const idea = s.ideaIds.teletravail[0];
    expect((await service.publishedThemesFor([idea])).size).toBe(0);
    const agent = s.authors[2];
    await expect(service.themeMap(agent, analysisId)).rejects.toMatchObject({ status: 404 });
    await service.publishAnalysis(s.team, analysisId, true);
    const found = (await service.publishedThemesFor([idea])).get(idea);
    expect(found).toBeDefined();
    expect(found!.label.length).toBeGreaterThan(2);
    expect(found!.others.map((o) => o.id)).not.toContain(idea);
    expect(found!.others.length).toBeGreaterThan(0);
    const map = await service.themeMap(agent, analysisId);
    expect(map.team).toBe(false);
    expect(map.themes.length).toBeGreaterThan(0);
    expect((await service.themeMapsIndex(agent)).map((a) => a.id)).toContain(analysisId);
  });

  it("refuses agents and the lab team of another lab", async () => {
    const agent: Viewer = s.authors[0];
    const otherLab = await makeLab();
    const stranger = await viewerOf(await makeMember(otherLab.id, "lab_team"));
    const [theme] = await listThemes(analysisId);
    for (const v of [agent, stranger]) {
      await expect(service.labAnalysesPage(v, s.lab.slug)).rejects.toMatchObject({ status: 403 });
      await expect(service.startAnalysis(v, s.lab.slug, { title: "", campaignIds: [s.c.id], scope: "all", k: null })).rejects.toMatchObject({ status: 403 });
      await expect(service.analysisPage(v, analysisId)).rejects.toMatchObject({ status: 403 });
      await expect(service.renameTheme(v, theme.id, "Piratage")).rejects.toBeInstanceOf(Refusal);
      await expect(service.moveIdea(v, analysisId, s.ideaIds.cantine[1], theme.id)).rejects.toMatchObject({ status: 403 });
      await expect(service.publishAnalysis(v, analysisId, false)).rejects.toMatchObject({ status: 403 });
    }
    // another lab's campaign cannot be analysed from this lab
    const foreign = await makeCampaign(otherLab.id);
    await expect(service.startAnalysis(s.team, s.lab.slug, { title: "", campaignIds: [foreign.id], scope: "all", k: null })).rejects.toMatchObject({ status: 400, field: "campaignIds" });
    // merging a theme with itself is refused with a message
    await expect(service.mergeThemes(s.team, theme.id, theme.id)).rejects.toMatchObject({ status: 400, field: "otherId" });
    expect((await getTheme(theme.id))!.label).not.toBe("Piratage");
  });
});
