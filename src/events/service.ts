/**
 * The events' use cases. Each checks who asks (./permissions) before anything else; writes run in
 * one transaction; a fetch of a followed calendar is queued after commit.
 */
import { getLabs, listLabs } from "../labs/labs";
import { requireLabRole } from "../labs/service";
import { Refusal, type Principal, type Viewer } from "../kernel/permissions";
import { onCommit, transaction } from "../kernel/db/transaction";
import { enqueue } from "../kernel/jobs/jobs";
import { formatDate, formatDateTime, isoDay, isoTime } from "../kernel/format";
import * as data from "./events";
import type { EventRow, NetworkLab } from "./db/schema";
import { eventRights, isPublicAudience, networkLabRights, visibleAudiences } from "./permissions";
import { audiences, eventKinds, eventTags, monthBounds, monthOf, occurrences, recurrenceLabel, registrationModes, regions, type Audience } from "./rules";
import { filtersQuery, type CalendarFilters, type EventInput, type NetworkLabInput } from "./schemas";
import { EVENTS_IMPORT_QUEUE, isStale } from "./import";
import { eventsIcs, type IcsEvent } from "./ics";

// ---------------------------------------------------------------- heard by others

/** What hears an event saved (created or edited), inside its transaction: the registrations keep its seats in step (src/wiring.ts). */
export type EventSavedListener = (e: Pick<EventRow, "id" | "registration" | "capacity">) => Promise<void>;
const savedListeners: EventSavedListener[] = [];
export function onEventSaved(listener: EventSavedListener): void {
  savedListeners.push(listener);
}
async function saved(e: Pick<EventRow, "id" | "registration" | "capacity">) {
  for (const listener of savedListeners) await listener(e);
}

// ---------------------------------------------------------------- who keeps what

interface Organizers {
  name(e: EventRow): string;
  keeper(e: EventRow): string;
  networkLabs: Map<string, NetworkLab>;
}

async function organizers(): Promise<Organizers> {
  const [labs, network] = await Promise.all([listLabs(), data.listNetworkLabs()]);
  const labNames = new Map(labs.map((l) => [l.id, l.name]));
  const networkLabs = new Map(network.map((n) => [n.id, n]));
  return {
    networkLabs,
    name: (e) => (e.lab_id ? (labNames.get(e.lab_id) ?? "") : (networkLabs.get(e.network_lab_id!)?.name ?? "")),
    keeper: (e) => e.lab_id ?? networkLabs.get(e.network_lab_id!)?.declared_by_lab_id ?? "",
  };
}

const factsOf = (e: EventRow, o: Organizers) => ({ audience: e.audience, status: e.status, keeperLabId: o.keeper(e), imported: !!e.source_uid });

// ---------------------------------------------------------------- words

const hm = (d: Date) => isoTime(d).replace(":", "\u00a0h\u00a0");

/** « 26 novembre 2026, de 9 h 30 à 17 h », « du 2 au 27 novembre 2026 »… */
export function whenLabel(startsAt: Date, endsAt: Date, allDay: boolean): string {
  const sameDay = isoDay(startsAt) === isoDay(endsAt);
  if (allDay) return sameDay ? formatDate(startsAt) : `du ${formatDate(startsAt)} au ${formatDate(endsAt)}`;
  if (sameDay) return `${formatDate(startsAt)}, de ${hm(startsAt)} à ${hm(endsAt)}`;
  return `du ${formatDateTime(startsAt)} au ${formatDateTime(endsAt)}`;
}

function summaryOf(e: EventRow, o: Organizers, at: Date = e.starts_at) {
  const endsAt = new Date(at.getTime() + (e.ends_at.getTime() - e.starts_at.getTime()));
  return {
    id: e.id,
    title: e.title,
    kind: eventKinds[e.kind],
    audience: audiences[e.audience],
    open: e.audience === "all",
    organizer: o.name(e),
    region: e.region,
    where: e.place || (e.online_url ? "En ligne" : ""),
    startsAt: at.toISOString(),
    when: whenLabel(at, endsAt, e.all_day),
    time: e.all_day || isoDay(at) !== isoDay(endsAt) ? "" : hm(at),
    cancelled: e.status === "cancelled",
    moisInnovation: e.tags.includes("mois-innovation"),
    recurring: !!e.recurrence,
    imported: !!e.source_uid,
  };
}
export type EventSummary = ReturnType<typeof summaryOf>;

// ---------------------------------------------------------------- the calendar

const weekdays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
const monthName = (month: string) => formatDate(monthBounds(month)!.from).replace(/^1er /, "");

