/**
 * Mini-Labs by email (invitations, facilitators, answers to requests: one mail per person, with
 * the absolute link) and private Mini-Labs (who may and who may not see them), on the real
 * outbox (PGlite, and PostgreSQL when DATABASE_URL is set).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeCampaign, makeLab, makeMember, makeTheme, makeUser, viewerOf } from "../../tests/support/fixtures";
import { createIdeaFor } from "../ideas/service";
import { answerCoauthor, inviteCoauthor } from "../ideas/ideas";
import { deliverMails } from "../kernel/mail/mail";
import { listLabMails } from "../kernel/mail/outbox";
import { listNotifications } from "../notifications/notifications";
import { mailableKinds, mailPreferences, mailPreferencesSchema, setMailPreferences } from "../notifications/preferences";
import * as minilabs from "./minilabs";
import { answerRequest, declineInvitation, inviteByEmail, join, leave, minilabPage, minilabsIndex, openMinilab, requireMinilabVisible, type OpenMinilabInput } from "./service";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime({ PUBLIC_URL: "https://germoir.exemple.gouv.fr" });
});
afterAll(async () => {
  await env?.dispose();
});

const DAY = 86_400_000;
const form = (title: string) => ({ title, problem: "Un problème décrit en détail.", proposal: "Une proposition décrite en détail.", beneficiaries: "Les agents", coauthorEmails: [], submit: true });

/** A lab with a published theme holding two ideas (one with a confirmed co-author). */
async function setup() {
  const lab = await makeLab();
  const c = await makeCampaign(lab.id);
  const team = await viewerOf(await makeMember(lab.id, "lab_team"));
  const [a1, a2, co, other] = [await makeUser({ givenName: "Agnès" }), await makeUser(), await makeUser(), await makeUser()];
  const i1 = await createIdeaFor(await viewerOf(a1), c.id, form("Composter à la cantine"), []);
  const i2 = await createIdeaFor(await viewerOf(a2), c.id, form("Peser les restes des plateaux"), []);
  await inviteCoauthor(i2.id, co.id, a2.id);
  await answerCoauthor(i2.id, co.id, true);
  const theme = await makeTheme({ labId: lab.id, campaignId: c.id, ideaIds: [i1.id, i2.id], label: "Gaspillage à la cantine", curatorId: team.userId });
  const facilitator = await makeUser({ givenName: "Fanny" });
  const input = (over: Partial<OpenMinilabInput> = {}): OpenMinilabInput => ({
    themeId: theme.id,
    name: "Mini-Lab anti-gaspi",
    question: "Comment réduire le gaspillage à la cantine sans allonger le service ?",
    joinPolicy: "open",
    facilitatorEmails: [facilitator.email],
    sessionsFrom: new Date("2026-12-01T09:00:00Z"),
    sessionsUntil: new Date(Date.now() + 60 * DAY),
    restitutionOn: new Date(Date.now() + 90 * DAY),
    arbitrationOn: new Date(Date.now() + 120 * DAY),
    directorates: ["Direction des lycées"],
    ...over,
  });
  return { lab, team, a1, a2, co, other, facilitator, input };
}

const mailsOf = async (labId: string) => (await listLabMails(labId, { limit: 500 })).mails;

