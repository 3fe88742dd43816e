import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeCampaign, makeLab, makeMember, makeUser, viewerOf } from "../../tests/support/fixtures";
import { getCriteria, closeCampaignNow } from "../campaigns/campaigns";
import { createIdeaFor } from "../ideas/service";
import { getIdea } from "../ideas/ideas";
import { listNotifications } from "../notifications/notifications";
import { assignJurorByEmail, awardIdea, closeAwards, jurorIdeaPage, labCampaignPage, RANKING_PAGE_SIZE, scoreIdea } from "./service";
import { makeOrganization } from "../../tests/support/fixtures";
import { setSupport } from "../ideas/ideas";
import { Refusal } from "../kernel/permissions";
import { assignJuror } from "./jury";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

const form = (title: string) => ({ title, problem: "Un problème décrit en détail.", proposal: "Une proposition décrite en détail.", beneficiaries: "Les agents", coauthorEmails: [], submit: true });

async function setup({ close = true } = {}) {
  const lab = await makeLab();
  const c = await makeCampaign(lab.id, { criteria: [{ label: "Utilité", weight: 3 }, { label: "Faisabilité", weight: 1 }] });
  const team = await viewerOf(await makeMember(lab.id, "lab_team"));
  const j1 = await makeUser();
  const j2 = await makeUser();
  await assignJurorByEmail(c.id, j1.email, team);
  await assignJuror(c.id, j2.id, team.userId);
  const author = await viewerOf(await makeUser());
  const a = await createIdeaFor(author, c.id, form("Idée A bien notée"), []);
  const b = await createIdeaFor(author, c.id, form("Idée B moins notée"), []);
  const [util, faisa] = await getCriteria(c.id);
  if (close) await closeCampaignNow(c.id);
  return { lab, c, team, j1: await viewerOf(j1), j2: await viewerOf(j2), author, a, b, util, faisa };
}

