import { sql } from "kysely";
import { db } from "../../kernel/runtime";
import { isUuid } from "../../kernel/ids";
import type { Side } from "../permissions";
import type { Approval, Training, TrainingFormat, TrainingSession, TrainingsTables } from "./schema";

const q = () => db().withTables<TrainingsTables>();

export interface TrainingValues {
  side: Side;
  openTo: Side[];
  title: string;
  objectives: string;
  methods: string[];
  audience: string;
  format: TrainingFormat;
  durationHours: number;
  confirmHours: number;
  managerApproval: boolean;
  published: boolean;
}

const columns = (v: TrainingValues) => ({
  side: v.side,
  open_to: JSON.stringify(v.openTo.filter((s) => s !== v.side)),
  title: v.title,
  objectives: v.objectives,
  methods: JSON.stringify(v.methods),
  audience: v.audience,
  format: v.format,
  duration_hours: v.durationHours,
  confirm_hours: v.confirmHours,
  manager_approval: v.managerApproval,
  published: v.published,
});

export async function insertTraining(labId: string, v: TrainingValues, createdBy: string | null): Promise<Training> {
  return q().insertInto("trainings").values({ lab_id: labId, created_by: createdBy, ...columns(v) }).returningAll().executeTakeFirstOrThrow();
}

