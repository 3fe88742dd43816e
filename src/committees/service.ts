import { hasRole, Refusal, type Viewer } from "../kernel/permissions";
import { transaction } from "../kernel/db/transaction";
import { formatDate, formatDateTime, frenchSpaces, plural } from "../kernel/format";
import { parisMidnight } from "../kernel/forms";
import { absoluteUrl, queueMail, type Mail } from "../kernel/mail/mail";
import { runtime } from "../kernel/runtime";
import { displayName, findUserByEmail, getUserContacts, getUsers } from "../accounts/accounts";
import { getOrganizations, type OrganizationKind } from "../organizations/organizations";
import { getLabBySlug, type Lab } from "../labs/labs";
import { notify } from "../notifications/notifications";
import * as data from "./db/queries";
import type { AgendaItemKind, Committee, CommitteeKind, Meeting, Side, VoteChoice } from "./db/schema";
import { committeeRights } from "./permissions";
import { defaultQuorum, isAdopted, majorityFailure, quorum, sideLabels, sides, tallyVotes, type SideTally } from "./rules";
import { agendaSource, decisionApplier, registeredSourceKinds, type AwaitingSubject } from "./registry";
import { choiceLabels, committeeKindLabels, itemKindLabels } from "./labels";
import { invitationIcs } from "./ics";
import { minutesPdf } from "./pdf";

const HIDDEN = "Ce comité n’existe pas.";
const q = (s: string) => `«\u00a0${s}\u00a0»`;

// ---------------------------------------------------------------- loading with rights

async function labBySlug(slug: string): Promise<Lab> {
  const lab = await getLabBySlug(slug);
  if (!lab) throw new Refusal("Ce lab n’existe pas.", 404);
  return lab;
}

/** The lab, for its team; anyone else gets 404 (a lab's committees are not public). */
async function labForTeam(viewer: Viewer, slug: string): Promise<Lab> {
  const lab = await labBySlug(slug);
  if (!hasRole(viewer.principal, lab.id, "lab_team")) throw new Refusal(HIDDEN, 404);
  return lab;
}

async function loadCommittee(viewer: Viewer, labSlug: string, committeeId: string) {
  const lab = await labBySlug(labSlug);
  const committee = await data.getCommittee(committeeId);
  if (!committee || committee.lab_id !== lab.id) throw new Refusal(HIDDEN, 404);
  const members = await data.listMembers(committee.id);
  const rights = committeeRights(viewer, { labId: lab.id, chairId: committee.chair_id, memberIds: members.map((m) => m.user_id) });
  if (!rights.maySee) throw new Refusal(HIDDEN, 404);
  return { lab, committee, members, rights };
}

async function loadMeeting(viewer: Viewer, labSlug: string, committeeId: string, meetingId: string) {
  const base = await loadCommittee(viewer, labSlug, committeeId);
  const meeting = await data.getMeeting(meetingId);
  if (!meeting || meeting.committee_id !== base.committee.id) throw new Refusal("Cette réunion n’existe pas.", 404);
  const present = await data.presentIds(meeting.id);
  const rights = committeeRights(viewer, { labId: base.lab.id, chairId: base.committee.chair_id, memberIds: base.members.map((m) => m.user_id) }, { presentIds: present });
  const minutes = await data.getMinutes(meeting.id);
  return { ...base, rights, meeting, present, minutes };
}

const requireManage = (rights: { mayManage: boolean }) => {
  if (!rights.mayManage) throw new Refusal("Seule l’équipe du lab prépare les réunions du comité.", 403);
};
const requireDraft = (minutes: { validated_at: Date | null } | undefined) => {
  if (minutes?.validated_at) throw new Refusal("Le compte rendu de cette réunion est validé : elle ne change plus.", 409);
};

const quorumRule = (c: Committee) => ({ percent: c.quorum_percent, perSide: c.quorum_per_side });
const seatsOf = (members: { user_id: string; side: Side | null }[]) => members.map((m) => ({ userId: m.user_id, side: m.side }));
const paths = (labSlug: string, committeeId: string, meetingId?: string) => {
  const committee = `/lab/${labSlug}/comites/${committeeId}`;
  return { committee, meeting: meetingId ? `${committee}/reunions/${meetingId}` : committee };
};

async function namesOf(ids: string[]) {
  const users = await getUsers(ids);
  return (id: string | null) => (id && users.get(id) ? displayName(users.get(id)!) : "Agent");
}

// ---------------------------------------------------------------- the lab's committees

/** The side an organisation's agents sit for, when its kind tells it. */
export function sideOfOrganization(kind: OrganizationKind | undefined): Side | null {
  if (kind === "prefecture" || kind === "ddt") return "state";
  if (kind === "region_hq" || kind === "maison_region" || kind === "lycee") return "region";
  return null;
}

/** Whether this agent sits in one of the lab's committees (the steering dashboards are open to them). */
export async function sitsInCommitteeOf(userId: string, labId: string): Promise<boolean> {
  const mine = new Set((await data.committeesOfMember(userId)).map((m) => m.committee_id));
  if (!mine.size) return false;
  return (await data.listCommittees(labId)).some((c) => mine.has(c.id));
}

