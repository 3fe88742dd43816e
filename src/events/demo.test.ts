import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { getLabBySlug, loadPrincipal, usersWithRole } from "../labs/labs";
import { frenchSpaces } from "../kernel/format";
import { calendarPage, eventPage, labEvents, networkPage, publicFeed } from "./index";
import { LAB_EST_DAY, LAB_EST_EXHIBITION, MOIS_EVENTS, demoNetworkLabs } from "./demo";
import type { CalendarFilters } from "./schemas";
import { eventStats } from "./stats.server";
import { seatCounts } from "../registrations";
import { SEAT_KIND } from "./registration.server";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime({}, { demo: true });
});
afterAll(async () => {
  await env?.dispose();
});

const november = (over: Partial<CalendarFilters> = {}): CalendarFilters => ({ view: "list", month: "2026-11", lab: null, region: null, kind: null, audience: null, open: false, tag: "mois-innovation", ...over });
const eventsOf = (page: Awaited<ReturnType<typeof calendarPage>>) => page.list.flatMap((d) => d.events);

describe("the demo's network calendar (seed 004)", () => {
  it("declares the territorial labs of the network, with their regions, kept by Lab'EST", async () => {
    const labEst = (await getLabBySlug("labest"))!;
    const [teamId] = await usersWithRole(labEst.id, "lab_team");
    const team = { userId: teamId, principal: await loadPrincipal(teamId) };
    const page = await networkPage(team, "labest");
    expect(page.declared.map((n) => n.name).sort()).toEqual(demoNetworkLabs.map((n) => n.name).sort());
    for (const name of ["Ti-Lab", "SIILAB", "La Fabrique RH", "La Base", "Le LabO", "InSo Lab", "Lab Zéro", "Etat’LIN", "LabArchipel"]) expect(page.declared.map((n) => n.name)).toContain(name);
    expect(page.declared.find((n) => n.name === "Ti-Lab")!.region).toBe("Bretagne");
    expect(page.declared.find((n) => n.name === "LabArchipel")!.region).toBe("Auvergne-Rhône-Alpes");
    // the lab team's page lists Lab'EST's events and the network's it entered
    expect((await labEvents(team, "labest", new Date("2026-11-01T00:00:00Z"))).upcoming.length).toBeGreaterThan(150);
  });

  it("agents registered to Lab'EST's events of the month that asked for it, never beyond their seats", async () => {
    const labEst = (await getLabBySlug("labest"))!;
    const stats = await eventStats({ labId: labEst.id, from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-12-01T00:00:00Z") });
    expect(stats.withRegistration).toBeGreaterThan(0);
    expect(stats.registered).toBeGreaterThanOrEqual(stats.seats / 2);
    expect(stats.registered).toBeLessThanOrEqual(stats.seats);
    const counts = await seatCounts(SEAT_KIND, (await labEvents({ userId: (await usersWithRole(labEst.id, "lab_team"))[0], principal: await loadPrincipal((await usersWithRole(labEst.id, "lab_team"))[0]) }, "labest", new Date("2026-11-01T00:00:00Z"))).upcoming.map((e) => e.id));
    for (const c of counts.values()) expect(c.confirmed).toBeLessThanOrEqual(c.capacity ?? Infinity);
  });

  it("holds a Mois de l'innovation publique of about 200 events in November 2026, across every lab and region", async () => {
    const labEst = (await getLabBySlug("labest"))!;
    const [teamId] = await usersWithRole(labEst.id, "lab_team");
    const signedIn = await calendarPage(await loadPrincipal(teamId), november());
    const ids = new Set(eventsOf(signedIn).map((e) => e.id));
    expect(ids.size).toBe(MOIS_EVENTS);
    // the weekly webinar: four Tuesdays
    expect(eventsOf(signedIn).filter((e) => e.title === "Le café de l’innovation publique du Lab’EST")).toHaveLength(4);
    expect(new Set(eventsOf(signedIn).map((e) => e.organizer)).size).toBe(demoNetworkLabs.length + 3);
    expect(new Set(eventsOf(signedIn).map((e) => e.region)).size).toBeGreaterThanOrEqual(12);
    // the signed-out see the open ones only, and « ouvert à tous » keeps those open to all
    const anonymous = eventsOf(await calendarPage(null, november()));
    expect(anonymous.length).toBeLessThan(eventsOf(signedIn).length);
    expect(anonymous.length).toBeGreaterThan(120);
    expect(anonymous.every((e) => e.audience !== "Réservé aux agents")).toBe(true);
    const open = eventsOf(await calendarPage(null, november({ open: true })));
    expect(open.length).toBeGreaterThan(90);
    expect(open.every((e) => e.audience === "Ouvert à tous")).toBe(true);
    // the month's table: a Sunday first, every working day busy
    const month = await calendarPage(null, november({ view: "month" }));
    expect(month.weeks.flat().filter((c) => c && c.events.length > 0).length).toBeGreaterThan(18);
  });

  it("has Lab'EST's day of 26 November and its exhibition at the Cité administrative de Strasbourg, open to all", async () => {
    const labEst = (await getLabBySlug("labest"))!;
    const list = eventsOf(await calendarPage(null, november({ lab: labEst.id })));
    const day = list.find((e) => e.title === frenchSpaces(LAB_EST_DAY))!;
    expect(day).toMatchObject({ kind: "Journée", audience: "Ouvert à tous", organizer: "Lab’EST", when: "26 novembre 2026, de 09\u00a0h\u00a030 à 17\u00a0h\u00a000", moisInnovation: true });
    const page = await eventPage(null, day.id);
    expect(page.event.description).toContain("design prospectif");
    const expo = list.find((e) => e.title.includes(LAB_EST_EXHIBITION))!;
    expect(expo).toMatchObject({ kind: "Exposition", when: "du 2 novembre 2026 au 30 novembre 2026" });
    expect((await eventPage(null, expo.id)).event.place).toBe("Cité administrative de Strasbourg, 14 rue du Maréchal Juin, Strasbourg");
    // in the network's public feed, with their pages' links
    const feed = new ICAL.Component(ICAL.parse(await publicFeed(null, "https://germoir.example.fr", new Date("2026-11-15T00:00:00Z"))));
    const entry = feed.getAllSubcomponents("vevent").find((v) => v.getFirstPropertyValue("uid") === `${day.id}@germoir.example.fr`)!;
    expect(entry.getFirstPropertyValue("url")).toBe(`https://germoir.example.fr/evenements/${day.id}`);
    expect(feed.getAllSubcomponents("vevent").length).toBeGreaterThan(120);
  });
});
