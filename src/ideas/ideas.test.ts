import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeCampaign, makeLab, makeMember, makeOrganization, makeUser, viewerOf } from "../../tests/support/fixtures";
import * as ideas from "./ideas";
import { browseIdeas, commentOn, createIdeaFor, loadIdeaPage, moderateIdea, myIdeas, supportIdea } from "./service";
import { Refusal } from "../kernel/permissions";
import { unreadCount } from "../notifications/notifications";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

const form = (title: string, problem: string, proposal = "Une proposition suffisamment détaillée pour être déposée.") => ({
  title,
  problem,
  proposal,
  beneficiaries: "Les agents",
  coauthorEmails: [] as string[],
  submit: true,
});

describe("ideas on " + (process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"), () => {
  it("searches in French, insensitive to accents and plurals", async () => {
    const lab = await makeLab();
    const c = await makeCampaign(lab.id);
    const author = await viewerOf(await makeUser());
    const a = await createIdeaFor(author, c.id, form("Organiser les ménages du vendredi", "Les ménages des salles de classe sont faits trop tard le vendredi."), []);
    const b = await createIdeaFor(author, c.id, form("Des légumes locaux à la cantine", "Les repas de la cantine viennent de loin."), []);
    const find = async (q: string) => (await ideas.listIdeas({ q, campaignId: c.id })).items.map((i) => i.id);
    expect(await find("menage")).toEqual([a.id]);
    expect(await find("MÉNAGE")).toEqual([a.id]);
    expect(await find("legume")).toEqual([b.id]);
    expect(await find("cantines")).toEqual([b.id]);
    expect(await find("piscine")).toEqual([]);
    // malformed tsquery syntax is harmless
    expect(await find('"& | !(')).toEqual([]);
  });

  it("keeps a draft private, lists submitted ideas with filters and sorts", async () => {
    const lab = await makeLab();
    const org = await makeOrganization();
    const c = await makeCampaign(lab.id);
    const alice = await viewerOf(await makeUser({ organizationId: org.id }));
    const bob = await viewerOf(await makeUser());
    const draft = await createIdeaFor(alice, c.id, { ...form("Mon brouillon secret", ""), submit: false }, []);
    const one = await createIdeaFor(alice, c.id, form("Première idée déposée", "Un problème constaté dans le lycée."), []);
    const two = await createIdeaFor(bob, c.id, form("Seconde idée déposée", "Un autre problème constaté ailleurs."), []);
    await supportIdea(alice, two.id, true);

    const list = await ideas.listIdeas({ campaignId: c.id });
    expect(list.total).toBe(2);
    expect(list.items.map((i) => i.id)).not.toContain(draft.id);
    expect((await ideas.listIdeas({ campaignId: c.id, organizationId: org.id })).items.map((i) => i.id)).toEqual([one.id]);
    expect((await ideas.listIdeas({ campaignId: c.id, sort: "supported" })).items[0].id).toBe(two.id);
    expect((await ideas.listIdeas({ campaignId: c.id, sort: "recent" })).items[0].id).toBe(two.id);

    expect((await loadIdeaPage(draft.id, bob))?.forbidden).toBe(true);
    expect((await loadIdeaPage(draft.id, alice))?.forbidden).toBe(false);
  });

  it("counts a support once and lets it be withdrawn; authors cannot support their own idea", async () => {
    const lab = await makeLab();
    const c = await makeCampaign(lab.id);
    const author = await viewerOf(await makeUser());
    const fan = await viewerOf(await makeUser());
    const idea = await createIdeaFor(author, c.id, form("Une idée à soutenir", "Un problème réel et bien décrit."), []);
    expect(await supportIdea(fan, idea.id, true)).toBe(1);
    expect(await supportIdea(fan, idea.id, true)).toBe(1);
    expect(await supportIdea(fan, idea.id, false)).toBe(0);
    expect(await supportIdea(fan, idea.id, false)).toBe(0);
    await expect(supportIdea(author, idea.id, true)).rejects.toBeInstanceOf(Refusal);
  });

  it("refuses submissions to closed or ineligible campaigns", async () => {
    const lab = await makeLab();
    const org = await makeOrganization();
    const closed = await makeCampaign(lab.id, { opensAt: new Date(Date.now() - 10 * 86400_000), closesAt: new Date(Date.now() - 86400_000) });
    const restricted = await makeCampaign(lab.id, { organizationIds: [org.id] });
    const outsider = await viewerOf(await makeUser());
    const insider = await viewerOf(await makeUser({ organizationId: org.id }));
    await expect(createIdeaFor(outsider, closed.id, form("Trop tard pour cette idée", "Problème décrit en détail."), [])).rejects.toThrow(/clôturée/);
    await expect(createIdeaFor(outsider, restricted.id, form("Pas éligible à la campagne", "Problème décrit en détail."), [])).rejects.toThrow(/éligibles/);
    await expect(createIdeaFor(insider, restricted.id, form("Éligible à la campagne", "Problème décrit en détail."), [])).resolves.toMatchObject({ status: "submitted" });
  });

  it("checks attachments by content, not by name", async () => {
    const lab = await makeLab();
    const c = await makeCampaign(lab.id);
    const author = await viewerOf(await makeUser());
    const pdf = new File([Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj\n")], "note.pdf", { type: "application/pdf" });
    const fake = new File([Buffer.from("<html><script>alert(1)</script>")], "photo.png", { type: "image/png" });
    await expect(createIdeaFor(author, c.id, form("Une idée avec un faux PNG", "Problème décrit en détail."), [fake])).rejects.toThrow(/ni un PDF ni une image/);
    const ok = await createIdeaFor(author, c.id, form("Une idée avec un vrai PDF", "Problème décrit en détail."), [pdf]);
    const atts = await ideas.listAttachments(ok.id);
    expect(atts).toHaveLength(1);
    expect(atts[0]).toMatchObject({ filename: "note.pdf", mime: "application/pdf" });
  });

  it("asks co-authors to confirm, then shows the idea in their « Mes idées »", async () => {
    const lab = await makeLab();
    const c = await makeCampaign(lab.id);
    const author = await viewerOf(await makeUser());
    const coUser = await makeUser();
    const co = await viewerOf(coUser);
    const idea = await createIdeaFor(author, c.id, { ...form("Une idée à deux", "Problème décrit en détail."), coauthorEmails: [coUser.email] }, []);
    expect(await unreadCount(co.userId)).toBe(1);
    expect((await myIdeas(co)).map((i) => i.id)).not.toContain(idea.id);
    expect(await ideas.answerCoauthor(idea.id, co.userId, true)).toBe(true);
    expect((await myIdeas(co)).map((i) => i.id)).toContain(idea.id);
    await expect(createIdeaFor(author, c.id, { ...form("Co-auteur inconnu", "Problème décrit en détail."), coauthorEmails: ["personne@nulle.part"] }, [])).rejects.toThrow(/Co-auteurs : aucun compte n’a l’adresse personne@nulle\.part/);
  });

  it("walks the status workflow with a dated history, and notifies the authors", async () => {
    const lab = await makeLab();
    const c = await makeCampaign(lab.id);
    const team = await viewerOf(await makeMember(lab.id, "lab_team"));
    const author = await viewerOf(await makeUser());
    const commenter = await viewerOf(await makeUser());
    const idea = await createIdeaFor(author, c.id, form("Une idée qui ira loin", "Problème décrit en détail."), []);
    await commentOn(commenter, idea.id, "Bonne idée !");
    expect(await unreadCount(author.userId)).toBe(1);
    const moved = await ideas.startReview([c.id]);
    expect(moved.map((m) => m.id)).toEqual([idea.id]);
    await ideas.award(idea.id, "prize", "Pour sa clarté", team.userId);
    const h = await ideas.history(idea.id);
    expect(h.filter((e) => e.kind === "status").map((e) => e.status)).toEqual(["submitted", "under_review", "awarded"]);
    const mine = await myIdeas(author);
    expect(mine[0]).toMatchObject({ status: "awarded", award_kind: "prize", award_citation: "Pour sa clarté" });
  });

  it("hides an idea with a reason its author sees, and only the lab team of its lab may", async () => {
    const lab = await makeLab();
    const otherLab = await makeLab();
    const c = await makeCampaign(lab.id);
    const team = await viewerOf(await makeMember(lab.id, "lab_team"));
    const foreignTeam = await viewerOf(await makeMember(otherLab.id, "lab_team"));
    const author = await viewerOf(await makeUser());
    const reader = await viewerOf(await makeUser());
    const idea = await createIdeaFor(author, c.id, form("Une idée à modérer", "Problème décrit en détail."), []);
    await expect(moderateIdea(foreignTeam, idea.id, true, "Hors sujet")).rejects.toMatchObject({ status: 403 });
    await expect(moderateIdea(reader, idea.id, true, "Hors sujet")).rejects.toMatchObject({ status: 403 });
    await moderateIdea(team, idea.id, true, "Propos injurieux");
    expect((await loadIdeaPage(idea.id, reader))?.forbidden).toBe(true);
    const seen = await loadIdeaPage(idea.id, author);
    expect(seen && !seen.forbidden && seen.idea.hidden_reason).toBe("Propos injurieux");
    expect((await browseIdeas(reader, { campaignId: c.id })).items).toHaveLength(0);
    expect((await browseIdeas(team, { campaignId: c.id })).items).toHaveLength(1);
  });

  it("reports participation by organisation and unit", async () => {
    const lab = await makeLab();
    const org = await makeOrganization();
    const c = await makeCampaign(lab.id);
    const a = await viewerOf(await makeUser({ organizationId: org.id }));
    const b = await viewerOf(await makeUser({ organizationId: org.id }));
    await createIdeaFor(a, c.id, form("Idée numéro un", "Problème décrit en détail."), []);
    await createIdeaFor(a, c.id, form("Idée numéro deux", "Problème décrit en détail."), []);
    await createIdeaFor(b, c.id, form("Idée numéro trois", "Problème décrit en détail."), []);
    await createIdeaFor(b, c.id, { ...form("Brouillon non compté", ""), submit: false }, []);
    const p = await ideas.participation(c.id);
    expect(p).toMatchObject({ ideas: 3, drafts: 1, authors: 2 });
    expect(p.byOrganization).toEqual([{ organizationId: org.id, ideas: 3, authors: 2 }]);
  });
});