/** The lab team sees every committee of the lab; a member sees the committees they sit in; anyone else 404. */
export async function labCommittees(viewer: Viewer, labSlug: string) {
  const lab = await labBySlug(labSlug);
  const labTeam = hasRole(viewer.principal, lab.id, "lab_team");
  const mine = new Set((await data.committeesOfMember(viewer.userId)).map((m) => m.committee_id));
  const all = await data.listCommittees(lab.id);
  const visible = all.filter((c) => labTeam || mine.has(c.id));
  if (!labTeam && !visible.length) throw new Refusal(HIDDEN, 404);
  const now = Date.now();
  const rows = await Promise.all(
    visible.map(async (c) => {
      const meetings = await data.listMeetings(c.id);
      const next = meetings.find((m) => m.ends_at.getTime() >= now);
      return { id: c.id, name: c.name, kind: c.kind, kindLabel: committeeKindLabels[c.kind], rhythm: c.rhythm, members: (await data.listMembers(c.id)).length, meetings: meetings.length, nextMeeting: next?.starts_at ?? null };
    }),
  );
  return { lab: { id: lab.id, slug: lab.slug, name: lab.name }, labTeam, committees: rows };
}

export async function createCommitteeFor(viewer: Viewer, labSlug: string, input: { kind: CommitteeKind; name: string; rhythm: string }): Promise<Committee> {
  const lab = await labForTeam(viewer, labSlug);
  const rule = defaultQuorum(input.kind);
  return data.createCommittee({ labId: lab.id, kind: input.kind, name: input.name, rhythm: input.rhythm, quorumPercent: rule.percent, quorumPerSide: rule.perSide });
}

export interface CommitteeSettings {
  name: string;
  rhythm: string;
  quorumPercent: number;
  quorumPerSide: boolean;
  chairEmail: string | null;
  members: { email: string; side: Side | null }[];
}

/**
 * The committee's settings: its members by address (a paritary committee's member sits for the
 * side given, or else the one their organisation tells), its chair (one of them), its quorum.
 */
export async function updateCommitteeFor(viewer: Viewer, labSlug: string, committeeId: string, input: CommitteeSettings): Promise<void> {
  const { committee, rights } = await loadCommittee(viewer, labSlug, committeeId);
  requireManage(rights);
  const paritary = committee.kind === "steering";
  await transaction(async () => {
    const members: { userId: string; side: Side | null }[] = [];
    const users = [];
    for (const m of input.members) {
      const u = await findUserByEmail(m.email);
      if (!u || u.deleted_at) throw new Refusal(`Membres : aucun compte n’a l’adresse ${m.email}.`, 400, "members");
      users.push({ user: u, side: m.side });
    }
    const orgs = await getOrganizations(users.map((x) => x.user.organization_id).filter((x): x is string => !!x));
    for (const { user, side } of users) {
      if (members.some((m) => m.userId === user.id)) continue;
      let s: Side | null = null;
      if (paritary) {
        s = side ?? sideOfOrganization(user.organization_id ? orgs.get(user.organization_id)?.kind : undefined);
        if (!s) throw new Refusal(`Membres : précisez si ${user.email} siège pour l’État ou pour la Région (son organisation ne le dit pas).`, 400, "members");
      }
      members.push({ userId: user.id, side: s });
    }
    let chairId: string | null = null;
    if (input.chairEmail) {
      const chair = await findUserByEmail(input.chairEmail);
      if (!chair || !members.some((m) => m.userId === chair.id)) throw new Refusal("Président ou présidente : choisissez un membre du comité.", 400, "chair");
      chairId = chair.id;
    }
    const before = new Set((await data.listMembers(committee.id)).map((m) => m.user_id));
    await data.updateCommittee(committee.id, { name: input.name, rhythm: input.rhythm, quorumPercent: input.quorumPercent, quorumPerSide: paritary && input.quorumPerSide, chairId });
    await data.setMembers(committee.id, members);
    const added = members.filter((m) => !before.has(m.userId));
    await notify(added.map((m) => ({ userId: m.userId, kind: "committee_meeting" as const, title: `Vous siégez au ${committeeKindLabels[committee.kind].toLowerCase()} ${q(input.name)}`, link: paths(labSlug, committee.id).committee })));
  });
}

/**
 * The committee's page: members by side, the quorum rule, its calendar (meetings past and to
 * come, their minutes) and, for the next meeting, the items already on its agenda and (for the
 * lab team) what awaits from the registered sources.
 */
