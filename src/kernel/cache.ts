import { runtime, type Runtime } from "./runtime";

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
