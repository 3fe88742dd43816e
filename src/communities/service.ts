import { hasRole, Refusal, type Viewer } from "../kernel/permissions";
import { frenchSpaces } from "../kernel/format";
import { transaction } from "../kernel/db/transaction";
import { displayName, findUserByEmail, getUser, getUserProfiles, getUsers } from "../accounts/accounts";
import { getOrganizations } from "../organizations/organizations";
import { getLab, getLabs, loadPrincipal } from "../labs/labs";
import { requireLabRole } from "../labs/service";
import { campaignPhase, listLabCampaigns } from "../campaigns/campaigns";
import { createIdeaFor } from "../ideas/service";
import { notify } from "../notifications/notifications";
import * as c from "./communities";

// ---------------------------------------------------------------- who may do what

async function requireCommunity(id: string): Promise<c.Community> {
  const community = await c.getCommunity(id);
  if (!community) throw new Refusal("Cette communauté n’existe pas.", 404);
  return community;
}

/**
 * Rights in a community. Threads, replies, the directory and the panel are for its members: a
 * professional community talks about its daily work, not in public. The lab team of the
 * community's lab reads and moderates everything; animators moderate; a director of the lab
 * asks the panel and reads its answers.
 */
export async function accessOf(viewer: Viewer, community: c.Community) {
  const me = await c.getMember(community.id, viewer.userId);
  const member = me?.status === "active";
  const animator = member && me?.role === "animator";
  const labTeam = hasRole(viewer.principal, community.lab_id, "lab_team");
  const director = hasRole(viewer.principal, community.lab_id, "director");
  return {
    member,
    animator,
    labTeam,
    director,
    canRead: member || labTeam,
    canPost: member,
    canModerate: labTeam || animator,
    canAsk: director,
    canReadAnswers: director || labTeam,
  };
}
export type CommunityAccess = Awaited<ReturnType<typeof accessOf>>;

async function requireAccess(viewer: Viewer, id: string) {
  const community = await requireCommunity(id);
  return { community, access: await accessOf(viewer, community) };
}

async function resolveEmails(emails: string[], field: string, label: string): Promise<string[]> {
  const ids: string[] = [];
  for (const email of emails) {
    const u = await findUserByEmail(email);
    if (!u) throw new Refusal(`${label} : aucun compte n’a l’adresse ${email}.`, 400, field);
    if (!ids.includes(u.id)) ids.push(u.id);
  }
  return ids;
}

// ---------------------------------------------------------------- the lab's communities

export interface CommunityInput extends c.CommunityFields {
  animatorEmails: string[];
}

export async function labOf(viewer: Viewer, labSlug: string) {
  const lab = await requireLabRole(labSlug, viewer.principal, "lab_team");
  return { id: lab.id, slug: lab.slug, name: lab.name };
}

export async function createCommunityFor(viewer: Viewer, labSlug: string, input: CommunityInput): Promise<c.Community> {
  const lab = await requireLabRole(labSlug, viewer.principal, "lab_team");
  return transaction(async () => {
    const animators = await resolveEmails(input.animatorEmails, "animators", "Animateurs");
    const community = await c.createCommunity(lab.id, input, viewer.userId);
    if (animators.length) {
      await c.setAnimators(community.id, animators);
      await notify(animators.map((userId) => ({ userId, kind: "community_activity" as const, title: `Vous animez la communauté « ${community.name} »`, link: `/communautes/${community.id}` })));
    }
    return community;
  });
}

/** The lab team's list: every community of the lab with its members, threads and panel questions. */
export async function labCommunities(viewer: Viewer, labSlug: string) {
  const lab = await labOf(viewer, labSlug);
  const list = await c.listCommunities([lab.id]);
  const members = await c.listMembers(list.map((x) => x.id), "active");
  const threadCounts = await c.threadCounts(list.map((x) => x.id));
  const rows = await Promise.all(
    list.map(async (x) => ({
      id: x.id,
      name: x.name,
      profession: x.profession,
      members: members.filter((m) => m.community_id === x.id).length,
      animators: members.filter((m) => m.community_id === x.id && m.role === "animator").length,
      threads: threadCounts.get(x.id) ?? 0,
      questions: (await c.listQuestions(x.id)).length,
    })),
  );
  return { lab, communities: rows };
}

