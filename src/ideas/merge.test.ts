import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeCampaign, makeLab, makeMember, makeUser, viewerOf } from "../../tests/support/fixtures";
import { db } from "../kernel/runtime";
import { listNotifications } from "../notifications/notifications";
import * as ideas from "./ideas";
import { DUPLICATE_THRESHOLD, commentOn, createIdeaFor, duplicatesPage, loadIdeaPage, mergeDuplicate, myIdeas, similarIdeasFor, supportIdea } from "./service";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

const idea = (title: string, problem: string, proposal: string, coauthorEmails: string[] = []) => ({ title, problem, proposal, beneficiaries: "Les élèves", coauthorEmails, submit: true });
const bread = idea(
  "Moins de pain jeté à la cantine",
  "Chaque midi, la cantine du lycée jette des kilos de pain entamé et de baguettes entières.",
  "Mettre le pain en fin de chaîne au self et proposer des demi-baguettes aux élèves.",
);
const breadAgain = idea(
  "Le pain jeté à la cantine du lycée",
  "À la cantine du lycée, on jette chaque midi des kilos de pain et des baguettes entières.",
  "Proposer des demi-baguettes et mettre le pain en fin de chaîne du self.",
);
const bikes = idea("Des vélos de service pour les agents", "Les trajets entre les sites se font en voiture de service.", "Prêter des vélos électriques pour aller d'un site à l'autre.");

