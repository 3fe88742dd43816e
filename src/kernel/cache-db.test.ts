/**
 * `untilDatabaseChanges` on a real database (PGlite, and PostgreSQL when DATABASE_URL is set): a
 * result is shared while nothing was committed, computed again after any commit, never taken from
 * an uncommitted write, and never cached inside a use case's transaction. On PostgreSQL the
 * snapshot is the cluster's: the suite's other workers, writing to their own databases, may end a
 * sharing at any time, so sharing is asserted as « seen at least once in 20 tries ».
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

/** Whether two reads in a row shared one computation, in one of `tries` attempts. */
async function sharesOnce(get: () => Promise<unknown>, computed: () => number, tries = 20): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    await get();
    const after = computed();
    await get();
    if (computed() === after) return true;
  }
  return false;
}

describe("untilDatabaseChanges", () => {
  it("shares a result while nothing is committed, computes again after a commit, and never inside a use case's transaction", async () => {
    const cached = untilDatabaseChanges<number>(10);
    let computed = 0;
    const get = (key = "a") => cached(key, async () => (computed++, count()));
    expect(await get()).toBe(0);
    expect(await sharesOnce(() => get(), () => computed)).toBe(true);
    // another key is its own result
    const before = computed;
    expect(await get("b")).toBe(0);
    expect(computed).toBe(before + 1);
    await sql`INSERT INTO cache_probe VALUES (1)`.execute(rootDb());
    const beforeCommitted = computed;
    expect(await get()).toBe(1);
    expect(computed).toBe(beforeCommitted + 1);
    expect(await sharesOnce(() => get(), () => computed)).toBe(true);
    // a use case's transaction sees its own writes: computed at every call there
    await transaction(async () => {
      await sql`INSERT INTO cache_probe VALUES (2)`.execute(db());
      const inside = computed;
      expect(await get()).toBe(2);
      expect(await get()).toBe(2);
      expect(computed).toBe(inside + 2);
    });
    expect(await get()).toBe(2);
  });

  it("never keeps a result while another connection's write is uncommitted, and computes again once it commits", async () => {
    // PGlite has one connection: there, no write can be pending beside a reader
    if (env.kind !== "postgres") return expect(env.kind).toBe("pglite");
    const cached = untilDatabaseChanges<number>(10);
    const get = () => cached("pending", count);
    const before = await get();
    await rootDb()
      .transaction()
      .execute(async (trx) => {
        await sql`INSERT INTO cache_probe VALUES (3)`.execute(trx);
        // not visible, not committed: the shared result stays right
        expect(await get()).toBe(before);
      });
    expect(await get()).toBe(before + 1);
  });
});

describe("untilDatabaseChanges' bookkeeping (a snapshot given by the test)", () => {
  it("keeps the most recently used results, at most `max`, drops them when the snapshot moves, and forgets a failed computation", async () => {
    let snapshot = "10:10:";
    const cached = untilDatabaseChanges<string>(2, { snapshot: async () => snapshot });
    let computed = 0;
    const get = (key: string) => cached(key, async () => `${key}${++computed}`);
    expect([await get("a"), await get("b"), await get("a"), await get("c")]).toEqual(["a1", "b2", "a1", "c3"]);
    // b was the least recently used: dropped
    expect([await get("a"), await get("b")]).toEqual(["a1", "b4"]);
    // three readers at once share one computation
    expect(await Promise.all([get("d"), get("d"), get("d")])).toEqual(["d5", "d5", "d5"]);
    snapshot = "11:11:";
    expect(await get("d")).toBe("d6");
    let fail = true;
    const failing = untilDatabaseChanges<number>(2, { snapshot: async () => snapshot });
    const attempt = () => failing("x", async () => (fail ? Promise.reject(new Error("down")) : 7));
    await expect(attempt()).rejects.toThrow("down");
    fail = false;
    expect(await attempt()).toBe(7);
    // no snapshot (a standby): computed every time
    const blind = untilDatabaseChanges<number>(2, { snapshot: async () => null });
    let n = 0;
    expect([await blind("k", async () => ++n), await blind("k", async () => ++n)]).toEqual([1, 2]);
  });
});
