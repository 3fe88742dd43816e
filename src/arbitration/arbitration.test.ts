import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeCampaign, makeLab, makeMember, makeOrganization, makeTheme, makeUser, viewerOf } from "../../tests/support/fixtures";
import { createUser } from "../accounts/accounts";
import { ensureUnit } from "../organizations/organizations";
import { grantRole } from "../labs/labs";
import { db } from "../kernel/runtime";
import { createIdeaFor } from "../ideas/service";
import { answerCoauthor, award, inviteCoauthor } from "../ideas/ideas";
import { listNotifications } from "../notifications/notifications";
import { declineInvitation, join, openMinilab } from "../minilabs/service";
import { moveIdea } from "../themes";
import * as arb from "./arbitration";
import { inviteMembers } from "../minilabs/minilabs";
import { listLabMails } from "../kernel/mail/outbox";
import { getUser } from "../accounts/accounts";
import { proposalCounts } from "./service";
import { arbitrationPage, createProposalFor, decide, minilabProposals, normaliseDirectorate, proposalAttachment, proposalPage, submitProposal, updateProposalFor, type DecisionInput } from "./service";
import { byDate, ideaTrace, ideaTraces } from "./trace";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

const DAY = 86_400_000;
const ideaForm = (title: string) => ({
  title,
  problem: "Un problème décrit en détail.",
  proposal: "Une proposition décrite en détail.",
  beneficiaries: "Les agents",
  coauthorEmails: [],
  submit: true,
});
const proposalFields = (over: Partial<arb.ProposalFields> = {}): arb.ProposalFields => ({
  title: "Composter les restes des cantines",
  problem: "Des tonnes de restes partent à l’incinération chaque année.",
  solution: "Un composteur par lycée, animé par les équipes de cuisine.",
  impact: "Moins de déchets, un sol pour le jardin pédagogique.",
  resources: "Un composteur et deux heures de formation par site.",
  costEur: 12000,
  directorate: "Direction de l'environnement",
  ...over,
});
const pdf = () => new File([Buffer.from("%PDF-1.4\n% test\n")], "etude.pdf", { type: "application/pdf" });

/** A user in a directorate (their unit), holding the director role in the lab. */
async function makeDirector(labId: string, unit: string) {
  const org = await makeOrganization();
  const u = await ensureUnit(org.id, unit);
  const user = await createUser({ email: `dir.${Math.random().toString(36).slice(2)}@example.fr`, givenName: "Directrice", familyName: unit, organizationId: org.id, unitId: u.id, isDemo: true });
  await grantRole(user.id, labId, "director");
  return viewerOf(user);
}

/** A lab with a published theme (two ideas, one co-authored), a Mini-Lab opened from it, members and directors. */
async function setup() {
  const lab = await makeLab();
  const c = await makeCampaign(lab.id);
  const team = await viewerOf(await makeMember(lab.id, "lab_team"));
  const [a1, a2, co, outsider, owner] = [await makeUser(), await makeUser(), await makeUser(), await makeUser(), await makeUser()];
  const i1 = await createIdeaFor(await viewerOf(a1), c.id, ideaForm("Composter à la cantine"), []);
  const i2 = await createIdeaFor(await viewerOf(a2), c.id, ideaForm("Peser les restes des plateaux"), []);
  const awarded = await createIdeaFor(await viewerOf(outsider), c.id, ideaForm("Une application de covoiturage"), []);
  await award(awarded.id, "prize", "Une idée simple et utile.", team.userId);
  await inviteCoauthor(i2.id, co.id, a2.id);
  await answerCoauthor(i2.id, co.id, true);
  const theme = await makeTheme({ labId: lab.id, campaignId: c.id, ideaIds: [i1.id, i2.id], label: "Gaspillage à la cantine", curatorId: team.userId });
  const facilitator = await makeUser();
  const m = await openMinilab(team, lab.slug, {
    themeId: theme.id,
    name: "Mini-Lab anti-gaspi",
    question: "Comment réduire le gaspillage à la cantine sans allonger le service ?",
    joinPolicy: "open",
    facilitatorEmails: [facilitator.email],
    sessionsFrom: new Date(Date.now() - DAY),
    sessionsUntil: new Date(Date.now() + 60 * DAY),
    restitutionOn: new Date(Date.now() + 90 * DAY),
    arbitrationOn: new Date(Date.now() + 120 * DAY),
    directorates: ["Direction des lycées", "Direction de l’environnement"],
  });
  const member = await viewerOf(a1);
  await join(member, m.id);
  const volunteer = await viewerOf(await makeUser());
  await join(volunteer, m.id);
  const envDirector = await makeDirector(lab.id, "Direction de l'environnement");
  const lyceesDirector = await makeDirector(lab.id, "Direction des lycées");
  const otherLab = await makeLab();
  const strangerDirector = await makeDirector(otherLab.id, "Direction de l'environnement");
  return { lab, team, a1, a2, co, outsider, owner, i1, i2, awarded, theme, m, member, volunteer, facilitator: await viewerOf(facilitator), envDirector, lyceesDirector, strangerDirector };
}