/** What the calendar's filter form offers. */
async function filterChoices(o: Organizers) {
  const labs = await listLabs();
  return {
    labs: [...labs.map((l) => ({ value: l.id, label: l.name })), ...[...o.networkLabs.values()].map((n) => ({ value: n.id, label: `${n.name} (${n.region})` }))].sort((a, b) => a.label.localeCompare(b.label, "fr")),
    regions: regions.map((r) => ({ value: r, label: r })),
    kinds: Object.entries(eventKinds).map(([value, label]) => ({ value, label })),
    audiences: Object.entries(audiences).map(([value, label]) => ({ value, label })),
    tags: Object.entries(eventTags).map(([value, label]) => ({ value, label })),
  };
}

/**
 * The calendar of a month: its weeks (Monday first), each day with the occurrences that touch it,
 * and the same occurrences as a list by day (each once, on the day it begins or the month's first
 * day). Agents-only events for signed-in viewers only; « ouvert à tous » keeps the open ones.
 */
export async function calendarPage(principal: Principal | null, f: CalendarFilters, now = new Date()) {
  const o = await organizers();
  const { from, to } = monthBounds(f.month)!;
  const allowed = visibleAudiences(principal).filter((a) => (f.open ? a === "all" : true)).filter((a) => (f.audience ? a === f.audience : true));
  const rows = await data.eventsInWindow({ from, to, audiences: allowed, lab: f.lab, region: f.region, kind: f.kind, tag: f.tag });
  const all = rows
    .flatMap((e) => occurrences(e, from, to).map((at) => ({ e, at, end: new Date(at.getTime() + (e.ends_at.getTime() - e.starts_at.getTime())) })))
    .sort((a, b) => +a.at - +b.at || a.e.title.localeCompare(b.e.title, "fr"));
  // the month's days, and the weeks around them
  const days: string[] = [];
  for (let d = new Date(Date.UTC(Number(f.month.slice(0, 4)), Number(f.month.slice(5, 7)) - 1, 1)); d.toISOString().slice(0, 7) === f.month; d = new Date(d.getTime() + 86_400_000)) days.push(d.toISOString().slice(0, 10));
  const firstWeekday = (new Date(`${days[0]}T12:00:00Z`).getUTCDay() + 6) % 7;
  const byDay = new Map<string, EventSummary[]>(days.map((d) => [d, []]));
  const listByDay = new Map<string, EventSummary[]>(days.map((d) => [d, []]));
  for (const x of all) {
    const s = summaryOf(x.e, o, x.at);
    const firstDay = isoDay(x.at) < days[0] ? days[0] : isoDay(x.at);
    listByDay.get(firstDay)?.push(s);
    const lastDay = isoDay(x.end);
    for (const d of days) if (d >= isoDay(x.at) && d <= lastDay) byDay.get(d)!.push(s);
  }
  const cells: ({ day: string; number: number; label: string; events: EventSummary[]; today: boolean } | null)[] = [...Array(firstWeekday).fill(null)];
  const today = isoDay(now);
  // in a day's cell, what begins that day first (by hour), then what goes on from the days before
  const ordered = (d: string) => {
    const events = byDay.get(d)!;
    return [...events.filter((e) => isoDay(new Date(e.startsAt)) === d), ...events.filter((e) => isoDay(new Date(e.startsAt)) !== d)];
  };
  for (const d of days) cells.push({ day: d, number: Number(d.slice(8)), label: formatDate(new Date(`${d}T12:00:00Z`)), events: ordered(d), today: d === today });
  while (cells.length % 7) cells.push(null);
  const weeks: (typeof cells)[] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const list = [...listByDay.entries()].filter(([, events]) => events.length).map(([day, events]) => ({ day, label: `${weekdays[(new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7]} ${formatDate(new Date(`${day}T12:00:00Z`))}`, events }));
  return {
    filters: f,
    signedIn: !!principal,
    monthLabel: monthName(f.month),
    previous: filtersQuery(f, { month: shift(f.month, -1) }),
    next: filtersQuery(f, { month: shift(f.month, 1) }),
    current: filtersQuery(f, { month: monthOf(now) }),
    asMonth: filtersQuery(f, { view: "month" }),
    asList: filtersQuery(f, { view: "list" }),
    weekdays,
    weeks,
    list,
    count: list.reduce((n, d) => n + d.events.length, 0),
    choices: await filterChoices(o),
  };
}

function shift(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7);
}

// ---------------------------------------------------------------- one event