export async function committeePage(viewer: Viewer, labSlug: string, committeeId: string, now = new Date()) {
  const { lab, committee, members, rights } = await loadCommittee(viewer, labSlug, committeeId);
  const meetings = await data.listMeetings(committee.id);
  const minutes = await data.minutesOf(meetings.map((m) => m.id));
  const contacts = await getUserContacts(members.map((m) => m.user_id));
  const name = await namesOf([...members.map((m) => m.user_id), ...(committee.chair_id ? [committee.chair_id] : [])]);
  const next = meetings.find((m) => m.ends_at.getTime() >= now.getTime()) ?? null;
  const nextItems = next ? await data.listItems(next.id) : [];
  const awaiting = rights.mayManage ? await awaitingFor(lab.id, committee) : [];
  return {
    lab: { slug: lab.slug, name: lab.name },
    committee: {
      id: committee.id,
      name: committee.name,
      kind: committee.kind,
      kindLabel: committeeKindLabels[committee.kind],
      paritary: committee.kind === "steering",
      rhythm: committee.rhythm,
      quorumPercent: committee.quorum_percent,
      quorumPerSide: committee.quorum_per_side,
      chair: committee.chair_id ? name(committee.chair_id) : null,
      chairEmail: committee.chair_id ? (contacts.get(committee.chair_id)?.email ?? "") : "",
    },
    rights,
    members: members
      .map((m) => ({ userId: m.user_id, name: name(m.user_id), email: contacts.get(m.user_id)?.email ?? "", side: m.side, sideLabel: m.side ? sideLabels[m.side] : null, chair: m.user_id === committee.chair_id }))
      .sort((a, b) => (a.side ?? "").localeCompare(b.side ?? "") || a.name.localeCompare(b.name, "fr")),
    meetings: meetings.map((m) => ({
      id: m.id,
      startsAt: m.starts_at,
      place: m.place || "Visioconférence",
      held: m.starts_at.getTime() <= now.getTime(),
      minutes: minutes.has(m.id) ? (minutes.get(m.id)!.validated_at ? ("validated" as const) : ("draft" as const)) : null,
    })),
    next: next ? { id: next.id, startsAt: next.starts_at, items: nextItems.map((i) => ({ id: i.id, title: i.title, kindLabel: itemKindLabels[i.kind] })) } : null,
    awaiting,
  };
}

/** What awaits the committee from the registered sources, minus what is already on one of its agendas. */
async function awaitingFor(labId: string, committee: Committee) {
  const out: (AwaitingSubject & { kind: AgendaItemKind; kindLabel: string })[] = [];
  for (const kind of registeredSourceKinds()) {
    const source = agendaSource(kind)!;
    // A failing source leaves its items out: the committee's page still opens.
    const subjects = await source({ labId, committeeKind: committee.kind }).catch((err: unknown) => {
      runtime().log.warn("agenda source failed", { kind, err });
      return [] as AwaitingSubject[];
    });
    const taken = await data.subjectsOnAgenda(committee.id, kind);
    for (const s of subjects) if (!taken.has(s.subjectId)) out.push({ ...s, kind, kindLabel: itemKindLabels[kind] });
  }
  return out;
}

// ---------------------------------------------------------------- meetings

export interface MeetingInput {
  day: string;
  startTime: string;
  endTime: string;
  place: string;
  videoUrl: string;
}

function meetingTimes(input: MeetingInput): { startsAt: Date; endsAt: Date } {
  const midnight = parisMidnight(input.day);
  if (!midnight) throw new Refusal("Date : cette date n’existe pas.", 400, "day");
  const at = (hhmm: string) => {
    const [h, m] = hhmm.split(":").map(Number);
    return new Date(midnight.getTime() + (h * 60 + m) * 60_000);
  };
  const startsAt = at(input.startTime);
  const endsAt = at(input.endTime);
  if (endsAt <= startsAt) throw new Refusal("Fin : l’heure de fin vient après l’heure de début.", 400, "endTime");
  return { startsAt, endsAt };
}

export async function scheduleMeeting(viewer: Viewer, labSlug: string, committeeId: string, input: MeetingInput): Promise<Meeting> {
  const { committee, rights } = await loadCommittee(viewer, labSlug, committeeId);
  requireManage(rights);
  if (!input.place && !input.videoUrl) throw new Refusal("Lieu : indiquez un lieu, un lien de visioconférence, ou les deux.", 400, "place");
  return data.createMeeting({ committeeId: committee.id, ...meetingTimes(input), place: input.place, videoUrl: input.videoUrl });
}

interface ItemView {
  id: string;
  position: number;
  kind: AgendaItemKind;
  kindLabel: string;
  title: string;
  summary: string;
  secret: boolean;
  discussion: string;
  tally: (SideTally & { sideLabel: string | null })[];
  voters: { name: string; sideLabel: string | null; choice: string }[];
  myVote: VoteChoice | null;
  decision: { id: string; adopted: boolean; wording: string; corrections: { adopted: boolean; wording: string; at: Date }[] } | null;
  /** Why the viewer may not vote on it now, or null. */
  voteBlocked: string | null;
  /** Nobody has voted and nothing is decided: the lab team may still take it off or change its mode of vote. */
  untouched: boolean;
  provisional: { adopted: boolean; reason: string | null };
}

