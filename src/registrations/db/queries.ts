import { sql } from "kysely";
import { db } from "../../kernel/runtime";
import { isUuid } from "../../kernel/ids";
import type { RegistrationsTables, SeatEventKind, SeatOffer, SeatRegistration, SeatStatus } from "./schema";

const q = () => db().withTables<RegistrationsTables>();

export const ACTIVE: SeatStatus[] = ["confirmed", "offered", "waiting"];

export async function findOffer(kind: string, ownerId: string): Promise<SeatOffer | undefined> {
  if (!isUuid(ownerId)) return undefined;
  return q().selectFrom("seat_offers").selectAll().where("owner_kind", "=", kind).where("owner_id", "=", ownerId).executeTakeFirst();
}

export async function offersOf(kind: string, ownerIds: string[]): Promise<SeatOffer[]> {
  const ids = [...new Set(ownerIds)].filter(isUuid);
  if (!ids.length) return [];
  return q().selectFrom("seat_offers").selectAll().where("owner_kind", "=", kind).where("owner_id", "in", ids).execute();
}

export async function getOffers(ids: string[]): Promise<SeatOffer[]> {
  if (!ids.length) return [];
  return q().selectFrom("seat_offers").selectAll().where("id", "in", [...new Set(ids)]).execute();
}

