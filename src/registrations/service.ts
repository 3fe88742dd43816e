/**
 * Seats with a waiting list, for any module that registers agents (the trainings' sessions, the
 * network's events). Each use case runs in one transaction (a savepoint inside the caller's) and
 * first locks its offer — and the other offers of its group — so that concurrent registrations
 * are served one at a time: never more agents confirmed than seats, never an agent twice, the
 * waiting list in order of arrival.
 *
 * A seat freed (a cancellation, an expiry, more capacity) goes to the first waiting agent as an
 * offer: they are told (notification, and a mail delivered after commit) and have the offer's
 * delay (default 48 h) to confirm; past it, the seat passes on. Every step is logged.
 */
import { transaction } from "../kernel/db/transaction";
import { formatDateTime } from "../kernel/format";
import { Refusal } from "../kernel/permissions";
import { getUserContacts } from "../accounts/accounts";
import { notify } from "../notifications/notifications";
import { optedOut } from "../notifications/preferences";
import { absoluteUrl, queueMail, type Mail } from "../kernel/mail/mail";
import * as data from "./db/queries";
import type { SeatOffer, SeatRegistration, SeatStatus } from "./db/schema";
import { describeSeats } from "./hooks";

const HOUR = 3_600_000;
export const DEFAULT_CONFIRM_HOURS = 48;

export interface OfferSettings {
  capacity: number | null;
  confirmHours?: number;
  groupKey?: string | null;
}

export interface Standing {
  status: SeatStatus;
  /** Rank on the waiting list (1 = next), when waiting. */
  position: number | null;
  offeredUntil: Date | null;
}

// ---------------------------------------------------------------- offers

/**
 * Creates or updates the offer of an owner's object (a session's capacity edited): more seats go
 * at once to the waiting agents, in order. Fewer seats never unseat a confirmed agent.
 */
export async function setOffer(kind: string, ownerId: string, settings: OfferSettings, now = new Date()): Promise<SeatOffer> {
  return transaction(async () => {
    const offer = await data.insertOffer({ kind, ownerId, capacity: settings.capacity, confirmHours: settings.confirmHours ?? DEFAULT_CONFIRM_HOURS, groupKey: settings.groupKey ?? null });
    const locked = await data.lockOffer(offer.id);
    await promote(locked, now);
    return locked;
  });
}

/** The object is gone (a session deleted): its registrations and log go with it. */
export async function removeOffer(kind: string, ownerId: string): Promise<void> {
  const offer = await data.findOffer(kind, ownerId);
  if (offer) await data.deleteOffer(offer.id);
}

async function requireOffer(kind: string, ownerId: string): Promise<SeatOffer> {
  const offer = await data.findOffer(kind, ownerId);
  if (!offer) throw new Refusal("Ces inscriptions n’existent pas.", 404);
  return data.lockOffer(offer.id);
}

// ---------------------------------------------------------------- an agent's steps

/**
 * Registers the agent: confirmed while seats remain (and nobody waits), else at the end of the
 * waiting list. Registering again returns where they stand. An agent confirmed in another offer
 * of the group is refused (409); confirmed here, they leave the group's other lists.
 */
export async function register(kind: string, ownerId: string, userId: string, now = new Date()): Promise<Standing> {
  return transaction(async () => {
    const offer = await requireOffer(kind, ownerId);
    const existing = await data.activeOf(offer.id, userId);
    if (existing) return standingOf(existing);
    if (offer.group_key && (await data.inGroup(offer.group_key, userId, offer.id)).some((r) => r.status === "confirmed")) {
      throw new Refusal("Vous avez déjà une place dans une autre session de cette formation.", 409);
    }
    const seatFree = offer.capacity === null || ((await data.occupied(offer.id)) < offer.capacity && !(await data.firstWaiting(offer.id)));
    const reg = await data.insertRegistration(offer.id, userId, seatFree ? "confirmed" : "waiting", now);
    await data.logEvent(offer.id, userId, seatFree ? "confirmed" : "waiting", now);
    if (seatFree) await leaveGroup(offer, userId, now);
    return standingOf(reg);
  });
}

/** The agent gives up their seat, their offered seat or their place on the list: the seat passes on. */
export async function cancel(kind: string, ownerId: string, userId: string, now = new Date()): Promise<void> {
  await transaction(async () => {
    const offer = await requireOffer(kind, ownerId);
    const reg = await data.activeOf(offer.id, userId);
    if (!reg) throw new Refusal("Vous n’êtes pas inscrit ou inscrite.", 409);
    await data.setStatus(reg.id, "cancelled", now);
    await data.logEvent(offer.id, userId, "cancelled", now);
    await promote(offer, now);
  });
}

