/**
 * The events' vocabulary and their calendar arithmetic: kinds, audiences, regions, the Mois de
 * l'innovation publique tag, Paris wall-clock time, and the expansion of a recurring event into
 * its occurrences (rrule, in Paris time so that a weekly 9 h stays at 9 h across the clock change).
 */
import * as rruleNs from "rrule";

type RRuleModule = typeof import("rrule");
// rrule ships CommonJS for Node and ESM for bundlers: take its exports from whichever shape loaded.
const rrule: RRuleModule = ((rruleNs as unknown as { RRule?: unknown }).RRule ? rruleNs : (rruleNs as unknown as { default: RRuleModule }).default) as RRuleModule;

export const eventKinds = { workshop: "Atelier", conference: "Conférence", exhibition: "Exposition", webinar: "Webinaire", day: "Journée" } as const;
export type EventKind = keyof typeof eventKinds;
export const eventKindKeys = Object.keys(eventKinds) as EventKind[];

export const audiences = { agents: "Réservé aux agents", all: "Ouvert à tous", users: "Pour les usagers" } as const;
export type Audience = keyof typeof audiences;
export const audienceKeys = Object.keys(audiences) as Audience[];

export const registrationModes = { free: "Entrée libre", required: "Sur inscription" } as const;
export type RegistrationMode = keyof typeof registrationModes;

export type EventStatus = "scheduled" | "cancelled";
export type FetchStatus = "queued" | "running" | "done" | "failed";

/** The tags a lab may put on an event; the Mois de l'innovation publique first. */
export const eventTags = { "mois-innovation": "Mois de l’innovation publique" } as const;
export type EventTag = keyof typeof eventTags;
export const MOIS_INNOVATION: EventTag = "mois-innovation";

/** Metropolitan and overseas regions, and the national level (the network's online events). */
export const regions = [
  "Auvergne-Rhône-Alpes",
  "Bourgogne-Franche-Comté",
  "Bretagne",
  "Centre-Val de Loire",
  "Corse",
  "Grand Est",
  "Hauts-de-France",
  "Île-de-France",
  "Normandie",
  "Nouvelle-Aquitaine",
  "Occitanie",
  "Pays de la Loire",
  "Provence-Alpes-Côte d’Azur",
  "Guadeloupe",
  "Guyane",
  "La Réunion",
  "Martinique",
  "Mayotte",
  "National",
] as const;

export const recurrenceFrequencies = { none: "Ne se répète pas", daily: "Chaque jour", weekly: "Chaque semaine", monthly: "Chaque mois" } as const;
export type RecurrenceFrequency = keyof typeof recurrenceFrequencies;

// ---------------------------------------------------------------- Paris time

const PARIS = "Europe/Paris";
const parts = new Intl.DateTimeFormat("en-GB", { timeZone: PARIS, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

/** The Paris wall clock of an instant, as the same numbers in UTC (a « floating » date). */
export function toParisWall(at: Date): Date {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  return new Date(Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)));
}

/** The instant at which Paris shows this wall clock (given as UTC numbers). */
export function fromParisWall(wall: Date): Date {
  // the offset at the instant, tried twice around a clock change
  let guess = new Date(wall.getTime() - 60 * 60_000);
  for (let i = 0; i < 2; i++) {
    const offset = toParisWall(guess).getTime() - guess.getTime();
    guess = new Date(wall.getTime() - offset);
  }
  return guess;
}

/** A date and a time typed in a form (2026-11-26, 09:30), read in Paris; null when it does not exist. */
export function parisDateTime(day: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [y, m, dd, hh, mm] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (hh > 23 || mm > 59) return null;
  const wall = new Date(Date.UTC(y, m - 1, dd, hh, mm));
  if (wall.getUTCFullYear() !== y || wall.getUTCMonth() !== m - 1 || wall.getUTCDate() !== dd) return null;
  return fromParisWall(wall);
}

/** The Paris day (2026-11-26) and time (09:30) of an instant, for a form's fields. */
export function parisDayAndTime(at: Date): { day: string; time: string } {
  const iso = toParisWall(at).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** The first instant of a Paris month (2026-11) and of the next. */
export function monthBounds(month: string): { from: Date; to: Date } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12 || y < 2000 || y > 2100) return null;
  return { from: fromParisWall(new Date(Date.UTC(y, mo - 1, 1))), to: fromParisWall(new Date(Date.UTC(y, mo, 1))) };
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