/** The event, if this viewer may see it; 404 otherwise (an agents-only event says why to the signed-out). */
async function visibleEvent(principal: Principal | null, eventId: string) {
  const e = await data.getEvent(eventId);
  if (!e) throw new Refusal("Cet événement n’existe pas.", 404);
  const o = await organizers();
  const rights = eventRights(principal, factsOf(e, o));
  if (!rights.see) throw new Refusal("Cet événement n’existe pas, ou il est réservé aux agents : connectez-vous pour le voir.", 404);
  return { e, o, rights };
}

export async function eventPage(principal: Principal | null, eventId: string, now = new Date()) {
  const { e, o, rights } = await visibleEvent(principal, eventId);
  const network = e.network_lab_id ? o.networkLabs.get(e.network_lab_id) : undefined;
  const keeperSlug = rights.edit ? ((await getLabs([o.keeper(e)])).get(o.keeper(e))?.slug ?? null) : null;
  const next = e.recurrence ? occurrences(e, now, new Date(now.getTime() + 2 * 366 * 86_400_000)).slice(0, 12) : [];
  return {
    event: {
      ...summaryOf(e, o),
      description: e.description,
      place: e.place,
      onlineUrl: e.online_url,
      registration: registrationModes[e.registration],
      capacity: e.capacity,
      recurrence: recurrenceLabel(e.recurrence),
      link: e.link,
      source: e.source_uid ? { calendar: e.source_url ?? "", lab: network?.name ?? "", updatedAt: formatDateTime(e.updated_at) } : null,
      network: network ? { name: network.name, region: network.region, website: network.website } : null,
      public: isPublicAudience(e.audience),
    },
    next: next.map((at) => whenLabel(at, new Date(at.getTime() + (e.ends_at.getTime() - e.starts_at.getTime())), e.all_day)),
    editPath: rights.edit && keeperSlug ? `/lab/${keeperSlug}/evenements/${e.id}` : null,
    signedIn: !!principal,
  };
}

function icsEntry(e: EventRow, o: Organizers, origin: string): IcsEvent {
  return {
    id: e.id,
    title: e.title,
    description: e.description,
    startsAt: e.starts_at,
    endsAt: e.ends_at,
    allDay: e.all_day,
    recurrence: e.recurrence,
    place: e.place,
    onlineUrl: e.online_url,
    url: `${origin}/evenements/${e.id}`,
    organizer: o.name(e),
    kindLabel: eventKinds[e.kind],
    audienceLabel: audiences[e.audience],
    tags: e.tags.map((t) => (eventTags as Record<string, string>)[t] ?? t),
    cancelled: e.status === "cancelled",
    updatedAt: e.updated_at,
  };
}

const hostOf = (origin: string) => new URL(origin).host;

/** One event as an .ics file (for whoever may see it). */
export async function eventIcs(principal: Principal | null, eventId: string, origin: string): Promise<{ ics: string; filename: string }> {
  const { e, o } = await visibleEvent(principal, eventId);
  const slug = e.title.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 60).replace(/^-+|-+$/g, "") || "evenement";
  return { ics: eventsIcs({ name: e.title, description: `${eventKinds[e.kind]} – ${o.name(e)}`, host: hostOf(origin), events: [icsEntry(e, o, origin)], single: true }), filename: `${slug}.ics` };
}

const FEED_LIMIT = 3000;

/**
 * A public feed (a calendar application subscribes without signing in): the events open to all
 * and for the usagers of one lab, of the installation or of the network, or of the whole network;
 * those ended more than six months ago are left out.
 */
export async function publicFeed(labId: string | null, origin: string, now = new Date()): Promise<string> {
  const o = await organizers();
  let name = "Calendrier du réseau des labs d’innovation publique";
  if (labId) {
    const lab = (await getLabs([labId])).get(labId);
    const network = o.networkLabs.get(labId);
    if (!lab && !network) throw new Refusal("Ce lab n’existe pas.", 404);
    name = `Événements – ${lab?.name ?? network!.name}`;
  }
  const audiencesShown: Audience[] = ["all", "users"];
  const rows = await data.feedEvents({ labId, audiences: audiencesShown, since: new Date(now.getTime() - 183 * 86_400_000), limit: FEED_LIMIT });
  return eventsIcs({ name, description: "Les événements ouverts au public, publiés par Germoir.", host: hostOf(origin), events: rows.map((e) => icsEntry(e, o, origin)) });
}

// ---------------------------------------------------------------- the lab team's pages

async function teamLab(viewer: Viewer, labSlug: string) {
  const lab = await requireLabRole(labSlug, viewer.principal, "lab_team");
  return { id: lab.id, slug: lab.slug, name: lab.name };
}

