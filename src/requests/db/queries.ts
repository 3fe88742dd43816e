import { sql, type Selectable } from "kysely";
import { db } from "../../kernel/runtime";
import { isUuid } from "../../kernel/ids";
import { fileTable } from "../../kernel/db/files";
import type { EventKind, MessageKind, RequestKind, RequestStatus, RequestsTables } from "./schema";

export type Request = Selectable<RequestsTables["requests"]>;
export type RequestEvent = Selectable<RequestsTables["request_events"]>;
export type RequestMessage = Selectable<RequestsTables["request_messages"]>;

const q = () => db().withTables<RequestsTables>();

export const attachments = fileTable("request_attachments", "request_id");

export interface RequestFields {
  kind: RequestKind;
  title: string;
  context: string;
  affected: string;
  success: string;
  timing: string;
  otherAdministrations: string;
  sponsorEmail: string;
}

const columns = (f: RequestFields) => ({
  kind: f.kind,
  title: f.title,
  context: f.context,
  affected: f.affected,
  success: f.success,
  timing: f.timing,
  other_administrations: f.otherAdministrations,
  sponsor_email: f.sponsorEmail,
});

export async function insertRequest(input: RequestFields & { labId: string; requesterId: string; organizationId: string | null; sponsorId: string | null; at: Date; reorientedFromId?: string | null }): Promise<Request> {
  return q()
    .insertInto("requests")
    .values({ ...columns(input), lab_id: input.labId, requester_id: input.requesterId, organization_id: input.organizationId, sponsor_id: input.sponsorId, status: "draft", created_at: input.at, updated_at: input.at, reoriented_from_id: input.reorientedFromId ?? null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateFields(id: string, f: RequestFields & { labId: string; sponsorId: string | null }, at: Date): Promise<void> {
  await q().updateTable("requests").set({ ...columns(f), lab_id: f.labId, sponsor_id: f.sponsorId, updated_at: at }).where("id", "=", id).execute();
}

export async function getRequest(id: string): Promise<Request | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("requests").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Locks the row for a change of status (two lab members deciding at once: one wins, the other sees the new state). */
export async function lockRequest(id: string): Promise<Request | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("requests").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/** Links the requests that named this address as their sponsor, before it had an account, to the account now created. */
export async function claimSponsor(email: string, userId: string): Promise<Request[]> {
  return q()
    .updateTable("requests")
    .set({ sponsor_id: userId })
    .where("sponsor_id", "is", null)
    .where(sql<boolean>`lower(sponsor_email) = lower(${email})`)
    .where("requester_id", "<>", userId)
    .returningAll()
    .execute();
}

export async function setRequest(id: string, set: Partial<Omit<Request, "id" | "queue_rank">>): Promise<void> {
  await q().updateTable("requests").set(set).where("id", "=", id).execute();
}

/** The first answer is recorded once: the first time the lab writes to the requester or moves the request on. */
export async function markFirstAnswer(id: string, at: Date): Promise<void> {
  await q().updateTable("requests").set({ first_answer_at: at }).where("id", "=", id).where("first_answer_at", "is", null).execute();
}

export async function addEvent(e: { requestId: string; actorId: string | null; kind: EventKind; status?: RequestStatus | null; detail?: string; at: Date }): Promise<void> {
  await q().insertInto("request_events").values({ request_id: e.requestId, actor_id: e.actorId, kind: e.kind, status: e.status ?? null, detail: e.detail ?? "", created_at: e.at }).execute();
}

export async function listEvents(requestId: string): Promise<RequestEvent[]> {
  return q().selectFrom("request_events").selectAll().where("request_id", "=", requestId).orderBy("created_at").orderBy("seq").execute();
}

export async function addMessage(m: { requestId: string; authorId: string; kind: MessageKind; body: string; at: Date }): Promise<RequestMessage> {
  return q().insertInto("request_messages").values({ request_id: m.requestId, author_id: m.authorId, kind: m.kind, body: m.body, created_at: m.at }).returningAll().executeTakeFirstOrThrow();
}

export async function listMessages(requestId: string, kinds: MessageKind[]): Promise<RequestMessage[]> {
  if (!kinds.length) return [];
  return q().selectFrom("request_messages").selectAll().where("request_id", "=", requestId).where("kind", "in", kinds).orderBy("created_at").orderBy("seq").execute();
}

export async function addAttachment(requestId: string, messageId: string | null, f: { filename: string; mime: string; content: Buffer }, uploadedBy: string): Promise<void> {
  const meta = await attachments.add(requestId, { ...f, uploadedBy });
  if (messageId) await q().updateTable("request_attachments").set({ message_id: messageId }).where("id", "=", meta.id).execute();
}

export async function listAttachments(requestId: string) {
  if (!isUuid(requestId)) return [];
  return q().selectFrom("request_attachments").select(["id", "message_id", "filename", "mime", "size", "created_at"]).where("request_id", "=", requestId).orderBy("created_at").orderBy("id").execute();
}

export async function listExperts(requestId: string): Promise<string[]> {
  return (await q().selectFrom("request_experts").select("user_id").where("request_id", "=", requestId).orderBy("created_at").execute()).map((r) => r.user_id);
}

export async function addExpert(requestId: string, userId: string, invitedBy: string): Promise<boolean> {
  const r = await q().insertInto("request_experts").values({ request_id: requestId, user_id: userId, invited_by: invitedBy }).onConflict((oc) => oc.columns(["request_id", "user_id"]).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function answerDays(labIds: string[]): Promise<Map<string, number>> {
  const ids = [...new Set(labIds)].filter(isUuid);
  const out = new Map(ids.map((id) => [id, DEFAULT_ANSWER_DAYS]));
  if (!ids.length) return out;
  for (const r of await q().selectFrom("request_lab_settings").select(["lab_id", "answer_days"]).where("lab_id", "in", ids).execute()) out.set(r.lab_id, r.answer_days);
  return out;
}
export const DEFAULT_ANSWER_DAYS = 10;

export async function saveAnswerDays(labId: string, days: number, by: string, summary?: string): Promise<void> {
  await q()
    .insertInto("request_lab_settings")
    .values({ lab_id: labId, answer_days: days, updated_by: by, ...(summary !== undefined ? { summary } : {}) })
    .onConflict((oc) => oc.column("lab_id").doUpdateSet({ answer_days: days, updated_by: by, updated_at: new Date(), ...(summary !== undefined ? { summary } : {}) }))
    .execute();
}

/** « What this lab does », as each lab wrote it for the desk (labs without one are absent). */
export async function summaries(labIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(labIds)].filter(isUuid);
  if (!ids.length) return new Map();
  const rows = await q().selectFrom("request_lab_settings").select(["lab_id", "summary"]).where("lab_id", "in", ids).where("summary", "<>", "").execute();
  return new Map(rows.map((r) => [r.lab_id, r.summary]));
}

/** The open requests of a lab, to move their deadline when the lab changes its promise. */
export async function openRequestsOf(labId: string): Promise<{ id: string; submitted_at: Date | null }[]> {
  return q().selectFrom("requests").select(["id", "submitted_at"]).where("lab_id", "=", labId).where("queue_rank", "=", 0).execute();
}

export async function awaitingSteering(labId: string): Promise<Request[]> {
  return q().selectFrom("requests").selectAll().where("lab_id", "=", labId).where("queue_rank", "=", 0).where("proposed_to_steering_at", "is not", null).orderBy("proposed_to_steering_at").orderBy("id").execute();
}

export async function acceptedForProject(labId: string): Promise<Request[]> {
  return q().selectFrom("requests").selectAll().where("lab_id", "=", labId).where("status", "=", "accepted").where("outcome", "=", "project").orderBy("decided_at").orderBy("id").execute();
}

export async function overdueCounts(labIds: string[], now: Date): Promise<Map<string, number>> {
  const ids = labIds.filter(isUuid);
  const out = new Map(ids.map((id) => [id, 0]));
  if (!ids.length) return out;
  const rows = await q()
    .selectFrom("requests")
    .select(["lab_id", (eb) => eb.fn.countAll<string>().as("n")])
    .where("lab_id", "in", ids)
    .where("queue_rank", "=", 0)
    .where("due_at", "<", now)
    .groupBy("lab_id")
    .execute();
  for (const r of rows) out.set(r.lab_id, Number(r.n));
  return out;
}

export interface QueueFilter {
  status?: RequestStatus;
  kind?: RequestKind;
  assignee?: string | "none";
  sponsorUnconfirmed?: boolean;
  search?: string;
}
export type QueueCursor = [number, string | null, string];

/**
 * A lab's queue: the requests it received (not drafts; those it sent to another lab stay, as
 * réorientées), open ones first by deadline (the overdue first of all), by keyset on (queue_rank, due_at, id).
 */
export async function queuePage(labId: string, f: QueueFilter, after: QueueCursor | null, limit: number) {
  let query = q()
    .selectFrom("requests")
    .selectAll()
    .where("lab_id", "=", labId)
    .where("status", "<>", "draft");
  if (f.status) query = query.where("status", "=", f.status);
  if (f.kind) query = query.where("kind", "=", f.kind);
  if (f.assignee === "none") query = query.where("assignee_id", "is", null);
  else if (f.assignee && isUuid(f.assignee)) query = query.where("assignee_id", "=", f.assignee);
  if (f.sponsorUnconfirmed) query = query.where("sponsor_confirmed_at", "is", null);
  if (f.search) {
    const like = `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb("title", "ilike", like), eb("context", "ilike", like)]));
  }
  if (after) {
    const [rank, due, id] = after;
    const dueAt = due ? new Date(due) : null;
    query = query.where(sql<boolean>`(queue_rank, coalesce(due_at, 'infinity'::timestamptz), id) > (${rank}, coalesce(${dueAt}::timestamptz, 'infinity'::timestamptz), ${id}::uuid)`);
  }
  const rows = await query
    .orderBy("queue_rank")
    .orderBy(sql`coalesce(due_at, 'infinity'::timestamptz)`)
    .orderBy("id")
    .limit(limit + 1)
    .execute();
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

export async function requestsOf(userId: string): Promise<Request[]> {
  if (!isUuid(userId)) return [];
  return q().selectFrom("requests").selectAll().where("requester_id", "=", userId).orderBy("created_at", "desc").orderBy("id").execute();
}

/** The requests the viewer sponsors or gives an opinion on (not drafts). */
export async function requestsFollowedBy(userId: string): Promise<Request[]> {
  if (!isUuid(userId)) return [];
  return q()
    .selectFrom("requests")
    .selectAll()
    .where("status", "<>", "draft")
    .where((eb) => eb.or([eb("sponsor_id", "=", userId), eb("id", "in", eb.selectFrom("request_experts").select("request_id").where("user_id", "=", userId))]))
    .orderBy("created_at", "desc")
    .execute();
}

/** The request that continues this one (réorientée), if any. */
export async function continuationOf(id: string): Promise<Request | undefined> {
  return q().selectFrom("requests").selectAll().where("reoriented_from_id", "=", id).executeTakeFirst();
}