const adopt = (owner: string, over: Partial<DecisionInput> = {}): DecisionInput => ({
  outcome: "adopted",
  reason: "Peu coûteux, utile, déjà testé dans deux lycées.",
  followUpEmail: owner,
  followUpDue: new Date(Date.now() + 90 * DAY),
  correctsId: null,
  ...over,
});

describe("proposals", () => {
  it("are written by members, edited as drafts, submitted by the author or a facilitator, then frozen", async () => {
    const s = await setup();
    const p = await createProposalFor(s.member, s.m.id, proposalFields({ directorate: "direction de l’environnement" }), [pdf()]);
    expect(p).toMatchObject({ status: "draft", directorate: "Direction de l’environnement", cost_eur: 12000, author_id: s.a1.id });
    // another member edits the draft; a non-member may neither see nor edit it
    const edited = await updateProposalFor(s.volunteer, p.id, proposalFields({ title: "Composter les restes, lycée par lycée", costEur: null }), [], []);
    expect(edited).toMatchObject({ title: "Composter les restes, lycée par lycée", cost_eur: null });
    const stranger = await viewerOf(await makeUser());
    await expect(proposalPage(stranger, p.id)).rejects.toMatchObject({ status: 404 });
    await expect(updateProposalFor(stranger, p.id, proposalFields(), [], [])).rejects.toMatchObject({ status: 404 });
    await expect(createProposalFor(stranger, s.m.id, proposalFields(), [])).rejects.toMatchObject({ status: 403 });
    expect((await minilabProposals(stranger, s.m.id)).proposals).toEqual([]);
    expect((await minilabProposals(s.team, s.m.id)).proposals.map((x) => x.id)).toEqual([p.id]);
    // a directorate the Mini-Lab does not address is refused, next to the field
    await expect(createProposalFor(s.member, s.m.id, proposalFields({ directorate: "Direction des finances" }), [])).rejects.toMatchObject({ status: 400, field: "directorate" });
    // attachments: sniffed, not trusted
    const fake = new File(["<html>"], "page.pdf", { type: "application/pdf" });
    await expect(createProposalFor(s.member, s.m.id, proposalFields(), [fake])).rejects.toMatchObject({ status: 400, field: "attachments" });
    const page = await proposalPage(s.member, p.id);
    expect(page.attachments.map((a) => a.filename)).toEqual(["etude.pdf"]);
    expect((await proposalAttachment(s.volunteer, p.id, page.attachments[0].id)).content.toString()).toContain("%PDF");
    // only the author or a facilitator submits
    await expect(submitProposal(s.volunteer, p.id)).rejects.toMatchObject({ status: 403 });
    const submitted = await submitProposal(s.facilitator, p.id);
    expect(submitted).toMatchObject({ status: "submitted", submitted_by: s.facilitator.userId });
    await expect(submitProposal(s.member, p.id)).rejects.toMatchObject({ status: 409 });
    await expect(updateProposalFor(s.member, p.id, proposalFields(), [], [])).rejects.toMatchObject({ status: 403 });
    // frozen in the database too
    await expect(sql`UPDATE proposals SET title = 'x' WHERE id = ${p.id}`.execute(db())).rejects.toThrow(/frozen/);
    // once submitted, anyone signed in reads it
    expect((await proposalPage(stranger, p.id)).proposal.status).toBe("submitted");
    expect((await minilabProposals(stranger, s.m.id)).proposals.map((x) => x.statusLabel)).toEqual(["Soumise pour restitution"]);
  });
});

