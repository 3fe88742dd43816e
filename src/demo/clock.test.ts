import { describe, expect, it } from "vitest";
import { atParisHour, atWorkingHour, parisWall } from "./clock";

describe("demo clock", () => {
  it("puts events on a working day between 9 h and 17 h 30 in Paris, summer and winter", () => {
    for (const start of ["2026-07-14T02:36:00Z", "2026-12-04T23:42:00Z", "2026-03-29T01:30:00Z", "2026-10-25T00:10:00Z"]) {
      for (let seed = 0; seed < 200; seed++) {
        const at = atWorkingHour(new Date(Date.parse(start) - seed * 86_400_000), seed);
        const w = parisWall(at);
        expect(["Sat", "Sun"]).not.toContain(w.weekday);
        expect(w.hour * 60 + w.minute).toBeGreaterThanOrEqual(9 * 60);
        expect(w.hour * 60 + w.minute).toBeLessThan(17 * 60 + 30);
      }
    }
  });

  it("is reproducible and never after the given limit", () => {
    const day = new Date("2026-12-04T20:00:00Z");
    expect(atWorkingHour(day, 7).getTime()).toBe(atWorkingHour(day, 7).getTime());
    const now = new Date("2026-12-04T08:05:00Z"); // 9 h 05 in Paris: today's working hours have barely begun
    for (let seed = 0; seed < 50; seed++) expect(atWorkingHour(now, seed, now).getTime()).toBeLessThanOrEqual(now.getTime());
  });

  it("reads a Paris hour the same in summer and winter", () => {
    expect(atParisHour(new Date("2026-07-14T22:30:00Z"), 14).toISOString()).toBe("2026-07-15T12:00:00.000Z");
    expect(atParisHour(new Date("2026-12-04T10:00:00Z"), 9, 30).toISOString()).toBe("2026-12-04T08:30:00.000Z");
  });
});
