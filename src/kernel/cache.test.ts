import { afterEach, describe, expect, it, vi } from "vitest";
import { referenceCache } from "./cache";
import { setRuntime, type Runtime } from "./runtime";

const fakeRuntime = () => ({}) as Runtime;

describe("referenceCache", () => {
  afterEach(() => {
    vi.useRealTimers();
    setRuntime(undefined);
  });

  it("loads once within its lifetime, again after clear() or expiry", async () => {
    vi.useFakeTimers({ now: new Date("2026-11-22T10:00:00Z") });
    setRuntime(fakeRuntime());
    let loads = 0;
    const cache = referenceCache(5_000, async () => ++loads);
    expect(await cache.get()).toBe(1);
    expect(await cache.get()).toBe(1);
    cache.clear();
    expect(await cache.get()).toBe(2);
    vi.setSystemTime(new Date("2026-11-22T10:00:06Z"));
    expect(await cache.get()).toBe(3);
  });

  it("keeps one value per runtime", async () => {
    let loads = 0;
    const cache = referenceCache(60_000, async () => ++loads);
    const a = fakeRuntime();
    const b = fakeRuntime();
    setRuntime(a);
    expect(await cache.get()).toBe(1);
    setRuntime(b);
    expect(await cache.get()).toBe(2);
    setRuntime(a);
    expect(await cache.get()).toBe(1);
  });

  it("does not keep a failed load", async () => {
    setRuntime(fakeRuntime());
    let calls = 0;
    const cache = referenceCache(60_000, async () => {
      calls++;
      if (calls === 1) throw new Error("database down");
      return "ok";
    });
    await expect(cache.get()).rejects.toThrow("database down");
    expect(await cache.get()).toBe("ok");
  });
});
