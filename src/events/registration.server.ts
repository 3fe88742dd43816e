/**
 * Registering to an event that asks for it, through the shared seats and waiting lists
 * (src/registrations: never its tables): the offer of an event is its capacity, created at the
 * first registration and kept in step when the lab edits the event; a cancellation offers the seat
 * to the first waiting agent, who has 48 h to confirm. An agent's registrations are also a private
 * iCal feed, « mes inscriptions », at a secret address (kept as its hash) that they renew or revoke.
 */
import crypto from "node:crypto";
import * as seats from "../registrations";
import { listLabs } from "../labs/labs";
import { Refusal, type Principal, type Viewer } from "../kernel/permissions";
import { transaction } from "../kernel/db/transaction";
import { formatDate, formatDateTime } from "../kernel/format";
import * as data from "./events";
import type { EventRow } from "./db/schema";
import { eventRights } from "./permissions";
import { audiences, eventKinds, eventTags } from "./rules";
import { eventsIcs } from "./ics";

export const SEAT_KIND = "event";

async function keeperOf(e: EventRow): Promise<string> {
  if (e.lab_id) return e.lab_id;
  return (await data.getNetworkLab(e.network_lab_id!))?.declared_by_lab_id ?? "";
}

/** The words and link of an event in the seats' messages (registered at boot in src/wiring.ts). */
export const eventSeatOwner: seats.SeatOwner = {
  async describe(eventIds) {
    const out = new Map<string, seats.SeatSubject>();
    for (const e of await data.getEvents(eventIds)) out.set(e.id, { title: `${e.title} – ${formatDate(e.starts_at)}`, link: `/evenements/${e.id}`, labId: e.lab_id ?? (await keeperOf(e)) });
    return out;
  },
};

/** The offer of an event on registration, created or brought in step with its capacity (inside the caller's transaction). */
export async function syncOffer(e: Pick<EventRow, "id" | "registration" | "capacity">): Promise<void> {
  if (e.registration !== "required") return;
  await seats.setOffer(SEAT_KIND, e.id, { capacity: e.capacity });
}

export interface RegistrationPanel {
  open: boolean;
  /** Why one may not register, when one may not. */
  closedReason: string | null;
  capacity: number | null;
  free: number | null;
  waiting: number;
  standing: { status: seats.Standing["status"]; label: string; position: number | null; offeredUntil: string | null } | null;
}

/** The registration part of an event's page, for whoever may see the event (null: free entry). */
export async function eventRegistration(principal: Principal | null, eventId: string, now = new Date()): Promise<RegistrationPanel | null> {
  const e = await data.getEvent(eventId);
  if (!e || !eventRights(principal, { audience: e.audience, status: e.status, keeperLabId: await keeperOf(e), imported: !!e.source_uid }).see) throw new Refusal("Cet événement n’existe pas.", 404);
  return registrationPanel(principal?.userId ?? null, e, now);
}

/** What the event page shows of registration: the seats left, and where the viewer stands. */
export async function registrationPanel(userId: string | null, e: EventRow, now = new Date()): Promise<RegistrationPanel | null> {
  if (e.registration !== "required") return null;
  const counts = (await seats.seatCounts(SEAT_KIND, [e.id])).get(e.id);
  const standing = userId ? (await seats.standings(SEAT_KIND, [e.id], userId)).get(e.id) : undefined;
  const closedReason = e.status === "cancelled" ? "L’événement est annulé." : e.ends_at < now && !e.recurrence ? "L’événement est passé." : e.source_uid ? "Les inscriptions se font auprès du lab qui organise l’événement." : null;
  return {
    open: !closedReason,
    closedReason,
    capacity: e.capacity,
    free: counts ? counts.free : e.capacity,
    waiting: counts?.waiting ?? 0,
    standing: standing ? { status: standing.status, label: seats.statusLabels[standing.status], position: standing.position, offeredUntil: standing.offeredUntil ? formatDateTime(standing.offeredUntil) : null } : null,
  };
}

async function requireRegistrable(viewer: Viewer, eventId: string, now: Date): Promise<EventRow> {
  const e = await data.getEvent(eventId);
  if (!e) throw new Refusal("Cet événement n’existe pas.", 404);
  if (!eventRights(viewer.principal, { audience: e.audience, status: e.status, keeperLabId: await keeperOf(e), imported: !!e.source_uid }).see) throw new Refusal("Cet événement n’existe pas.", 404);
  const panel = await registrationPanel(viewer.userId, e, now);
  if (!panel) throw new Refusal("Cet événement est en entrée libre : pas d’inscription.", 409);
  if (!panel.open) throw new Refusal(panel.closedReason!, 409);
  return e;
}

