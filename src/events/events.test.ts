import http from "node:http";
import type { AddressInfo } from "node:net";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeLab, makeMember, makeUser, viewerOf } from "../../tests/support/fixtures";
import { startJobs } from "../kernel/jobs/jobs";
import type { Refusal } from "../kernel/permissions";
import { calendarPage, createEvent, declareNetworkLab, eventForEdit, eventIcs, eventPage, followCalendar, labEvents, networkPage, publicFeed, refreshFollowedCalendars, REFRESH_EVERY_MS, requestFetch, setEventStatus, updateEvent } from "./index";
import { EVENTS_IMPORT_QUEUE, importJob, importLimits } from "./import";
import { eventSchema, networkLabSchema, readFilters, type CalendarFilters } from "./schemas";
import { monthOf, occurrences, parisDateTime } from "./rules";
import * as data from "./events";
import { personalData } from "./personal-data";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
  env.rt.jobs = await startJobs({ db: env.rt.database.db, log: env.rt.log, queues: { [EVENTS_IMPORT_QUEUE]: {} }, handlers: { [EVENTS_IMPORT_QUEUE]: importJob }, migrate: true });
}, 60_000);
afterAll(async () => {
  await env?.rt.jobs?.stop();
  await env?.dispose();
});

const refusal = (status: number, message?: RegExp) => (e: Refusal) => e.status === status && (!message || message.test(e.message));
const form = (v: Record<string, string>) => {
  const r = eventSchema.safeParse({ kind: "workshop", region: "Grand Est", audience: "all", registration: "free", startTime: "09:30", endTime: "12:00", place: "Préfecture de région, Strasbourg", ...v });
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return r.data;
};
const filters = (over: Partial<CalendarFilters> = {}): CalendarFilters => ({ view: "month", month: "2026-11", lab: null, region: null, kind: null, audience: null, open: false, tag: null, ...over });
const titlesOf = (page: Awaited<ReturnType<typeof calendarPage>>) => page.list.flatMap((d) => d.events.map((e) => e.title));

async function setup() {
  const lab = await makeLab();
  const other = await makeLab();
  const team = await viewerOf(await makeMember(lab.id, "lab_team"));
  const otherTeam = await viewerOf(await makeMember(other.id, "lab_team"));
  const agent = await viewerOf(await makeMember(lab.id, "agent"));
  return { lab, other, team, otherTeam, agent };
}