export async function labEvents(viewer: Viewer, labSlug: string, now = new Date()) {
  const lab = await teamLab(viewer, labSlug);
  const declared = await data.networkLabsDeclaredBy(lab.id);
  const o = await organizers();
  const rows = await data.eventsKeptBy(lab.id, declared.map((n) => n.id));
  const upcoming = rows.filter((e) => e.ends_at >= now || e.recurrence).reverse();
  const past = rows.filter((e) => e.ends_at < now && !e.recurrence);
  const view = (e: EventRow) => ({ ...summaryOf(e, o), editable: eventRights(viewer.principal, factsOf(e, o)).edit });
  return {
    lab,
    upcoming: upcoming.map(view),
    past: past.slice(0, 100).map(view),
    pastCount: past.length,
    networkCount: declared.length,
  };
}

/** The organisers a lab's team may choose: its lab, or one of the network labs it declared. */
async function organizerChoices(lab: { id: string; name: string }) {
  const declared = await data.networkLabsDeclaredBy(lab.id);
  return [{ value: "", label: lab.name }, ...declared.map((n) => ({ value: n.id, label: `${n.name} (${n.region})` }))];
}

export async function newEventForm(viewer: Viewer, labSlug: string) {
  const lab = await teamLab(viewer, labSlug);
  return { lab, organizers: await organizerChoices(lab) };
}

async function checkOrganizer(labId: string, organizer: string | null): Promise<string | null> {
  if (!organizer) return null;
  const n = await data.getNetworkLab(organizer);
  if (!n || n.declared_by_lab_id !== labId) throw new Refusal("Organisé par : choisissez dans la liste.", 400, "organizer");
  return n.id;
}

export async function createEvent(viewer: Viewer, labSlug: string, input: EventInput): Promise<EventRow> {
  const lab = await teamLab(viewer, labSlug);
  const networkLabId = await checkOrganizer(lab.id, input.organizer);
  return transaction(async () => {
    const e = await data.insertEvent({ ...input, labId: networkLabId ? null : lab.id, networkLabId, createdBy: viewer.userId });
    await saved(e);
    return e;
  });
}

/** The event for its edit page: kept by this lab's team, not imported. */
async function requireEditable(viewer: Viewer, labSlug: string, eventId: string) {
  const lab = await teamLab(viewer, labSlug);
  const e = await data.getEvent(eventId);
  const o = await organizers();
  if (!e || o.keeper(e) !== lab.id) throw new Refusal("Cet événement n’existe pas.", 404);
  if (!eventRights(viewer.principal, factsOf(e, o)).edit) throw new Refusal("Cet événement vient du calendrier d’un autre lab : il se modifie dans sa source.", 403);
  return { lab, e };
}

export async function eventForEdit(viewer: Viewer, labSlug: string, eventId: string) {
  const { lab, e } = await requireEditable(viewer, labSlug, eventId);
  return { lab, event: e, organizers: await organizerChoices(lab) };
}

export async function updateEvent(viewer: Viewer, labSlug: string, eventId: string, input: EventInput): Promise<void> {
  const { lab, e } = await requireEditable(viewer, labSlug, eventId);
  const networkLabId = await checkOrganizer(lab.id, input.organizer);
  await transaction(async () => {
    await data.updateEvent(e.id, { ...input, labId: networkLabId ? null : lab.id, networkLabId });
    // more seats go at once to the waiting list, in order (fewer never unseat anyone)
    await saved({ id: e.id, registration: input.registration, capacity: input.capacity });
  });
}

export async function setEventStatus(viewer: Viewer, labSlug: string, eventId: string, intent: "cancel" | "restore"): Promise<void> {
  const { e } = await requireEditable(viewer, labSlug, eventId);
  await transaction(() => data.setEventStatus(e.id, intent === "cancel" ? "cancelled" : "scheduled"));
}

// ---------------------------------------------------------------- the network labs and their calendars