describe("decisions", () => {
  it("only a director of the addressed directorate, in the Mini-Lab's lab, decides", async () => {
    const s = await setup();
    const p = await createProposalFor(s.member, s.m.id, proposalFields(), []);
    // not before submission
    await expect(decide(s.envDirector, p.id, adopt(s.owner.email))).rejects.toMatchObject({ status: 404 });
    await submitProposal(s.member, p.id);
    for (const who of [s.lyceesDirector, s.strangerDirector, s.member, s.team, s.facilitator]) await expect(decide(who, p.id, adopt(s.owner.email))).rejects.toMatchObject({ status: 403 });
    expect((await proposalPage(s.lyceesDirector, p.id)).rights.canDecide).toBe(false);
    expect((await proposalPage(s.envDirector, p.id)).rights.canDecide).toBe(true);
    // the /arbitrage page: the env director sees it pending; the other director does not see it; agents are refused
    expect((await arbitrationPage(s.envDirector)).pending.map((x) => x.id)).toEqual([p.id]);
    expect((await arbitrationPage(s.lyceesDirector)).pending).toEqual([]);
    expect((await arbitrationPage(s.strangerDirector)).pending).toEqual([]);
    await expect(arbitrationPage(s.member)).rejects.toMatchObject({ status: 403 });
    const d = await decide(s.envDirector, p.id, adopt(s.owner.email));
    expect(d).toMatchObject({ outcome: "adopted", follow_up_owner_id: s.owner.id, corrects_id: null });
    const after = await arbitrationPage(s.envDirector);
    expect(after.pending).toEqual([]);
    expect(after.decided.map((x) => x.decision?.label)).toEqual(["Adoptée"]);
    expect(normaliseDirectorate("Direction de l’Environnement ")).toBe(normaliseDirectorate("direction de l'environnement"));
  });

  it("of a private Mini-Lab are seen by its members, the lab team and the addressed directorate only", async () => {
    const s = await setup();
    const secret = await openMinilab(s.team, s.lab.slug, {
      themeId: null,
      name: "Mini-Lab confidentiel",
      question: "Comment réorganiser les équipes de cuisine sans l’annoncer trop tôt ?",
      joinPolicy: "open",
      visibility: "private",
      facilitatorEmails: [],
      sessionsFrom: new Date(Date.now() - DAY),
      sessionsUntil: new Date(Date.now() + 60 * DAY),
      restitutionOn: new Date(Date.now() + 90 * DAY),
      arbitrationOn: new Date(Date.now() + 120 * DAY),
      directorates: ["Direction de l’environnement"],
    });
    await inviteMembers(secret.id, [s.a2.id]);
    const insider = await viewerOf(s.a2);
    await join(insider, secret.id);
    const p = await createProposalFor(insider, secret.id, { ...proposalFields(), directorate: "Direction de l’environnement" }, []);
    await submitProposal(insider, p.id);
    await expect(minilabProposals(s.volunteer, secret.id)).rejects.toMatchObject({ status: 404 });
    await expect(proposalPage(s.volunteer, p.id)).rejects.toMatchObject({ status: 404 });
    await expect(proposalPage(s.lyceesDirector, p.id)).rejects.toMatchObject({ status: 404 });
    expect((await proposalPage(s.envDirector, p.id)).rights.canDecide).toBe(true);
    expect((await minilabProposals(s.team, secret.id)).proposals.map((x) => x.id)).toEqual([p.id]);
  });

  it("are counted per Mini-Lab for the lab's overview: written, submitted, awaiting a decision", async () => {
    const s = await setup();
    await createProposalFor(s.member, s.m.id, proposalFields({ title: "Un brouillon" }), []);
    const waiting = await createProposalFor(s.member, s.m.id, proposalFields({ title: "En attente" }), []);
    await submitProposal(s.member, waiting.id);
    const decided = await createProposalFor(s.member, s.m.id, proposalFields({ title: "Décidée" }), []);
    await submitProposal(s.member, decided.id);
    await decide(s.envDirector, decided.id, adopt(s.owner.email, { outcome: "deferred", followUpEmail: null, followUpDue: null }));
    expect((await proposalCounts([s.m.id])).get(s.m.id)).toEqual({ written: 3, submitted: 2, pending: 1 });
  });

  it("need a reason, and a follow-up owner and due date when adopted", async () => {
    const s = await setup();
    const p = await createProposalFor(s.member, s.m.id, proposalFields(), []);
    await submitProposal(s.member, p.id);
    await expect(decide(s.envDirector, p.id, adopt(s.owner.email, { reason: "  " }))).rejects.toMatchObject({ status: 400, field: "reason" });
    await expect(decide(s.envDirector, p.id, adopt(s.owner.email, { followUpEmail: null }))).rejects.toMatchObject({ status: 400, field: "followUpOwner" });
    await expect(decide(s.envDirector, p.id, adopt("personne@nulle-part.fr"))).rejects.toMatchObject({ status: 400, field: "followUpOwner" });
    await expect(decide(s.envDirector, p.id, adopt(s.owner.email, { outcome: "adopted_modified", followUpDue: null }))).rejects.toMatchObject({ status: 400, field: "followUpDue" });
    await expect(decide(s.envDirector, p.id, adopt(s.owner.email, { followUpDue: new Date(Date.now() - 10 * DAY) }))).rejects.toMatchObject({ status: 400, field: "followUpDue" });
    expect((await arb.decisionsOf([p.id])).get(p.id)).toBeUndefined();
    // deferred or refused: no follow-up needed (and none kept)
    const d = await decide(s.envDirector, p.id, adopt(s.owner.email, { outcome: "deferred", followUpEmail: null, followUpDue: null }));
    expect(d).toMatchObject({ outcome: "deferred", follow_up_owner_id: null, follow_up_due: null });
    // the database refuses an adoption without follow-up, whoever writes
    await expect(
      arb.insertDecision({ proposalId: p.id, outcome: "adopted", reason: "x", followUpOwnerId: null, followUpDue: null, correctsId: d.id, decidedBy: s.envDirector.userId }),
    ).rejects.toThrow();
  });

  it("are immutable; a correction references the current decision and replaces it; the history keeps all", async () => {
    const s = await setup();
    const p = await createProposalFor(s.member, s.m.id, proposalFields(), []);
    await submitProposal(s.member, p.id);
    const first = await decide(s.envDirector, p.id, adopt(s.owner.email, { outcome: "rejected", followUpEmail: null, followUpDue: null, reason: "Trop coûteux pour cette année." }));
    // a second first decision is refused: it must be a correction
    await expect(decide(s.envDirector, p.id, adopt(s.owner.email))).rejects.toMatchObject({ status: 409 });
    const second = await decide(s.envDirector, p.id, adopt(s.owner.email, { correctsId: first.id, reason: "Erreur de lecture du devis : le coût est faible." }));
    expect(second.corrects_id).toBe(first.id);
    // correcting a decision that is no longer current is refused
    await expect(decide(s.envDirector, p.id, adopt(s.owner.email, { correctsId: first.id }))).rejects.toMatchObject({ status: 409 });
    const page = await proposalPage(s.a2 ? await viewerOf(s.a2) : s.member, p.id);
    expect(page.decisions.map((d) => [d.outcomeLabel, d.current])).toEqual([
      ["Refusée", false],
      ["Adoptée", true],
    ]);
    expect(page.currentId).toBe(second.id);
    // no update or delete path, even in SQL
    await expect(sql`UPDATE decisions SET reason = 'autre' WHERE id = ${first.id}`.execute(db())).rejects.toThrow(/immutable/);
    await expect(sql`DELETE FROM decisions WHERE id = ${first.id}`.execute(db())).rejects.toThrow(/immutable/);
    // a chain, not a tree: the same decision cannot be corrected twice
    await expect(
      arb.insertDecision({ proposalId: p.id, outcome: "deferred", reason: "bis", followUpOwnerId: null, followUpDue: null, correctsId: first.id, decidedBy: s.envDirector.userId }),
    ).rejects.toThrow();
    expect(Object.keys(arb)).not.toContain("updateDecision");
  });

  it("are notified to the Mini-Lab's members, the holders of the theme's ideas and the follow-up owner", async () => {
    const s = await setup();
    const p = await createProposalFor(s.member, s.m.id, proposalFields(), []);
    await submitProposal(s.member, p.id);
    await decide(s.envDirector, p.id, adopt(s.owner.email));
    for (const u of [s.a1.id, s.a2.id, s.co.id, s.volunteer.userId, s.facilitator.userId]) {
      const notes = await listNotifications(u);
      expect(
        notes.some((n) => n.kind === "proposal_decision" && n.link === `/propositions/${p.id}` && n.title.includes("adoptée")),
        u,
      ).toBe(true);
    }
    expect((await listNotifications(s.owner.id)).map((n) => n.kind)).toContain("follow_up");
    expect(await listNotifications(s.outsider.id)).not.toContainEqual(expect.objectContaining({ kind: "proposal_decision" }));
    // the addressed directorate was told of the submission; the other one was not
    expect((await listNotifications(s.envDirector.userId)).map((n) => n.kind)).toEqual(["proposal_submitted"]);
    expect(await listNotifications(s.lyceesDirector.userId)).toEqual([]);
    // and the same people by email, through the outbox
    const mails = (await listLabMails(s.lab.id, { limit: 500 })).mails;
    const to = (subject: RegExp) => mails.filter((x) => subject.test(x.subject)).map((x) => x.to).sort();
    const emailOf = async (id: string) => (await getUser(id))!.email;
    const expected = await Promise.all([s.a1.id, s.a2.id, s.co.id, s.volunteer.userId, s.facilitator.userId].map(emailOf));
    expect(to(/^Décision sur la proposition «\s?Composter/)).toEqual(expect.arrayContaining(expected.sort()));
    expect(to(/^Décision sur la proposition/)).not.toContain(s.outsider.email);
    expect(to(/^Vous suivez la proposition adoptée/)).toEqual([s.owner.email]);
    expect(to(/attend votre décision$/)).toEqual([await emailOf(s.envDirector.userId)]);
    const holderMail = mails.find((x) => x.to === s.a2.email && x.subject.startsWith("Décision"))!;
    expect(holderMail.text).toContain("une de vos idées fait partie de la problématique");
  });
});

