import { sql } from "kysely";
import { db } from "../../kernel/runtime";
import { isUuid } from "../../kernel/ids";
import type { AgendaItemKind, CommitteeKind, CommitteesTables, Side, VoteChoice } from "./schema";

const q = () => db().withTables<CommitteesTables>();

// ---------------------------------------------------------------- committees and members

export async function createCommittee(input: { labId: string; kind: CommitteeKind; name: string; rhythm: string; quorumPercent: number; quorumPerSide: boolean }) {
  return q()
    .insertInto("committees")
    .values({ lab_id: input.labId, kind: input.kind, name: input.name, rhythm: input.rhythm, quorum_percent: input.quorumPercent, quorum_per_side: input.quorumPerSide, chair_id: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateCommittee(id: string, input: { name: string; rhythm: string; quorumPercent: number; quorumPerSide: boolean; chairId: string | null }) {
  await q()
    .updateTable("committees")
    .set({ name: input.name, rhythm: input.rhythm, quorum_percent: input.quorumPercent, quorum_per_side: input.quorumPerSide, chair_id: input.chairId })
    .where("id", "=", id)
    .execute();
}

export async function getCommittee(id: string) {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("committees").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listCommittees(labId: string) {
  return q().selectFrom("committees").selectAll().where("lab_id", "=", labId).orderBy("kind", "desc").orderBy("name").execute();
}

export async function committeesOfMember(userId: string) {
  return q().selectFrom("committee_members").select(["committee_id", "side"]).where("user_id", "=", userId).execute();
}

export async function listMembers(committeeId: string) {
  return q().selectFrom("committee_members").selectAll().where("committee_id", "=", committeeId).execute();
}

export async function setMembers(committeeId: string, members: { userId: string; side: Side | null }[]) {
  await q().deleteFrom("committee_members").where("committee_id", "=", committeeId).execute();
  if (members.length) await q().insertInto("committee_members").values(members.map((m) => ({ committee_id: committeeId, user_id: m.userId, side: m.side }))).execute();
}

// ---------------------------------------------------------------- meetings

export async function createMeeting(input: { committeeId: string; startsAt: Date; endsAt: Date; place: string; videoUrl: string }) {
  return q()
    .insertInto("committee_meetings")
    .values({ committee_id: input.committeeId, starts_at: input.startsAt, ends_at: input.endsAt, place: input.place, video_url: input.videoUrl, convened_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getMeeting(id: string) {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("committee_meetings").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listMeetings(committeeId: string) {
  return q().selectFrom("committee_meetings").selectAll().where("committee_id", "=", committeeId).orderBy("starts_at").orderBy("id").execute();
}

export async function markConvened(id: string, at: Date) {
  await q().updateTable("committee_meetings").set({ convened_at: at }).where("id", "=", id).execute();
}

export async function presentIds(meetingId: string): Promise<string[]> {
  return (await q().selectFrom("committee_attendance").select("user_id").where("meeting_id", "=", meetingId).execute()).map((r) => r.user_id);
}

export async function setAttendance(meetingId: string, userIds: string[]) {
  await q().deleteFrom("committee_attendance").where("meeting_id", "=", meetingId).execute();
  if (userIds.length) await q().insertInto("committee_attendance").values(userIds.map((user_id) => ({ meeting_id: meetingId, user_id }))).execute();
}

// ---------------------------------------------------------------- agenda

export async function listItems(meetingId: string) {
  return q().selectFrom("committee_agenda_items").selectAll().where("meeting_id", "=", meetingId).orderBy("position").execute();
}

export async function getItem(id: string) {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("committee_agenda_items").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function addItem(input: { meetingId: string; kind: AgendaItemKind; subjectId: string | null; title: string; summary: string; secret: boolean }) {
  // The meeting row is locked so that two additions take two positions.
  await q().selectFrom("committee_meetings").select("id").where("id", "=", input.meetingId).forUpdate().execute();
  const last = await q().selectFrom("committee_agenda_items").select((eb) => eb.fn.max("position").as("p")).where("meeting_id", "=", input.meetingId).executeTakeFirst();
  return q()
    .insertInto("committee_agenda_items")
    .values({ meeting_id: input.meetingId, position: Number(last?.p ?? 0) + 1, kind: input.kind, subject_id: input.subjectId, title: input.title, summary: input.summary, secret: input.secret, discussion: "" })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Takes an item off the agenda; the items after it move up one place. */
export async function removeItem(meetingId: string, itemId: string) {
  await q().selectFrom("committee_meetings").select("id").where("id", "=", meetingId).forUpdate().execute();
  const item = await q().deleteFrom("committee_agenda_items").where("id", "=", itemId).where("meeting_id", "=", meetingId).returning("position").executeTakeFirst();
  if (!item) return false;
  // two steps, so that (meeting, position) stays unique after each statement
  await q().updateTable("committee_agenda_items").set({ position: sql<number>`-position` }).where("meeting_id", "=", meetingId).where("position", ">", item.position).execute();
  await q().updateTable("committee_agenda_items").set({ position: sql<number>`-position - 1` }).where("meeting_id", "=", meetingId).where("position", "<", 0).execute();
  return true;
}

/** Swaps an item with its neighbour above (-1) or below (+1); false when there is none. */
export async function moveItem(meetingId: string, itemId: string, step: -1 | 1) {
  await q().selectFrom("committee_meetings").select("id").where("id", "=", meetingId).forUpdate().execute();
  const item = await q().selectFrom("committee_agenda_items").select(["id", "position"]).where("id", "=", itemId).where("meeting_id", "=", meetingId).executeTakeFirst();
  if (!item) return false;
  const other = await q().selectFrom("committee_agenda_items").select(["id", "position"]).where("meeting_id", "=", meetingId).where("position", "=", item.position + step).executeTakeFirst();
  if (!other) return false;
  await q().updateTable("committee_agenda_items").set({ position: 0 }).where("id", "=", item.id).execute();
  await q().updateTable("committee_agenda_items").set({ position: item.position }).where("id", "=", other.id).execute();
  await q().updateTable("committee_agenda_items").set({ position: other.position }).where("id", "=", item.id).execute();
  return true;
}

export async function setItemSecret(itemId: string, secret: boolean) {
  await q().updateTable("committee_agenda_items").set({ secret }).where("id", "=", itemId).execute();
}

export async function setDiscussion(itemId: string, discussion: string) {
  await q().updateTable("committee_agenda_items").set({ discussion }).where("id", "=", itemId).execute();
}

/** Items already on an agenda for these subjects (of one kind), across the committee's meetings. */
export async function subjectsOnAgenda(committeeId: string, kind: AgendaItemKind): Promise<Set<string>> {
  const rows = await q()
    .selectFrom("committee_agenda_items as i")
    .innerJoin("committee_meetings as m", "m.id", "i.meeting_id")
    .select("i.subject_id")
    .where("m.committee_id", "=", committeeId)
    .where("i.kind", "=", kind)
    .where("i.subject_id", "is not", null)
    .execute();
  return new Set(rows.map((r) => r.subject_id!));
}

// ---------------------------------------------------------------- votes

export async function castVote(itemId: string, voterId: string, side: Side | null, choice: VoteChoice) {
  await q()
    .insertInto("committee_votes")
    .values({ item_id: itemId, voter_id: voterId, side, choice })
    .onConflict((oc) => oc.columns(["item_id", "voter_id"]).doUpdateSet({ choice, side }))
    .execute();
}

export async function votesOn(itemIds: string[]) {
  if (!itemIds.length) return [];
  return q().selectFrom("committee_votes").selectAll().where("item_id", "in", itemIds).execute();
}

export async function setSecretCounts(itemId: string, counts: { side: Side | null; for: number; against: number; abstain: number }[]) {
  await q().deleteFrom("committee_secret_counts").where("item_id", "=", itemId).execute();
  if (counts.length)
    await q()
      .insertInto("committee_secret_counts")
      .values(counts.map((c) => ({ item_id: itemId, side: c.side, votes_for: c.for, votes_against: c.against, abstentions: c.abstain })))
      .execute();
}

export async function secretCountsOn(itemIds: string[]) {
  if (!itemIds.length) return [];
  return q().selectFrom("committee_secret_counts").selectAll().where("item_id", "in", itemIds).execute();
}

// ---------------------------------------------------------------- decisions

export async function decisionsOf(meetingId: string) {
  return q().selectFrom("committee_decisions").selectAll().where("meeting_id", "=", meetingId).orderBy("created_at").orderBy("id").execute();
}

export async function getDecision(id: string) {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("committee_decisions").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Before validation, an item has one decision: recording again replaces it. */
export async function replaceDecision(input: { itemId: string; meetingId: string; adopted: boolean; wording: string; tally: unknown; recordedBy: string }) {
  await q().deleteFrom("committee_decisions").where("item_id", "=", input.itemId).where("corrects_id", "is", null).execute();
  return insertDecision({ ...input, correctsId: null });
}

export async function insertDecision(input: { itemId: string; meetingId: string; adopted: boolean; wording: string; tally: unknown; recordedBy: string; correctsId: string | null }) {
  return q()
    .insertInto("committee_decisions")
    .values({ item_id: input.itemId, meeting_id: input.meetingId, adopted: input.adopted, wording: input.wording, tally: JSON.stringify(input.tally), corrects_id: input.correctsId, recorded_by: input.recordedBy })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Claims a decision's application: true for the one caller that inserts the row. */
export async function claimApplication(decisionId: string): Promise<boolean> {
  const r = await q().insertInto("committee_decision_applications").values({ decision_id: decisionId }).onConflict((oc) => oc.column("decision_id").doNothing()).returning("decision_id").execute();
  return r.length === 1;
}

export async function applicationsOf(decisionIds: string[]) {
  if (!decisionIds.length) return new Map<string, Date>();
  const rows = await q().selectFrom("committee_decision_applications").selectAll().where("decision_id", "in", decisionIds).execute();
  return new Map(rows.map((r) => [r.decision_id, r.applied_at]));
}

// ---------------------------------------------------------------- minutes

export async function getMinutes(meetingId: string) {
  if (!isUuid(meetingId)) return undefined;
  return q().selectFrom("committee_minutes").selectAll().where("meeting_id", "=", meetingId).executeTakeFirst();
}

export async function saveMinutes(meetingId: string, body: string, by: string) {
  await q()
    .insertInto("committee_minutes")
    .values({ meeting_id: meetingId, body, drafted_by: by, validated_at: null, validated_by: null, validated_how: null })
    .onConflict((oc) => oc.column("meeting_id").doUpdateSet({ body, updated_at: sql`now()` }))
    .execute();
}

/** Validates the minutes: true for the one caller whose UPDATE found them still a draft. */
export async function markValidated(meetingId: string, by: string, how: "chair" | "next_meeting", at: Date): Promise<boolean> {
  const r = await q()
    .updateTable("committee_minutes")
    .set({ validated_at: at, validated_by: by, validated_how: how })
    .where("meeting_id", "=", meetingId)
    .where("validated_at", "is", null)
    .returning("meeting_id")
    .execute();
  return r.length === 1;
}

export async function minutesOf(meetingIds: string[]) {
  if (!meetingIds.length) return new Map<string, { validated_at: Date | null }>();
  const rows = await q().selectFrom("committee_minutes").select(["meeting_id", "validated_at"]).where("meeting_id", "in", meetingIds).execute();
  return new Map(rows.map((r) => [r.meeting_id, { validated_at: r.validated_at }]));
}

// ---------------------------------------------------------------- personal data

export async function personalRows(userId: string) {
  const [memberships, attendance, votes, minutes] = await Promise.all([
    q().selectFrom("committee_members as m").innerJoin("committees as c", "c.id", "m.committee_id").select(["c.name as committee", "m.side"]).where("m.user_id", "=", userId).execute(),
    q().selectFrom("committee_attendance as a").innerJoin("committee_meetings as m", "m.id", "a.meeting_id").select(["m.starts_at", "m.place"]).where("a.user_id", "=", userId).execute(),
    q().selectFrom("committee_votes as v").innerJoin("committee_agenda_items as i", "i.id", "v.item_id").select(["i.title", "v.choice"]).where("v.voter_id", "=", userId).execute(),
    q().selectFrom("committee_minutes").select(["meeting_id", "drafted_at", "validated_at"]).where((eb) => eb.or([eb("drafted_by", "=", userId), eb("validated_by", "=", userId)])).execute(),
  ]);
  return { memberships, attendance, votes, minutes };
}

export async function forgetUser(userId: string) {
  await q().updateTable("committees").set({ chair_id: null }).where("chair_id", "=", userId).execute();
  await q().deleteFrom("committee_members").where("user_id", "=", userId).execute();
}
