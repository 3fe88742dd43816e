import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { randomUUID } from "node:crypto";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeUser } from "../../tests/support/fixtures";
import { db } from "../kernel/runtime";
import type { Refusal } from "../kernel/permissions";
import { cancel, confirm, expireDue, register, registerSeatOwner, seatCounts, seatList, setOffer, standings } from "./index";
import { personalData, forgetAccount } from "./personal-data";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
  registerSeatOwner("test", { describe: async (ids) => new Map(ids.map((id) => [id, { title: `Séance ${id.slice(0, 4)}`, link: `/essai/${id}`, labId: null }])) });
});
afterAll(async () => {
  await env?.dispose();
});

const HOUR = 3_600_000;
const T0 = new Date("2027-01-10T09:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);
const refusal = (status: number) => (e: Refusal) => e.status === status;
const users = (n: number) => Promise.all(Array.from({ length: n }, () => makeUser()));
const mailsTo = async (email: string) => (await sql<{ subject: string }>`SELECT subject FROM mail_outbox WHERE "to" = ${email}`.execute(db())).rows.map((r) => r.subject);
const notificationsOf = async (userId: string) => (await sql<{ kind: string; title: string }>`SELECT kind, title FROM notifications WHERE user_id = ${userId} ORDER BY created_at`.execute(db())).rows;

describe("seats and the waiting list", () => {
  it("confirms while seats remain, then puts agents on the waiting list in order; registering twice changes nothing", async () => {
    const id = randomUUID();
    await setOffer("test", id, { capacity: 2 }, T0);
    const [a, b, c, d] = await users(4);
    expect(await register("test", id, a.id, T0)).toMatchObject({ status: "confirmed" });
    expect(await register("test", id, b.id, T0)).toMatchObject({ status: "confirmed" });
    expect(await register("test", id, c.id, T0)).toMatchObject({ status: "waiting" });
    expect(await register("test", id, d.id, T0)).toMatchObject({ status: "waiting" });
    expect(await register("test", id, c.id, T0)).toMatchObject({ status: "waiting" });
    expect((await standings("test", [id], d.id)).get(id)).toMatchObject({ status: "waiting", position: 2 });
    expect((await seatCounts("test", [id])).get(id)).toEqual({ capacity: 2, confirmed: 2, offered: 0, waiting: 2, free: 0 });
    await expect(register("test", randomUUID(), a.id, T0)).rejects.toSatisfy(refusal(404));
  });

  it("a cancellation offers the seat to the first waiting agent (notification and mail), who confirms before the deadline", async () => {
    const id = randomUUID();
    await setOffer("test", id, { capacity: 1, confirmHours: 24 }, T0);
    const [a, b, c] = await users(3);
    await register("test", id, a.id, T0);
    await register("test", id, b.id, T0);
    await register("test", id, c.id, T0);
    await cancel("test", id, a.id, at(1));
    const offered = (await standings("test", [id], b.id)).get(id)!;
    expect(offered.status).toBe("offered");
    expect(offered.offeredUntil).toEqual(at(25));
    expect((await standings("test", [id], c.id)).get(id)).toMatchObject({ status: "waiting", position: 1 });
    expect((await notificationsOf(b.id)).map((n) => n.kind)).toEqual(["seat_offered"]);
    expect(await mailsTo(b.email)).toHaveLength(1);
    expect(await mailsTo(c.email)).toHaveLength(0);
    // only the agent offered the seat may confirm it
    await expect(confirm("test", id, c.id, at(2))).rejects.toSatisfy(refusal(409));
    await confirm("test", id, b.id, at(2));
    expect((await standings("test", [id], b.id)).get(id)?.status).toBe("confirmed");
    const list = await seatList("test", id);
    expect(list.log.map((e) => [e.kind, e.userId])).toEqual([
      ["confirmed", a.id],
      ["waiting", b.id],
      ["waiting", c.id],
      ["cancelled", a.id],
      ["offered", b.id],
      ["accepted", b.id],
    ]);
    await expect(cancel("test", id, a.id, at(3))).rejects.toSatisfy(refusal(409));
  });

  it("past the deadline (a controlled clock) the seat passes on, and each expiry is logged", async () => {
    const id = randomUUID();
    await setOffer("test", id, { capacity: 1 }, T0);
    const [a, b, c] = await users(3);
    for (const u of [a, b, c]) await register("test", id, u.id, T0);
    await cancel("test", id, a.id, at(0));
    expect(await expireDue(at(47))).toBe(0);
    expect((await standings("test", [id], b.id)).get(id)?.status).toBe("offered");
    expect(await expireDue(at(48))).toBe(1);
    expect((await standings("test", [id], b.id)).has(id)).toBe(false);
    expect((await standings("test", [id], c.id)).get(id)).toMatchObject({ status: "offered", offeredUntil: at(96) });
    expect((await notificationsOf(b.id)).map((n) => n.kind)).toEqual(["seat_offered", "seat_update"]);
    // confirming too late is refused, and passes the seat on as the scheduler would
    await expect(confirm("test", id, c.id, at(97))).rejects.toSatisfy(refusal(409));
    expect((await seatList("test", id)).log.filter((e) => e.kind === "expired").map((e) => e.userId)).toEqual([b.id, c.id]);
    expect((await seatCounts("test", [id])).get(id)).toMatchObject({ confirmed: 0, offered: 0, waiting: 0, free: 1 });
  });

  it("more capacity goes to the waiting agents at once; less unseats nobody", async () => {
    const id = randomUUID();
    await setOffer("test", id, { capacity: 1 }, T0);
    const [a, b, c] = await users(3);
    for (const u of [a, b, c]) await register("test", id, u.id, T0);
    await setOffer("test", id, { capacity: 2 }, at(1));
    expect((await standings("test", [id], b.id)).get(id)?.status).toBe("offered");
    await setOffer("test", id, { capacity: 0 }, at(2));
    expect((await seatCounts("test", [id])).get(id)).toMatchObject({ confirmed: 1, offered: 1, waiting: 1, free: 0 });
    // no limit: everyone waiting is confirmed
    await setOffer("test", id, { capacity: null }, at(3));
    expect((await standings("test", [id], c.id)).get(id)?.status).toBe("confirmed");
  });

  it("in a group, an agent on several lists leaves the others once confirmed in one, and may not take a second seat", async () => {
    const group = `training:${randomUUID()}`;
    const [s1, s2, s3] = [randomUUID(), randomUUID(), randomUUID()];
    for (const s of [s1, s2, s3]) await setOffer("test", s, { capacity: 1, groupKey: group }, T0);
    const [a, b, x, y] = await users(4);
    await register("test", s1, x.id, T0);
    await register("test", s2, y.id, T0);
    await register("test", s1, a.id, T0);
    await register("test", s2, a.id, T0);
    await register("test", s2, b.id, T0);
    // a seat freed in s2 goes to a (first there), who is still waiting in s1
    await cancel("test", s2, y.id, at(1));
    await confirm("test", s2, a.id, at(2));
    expect((await standings("test", [s1, s2], a.id)).get(s1)).toBeUndefined();
    expect((await seatList("test", s1)).log.at(-1)).toMatchObject({ kind: "withdrawn", userId: a.id });
    await expect(register("test", s3, a.id, at(3))).rejects.toSatisfy(refusal(409));
    // a seat offered in another session passes on when the agent is confirmed elsewhere
    await register("test", s3, b.id, at(3));
    expect((await standings("test", [s2, s3], b.id)).get(s2)).toBeUndefined();
  });

  it("100 agents take 20 seats at once: exactly 20 confirmed, the other 80 waiting in order of arrival, none twice", async () => {
    const id = randomUUID();
    await setOffer("test", id, { capacity: 20 }, T0);
    const agents = await users(100);
    const results = await Promise.allSettled(agents.flatMap((u) => [register("test", id, u.id, T0), register("test", id, u.id, T0)]));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const rows = (await sql<{ user_id: string; status: string; seq: number }>`SELECT r.user_id, r.status, r.seq FROM seat_registrations r JOIN seat_offers o ON o.id = r.offer_id WHERE o.owner_id = ${id} ORDER BY r.seq`.execute(db())).rows;
    expect(rows).toHaveLength(100);
    expect(new Set(rows.map((r) => r.user_id)).size).toBe(100);
    expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(20);
    // the first 20 to arrive hold the seats, the next 80 wait in that order
    expect(rows.map((r) => r.status)).toEqual([...Array(20).fill("confirmed"), ...Array(80).fill("waiting")]);
    const list = await seatList("test", id);
    expect(list.waiting.map((w) => w.position)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    expect(list.waiting.map((w) => w.userId)).toEqual(rows.slice(20).map((r) => r.user_id));
    // and 20 cancel at once: 20 seats offered to the first 20 waiting, in order
    await Promise.all(list.confirmed.map((c) => cancel("test", id, c.userId, at(1))));
    const after = await seatList("test", id);
    expect(after.offered.map((o) => o.userId).sort()).toEqual(rows.slice(20, 40).map((r) => r.user_id).sort());
    expect(after.waiting).toHaveLength(60);
  });
});

describe("seats: a group under concurrency", () => {
  it("agents registering, cancelling and confirming across the sessions of one group at once: no deadlock, no seat over capacity, nobody confirmed twice", async () => {
    const group = `training:${randomUUID()}`;
    const offers = [randomUUID(), randomUUID(), randomUUID()];
    for (const o of offers) await setOffer("test", o, { capacity: 3, groupKey: group }, T0);
    const agents = await users(24);
    // everyone on every list, from every side at once
    const first = await Promise.allSettled(agents.flatMap((u, i) => offers.map((_, k) => register("test", offers[(i + k) % 3], u.id, T0))));
    const errors = first.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as Refusal);
    // refused only because the agent got a seat in another session of the group meanwhile
    expect(errors.every((e) => e.status === 409)).toBe(true);
    // then the confirmed cancel while those offered confirm, all at once
    const confirmed = (await Promise.all(offers.map((o) => seatList("test", o)))).flatMap((l, k) => l.confirmed.map((c) => ({ offer: offers[k], userId: c.userId })));
    await Promise.all(confirmed.map((c) => cancel("test", c.offer, c.userId, at(1))));
    const offered = (await Promise.all(offers.map((o) => seatList("test", o)))).flatMap((l, k) => l.offered.map((c) => ({ offer: offers[k], userId: c.userId })));
    const results = await Promise.allSettled(offered.map((o) => confirm("test", o.offer, o.userId, at(2))));
    const after = await Promise.all(offers.map((o) => seatList("test", o)));
    // a confirmation refused (409) is one of an agent offered two seats, who took the other one
    results.forEach((r, i) => {
      if (r.status === "fulfilled") return;
      expect((r.reason as Refusal).status).toBe(409);
      expect(after.some((l) => l.confirmed.some((c) => c.userId === offered[i].userId))).toBe(true);
    });
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThan(0);
    for (const l of after) expect(l.confirmed.length + l.offered.length).toBeLessThanOrEqual(3);
    const seated = after.flatMap((l) => l.confirmed.map((c) => c.userId));
    expect(new Set(seated).size).toBe(seated.length);
    // a seated agent is on no other list of the group
    for (const id of seated) expect(after.filter((l) => [...l.confirmed, ...l.offered, ...l.waiting].some((x) => x.userId === id))).toHaveLength(1);
  });
});

describe("registrations: personal data", () => {
  it("lists the agent's registrations; a deleted account gives its seat up, offered to the next at the scheduler's round", async () => {
    const id = randomUUID();
    await setOffer("test", id, { capacity: 1 }, T0);
    const [a, b] = await users(2);
    await register("test", id, a.id, T0);
    await register("test", id, b.id, T0);
    const sections = await personalData(a.id);
    expect(sections[0].rows).toEqual([expect.objectContaining({ title: `Séance ${id.slice(0, 4)}`, status: "Inscription confirmée" })]);
    await forgetAccount(a.id);
    expect((await standings("test", [id], b.id)).get(id)?.status).toBe("waiting");
    // the scheduler's next round offers the seat given up
    await expireDue(at(0));
    expect((await standings("test", [id], b.id)).get(id)?.status).toBe("offered");
    expect((await personalData(a.id))[0].rows[0]).toMatchObject({ status: "Annulée" });
  });
});