/** The agent takes the seat offered to them, before its deadline; they leave the group's other lists. */
export async function confirm(kind: string, ownerId: string, userId: string, now = new Date()): Promise<void> {
  const late = await transaction(async () => {
    const offer = await requireOffer(kind, ownerId);
    const reg = await data.activeOf(offer.id, userId);
    if (reg?.status === "confirmed") return false;
    if (!reg || reg.status !== "offered") throw new Refusal("Aucune place ne vous est proposée ici.", 409);
    if (reg.offered_until! <= now) {
      await expireIn(offer, now);
      return true;
    }
    await data.setStatus(reg.id, "confirmed", now);
    await data.logEvent(offer.id, userId, "accepted", now);
    await leaveGroup(offer, userId, now);
    return false;
  });
  if (late) throw new Refusal("Le délai pour confirmer cette place est passé : elle a été proposée à la personne suivante.", 409);
}

/**
 * Offered seats past their deadline pass on, and seats left free while agents wait (given up by a
 * deleted account) are offered (the scheduler runs this every minute; tests give the clock).
 * Returns how many offered seats expired.
 */
export async function expireDue(now = new Date()): Promise<number> {
  let expired = 0;
  for (const offerId of await data.dueOffers(now)) {
    expired += await transaction(async () => {
      const offer = await data.lockOffer(offerId);
      return expireIn(offer, now);
    });
  }
  for (const offerId of await data.offersToFill()) {
    await transaction(async () => promote(await data.lockOffer(offerId), now));
  }
  return expired;
}

// ---------------------------------------------------------------- inside a locked offer

async function expireIn(offer: SeatOffer, now: Date): Promise<number> {
  const due = await data.dueIn(offer.id, now);
  for (const reg of due) {
    await data.setStatus(reg.id, "expired", now);
    await data.logEvent(offer.id, reg.user_id, "expired", now);
  }
  if (due.length) {
    const subject = (await describeSeats(offer.owner_kind, [offer.owner_id])).get(offer.owner_id)!;
    await notify(due.map((r) => ({ userId: r.user_id, kind: "seat_update" as const, title: `Le délai pour confirmer votre place est passé : « ${subject.title} »`, link: subject.link })));
  }
  await promote(offer, now);
  return due.length;
}

/** Confirmed in this offer: the agent leaves the other lists of its group; a seat they were offered there passes on. */
async function leaveGroup(offer: SeatOffer, userId: string, now: Date): Promise<void> {
  if (!offer.group_key) return;
  const others = await data.inGroup(offer.group_key, userId, offer.id);
  const touched = new Set<string>();
  for (const r of others) {
    if (r.status === "confirmed") continue;
    await data.setStatus(r.id, "withdrawn", now);
    await data.logEvent(r.offer_id, userId, "withdrawn", now);
    if (r.status === "offered") touched.add(r.offer_id);
  }
  for (const o of await data.getOffers([...touched])) await promote(o, now);
}

/** Free seats go to the first waiting agents, each offered it until the offer's deadline. */
async function promote(offer: SeatOffer, now: Date): Promise<void> {
  if (offer.capacity === null) {
    // no limit (any more): everyone waiting is confirmed
    for (let w = await data.firstWaiting(offer.id); w; w = await data.firstWaiting(offer.id)) {
      await data.setStatus(w.id, "confirmed", now);
      await data.logEvent(offer.id, w.user_id, "confirmed", now);
    }
    return;
  }
  const offered: SeatRegistration[] = [];
  let taken = await data.occupied(offer.id);
  while (taken < offer.capacity) {
    const next = await data.firstWaiting(offer.id);
    if (!next) break;
    const until = new Date(now.getTime() + offer.confirm_hours * HOUR);
    await data.setStatus(next.id, "offered", now, until);
    await data.logEvent(offer.id, next.user_id, "offered", now);
    offered.push({ ...next, status: "offered", offered_until: until });
    taken++;
  }
  if (offered.length) await tellOffered(offer, offered);
}

async function tellOffered(offer: SeatOffer, regs: SeatRegistration[]): Promise<void> {
  const subject = (await describeSeats(offer.owner_kind, [offer.owner_id])).get(offer.owner_id)!;
  const title = `Une place s’est libérée : « ${subject.title} »`;
  await notify(regs.map((r) => ({ userId: r.user_id, kind: "seat_offered" as const, title, link: subject.link })));
  const ids = regs.map((r) => r.user_id);
  const [contacts, stopped] = await Promise.all([getUserContacts(ids), optedOut(ids, "seat_offered")]);
  const mails: Mail[] = [];
  for (const r of regs) {
    const c = contacts.get(r.user_id);
    if (!c?.email || stopped.has(r.user_id)) continue;
    mails.push({
      to: c.email,
      content: {
        subject: title,
        greeting: `Bonjour ${c.givenName},`,
        paragraphs: [
          `Vous étiez sur la liste d’attente de « ${subject.title} » : une place s’est libérée et elle vous est proposée.`,
          `Confirmez-la avant le ${formatDateTime(r.offered_until)} : passé ce délai, elle sera proposée à la personne suivante.`,
        ],
        facts: [],
        action: { label: "Confirmer ma place", url: absoluteUrl(subject.link) },
      },
    });
  }
  await queueMail({ kind: "seat_offered", labId: subject.labId }, mails);
}

