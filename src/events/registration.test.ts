import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeLab, makeMember, makeUser, viewerOf } from "../../tests/support/fixtures";
import type { Refusal } from "../kernel/permissions";
import { createEvent, setEventStatus, updateEvent } from "./index";
import { eventRegistration, eventSeatAction, myEvents, privateFeed, renewFeed, revokeFeed } from "./registration.server";
import { eventSchema } from "./schemas";
import { personalData, forgetAccount } from "./personal-data";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

const refusal = (status: number, message?: RegExp) => (e: Refusal) => e.status === status && (!message || message.test(e.message));
const form = (v: Record<string, string>) => eventSchema.parse({ kind: "workshop", region: "Grand Est", audience: "agents", registration: "required", capacity: "2", startDate: "2027-03-11", startTime: "14:00", endTime: "17:00", place: "Préfecture de région, Strasbourg", ...v });
const NOW = new Date("2027-01-10T09:00:00Z");

describe("events: registration through the shared seats and waiting lists", () => {
  it("confirms while seats remain, then waits in order; a cancellation offers the seat, confirmed by the next agent", async () => {
    const lab = await makeLab();
    const team = await viewerOf(await makeMember(lab.id, "lab_team"));
    const [a, b, c] = [await viewerOf(await makeUser()), await viewerOf(await makeUser()), await viewerOf(await makeUser())];
    const e = await createEvent(team, lab.slug, form({ title: "Atelier prototypage" }));
    expect(await eventSeatAction(a, e.id, "register", NOW)).toBe("inscrit");
    expect(await eventSeatAction(b, e.id, "register", NOW)).toBe("inscrit");
    expect(await eventSeatAction(c, e.id, "register", NOW)).toBe("attente");
    // registering again says where one stands, never twice
    expect(await eventSeatAction(c, e.id, "register", NOW)).toBe("attente");
    expect(await eventRegistration(c.principal, e.id, NOW)).toMatchObject({ open: true, capacity: 2, free: 0, waiting: 1, standing: { status: "waiting", position: 1, label: "Sur liste d’attente" } });
    await eventSeatAction(a, e.id, "cancel", NOW);
    expect((await eventRegistration(c.principal, e.id, NOW))!.standing).toMatchObject({ status: "offered", label: "Place proposée, à confirmer" });
    expect(await eventSeatAction(c, e.id, "confirm", NOW)).toBe("confirme");
    expect((await eventRegistration(c.principal, e.id, NOW))).toMatchObject({ free: 0, waiting: 0, standing: { status: "confirmed" } });
    // one more seat when the lab edits the event: the next waiting agent is offered it
    const d = await viewerOf(await makeUser());
    expect(await eventSeatAction(d, e.id, "register", NOW)).toBe("attente");
    await updateEvent(team, lab.slug, e.id, form({ title: "Atelier prototypage", capacity: "3" }));
    expect((await eventRegistration(d.principal, e.id, NOW))!.standing!.status).toBe("offered");
    // « Mes événements »
    expect((await myEvents(c)).registrations).toMatchObject([{ id: e.id, title: "Atelier prototypage", status: "Inscription confirmée" }]);
  });

  it("refuses registration to a free event, a cancelled or past one, and an unknown one; shows the seats to the signed-out", async () => {
    const lab = await makeLab();
    const team = await viewerOf(await makeMember(lab.id, "lab_team"));
    const agent = await viewerOf(await makeUser());
    const free = await createEvent(team, lab.slug, form({ title: "Conférence en entrée libre", registration: "free", capacity: "" }));
    await expect(eventSeatAction(agent, free.id, "register", NOW)).rejects.toSatisfy(refusal(409, /entrée libre/));
    expect((await eventRegistration(agent.principal, free.id, NOW))).toBeNull();
    const past = await createEvent(team, lab.slug, form({ title: "Atelier passé", startDate: "2026-11-05" }));
    await expect(eventSeatAction(agent, past.id, "register", NOW)).rejects.toSatisfy(refusal(409, /passé/));
    const cancelled = await createEvent(team, lab.slug, form({ title: "Atelier annulé" }));
    await setEventStatus(team, lab.slug, cancelled.id, "cancel");
    await expect(eventSeatAction(agent, cancelled.id, "register", NOW)).rejects.toSatisfy(refusal(409, /annulé/));
    await expect(eventSeatAction(agent, "00000000-0000-0000-0000-000000000000", "register", NOW)).rejects.toSatisfy(refusal(404));
    // the signed-out see the seats, not a button: the page says to sign in
    const open = await createEvent(team, lab.slug, form({ title: "Atelier ouvert", audience: "all" }));
    expect((await eventRegistration(null, open.id, NOW))).toMatchObject({ open: true, free: 2, standing: null });
  });
});

describe("events: the private feed « mes inscriptions »", () => {
  it("lists the agent's events at a secret address, renewed or revoked", async () => {
    const lab = await makeLab();
    const team = await viewerOf(await makeMember(lab.id, "lab_team"));
    const agent = await viewerOf(await makeUser());
    const other = await viewerOf(await makeUser());
    const full = await createEvent(team, lab.slug, form({ title: "Atelier complet", capacity: "1" }));
    const mine = await createEvent(team, lab.slug, form({ title: "Atelier design de service", startDate: "2027-03-18" }));
    await createEvent(team, lab.slug, form({ title: "Atelier où je ne vais pas" }));
    await eventSeatAction(other, full.id, "register", NOW);
    await eventSeatAction(agent, full.id, "register", NOW);
    await eventSeatAction(agent, mine.id, "register", NOW);
    const path = await renewFeed(agent);
    const token = /^\/evenements\/mes-inscriptions\/([A-Za-z0-9_-]{43})\/calendrier\.ics$/.exec(path)![1];
    const cal = new ICAL.Component(ICAL.parse(await privateFeed(token, "https://germoir.example.fr")));
    expect(cal.getFirstPropertyValue("x-wr-calname")).toBe("Mes inscriptions aux événements");
    const entries = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(entries.map((v) => v.summary).sort()).toEqual(["Atelier design de service", "Liste d’attente : Atelier complet"]);
    expect(entries.find((v) => v.uid === `${mine.id}@germoir.example.fr`)!.component.getFirstPropertyValue("url")).toBe(`https://germoir.example.fr/evenements/${mine.id}`);
    expect((await myEvents(agent)).feed).not.toBeNull();
    expect((await personalData(agent.userId))[1].rows).toHaveLength(1);
    // a new address replaces the old one; a revoked one gives nothing; a malformed one neither
    const renewed = /mes-inscriptions\/([^/]+)\//.exec(await renewFeed(agent))![1];
    await expect(privateFeed(token, "https://germoir.example.fr")).rejects.toSatisfy(refusal(404));
    expect(await privateFeed(renewed, "https://germoir.example.fr")).toContain("Atelier design de service");
    await revokeFeed(agent);
    await expect(privateFeed(renewed, "https://germoir.example.fr")).rejects.toSatisfy(refusal(404));
    await expect(privateFeed("x".repeat(500), "https://germoir.example.fr")).rejects.toSatisfy(refusal(404));
    expect((await myEvents(agent)).feed).toBeNull();
    // a deleted account's address stops too
    const again = /mes-inscriptions\/([^/]+)\//.exec(await renewFeed(agent))![1];
    await forgetAccount(agent.userId);
    await expect(privateFeed(again, "https://germoir.example.fr")).rejects.toSatisfy(refusal(404));
  });
});