describe("the idea's trace", () => {
  it("follows a theme idea through the Mini-Lab and its proposal to the current decision and its follow-up, in date order", async () => {
    const s = await setup();
    const holder = await viewerOf(s.a2);
    let t = await ideaTrace(holder, s.i2.id);
    expect(t?.status).toBe("En Mini-Lab «\u00a0Mini-Lab anti-gaspi\u00a0»");
    expect(t?.steps.map((x) => x.kind)).toEqual(["campaign", "theme", "minilab"]);
    const p = await createProposalFor(s.member, s.m.id, proposalFields(), []);
    expect((await ideaTrace(holder, s.i2.id))?.steps.map((x) => x.kind)).toEqual(["campaign", "theme", "minilab"]);
    await submitProposal(s.member, p.id);
    expect((await ideaTrace(holder, s.i2.id))?.status).toBe("Une proposition du Mini-Lab est soumise, en attente de décision");
    const first = await decide(s.envDirector, p.id, adopt(s.owner.email, { outcome: "deferred", followUpEmail: null, followUpDue: null }));
    expect((await ideaTrace(holder, s.i2.id))?.status).toBe("Une proposition du Mini-Lab anti-gaspi a été reportée");
    const due = new Date("2027-03-15T00:00:00+01:00");
    await decide(s.envDirector, p.id, adopt(s.owner.email, { correctsId: first.id, followUpDue: due }));
    t = await ideaTrace(holder, s.i2.id);
    expect(t?.steps.map((x) => x.kind)).toEqual(["campaign", "theme", "minilab", "proposal", "decision", "decision", "follow_up"]);
    expect(t?.steps.filter((x) => x.kind === "decision").map((x) => x.superseded)).toEqual([true, false]);
    // what was decided, and about what: a proposal of the Mini-Lab, not the idea itself
    expect(t?.status).toMatch(/^Une proposition du Mini-Lab anti-gaspi a été adoptée — suivi par Agent \S+ d’ici le 15 mars 2027$/);
    expect(t?.steps.find((x) => x.kind === "decision" && !x.superseded)?.title).toBe("Décision corrigée sur la proposition «\u00a0Composter les restes des cantines\u00a0»\u00a0: adoptée");
    expect(t?.steps.find((x) => x.kind === "decision" && !x.superseded)?.detail).toContain("Peu coûteux");
    const dated = t!.steps.filter((x) => x.date).map((x) => Math.max(new Date(x.date!).getTime(), x.after ? new Date(x.after).getTime() : 0));
    expect(dated).toEqual([...dated].sort((a, b) => a - b));
  });

  it("orders steps by date, an undated step staying after the dated one before it", () => {
    const at = (d: string) => new Date(d);
    const steps = byDate([
      { kind: "campaign", title: "a", date: at("2020-01-01") },
      { kind: "review", title: "b" },
      { kind: "theme", title: "c", date: at("2021-06-01") },
      { kind: "minilab", title: "d", date: at("2021-03-01") },
      { kind: "proposal", title: "e", date: at("2021-05-01") },
      { kind: "follow_up", title: "f" },
    ]);
    expect(steps.map((x) => x.title)).toEqual(["a", "b", "d", "e", "f", "c"]);
    // a step that cannot come before another one (a Mini-Lab after its theme) keeps its place
    const later = byDate([
      { kind: "theme", title: "theme", date: at("2021-06-01") },
      { kind: "minilab", title: "minilab", date: at("2021-03-01"), after: at("2021-06-01") },
      { kind: "campaign", title: "campaign", date: at("2020-01-01") },
    ]);
    expect(later.map((x) => x.title)).toEqual(["campaign", "theme", "minilab"]);
  });

  it("ends with the award for an awarded idea, and every idea has a status", async () => {
    const s = await setup();
    const all = await ideaTraces(s.team, [s.awarded.id, s.i1.id, s.i2.id]);
    expect(all.get(s.awarded.id)).toMatchObject({ status: "Primée (prix)", steps: [{ kind: "campaign" }, { kind: "award", detail: "Une idée simple et utile." }] });
    for (const t of all.values()) expect(t.status.length).toBeGreaterThan(3);
    // an idea of a campaign still open, in no theme
    const lone = await createIdeaFor(await viewerOf(await makeUser()), (await makeCampaign(s.lab.id)).id, ideaForm("Une idée isolée"), []);
    expect((await ideaTrace(s.team, lone.id))?.status).toBe("Déposée, en attente de la clôture de la campagne");
  });
});