export async function networkPage(viewer: Viewer, labSlug: string, now = new Date()) {
  const lab = await teamLab(viewer, labSlug);
  const declared = await data.networkLabsDeclaredBy(lab.id);
  const fetches = await data.lastFetches(declared.map((n) => n.id));
  const others = (await data.listNetworkLabs()).filter((n) => n.declared_by_lab_id !== lab.id);
  const declarers = await getLabs(others.map((n) => n.declared_by_lab_id));
  return {
    lab,
    declared: declared.map((n) => {
      const f = fetches.get(n.id);
      return {
        id: n.id,
        name: n.name,
        region: n.region,
        website: n.website,
        icalUrl: n.ical_url,
        lastFetch: f
          ? {
              status: (f.status === "queued" || f.status === "running") && isStale(f, now) ? ("stale" as const) : f.status,
              at: formatDateTime(f.finished_at ?? f.requested_at),
              message: f.message,
              created: f.created,
              updated: f.updated,
              removed: f.removed,
            }
          : null,
      };
    }),
    others: others.map((n) => ({ id: n.id, name: n.name, region: n.region, declaredBy: declarers.get(n.declared_by_lab_id)?.name ?? "" })),
    pending: [...fetches.values()].some((f) => (f.status === "queued" || f.status === "running") && !isStale(f, now)),
  };
}

export async function declareNetworkLab(viewer: Viewer, labSlug: string, input: NetworkLabInput): Promise<NetworkLab> {
  const lab = await teamLab(viewer, labSlug);
  if (await data.networkLabNamed(input.name)) throw new Refusal("Nom du lab : un lab du réseau porte déjà ce nom.", 409, "name");
  const installed = (await listLabs()).find((l) => l.name.toLowerCase() === input.name.toLowerCase());
  if (installed) throw new Refusal("Nom du lab : ce lab utilise déjà Germoir, ses événements y sont déjà.", 409, "name");
  return transaction(() => data.insertNetworkLab({ name: input.name, region: input.region, website: input.website, icalUrl: input.icalUrl, declaredByLabId: lab.id }));
}

async function requireNetworkLab(viewer: Viewer, labSlug: string, networkLabId: string) {
  const lab = await teamLab(viewer, labSlug);
  const n = await data.getNetworkLab(networkLabId);
  if (!n || n.declared_by_lab_id !== lab.id || !networkLabRights(viewer.principal, n).manage) throw new Refusal("Ce lab du réseau n’existe pas.", 404);
  return { lab, n };
}

export async function followCalendar(viewer: Viewer, labSlug: string, networkLabId: string, icalUrl: string | null): Promise<void> {
  const { n } = await requireNetworkLab(viewer, labSlug, networkLabId);
  await transaction(() => data.setIcalUrl(n.id, icalUrl));
}

/** Asks for a fetch of a followed calendar now (one at a time per lab); the job runs after commit. */
export async function requestFetch(viewer: Viewer, labSlug: string, networkLabId: string, now = new Date()): Promise<string> {
  const { n } = await requireNetworkLab(viewer, labSlug, networkLabId);
  if (!n.ical_url) throw new Refusal("Indiquez d’abord l’adresse du calendrier iCal de ce lab.", 400);
  return transaction(async () => {
    const pending = await data.pendingFetch(n.id);
    if (pending && !isStale(pending, now)) throw new Refusal("Une importation de ce calendrier est déjà en cours.", 409);
    if (pending) await data.finishFetch(pending.id, { status: "failed", message: "L’importation a été interrompue (le serveur s’est arrêté) : elle a été relancée." });
    const f = await data.insertFetch(n.id, viewer.userId);
    await onCommit(() => enqueue(EVENTS_IMPORT_QUEUE, { fetchId: f.id }));
    return f.id;
  });
}

/** A followed calendar is fetched again by the scheduler once its last fetch is this old. */
export const REFRESH_EVERY_MS = 6 * 3_600_000;

/**
 * The scheduler's round: every followed calendar whose last fetch is older than six hours (or
 * that was never fetched) is fetched again by the import job, one at a time per lab, with no one
 * asking. Returns how many fetches it queued.
 */
export async function refreshFollowedCalendars(now = new Date()): Promise<number> {
  const followed = (await data.listNetworkLabs()).filter((n) => n.ical_url);
  if (!followed.length) return 0;
  const last = await data.lastFetches(followed.map((n) => n.id));
  const due = followed.filter((n) => {
    const f = last.get(n.id);
    if (!f) return true;
    if (f.status === "queued" || f.status === "running") return isStale(f, now);
    return now.getTime() - f.requested_at.getTime() >= REFRESH_EVERY_MS;
  });
  let queued = 0;
  for (const n of due) {
    await transaction(async () => {
      const pending = await data.pendingFetch(n.id);
      if (pending && !isStale(pending, now)) return;
      if (pending) await data.finishFetch(pending.id, { status: "failed", message: "L’importation a été interrompue (le serveur s’est arrêté) : elle a été relancée." });
      const f = await data.insertFetch(n.id, null);
      queued++;
      await onCommit(() => enqueue(EVENTS_IMPORT_QUEUE, { fetchId: f.id }));
    });
  }
  return queued;
}