/** Everything the meeting page, the dossiers and the minutes show. */
async function meetingView(viewer: Viewer, ctx: Awaited<ReturnType<typeof loadMeeting>>) {
  const { lab, committee, members, meeting, present, minutes, rights } = ctx;
  const rule = quorumRule(committee);
  const seats = seatsOf(members);
  const check = quorum(rule, seats, present);
  const items = await data.listItems(meeting.id);
  const itemIds = items.map((i) => i.id);
  const [votes, secretCounts, decisions] = await Promise.all([data.votesOn(itemIds), data.secretCountsOn(itemIds), data.decisionsOf(meeting.id)]);
  const name = await namesOf([...members.map((m) => m.user_id), ...votes.map((v) => v.voter_id)]);
  const presentSet = new Set(present);
  const memberSide = new Map(members.map((m) => [m.user_id, m.side]));
  const meMember = memberSide.has(viewer.userId);
  const tallyOf = (itemId: string, secret: boolean): SideTally[] => {
    if (secret) {
      const rows = secretCounts.filter((c) => c.item_id === itemId);
      return (rule.perSide ? sides : [null]).map((side) => {
        const r = rows.find((x) => x.side === side);
        return { side, for: r?.votes_for ?? 0, against: r?.votes_against ?? 0, abstain: r?.abstentions ?? 0 };
      });
    }
    // Only the votes of members present count (attendance may be corrected after a vote).
    const counted = votes.filter((v) => v.item_id === itemId && presentSet.has(v.voter_id) && memberSide.has(v.voter_id));
    return tallyVotes(rule.perSide, counted.map((v) => ({ side: memberSide.get(v.voter_id) ?? null, choice: v.choice })));
  };
  const itemViews: ItemView[] = items.map((i) => {
    const tally = tallyOf(i.id, i.secret);
    const mine = decisions.filter((d) => d.item_id === i.id);
    const original = mine.find((d) => !d.corrects_id) ?? null;
    const corrections = mine.filter((d) => d.corrects_id);
    let voteBlocked: string | null = null;
    if (!meMember) voteBlocked = "Seuls les membres du comité votent.";
    else if (!presentSet.has(viewer.userId)) voteBlocked = "Vous n’êtes pas noté présent ou présente à cette réunion : vous ne pouvez pas voter.";
    else if (!check.met) voteBlocked = "Le quorum n’est pas atteint : la réunion ne peut prendre aucune décision.";
    else if (i.secret) voteBlocked = "Vote à bulletin secret : l’équipe du lab saisit le décompte, aucun vote nominatif n’est enregistré.";
    else if (original) voteBlocked = "Le vote sur ce point est clos : la décision est enregistrée.";
    else if (minutes?.validated_at) voteBlocked = "Le compte rendu est validé.";
    return {
      id: i.id,
      position: i.position,
      kind: i.kind,
      kindLabel: itemKindLabels[i.kind],
      title: i.title,
      summary: i.summary,
      secret: i.secret,
      discussion: i.discussion,
      tally: tally.map((t) => ({ ...t, sideLabel: t.side ? sideLabels[t.side] : null })),
      voters: i.secret || !rights.mayManage ? [] : votes.filter((v) => v.item_id === i.id).map((v) => ({ name: name(v.voter_id), sideLabel: v.side ? sideLabels[v.side] : null, choice: choiceLabels[v.choice] })),
      myVote: i.secret ? null : (votes.find((v) => v.item_id === i.id && v.voter_id === viewer.userId)?.choice ?? null),
      decision: original
        ? { id: original.id, adopted: original.adopted, wording: original.wording, corrections: corrections.map((c) => ({ adopted: c.adopted, wording: c.wording, at: c.created_at })) }
        : null,
      voteBlocked,
      untouched: !original && !votes.some((v) => v.item_id === i.id) && !secretCounts.some((c) => c.item_id === i.id),
      provisional: { adopted: isAdopted(tally), reason: majorityFailure(tally) },
    };
  });
  // The previous meeting's minutes, linked from this agenda.
  const all = await data.listMeetings(committee.id);
  const idx = all.findIndex((m) => m.id === meeting.id);
  const previous = idx > 0 ? all[idx - 1] : null;
  const previousMinutes = previous ? await data.getMinutes(previous.id) : undefined;
  const p = paths(lab.slug, committee.id, meeting.id);
  return {
    lab: { slug: lab.slug, name: lab.name },
    committee: { id: committee.id, name: committee.name, kind: committee.kind, kindLabel: committeeKindLabels[committee.kind], paritary: committee.kind === "steering", chair: committee.chair_id ? name(committee.chair_id) : null },
    meeting: { id: meeting.id, startsAt: meeting.starts_at, endsAt: meeting.ends_at, place: meeting.place, videoUrl: meeting.video_url, convenedAt: meeting.convened_at },
    paths: p,
    rights,
    members: members
      .map((m) => ({ userId: m.user_id, name: name(m.user_id), side: m.side, sideLabel: m.side ? sideLabels[m.side] : null, present: presentSet.has(m.user_id) }))
      .sort((a, b) => (a.side ?? "").localeCompare(b.side ?? "") || a.name.localeCompare(b.name, "fr")),
    quorum: {
      met: check.met,
      rule: `${rule.percent}\u00a0% des membres présents${rule.perSide ? ", de chaque côté" : ""}`,
      groups: check.groups.map((g) => ({ sideLabel: g.side ? sideLabels[g.side] : "Membres", members: g.members, present: g.present, needed: g.needed, met: g.met })),
    },
    items: itemViews,
    previous: previous ? { id: previous.id, startsAt: previous.starts_at, minutes: previousMinutes ? (previousMinutes.validated_at ? "validated" : "draft") : null } : null,
    minutes: minutes ? { body: minutes.body, validatedAt: minutes.validated_at, validatedHow: minutes.validated_how, validatedBy: minutes.validated_by ? name(minutes.validated_by) : null, updatedAt: minutes.updated_at } : null,
    awaiting: rights.mayManage && !minutes?.validated_at ? await awaitingFor(lab.id, committee) : [],
  };
}
export type MeetingView = Awaited<ReturnType<typeof meetingView>>;

export async function meetingPage(viewer: Viewer, labSlug: string, committeeId: string, meetingId: string) {
  return meetingView(viewer, await loadMeeting(viewer, labSlug, committeeId, meetingId));
}