/** The edit form: the community (of this lab) and its animators' addresses. */
export async function communityForEdit(viewer: Viewer, labSlug: string, id: string) {
  const lab = await labOf(viewer, labSlug);
  const community = await requireCommunity(id);
  if (community.lab_id !== lab.id) throw new Refusal("Cette communauté n’existe pas dans ce lab.", 404);
  const animators = (await c.listMembers([id], "active")).filter((m) => m.role === "animator");
  const emails = await Promise.all(animators.map(async (m) => (await getUser(m.user_id))?.email ?? ""));
  return { lab, community: { id: community.id, name: community.name, profession: community.profession, description: community.description, animators: emails.filter(Boolean).join("\n") } };
}

export async function updateCommunityFor(viewer: Viewer, labSlug: string, id: string, input: CommunityInput): Promise<void> {
  const { community } = await communityForEdit(viewer, labSlug, id);
  return transaction(async () => {
    const animators = await resolveEmails(input.animatorEmails, "animators", "Animateurs");
    const before = new Set((await c.listMembers([id], "active")).filter((m) => m.role === "animator").map((m) => m.user_id));
    await c.updateCommunity(id, input);
    await c.setAnimators(id, animators);
    const added = animators.filter((u) => !before.has(u));
    await notify(added.map((userId) => ({ userId, kind: "community_activity" as const, title: `Vous animez la communauté « ${input.name} »`, link: `/communautes/${community.id}` })));
  });
}

// ---------------------------------------------------------------- browsing, joining, leaving

/** Every community, with its lab, its members and the viewer's place in it. */
export async function communitiesIndex(viewer: Viewer) {
  const [list, mine] = await Promise.all([c.listCommunities(), c.membershipsOf(viewer.userId)]);
  const members = await c.listMembers(list.map((x) => x.id), "active");
  const labs = await getLabs(list.map((x) => x.lab_id));
  const status = new Map(mine.map((m) => [m.community_id, m.status]));
  return list.map((x) => ({
    id: x.id,
    name: x.name,
    profession: x.profession,
    lab: labs.get(x.lab_id)?.name ?? "",
    members: members.filter((m) => m.community_id === x.id).length,
    member: status.get(x.id) === "active",
  }));
}

export async function joinCommunity(viewer: Viewer, id: string): Promise<void> {
  const community = await requireCommunity(id);
  await c.setMembership(community.id, viewer.userId, "active");
}

export async function leaveCommunity(viewer: Viewer, id: string): Promise<void> {
  const community = await requireCommunity(id);
  const me = await c.getMember(community.id, viewer.userId);
  if (me?.status !== "active") throw new Refusal("Vous n’êtes pas membre de cette communauté.", 409);
  await c.setMembership(community.id, viewer.userId, "left", "member");
}

const isOpen = (question: c.PanelQuestion, now = new Date()) => !question.closes_at || now < question.closes_at;

/** The community's page: what anyone signed-in sees, and for members the threads and the panel. */
export async function communityPage(viewer: Viewer, id: string, cursor: { after?: string; before?: string } = {}) {
  const { community, access } = await requireAccess(viewer, id);
  const [members, lab] = await Promise.all([c.listMembers([id], "active"), getLab(community.lab_id)]);
  const animatorIds = members.filter((m) => m.role === "animator").map((m) => m.user_id);
  const threadList = access.canRead ? await c.threadPage(id, cursor) : { rows: [], next: null, prev: null };
  const threads = threadList.rows;
  const threadCount = access.canRead ? ((await c.threadCounts([id])).get(id) ?? 0) : 0;
  const questions = access.member || access.canReadAnswers ? await c.listQuestions(id) : [];
  const users = await getUsers([...animatorIds, ...threads.map((t) => t.author_id)]);
  const name = (u: string) => (users.get(u) ? displayName(users.get(u)!) : "Agent");
  const mine = access.member ? await Promise.all(questions.map((q) => c.getAnswer(q.id, viewer.userId))) : [];
  return {
    community: { id: community.id, name: community.name, profession: community.profession, description: community.description, lab: lab?.name ?? "", labSlug: lab?.slug ?? "" },
    access,
    memberCount: members.length,
    animators: animatorIds.map((u) => ({ userId: u, name: name(u) })),
    threadCount,
    threadPages: { next: threadList.next, prev: threadList.prev },
    threads: threads.map((t) => ({
      id: t.id,
      kind: t.kind,
      kindLabel: c.threadKinds[t.kind],
      title: t.hidden_at && !access.canModerate && t.author_id !== viewer.userId ? "Message masqué par la modération" : t.title,
      hidden: !!t.hidden_at,
      author: name(t.author_id),
      replies: t.reply_count,
      lastActivity: t.last_activity_at,
      sentAsIdea: !!t.idea_id,
    })),
    questions: questions.map((q, i) => ({ id: q.id, question: q.question, closesAt: q.closes_at, open: isOpen(q), answers: q.answers, answered: !!mine[i] })),
  };
}