export async function insertOffer(v: { kind: string; ownerId: string; capacity: number | null; confirmHours: number; groupKey: string | null }): Promise<SeatOffer> {
  return q()
    .insertInto("seat_offers")
    .values({ owner_kind: v.kind, owner_id: v.ownerId, capacity: v.capacity, confirm_hours: v.confirmHours, group_key: v.groupKey })
    .onConflict((oc) => oc.columns(["owner_kind", "owner_id"]).doUpdateSet({ capacity: v.capacity, confirm_hours: v.confirmHours, group_key: v.groupKey }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteOffer(id: string): Promise<void> {
  await q().deleteFrom("seat_offers").where("id", "=", id).execute();
}

/**
 * Locks the offers (and, for an offer in a group, every offer of its group) in id order, so that
 * two use cases on one group never wait on each other crosswise; returns the offer, fresh.
 */
export async function lockOffer(offerId: string): Promise<SeatOffer> {
  const seen = await q().selectFrom("seat_offers").select("group_key").where("id", "=", offerId).executeTakeFirstOrThrow();
  if (seen.group_key) {
    // the whole group at once, in id order: locking this offer first and the others after could cross another use case
    const group = await q().selectFrom("seat_offers").selectAll().where("group_key", "=", seen.group_key).orderBy("id").forUpdate().execute();
    const offer = group.find((o) => o.id === offerId);
    if (offer) return offer;
  }
  return q().selectFrom("seat_offers").selectAll().where("id", "=", offerId).forUpdate().executeTakeFirstOrThrow();
}

export async function activeOf(offerId: string, userId: string): Promise<SeatRegistration | undefined> {
  return q().selectFrom("seat_registrations").selectAll().where("offer_id", "=", offerId).where("user_id", "=", userId).where("status", "in", ACTIVE).executeTakeFirst();
}

export async function registrationsOfOffer(offerId: string): Promise<SeatRegistration[]> {
  return q().selectFrom("seat_registrations").selectAll().where("offer_id", "=", offerId).where("status", "in", ACTIVE).orderBy("seq").execute();
}

export async function occupied(offerId: string): Promise<number> {
  const r = await q()
    .selectFrom("seat_registrations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("offer_id", "=", offerId)
    .where("status", "in", ["confirmed", "offered"])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function firstWaiting(offerId: string): Promise<SeatRegistration | undefined> {
  return q().selectFrom("seat_registrations").selectAll().where("offer_id", "=", offerId).where("status", "=", "waiting").orderBy("seq").limit(1).executeTakeFirst();
}

export async function insertRegistration(offerId: string, userId: string, status: "confirmed" | "waiting", at: Date): Promise<SeatRegistration> {
  return q().insertInto("seat_registrations").values({ offer_id: offerId, user_id: userId, status, created_at: at, updated_at: at }).returningAll().executeTakeFirstOrThrow();
}

export async function setStatus(id: string, status: SeatStatus, at: Date, offeredUntil: Date | null = null): Promise<void> {
  await q().updateTable("seat_registrations").set({ status, updated_at: at, offered_until: offeredUntil }).where("id", "=", id).execute();
}

export async function logEvent(offerId: string, userId: string | null, kind: SeatEventKind, at: Date): Promise<void> {
  await q().insertInto("seat_events").values({ offer_id: offerId, user_id: userId, kind, at }).execute();
}

export async function eventsOf(offerId: string) {
  return q().selectFrom("seat_events").selectAll().where("offer_id", "=", offerId).orderBy("seq").execute();
}

/** The agent's active registrations in the group's other offers. */
export async function inGroup(groupKey: string, userId: string, exceptOfferId: string) {
  return q()
    .selectFrom("seat_registrations as r")
    .innerJoin("seat_offers as o", "o.id", "r.offer_id")
    .selectAll("r")
    .where("o.group_key", "=", groupKey)
    .where("r.offer_id", "<>", exceptOfferId)
    .where("r.user_id", "=", userId)
    .where("r.status", "in", ACTIVE)
    .execute();
}

/** Offers where a seat is free while agents wait (a seat given up outside a use case that promotes: an account deleted). */
export async function offersToFill(): Promise<string[]> {
  const rows = await sql<{ id: string }>`SELECT o.id FROM seat_offers o
    WHERE EXISTS (SELECT 1 FROM seat_registrations w WHERE w.offer_id = o.id AND w.status = 'waiting')
      AND (o.capacity IS NULL OR o.capacity > (SELECT count(*) FROM seat_registrations r WHERE r.offer_id = o.id AND r.status IN ('confirmed','offered')))`.execute(db());
  return rows.rows.map((r) => r.id);
}

/** Offered seats whose deadline has passed, by offer. */
export async function dueOffers(now: Date): Promise<string[]> {
  const rows = await q().selectFrom("seat_registrations").select("offer_id").distinct().where("status", "=", "offered").where("offered_until", "<=", now).execute();
  return rows.map((r) => r.offer_id);
}

export async function dueIn(offerId: string, now: Date): Promise<SeatRegistration[]> {
  return q().selectFrom("seat_registrations").selectAll().where("offer_id", "=", offerId).where("status", "=", "offered").where("offered_until", "<=", now).orderBy("seq").execute();
}

/** The waiting list's rank (1-based) of each waiting registration of these offers. */
export async function waitingRanks(offerIds: string[]): Promise<Map<string, number>> {
  if (!offerIds.length) return new Map();
  const rows = await q()
    .selectFrom("seat_registrations")
    .select(["id", sql<number>`row_number() OVER (PARTITION BY offer_id ORDER BY seq)`.as("rank")])
    .where("offer_id", "in", offerIds)
    .where("status", "=", "waiting")
    .execute();
  return new Map(rows.map((r) => [r.id, Number(r.rank)]));
}

export async function countsOf(offerIds: string[]) {
  if (!offerIds.length) return [];
  return q()
    .selectFrom("seat_registrations")
    .select(["offer_id", "status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("offer_id", "in", offerIds)
    .where("status", "in", ACTIVE)
    .groupBy(["offer_id", "status"])
    .execute();
}

export async function ofUser(userId: string, kind?: string, activeOnly = true) {
  if (!isUuid(userId)) return [];
  let query = q()
    .selectFrom("seat_registrations as r")
    .innerJoin("seat_offers as o", "o.id", "r.offer_id")
    .select(["r.id", "r.offer_id", "r.status", "r.offered_until", "r.created_at", "r.updated_at", "o.owner_kind", "o.owner_id"])
    .where("r.user_id", "=", userId)
    .orderBy("r.created_at", "desc");
  if (kind) query = query.where("o.owner_kind", "=", kind);
  if (activeOnly) query = query.where("r.status", "in", ACTIVE);
  return query.execute();
}

export async function activeRegistrationsOfUser(userId: string) {
  return q().selectFrom("seat_registrations").selectAll().where("user_id", "=", userId).where("status", "in", ACTIVE).execute();
}

/** Confirmed agents of these offers, with when they got their seat. */
export async function confirmedIn(offerIds: string[]) {
  if (!offerIds.length) return [];
  return q().selectFrom("seat_registrations").select(["offer_id", "user_id", "updated_at"]).where("offer_id", "in", offerIds).where("status", "=", "confirmed").orderBy("seq").execute();
}
