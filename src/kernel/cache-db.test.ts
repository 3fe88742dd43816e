/**
 * `untilDatabaseChanges` on a real database (PGlite, and PostgreSQL when DATABASE_URL is set): a
 * result is shared while nothing was committed, computed again after any commit, never taken from
 * an uncommitted write, and never cached inside a use case's transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { bootTestRuntime } from "../../tests/support/runtime";
import { untilDatabaseChanges } from "./cache";
import { db, rootDb } from "./runtime";
import { transaction } from "./db/transaction";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
  await sql`CREATE TABLE cache_probe (n int NOT NULL)`.execute(rootDb());
});
afterAll(async () => {
  await env?.dispose();
});

const count = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM cache_probe`.execute(db())).rows[0].n;

describe("untilDatabaseChanges", () => {
  it("shares a result while nothing is committed, and computes again after a commit", async () => {
    const cached = untilDatabaseChanges<number>(10);
    let computed = 0;
    const get = (key = "a") => cached(key, async () => (computed++, count()));
    expect(await get()).toBe(0);
    expect(await Promise.all([get(), get(), get()])).toEqual([0, 0, 0]);
    expect(computed).toBe(1);
    // another key is its own result
    expect(await get("b")).toBe(0);
    expect(computed).toBe(2);
    await sql`INSERT INTO cache_probe VALUES (1)`.execute(rootDb());
    expect(await get()).toBe(1);
    expect(computed).toBe(3);
    expect(await get()).toBe(1);
    expect(computed).toBe(3);
    // a use case's transaction sees its own writes: never cached there
    await transaction(async () => {
      await sql`INSERT INTO cache_probe VALUES (2)`.execute(db());
      expect(await get()).toBe(2);
      expect(await get()).toBe(2);
    });
    expect(computed).toBe(5);
    expect(await get()).toBe(2);
    expect(computed).toBe(6);
  });

  it("keeps the most recently used results, at most `max`, and forgets a failed computation", async () => {
    const cached = untilDatabaseChanges<string>(2);
    let computed = 0;
    const get = (key: string) => cached(key, async () => `${key}${++computed}`);
    expect([await get("a"), await get("b"), await get("a"), await get("c")]).toEqual(["a1", "b2", "a1", "c3"]);
    // b was the least recently used: dropped
    expect([await get("a"), await get("b")]).toEqual(["a1", "b4"]);
    let fail = true;
    const failing = untilDatabaseChanges<number>(2);
    const attempt = () => failing("x", async () => (fail ? Promise.reject(new Error("down")) : 7));
    await expect(attempt()).rejects.toThrow("down");
    fail = false;
    expect(await attempt()).toBe(7);
  });

  it("never keeps a result while another connection's write is uncommitted, and computes again once it commits", async () => {
    // PGlite has one connection: there, no write can be pending beside a reader
    if (env.kind !== "postgres") return expect(env.kind).toBe("pglite");
    const cached = untilDatabaseChanges<number>(10);
    let computed = 0;
    const get = () => cached("pending", async () => (computed++, count()));
    const before = await get();
    await rootDb()
      .transaction()
      .execute(async (trx) => {
        await sql`INSERT INTO cache_probe VALUES (3)`.execute(trx);
        // not visible, not committed: the shared result stays right
        expect(await get()).toBe(before);
      });
    expect(await get()).toBe(before + 1);
    expect(computed).toBeGreaterThanOrEqual(2);
  });
});