// ---------------------------------------------------------------- threads

export async function postThread(viewer: Viewer, id: string, input: { kind: c.ThreadKind; title: string; body: string }): Promise<c.Thread> {
  const { community, access } = await requireAccess(viewer, id);
  if (!access.canPost) throw new Refusal("Rejoignez la communauté pour y écrire.", 403);
  return c.createThread({ communityId: community.id, authorId: viewer.userId, ...input });
}

async function requireThread(viewer: Viewer, id: string, threadId: string) {
  const { community, access } = await requireAccess(viewer, id);
  const thread = await c.getThread(threadId);
  if (!thread || thread.community_id !== community.id) throw new Refusal("Ce fil de discussion n’existe pas.", 404);
  if (!access.canRead) throw new Refusal("Les discussions de cette communauté sont réservées à ses membres : rejoignez-la pour les lire.", 403);
  return { community, access, thread };
}

/** Who may send a problem or a project to the lab as an idea: its author, the lab team, an animator. */
const canSend = (viewer: Viewer, access: CommunityAccess, thread: c.Thread) =>
  thread.kind !== "discussion" && !thread.hidden_at && !thread.idea_sent_at && (thread.author_id === viewer.userId || access.canModerate);

/** The open campaigns of the community's lab, to send an idea to. */
async function openCampaignsOf(labId: string) {
  return (await listLabCampaigns([labId])).filter((x) => campaignPhase(x) === "open").map((x) => ({ id: x.id, title: x.title }));
}

export async function threadPage(viewer: Viewer, id: string, threadId: string) {
  const { community, access, thread } = await requireThread(viewer, id, threadId);
  const replies = await c.listReplies(thread.id);
  const users = await getUsers([thread.author_id, ...replies.map((r) => r.author_id)]);
  const name = (u: string) => (users.get(u) ? displayName(users.get(u)!) : "Agent");
  const job = (u: string) => users.get(u)?.job ?? null;
  /** Hidden messages: their text is for moderators and their author; everyone sees the reason. */
  const shown = (m: { author_id: string; hidden_at: Date | null }) => !m.hidden_at || access.canModerate || m.author_id === viewer.userId;
  const sendable = canSend(viewer, access, thread);
  return {
    community: { id: community.id, name: community.name, profession: community.profession },
    access,
    thread: {
      id: thread.id,
      kind: thread.kind,
      kindLabel: c.threadKinds[thread.kind],
      title: shown(thread) ? thread.title : "Message masqué par la modération",
      body: shown(thread) ? thread.body : null,
      author: name(thread.author_id),
      authorJob: job(thread.author_id),
      mine: thread.author_id === viewer.userId,
      createdAt: thread.created_at,
      hidden: thread.hidden_at ? { at: thread.hidden_at, reason: thread.hidden_reason ?? "" } : null,
      ideaId: thread.idea_id,
      sending: !!thread.idea_sent_at && !thread.idea_id,
    },
    replies: replies.map((r) => ({
      id: r.id,
      author: name(r.author_id),
      authorJob: job(r.author_id),
      body: shown(r) ? r.body : null,
      createdAt: r.created_at,
      hidden: r.hidden_at ? { at: r.hidden_at, reason: r.hidden_reason ?? "" } : null,
    })),
    canSend: sendable,
    campaigns: sendable ? await openCampaignsOf(community.lab_id) : [],
  };
}

