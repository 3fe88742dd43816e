import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { bootTestRuntime } from "../../../tests/support/runtime";
import { db } from "../runtime";
import { RateLimits, rateLimits, tooManyMessage } from "./rate-limit";
import { defaultRateLimits } from "../config";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime({ RATE_LIMIT_SUBMIT: "3,5/60" });
});
afterAll(async () => {
  await env?.dispose();
});

describe("rate limits (rate-limiter-flexible's PostgreSQL store on our database)", () => {
  it("lets an account through up to its limit, then refuses with the wait", async () => {
    const limits = rateLimits();
    const who = { account: "00000000-0000-4000-8000-000000000001", ip: "192.0.2.1" };
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await limits.consume("submit", who));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false, false]);
    const refused = results[3];
    expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.ok === false && refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    // The counters are rows of the database, not memory of this process.
    const rows = await sql<{ key: string; points: number }>`SELECT key, points FROM rate_limits WHERE key LIKE 'submit:%' ORDER BY key`.execute(db());
    expect(rows.rows.map((r) => r.key)).toEqual(["submit:account:00000000-0000-4000-8000-000000000001", "submit:ip:192.0.2.1"]);
    expect(rows.rows[0].points).toBeGreaterThanOrEqual(4);
  });

  it("counts per IP address across accounts, and shares the counters between two limiters on one database (two processes)", async () => {
    const a = new RateLimits(db(), env.rt.config.rateLimits);
    const b = new RateLimits(db(), env.rt.config.rateLimits);
    const ip = "198.51.100.7";
    const outcomes = [];
    for (let i = 0; i < 7; i++) outcomes.push((await (i % 2 ? a : b).consume("submit", { account: `account-${i}`, ip })).ok);
    expect(outcomes).toEqual([true, true, true, true, true, false, false]);
  });

  it("gives a point back when the request did nothing", async () => {
    const limits = rateLimits();
    const who = { account: "account-refund", ip: "203.0.113.9" };
    for (let i = 0; i < 10; i++) {
      const d = await limits.consume("submit", who);
      expect(d.ok).toBe(true);
      if (d.ok) await d.refund();
    }
    expect((await limits.consume("submit", who)).ok).toBe(true);
  });

  it("keeps separate buckets apart and leaves anonymous requests to the IP limit", async () => {
    const limits = rateLimits();
    for (let i = 0; i < 3; i++) expect((await limits.consume("submit", { account: "bucketed" }, "submit-a")).ok).toBe(true);
    expect((await limits.consume("submit", { account: "bucketed" }, "submit-a")).ok).toBe(false);
    expect((await limits.consume("submit", { account: "bucketed" }, "submit-b")).ok).toBe(true);
    expect((await limits.consume("submit", {})).ok).toBe(true);
  });

  it("says how long to wait, in French", () => {
    expect(tooManyMessage(1)).toBe("Trop de demandes en peu de temps\u00a0: réessayez dans 1\u00a0seconde.");
    expect(tooManyMessage(42)).toBe("Trop de demandes en peu de temps\u00a0: réessayez dans 42\u00a0secondes.");
    expect(tooManyMessage(600)).toBe("Trop de demandes en peu de temps\u00a0: réessayez dans 10\u00a0minutes.");
  });

  it("reads its limits from the configuration, scaled by RATE_LIMIT_FACTOR", async () => {
    expect(env.rt.config.rateLimits.submit).toEqual({ account: 3, ip: 5, seconds: 60 });
    expect(env.rt.config.rateLimits.search).toEqual(defaultRateLimits.search);
    const { loadConfig } = await import("../config");
    expect(loadConfig({ RATE_LIMIT_FACTOR: "100" }).rateLimits.submit).toEqual({ account: 1000, ip: 10_000, seconds: 60 });
    expect(() => loadConfig({ RATE_LIMIT_SUBMIT: "beaucoup" })).toThrow(/RATE_LIMIT_SUBMIT/);
    expect([loadConfig({}).rateLimitsEnabled, loadConfig({ RATE_LIMITS: "false" }).rateLimitsEnabled]).toEqual([true, false]);
  });
});