/** « S'inscrire » (or join the waiting list), « Confirmer ma place », « Annuler mon inscription ». */
export async function eventSeatAction(viewer: Viewer, eventId: string, intent: "register" | "confirm" | "cancel", now = new Date()): Promise<string> {
  const e = await requireRegistrable(viewer, eventId, now);
  return transaction(async () => {
    if (intent === "register") {
      await syncOffer(e);
      const st = await seats.register(SEAT_KIND, e.id, viewer.userId, now);
      return st.status === "confirmed" ? "inscrit" : "attente";
    }
    if (intent === "confirm") {
      await seats.confirm(SEAT_KIND, e.id, viewer.userId, now);
      return "confirme";
    }
    await seats.cancel(SEAT_KIND, e.id, viewer.userId, now);
    return "annule";
  });
}

// ---------------------------------------------------------------- « mes inscriptions »

const hash = (token: string) => crypto.createHash("sha256").update(token).digest("base64url");
export const feedPath = (token: string) => `/evenements/mes-inscriptions/${token}/calendrier.ics`;

export async function myEvents(viewer: Viewer) {
  const regs = await seats.registrationsOf(viewer.userId, SEAT_KIND);
  const events = new Map((await data.getEvents(regs.map((r) => r.ownerId))).map((e) => [e.id, e]));
  const standings = await seats.standings(SEAT_KIND, regs.map((r) => r.ownerId), viewer.userId);
  const token = await data.feedTokenOf(viewer.userId);
  return {
    registrations: regs
      .filter((r) => events.has(r.ownerId))
      .map((r) => {
        const e = events.get(r.ownerId)!;
        const st = standings.get(r.ownerId);
        return { id: e.id, title: e.title, when: formatDateTime(e.starts_at), startsAt: e.starts_at.toISOString(), status: seats.statusLabels[r.status], position: st?.position ?? null, offeredUntil: r.offeredUntil ? formatDateTime(r.offeredUntil) : null, cancelled: e.status === "cancelled" };
      })
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    feed: token ? { createdAt: formatDateTime(token.created_at) } : null,
  };
}

/** A new secret address (the former one stops working); returned once, never stored in clear. */
export async function renewFeed(viewer: Viewer): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await transaction(() => data.setFeedToken(viewer.userId, hash(token)));
  return feedPath(token);
}

export async function revokeFeed(viewer: Viewer): Promise<void> {
  await transaction(() => data.deleteFeedToken(viewer.userId));
}

/** The private feed: the events the agent holds a seat in (or waits for, said in the title); 404 for an unknown or revoked address. */
export async function privateFeed(token: string, origin: string): Promise<string> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw new Refusal("Ce calendrier n’existe pas.", 404);
  const userId = await data.userOfFeedToken(hash(token));
  if (!userId) throw new Refusal("Ce calendrier n’existe pas.", 404);
  const regs = await seats.registrationsOf(userId, SEAT_KIND);
  const status = new Map(regs.map((r) => [r.ownerId, r.status]));
  const rows = await data.getEvents(regs.map((r) => r.ownerId));
  const [labs, network] = [new Map((await listLabs()).map((l) => [l.id, l.name])), new Map((await data.listNetworkLabs()).map((n) => [n.id, n.name]))];
  return eventsIcs({
    name: "Mes inscriptions aux événements",
    description: "Les événements auxquels vous êtes inscrit ou en liste d’attente (adresse personnelle : ne la partagez pas).",
    host: new URL(origin).host,
    events: rows.map((e) => {
      const st = status.get(e.id);
      const prefix = st === "waiting" ? "Liste d’attente : " : st === "offered" ? "Place à confirmer : " : "";
      return {
        id: e.id,
        title: `${prefix}${e.title}`,
        description: e.description,
        startsAt: e.starts_at,
        endsAt: e.ends_at,
        allDay: e.all_day,
        recurrence: e.recurrence,
        place: e.place,
        onlineUrl: e.online_url,
        url: `${origin}/evenements/${e.id}`,
        organizer: (e.lab_id ? labs.get(e.lab_id) : network.get(e.network_lab_id!)) ?? "",
        kindLabel: eventKinds[e.kind],
        audienceLabel: audiences[e.audience],
        tags: e.tags.map((t) => (eventTags as Record<string, string>)[t] ?? t),
        cancelled: e.status === "cancelled",
        updatedAt: e.updated_at,
      };
    }),
  });
}