/** The agenda: a free item (its dossier is the text given), or an item referencing a subject by its title. */
export async function addAgendaItem(
  viewer: Viewer,
  labSlug: string,
  committeeId: string,
  meetingId: string,
  input: { kind: AgendaItemKind; title: string; summary: string; secret: boolean; subjectId?: string | null },
) {
  const ctx = await loadMeeting(viewer, labSlug, committeeId, meetingId);
  requireManage(ctx.rights);
  requireDraft(ctx.minutes);
  let { title, summary } = input;
  let subjectId: string | null = null;
  if (input.subjectId) {
    if (input.kind === "free") throw new Refusal("Un point libre ne renvoie à aucun dossier.", 400, "kind");
    const source = agendaSource(input.kind);
    const subject = source ? (await source({ labId: ctx.lab.id, committeeKind: ctx.committee.kind })).find((s) => s.subjectId === input.subjectId) : undefined;
    if (!subject) throw new Refusal("Ce dossier n’attend plus le comité.", 409);
    subjectId = subject.subjectId;
    title = subject.title;
    summary = subject.summary;
  }
  return transaction(async () => {
    try {
      return await data.addItem({ meetingId: ctx.meeting.id, kind: input.kind, subjectId, title, summary, secret: input.secret });
    } catch (err) {
      if ((err as { code?: string }).code === "23505") throw new Refusal("Ce dossier est déjà à l’ordre du jour.", 409);
      throw err;
    }
  });
}

/** An item the lab team may still take off the agenda or turn secret: nobody has voted on it and no decision is recorded. */
async function untouchedItem(ctx: Awaited<ReturnType<typeof loadMeeting>>, itemId: string) {
  requireManage(ctx.rights);
  requireDraft(ctx.minutes);
  const item = await itemOf(ctx, itemId);
  const [votes, counts, decisions] = await Promise.all([data.votesOn([item.id]), data.secretCountsOn([item.id]), data.decisionsOf(ctx.meeting.id)]);
  if (votes.length || counts.length || decisions.some((d) => d.item_id === item.id)) throw new Refusal("Des votes ou une décision sont déjà enregistrés sur ce point : il ne peut plus être retiré ni changer de mode de vote.", 409);
  return item;
}

/** Takes an item off the agenda (before any vote on it); a dossier goes back to what awaits the committee. */
export async function removeAgendaItem(viewer: Viewer, labSlug: string, committeeId: string, meetingId: string, itemId: string) {
  const ctx = await loadMeeting(viewer, labSlug, committeeId, meetingId);
  const item = await untouchedItem(ctx, itemId);
  await transaction(async () => {
    if (!(await data.removeItem(ctx.meeting.id, item.id))) throw new Refusal("Ce point n’est plus à l’ordre du jour.", 404);
  });
  return item;
}

/** Moves an item up or down the agenda (at any time before the minutes are validated). */
export async function moveAgendaItem(viewer: Viewer, labSlug: string, committeeId: string, meetingId: string, itemId: string, direction: "up" | "down") {
  const ctx = await loadMeeting(viewer, labSlug, committeeId, meetingId);
  requireManage(ctx.rights);
  requireDraft(ctx.minutes);
  const item = await itemOf(ctx, itemId);
  await transaction(async () => {
    if (!(await data.moveItem(ctx.meeting.id, item.id, direction === "up" ? -1 : 1))) throw new Refusal(direction === "up" ? "Ce point est déjà le premier de l’ordre du jour." : "Ce point est déjà le dernier de l’ordre du jour.", 409);
  });
}

/** Sets an item's vote secret (only counts stored) or open, before anyone has voted on it. */
export async function setAgendaItemSecret(viewer: Viewer, labSlug: string, committeeId: string, meetingId: string, itemId: string, secret: boolean) {
  const ctx = await loadMeeting(viewer, labSlug, committeeId, meetingId);
  const item = await untouchedItem(ctx, itemId);
  await transaction(() => data.setItemSecret(item.id, secret));
}

/** The lab team records who is present (members only). */
export async function recordAttendance(viewer: Viewer, labSlug: string, committeeId: string, meetingId: string, userIds: string[]) {
  const ctx = await loadMeeting(viewer, labSlug, committeeId, meetingId);
  requireManage(ctx.rights);
  requireDraft(ctx.minutes);
  const memberIds = new Set(ctx.members.map((m) => m.user_id));
  const unknown = userIds.find((u) => !memberIds.has(u));
  if (unknown) throw new Refusal("Présents : cochez des membres du comité.", 400, "present");
  await transaction(() => data.setAttendance(ctx.meeting.id, [...new Set(userIds)]));
}

async function itemOf(ctx: Awaited<ReturnType<typeof loadMeeting>>, itemId: string) {
  const item = await data.getItem(itemId);
  if (!item || item.meeting_id !== ctx.meeting.id) throw new Refusal("Ce point n’est pas à l’ordre du jour de cette réunion.", 404);
  return item;
}

/** A member present votes on an open item (and may change their vote until the decision is recorded). */
export async function castVote(viewer: Viewer, labSlug: string, committeeId: string, meetingId: string, itemId: string, choice: VoteChoice) {
  const ctx = await loadMeeting(viewer, labSlug, committeeId, meetingId);
  await itemOf(ctx, itemId);
  const view = await meetingView(viewer, ctx);
  const item = view.items.find((i) => i.id === itemId)!;
  if (item.voteBlocked) throw new Refusal(item.voteBlocked, 403);
  const side = ctx.members.find((m) => m.user_id === viewer.userId)?.side ?? null;
  await data.castVote(itemId, viewer.userId, side, choice);
}