describe("Mini-Lab mails", () => {
  it("opening a Mini-Lab writes one invitation per holder and one mail per facilitator, with the absolute link", async () => {
    const s = await setup();
    const m = await openMinilab(s.team, s.lab.slug, s.input());
    const mails = await mailsOf(s.lab.id);
    const invitations = mails.filter((x) => x.kind === "minilab_invitation");
    expect(invitations.map((x) => x.to).sort()).toEqual([s.a1.email, s.a2.email, s.co.email].sort());
    const link = `https://germoir.exemple.gouv.fr/minilabs/${m.id}`;
    for (const x of invitations) {
      expect(x.status).toBe("pending");
      expect(x.subject).toBe("Invitation au Mini-Lab anti-gaspi");
      expect(x.text).toContain(`Rejoindre le Mini-Lab\u00a0: ${link}`);
      expect(x.html).toContain(`<a href="${link}"`);
      expect(x.text).toContain("une de vos idées rejoint sa problématique «\u00a0Gaspillage à la cantine\u00a0»");
      expect(x.text).toContain("Comment réduire le gaspillage à la cantine sans allonger le service\u202f?");
      expect(x.text).toContain("Sessions\u00a0: du 1er décembre 2026 au");
      expect(x.text).toContain("Directions concernées\u00a0: Direction des lycées");
    }
    expect(invitations.find((x) => x.to === s.a1.email)?.text).toMatch(/^Bonjour Agnès,/);
    const toFacilitator = mails.filter((x) => x.kind === "minilab_membership");
    expect(toFacilitator.map((x) => [x.to, x.subject])).toEqual([[s.facilitator.email, "Vous animez le Mini-Lab anti-gaspi"]]);
    expect(mails).toHaveLength(4);
    // in embedded mode the delivery keeps them in the outbox
    expect(await deliverMails(mails.map((x) => x.id))).toEqual({ delivered: 4, retry: 0, failed: 0 });
    expect((await mailsOf(s.lab.id)).every((x) => x.status === "kept")).toBe(true);
  });

  it("tells who asked to join, by mail too, whether accepted or not", async () => {
    const s = await setup();
    const m = await openMinilab(s.team, s.lab.slug, s.input({ joinPolicy: "request", themeId: null, facilitatorEmails: [] }));
    const yes = await makeUser();
    const no = await makeUser();
    await join(await viewerOf(yes), m.id);
    await join(await viewerOf(no), m.id);
    await answerRequest(s.team, m.id, yes.id, true);
    await answerRequest(s.team, m.id, no.id, false);
    const mails = await mailsOf(s.lab.id);
    expect(mails.find((x) => x.to === yes.email)?.subject).toBe("Vous avez rejoint le Mini-Lab anti-gaspi");
    expect(mails.find((x) => x.to === no.email)?.text).toContain("n’a pas été retenue");
    expect(mails).toHaveLength(2);
  });
});

describe("email preferences", () => {
  it("an agent who stopped the invitation mails still gets the notification, not the mail; the others get theirs", async () => {
    const s = await setup();
    await setMailPreferences(s.co.id, ["minilab_membership"]);
    expect((await mailPreferences(s.co.id)).map((p) => [p.kind, p.byMail])).toEqual([
      ["minilab_invitation", false],
      ["minilab_membership", true],
      ["proposal_decision", false],
      ["follow_up", false],
      ["proposal_submitted", false],
      ["request_status", false],
      ["request_message", false],
      ["request_sponsor", false],
      ["request_expert", false],
      ["project_stage", false],
      ["project_gate", false],
      ["seat_offered", false],
    ]);
    await setMailPreferences(s.facilitator.id, []);
    const m = await openMinilab(s.team, s.lab.slug, s.input());
    const mails = await mailsOf(s.lab.id);
    expect(mails.map((x) => x.to).sort()).toEqual([s.a1.email, s.a2.email].sort());
    expect((await listNotifications(s.co.id))[0]).toMatchObject({ kind: "minilab_invitation", link: `/minilabs/${m.id}` });
    expect((await listNotifications(s.facilitator.id))[0]).toMatchObject({ kind: "minilab_membership" });
    // and back on
    await setMailPreferences(s.co.id, [...mailableKinds]);
    expect((await mailPreferences(s.co.id)).every((p) => p.byMail)).toBe(true);
  });

  it("the form accepts the known kinds only", () => {
    expect(mailPreferencesSchema.safeParse({ intent: "mailPrefs" }).data?.byMail).toEqual([]);
    expect(mailPreferencesSchema.safeParse({ intent: "mailPrefs", byMail: "minilab_invitation" }).data?.byMail).toEqual(["minilab_invitation"]);
    expect(mailPreferencesSchema.safeParse({ intent: "mailPrefs", byMail: ["minilab_invitation", "idea_status"] }).success).toBe(false);
    expect(mailPreferencesSchema.safeParse({ intent: "mailPrefs", byMail: 3 }).success).toBe(false);
  });
});

