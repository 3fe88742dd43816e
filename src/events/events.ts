/**
 * The events module's data functions: each runs on `db()` (the use case's transaction when there
 * is one) and names only this module's tables.
 */
import { sql } from "kysely";
import { db } from "../kernel/runtime";
import { isUuid } from "../kernel/ids";
import type { EventRow, EventsTables, FeedFetch, NetworkLab } from "./db/schema";
import type { Audience, EventKind, EventStatus, EventTag, RegistrationMode } from "./rules";

const q = () => db().withTables<EventsTables>();

// ---------------------------------------------------------------- network labs

export async function insertNetworkLab(n: { name: string; region: string; website: string | null; icalUrl: string | null; declaredByLabId: string }): Promise<NetworkLab> {
  return q().insertInto("network_labs").values({ name: n.name, region: n.region, website: n.website, ical_url: n.icalUrl, declared_by_lab_id: n.declaredByLabId }).returningAll().executeTakeFirstOrThrow();
}

export async function getNetworkLab(id: string): Promise<NetworkLab | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("network_labs").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listNetworkLabs(): Promise<NetworkLab[]> {
  return q().selectFrom("network_labs").selectAll().orderBy("name").execute();
}

export async function networkLabsDeclaredBy(labId: string): Promise<NetworkLab[]> {
  return q().selectFrom("network_labs").selectAll().where("declared_by_lab_id", "=", labId).orderBy("name").execute();
}

export async function networkLabNamed(name: string): Promise<NetworkLab | undefined> {
  return q().selectFrom("network_labs").selectAll().where(sql<string>`lower(name)`, "=", name.toLowerCase()).executeTakeFirst();
}

export async function setIcalUrl(id: string, url: string | null): Promise<void> {
  await q().updateTable("network_labs").set({ ical_url: url }).where("id", "=", id).execute();
}

// ---------------------------------------------------------------- events

export interface EventFields {
  title: string;
  description: string;
  kind: EventKind;
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  recurrence: string | null;
  region: string;
  place: string;
  onlineUrl: string | null;
  audience: Audience;
  registration: RegistrationMode;
  capacity: number | null;
  tags: EventTag[] | string[];
  link?: string | null;
}

const columns = (e: EventFields) => ({
  title: e.title,
  description: e.description,
  kind: e.kind,
  starts_at: e.startsAt,
  ends_at: e.endsAt,
  all_day: e.allDay,
  recurrence: e.recurrence,
  region: e.region,
  place: e.place,
  online_url: e.onlineUrl,
  audience: e.audience,
  registration: e.registration,
  capacity: e.capacity,
  tags: sql<string[]>`${sql.val([...e.tags])}::text[]`,
  link: e.link ?? null,
});

