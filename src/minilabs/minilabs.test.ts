import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeCampaign, makeLab, makeMember, makeTheme, makeUser, viewerOf } from "../../tests/support/fixtures";
import { createIdeaFor } from "../ideas/service";
import { answerCoauthor, inviteCoauthor } from "../ideas/ideas";
import { listNotifications } from "../notifications/notifications";
import * as minilabs from "./minilabs";
import { answerRequest, declineInvitation, join, leave, minilabPage, minilabsIndex, minilabsOverview, openMinilab, type OpenMinilabInput } from "./service";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

const DAY = 86_400_000;
const form = (title: string) => ({ title, problem: "Un problème décrit en détail.", proposal: "Une proposition décrite en détail.", beneficiaries: "Les agents", coauthorEmails: [], submit: true });

/** A lab with a published theme holding two ideas (one with a confirmed co-author), and one unpublished. */
async function setup() {
  const lab = await makeLab();
  const c = await makeCampaign(lab.id);
  const team = await viewerOf(await makeMember(lab.id, "lab_team"));
  const [a1, a2, co, other] = [await makeUser(), await makeUser(), await makeUser(), await makeUser()];
  const i1 = await createIdeaFor(await viewerOf(a1), c.id, form("Composter à la cantine"), []);
  const i2 = await createIdeaFor(await viewerOf(a2), c.id, form("Peser les restes des plateaux"), []);
  const i3 = await createIdeaFor(await viewerOf(other), c.id, form("Covoiturage entre sites"), []);
  await inviteCoauthor(i2.id, co.id, a2.id);
  await answerCoauthor(i2.id, co.id, true);
  const themeOf = (published: boolean, ids: string[], label: string) => makeTheme({ labId: lab.id, campaignId: c.id, ideaIds: ids, label, curatorId: team.userId, published });
  const theme = await themeOf(true, [i1.id, i2.id], "Gaspillage à la cantine");
  const hidden = await themeOf(false, [i3.id], "Déplacements");
  const facilitator = await makeUser();
  const input = (over: Partial<OpenMinilabInput> = {}): OpenMinilabInput => ({
    themeId: theme.id,
    name: "Mini-Lab anti-gaspi",
    question: "Comment réduire le gaspillage à la cantine sans allonger le service ?",
    joinPolicy: "open",
    facilitatorEmails: [facilitator.email],
    sessionsFrom: new Date(Date.now() - DAY),
    sessionsUntil: new Date(Date.now() + 60 * DAY),
    restitutionOn: new Date(Date.now() + 90 * DAY),
    arbitrationOn: new Date(Date.now() + 120 * DAY),
    directorates: ["Direction des lycées"],
    ...over,
  });
  return { lab, team, a1, a2, co, other, theme, hidden, facilitator, input };
}