// ---------------------------------------------------------------- reading

function standingOf(reg: SeatRegistration, position: number | null = null): Standing {
  return { status: reg.status, position, offeredUntil: reg.offered_until };
}

/** Where this agent stands on each of the owner's objects (absent: not registered). */
export async function standings(kind: string, ownerIds: string[], userId: string): Promise<Map<string, Standing>> {
  const offers = await data.offersOf(kind, ownerIds);
  const out = new Map<string, Standing>();
  if (!offers.length) return out;
  const byOffer = new Map(offers.map((o) => [o.id, o.owner_id]));
  const mine = (await data.activeRegistrationsOfUser(userId)).filter((r) => byOffer.has(r.offer_id));
  const ranks = await data.waitingRanks(mine.filter((r) => r.status === "waiting").map((r) => r.offer_id));
  for (const r of mine) out.set(byOffer.get(r.offer_id)!, standingOf(r, ranks.get(r.id) ?? null));
  return out;
}

export interface SeatCounts {
  capacity: number | null;
  confirmed: number;
  offered: number;
  waiting: number;
  /** Seats nobody holds (null: no limit). */
  free: number | null;
}

/** Seats taken and waiting, per object. */
export async function seatCounts(kind: string, ownerIds: string[]): Promise<Map<string, SeatCounts>> {
  const offers = await data.offersOf(kind, ownerIds);
  const rows = await data.countsOf(offers.map((o) => o.id));
  const out = new Map<string, SeatCounts>();
  for (const o of offers) {
    const n = (s: SeatStatus) => Number(rows.find((r) => r.offer_id === o.id && r.status === s)?.n ?? 0);
    const confirmed = n("confirmed");
    const offered = n("offered");
    out.set(o.owner_id, { capacity: o.capacity, confirmed, offered, waiting: n("waiting"), free: o.capacity === null ? null : Math.max(0, o.capacity - confirmed - offered) });
  }
  return out;
}

/** The list of an object, for its organisers: the confirmed, the offered (with their deadline), the waiting in order, and the log. */
export async function seatList(kind: string, ownerId: string) {
  const offer = await data.findOffer(kind, ownerId);
  if (!offer) return { capacity: null, confirmHours: DEFAULT_CONFIRM_HOURS, confirmed: [], offered: [], waiting: [], log: [] };
  const regs = await data.registrationsOfOffer(offer.id);
  return {
    capacity: offer.capacity,
    confirmHours: offer.confirm_hours,
    confirmed: regs.filter((r) => r.status === "confirmed").map((r) => ({ userId: r.user_id, since: r.updated_at })),
    offered: regs.filter((r) => r.status === "offered").map((r) => ({ userId: r.user_id, until: r.offered_until! })),
    waiting: regs.filter((r) => r.status === "waiting").map((r, i) => ({ userId: r.user_id, position: i + 1, since: r.created_at })),
    log: (await data.eventsOf(offer.id)).map((e) => ({ userId: e.user_id, kind: e.kind, at: e.at })),
  };
}

/** The confirmed agents of these objects, by object (the attendance sheet, the reciprocal offer's balance). */
export async function confirmedAgents(kind: string, ownerIds: string[]): Promise<Map<string, { userId: string; since: Date }[]>> {
  const offers = await data.offersOf(kind, ownerIds);
  const owner = new Map(offers.map((o) => [o.id, o.owner_id]));
  const out = new Map<string, { userId: string; since: Date }[]>();
  for (const r of await data.confirmedIn(offers.map((o) => o.id))) {
    const id = owner.get(r.offer_id)!;
    out.set(id, [...(out.get(id) ?? []), { userId: r.user_id, since: r.updated_at }]);
  }
  return out;
}

/** The agent's registrations of one kind (active ones by default), newest first. */
export async function registrationsOf(userId: string, kind: string, opts: { all?: boolean } = {}) {
  return (await data.ofUser(userId, kind, !opts.all)).map((r) => ({ ownerId: r.owner_id, status: r.status, offeredUntil: r.offered_until, registeredAt: r.created_at }));
}