export async function insertEvent(e: EventFields & { labId: string | null; networkLabId: string | null; createdBy: string | null; sourceUid?: string | null; sourceUrl?: string | null; status?: EventStatus; at?: Date }): Promise<EventRow> {
  const at = e.at ?? new Date();
  return q()
    .insertInto("events")
    .values({ ...columns(e), lab_id: e.labId, network_lab_id: e.networkLabId, created_by: e.createdBy, source_uid: e.sourceUid ?? null, source_url: e.sourceUrl ?? null, status: e.status ?? "scheduled", created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Many events at once (the demo's Mois de l'innovation publique). */
export async function insertEvents(rows: (EventFields & { labId: string | null; networkLabId: string | null; createdBy: string | null })[]): Promise<number> {
  for (let i = 0; i < rows.length; i += 200) {
    await q()
      .insertInto("events")
      .values(rows.slice(i, i + 200).map((e) => ({ ...columns(e), lab_id: e.labId, network_lab_id: e.networkLabId, created_by: e.createdBy })))
      .execute();
  }
  return rows.length;
}

export async function getEvent(id: string): Promise<EventRow | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("events").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function updateEvent(id: string, e: EventFields & { labId: string | null; networkLabId: string | null }): Promise<void> {
  await q()
    .updateTable("events")
    .set({ ...columns(e), lab_id: e.labId, network_lab_id: e.networkLabId, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

export async function setEventStatus(id: string, status: EventStatus): Promise<void> {
  await q().updateTable("events").set({ status, updated_at: new Date() }).where("id", "=", id).execute();
}

/** The events a lab's team keeps: its own and those of the network labs it declared (imported ones too, read only). */
export async function eventsKeptBy(labId: string, networkLabIds: string[], limit = 500): Promise<EventRow[]> {
  return q()
    .selectFrom("events")
    .selectAll()
    .where((eb) => eb.or([eb("lab_id", "=", labId), ...(networkLabIds.length ? [eb("network_lab_id", "in", networkLabIds)] : [])]))
    .orderBy("starts_at", "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
}

export interface EventQuery {
  from: Date;
  to: Date;
  audiences: Audience[];
  lab?: string | null;
  region?: string | null;
  kind?: EventKind | null;
  tag?: string | null;
  limit?: number;
}

/** The events that may have an occurrence in [from, to): single ones overlapping it, recurring ones begun before its end. */
export async function eventsInWindow(f: EventQuery): Promise<EventRow[]> {
  if (!f.audiences.length) return [];
  let query = q()
    .selectFrom("events")
    .selectAll()
    .where("audience", "in", f.audiences)
    .where("starts_at", "<", f.to)
    .where((eb) => eb.or([eb("ends_at", ">=", f.from), eb("recurrence", "is not", null)]));
  if (f.lab) query = query.where((eb) => eb.or([eb("lab_id", "=", f.lab!), eb("network_lab_id", "=", f.lab!)]));
  if (f.region) query = query.where("region", "=", f.region);
  if (f.kind) query = query.where("kind", "=", f.kind);
  if (f.tag) query = query.where(sql<boolean>`tags @> ARRAY[${f.tag}]::text[]`);
  return query.orderBy("starts_at").orderBy("id").limit(f.limit ?? 5000).execute();
}

/** A feed's events: a lab's (or the network's) visible events still to come or ended in the last months, recurring ones whatever their start. */
export async function feedEvents(f: { labId: string | null; audiences: Audience[]; since: Date; limit: number }): Promise<EventRow[]> {
  let query = q()
    .selectFrom("events")
    .selectAll()
    .where("audience", "in", f.audiences)
    .where((eb) => eb.or([eb("ends_at", ">=", f.since), eb("recurrence", "is not", null)]));
  if (f.labId) query = query.where((eb) => eb.or([eb("lab_id", "=", f.labId!), eb("network_lab_id", "=", f.labId!)]));
  return query.orderBy("starts_at").orderBy("id").limit(f.limit).execute();
}

export async function eventsCreatedBy(userId: string): Promise<EventRow[]> {
  return q().selectFrom("events").selectAll().where("created_by", "=", userId).orderBy("created_at").execute();
}

// ---------------------------------------------------------------- imports

/** The imported events of a network lab, by their source UID. */
export async function importedEvents(networkLabId: string): Promise<Map<string, EventRow>> {
  const rows = await q().selectFrom("events").selectAll().where("network_lab_id", "=", networkLabId).where("source_uid", "is not", null).execute();
  return new Map(rows.map((r) => [r.source_uid!, r]));
}

export async function updateImported(id: string, e: EventFields & { status: EventStatus; sourceUrl: string }): Promise<void> {
  await q()
    .updateTable("events")
    .set({ ...columns(e), status: e.status, source_url: e.sourceUrl, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

export async function deleteEvents(ids: string[]): Promise<void> {
  if (!ids.length) return;
  await q().deleteFrom("events").where("id", "in", ids).execute();
}

// ---------------------------------------------------------------- fetches of followed calendars

export async function insertFetch(networkLabId: string, requestedBy: string | null): Promise<FeedFetch> {
  return q().insertInto("event_feed_fetches").values({ network_lab_id: networkLabId, requested_by: requestedBy }).returningAll().executeTakeFirstOrThrow();
}

export async function getFetch(id: string): Promise<FeedFetch | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("event_feed_fetches").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Marks a queued fetch running; false when it was not queued any more (run twice). */
export async function startFetch(id: string): Promise<boolean> {
  const r = await q().updateTable("event_feed_fetches").set({ status: "running" }).where("id", "=", id).where("status", "=", "queued").executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function finishFetch(id: string, f: { status: "done" | "failed"; message: string; created?: number; updated?: number; removed?: number }): Promise<void> {
  await q()
    .updateTable("event_feed_fetches")
    .set({ status: f.status, message: f.message, created: f.created ?? 0, updated: f.updated ?? 0, removed: f.removed ?? 0, finished_at: new Date() })
    .where("id", "=", id)
    .execute();
}

/** The last fetch of each of these network labs. */
export async function lastFetches(networkLabIds: string[]): Promise<Map<string, FeedFetch>> {
  if (!networkLabIds.length) return new Map();
  const rows = await q()
    .selectFrom("event_feed_fetches")
    .selectAll()
    .distinctOn("network_lab_id")
    .where("network_lab_id", "in", networkLabIds)
    .orderBy("network_lab_id")
    .orderBy("requested_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return new Map(rows.map((r) => [r.network_lab_id, r]));
}

/** A fetch still queued or running for this network lab (one at a time). */
export async function pendingFetch(networkLabId: string): Promise<FeedFetch | undefined> {
  return q().selectFrom("event_feed_fetches").selectAll().where("network_lab_id", "=", networkLabId).where("status", "in", ["queued", "running"]).executeTakeFirst();
}

// ---------------------------------------------------------------- the private feed's secret

export async function setFeedToken(userId: string, tokenHash: string): Promise<void> {
  await q()
    .insertInto("event_feed_tokens")
    .values({ user_id: userId, token_hash: tokenHash, created_at: new Date() })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ token_hash: tokenHash, created_at: new Date() }))
    .execute();
}

export async function feedTokenOf(userId: string): Promise<{ created_at: Date } | undefined> {
  return q().selectFrom("event_feed_tokens").select("created_at").where("user_id", "=", userId).executeTakeFirst();
}

export async function userOfFeedToken(tokenHash: string): Promise<string | undefined> {
  return (await q().selectFrom("event_feed_tokens").select("user_id").where("token_hash", "=", tokenHash).executeTakeFirst())?.user_id;
}

export async function deleteFeedToken(userId: string): Promise<void> {
  await q().deleteFrom("event_feed_tokens").where("user_id", "=", userId).execute();
}

export async function getEvents(ids: string[]): Promise<EventRow[]> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  return q().selectFrom("events").selectAll().where("id", "in", valid).execute();
}

/** A lab's own events not cancelled that may fall in [from, to) (recurring ones to be expanded by the caller): the dashboards. */
export async function labEventsBetween(labId: string, from: Date, to: Date): Promise<Pick<EventRow, "id" | "kind" | "starts_at" | "ends_at" | "recurrence" | "registration" | "audience" | "capacity">[]> {
  return q()
    .selectFrom("events")
    .select(["id", "kind", "starts_at", "ends_at", "recurrence", "registration", "audience", "capacity"])
    .where("lab_id", "=", labId)
    .where("status", "=", "scheduled")
    .where("starts_at", "<", to)
    .where((eb) => eb.or([eb("ends_at", ">=", from), eb("recurrence", "is not", null)]))
    .orderBy("starts_at")
    .orderBy("id")
    .execute();
}