export function monthOf(at: Date): string {
  return toParisWall(at).toISOString().slice(0, 7);
}

// ---------------------------------------------------------------- recurrence

const FREQ = { daily: "DAILY", weekly: "WEEKLY", monthly: "MONTHLY" } as const;

/** The RRULE value for a form's choice: a frequency, an interval, and a number of times or a last day. */
export function buildRecurrence(r: { frequency: RecurrenceFrequency; interval: number; count: number | null; until: Date | null }): string | null {
  if (r.frequency === "none") return null;
  const parts = [`FREQ=${FREQ[r.frequency]}`];
  if (r.interval > 1) parts.push(`INTERVAL=${r.interval}`);
  if (r.count) parts.push(`COUNT=${r.count}`);
  else if (r.until) parts.push(`UNTIL=${r.until.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "")}`);
  return parts.join(";");
}

/** What a form shows back for a stored RRULE (unknown parts: « weekly » is the closest we can offer). */
export function readRecurrence(rule: string | null): { frequency: RecurrenceFrequency; interval: number; count: number | null; until: Date | null } {
  if (!rule) return { frequency: "none", interval: 1, count: null, until: null };
  const map = Object.fromEntries(rule.split(";").map((p) => p.split("=") as [string, string]));
  const frequency = (Object.entries(FREQ).find(([, v]) => v === map.FREQ)?.[0] ?? "weekly") as RecurrenceFrequency;
  const until = map.UNTIL ? parseIcalDate(map.UNTIL) : null;
  return { frequency, interval: Number(map.INTERVAL ?? 1) || 1, count: map.COUNT ? Number(map.COUNT) : null, until };
}

function parseIcalDate(v: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(v);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 23), Number(m[5] ?? 59), Number(m[6] ?? 59)));
}

/** Whether an RRULE is one we can expand (imported calendars may send anything). */
export function validRecurrence(rule: string): boolean {
  try {
    rrule.RRule.fromString(rule);
    return /FREQ=/.test(rule);
  } catch {
    return false;
  }
}

/** Most occurrences one event shows in a window (a daily event for years stays readable). */
export const MAX_OCCURRENCES = 400;

/** The start instants of an event's occurrences that overlap [from, to), in Paris time. */
export function occurrences(e: { starts_at: Date; ends_at: Date; recurrence: string | null }, from: Date, to: Date): Date[] {
  const length = e.ends_at.getTime() - e.starts_at.getTime();
  if (!e.recurrence) return e.starts_at < to && e.ends_at.getTime() >= from.getTime() ? [e.starts_at] : [];
  let rule;
  try {
    const options = rrule.RRule.parseString(e.recurrence);
    rule = new rrule.RRule({ ...options, dtstart: toParisWall(e.starts_at) });
  } catch {
    return e.starts_at < to && e.ends_at >= from ? [e.starts_at] : [];
  }
  // in wall-clock terms: a start from (from − length) to `to` overlaps the window
  const wallFrom = toParisWall(new Date(from.getTime() - length));
  const wallTo = toParisWall(to);
  const out: Date[] = [];
  rule.between(wallFrom, wallTo, true, (d) => {
    const at = fromParisWall(d);
    if (at < to && at.getTime() + length >= from.getTime()) out.push(at);
    return out.length < MAX_OCCURRENCES;
  });
  return out;
}

/** A sentence for a recurrence (« chaque semaine, 6 fois »). */
export function recurrenceLabel(rule: string | null): string {
  if (!rule) return "";
  const r = readRecurrence(rule);
  const every = { none: "", daily: r.interval > 1 ? `tous les ${r.interval}\u00a0jours` : "chaque jour", weekly: r.interval > 1 ? `toutes les ${r.interval}\u00a0semaines` : "chaque semaine", monthly: r.interval > 1 ? `tous les ${r.interval}\u00a0mois` : "chaque mois" }[r.frequency];
  if (r.count) return `${every}, ${r.count}\u00a0fois`;
  if (r.until) return `${every}, jusqu’au ${new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: PARIS }).format(r.until)}`;
  return every;
}