export async function updateTraining(id: string, v: TrainingValues): Promise<Training> {
  return q().updateTable("trainings").set({ ...columns(v), updated_at: new Date() }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

export async function getTraining(id: string): Promise<Training | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("trainings").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function getTrainings(ids: string[]): Promise<Map<string, Training>> {
  const list = [...new Set(ids)].filter(isUuid);
  if (!list.length) return new Map();
  return new Map((await q().selectFrom("trainings").selectAll().where("id", "in", list).execute()).map((t) => [t.id, t]));
}

/** Published trainings of every lab (and, for labs given, their drafts). */
export async function listTrainings(opts: { draftsOfLabs?: string[]; labId?: string } = {}): Promise<Training[]> {
  let query = q().selectFrom("trainings").selectAll().orderBy("title");
  const drafts = (opts.draftsOfLabs ?? []).filter(isUuid);
  query = drafts.length ? query.where((eb) => eb.or([eb("published", "=", true), eb("lab_id", "in", drafts)])) : query.where("published", "=", true);
  if (opts.labId) query = query.where("lab_id", "=", opts.labId);
  return query.execute();
}

export async function trainingsOfLab(labId: string): Promise<Training[]> {
  return q().selectFrom("trainings").selectAll().where("lab_id", "=", labId).orderBy("title").execute();
}

export interface SessionValues {
  startsAt: Date;
  endsAt: Date;
  place: string;
  link: string | null;
  capacity: number;
}

export async function insertSession(trainingId: string, v: SessionValues): Promise<TrainingSession> {
  return q().insertInto("training_sessions").values({ training_id: trainingId, starts_at: v.startsAt, ends_at: v.endsAt, place: v.place, link: v.link, capacity: v.capacity }).returningAll().executeTakeFirstOrThrow();
}

export async function updateSession(id: string, v: SessionValues): Promise<TrainingSession> {
  return q().updateTable("training_sessions").set({ starts_at: v.startsAt, ends_at: v.endsAt, place: v.place, link: v.link, capacity: v.capacity }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteSession(id: string): Promise<void> {
  await q().deleteFrom("training_sessions").where("id", "=", id).execute();
}

export async function getSession(id: string): Promise<TrainingSession | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("training_sessions").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function getSessions(ids: string[]): Promise<TrainingSession[]> {
  const list = [...new Set(ids)].filter(isUuid);
  if (!list.length) return [];
  return q().selectFrom("training_sessions").selectAll().where("id", "in", list).execute();
}

export async function sessionsOf(trainingIds: string[]): Promise<TrainingSession[]> {
  if (!trainingIds.length) return [];
  return q().selectFrom("training_sessions").selectAll().where("training_id", "in", trainingIds).orderBy("starts_at").execute();
}

export async function markHeld(sessionId: string, at: Date): Promise<boolean> {
  const r = await q().updateTable("training_sessions").set({ held_at: at }).where("id", "=", sessionId).where("held_at", "is", null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function setTrainers(sessionId: string, userIds: string[]): Promise<void> {
  await q().deleteFrom("training_trainers").where("session_id", "=", sessionId).execute();
  if (userIds.length) await q().insertInto("training_trainers").values([...new Set(userIds)].map((user_id) => ({ session_id: sessionId, user_id }))).execute();
}

export async function trainersOf(sessionIds: string[]): Promise<{ session_id: string; user_id: string }[]> {
  if (!sessionIds.length) return [];
  return q().selectFrom("training_trainers").selectAll().where("session_id", "in", sessionIds).execute();
}

export async function sessionsTrainedBy(userId: string): Promise<string[]> {
  if (!isUuid(userId)) return [];
  return (await q().selectFrom("training_trainers").select("session_id").where("user_id", "=", userId).execute()).map((r) => r.session_id);
}

export async function recordAttendance(sessionId: string, rows: { userId: string; present: boolean }[], by: string, at: Date): Promise<void> {
  if (!rows.length) return;
  await q()
    .insertInto("training_attendance")
    .values(rows.map((r) => ({ session_id: sessionId, user_id: r.userId, present: r.present, recorded_by: by, recorded_at: at })))
    .onConflict((oc) => oc.columns(["session_id", "user_id"]).doUpdateSet((eb) => ({ present: eb.ref("excluded.present"), recorded_by: eb.ref("excluded.recorded_by"), recorded_at: eb.ref("excluded.recorded_at") })))
    .execute();
}

export async function attendanceOf(sessionIds: string[]) {
  if (!sessionIds.length) return [];
  return q().selectFrom("training_attendance").selectAll().where("session_id", "in", sessionIds).execute();
}

export async function attendanceOfUser(userId: string) {
  if (!isUuid(userId)) return [];
  return q().selectFrom("training_attendance").selectAll().where("user_id", "=", userId).execute();
}

// ---------------------------------------------------------------- manager approvals

export async function insertApproval(v: { sessionId: string; userId: string; managerEmail: string; tokenHash: string; at: Date }): Promise<Approval> {
  return q().insertInto("training_approvals").values({ session_id: v.sessionId, user_id: v.userId, manager_email: v.managerEmail, token_hash: v.tokenHash, created_at: v.at }).returningAll().executeTakeFirstOrThrow();
}

export async function approvalByHash(tokenHash: string): Promise<Approval | undefined> {
  return q().selectFrom("training_approvals").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

/** Claims a pending approval for a decision (one decision only, whatever the concurrency). */
export async function decideApproval(id: string, status: "approved" | "refused", at: Date): Promise<boolean> {
  const r = await q().updateTable("training_approvals").set({ status, decided_at: at }).where("id", "=", id).where("status", "=", "pending").executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function pendingApprovals(opts: { userId?: string; sessionIds?: string[] }) {
  let query = q().selectFrom("training_approvals").selectAll().where("status", "=", "pending");
  if (opts.userId) query = query.where("user_id", "=", opts.userId);
  if (opts.sessionIds) {
    if (!opts.sessionIds.length) return [];
    query = query.where("session_id", "in", opts.sessionIds);
  }
  return query.orderBy("created_at").execute();
}

export async function approvalsOfUser(userId: string) {
  if (!isUuid(userId)) return [];
  return q().selectFrom("training_approvals").select(["session_id", "manager_email", "status", "created_at", "decided_at"]).where("user_id", "=", userId).orderBy("created_at").execute();
}

export async function withdrawApproval(sessionId: string, userId: string, at: Date): Promise<void> {
  await q().updateTable("training_approvals").set({ status: "refused", decided_at: at }).where("session_id", "=", sessionId).where("user_id", "=", userId).where("status", "=", "pending").execute();
}

export async function trainingsCreatedBy(userId: string) {
  if (!isUuid(userId)) return [];
  return q().selectFrom("trainings").select(["title", "created_at"]).where("created_by", "=", userId).orderBy("created_at").execute();
}

/** A deleted account: its approval requests (and its manager's address) go, and its trainer seats. */
export async function forgetUser(userId: string): Promise<void> {
  await q().deleteFrom("training_approvals").where("user_id", "=", userId).execute();
  await q().deleteFrom("training_trainers").where("user_id", "=", userId).execute();
}

/**
 * The sessions of a lab's published trainings that start in [from, to), with their attendance
 * counts (the dashboards, whose directors and committee members may not see a draft training).
 */
export async function sessionsStartingIn(labId: string, from: Date, to: Date) {
  return q()
    .selectFrom("training_sessions as s")
    .innerJoin("trainings as t", "t.id", "s.training_id")
    .where("t.lab_id", "=", labId)
    .where("t.published", "=", true)
    .where("s.starts_at", ">=", from)
    .where("s.starts_at", "<", to)
    .select([
      "s.id",
      "s.training_id",
      "t.title",
      "t.duration_hours",
      "s.capacity",
      "s.held_at",
      (eb) => eb.selectFrom("training_attendance as a").whereRef("a.session_id", "=", "s.id").where("a.present", "=", true).select(sql<string>`count(*)`.as("n")).as("present"),
      (eb) => eb.selectFrom("training_attendance as a").whereRef("a.session_id", "=", "s.id").select(sql<string>`count(*)`.as("n")).as("recorded"),
    ])
    .execute();
}