export async function replyTo(viewer: Viewer, id: string, threadId: string, body: string): Promise<c.Reply> {
  const { community, access, thread } = await requireThread(viewer, id, threadId);
  if (!access.canPost) throw new Refusal("Rejoignez la communauté pour répondre.", 403);
  if (thread.hidden_at) throw new Refusal("Ce message est masqué : il ne reçoit plus de réponses.", 409);
  return transaction(async () => {
    const reply = await c.addReply(thread.id, viewer.userId, body);
    if (thread.author_id !== viewer.userId) {
      await notify({ userId: thread.author_id, kind: "community_activity", title: `Nouvelle réponse à « ${thread.title} » dans la communauté ${community.name}`, link: `/communautes/${community.id}/fils/${thread.id}` });
    }
    return reply;
  });
}

/** Hides a thread, or one of its replies, with a reason its author is told. The trace stays: who, when, why. */
export async function hideMessage(viewer: Viewer, id: string, threadId: string, replyId: string | null, reason: string): Promise<void> {
  const { community, access, thread } = await requireThread(viewer, id, threadId);
  if (!access.canModerate) throw new Refusal("Seuls l’équipe du lab et les animateurs modèrent.", 403);
  return transaction(async () => {
    const link = `/communautes/${community.id}/fils/${thread.id}`;
    if (replyId) {
      const reply = await c.getReply(replyId);
      if (!reply || reply.thread_id !== thread.id) throw new Refusal("Cette réponse n’existe pas.", 404);
      if (reply.hidden_at) throw new Refusal("Cette réponse est déjà masquée.", 409);
      await c.hideReply(reply.id, reason, viewer.userId);
      await notify({ userId: reply.author_id, kind: "moderation", title: `Votre réponse dans la communauté ${community.name} a été masquée : ${reason}`, link });
    } else {
      if (thread.hidden_at) throw new Refusal("Ce message est déjà masqué.", 409);
      await c.hideThread(thread.id, reason, viewer.userId);
      await notify({ userId: thread.author_id, kind: "moderation", title: `Votre message « ${thread.title} » a été masqué : ${reason}`, link });
    }
  });
}

/**
 * Sends a problem or a project to the lab as a submitted idea of one of its open campaigns, with
 * the thread's author as the idea's author, in one step; a thread becomes an idea only once.
 */
export async function sendAsIdea(viewer: Viewer, id: string, threadId: string, input: { campaignId: string; proposal: string; beneficiaries: string }) {
  const { community, access, thread } = await requireThread(viewer, id, threadId);
  if (thread.idea_sent_at) throw new Refusal("Ce fil a déjà été envoyé au lab comme idée.", 409);
  if (thread.kind === "discussion") throw new Refusal("Seuls un problème ou un projet s’envoient au lab comme idée.", 409);
  if (thread.hidden_at) throw new Refusal("Un message masqué ne s’envoie pas au lab.", 409);
  if (!canSend(viewer, access, thread)) throw new Refusal("Seuls l’auteur du message, l’équipe du lab et les animateurs l’envoient au lab.", 403);
  const campaigns = await openCampaignsOf(community.lab_id);
  if (!campaigns.some((x) => x.id === input.campaignId)) throw new Refusal("Campagne : choisissez une campagne ouverte du lab dans la liste.", 400, "campaignId");
  // Claim, idea, link and notice in one transaction: a failure anywhere leaves the thread unclaimed;
  // a concurrent sender waits on the claimed row and then finds it sent.
  return transaction(async () => {
    if (!(await c.claimForIdea(thread.id, viewer.userId))) throw new Refusal("Ce fil a déjà été envoyé au lab comme idée.", 409);
    const author = { userId: thread.author_id, principal: await loadPrincipal(thread.author_id) };
    const idea = await createIdeaFor(author, input.campaignId, { title: frenchSpaces(thread.title).slice(0, 150), problem: frenchSpaces(thread.body), proposal: frenchSpaces(input.proposal), beneficiaries: frenchSpaces(input.beneficiaries), coauthorEmails: [], submit: true }, []).catch((err) => {
      if (err instanceof Refusal && err.status === 403) throw new Refusal(`Campagne : ${err.message}`, 400, "campaignId");
      throw err;
    });
    await c.setThreadIdea(thread.id, idea.id);
    if (thread.author_id !== viewer.userId) {
      await notify({ userId: thread.author_id, kind: "community_activity", title: `Votre message « ${thread.title} » a été envoyé au lab comme idée`, link: `/idees/${idea.id}` });
    }
    return idea;
  });
}