/** A secret vote: the lab team enters the counts of the ballot, per side; no voter is stored. */
export async function recordSecretCounts(viewer: Viewer, labSlug: string, committeeId: string, meetingId: string, itemId: string, counts: Partial<Record<"state" | "region" | "all", { for: number; against: number; abstain: number }>>) {
  const ctx = await loadMeeting(viewer, labSlug, committeeId, meetingId);
  requireManage(ctx.rights);
  requireDraft(ctx.minutes);
  const item = await itemOf(ctx, itemId);
  if (!item.secret) throw new Refusal("Ce point se vote à main levée : chaque membre présent vote.", 409);
  const rule = quorumRule(ctx.committee);
  const check = quorum(rule, seatsOf(ctx.members), ctx.present);
  if (!check.met) throw new Refusal("Le quorum n’est pas atteint : la réunion ne peut prendre aucune décision.", 409);
  const rows = (rule.perSide ? sides : [null]).map((side) => {
    const c = counts[side ?? "all"] ?? { for: 0, against: 0, abstain: 0 };
    const here = check.groups.find((g) => g.side === side)!.present;
    if (c.for + c.against + c.abstain > here) {
      throw new Refusal(`Décompte${side ? ` (${sideLabels[side]})` : ""} : plus de bulletins (${c.for + c.against + c.abstain}) que de membres présents (${here}).`, 400, side ? `${side}_for` : "all_for");
    }
    return { side, ...c };
  });
  await transaction(() => data.setSecretCounts(item.id, rows));
}

/**
 * Closes the vote on an item: the decision is recorded from the tally (adopted only with a
 * majority on each side of a paritary committee). Without quorum, no decision. Until the minutes
 * are validated, recording again replaces it.
 */
export async function recordDecision(viewer: Viewer, labSlug: string, committeeId: string, meetingId: string, itemId: string, wording: string) {
  const ctx = await loadMeeting(viewer, labSlug, committeeId, meetingId);
  requireManage(ctx.rights);
  requireDraft(ctx.minutes);
  await itemOf(ctx, itemId);
  const view = await meetingView(viewer, ctx);
  if (!view.quorum.met) throw new Refusal("Le quorum n’est pas atteint : la réunion ne peut prendre aucune décision.", 409);
  const item = view.items.find((i) => i.id === itemId)!;
  const adopted = isAdopted(item.tally);
  const reason = majorityFailure(item.tally);
  const text = wording.trim() || (adopted ? "Adopté." : `Non adopté : ${reason}.`);
  return transaction(() =>
    data.replaceDecision({ itemId, meetingId: ctx.meeting.id, adopted, wording: text, tally: item.tally.map((t) => ({ side: t.side, for: t.for, against: t.against, abstain: t.abstain })), recordedBy: viewer.userId }),
  );
}

// ---------------------------------------------------------------- convocation and invitation

async function invitationOf(ctx: Awaited<ReturnType<typeof loadMeeting>>) {
  const items = await data.listItems(ctx.meeting.id);
  const contacts = await getUserContacts(ctx.members.map((m) => m.user_id));
  const { config } = runtime();
  const p = paths(ctx.lab.slug, ctx.committee.id, ctx.meeting.id);
  const fromAddress = /<([^>]+)>/.exec(config.mail.from)?.[1] ?? config.mail.from;
  return invitationIcs(
    {
      meetingId: ctx.meeting.id,
      committeeName: ctx.committee.name,
      labName: ctx.lab.name,
      startsAt: ctx.meeting.starts_at,
      endsAt: ctx.meeting.ends_at,
      place: ctx.meeting.place,
      videoUrl: ctx.meeting.video_url,
      url: absoluteUrl(p.meeting),
      agenda: items.map((i) => i.title),
      organizer: { name: ctx.lab.name, email: fromAddress },
      attendees: [...contacts.values()].map((c) => ({ name: `${c.givenName} ${c.familyName}`, email: c.email })),
      sequence: ctx.meeting.convened_at ? 1 : 0,
    },
    new URL(config.publicUrl).hostname,
  );
}

/** The invitation, downloadable by whoever sees the meeting. */
export async function meetingInvitation(viewer: Viewer, labSlug: string, committeeId: string, meetingId: string): Promise<string> {
  return invitationOf(await loadMeeting(viewer, labSlug, committeeId, meetingId));
}

/**
 * Convenes the members: one mail each (through the outbox) with the agenda, each item's dossier
 * and the invitation (.ics) attached; a notification too.
 */
