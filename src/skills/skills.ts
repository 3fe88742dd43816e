import { sql } from "kysely";
import { db } from "../kernel/runtime";
import { isUuid } from "../kernel/ids";
import type { ExpertKind, Level, SkillsTables } from "./db/schema";

/** The skills directory's queries: each takes the ambient executor (a service's transaction joins it). */
const q = () => db().withTables<SkillsTables>();

export async function listSkills() {
  return q().selectFrom("skills").selectAll().orderBy("label").execute();
}

export async function getSkill(id: string) {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("skills").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function skillByLabel(label: string) {
  return q()
    .selectFrom("skills")
    .selectAll()
    .where(sql<boolean>`lower(label) = lower(${label})`)
    .executeTakeFirst();
}

export async function addSkill(labId: string | null, label: string, createdBy: string | null) {
  return q().insertInto("skills").values({ lab_id: labId, label, created_by: createdBy }).returningAll().executeTakeFirstOrThrow();
}

export async function skillsOf(userIds: string[]) {
  const ids = userIds.filter(isUuid);
  if (!ids.length) return [];
  return q()
    .selectFrom("agent_skills")
    .innerJoin("skills", "skills.id", "agent_skills.skill_id")
    .select(["agent_skills.user_id", "agent_skills.skill_id", "agent_skills.level", "agent_skills.willing_to_help", "agent_skills.updated_at", "skills.label"])
    .where("agent_skills.user_id", "in", ids)
    .orderBy("skills.label")
    .execute();
}

export async function declare(userId: string, skillId: string, level: Level, willing: boolean) {
  await q()
    .insertInto("agent_skills")
    .values({ user_id: userId, skill_id: skillId, level, willing_to_help: willing })
    .onConflict((oc) => oc.columns(["user_id", "skill_id"]).doUpdateSet({ level, willing_to_help: willing, updated_at: new Date() }))
    .execute();
}

export async function withdraw(userId: string, skillId: string): Promise<boolean> {
  if (!isUuid(skillId)) return false;
  const r = await q().deleteFrom("agent_skills").where("user_id", "=", userId).where("skill_id", "=", skillId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Who opted in (declared at least one skill), optionally holding a given skill: ids, oldest declaration first. */
export async function listedUsers(opts: { skillId?: string | null; willing?: boolean } = {}): Promise<string[]> {
  let query = q().selectFrom("agent_skills").select("user_id").distinct();
  if (opts.skillId) query = query.where("skill_id", "=", opts.skillId);
  if (opts.willing) query = query.where("willing_to_help", "=", true);
  return (await query.execute()).map((r) => r.user_id);
}

export async function isListed(userId: string): Promise<boolean> {
  if (!isUuid(userId)) return false;
  return !!(await q().selectFrom("agent_skills").select("user_id").where("user_id", "=", userId).limit(1).executeTakeFirst());
}

export async function profilesOf(userIds: string[]) {
  const ids = userIds.filter(isUuid);
  if (!ids.length) return new Map<string, SkillsTables["skill_profiles"] & { updated_at: Date }>();
  const rows = await q().selectFrom("skill_profiles").selectAll().where("user_id", "in", ids).execute();
  return new Map(rows.map((r) => [r.user_id, r]));
}

export async function saveProfile(userId: string, p: { expert: boolean; domains: string; availability: string }) {
  await q()
    .insertInto("skill_profiles")
    .values({ user_id: userId, ...p })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ ...p, updated_at: new Date() }))
    .execute();
}

export async function externalExperts(labId?: string) {
  let query = q().selectFrom("external_experts").selectAll();
  if (labId) query = query.where("lab_id", "=", labId);
  return query.orderBy("name").execute();
}

export async function addExternalExpert(v: { labId: string; name: string; affiliation: string; kind: ExpertKind; domains: string; availability: string; createdBy: string | null }) {
  return q()
    .insertInto("external_experts")
    .values({ lab_id: v.labId, name: v.name, affiliation: v.affiliation, kind: v.kind, domains: v.domains, availability: v.availability, created_by: v.createdBy })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function removeExternalExpert(labId: string, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const r = await q().deleteFrom("external_experts").where("lab_id", "=", labId).where("id", "=", id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// ---------------------------------------------------------------- messages

export async function addMessage(v: { senderId: string; recipientId: string; threadId: string | null; body: string }) {
  return q()
    .insertInto("skill_messages")
    .values({ sender_id: v.senderId, recipient_id: v.recipientId, thread_id: v.threadId, body: v.body })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getMessage(id: string) {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("skill_messages").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A conversation: its first message and every reply, oldest first. */
export async function thread(rootId: string) {
  return q()
    .selectFrom("skill_messages")
    .selectAll()
    .where((e) => e.or([e("id", "=", rootId), e("thread_id", "=", rootId)]))
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export async function markThreadRead(rootId: string, userId: string) {
  await q()
    .updateTable("skill_messages")
    .set({ read_at: new Date() })
    .where((e) => e.or([e("id", "=", rootId), e("thread_id", "=", rootId)]))
    .where("recipient_id", "=", userId)
    .where("read_at", "is", null)
    .execute();
}

/** Messages an agent sent since a moment: a cap on how many they send a day. */
export async function sentSince(userId: string, since: Date): Promise<number> {
  const r = await q().selectFrom("skill_messages").select((e) => e.fn.countAll<number>().as("n")).where("sender_id", "=", userId).where("created_at", ">=", since).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The conversations an agent takes part in, newest message first. */
export async function conversationsOf(userId: string, limit = 50) {
  return q()
    .selectFrom("skill_messages")
    .selectAll()
    .where((e) => e.or([e("sender_id", "=", userId), e("recipient_id", "=", userId)]))
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

// ---------------------------------------------------------------- personal data

export async function personalRows(userId: string) {
  const [skills, profile, sent, received] = await Promise.all([
    skillsOf([userId]),
    q().selectFrom("skill_profiles").select(["expert", "domains", "availability", "updated_at"]).where("user_id", "=", userId).execute(),
    q().selectFrom("skill_messages").select(["id", "recipient_id", "thread_id", "body", "created_at"]).where("sender_id", "=", userId).orderBy("created_at").orderBy("id").execute(),
    q().selectFrom("skill_messages").select(["id", "sender_id", "thread_id", "body", "created_at", "read_at"]).where("recipient_id", "=", userId).orderBy("created_at").orderBy("id").execute(),
  ]);
  return { skills, profile, sent, received };
}

/** Forgets an agent: their skills, profile and messages (sent and received) are deleted. */
export async function forget(userId: string) {
  await q().deleteFrom("agent_skills").where("user_id", "=", userId).execute();
  await q().deleteFrom("skill_profiles").where("user_id", "=", userId).execute();
  await q()
    .deleteFrom("skill_messages")
    .where((e) => e.or([e("sender_id", "=", userId), e("recipient_id", "=", userId)]))
    .execute();
}