describe("Mini-Labs", () => {
  it("opens from a published theme and invites the holders of its ideas, in the app", async () => {
    const s = await setup();
    const m = await openMinilab(s.team, s.lab.slug, s.input());
    const members = await minilabs.listMembers([m.id]);
    const byUser = new Map(members.map((x) => [x.user_id, x]));
    for (const u of [s.a1, s.a2, s.co]) expect(byUser.get(u.id)).toMatchObject({ status: "invited", role: "member", source: "theme" });
    expect(byUser.get(s.facilitator.id)).toMatchObject({ status: "active", role: "facilitator" });
    expect(byUser.has(s.other.id)).toBe(false);
    const [note] = await listNotifications(s.co.id);
    expect(note.kind).toBe("minilab_invitation");
    expect(note.title).toContain("Mini-Lab anti-gaspi");
    expect(note.link).toBe(`/minilabs/${m.id}`);
    const page = await minilabPage(await viewerOf(s.co), m.id);
    expect(page.me?.status).toBe("invited");
    expect(page.minilab.theme).toBe("Gaspillage à la cantine");
    expect(page.minilab.phase).toBe("sessions");
  });

  it("refuses bad cycles, unknown facilitators, unpublished themes, agents and other labs", async () => {
    const s = await setup();
    await expect(openMinilab(s.team, s.lab.slug, s.input({ restitutionOn: new Date(Date.now() + 10 * DAY) }))).rejects.toMatchObject({ status: 400, field: "restitutionOn" });
    await expect(openMinilab(s.team, s.lab.slug, s.input({ facilitatorEmails: ["personne@nulle-part.fr"] }))).rejects.toMatchObject({ status: 400, field: "facilitators" });
    await expect(openMinilab(s.team, s.lab.slug, s.input({ themeId: s.hidden.id }))).rejects.toMatchObject({ status: 400, field: "themeId" });
    await expect(openMinilab(await viewerOf(s.a1), s.lab.slug, s.input())).rejects.toMatchObject({ status: 403 });
    const otherLab = await makeLab();
    const stranger = await viewerOf(await makeMember(otherLab.id, "lab_team"));
    await expect(openMinilab(stranger, s.lab.slug, s.input())).rejects.toMatchObject({ status: 403 });
    await expect(minilabsOverview(stranger, s.lab.slug)).rejects.toMatchObject({ status: 403 });
    // from scratch, without a theme, nobody is invited
    const bare = await openMinilab(s.team, s.lab.slug, s.input({ themeId: null, facilitatorEmails: [] }));
    expect(await minilabs.listMembers([bare.id])).toHaveLength(0);
  });

  it("lets invited holders join or decline, anyone join an open Mini-Lab, and members leave", async () => {
    const s = await setup();
    const m = await openMinilab(s.team, s.lab.slug, s.input());
    expect(await join(await viewerOf(s.a1), m.id)).toBe("active");
    await declineInvitation(await viewerOf(s.a2), m.id);
    await expect(declineInvitation(await viewerOf(s.a2), m.id)).rejects.toMatchObject({ status: 409 });
    expect(await join(await viewerOf(s.other), m.id)).toBe("active");
    await leave(await viewerOf(s.other), m.id);
    const page = await minilabPage(s.team, m.id);
    expect(page.members.map((p) => p.userId)).toEqual([s.a1.id]);
    expect(page.facilitators.map((p) => p.userId)).toEqual([s.facilitator.id]);
    const index = await minilabsIndex(await viewerOf(s.co));
    expect(index.find((x) => x.id === m.id)?.myStatus).toBe("invited");
    const overview = await minilabsOverview(s.team, s.lab.slug);
    const row = overview.minilabs.find((x) => x.id === m.id)!;
    expect(row).toMatchObject({ active: 2, invited: 1, requested: 0, phase: "Sessions en cours" });
    expect(row.byOrganization.reduce((n, o) => n + o.n, 0)).toBe(2);
    expect(row.bySite).toEqual([{ name: "Site non renseigné", n: 2 }]);
    expect(row).toMatchObject({ sessionsHeld: 0, sessionsScheduled: 0 });
  });

  it("on request: the agent asks, the lab team and facilitators are told, a facilitator answers, an agent may not", async () => {
    const s = await setup();
    const m = await openMinilab(s.team, s.lab.slug, s.input({ joinPolicy: "request" }));
    const asker = await viewerOf(await makeUser());
    expect(await join(asker, m.id)).toBe("requested");
    expect((await listNotifications(s.facilitator.id)).some((n) => n.kind === "minilab_request")).toBe(true);
    expect((await listNotifications(s.team.userId)).some((n) => n.kind === "minilab_request")).toBe(true);
    await expect(answerRequest(await viewerOf(s.a1), m.id, asker.userId, true)).rejects.toMatchObject({ status: 403 });
    const facilitator = await viewerOf(s.facilitator);
    expect((await minilabPage(facilitator, m.id)).requests.map((r) => r.userId)).toEqual([asker.userId]);
    expect((await minilabPage(await viewerOf(s.a1), m.id)).requests).toEqual([]);
    await answerRequest(facilitator, m.id, asker.userId, true);
    expect((await minilabs.getMember(m.id, asker.userId))?.status).toBe("active");
    await expect(answerRequest(facilitator, m.id, asker.userId, true)).rejects.toMatchObject({ status: 409 });
    expect((await listNotifications(asker.userId))[0].title).toContain("Vous avez rejoint");
    // an invited holder joins directly, even on request
    expect(await join(await viewerOf(s.a2), m.id)).toBe("active");
  });

  it("closes its doors once the cycle is over", async () => {
    const s = await setup();
    const past = (d: number) => new Date(Date.now() - d * DAY);
    const m = await openMinilab(s.team, s.lab.slug, s.input({ sessionsFrom: past(200), sessionsUntil: past(150), restitutionOn: past(100), arbitrationOn: past(50) }));
    expect(minilabs.phaseOf(m)).toBe("done");
    await expect(join(await viewerOf(s.other), m.id)).rejects.toMatchObject({ status: 409 });
  });
});
