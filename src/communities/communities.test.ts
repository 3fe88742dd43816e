import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeCampaign, makeLab, makeMember, makeOrganization, makeUser, viewerOf } from "../../tests/support/fixtures";
import { getIdea } from "../ideas/ideas";
import { frenchSpaces } from "../kernel/format";
import { listNotifications } from "../notifications/notifications";
import * as c from "./communities";
import { createUsers } from "../accounts/accounts";
import {
  answerPanel,
  answersCsv,
  askPanel,
  communitiesIndex,
  communityForEdit,
  communityPage,
  createCommunityFor,
  csvCell,
  hideMessage,
  joinCommunity,
  labCommunities,
  leaveCommunity,
  membersDirectory,
  originOfIdea,
  panelQuestionPage,
  postThread,
  replyTo,
  sendAsIdea,
  threadPage,
  updateCommunityFor,
} from "./service";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

const DAY = 86_400_000;
const problem = { kind: "problem" as const, title: "Les chariots de ménage sont trop lourds", body: "Dans les étages sans ascenseur, on porte les chariots à deux : le dos souffre." };

async function setup() {
  const lab = await makeLab();
  const team = await viewerOf(await makeMember(lab.id, "lab_team"));
  const director = await viewerOf(await makeMember(lab.id, "director"));
  const animator = await makeUser();
  const community = await createCommunityFor(team, lab.slug, { name: "Agents d’entretien des lycées", profession: "Agents d’entretien (ménage)", description: "Partager les astuces du métier.", animatorEmails: [animator.email] });
  const member = await viewerOf(await makeUser());
  const other = await viewerOf(await makeUser());
  const outsider = await viewerOf(await makeUser());
  await joinCommunity(member, community.id);
  await joinCommunity(other, community.id);
  return { lab, team, director, animator: await viewerOf(animator), community, member, other, outsider };
}

