/**
 * Event figures for the steering dashboards: the lab's own events (not cancelled) held in a period,
 * each occurrence of a recurring one counted, by kind, and the agents registered to those that ask
 * for registration (the seat counts of the registrations module). Counted live.
 */
import { seatCounts } from "../registrations";
import { labEventsBetween } from "./events";
import { SEAT_KIND } from "./registration.server";
import { occurrences, type EventKind } from "./rules";

export interface EventStats {
  events: number;
  occurrences: number;
  open: number;
  withRegistration: number;
  registered: number;
  waiting: number;
  seats: number;
  byKind: { kind: EventKind; occurrences: number; registered: number }[];
}

export async function eventStats(query: { labId: string; from: Date; to: Date }): Promise<EventStats> {
  const rows = (await labEventsBetween(query.labId, query.from, query.to)).map((e) => ({ ...e, count: occurrences(e, query.from, query.to).length })).filter((e) => e.count > 0);
  const registering = rows.filter((e) => e.registration === "required");
  const seats = await seatCounts(SEAT_KIND, registering.map((e) => e.id));
  const byKind = new Map<EventKind, { kind: EventKind; occurrences: number; registered: number }>();
  let registered = 0;
  let waiting = 0;
  let capacity = 0;
  for (const e of rows) {
    const c = seats.get(e.id);
    const line = byKind.get(e.kind) ?? { kind: e.kind, occurrences: 0, registered: 0 };
    line.occurrences += e.count;
    line.registered += c?.confirmed ?? 0;
    byKind.set(e.kind, line);
    registered += c?.confirmed ?? 0;
    waiting += c?.waiting ?? 0;
    capacity += c?.capacity ?? 0;
  }
  return {
    events: rows.length,
    occurrences: rows.reduce((a, e) => a + e.count, 0),
    open: rows.filter((e) => e.audience === "all").length,
    withRegistration: registering.length,
    registered,
    waiting,
    seats: capacity,
    byKind: [...byKind.values()].sort((a, z) => z.occurrences - a.occurrences),
  };
}
