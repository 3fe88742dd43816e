/**
 * A theme's « most representative » ideas follow curation: after a move, a merge or a split they
 * are the current members closest to the theme's centroid. Labels read as noun phrases.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeCampaign, makeLab, makeMember, makeUser, viewerOf } from "../../tests/support/fixtures";
import { closeCampaignNow } from "../campaigns/campaigns";
import { getIdeas } from "../ideas/ideas";
import { createIdeaFor } from "../ideas/service";
import { startJobs } from "../kernel/jobs/jobs";
import { CANTINE, MENAGE, TELETRAVAIL, topicIdeas } from "./engine/test-fixtures";
import { discoverThemes, isNounPhrase, rankByCentrality, themeLabel, type LabelTerm } from "./engine";
import { THEMES_QUEUE, themeJob } from "./runner";
import { representativesOf, themeText } from "./representatives";
import type { Run } from "./db/schema";
import { listRuns } from "./db/runs";
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

async function waitForRun(analysisId: string, timeoutMs = 45_000): Promise<Run> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const [run] = await listRuns(analysisId, 1);
    if (run && run.status !== "queued" && run.status !== "running") return run;
    if (Date.now() > end) throw new Error(`run still ${run?.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The members closest to the centroid of the theme's current members, computed afresh. */
async function expectedRepresentatives(themeId: string) {
  const members = (await membershipsOfTheme(themeId)).map((m) => m.idea_id);
  const ideas = await getIdeas(members);
  const docs = members.map((id) => ideas.get(id)!).map((i) => ({ id: i.id, title: i.title, text: themeText(i) }));
  return { members, expected: await representativesOf(docs) };
}

describe("representative ideas follow curation", () => {
  it("after a move, a merge and a split, shows the current members closest to the centroid", async () => {
    const lab = await makeLab();
    const c = await makeCampaign(lab.id);
    const team = await viewerOf(await makeMember(lab.id, "lab_team"));
    const author = await viewerOf(await makeUser());
    const ids: Record<string, string[]> = { cantine: [], menage: [], teletravail: [] };
    for (let i = 0; i < 8; i++)
      for (const [topic, texts] of Object.entries({ cantine: CANTINE, menage: MENAGE, teletravail: TELETRAVAIL })) {
        const idea = await createIdeaFor(author, c.id, { title: texts[i].slice(0, 80), problem: texts[i], proposal: texts[i], beneficiaries: "", coauthorEmails: [], submit: true }, []);
        ids[topic].push(idea.id);
      }
    await closeCampaignNow(c.id);
    const a = await service.startAnalysis(team, lab.slug, { title: "", campaignIds: [c.id], scope: "all", k: 3 });
    expect((await waitForRun(a.id)).status).toBe("done");
    const themeOf = async (ideaId: string) => (await getMembership(a.id, ideaId))!.theme_id!;
    const menage = await themeOf(ids.menage[0]);
    const cantine = await themeOf(ids.cantine[0]);
    expect(menage).not.toBe(cantine);

    // the cantine theme's three representatives go to the ménage theme
    const movedOut = (await getTheme(cantine))!.representative_ids;
    expect(movedOut).toHaveLength(3);
    for (const id of movedOut) await service.moveIdea(team, a.id, id, menage);
    for (const themeId of [cantine, menage]) {
      const { members, expected } = await expectedRepresentatives(themeId);
      const reps = (await getTheme(themeId))!.representative_ids;
      expect(reps).toEqual(expected);
      for (const id of reps) expect(members).toContain(id);
    }
    // the ménage theme (8 ménage ideas, 3 about the cantine) is still shown by ménage ideas
    for (const id of (await getTheme(menage))!.representative_ids) expect(ids.menage).toContain(id);
    // and the cantine theme by cantine ideas still in it
    for (const id of (await getTheme(cantine))!.representative_ids) {
      expect(ids.cantine).toContain(id);
      expect(movedOut).not.toContain(id);
    }

    // merge: the kept theme's representatives come from all its members
    const teletravail = await themeOf(ids.teletravail[0]);
    await service.mergeThemes(team, teletravail, cantine);
    const merged = await expectedRepresentatives(teletravail);
    expect((await getTheme(teletravail))!.representative_ids).toEqual(merged.expected);
    expect(merged.members.length).toBeGreaterThan(8);

    // split: each part shows its own members
    await service.splitTheme(team, teletravail);
    expect((await waitForRun(a.id)).status).toBe("done");
    const parts = (await listThemes(a.id)).filter((t) => t.id !== menage);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    for (const t of parts) {
      const { members, expected } = await expectedRepresentatives(t.id);
      expect(t.representative_ids).toEqual(expected);
      for (const id of t.representative_ids) expect(members).toContain(id);
    }
  });

  it("ranks by closeness to the centroid (pure)", async () => {
    const ranked = await rankByCentrality([
      { title: "Le ménage des salles", text: "produits d'entretien écologiques pour le ménage" },
      { title: "Ménage des bureaux", text: "produits d'entretien et ménage des bureaux le soir" },
      { title: "Pesticides", text: "zéro pesticide dans les espaces verts du lycée" },
      { title: "Ménage des sanitaires", text: "ménage des sanitaires avec des produits d'entretien" },
    ]);
    expect(ranked).toHaveLength(4);
    expect(ranked[3].index).toBe(2);
    expect(ranked[0].similarity).toBeGreaterThanOrEqual(ranked[1].similarity);
  });
});

describe("theme labels are noun phrases", () => {
  const term = (t: string, key: string, weight: number, count = 3): LabelTerm => ({ term: t, key, weight, count });

  it("names the fixture corpus's themes with noun phrases, never two words joined by a comma", async () => {
    const r = await discoverThemes(topicIdeas(), { k: 3, seed: 1 });
    const labels = r.themes.map((t) => t.label).sort();
    expect(labels).toEqual(["Cantine et restauration scolaire", "Ménage et produits d'entretien", "Télétravail et ordinateurs portables"]);
    for (const l of labels) expect(l).not.toContain(",");
  });

  it("prefers a noun phrase, drops a second unrelated word, refuses verb phrases", () => {
    expect(themeLabel([term("vélo", "velo", 0.4), term("Strasbourg", "strasbourg", 0.3)])).toBe("Vélo");
    expect(themeLabel([term("vélo", "velo", 0.4, 9), term("Strasbourg", "strasbourg", 0.3), term("vélo électrique", "velo electr", 0.2, 4)])).toBe("Vélo électrique");
    expect(themeLabel([term("service", "servic", 0.4), term("électronique", "electron", 0.3), term("signature électronique", "signatur electron", 0.25)])).toBe("Service et signature électronique");
    expect(themeLabel([term("restauration scolaire", "restaur scolair", 0.5), term("cantine", "cantin", 0.4)])).toBe("Restauration scolaire");
    expect(themeLabel([term("ménage", "menag", 0.4), term("mettre en place", "mettr plac", 0.3)])).toBe("Ménage");
    expect(isNounPhrase(term("produits d'entretien", "produit entretien", 1))).toBe(true);
    expect(isNounPhrase(term("réduire les déchets", "reduir dechet", 1))).toBe(false);
    expect(isNounPhrase(term("alimentaire à la", "alimentair la", 1))).toBe(false);
  });
});
