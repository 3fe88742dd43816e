import { describe, expect, it } from "vitest";
import { bootTestRuntime } from "../tests/support/runtime";
import { startScheduler } from "./scheduler";

describe("the scheduler", () => {
  it("when stopped, lets the tick under way end before the database is closed, and starts no other", async () => {
    const env = await bootTestRuntime();
    const errors: unknown[] = [];
    env.rt.log.error = (msg: string, fields?: Record<string, unknown>) => void errors.push([msg, fields]);
    // its first tick starts at once; the next would come in an hour
    const stop = startScheduler(3_600_000);
    await stop();
    await env.dispose();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(errors).toEqual([]);
    // stopping again changes nothing
    await expect(stop()).resolves.toBeUndefined();
  });
});