export async function conveneMeeting(viewer: Viewer, labSlug: string, committeeId: string, meetingId: string, now = new Date()) {
  const ctx = await loadMeeting(viewer, labSlug, committeeId, meetingId);
  requireManage(ctx.rights);
  requireDraft(ctx.minutes);
  if (!ctx.members.length) throw new Refusal("Le comité n’a pas encore de membres à convoquer.", 409);
  const items = await data.listItems(ctx.meeting.id);
  if (!items.length) throw new Refusal("L’ordre du jour est vide : ajoutez au moins un point avant de convoquer.", 409);
  const ics = await invitationOf(ctx);
  const contacts = await getUserContacts(ctx.members.map((m) => m.user_id));
  const p = paths(ctx.lab.slug, ctx.committee.id, ctx.meeting.id);
  const when = formatDateTime(ctx.meeting.starts_at);
  const subject = `Convocation : ${ctx.committee.name} du ${formatDate(ctx.meeting.starts_at)}`;
  const attachment = { filename: "invitation.ics", contentType: "text/calendar; charset=utf-8; method=REQUEST", content: Buffer.from(ics, "utf8").toString("base64") };
  const mails: Mail[] = [...contacts.values()].map((c) => ({
    to: c.email,
    attachments: [attachment],
    content: {
      subject,
      greeting: `Bonjour ${c.givenName},`,
      paragraphs: [
        `Vous êtes convoqué ou convoquée à la réunion du ${ctx.committee.name} (${ctx.lab.name}), le ${when}.`,
        "Ordre du jour et dossiers :",
        ...items.map((i) => `${i.position}. ${i.title} (${itemKindLabels[i.kind].toLowerCase()})${i.summary ? ` – ${i.summary}` : ""}`),
        "L’invitation à ajouter à votre agenda est jointe (invitation.ics).",
      ],
      facts: [
        { label: "Date", value: when },
        ...(ctx.meeting.place ? [{ label: "Lieu", value: ctx.meeting.place }] : []),
        ...(ctx.meeting.video_url ? [{ label: "Visioconférence", value: ctx.meeting.video_url }] : []),
      ],
      action: { label: "Voir l’ordre du jour et les dossiers", url: absoluteUrl(p.meeting) },
    },
  }));
  await transaction(async () => {
    await queueMail({ kind: "committee_convocation", labId: ctx.lab.id }, mails);
    await data.markConvened(ctx.meeting.id, now);
    await notify(ctx.members.map((m) => ({ userId: m.user_id, kind: "committee_meeting" as const, title: subject, link: p.meeting })));
  });
  return { mails: mails.length };
}

// ---------------------------------------------------------------- minutes

/** The minutes: the lab team drafts and amends them; the chair reads the draft; members read them once validated. */
export async function minutesPage(viewer: Viewer, labSlug: string, committeeId: string, meetingId: string) {
  const ctx = await loadMeeting(viewer, labSlug, committeeId, meetingId);
  const view = await meetingView(viewer, ctx);
  const mayReadDraft = ctx.rights.mayManage || ctx.rights.mayValidateMinutes;
  if (!ctx.minutes?.validated_at && !mayReadDraft) throw new Refusal("Le compte rendu de cette réunion n’est pas encore publié.", 404);
  const all = await data.listMeetings(ctx.committee.id);
  const later = all.filter((m) => m.starts_at > ctx.meeting.starts_at);
  return { ...view, mayReadDraft, nextMeeting: later[0] ? { id: later[0].id, startsAt: later[0].starts_at } : null };
}

/** Drafts or amends the minutes: the general text and each item's discussion. */
export async function saveMinutesFor(viewer: Viewer, labSlug: string, committeeId: string, meetingId: string, input: { body: string; discussions: Record<string, string> }) {
  const ctx = await loadMeeting(viewer, labSlug, committeeId, meetingId);
  requireManage(ctx.rights);
  requireDraft(ctx.minutes);
  const items = await data.listItems(ctx.meeting.id);
  const ids = new Set(items.map((i) => i.id));
  await transaction(async () => {
    await data.saveMinutes(ctx.meeting.id, input.body, viewer.userId);
    for (const [id, text] of Object.entries(input.discussions)) if (ids.has(id)) await data.setDiscussion(id, text);
  });
}

/**
 * Validates the minutes — by the chair, or (lab team) as approved as the first item of the next
 * meeting — in one transaction: the minutes are frozen, their decisions become immutable and each
 * applies itself through its kind's applier, exactly once (of two validations racing, the second
 * finds the minutes validated and is refused), and the members are told.
 */
export async function validateMinutes(viewer: Viewer, labSlug: string, committeeId: string, meetingId: string, how: "chair" | "next_meeting", now = new Date()) {
  const ctx = await loadMeeting(viewer, labSlug, committeeId, meetingId);
  if (how === "chair" && !ctx.rights.mayValidateMinutes) throw new Refusal("Seul le président ou la présidente du comité valide le compte rendu.", 403);
  if (how === "next_meeting") {
    requireManage(ctx.rights);
    const later = (await data.listMeetings(ctx.committee.id)).find((m) => m.starts_at > ctx.meeting.starts_at && m.starts_at <= now);
    if (!later) throw new Refusal("Le compte rendu s’approuve en premier point de la réunion suivante, une fois celle-ci ouverte.", 409);
  }
  if (!ctx.minutes) throw new Refusal("Rédigez le compte rendu avant de le valider.", 409);
  requireDraft(ctx.minutes);
  const p = paths(ctx.lab.slug, ctx.committee.id, ctx.meeting.id);
  return transaction(async () => {
    if (!(await data.markValidated(ctx.meeting.id, viewer.userId, how, now))) throw new Refusal("Ce compte rendu est déjà validé.", 409);
    const applied = await applyDecisions(ctx, await data.decisionsOf(ctx.meeting.id), viewer.userId);
    await notify(
      ctx.members.map((m) => ({ userId: m.user_id, kind: "committee_minutes" as const, title: `Compte rendu publié : ${ctx.committee.name} du ${formatDate(ctx.meeting.starts_at)}`, link: `${p.meeting}/compte-rendu` })),
    );
    return { applied };
  });
}

