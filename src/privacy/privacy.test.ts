import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeCampaign, makeLab, makeOrganization, makeTheme, makeUser } from "../../tests/support/fixtures";
import { createCampaign } from "../campaigns/campaigns";
import { displayName, getUser, getUserContacts } from "../accounts/accounts";
import { addComment, createIdea, inviteCoauthor, setSupport } from "../ideas/ideas";
import { grantRole, loadPrincipal } from "../labs/labs";
import { createMinilab } from "../minilabs/minilabs";
import { createSession as createMinilabSession, recordAttendance } from "../minilabs/sessions";
import { addNote, boardNotes } from "../minilabs/board";
import { createProposal } from "../arbitration/arbitration";
import { addReply, createCommunity, createQuestion, createThread, saveAnswer, setMembership, listMembers } from "../communities/communities";
import { listNotifications, notify } from "../notifications/notifications";
import { setMailPreferences } from "../notifications/preferences";
import { createSession, readSession } from "../kernel/auth/sessions";
import { getMail, insertMails } from "../kernel/mail/outbox";
import { deliverMails } from "../kernel/mail/mail";
import { Refusal } from "../kernel/permissions";
import { deleteAccount, deletionPseudonym, personalDataJson, personalDataOf } from "./index";
import { deletionsOf } from "./db/deletions";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

const DAY = 86_400_000;
const fields = (title: string) => ({ title, problem: `Problème de ${title}`, proposal: `Proposition de ${title}`, beneficiaries: "Les agents" });

/** An agent with something in every module, and a neighbour who writes in the same places. */
async function agentWithEverything(tag: string) {
  const org = await makeOrganization();
  const lab = await makeLab();
  const campaign = await makeCampaign(lab.id);
  const me = await makeUser({ organizationId: org.id, givenName: `Camille${tag}`, familyName: `Durand${tag}`, email: `camille.${tag}@example.fr` });
  const other = await makeUser({ givenName: `Dominique${tag}`, familyName: `Martin${tag}`, email: `dominique.${tag}@example.fr` });
  await grantRole(me.id, lab.id, "lab_team");
  const mine = await createIdea({ ...fields(`Idée de Camille ${tag}`), campaignId: campaign.id, labId: lab.id, authorId: me.id, organizationId: org.id, unitId: null, submit: true });
  const theirs = await createIdea({ ...fields(`Idée de Dominique ${tag}`), campaignId: campaign.id, labId: lab.id, authorId: other.id, organizationId: null, unitId: null, submit: true });
  await makeTheme({ labId: lab.id, campaignId: campaign.id, ideaIds: [mine.id, theirs.id], label: `Thème de Camille ${tag}`, curatorId: me.id });
  const now = Date.now();
  await createCampaign({ labId: lab.id, title: `Campagne de Camille ${tag}`, summary: "r", description: "d", rules: "", opensAt: new Date(now), closesAt: new Date(now + 30 * DAY), scaleMax: 5, criteria: [{ label: "Utilité", weight: 1 }], organizationIds: [], createdBy: me.id });
  await addComment(theirs.id, me.id, `Commentaire de Camille ${tag}`);
  await addComment(mine.id, other.id, `Commentaire de Dominique ${tag}`);
  await setSupport(theirs.id, me.id, true);
  await inviteCoauthor(theirs.id, me.id, other.id);
  const day = new Date(Date.now() + 7 * DAY);
  const minilab = await createMinilab(
    { labId: lab.id, themeId: null, themeLabel: null, name: `Mini-Lab ${tag}`, question: "Comment faire ?", joinPolicy: "open", sessionsFrom: day, sessionsUntil: day, restitutionOn: day, arbitrationOn: day, directorates: ["DRH"], createdBy: null },
    [me.id],
    [other.id],
  );
  const session = await createMinilabSession(minilab.id, { title: "Séance 1", startsAt: day, durationMinutes: 60, place: "Salle 1", videoUrl: null, agenda: "", methods: [], dots: 3 }, me.id);
  await recordAttendance(session.id, [{ userId: me.id, present: true }], me.id);
  await addNote(session.id, "idees", `Post-it de Camille ${tag}`, { id: me.id, name: displayName(me) });
  await addNote(session.id, "idees", `Post-it de Dominique ${tag}`, { id: other.id, name: displayName(other) });
  await createProposal(minilab.id, me.id, { title: `Proposition ${tag}`, problem: "p", solution: "s", impact: "i", resources: "r", costEur: null, directorate: "DRH" });
  const community = await createCommunity(lab.id, { name: `Communauté ${tag}`, profession: "Cuisine", description: "d" }, null);
  await setMembership(community.id, me.id, "active");
  await setMembership(community.id, other.id, "active");
  const thread = await createThread({ communityId: community.id, authorId: me.id, kind: "discussion", title: `Fil de Camille ${tag}`, body: "Bonjour" });
  await addReply(thread.id, other.id, `Réponse de Dominique ${tag}`);
  await addReply(thread.id, me.id, `Réponse de Camille ${tag}`);
  const question = await createQuestion({ communityId: community.id, askedBy: other.id, question: "Votre avis ?", closesAt: null });
  await saveAnswer(question.id, me.id, `Réponse au panel de Camille ${tag}`);
  await notify([
    { userId: me.id, kind: "idea_status", title: `Notification pour Camille ${tag}` },
    { userId: other.id, kind: "idea_status", title: `Notification pour Dominique ${tag}` },
  ]);
  await setMailPreferences(me.id, []);
  const cookie = await createSession(me.id);
  const [pending, sent] = await insertMails([
    { kind: "minilab_invitation", to: me.email, subject: `Invitation ${tag}`, text: `Bonjour Camille ${tag}`, html: `<p>Bonjour Camille ${tag}</p>` },
    { kind: "minilab_invitation", to: me.email, subject: `Ancienne ${tag}`, text: `Ancien texte ${tag}`, html: "<p>x</p>" },
    { kind: "minilab_invitation", to: other.email, subject: `Invitation ${tag}`, text: `Bonjour Dominique ${tag}`, html: `<p>Bonjour Dominique ${tag}</p>` },
  ]);
  await deliverMails([sent]);
  return { me, other, lab, mine, theirs, session, thread, cookie, pending, sent };
}