describe("a private Mini-Lab in the traces and notifications of its theme's ideas", () => {
  /** A private Mini-Lab on a published theme: a1 joins, a2 declines, a late idea's author is never invited. */
  async function privateSetup() {
    const lab = await makeLab();
    const c = await makeCampaign(lab.id);
    const team = await viewerOf(await makeMember(lab.id, "lab_team"));
    const [a1, a2, late, owner] = [await makeUser(), await makeUser(), await makeUser(), await makeUser()];
    const i1 = await createIdeaFor(await viewerOf(a1), c.id, ideaForm("Trier les biodéchets"), []);
    const i2 = await createIdeaFor(await viewerOf(a2), c.id, ideaForm("Composter au lycée"), []);
    const i3 = await createIdeaFor(await viewerOf(late), c.id, ideaForm("Un potager pédagogique"), []);
    const theme = await makeTheme({ labId: lab.id, campaignId: c.id, ideaIds: [i1.id, i2.id, i3.id], label: "Biodéchets", curatorId: team.userId });
    // the lab team sets the third idea aside before opening the Mini-Lab...
    await moveIdea(team, theme.analysis_id, i3.id, "a-classer");
    const name = `Mini-Lab secret ${Math.random().toString(36).slice(2)}`;
    const m = await openMinilab(team, lab.slug, {
      themeId: theme.id,
      name,
      question: "Comment valoriser les biodéchets des cantines sans odeurs ni nuisibles ?",
      joinPolicy: "open",
      visibility: "private",
      facilitatorEmails: [],
      sessionsFrom: new Date(Date.now() - DAY),
      sessionsUntil: new Date(Date.now() + 60 * DAY),
      restitutionOn: new Date(Date.now() + 90 * DAY),
      arbitrationOn: new Date(Date.now() + 120 * DAY),
      directorates: ["Direction de l'environnement"],
    });
    const member = await viewerOf(a1);
    await join(member, m.id);
    await declineInvitation(await viewerOf(a2), m.id);
    // ...and moves it back after the opening: its author was never invited
    await moveIdea(team, theme.analysis_id, i3.id, theme.id);
    const director = await makeDirector(lab.id, "Direction de l'environnement");
    const p = await createProposalFor(member, m.id, proposalFields({ title: `Proposition secrète ${name}` }), []);
    await submitProposal(member, p.id);
    const d = await decide(director, p.id, adopt(owner.email, { reason: `Motif secret ${name}` }));
    return { lab, team, a1, a2, late, owner, i1, i2, i3, m, name, p, d, member, director };
  }

  it("shows the private Mini-Lab, its proposal and decision to its members and the lab team only", async () => {
    const s = await privateSetup();
    const strings = (t: unknown) => JSON.stringify(t);
    // a member and the lab team see it all
    for (const v of [s.member, s.team]) {
      const t = strings(await ideaTraces(v, [s.i1.id, s.i2.id, s.i3.id]).then((x) => [...x.values()]));
      expect(t).toContain(s.name);
      expect(t).toContain(s.p.title);
      expect(t).toContain("Motif secret");
    }
    // the author who declined, the late author never invited, an agent of another lab, the director: nothing of it
    const otherLabTeam = await viewerOf(await makeMember((await makeLab()).id, "lab_team"));
    for (const v of [await viewerOf(s.a2), await viewerOf(s.late), otherLabTeam, s.director]) {
      const traces = await ideaTraces(v, [s.i1.id, s.i2.id, s.i3.id]);
      const t = strings([...traces.values()]);
      expect(t).not.toContain(s.name);
      expect(t).not.toContain(s.p.title);
      expect(t).not.toContain("Motif secret");
      expect(t).not.toContain(s.m.id);
      expect(t).not.toContain(s.p.id);
      for (const trace of traces.values()) {
        expect(trace.steps.map((x) => x.kind)).toEqual(["campaign", "theme"]);
        expect(trace.status).toBe("Dans la problématique «\u00a0Biodéchets\u00a0»");
      }
    }
  });

  it("tells the decision only to whoever may see the private Mini-Lab, in the application and by mail, and to the follow-up owner", async () => {
    const s = await privateSetup();
    const told = async (userId: string) => JSON.stringify(await listNotifications(userId));
    expect(await told(s.a1.id)).toContain(s.p.title);
    for (const u of [s.a2.id, s.late.id]) {
      const text = await told(u);
      expect(text).not.toContain(s.p.title);
      expect(text).not.toContain("Motif secret");
    }
    // the late author was never told the Mini-Lab's name at all
    expect(await told(s.late.id)).not.toContain(s.name);
    const mails = (await listLabMails(s.lab.id, { limit: 500 })).mails.filter((x) => x.subject.startsWith("Décision"));
    expect(mails.map((x) => x.to)).toContain(s.a1.email);
    expect(mails.map((x) => x.to)).not.toContain(s.a2.email);
    expect(mails.map((x) => x.to)).not.toContain(s.late.email);
    // the follow-up owner is told, and may read the proposal they follow (not the Mini-Lab)
    expect(await told(s.owner.id)).toContain(s.p.title);
    expect((await proposalPage(await viewerOf(s.owner), s.p.id)).proposal.title).toBe(s.p.title);
    await expect(proposalPage(await viewerOf(s.late), s.p.id)).rejects.toMatchObject({ status: 404 });
  });

  it("marks the deciding director's « proposition soumise » notification read, and shows the decided status", async () => {
    const s = await privateSetup();
    const mine = (await listNotifications(s.director.userId)).filter((n) => n.kind === "proposal_submitted");
    expect(mine).toHaveLength(1);
    expect(mine[0].read_at).not.toBeNull();
    const page = await proposalPage(s.member, s.p.id);
    expect(page.proposal.statusLabel).toBe("Adoptée");
    expect(page.proposal.statusTone).toBe("success");
    expect((await minilabProposals(s.member, s.m.id)).proposals[0].statusLabel).toBe("Adoptée");
  });
});
