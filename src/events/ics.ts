/**
 * Events as iCalendar (RFC 5545) with ical-generator: one event, a lab's feed or the network's.
 * Times are written in Europe/Paris (TZID, with its VTIMEZONE) so that a recurring event keeps its
 * hour across the clock change; the RRULE is kept as stored; each entry carries its page's address.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { toParisWall } from "./rules";

const TZID = "Europe/Paris";
const VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Paris",
  "X-LIC-LOCATION:Europe/Paris",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

/** ical-generator reads a zoned Date with its local getters: a Date whose local numbers are Paris's. */
function parisLocal(at: Date): Date {
  const w = toParisWall(at);
  return new Date(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds());
}

export interface IcsEvent {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  recurrence: string | null;
  place: string;
  onlineUrl: string | null;
  /** The event's page here. */
  url: string;
  organizer: string;
  kindLabel: string;
  audienceLabel: string;
  tags: string[];
  cancelled: boolean;
  updatedAt: Date;
}

export function eventsIcs(opts: { name: string; description: string; host: string; events: IcsEvent[]; single?: boolean }): string {
  const cal = ical({ name: opts.name, description: opts.description, prodId: { company: "Germoir", product: "evenements", language: "FR" }, ...(opts.single ? { method: ICalCalendarMethod.PUBLISH } : {}) });
  cal.timezone({ name: TZID, generator: () => VTIMEZONE });
  for (const e of opts.events) {
    const start = parisLocal(e.startsAt);
    // an all-day event ends the day after its last day (DTEND is exclusive)
    const end = e.allDay ? new Date(start.getFullYear(), start.getMonth(), start.getDate() + Math.max(1, Math.round((toParisWall(e.endsAt).setUTCHours(0, 0, 0, 0) - toParisWall(e.startsAt).setUTCHours(0, 0, 0, 0)) / 86_400_000) + 1)) : parisLocal(e.endsAt);
    const description = [e.description, `${e.kindLabel} · ${e.audienceLabel} · ${e.organizer}`, e.onlineUrl ? `En ligne : ${e.onlineUrl}` : "", `Page de l’événement : ${e.url}`].filter(Boolean).join("\n\n");
    cal.createEvent({
      id: `${e.id}@${opts.host}`,
      start,
      end,
      allDay: e.allDay,
      timezone: TZID,
      summary: e.cancelled ? `Annulé : ${e.title}` : e.title,
      description,
      location: e.place || e.onlineUrl || undefined,
      url: e.url,
      repeating: e.recurrence ? `RRULE:${e.recurrence}` : null,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      categories: [{ name: e.kindLabel }, ...e.tags.map((name) => ({ name }))],
      // written in Paris time like the event's dates (the library writes every date of a zoned event so)
      lastModified: parisLocal(e.updatedAt),
      stamp: parisLocal(e.updatedAt),
    });
  }
  return cal.toString();
}