describe("private Mini-Labs", () => {
  it("are seen by invited and active members, facilitators and the lab team; absent and 404 for everyone else", async () => {
    const s = await setup();
    const m = await openMinilab(s.team, s.lab.slug, s.input({ visibility: "private" }));
    expect(m.visibility).toBe("private");
    const otherTeam = await viewerOf(await makeMember((await makeLab()).id, "lab_team"));
    const lookers = { holder: await viewerOf(s.a1), facilitator: await viewerOf(s.facilitator), team: s.team };
    for (const [who, v] of Object.entries(lookers)) {
      expect((await minilabPage(v, m.id)).minilab.private, who).toBe(true);
      expect((await minilabsIndex(v)).some((x) => x.id === m.id), who).toBe(true);
      expect((await requireMinilabVisible(v, m.id)).minilab.id, who).toBe(m.id);
    }
    for (const v of [await viewerOf(s.other), otherTeam]) {
      await expect(minilabPage(v, m.id)).rejects.toMatchObject({ status: 404 });
      await expect(requireMinilabVisible(v, m.id)).rejects.toMatchObject({ status: 404 });
      await expect(join(v, m.id)).rejects.toMatchObject({ status: 404 });
      await expect(leave(v, m.id)).rejects.toMatchObject({ status: 404 });
      expect((await minilabsIndex(v)).some((x) => x.id === m.id)).toBe(false);
    }
    // the invited holder joins; one who declines no longer sees it
    expect(await join(lookers.holder, m.id)).toBe("active");
    await declineInvitation(await viewerOf(s.a2), m.id);
    await expect(minilabPage(await viewerOf(s.a2), m.id)).rejects.toMatchObject({ status: 404 });
    // the lab team sees it but enters only on invitation
    await expect(join(s.team, m.id)).rejects.toMatchObject({ status: 409 });
    // a public Mini-Lab stays visible to all
    const pub = await openMinilab(s.team, s.lab.slug, s.input({ themeId: null, facilitatorEmails: [] }));
    expect((await minilabPage(await viewerOf(s.other), pub.id)).minilab.private).toBe(false);
    expect((await minilabsIndex(otherTeam)).some((x) => x.id === pub.id)).toBe(true);
  });

  it("are joined by invitation: a facilitator or the lab team invites by email (app and mail), a member may not", async () => {
    const s = await setup();
    const m = await openMinilab(s.team, s.lab.slug, s.input({ visibility: "private" }));
    const member = await viewerOf(s.a1);
    await join(member, m.id);
    await expect(inviteByEmail(member, m.id, [s.other.email])).rejects.toMatchObject({ status: 403 });
    await expect(inviteByEmail(await viewerOf(s.other), m.id, [s.other.email])).rejects.toMatchObject({ status: 404 });
    await expect(inviteByEmail(await viewerOf(s.facilitator), m.id, ["personne@nulle-part.fr"])).rejects.toMatchObject({ status: 400, field: "emails" });
    const before = (await mailsOf(s.lab.id)).length;
    expect(await inviteByEmail(await viewerOf(s.facilitator), m.id, [s.other.email, s.a1.email])).toBe(1); // a1 is already a member
    expect((await minilabs.getMember(m.id, s.other.id))).toMatchObject({ status: "invited", source: "lab" });
    expect((await listNotifications(s.other.id))[0]).toMatchObject({ kind: "minilab_invitation", link: `/minilabs/${m.id}` });
    const mails = (await mailsOf(s.lab.id)).slice(0, (await mailsOf(s.lab.id)).length - before);
    expect(mails.map((x) => x.to)).toEqual([s.other.email]);
    expect(mails[0].text).toContain("vous invite à rejoindre le Mini-Lab anti-gaspi");
    expect(mails[0].text).toContain("Ce Mini-Lab est privé");
    expect((await minilabPage(await viewerOf(s.other), m.id)).me?.status).toBe("invited");
    expect(await join(await viewerOf(s.other), m.id)).toBe("active");
    // someone who left can be invited again
    await leave(await viewerOf(s.other), m.id);
    await expect(minilabPage(await viewerOf(s.other), m.id)).rejects.toMatchObject({ status: 404 });
    expect(await inviteByEmail(s.team, m.id, [s.other.email])).toBe(1);
    expect((await minilabPage(await viewerOf(s.other), m.id)).me?.status).toBe("invited");
  });
});