async function countsInSync() {
  const drift = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      SELECT campaign_id, lab_id, organization_id, status, hidden_at IS NOT NULL AS hidden, count(*)::int AS n FROM ideas GROUP BY 1, 2, 3, 4, 5
      EXCEPT SELECT campaign_id, lab_id, organization_id, status, hidden, n FROM idea_counts
      UNION ALL
      (SELECT campaign_id, lab_id, organization_id, status, hidden, n FROM idea_counts
       EXCEPT SELECT campaign_id, lab_id, organization_id, status, hidden_at IS NOT NULL, count(*)::int FROM ideas GROUP BY 1, 2, 3, 4, 5)
    ) d`.execute(db());
  return drift.rows[0].n;
}

async function setup() {
  const lab = await makeLab();
  const c = await makeCampaign(lab.id);
  const team = await viewerOf(await makeMember(lab.id, "lab_team"));
  const [keptAuthorU, keptCoU, absorbedAuthorU, absorbedCoU, pendingU] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser(), makeUser()]);
  const [keptAuthor, keptCo, absorbedAuthor, absorbedCo, pending] = await Promise.all([keptAuthorU, keptCoU, absorbedAuthorU, absorbedCoU, pendingU].map(viewerOf));
  const kept = await createIdeaFor(keptAuthor, c.id, idea(bread.title, bread.problem, bread.proposal, [keptCoU.email]), []);
  const absorbed = await createIdeaFor(absorbedAuthor, c.id, idea(breadAgain.title, breadAgain.problem, breadAgain.proposal, [absorbedCoU.email, pendingU.email]), []);
  await ideas.answerCoauthor(kept.id, keptCo.userId, true);
  await ideas.answerCoauthor(absorbed.id, absorbedCo.userId, true);
  return { lab, c, team, keptAuthor, keptCo, absorbedAuthor, absorbedCo, pending, kept, absorbed };
}

describe("likely duplicates and merging on " + (process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"), () => {
  it("lists the near-duplicate pair of a campaign, with its similarity in French", async () => {
    const { c, team, kept, absorbed, keptAuthor } = await setup();
    await createIdeaFor(keptAuthor, c.id, bikes, []);
    const page = await duplicatesPage(team, c.id);
    expect(page.ideaCount).toBe(3);
    expect(page.pairs).toHaveLength(1);
    const [p] = page.pairs;
    expect([p.a.id, p.b.id].sort()).toEqual([kept.id, absorbed.id].sort());
    expect(p.similarity).toBeGreaterThan(0.35);
    expect(p.percent).toMatch(/^\d{1,3}\u00a0%$/);
    expect(p.a.author).not.toBe("");
  });

  it("lists a pair that the hint flagged while typing, even when the texts' cosine is under the threshold", async () => {
    const lab = await makeLab();
    const c = await makeCampaign(lab.id);
    const team = await viewerOf(await makeMember(lab.id, "lab_team"));
    const [first, second, writer] = await Promise.all([makeUser(), makeUser(), makeUser()].map(async (u) => viewerOf(await u)));
    // the same subject in other words: a few rare words in common (« gâchimètre », « plateaux », « restes »)
    const scale = idea(
      "Un gâchimètre au self",
      "Les plateaux reviennent avec beaucoup de restes et personne ne mesure ce qui est perdu.",
      "Installer une balance à la sortie et afficher chaque jour le poids des restes des plateaux.",
    );
    const scaleAgain = idea(
      "Peser les restes des plateaux",
      "Au restaurant scolaire, nul ne sait combien de nourriture finit à la poubelle.",
      "Un gâchimètre : les élèves vident leurs plateaux sur une balance et voient le total du midi.",
    );
    const a = await createIdeaFor(first, c.id, scale, []);
    // while the second author types, the hint shows the first idea
    const hint = await similarIdeasFor(writer, { title: scaleAgain.title, problem: scaleAgain.problem, proposal: scaleAgain.proposal });
    expect(hint!.map((i) => i.id)).toContain(a.id);
    const b = await createIdeaFor(second, c.id, scaleAgain, []);
    await createIdeaFor(first, c.id, bikes, []);
    const page = await duplicatesPage(team, c.id);
    const pair = page.pairs.find((p) => [p.a.id, p.b.id].sort().join() === [a.id, b.id].sort().join());
    expect(pair).toBeDefined();
    expect(pair!.hinted).toBe(true);
    // the engine alone would have said « Aucun doublon probable »
    expect(pair!.similarity).toBeLessThan(DUPLICATE_THRESHOLD);
    expect(pair!.close).toBe(false);
    expect(page.pairs).toHaveLength(1);
    expect(page.threshold).toBe("35\u00a0%");
  });

  it("merges authors, supports and comments into the kept idea, and keeps the absorbed one readable", async () => {
    const s = await setup();
    const [fan1, fan2, fan3, reader] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser()].map(async (u) => viewerOf(await u)));
    await supportIdea(fan1, s.kept.id, true);
    await supportIdea(fan1, s.absorbed.id, true); // both: counted once
    await supportIdea(fan2, s.absorbed.id, true);
    await supportIdea(fan3, s.kept.id, true);
    await supportIdea(s.absorbedAuthor, s.kept.id, true); // becomes an author of the kept idea: not a support any more
    await commentOn(fan1, s.absorbed.id, "Au self de mon lycée aussi !");
    await commentOn(fan2, s.kept.id, "Très bonne idée.");
    const notesBefore = (await listNotifications(s.absorbedAuthor.userId)).length;

    const { kept, absorbed } = await mergeDuplicate(s.team, s.c.id, s.kept.id, s.absorbed.id);

    // authors: the kept idea's author stays; the absorbed idea's author and confirmed co-author join, once
    expect(kept.author_id).toBe(s.keptAuthor.userId);
    const co = await ideas.listCoauthors(kept.id);
    expect(co.filter((x) => x.status === "confirmed").map((x) => x.user_id).sort()).toEqual([s.keptCo.userId, s.absorbedAuthor.userId, s.absorbedCo.userId].sort());
    expect(co.map((x) => x.user_id)).not.toContain(s.pending.userId);
    expect(new Set(co.map((x) => x.user_id)).size).toBe(co.length);
    // supports: the union, one per user, consistent counts
    expect(kept.support_count).toBe(3);
    for (const fan of [fan1, fan2, fan3]) expect(await ideas.hasSupported(kept.id, fan.userId)).toBe(true);
    expect(await ideas.hasSupported(kept.id, s.absorbedAuthor.userId)).toBe(false);
    const counted = await sql<{ n: number }>`SELECT count(*)::int AS n FROM idea_supports WHERE idea_id = ${kept.id}`.execute(db());
    expect(counted.rows[0].n).toBe(3);
    // comments: moved, still theirs
    const comments = await ideas.listComments(kept.id);
    expect(comments.map((x) => [x.author_id, x.body])).toEqual(
      expect.arrayContaining([
        [fan1.userId, "Au self de mon lycée aussi !"],
        [fan2.userId, "Très bonne idée."],
      ]),
    );
    expect(kept.comment_count).toBe(2);
    // the absorbed idea: merged, pointing to the kept one, readable by all, closed to supports and comments
    expect(absorbed).toMatchObject({ status: "merged", merged_into_id: kept.id, support_count: 0, comment_count: 0 });
    const page = await loadIdeaPage(absorbed.id, reader);
    expect(page && !page.forbidden && page.mergedInto).toEqual({ id: kept.id, title: kept.title });
    expect(page && !page.forbidden && page.rights).toMatchObject({ canSupport: false, canComment: false, canEdit: false });
    await expect(supportIdea(reader, absorbed.id, true)).rejects.toMatchObject({ status: 403 });
    // both histories, with who did it
    const [hk, ha] = [await ideas.history(kept.id), await ideas.history(absorbed.id)];
    expect(hk.at(-1)).toMatchObject({ kind: "merge", actor_id: s.team.userId });
    expect(ha.at(-1)).toMatchObject({ kind: "status", status: "merged", actor_id: s.team.userId });
    expect(ha.at(-1)!.note).toContain(kept.title);
    // both authors told
    const toAbsorbed = await listNotifications(s.absorbedAuthor.userId);
    expect(toAbsorbed.length).toBe(notesBefore + 1);
    expect(toAbsorbed[0]).toMatchObject({ kind: "idea_merged", link: `/idees/${kept.id}` });
    expect((await listNotifications(s.keptAuthor.userId)).some((n) => n.kind === "idea_merged")).toBe(true);
    expect((await myIdeas(s.absorbedAuthor)).map((i) => [i.id, i.status])).toEqual(expect.arrayContaining([[absorbed.id, "merged"], [kept.id, "submitted"]]));
    // gone from the list, the similar ideas and the pairs; the counts stay exact
    expect((await ideas.listIdeas({ campaignId: s.c.id })).items.map((i) => i.id)).toEqual([kept.id]);
    expect((await ideas.listIdeas({ campaignId: s.c.id })).total).toBe(1);
    expect((await similarIdeasFor(reader, { title: breadAgain.title, problem: breadAgain.problem, proposal: breadAgain.proposal }))!.map((i) => i.id)).not.toContain(absorbed.id);
    expect((await duplicatesPage(s.team, s.c.id)).pairs).toEqual([]);
    expect(await countsInSync()).toBe(0);
    // merging again is refused
    await expect(mergeDuplicate(s.team, s.c.id, s.kept.id, s.absorbed.id)).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/déjà été fusionnée/) });
  });

  it("lets only the lab team of the campaign's lab see pairs and merge", async () => {
    const s = await setup();
    const otherLab = await makeLab();
    const foreignTeam = await viewerOf(await makeMember(otherLab.id, "lab_team"));
    for (const who of [s.keptAuthor, foreignTeam, await viewerOf(await makeMember(s.lab.id, "agent"))]) {
      await expect(duplicatesPage(who, s.c.id)).rejects.toMatchObject({ status: 403 });
      await expect(mergeDuplicate(who, s.c.id, s.kept.id, s.absorbed.id)).rejects.toMatchObject({ status: 403 });
    }
    await expect(duplicatesPage(s.team, "00000000-0000-0000-0000-000000000000")).rejects.toMatchObject({ status: 404 });
    expect((await ideas.getIdea(s.absorbed.id))?.status).toBe("submitted");
  });

  it("refuses merging an idea with itself, across campaigns, or an unknown idea, in French", async () => {
    const s = await setup();
    const other = await makeCampaign(s.lab.id);
    const elsewhere = await createIdeaFor(s.keptAuthor, other.id, breadAgain, []);
    await expect(mergeDuplicate(s.team, s.c.id, s.kept.id, s.kept.id)).rejects.toMatchObject({ status: 400, message: "Une idée ne peut pas être fusionnée avec elle-même." });
    await expect(mergeDuplicate(s.team, s.c.id, s.kept.id, elsewhere.id)).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/campagnes différentes/) });
    await expect(mergeDuplicate(s.team, other.id, elsewhere.id, s.kept.id)).rejects.toMatchObject({ status: 400 });
    await expect(mergeDuplicate(s.team, s.c.id, s.kept.id, "00000000-0000-0000-0000-000000000000")).rejects.toMatchObject({ status: 404 });
    expect((await ideas.getIdea(elsewhere.id))?.status).toBe("submitted");
    expect(await countsInSync()).toBe(0);
  });
});
