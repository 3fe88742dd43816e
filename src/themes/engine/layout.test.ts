import { describe, expect, it } from "vitest";
import { discoverThemes } from "./index";
import { layout2d } from "./layout";
import { topicIdeas } from "./test-fixtures";

describe("2-D map of the ideas", () => {
  it("places every idea in [0, 1]² and keeps the ideas of a theme closer to each other than to other themes", async () => {
    const docs = topicIdeas();
    const r = await discoverThemes(docs, { k: 3, seed: 3 });
    expect(r.positions.map((p) => p.id)).toEqual(docs.map((d) => d.id));
    for (const p of r.positions) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(1);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(1);
    }
    const at = new Map(r.positions.map((p) => [p.id, p]));
    const themeOf = new Map<string, number>();
    r.themes.forEach((t, i) => t.memberIds.forEach((id) => themeOf.set(id, i)));
    const placed = [...themeOf.keys()];
    let within = 0;
    let withinN = 0;
    let across = 0;
    let acrossN = 0;
    for (const a of placed)
      for (const b of placed) {
        if (a >= b) continue;
        const dist = Math.hypot(at.get(a)!.x - at.get(b)!.x, at.get(a)!.y - at.get(b)!.y);
        if (themeOf.get(a) === themeOf.get(b)) [within, withinN] = [within + dist, withinN + 1];
        else [across, acrossN] = [across + dist, acrossN + 1];
      }
    expect(within / withinN).toBeLessThan((across / acrossN) * 0.6);
  });

  it("is the same for the same seed", async () => {
    const docs = topicIdeas();
    const a = await discoverThemes(docs, { k: 3, seed: 5 });
    const b = await discoverThemes(docs, { k: 3, seed: 5 });
    expect(a.positions).toEqual(b.positions);
  });

  it("handles no idea, one idea and identical ideas", () => {
    expect(layout2d(new Float64Array(0), 0, 3, [])).toHaveLength(0);
    expect(Array.from(layout2d(Float64Array.from([1, 0, 0]), 1, 3, []))).toEqual([0.5, 0.5]);
    const same = layout2d(Float64Array.from([0, 1, 0, 1]), 2, 2, []);
    expect(Array.from(same)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });
});