/** For an idea's page: the community thread it came from, if any. */
export async function originOfIdea(ideaId: string) {
  const thread = await c.threadForIdea(ideaId);
  if (!thread) return null;
  const community = await c.getCommunity(thread.community_id);
  return { communityId: thread.community_id, communityName: community?.name ?? "", threadId: thread.id, title: thread.title };
}

// ---------------------------------------------------------------- members directory

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/** Members with their site, organisation and job, filtered by site and by a name or job. */
export async function membersDirectory(viewer: Viewer, id: string, filter: { site?: string; q?: string } = {}) {
  const { community, access } = await requireAccess(viewer, id);
  if (!access.canRead) throw new Refusal("L’annuaire de cette communauté est réservé à ses membres : rejoignez-la pour le consulter.", 403);
  const members = await c.listMembers([id], "active");
  const profiles = await getUserProfiles(members.map((m) => m.user_id));
  const orgs = await getOrganizations([...profiles.values()].map((u) => u.organization_id).filter((x): x is string => !!x));
  const all = members.map((m) => {
    const u = profiles.get(m.user_id);
    return {
      userId: m.user_id,
      name: u ? displayName(u) : "Agent",
      familyName: u?.family_name ?? "",
      job: u?.job ?? null,
      site: u?.site ?? null,
      organization: u?.organization_id ? (orgs.get(u.organization_id)?.name ?? null) : null,
      animator: m.role === "animator",
      since: m.joined_at,
    };
  });
  const sites = [...new Set(all.map((m) => m.site).filter((s): s is string => !!s))].sort((a, b) => a.localeCompare(b, "fr"));
  const needle = fold(filter.q?.trim() ?? "");
  const shown = all
    .filter((m) => !filter.site || m.site === filter.site)
    .filter((m) => !needle || fold(`${m.name} ${m.job ?? ""} ${m.organization ?? ""}`).includes(needle))
    .sort((a, b) => a.familyName.localeCompare(b.familyName, "fr") || a.name.localeCompare(b.name, "fr"));
  return { community: { id: community.id, name: community.name }, total: all.length, sites, members: shown };
}

// ---------------------------------------------------------------- panel

/** A director of the community's lab sends the community a question; every member is told in the app. */
export async function askPanel(viewer: Viewer, id: string, input: { question: string; closesAt: Date | null }, now = new Date()): Promise<c.PanelQuestion> {
  const { community, access } = await requireAccess(viewer, id);
  if (!access.canAsk) throw new Refusal("Seule une direction du lab interroge le panel d’une communauté.", 403);
  if (input.closesAt && input.closesAt <= now) throw new Refusal("Date de clôture : choisissez une date à venir.", 400, "closesAt");
  return transaction(async () => {
    const question = await c.createQuestion({ communityId: community.id, askedBy: viewer.userId, question: input.question, closesAt: input.closesAt, at: now });
    const members = await c.listMembers([id], "active");
    const excerpt = input.question.length > 90 ? `${input.question.slice(0, 90)}…` : input.question;
    await notify(
      members
        .filter((m) => m.user_id !== viewer.userId)
        .map((m) => ({ userId: m.user_id, kind: "community_panel" as const, title: `Question au panel de la communauté ${community.name} : « ${excerpt} »`, link: `/communautes/${community.id}/panel/${question.id}` })),
    );
    return question;
  });
}