describe("events: the calendar's arithmetic", () => {
  it("reads form dates in Paris time and keeps a weekly 9 h at 9 h across the clock change", () => {
    expect(parisDateTime("2026-11-26", "09:30")!.toISOString()).toBe("2026-11-26T08:30:00.000Z");
    expect(parisDateTime("2026-07-01", "09:30")!.toISOString()).toBe("2026-07-01T07:30:00.000Z");
    expect(parisDateTime("2026-02-30", "09:30")).toBeNull();
    expect(parisDateTime("2026-11-26", "25:00")).toBeNull();
    const weekly = { starts_at: parisDateTime("2026-10-13", "09:00")!, ends_at: parisDateTime("2026-10-13", "10:00")!, recurrence: "FREQ=WEEKLY;COUNT=4" };
    const all = occurrences(weekly, new Date("2026-10-01T00:00:00Z"), new Date("2026-12-01T00:00:00Z"));
    // 13 and 20 October in summer time (UTC+2), 27 October and 3 November in winter time (UTC+1)
    expect(all.map((d) => d.toISOString())).toEqual(["2026-10-13T07:00:00.000Z", "2026-10-20T07:00:00.000Z", "2026-10-27T08:00:00.000Z", "2026-11-03T08:00:00.000Z"]);
    // a window that only the last one touches
    expect(occurrences(weekly, new Date("2026-11-01T00:00:00Z"), new Date("2026-12-01T00:00:00Z"))).toHaveLength(1);
    expect(monthOf(new Date("2026-11-30T23:30:00Z"))).toBe("2026-12");
  });

  it("refuses an event's form with French messages beside the fields", () => {
    const r = eventSchema.safeParse({ title: "", kind: "fete", startDate: "2026-02-30", startTime: "9h", endTime: "", region: "Atlantide", audience: "tous", registration: "required", capacity: "", repeat: "weekly" });
    expect(r.success).toBe(false);
    const fields = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(fields.title).toMatch(/^Titre : /);
    expect(fields.kind).toMatch(/^Type d’événement : /);
    expect(fields.region).toMatch(/^Région : /);
    expect(fields.audience).toMatch(/^Public : /);
    const ok = eventSchema.safeParse({ title: "Atelier", kind: "workshop", startDate: "2026-11-26", startTime: "14:00", endTime: "12:00", region: "Grand Est", audience: "all", registration: "required", place: "" });
    const messages = Object.fromEntries(ok.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({
      endDate: "Date de fin : l’événement doit finir après son début.",
      place: "Lieu : indiquez un lieu ou un lien de participation en ligne.",
      capacity: "Nombre de places : indiquez combien de personnes peuvent s’inscrire.",
    });
    const both = eventSchema.safeParse({ title: "Webinaire", kind: "webinar", startDate: "2026-11-26", startTime: "14:00", endTime: "15:00", region: "National", audience: "all", registration: "free", onlineUrl: "javascript:alert(1)", repeat: "weekly" });
    const m2 = Object.fromEntries(both.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(m2.onlineUrl).toMatch(/^Lien de participation en ligne : une adresse web/);
    // the fields first; the rules between fields once each field is right
    const repeat = eventSchema.safeParse({ title: "Webinaire", kind: "webinar", startDate: "2026-11-26", startTime: "14:00", endTime: "15:00", region: "National", audience: "all", registration: "free", onlineUrl: "https://visio.example.fr", repeat: "weekly" });
    expect(repeat.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["repeatCount", "Nombre de fois : indiquez combien de fois l’événement a lieu, ou jusqu’à quelle date."]]);
  });

  it("reads the calendar's address leniently: an unknown value is dropped", () => {
    const f = readFilters(new URLSearchParams("vue=liste&mois=2026-13&lab=x&region=Atlantide&type=workshop&public=agents&ouvert=1&tag=autre"), new Date("2026-12-07T10:00:00Z"), monthOf);
    expect(f).toEqual({ view: "list", month: "2026-12", lab: null, region: null, kind: "workshop", audience: "agents", open: true, tag: null });
  });
});

describe("events: who may", () => {
  it("lets the lab's team create, edit and cancel its events, and nobody else", async () => {
    const s = await setup();
    const input = form({ title: "Atelier design de service", startDate: "2026-11-12" });
    await expect(createEvent(s.agent, s.lab.slug, input)).rejects.toSatisfy(refusal(403));
    await expect(createEvent(s.otherTeam, s.lab.slug, input)).rejects.toSatisfy(refusal(403));
    const e = await createEvent(s.team, s.lab.slug, input);
    expect(e).toMatchObject({ lab_id: s.lab.id, network_lab_id: null, created_by: s.team.userId, status: "scheduled" });
    await expect(eventForEdit(s.otherTeam, s.other.slug, e.id)).rejects.toSatisfy(refusal(404));
    await expect(updateEvent(s.otherTeam, s.lab.slug, e.id, input)).rejects.toSatisfy(refusal(403));
    await expect(setEventStatus(s.agent, s.lab.slug, e.id, "cancel")).rejects.toSatisfy(refusal(403));
    await updateEvent(s.team, s.lab.slug, e.id, form({ title: "Atelier design de service (complet)", startDate: "2026-11-13" }));
    await setEventStatus(s.team, s.lab.slug, e.id, "cancel");
    const after = (await data.getEvent(e.id))!;
    expect(after).toMatchObject({ title: "Atelier design de service (complet)", status: "cancelled" });
    expect(after.starts_at.toISOString()).toBe("2026-11-13T08:30:00.000Z");
    const page = await eventPage(null, e.id);
    expect(page.event.cancelled).toBe(true);
    expect(page.editPath).toBeNull();
    expect((await eventPage(s.team.principal, e.id)).editPath).toBe(`/lab/${s.lab.slug}/evenements/${e.id}`);
    expect((await labEvents(s.team, s.lab.slug, new Date("2026-11-01T00:00:00Z"))).upcoming.map((x) => x.title)).toEqual(["Atelier design de service (complet)"]);
    await expect(labEvents(s.agent, s.lab.slug)).rejects.toSatisfy(refusal(403));
  });

  it("shows agents-only events to signed-in agents only: calendar, page, .ics and public feeds", async () => {
    const s = await setup();
    const secret = await createEvent(s.team, s.lab.slug, form({ title: "Séminaire interne des agents", startDate: "2026-11-05", audience: "agents" }));
    await createEvent(s.team, s.lab.slug, form({ title: "Exposition ouverte à tous", startDate: "2026-11-05", audience: "all" }));
    await createEvent(s.team, s.lab.slug, form({ title: "Atelier pour les usagers", startDate: "2026-11-06", audience: "users" }));
    const anonymous = titlesOf(await calendarPage(null, filters({ lab: s.lab.id })));
    expect(anonymous).toEqual(["Exposition ouverte à tous", "Atelier pour les usagers"]);
    expect(titlesOf(await calendarPage(s.agent.principal, filters({ lab: s.lab.id })))).toEqual(["Exposition ouverte à tous", "Séminaire interne des agents", "Atelier pour les usagers"]);
    expect(titlesOf(await calendarPage(s.agent.principal, filters({ lab: s.lab.id, open: true })))).toEqual(["Exposition ouverte à tous"]);
    expect(titlesOf(await calendarPage(null, filters({ lab: s.lab.id, audience: "agents" })))).toEqual([]);
    await expect(eventPage(null, secret.id)).rejects.toSatisfy(refusal(404, /réservé aux agents/));
    await expect(eventIcs(null, secret.id, "http://germoir.test")).rejects.toSatisfy(refusal(404));
    expect((await eventPage(s.agent.principal, secret.id)).event.title).toBe("Séminaire interne des agents");
    const feed = await publicFeed(s.lab.id, "http://germoir.test", new Date("2026-11-01T00:00:00Z"));
    const summaries = new ICAL.Component(ICAL.parse(feed)).getAllSubcomponents("vevent").map((v) => v.getFirstPropertyValue("summary"));
    expect(summaries).toEqual(["Exposition ouverte à tous", "Atelier pour les usagers"]);
  });
});

describe("events: the month and list views", () => {
  it("expands a recurring event in the month, shows a multi-day one on each of its days and once in the list, and filters", async () => {
    const s = await setup();
    await createEvent(s.team, s.lab.slug, form({ title: "Café de l’innovation", kind: "webinar", startDate: "2026-10-20", startTime: "09:00", endTime: "10:00", place: "", onlineUrl: "https://webconf.example.fr/cafe", repeat: "weekly", repeatCount: "6", region: "National" }));
    await createEvent(s.team, s.lab.slug, form({ title: "Exposition à la Cité administrative", kind: "exhibition", startDate: "2026-11-02", endDate: "2026-11-27", allDay: "on", moisInnovation: "on" }));
    const page = await calendarPage(null, filters({ lab: s.lab.id }), new Date("2026-11-10T10:00:00Z"));
    expect(page.monthLabel).toBe("novembre 2026");
    expect(page.weeks.flat().filter(Boolean)).toHaveLength(30);
    // 1 November 2026 is a Sunday: six blank days before it
    expect(page.weeks[0].slice(0, 6)).toEqual([null, null, null, null, null, null]);
    const cafe = page.list.filter((d) => d.events.some((e) => e.title === "Café de l’innovation"));
    expect(cafe.map((d) => d.label)).toEqual(["mardi 3 novembre 2026", "mardi 10 novembre 2026", "mardi 17 novembre 2026", "mardi 24 novembre 2026"]);
    expect(cafe[0].events[0]).toMatchObject({ time: "09\u00a0h\u00a000", recurring: true, where: "En ligne" });
    const expo = page.weeks.flat().filter((c) => c?.events.some((e) => e.title === "Exposition à la Cité administrative"));
    expect(expo.map((c) => c!.number)).toEqual(Array.from({ length: 26 }, (_, i) => i + 2));
    expect(titlesOf(page).filter((t) => t === "Exposition à la Cité administrative")).toHaveLength(1);
    expect(page.list[0].events.find((e) => e.title.startsWith("Exposition"))!.when).toBe("du 2 novembre 2026 au 27 novembre 2026");
    // filters: kind, tag, region
    expect(titlesOf(await calendarPage(null, filters({ lab: s.lab.id, kind: "exhibition" })))).toEqual(["Exposition à la Cité administrative"]);
    expect(titlesOf(await calendarPage(null, filters({ lab: s.lab.id, tag: "mois-innovation" })))).toEqual(["Exposition à la Cité administrative"]);
    expect(new Set(titlesOf(await calendarPage(null, filters({ lab: s.lab.id, region: "National" }))))).toEqual(new Set(["Café de l’innovation"]));
    // December: the last two occurrences
    expect(titlesOf(await calendarPage(null, filters({ lab: s.lab.id, month: "2026-12" })))).toEqual([]);
    expect(titlesOf(await calendarPage(null, filters({ lab: s.lab.id, month: "2026-10" })))).toEqual(["Café de l’innovation", "Café de l’innovation"]);
  });
});

describe("events: iCal, parsed back with ical.js", () => {
  it("writes an event's .ics, a lab's feed and the network's, with the event's link, Paris times and the RRULE kept", async () => {
    const s = await setup();
    const e = await createEvent(s.team, s.lab.slug, form({ title: "Café de l’innovation", kind: "webinar", description: "Un café pour parler d’innovation publique.", startDate: "2026-10-20", startTime: "09:00", endTime: "10:00", place: "", onlineUrl: "https://webconf.example.fr/cafe", repeat: "weekly", repeatCount: "6", region: "National", moisInnovation: "on" }));
    const expo = await createEvent(s.team, s.lab.slug, form({ title: "Exposition à la Cité administrative", kind: "exhibition", startDate: "2026-11-02", endDate: "2026-11-27", allDay: "on", place: "Cité administrative, 14 rue du Maréchal Juin, Strasbourg" }));
    const { ics, filename } = await eventIcs(null, e.id, "https://germoir.example.fr");
    expect(filename).toBe("cafe-de-l-innovation.ics");
    const cal = new ICAL.Component(ICAL.parse(ics));
    const vevents = cal.getAllSubcomponents("vevent");
    expect(vevents).toHaveLength(1);
    const v = new ICAL.Event(vevents[0]);
    expect(v.uid).toBe(`${e.id}@germoir.example.fr`);
    expect(v.summary).toBe("Café de l’innovation");
    expect(v.location).toBe("https://webconf.example.fr/cafe");
    expect(vevents[0].getFirstPropertyValue("url")).toBe(`https://germoir.example.fr/evenements/${e.id}`);
    expect(v.description).toContain(`Page de l’événement : https://germoir.example.fr/evenements/${e.id}`);
    expect(v.description).toContain("Un café pour parler d’innovation publique.");
    expect(vevents[0].getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/Paris");
    expect([v.startDate.hour, v.startDate.minute, v.endDate.hour]).toEqual([9, 0, 10]);
    // the VTIMEZONE makes it an instant: 9 h in Paris summer time is 7 h UTC
    ICAL.TimezoneService.register(new ICAL.Timezone(cal.getFirstSubcomponent("vtimezone")!));
    expect(new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!).startDate.toJSDate().toISOString()).toBe("2026-10-20T07:00:00.000Z");
    expect(String(vevents[0].getFirstPropertyValue("rrule"))).toBe("FREQ=WEEKLY;COUNT=6");
    expect(vevents[0].getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(vevents[0].getAllProperties("categories").flatMap((p) => p.getValues())).toEqual(["Webinaire", "Mois de l’innovation publique"]);
    // the RRULE expands, in ical.js too, to the six Tuesdays
    const it = v.iterator();
    const dates: string[] = [];
    for (let n = it.next(); n; n = it.next()) dates.push(`${n.month}-${n.day}`);
    expect(dates).toEqual(["10-20", "10-27", "11-3", "11-10", "11-17", "11-24"]);

    // the network's feed: the lab's two events (and others'), the exhibition all day, DTEND the day after its last
    const network = new ICAL.Component(ICAL.parse(await publicFeed(null, "https://germoir.example.fr", new Date("2026-11-01T00:00:00Z"))));
    expect(network.getFirstPropertyValue("x-wr-calname")).toBe("Calendrier du réseau des labs d’innovation publique");
    const ex = network.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c)).find((x) => x.uid === `${expo.id}@germoir.example.fr`)!;
    expect(ex.startDate.isDate).toBe(true);
    expect(ex.startDate.toString()).toBe("2026-11-02");
    expect(ex.endDate.toString()).toBe("2026-11-28");
    expect(ex.location).toBe("Cité administrative, 14 rue du Maréchal Juin, Strasbourg");
    // a lab's feed holds only its events; an unknown lab is a 404
    const labFeed = new ICAL.Component(ICAL.parse(await publicFeed(s.lab.id, "https://germoir.example.fr", new Date("2026-11-01T00:00:00Z"))));
    expect(labFeed.getAllSubcomponents("vevent").map((c) => c.getFirstPropertyValue("uid")).sort()).toEqual([`${e.id}@germoir.example.fr`, `${expo.id}@germoir.example.fr`].sort());
    expect(labFeed.getFirstPropertyValue("x-wr-calname")).toBe(`Événements – ${s.lab.name}`);
    await expect(publicFeed("00000000-0000-0000-0000-000000000000", "https://germoir.example.fr")).rejects.toSatisfy(refusal(404));
    // a cancelled event says so
    await setEventStatus(s.team, s.lab.slug, e.id, "cancel");
    const cancelled = new ICAL.Component(ICAL.parse((await eventIcs(null, e.id, "https://germoir.example.fr")).ics)).getFirstSubcomponent("vevent")!;
    expect(cancelled.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(cancelled.getFirstPropertyValue("summary")).toBe("Annulé : Café de l’innovation");
  });
});

// ---------------------------------------------------------------- following a network lab's calendar

const vevent = (uid: string, summary: string, start: string, end: string, extra: string[] = []) => ["BEGIN:VEVENT", `UID:${uid}`, `DTSTAMP:20261101T000000Z`, `DTSTART;TZID=Europe/Paris:${start}`, `DTEND;TZID=Europe/Paris:${end}`, `SUMMARY:${summary}`, ...extra, "END:VEVENT"];
const calendar = (events: string[][]) => ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Ti-Lab//agenda//FR", ...events.flat(), "END:VCALENDAR"].join("\r\n");

describe("events: following a network lab's public calendar (a job, against a local server)", () => {
  let server: http.Server;
  let base = "";
  const served: Record<string, { status?: number; body: string; type?: string; hang?: boolean }> = {};
  beforeAll(async () => {
    importLimits.allowPrivateAddresses = true;
    server = http.createServer((req, res) => {
      const s = served[req.url ?? ""];
      if (!s) return res.writeHead(404).end("absent");
      if (s.hang) return; // never answers
      res.writeHead(s.status ?? 200, { "content-type": s.type ?? "text/calendar; charset=utf-8" }).end(s.body);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    importLimits.allowPrivateAddresses = false;
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const until = async (labSlug: string, viewer: Awaited<ReturnType<typeof viewerOf>>, name: string) => {
    for (let i = 0; i < 100; i++) {
      const lab = (await networkPage(viewer, labSlug)).declared.find((n) => n.name === name)!;
      if (lab.lastFetch && (lab.lastFetch.status === "done" || lab.lastFetch.status === "failed")) return lab.lastFetch;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("the import did not finish");
  };

  it("the scheduler fetches a followed calendar again once its last fetch is six hours old, with no one asking", async () => {
    const s = await setup();
    served["/suivi.ics"] = { body: calendar([vevent("suivi-1@lab.example", "Atelier suivi", "20261105T140000", "20261105T170000")]) };
    const n = await declareNetworkLab(s.team, s.lab.slug, networkLabSchema.parse({ intent: "declare", name: `Lab suivi ${s.lab.slug}`, region: "Occitanie", icalUrl: `${base}/suivi.ics` }));
    const lastOf = async () => (await data.lastFetches([n.id])).get(n.id);
    const now = new Date();
    // never fetched: queued at once
    expect(await refreshFollowedCalendars(now)).toBeGreaterThanOrEqual(1);
    const first = await until(s.lab.slug, s.team, n.name);
    expect(first).toMatchObject({ status: "done", created: 1 });
    expect((await lastOf())!.requested_by).toBeNull();
    const firstId = (await lastOf())!.id;
    // fetched a minute ago: left alone
    await refreshFollowedCalendars(new Date(now.getTime() + 60_000));
    expect((await lastOf())!.id).toBe(firstId);
    // six hours later: fetched again
    await refreshFollowedCalendars(new Date(now.getTime() + REFRESH_EVERY_MS + 60_000));
    expect((await lastOf())!.id).not.toBe(firstId);
    expect(await until(s.lab.slug, s.team, n.name)).toMatchObject({ status: "done", created: 0, updated: 0 });
    // a lab that follows no calendar is never fetched
    const plain = await declareNetworkLab(s.team, s.lab.slug, networkLabSchema.parse({ intent: "declare", name: `Lab sans calendrier ${s.lab.slug}`, region: "Occitanie" }));
    await refreshFollowedCalendars(new Date(now.getTime() + 2 * REFRESH_EVERY_MS));
    expect((await data.lastFetches([plain.id])).size).toBe(0);
  });

  it("imports by UID, updates what changed, removes what disappeared, and shows the source", async () => {
    const s = await setup();
    const parse = (v: Record<string, string>) => networkLabSchema.parse({ intent: "declare", ...v });
    served["/ti-lab.ics"] = {
      body: calendar([
        vevent("atelier-1@ti-lab.bzh", "Atelier design de service", "20261105T140000", "20261105T170000", ["LOCATION:Préfecture de Bretagne, Rennes", "URL:https://ti-lab.example.bzh/agenda/atelier-1", "CATEGORIES:Mois de l'innovation publique"]),
        vevent("webinaire@ti-lab.bzh", "Webinaire : les labs et la donnée", "20261112T110000", "20261112T120000", ["LOCATION:https://visio.example.bzh/labs", "RRULE:FREQ=WEEKLY;COUNT=3"]),
        vevent("retire@ti-lab.bzh", "Conférence bientôt retirée", "20261119T090000", "20261119T120000"),
      ]),
    };
    const ti = await declareNetworkLab(s.team, s.lab.slug, parse({ name: `Ti-Lab ${s.lab.slug}`, region: "Bretagne", website: "https://ti-lab.example.bzh", icalUrl: `${base}/ti-lab.ics` }));
    await expect(declareNetworkLab(s.team, s.lab.slug, parse({ name: `ti-lab ${s.lab.slug}`, region: "Bretagne" }))).rejects.toSatisfy(refusal(409));
    await expect(requestFetch(s.otherTeam, s.other.slug, ti.id)).rejects.toSatisfy(refusal(404));
    await expect(requestFetch(s.agent, s.lab.slug, ti.id)).rejects.toSatisfy(refusal(403));
    await requestFetch(s.team, s.lab.slug, ti.id);
    const first = await until(s.lab.slug, s.team, ti.name);
    expect(first).toMatchObject({ status: "done", created: 3, updated: 0, removed: 0, message: "3\u00a0événements dans le calendrier." });
    const imported = await data.importedEvents(ti.id);
    expect([...imported.keys()].sort()).toEqual(["atelier-1@ti-lab.bzh", "retire@ti-lab.bzh", "webinaire@ti-lab.bzh"]);
    const atelier = imported.get("atelier-1@ti-lab.bzh")!;
    expect(atelier).toMatchObject({ title: "Atelier design de service", region: "Bretagne", place: "Préfecture de Bretagne, Rennes", link: "https://ti-lab.example.bzh/agenda/atelier-1", tags: ["mois-innovation"], audience: "all", kind: "workshop", source_url: `${base}/ti-lab.ics` });
    expect(atelier.starts_at.toISOString()).toBe("2026-11-05T13:00:00.000Z");
    expect(imported.get("webinaire@ti-lab.bzh")).toMatchObject({ kind: "webinar", online_url: "https://visio.example.bzh/labs", place: "", recurrence: "FREQ=WEEKLY;COUNT=3" });
    const page = await eventPage(null, atelier.id);
    expect(page.event.source).toMatchObject({ calendar: `${base}/ti-lab.ics`, lab: ti.name });
    expect(page.event.organizer).toBe(ti.name);
    expect(page.editPath).toBeNull();
    // the imported events are in the calendar, under the network lab and its region
    expect(titlesOf(await calendarPage(null, filters({ lab: ti.id })))).toEqual(["Atelier design de service", "Webinaire : les labs et la donnée", "Conférence bientôt retirée", "Webinaire : les labs et la donnée", "Webinaire : les labs et la donnée"]);
    // imported events are edited in their source, not here
    await expect(eventForEdit(s.team, s.lab.slug, atelier.id)).rejects.toSatisfy(refusal(403));

    // the source changes: one moved, one removed, one new, one cancelled; the same UIDs are not duplicated
    served["/ti-lab.ics"] = {
      body: calendar([
        vevent("atelier-1@ti-lab.bzh", "Atelier design de service (nouvel horaire)", "20261105T150000", "20261105T180000", ["LOCATION:Préfecture de Bretagne, Rennes"]),
        vevent("webinaire@ti-lab.bzh", "Webinaire : les labs et la donnée", "20261112T110000", "20261112T120000", ["LOCATION:https://visio.example.bzh/labs", "RRULE:FREQ=WEEKLY;COUNT=3", "STATUS:CANCELLED"]),
        vevent("nouveau@ti-lab.bzh", "Exposition des prototypes", "20261120", "20261121", []).map((l) => l.replace("DTSTART;TZID=Europe/Paris:", "DTSTART;VALUE=DATE:").replace("DTEND;TZID=Europe/Paris:", "DTEND;VALUE=DATE:")),
        vevent("atelier-1@ti-lab.bzh", "Un doublon du même UID", "20261106T150000", "20261106T180000"),
      ]),
    };
    await requestFetch(s.team, s.lab.slug, ti.id);
    expect(await until(s.lab.slug, s.team, ti.name)).toMatchObject({ status: "done", created: 1, updated: 2, removed: 1 });
    const again = await data.importedEvents(ti.id);
    expect([...again.keys()].sort()).toEqual(["atelier-1@ti-lab.bzh", "nouveau@ti-lab.bzh", "webinaire@ti-lab.bzh"]);
    expect(again.get("atelier-1@ti-lab.bzh")!.id).toBe(atelier.id);
    expect(again.get("atelier-1@ti-lab.bzh")!.title).toBe("Atelier design de service (nouvel horaire)");
    expect(again.get("atelier-1@ti-lab.bzh")!.starts_at.toISOString()).toBe("2026-11-05T14:00:00.000Z");
    expect(again.get("webinaire@ti-lab.bzh")!.status).toBe("cancelled");
    expect(again.get("nouveau@ti-lab.bzh")).toMatchObject({ all_day: true, kind: "exhibition" });
    expect(again.get("nouveau@ti-lab.bzh")!.starts_at.toISOString()).toBe("2026-11-19T23:00:00.000Z");
    expect(again.get("nouveau@ti-lab.bzh")!.ends_at.toISOString()).toBe("2026-11-20T22:59:00.000Z");
    // the same calendar once more: nothing changes
    await requestFetch(s.team, s.lab.slug, ti.id);
    expect(await until(s.lab.slug, s.team, ti.name)).toMatchObject({ status: "done", created: 0, updated: 0, removed: 0 });
  });

  it("shows the lab team why a fetch failed, in French, and refuses a fetch without an address", async () => {
    const s = await setup();
    const declare = async (name: string, path: string) => declareNetworkLab(s.team, s.lab.slug, networkLabSchema.parse({ intent: "declare", name: `${name} ${s.lab.slug}`, region: "Occitanie", icalUrl: `${base}${path}` }));
    served["/pas-un-calendrier.ics"] = { body: "<html>Bienvenue</html>", type: "text/html" };
    served["/erreur.ics"] = { status: 500, body: "oups" };
    served["/enorme.ics"] = { body: calendar([vevent("x@y", "Grand", "20261105T140000", "20261105T170000", [`DESCRIPTION:${"x".repeat(3000)}`])]) };
    served["/lent.ics"] = { body: "", hang: true };
    const cases: [string, string, RegExp][] = [
      ["Le LabO", "/pas-un-calendrier.ics", /n’est pas un calendrier iCal/],
      ["InSo Lab", "/erreur.ics", /répond par une erreur \(500\)/],
      ["Lab Zéro", "/absent.ics", /répond par une erreur \(404\)/],
      ["La Base", "/enorme.ics", /trop volumineux/],
      ["LabArchipel", "/lent.ics", /n’a pas répondu en 0,3\u00a0secondes/],
    ];
    const saved = { ...importLimits };
    importLimits.maxBytes = 2000;
    importLimits.timeoutMs = 300;
    try {
      for (const [name, path, message] of cases) {
        const n = await declare(name, path);
        await requestFetch(s.team, s.lab.slug, n.id);
        const outcome = await until(s.lab.slug, s.team, n.name);
        expect(outcome.status, name).toBe("failed");
        expect(outcome.message, name).toMatch(message);
      }
    } finally {
      Object.assign(importLimits, saved);
    }
    // an address on a private network is refused unless allowed
    importLimits.allowPrivateAddresses = false;
    try {
      const n = await declare("SIILAB", "/ti-lab.ics");
      await requestFetch(s.team, s.lab.slug, n.id);
      expect(await until(s.lab.slug, s.team, n.name)).toMatchObject({ status: "failed", message: expect.stringMatching(/réseau privé/) });
    } finally {
      importLimits.allowPrivateAddresses = true;
    }
    // no address: nothing to fetch
    const bare = await declareNetworkLab(s.team, s.lab.slug, networkLabSchema.parse({ intent: "declare", name: `Etat’LIN ${s.lab.slug}`, region: "Pays de la Loire" }));
    await expect(requestFetch(s.team, s.lab.slug, bare.id)).rejects.toSatisfy(refusal(400, /adresse du calendrier/));
    await followCalendar(s.team, s.lab.slug, bare.id, `${base}/ti-lab.ics`);
    expect((await networkPage(s.team, s.lab.slug)).declared.find((n) => n.id === bare.id)!.icalUrl).toBe(`${base}/ti-lab.ics`);
  });
});

describe("events: a network lab's events entered by hand, and personal data", () => {
  it("lets the declaring lab's team enter a network lab's event, lists its creator's events in « Mes données »", async () => {
    const s = await setup();
    const fab = await declareNetworkLab(s.team, s.lab.slug, networkLabSchema.parse({ intent: "declare", name: `La Fabrique RH ${s.lab.slug}`, region: "Île-de-France" }));
    const e = await createEvent(s.team, s.lab.slug, form({ title: "Conférence RH et innovation", kind: "conference", startDate: "2026-11-18", organizer: fab.id, region: "Île-de-France" }));
    expect(e).toMatchObject({ lab_id: null, network_lab_id: fab.id });
    expect((await eventPage(null, e.id)).event.organizer).toBe(fab.name);
    expect((await eventForEdit(s.team, s.lab.slug, e.id)).event.id).toBe(e.id);
    // another lab's network lab may not be chosen
    const other = await declareNetworkLab(s.otherTeam, s.other.slug, networkLabSchema.parse({ intent: "declare", name: `Lab BFC ${s.lab.slug}`, region: "Bourgogne-Franche-Comté" }));
    await expect(createEvent(s.team, s.lab.slug, form({ title: "Pas le nôtre", startDate: "2026-11-18", organizer: other.id }))).rejects.toSatisfy(refusal(400));
    const sections = await personalData(s.team.userId);
    expect(sections[0].rows.map((r) => r.title)).toEqual(["Conférence RH et innovation"]);
    expect((await personalData((await makeUser()).id)).map((x) => [x.key, x.rows.length])).toEqual([
      ["events_created", 0],
      ["events_private_feed", 0],
    ]);
  });
});