describe("Mes données: what an agent may read of themselves", () => {
  it("gathers the agent's data from every module, and nothing of another agent's", async () => {
    const { me, other } = await agentWithEverything("x1");
    const data = await personalDataOf({ userId: me.id }, me.id);
    const keys = Object.fromEntries(data.sections.map((s) => [s.key, s.rows.length]));
    expect(keys).toMatchObject({
      account: 1,
      lab_roles: 1,
      campaigns_created: 1,
      theme_analyses: 1,
      ideas: 1,
      idea_comments: 1,
      idea_supports: 1,
      idea_coauthors: 1,
      minilab_memberships: 1,
      session_attendance: 1,
      board_notes: 1,
      proposals: 1,
      community_memberships: 1,
      community_threads: 1,
      community_replies: 1,
      community_panel_answers: 1,
      notifications: 1,
      mail_opt_outs: 7,
      sessions: 1,
      mails: 2,
    });
    const json = personalDataJson(data);
    const doc = JSON.parse(json);
    expect(doc.account[0]).toMatchObject({ email: "camille.x1@example.fr", given_name: "Camillex1", family_name: "Durandx1" });
    for (const mine of ["Campagne de Camille x1", "Thème de Camille x1", "Idée de Camille x1", "Commentaire de Camille x1", "Post-it de Camille x1", "Proposition x1", "Fil de Camille x1", "Réponse de Camille x1", "Réponse au panel de Camille x1", "Notification pour Camille x1", "Bonjour Camille x1"]) {
      expect(json).toContain(mine);
    }
    // The neighbour's words and identity never appear, even where they wrote on the agent's things.
    for (const theirs of ["Dominique", "Martinx1", other.email, other.id]) expect(json).not.toContain(theirs);
  });

  it("refuses anyone but the holder", async () => {
    const { me, other } = await agentWithEverything("x2");
    await expect(personalDataOf({ userId: other.id }, me.id)).rejects.toMatchObject({ status: 403 });
    await expect(personalDataOf({ userId: other.id }, me.id)).rejects.toBeInstanceOf(Refusal);
  });
});

describe("Mes données: deleting one's account", () => {
  it("erases the personal fields, keeps contributions as « Agent supprimé », ends sessions and stops mails", async () => {
    const { me, other, session, pending, sent, cookie } = await agentWithEverything("x3");
    expect(await readSession(cookie.token)).not.toBeNull();
    await expect(deleteAccount({ userId: other.id }, me.id)).rejects.toMatchObject({ status: 403 });

    await deleteAccount({ userId: me.id }, me.id);

    const erased = await getUser(me.id);
    expect(erased).toMatchObject({ given_name: "Agent", family_name: "supprimé", job: null, site: null, siret: null, oidc_sub: null, organization_id: null, is_demo: false });
    expect(erased?.deleted_at).toBeInstanceOf(Date);
    expect(erased?.email).not.toContain("camille");
    expect(displayName(erased!)).toBe("Agent supprimé");
    // Contributions stay, signed « Agent supprimé »: the board note carries its name as written.
    const notes = await boardNotes(session.id);
    expect(notes.find((n) => n.text === "Post-it de Camille x3")?.authorName).toBe("Agent supprimé");
    expect(notes.find((n) => n.text === "Post-it de Dominique x3")?.authorName).toBe("Dominiquex3 Martinx3");
    // The session cookie no longer opens anything.
    expect(await readSession(cookie.token)).toBeNull();
    // The pending mail is cancelled and will not be sent; no mail reaches them any more.
    expect(await getMail(pending)).toMatchObject({ status: "failed", to: "destinataire supprimé", text: "", html: "" });
    await deliverMails([pending]);
    expect((await getMail(pending))?.status).toBe("failed");
    expect(await getMail(sent)).toMatchObject({ status: "kept", to: "destinataire supprimé", text: "" });
    expect((await getUserContacts([me.id])).size).toBe(0);
    // Roles, notifications and community memberships are gone; the neighbour's stay.
    expect((await loadPrincipal(me.id)).roles.size).toBe(0);
    expect(await listNotifications(me.id)).toHaveLength(0);
    expect(await listNotifications(other.id)).toHaveLength(1);
    // Nothing personal is left to export.
    const left = await personalDataOf({ userId: me.id }, me.id);
    const json = personalDataJson(left);
    for (const gone of ["Camillex3", "Durandx3", "camille.x3@example.fr", "Notification pour Camille x3", "Bonjour Camille x3"]) expect(json).not.toContain(gone);
    // The deletion is logged under a pseudonym and a date only.
    const log = await deletionsOf(deletionPseudonym(me.id));
    expect(log).toHaveLength(1);
    expect(JSON.stringify(log)).not.toContain(me.id);
    // A second attempt finds no account.
    await expect(deleteAccount({ userId: me.id }, me.id)).rejects.toMatchObject({ status: 404 });
    expect(await deletionsOf(deletionPseudonym(me.id))).toHaveLength(1);
  });

  it("leaves the community directories", async () => {
    const { me, thread } = await agentWithEverything("x4");
    await deleteAccount({ userId: me.id }, me.id);
    const active = await listMembers([thread.community_id], "active");
    expect(active.map((m) => m.user_id)).not.toContain(me.id);
  });
});
