import { sql } from "kysely";
import { rootDb, runtime, type Runtime } from "./runtime";
import { transactionScope } from "./db/scope";

/**
 * A short-lived, per-process cache for small reference data read on most pages
 * (organisation names, campaign titles). Each value lives `ttlMs` at most, so that
 * several server processes converge within that delay; a write in this process
 * calls `clear()` so that its own next page is exact at once.
 *
 * Values are kept per runtime: tests that boot several databases in one process
 * never see each other's data.
 */
export function referenceCache<T>(ttlMs: number, load: () => Promise<T>) {
  const slots = new WeakMap<Runtime, { at: number; value: Promise<T> }>();
  return {
    get(): Promise<T> {
      const rt = runtime();
      const slot = slots.get(rt);
      const now = Date.now();
      if (slot && now - slot.at < ttlMs) return slot.value;
      const value = load();
      slots.set(rt, { at: now, value });
      // A failed load is not kept: the next call tries again.
      value.catch(() => {
        if (slots.get(rt)?.value === value) slots.delete(rt);
      });
      return value;
    },
    clear(): void {
      slots.delete(runtime());
    },
  };
}

/**
 * Results computed from many rows (the steering dashboards' figures), kept while the database has
 * not changed, then computed again: live, never stale, never precomputed.
 *
 * The database's current snapshot (`pg_current_snapshot()`: the first transaction id not yet
 * completed and those still running below it) changes as soon as any transaction that wrote ends,
 * and it is taken at once with what is visible. A result is computed after reading it, with
 * queries that see at least every commit it shows; whoever later reads the same snapshot may share
 * that result, since nothing was committed since. Any write since — even one these figures do not
 * count — only costs a new computation. Inside a transaction (its own writes are not committed), or
 * when the snapshot cannot be read, it computes every time. Keys hold whatever the result depends
 * on besides the data (a period, a filter, the time slot of figures that age with the clock).
 * At most `max` results are kept per runtime, the least recently used dropped first.
 *
 * The snapshot is the whole PostgreSQL cluster's: a write to another database of the same server
 * also costs a new computation (never a wrong result). `opts.snapshot` replaces the reading of the
 * snapshot (the unit tests of the cache's own bookkeeping).
 */
export function untilDatabaseChanges<T>(max: number, opts: { snapshot?: () => Promise<string | null> } = {}) {
  const slots = new WeakMap<Runtime, Map<string, { snapshot: string; value: Promise<T> }>>();
  const snapshotOf = opts.snapshot ?? currentSnapshot;
  return async function get(key: string, compute: () => Promise<T>): Promise<T> {
    const rt = runtime();
    if (transactionScope.getStore()) return compute();
    const snapshot = await snapshotOf();
    if (snapshot === null) return compute();
    let entries = slots.get(rt);
    if (!entries) slots.set(rt, (entries = new Map()));
    const hit = entries.get(key);
    entries.delete(key);
    if (hit && hit.snapshot === snapshot) {
      entries.set(key, hit);
      return hit.value;
    }
    const value = compute();
    entries.set(key, { snapshot, value });
    while (entries.size > max) entries.delete(entries.keys().next().value!);
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    return value;
  };
}

async function currentSnapshot(): Promise<string | null> {
  try {
    const r = await sql<{ snapshot: string }>`SELECT pg_current_snapshot()::text AS snapshot`.execute(rootDb());
    return r.rows[0]?.snapshot ?? null;
  } catch {
    return null;
  }
}