describe("communities of practice", () => {
  it("the lab team creates and edits a community with animators; agents and other labs may not", async () => {
    const s = await setup();
    expect((await c.getMember(s.community.id, s.animator.userId))).toMatchObject({ role: "animator", status: "active" });
    expect((await listNotifications(s.animator.userId))[0]).toMatchObject({ kind: "community_activity", link: `/communautes/${s.community.id}` });
    const input = { name: "Entretien des lycées", profession: "Agents d’entretien", description: "", animatorEmails: [] };
    await expect(createCommunityFor(s.member, s.lab.slug, input)).rejects.toMatchObject({ status: 403 });
    await expect(createCommunityFor(s.director, s.lab.slug, input)).rejects.toMatchObject({ status: 403 });
    const otherTeam = await viewerOf(await makeMember((await makeLab()).id, "lab_team"));
    await expect(createCommunityFor(otherTeam, s.lab.slug, input)).rejects.toMatchObject({ status: 403 });
    await expect(communityForEdit(otherTeam, s.lab.slug, s.community.id)).rejects.toMatchObject({ status: 403 });
    await expect(createCommunityFor(s.team, s.lab.slug, { ...input, animatorEmails: ["personne@nulle-part.fr"] })).rejects.toMatchObject({ status: 400, field: "animators" });
    // edit: rename, and the animator becomes a plain member
    await updateCommunityFor(s.team, s.lab.slug, s.community.id, input);
    expect((await c.getCommunity(s.community.id))?.name).toBe("Entretien des lycées");
    expect(await c.getMember(s.community.id, s.animator.userId)).toMatchObject({ role: "member", status: "active" });
    const list = await labCommunities(s.team, s.lab.slug);
    expect(list.communities).toEqual([expect.objectContaining({ id: s.community.id, members: 3, animators: 0 })]);
    // another lab's edit page does not reach this community
    const otherLab = await makeLab();
    const otherLabTeam = await viewerOf(await makeMember(otherLab.id, "lab_team"));
    await expect(communityForEdit(otherLabTeam, otherLab.slug, s.community.id)).rejects.toMatchObject({ status: 404 });
  });

  it("anyone signed in browses, joins and leaves; only members (and the lab team) read threads", async () => {
    const s = await setup();
    const index = await communitiesIndex(s.member);
    expect(index.find((x) => x.id === s.community.id)).toMatchObject({ member: true, members: 3 });
    expect((await communitiesIndex(s.outsider)).find((x) => x.id === s.community.id)?.member).toBe(false);
    const t = await postThread(s.member, s.community.id, problem);
    // outsiders and the director see the community, not its threads
    for (const v of [s.outsider, s.director]) {
      const page = await communityPage(v, s.community.id);
      expect(page.threads).toEqual([]);
      expect(page.access.canRead).toBe(false);
      await expect(threadPage(v, s.community.id, t.id)).rejects.toMatchObject({ status: 403 });
      await expect(membersDirectory(v, s.community.id)).rejects.toMatchObject({ status: 403 });
      await expect(postThread(v, s.community.id, problem)).rejects.toMatchObject({ status: 403 });
    }
    expect((await communityPage(s.team, s.community.id)).threads.map((x) => x.id)).toEqual([t.id]);
    expect((await threadPage(s.other, s.community.id, t.id)).thread.body).toBe(problem.body);
    // the lab team reads but does not post without joining
    await expect(replyTo(s.team, s.community.id, t.id, "Bonjour")).rejects.toMatchObject({ status: 403 });
    // leaving closes the threads again
    await leaveCommunity(s.other, s.community.id);
    await expect(threadPage(s.other, s.community.id, t.id)).rejects.toMatchObject({ status: 403 });
    await expect(leaveCommunity(s.other, s.community.id)).rejects.toMatchObject({ status: 409 });
    await joinCommunity(s.other, s.community.id);
    expect((await threadPage(s.other, s.community.id, t.id)).thread.title).toBe(problem.title);
    // a thread of another community is not found through this one
    const second = await createCommunityFor(s.team, s.lab.slug, { name: "Restauration", profession: "Agents de cuisine", description: "", animatorEmails: [] });
    await expect(threadPage(s.team, second.id, t.id)).rejects.toMatchObject({ status: 404 });
    await expect(communityPage(s.member, "pas-un-id")).rejects.toMatchObject({ status: 404 });
  });

  it("members reply; the author is told; a moderator hides with a reason, members may not", async () => {
    const s = await setup();
    const t = await postThread(s.member, s.community.id, { kind: "discussion", title: "Produits écologiques", body: "Quels produits écologiques utilisez-vous pour les sols ?" });
    const r = await replyTo(s.other, s.community.id, t.id, "Du savon noir dilué, très bien pour les sols carrelés.");
    const spam = await replyTo(s.other, s.community.id, t.id, "Achetez mes produits sur mon site !");
    expect((await listNotifications(s.member.userId)).some((n) => n.kind === "community_activity" && n.link === `/communautes/${s.community.id}/fils/${t.id}`)).toBe(true);
    expect((await c.getThread(t.id))?.reply_count).toBe(2);
    await expect(hideMessage(s.member, s.community.id, t.id, spam.id, "Publicité")).rejects.toMatchObject({ status: 403 });
    await expect(hideMessage(s.director, s.community.id, t.id, spam.id, "Publicité")).rejects.toMatchObject({ status: 403 });
    await hideMessage(s.animator, s.community.id, t.id, spam.id, "Publicité");
    await expect(hideMessage(s.team, s.community.id, t.id, spam.id, "Publicité")).rejects.toMatchObject({ status: 409 });
    // the trace: who, when, why
    expect(await c.getReply(spam.id)).toMatchObject({ hidden_reason: "Publicité", hidden_by: s.animator.userId });
    const asMember = await threadPage(s.member, s.community.id, t.id);
    expect(asMember.replies.map((x) => x.body)).toEqual([r.body, null]);
    expect(asMember.replies[1].hidden?.reason).toBe("Publicité");
    expect((await threadPage(s.other, s.community.id, t.id)).replies[1].body).toBe(spam.body); // its author still reads it
    expect((await threadPage(s.team, s.community.id, t.id)).replies[1].body).toBe(spam.body);
    expect((await listNotifications(s.other.userId))[0]).toMatchObject({ kind: "moderation" });
    // a hidden thread: the title is masked for members, no more replies
    await hideMessage(s.team, s.community.id, t.id, null, "Hors sujet");
    expect((await communityPage(s.other, s.community.id)).threads[0].title).toBe("Message masqué par la modération");
    await expect(replyTo(s.other, s.community.id, t.id, "Encore un mot")).rejects.toMatchObject({ status: 409 });
  });

  it("a problem becomes a submitted idea of an open campaign of the lab, once, with its author as author", async () => {
    const s = await setup();
    const open = await makeCampaign(s.lab.id);
    const closed = await makeCampaign(s.lab.id, { opensAt: new Date(Date.now() - 30 * DAY), closesAt: new Date(Date.now() - DAY) });
    const elsewhere = await makeCampaign((await makeLab()).id);
    const t = await postThread(s.member, s.community.id, problem);
    const send = { campaignId: open.id, proposal: "Des chariots plus légers et un local de rangement à chaque étage.", beneficiaries: "Les agents d’entretien" };
    const page = await threadPage(s.member, s.community.id, t.id);
    expect(page.canSend).toBe(true);
    expect(page.campaigns.map((x) => x.id)).toEqual([open.id]);
    // who may not: another member, the director, an outsider; not to a closed or foreign campaign
    await expect(sendAsIdea(s.other, s.community.id, t.id, send)).rejects.toMatchObject({ status: 403 });
    await expect(sendAsIdea(s.director, s.community.id, t.id, send)).rejects.toMatchObject({ status: 403 });
    await expect(sendAsIdea(s.outsider, s.community.id, t.id, send)).rejects.toMatchObject({ status: 403 });
    await expect(sendAsIdea(s.member, s.community.id, t.id, { ...send, campaignId: closed.id })).rejects.toMatchObject({ status: 400, field: "campaignId" });
    await expect(sendAsIdea(s.member, s.community.id, t.id, { ...send, campaignId: elsewhere.id })).rejects.toMatchObject({ status: 400, field: "campaignId" });
    const idea = await sendAsIdea(s.member, s.community.id, t.id, send);
    expect(idea).toMatchObject({ status: "submitted", author_id: s.member.userId, campaign_id: open.id, title: problem.title, problem: frenchSpaces(problem.body), proposal: send.proposal });
    expect((await c.getThread(t.id))?.idea_id).toBe(idea.id);
    expect((await threadPage(s.other, s.community.id, t.id)).thread.ideaId).toBe(idea.id);
    expect(await originOfIdea(idea.id)).toMatchObject({ communityId: s.community.id, threadId: t.id });
    // never twice, not even by the lab team
    await expect(sendAsIdea(s.member, s.community.id, t.id, send)).rejects.toMatchObject({ status: 409 });
    await expect(sendAsIdea(s.team, s.community.id, t.id, send)).rejects.toMatchObject({ status: 409 });
    expect((await threadPage(s.member, s.community.id, t.id)).canSend).toBe(false);
    // two sends at once: one idea
    const t2 = await postThread(s.other, s.community.id, { ...problem, kind: "project", title: "Un planning partagé des salles" });
    const results = await Promise.allSettled([sendAsIdea(s.other, s.community.id, t2.id, send), sendAsIdea(s.animator, s.community.id, t2.id, send)]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    const sent = (results.find((x) => x.status === "fulfilled") as PromiseFulfilledResult<{ id: string }>).value;
    expect((await getIdea(sent.id))?.author_id).toBe(s.other.userId);
    // a discussion is not sent
    const d = await postThread(s.member, s.community.id, { ...problem, kind: "discussion" });
    await expect(sendAsIdea(s.member, s.community.id, d.id, send)).rejects.toMatchObject({ status: 409 });
  });

  it("an animator sends a member's problem for them; a campaign the author may not enter is refused, and the thread stays sendable", async () => {
    const s = await setup();
    const org = await makeOrganization();
    const restricted = await makeCampaign(s.lab.id, { organizationIds: [org.id] });
    const open = await makeCampaign(s.lab.id);
    const t = await postThread(s.member, s.community.id, problem);
    const send = { campaignId: restricted.id, proposal: "Des chariots plus légers et un local de rangement à chaque étage.", beneficiaries: "Les agents d’entretien" };
    await expect(sendAsIdea(s.animator, s.community.id, t.id, send)).rejects.toMatchObject({ status: 400, field: "campaignId" });
    expect((await c.getThread(t.id))?.idea_sent_at).toBeNull();
    const idea = await sendAsIdea(s.animator, s.community.id, t.id, { ...send, campaignId: open.id });
    expect(idea.author_id).toBe(s.member.userId);
    expect((await listNotifications(s.member.userId))[0]).toMatchObject({ kind: "community_activity", link: `/idees/${idea.id}` });
  });

  it("the directory lists members with site, organisation and job, filtered by site and text", async () => {
    const s = await setup();
    const dir = await membersDirectory(s.member, s.community.id);
    expect(dir.total).toBe(3);
    expect(dir.members.every((m) => "site" in m && "organization" in m && "job" in m)).toBe(true);
    expect(dir.members.filter((m) => m.animator).map((m) => m.userId)).toEqual([s.animator.userId]);
    const named = await membersDirectory(s.member, s.community.id, { q: dir.members[0].name.split(" ")[1] });
    expect(named.members.map((m) => m.userId)).toContain(dir.members[0].userId);
    expect((await membersDirectory(s.member, s.community.id, { site: "Nulle-part" })).members).toEqual([]);
    expect((await membersDirectory(s.team, s.community.id)).total).toBe(3);
  });

  it("the panel: a director asks, members are told and answer once (editable until closed), the director and the lab team read and export", async () => {
    const s = await setup();
    const input = { question: "Quels produits d’entretien vous manquent le plus au quotidien ?", closesAt: new Date(Date.now() + 10 * DAY) };
    // who may not ask: a member, the lab team, an outsider
    for (const v of [s.member, s.team, s.outsider, s.animator]) await expect(askPanel(v, s.community.id, input)).rejects.toMatchObject({ status: 403 });
    await expect(askPanel(s.director, s.community.id, { ...input, closesAt: new Date(Date.now() - DAY) })).rejects.toMatchObject({ status: 400, field: "closesAt" });
    const q = await askPanel(s.director, s.community.id, input);
    for (const u of [s.member, s.other, s.animator]) expect((await listNotifications(u.userId))[0]).toMatchObject({ kind: "community_panel", link: `/communautes/${s.community.id}/panel/${q.id}` });
    expect(await listNotifications(s.outsider.userId)).toEqual([]);
    await answerPanel(s.member, s.community.id, q.id, "Des microfibres en nombre suffisant.");
    await answerPanel(s.member, s.community.id, q.id, "=1+1 des microfibres, et des seaux à roulettes.");
    await answerPanel(s.other, s.community.id, q.id, "Des gants à la bonne taille.");
    await expect(answerPanel(s.outsider, s.community.id, q.id, "Moi aussi")).rejects.toMatchObject({ status: 403 });
    await expect(answerPanel(s.director, s.community.id, q.id, "Moi aussi")).rejects.toMatchObject({ status: 403 });
    // members see their own answer, never the others'
    const mine = await panelQuestionPage(s.member, s.community.id, q.id);
    expect(mine.myAnswer?.body).toContain("seaux à roulettes");
    expect(mine.answers).toEqual([]);
    expect(mine.answerCount).toBeNull();
    await expect(panelQuestionPage(s.outsider, s.community.id, q.id)).rejects.toMatchObject({ status: 403 });
    for (const reader of [s.director, s.team]) {
      const page = await panelQuestionPage(reader, s.community.id, q.id);
      expect(page.answerCount).toBe(2);
      expect(page.answers.map((a) => a.userId).sort()).toEqual([s.member.userId, s.other.userId].sort());
    }
    await expect(answersCsv(s.member, s.community.id, q.id)).rejects.toMatchObject({ status: 403 });
    const csv = await answersCsv(s.director, s.community.id, q.id);
    let text = "";
    for await (const chunk of csv.lines) text += chunk;
    const rows = text.trim().split("\r\n");
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain("reponse");
    expect(text).toContain(`"'=1+1 des microfibres, et des seaux à roulettes."`);
    expect(csv.filename).toMatch(/^panel-agents-d-entretien-des-lycees-\d{4}-\d{2}-\d{2}\.csv$/);
    // once closed, no more answers
    await c.createQuestion({ communityId: s.community.id, askedBy: s.director.userId, question: "Une question close depuis hier ?", closesAt: new Date(Date.now() - DAY) });
    const closed = (await c.listQuestions(s.community.id)).find((x) => x.question.startsWith("Une question close"))!;
    await expect(answerPanel(s.member, s.community.id, closed.id, "Trop tard")).rejects.toMatchObject({ status: 409 });
    expect((await panelQuestionPage(s.member, s.community.id, closed.id)).canAnswer).toBe(false);
    expect((await communityPage(s.member, s.community.id)).questions.map((x) => [x.open, x.answered])).toEqual([
      [false, false],
      [true, true],
    ]);
  });

  it("streams a large panel's answers page by page, each once", async () => {
    const s = await setup();
    const q = await askPanel(s.director, s.community.id, { question: "Une question posée à un très grand panel ?", closesAt: null });
    const users = await createUsers(Array.from({ length: 1001 }, (_, i) => ({ email: `panel.${i}.${q.id.slice(0, 8)}@example.fr`, givenName: "Agent", familyName: `N${i}`, isDemo: true })));
    for (const [i, u] of users.entries()) await c.saveAnswer(q.id, u.id, `Réponse ${i}`, new Date(Date.UTC(2026, 0, 1, 0, 0, i % 7)));
    const csv = await answersCsv(s.director, s.community.id, q.id);
    const seen = new Set<string>();
    let lines = 0;
    let chunks = 0;
    for await (const chunk of csv.lines) {
      chunks++;
      for (const line of chunk.split("\r\n").filter(Boolean)) {
        lines++;
        const m = /"Réponse (\d+)"/.exec(line);
        if (m) seen.add(m[1]);
      }
    }
    expect(lines).toBe(1002);
    expect(seen.size).toBe(1001);
    expect(chunks).toBe(1 + 3); // the header, then pages of 500, 500 and 1
  });

  it("csvCell quotes and neutralises formulas", () => {
    expect(csvCell('a "b"')).toBe('"a ""b"""');
    expect(csvCell("-2")).toBe(`"'-2"`);
    expect(csvCell(null)).toBe('""');
  });
});