describe("jury", () => {
  it("ranks by the weighted mean over jurors, with the spread and the number of scores", async () => {
    const s = await setup();
    // j1 on A: (5*3 + 1*1)/4 = 4 ; j2 on A: (3*3 + 3*1)/4 = 3 -> mean 3.5, spread 1
    await scoreIdea(s.a.id, s.j1, { comment: "", scores: { [s.util.id]: { score: 5, comment: "" }, [s.faisa.id]: { score: 1, comment: "" } } });
    await scoreIdea(s.a.id, s.j2, { comment: "", scores: { [s.util.id]: { score: 3, comment: "" }, [s.faisa.id]: { score: 3, comment: "" } } });
    await scoreIdea(s.b.id, s.j1, { comment: "", scores: { [s.util.id]: { score: 1, comment: "" }, [s.faisa.id]: { score: 5, comment: "" } } });
    const page = await labCampaignPage(s.c.id, s.team);
    expect(page.ranking.rows.map((r) => [r.id, r.rank, r.mean, r.spread, r.count])).toEqual([
      [s.a.id, 1, 3.5, 1, 2],
      [s.b.id, 2, 2, 0, 1],
    ]);
    expect(page.jurors.map((j) => j.scored).sort()).toEqual([1, 2]);
  });

  it("hides the other jurors' scores from a juror until they submitted their own", async () => {
    const s = await setup();
    await scoreIdea(s.a.id, s.j1, { comment: "Solide", scores: { [s.util.id]: { score: 4, comment: "" }, [s.faisa.id]: { score: 4, comment: "" } } });
    const before = await jurorIdeaPage(s.a.id, s.j2);
    expect(before.mine).toBeNull();
    expect(before.others).toEqual([]);
    await scoreIdea(s.a.id, s.j2, { comment: "", scores: { [s.util.id]: { score: 2, comment: "" }, [s.faisa.id]: { score: 2, comment: "" } } });
    const after = await jurorIdeaPage(s.a.id, s.j2);
    expect(after.others).toHaveLength(1);
    expect(after.others[0].scores[s.util.id].score).toBe(4);
  });

  it("opens scoring only once the campaign is closed, while authors can no longer edit", async () => {
    const s = await setup({ close: false });
    const page = await jurorIdeaPage(s.a.id, s.j1);
    expect(page.scoringOpen).toBe(false);
    await expect(scoreIdea(s.a.id, s.j1, { comment: "", scores: { [s.util.id]: { score: 4, comment: "" }, [s.faisa.id]: { score: 4, comment: "" } } })).rejects.toMatchObject({ status: 409 });
    await closeCampaignNow(s.c.id);
    expect((await jurorIdeaPage(s.a.id, s.j1)).scoringOpen).toBe(true);
  });

  it("refuses scores from non-jurors, missing criteria and out-of-scale values", async () => {
    const s = await setup();
    const outsider = await viewerOf(await makeUser());
    await expect(jurorIdeaPage(s.a.id, outsider)).rejects.toMatchObject({ status: 403 });
    await expect(scoreIdea(s.a.id, outsider, { comment: "", scores: {} })).rejects.toMatchObject({ status: 403 });
    await expect(scoreIdea(s.a.id, s.j1, { comment: "", scores: { [s.util.id]: { score: 4, comment: "" } } })).rejects.toThrow(/manquante/);
    await expect(scoreIdea(s.a.id, s.j1, { comment: "", scores: { [s.util.id]: { score: 9, comment: "" }, [s.faisa.id]: { score: 1, comment: "" } } })).rejects.toBeInstanceOf(Refusal);
  });

  it("lets only the campaign's lab team manage the jury and award", async () => {
    const s = await setup();
    const otherLab = await makeLab();
    const foreign = await viewerOf(await makeMember(otherLab.id, "lab_team"));
    const agent = await viewerOf(await makeUser());
    for (const v of [foreign, agent, s.j1]) {
      await expect(labCampaignPage(s.c.id, v)).rejects.toMatchObject({ status: 403 });
      await expect(awardIdea(s.c.id, s.a.id, "prize", "Bravo", v)).rejects.toMatchObject({ status: 403 });
      await expect(assignJurorByEmail(s.c.id, "x@y.fr", v)).rejects.toMatchObject({ status: 403 });
    }
  });

  it("awards, then marks every other idea « non primée » in one step and tells the authors", async () => {
    const s = await setup({ close: false });
    await expect(closeAwards(s.c.id, s.team)).rejects.toMatchObject({ status: 409 });
    await closeCampaignNow(s.c.id);
    await awardIdea(s.c.id, s.a.id, "mention", "Pour son originalité", s.team);
    expect(await closeAwards(s.c.id, s.team)).toBe(1);
    expect((await getIdea(s.a.id))?.status).toBe("awarded");
    expect((await getIdea(s.b.id))?.status).toBe("not_awarded");
    const titles = (await listNotifications(s.author.userId)).map((n) => n.title);
    expect(titles.some((t) => /Idée A bien notée.*primée/.test(t))).toBe(true);
    expect(titles.some((t) => /Idée B moins notée.*non primée/.test(t))).toBe(true);
  });

  it("pages the ranking over a total order: every idea once, ties broken by supports then id, whatever the page", async () => {
    const s = await setup({ close: false });
    const org = await makeOrganization();
    const others = await viewerOf(await makeUser({ organizationId: org.id, givenName: "Hélène", familyName: "Zorn" }));
    // 45 more ideas, none scored: every mean ties (null), most supports tie (0)
    const created = [s.a.id, s.b.id];
    for (let i = 0; i < 45; i++) created.push((await createIdeaFor(i % 3 ? s.author : others, s.c.id, form(`Idée numéro ${i} sur la cantine`), [])).id);
    await closeCampaignNow(s.c.id);
    const supporter = await makeUser();
    await setSupport(created[10], supporter.id, true);
    await scoreIdea(s.b.id, s.j1, { comment: "", scores: { [s.util.id]: { score: 2, comment: "" }, [s.faisa.id]: { score: 2, comment: "" } } });
    const seen: string[] = [];
    const first = await labCampaignPage(s.c.id, s.team);
    expect(first.ranking.total).toBe(47);
    expect(first.ranking.pages).toBe(Math.ceil(47 / RANKING_PAGE_SIZE));
    for (let p = 1; p <= first.ranking.pages; p++) {
      const page = await labCampaignPage(s.c.id, s.team, { page: p });
      expect(page.ranking.rows.length).toBeLessThanOrEqual(RANKING_PAGE_SIZE);
      seen.push(...page.ranking.rows.map((r) => r.id));
    }
    expect(seen).toHaveLength(47);
    expect(new Set(seen).size).toBe(47);
    expect(new Set(seen)).toEqual(new Set(created));
    // the scored idea first (rank 1), then the supported one; the unscored ones have no rank and come by id
    expect(seen[0]).toBe(s.b.id);
    expect(seen[1]).toBe(created[10]);
    expect(first.ranking.rows[0].rank).toBe(1);
    expect(first.ranking.rows[1].rank).toBeNull();
    const tail = seen.slice(2);
    expect(tail).toEqual([...tail].sort());
    // a page past the end shows the last one
    expect((await labCampaignPage(s.c.id, s.team, { page: 99 })).ranking.page).toBe(first.ranking.pages);
  });

  it("filters the ranking by status, organisation and award, and searches titles and authors without accents or case", async () => {
    const s = await setup({ close: false });
    const org = await makeOrganization();
    const other = await viewerOf(await makeUser({ organizationId: org.id, givenName: "Hélène", familyName: "Zorn" }));
    const c1 = await createIdeaFor(other, s.c.id, form("Des légumes locaux à la cantine"), []);
    const c2 = await createIdeaFor(other, s.c.id, form("Covoiturage entre sites"), []);
    await closeCampaignNow(s.c.id);
    await awardIdea(s.c.id, c1.id, "prize", "Pour les circuits courts", s.team);
    const ids = async (q: Parameters<typeof labCampaignPage>[2]) => (await labCampaignPage(s.c.id, s.team, q)).ranking.rows.map((r) => r.id).sort();
    expect(await ids({ q: "LEGUMES cantine" })).toEqual([c1.id]);
    expect(await ids({ q: "helene" })).toEqual([c1.id, c2.id].sort());
    expect(await ids({ q: "helene covoiturage" })).toEqual([c2.id]);
    expect(await ids({ q: "introuvable" })).toEqual([]);
    expect(await ids({ organizationId: org.id })).toEqual([c1.id, c2.id].sort());
    expect(await ids({ awarded: "yes" })).toEqual([c1.id]);
    expect(await ids({ awarded: "no" })).toEqual([s.a.id, s.b.id, c2.id].sort());
    expect(await ids({ status: "submitted" })).toEqual([s.a.id, s.b.id, c2.id].sort());
    expect(await ids({ status: "awarded", organizationId: org.id })).toEqual([c1.id]);
    const page = await labCampaignPage(s.c.id, s.team, { q: "cantine" });
    expect(page.ranking.total).toBe(1);
    expect(page.ideaCount).toBe(4);
    // the award form lists every idea still awaiting a decision, whatever the filters
    expect(page.awardable.map((r) => r.id).sort()).toEqual([s.a.id, s.b.id, c2.id].sort());
    expect(page.organizations).toContainEqual({ value: org.id, label: org.name });
  });
});