async function applyDecisions(ctx: Awaited<ReturnType<typeof loadMeeting>>, decisions: Awaited<ReturnType<typeof data.decisionsOf>>, validatedBy: string) {
  const items = new Map((await data.listItems(ctx.meeting.id)).map((i) => [i.id, i]));
  let applied = 0;
  for (const d of decisions) {
    if (!(await data.claimApplication(d.id))) continue;
    const item = items.get(d.item_id)!;
    const applier = decisionApplier(item.kind);
    if (applier) {
      await applier({
        decisionId: d.id,
        itemId: item.id,
        meetingId: ctx.meeting.id,
        committeeId: ctx.committee.id,
        committeeKind: ctx.committee.kind,
        labId: ctx.lab.id,
        kind: item.kind,
        subjectId: item.subject_id,
        adopted: d.adopted,
        wording: d.wording,
        decidedAt: d.created_at,
        validatedBy,
      });
      applied++;
    }
  }
  return applied;
}

/** A correction of a validated decision: a new decision, applied at once (the original stays as it was). */
export async function correctDecision(viewer: Viewer, labSlug: string, committeeId: string, meetingId: string, decisionId: string, input: { adopted: boolean; wording: string }) {
  const ctx = await loadMeeting(viewer, labSlug, committeeId, meetingId);
  requireManage(ctx.rights);
  if (!ctx.minutes?.validated_at) throw new Refusal("Avant la validation du compte rendu, enregistrez de nouveau la décision.", 409);
  const original = await data.getDecision(decisionId);
  if (!original || original.meeting_id !== ctx.meeting.id) throw new Refusal("Cette décision n’existe pas.", 404);
  return transaction(async () => {
    const d = await data.insertDecision({ itemId: original.item_id, meetingId: ctx.meeting.id, adopted: input.adopted, wording: input.wording, tally: original.tally, recordedBy: viewer.userId, correctsId: original.id });
    await applyDecisions(ctx, [d], viewer.userId);
    return d;
  });
}

const tallyLine = (t: { sideLabel: string | null; for: number; against: number; abstain: number }) =>
  `${t.sideLabel ? `${t.sideLabel} : ` : ""}${plural(t.for, "voix pour", "voix pour")}, ${plural(t.against, "contre", "contre")}, ${plural(t.abstain, "abstention", "abstentions")}`;

/** The minutes as a PDF: draft (marked « projet ») for the lab team and the chair, validated for members. */
export async function minutesPdfFor(viewer: Viewer, labSlug: string, committeeId: string, meetingId: string): Promise<{ pdf: Buffer; filename: string }> {
  const v = await minutesPage(viewer, labSlug, committeeId, meetingId);
  const present = v.members.filter((m) => m.present);
  const absent = v.members.filter((m) => !m.present);
  const who = (list: typeof present) => (list.length ? list.map((m) => `${m.name}${m.sideLabel ? ` (${m.sideLabel})` : ""}`).join(", ") : "aucun");
  const pdf = await minutesPdf({
    title: frenchSpaces(`Compte rendu – ${v.committee.name}`),
    subtitle: frenchSpaces(`${v.lab.name} – réunion du ${formatDateTime(v.meeting.startsAt)}${v.meeting.place ? `, ${v.meeting.place}` : ""}`),
    status: v.minutes?.validatedAt
      ? frenchSpaces(`Validé le ${formatDate(v.minutes.validatedAt)} ${v.minutes.validatedHow === "chair" ? `par ${v.minutes.validatedBy}` : "en premier point de la réunion suivante"}`)
      : "Projet de compte rendu, non validé",
    sections: [
      {
        heading: "Présences et quorum",
        paragraphs: [
          frenchSpaces(`Présents : ${who(present)}.`),
          frenchSpaces(`Absents : ${who(absent)}.`),
          frenchSpaces(`Quorum (${v.quorum.rule}) : ${v.quorum.met ? "atteint" : "non atteint, aucune décision"}.`),
        ],
      },
      ...(v.minutes?.body ? [{ heading: "Synthèse", paragraphs: v.minutes.body.split(/\n{2,}/).map(frenchSpaces) }] : []),
      ...v.items.map((i) => ({
        heading: frenchSpaces(`${i.position}. ${i.title}`),
        paragraphs: [
          frenchSpaces(`${i.kindLabel}${i.secret ? " – vote à bulletin secret" : ""}`),
          ...(i.discussion ? [frenchSpaces(`Discussion : ${i.discussion}`)] : []),
          ...(i.decision ? [frenchSpaces(`Vote : ${i.tally.map(tallyLine).join(" ; ")}.`), frenchSpaces(`Décision : ${i.decision.adopted ? "adoptée" : "non adoptée"}. ${i.decision.wording}`)] : [frenchSpaces("Point d’information : pas de décision.")]),
          ...(i.decision?.corrections ?? []).map((c) => frenchSpaces(`Correction du ${formatDate(c.at)} : ${c.adopted ? "adoptée" : "non adoptée"}. ${c.wording}`)),
        ],
      })),
    ],
  });
  return { pdf, filename: `compte-rendu-${v.meeting.startsAt.toISOString().slice(0, 10)}.pdf` };
}

/** The dossiers of a meeting's items, printable. */
export async function dossiersPage(viewer: Viewer, labSlug: string, committeeId: string, meetingId: string) {
  return meetingView(viewer, await loadMeeting(viewer, labSlug, committeeId, meetingId));
}

export { tallyLine };