export async function panelCommunity(viewer: Viewer, id: string) {
  const { community, access } = await requireAccess(viewer, id);
  if (!access.canAsk) throw new Refusal("Seule une direction du lab interroge le panel d’une communauté.", 403);
  return { id: community.id, name: community.name, profession: community.profession };
}

async function requireQuestion(viewer: Viewer, id: string, questionId: string) {
  const { community, access } = await requireAccess(viewer, id);
  const question = await c.getQuestion(questionId);
  if (!question || question.community_id !== community.id) throw new Refusal("Cette question n’existe pas.", 404);
  if (!access.member && !access.canReadAnswers) throw new Refusal("Les questions au panel sont réservées aux membres de la communauté.", 403);
  return { community, access, question };
}

export async function panelQuestionPage(viewer: Viewer, id: string, questionId: string) {
  const { community, access, question } = await requireQuestion(viewer, id, questionId);
  const [mine, asker] = await Promise.all([c.getAnswer(question.id, viewer.userId), getUser(question.asked_by)]);
  let answers: { userId: string; name: string; job: string | null; site: string | null; body: string; updatedAt: Date }[] = [];
  if (access.canReadAnswers) {
    const rows = await c.listAnswers(question.id);
    const profiles = await getUserProfiles(rows.map((r) => r.user_id));
    answers = rows.map((r) => {
      const u = profiles.get(r.user_id);
      return { userId: r.user_id, name: u ? displayName(u) : "Agent", job: u?.job ?? null, site: u?.site ?? null, body: r.body, updatedAt: r.updated_at };
    });
  }
  const memberCount = (await c.listMembers([id], "active")).length;
  return {
    community: { id: community.id, name: community.name },
    access,
    question: { id: question.id, question: question.question, closesAt: question.closes_at, open: isOpen(question), askedAt: question.created_at, askedBy: asker ? displayName(asker) : "Direction" },
    myAnswer: mine ? { body: mine.body, updatedAt: mine.updated_at } : null,
    canAnswer: access.member && isOpen(question),
    memberCount,
    answerCount: access.canReadAnswers ? answers.length : null,
    answers,
  };
}

/** One answer per member, editable until the question closes. */
export async function answerPanel(viewer: Viewer, id: string, questionId: string, body: string): Promise<void> {
  const { access, question } = await requireQuestion(viewer, id, questionId);
  if (!access.member) throw new Refusal("Seuls les membres de la communauté répondent au panel.", 403);
  if (!isOpen(question)) throw new Refusal("Cette question est close : elle ne reçoit plus de réponses.", 409);
  await c.saveAnswer(question.id, viewer.userId, body);
}

/** A CSV cell: quoted, and never read as a formula by a spreadsheet. */
export function csvCell(v: string | null | undefined): string {
  let s = v ?? "";
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * The answers as CSV, for the director and the lab team: checked before the first line, then
 * read from the database page by page, so a large panel never sits whole in memory.
 */
export async function answersCsv(viewer: Viewer, id: string, questionId: string) {
  const { community, access, question } = await requireQuestion(viewer, id, questionId);
  if (!access.canReadAnswers) throw new Refusal("Seules les directions et l’équipe du lab lisent les réponses du panel.", 403);
  async function* lines(): AsyncGenerator<string> {
    yield "\ufeff" + ["nom", "emploi", "site", "organisation", "reponse", "repondu_le", "modifie_le"].join(";") + "\r\n";
    for await (const page of c.answerPages(question.id)) {
      const profiles = await getUserProfiles(page.map((r) => r.user_id));
      const orgs = await getOrganizations([...profiles.values()].map((u) => u.organization_id).filter((x): x is string => !!x));
      yield page
        .map((r) => {
          const u = profiles.get(r.user_id);
          return [u ? displayName(u) : "Agent", u?.job, u?.site, u?.organization_id ? orgs.get(u.organization_id)?.name : "", r.body, r.created_at.toISOString(), r.updated_at.toISOString()].map(csvCell).join(";") + "\r\n";
        })
        .join("");
    }
  }
  const slug = community.name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return { filename: `panel-${slug}-${question.created_at.toISOString().slice(0, 10)}.csv`, lines: lines() };
}
