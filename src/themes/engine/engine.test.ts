import { describe, expect, it } from "vitest";
import { discoverThemes, type ThemeDiscovery } from "./index";
import { displayForm } from "./label";
import { adjustedRandIndex } from "./metrics";
import { CANTINE, MENAGE, topicIdeas } from "./test-fixtures";

const docs = topicIdeas();
const topicOf = new Map(docs.map((d) => [d.id, d.topic]));
const themeOfId = (r: ThemeDiscovery) => {
  const m = new Map<string, string>();
  for (const t of r.themes) for (const id of t.memberIds) m.set(id, t.key);
  return m;
};
const withoutTimes = (r: ThemeDiscovery) => ({ ...r, stats: { ...r.stats, seconds: {} } });

describe("discoverThemes on three obviously separate topics", () => {
  it("finds the three topics with automatic k, and says why", async () => {
    const r = await discoverThemes(docs);
    expect(r.chosenK).toBe(3);
    expect(r.themes).toHaveLength(3);
    expect(r.outliers).toEqual([]);
    const m = themeOfId(r);
    expect(adjustedRandIndex(docs.map((d) => d.topic), docs.map((d) => m.get(d.id)!))).toBe(1);
    // the quality per candidate k, for the interface
    expect(r.quality.map((q) => q.k)).toEqual([2, 3, 4, 5]);
    const best = Math.max(...r.quality.map((q) => q.score));
    expect(r.quality.find((q) => q.k === 3)!.score).toBeGreaterThanOrEqual(0.9 * best);
    for (const q of r.quality) expect(q.score).toBeLessThanOrEqual(1);
  });

  it("labels each theme with readable words, not stems, and picks representative ideas", async () => {
    const r = await discoverThemes(docs);
    const labelOf = (topic: string) => r.themes.find((t) => topicOf.get(t.memberIds[0]) === topic)!;
    expect(labelOf("cantine").label.toLowerCase()).toMatch(/cantine|restauration scolaire|menus/);
    expect(labelOf("menage").label.toLowerCase()).toMatch(/ménage|produits d'entretien/);
    expect(labelOf("teletravail").label.toLowerCase()).toMatch(/télétravail|ordinateurs portables/);
    const cantine = labelOf("cantine");
    expect(cantine.terms.map((t) => t.term)).toContain("restauration scolaire");
    expect(cantine.terms.map((t) => t.term)).not.toContain("restaur scolair");
    for (const t of r.themes) {
      expect(t.size).toBe(8);
      expect(t.representativeIds).toHaveLength(3);
      for (const id of t.representativeIds) expect(t.memberIds).toContain(id);
      expect(t.cohesion).toBeGreaterThan(0);
      expect(t.centroid.length).toBe(r.stats.dimensions);
      expect(t.pinned).toBe(false);
    }
    expect(r.themes.map((t) => t.key)).toEqual(["theme-1", "theme-2", "theme-3"]);
  });

  it("is deterministic for a given seed, and finds the same topics with another seed", async () => {
    const a = await discoverThemes(docs, { seed: 42 });
    const b = await discoverThemes(docs, { seed: 42 });
    expect(withoutTimes(a)).toEqual(withoutTimes(b));
    const c = await discoverThemes(docs, { seed: 7 });
    const m = themeOfId(c);
    expect(adjustedRandIndex(docs.map((d) => d.topic), docs.map((d) => m.get(d.id)!))).toBe(1);
  });

  it("uses a given k", async () => {
    const r = await discoverThemes(docs, { k: 2 });
    expect(r.chosenK).toBe(2);
    expect(r.themes).toHaveLength(2);
    expect(r.quality).toEqual([]);
  });

  it("puts ideas with no usable word, in another language, or alone in a theme « à classer »", async () => {
    const extra = [
      ...docs,
      { id: "vide", text: "Il faudrait mettre en place cela, pour tout le monde !" },
      { id: "anglais", text: "We should provide organic meals in the school canteen and reduce food waste in all schools" },
    ];
    // with k = 4, one topic is cut in two (5 and 3 ideas): a theme must have 4 here
    const r = await discoverThemes(extra, { k: 4, minThemeSize: 4 });
    const reasons = new Map(r.outliers.map((o) => [o.id, o]));
    expect(reasons.get("vide")?.reason).toBe("empty");
    expect(reasons.get("vide")?.nearestTheme).toBeNull();
    expect(reasons.get("anglais")?.reason).toBe("language");
    expect(r.outlierIds).toEqual(r.outliers.map((o) => o.id));
    // the fourth theme can only be a sliver of a topic: too small, its ideas are « à classer » with a suggestion
    const small = r.outliers.filter((x) => x.reason === "small-theme");
    expect(small.length).toBeGreaterThan(0);
    for (const o of small) expect(o.nearestTheme).toMatch(/^theme-/);
    for (const t of r.themes) expect(t.size).toBeGreaterThanOrEqual(4);
    const placed = r.themes.reduce((s, t) => s + t.size, 0) + r.outliers.length;
    expect(placed).toBe(extra.length);
  });

  it("flags ideas far from the centre of the theme they were put in", async () => {
    const gym = [
      { id: "gym-1", text: "Repeindre le portail du gymnase et le portail de la piscine" },
      { id: "gym-2", text: "Le gymnase et la piscine ont besoin de travaux" },
    ];
    const r = await discoverThemes([...docs, ...gym], { k: 3, outlierSimilarity: 0.4 });
    expect(r.outlierIds.sort()).toEqual(["gym-1", "gym-2"]);
    for (const o of r.outliers) {
      expect(o.reason).toBe("far");
      expect(r.themes.map((t) => t.key)).toContain(o.nearestTheme);
      expect(o.similarity).toBeLessThan(0.4);
    }
    // with a free k they make a small theme of their own (two ideas are enough under 30 ideas)
    const auto = await discoverThemes([...docs, ...gym]);
    expect(auto.themes.some((t) => [...t.memberIds].sort().join() === "gym-1,gym-2")).toBe(true);
  });
});

describe("discoverThemes edge cases", () => {
  it("no idea", async () => {
    const r = await discoverThemes([]);
    expect(r.themes).toEqual([]);
    expect(r.outliers).toEqual([]);
    expect(r.chosenK).toBe(0);
  });

  it("one idea", async () => {
    const r = await discoverThemes([{ id: "seule", text: "Des menus bio à la cantine du lycée" }]);
    expect(r.themes).toHaveLength(1);
    expect(r.themes[0].memberIds).toEqual(["seule"]);
    expect(r.themes[0].label).not.toBe("");
  });

  it("identical ideas make one theme", async () => {
    const same = Array.from({ length: 6 }, (_, i) => ({ id: `m${i}`, text: "Des menus bio à la cantine du lycée" }));
    const r = await discoverThemes(same);
    expect(r.chosenK).toBe(1);
    expect(r.themes).toHaveLength(1);
    expect(r.themes[0].size).toBe(6);
  });

  it("only ideas with no usable word", async () => {
    const r = await discoverThemes([{ id: "a", text: "Il faut le faire." }, { id: "b", text: "" }]);
    expect(r.themes).toEqual([]);
    expect(r.outliers.map((o) => o.reason)).toEqual(["empty", "empty"]);
  });

  it("a very long idea", async () => {
    const long = { id: "long", text: Array.from({ length: 3000 }, (_, i) => CANTINE[i % 8]).join(" ") }; // ~30,000 words
    const started = Date.now();
    const r = await discoverThemes([...docs, long]);
    expect(Date.now() - started).toBeLessThan(20_000);
    const m = themeOfId(r);
    expect(m.get("long")).toBe(m.get("cantine-1"));
  });

  it("refuses duplicate identifiers", async () => {
    await expect(discoverThemes([{ id: "a", text: "cantine" }, { id: "a", text: "ménage" }])).rejects.toThrow(/double/);
  });

  it("uses titles as well as texts", async () => {
    const titled = docs.map((d) => ({ id: d.id, title: d.text.split(" ").slice(0, 4).join(" "), text: d.text }));
    const r = await discoverThemes(titled);
    expect(r.themes).toHaveLength(3);
  });
});

describe("pinned themes", () => {
  const pinned = [{ key: "cantine-curée", label: "Restauration scolaire (équipe)", ids: ["cantine-1", "cantine-2", "menage-1"] }];

  it("keeps a curated group together as a theme and clusters the rest", async () => {
    const r = await discoverThemes(docs, { pinned, k: 2 });
    const p = r.themes[0];
    expect(p.key).toBe("cantine-curée");
    expect(p.pinned).toBe(true);
    expect(p.label).toBe("Restauration scolaire (équipe)");
    for (const id of pinned[0].ids) expect(p.memberIds).toContain(id);
    // the other cantine ideas join it; ménage and télétravail make the two new themes
    for (let i = 3; i <= 8; i++) expect(p.memberIds).toContain(`cantine-${i}`);
    expect(r.themes.filter((t) => !t.pinned)).toHaveLength(2);
  });

  it("can keep a pinned theme closed to new ideas", async () => {
    const r = await discoverThemes(docs, { pinned, k: 2, attachToPinned: false });
    expect([...r.themes[0].memberIds].sort()).toEqual([...pinned[0].ids].sort());
  });

  it("chooses the number of new themes around pinned ones", async () => {
    const all = MENAGE.map((_, i) => `menage-${i + 1}`);
    const r = await discoverThemes(docs, { pinned: [{ key: "ménage", ids: all }] });
    expect(r.quality[0].k).toBe(1);
    const m = themeOfId(r);
    expect(new Set(all.map((id) => m.get(id)))).toEqual(new Set(["ménage"]));
    expect(r.themes.length).toBeGreaterThanOrEqual(3);
  });
});

describe("progress and cancellation", () => {
  it("reports stages in order and a fraction that only grows to 1", async () => {
    const seen: [string, number][] = [];
    await discoverThemes(docs, { onProgress: (stage, fraction) => seen.push([stage, fraction]) });
    const fractions = seen.map((s) => s[1]);
    expect(fractions.length).toBeGreaterThan(0);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThan(fractions[i - 1]);
    expect(fractions.at(-1)).toBe(1);
    const order = ["analyse", "vectorise", "reduce", "neighbours", "choose-k", "cluster", "label"];
    const stages = seen.map((s) => order.indexOf(s[0]));
    for (let i = 1; i < stages.length; i++) expect(stages[i]).toBeGreaterThanOrEqual(stages[i - 1]);
  });

  it("stops when its signal is aborted, before or during the run", async () => {
    await expect(discoverThemes(docs, { signal: AbortSignal.abort() })).rejects.toThrow();
    const controller = new AbortController();
    const many = Array.from({ length: 3000 }, (_, i) => ({ id: `i${i}`, text: `${CANTINE[i % 8]} ${MENAGE[(i * 7) % 8]} numéro ${i}` }));
    const run = discoverThemes(many, { signal: controller.signal, onProgress: (stage) => stage === "reduce" && controller.abort() });
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("labels", () => {
  it("shows the most frequent spelling, keeping acronyms and names", () => {
    expect(displayForm(new Map([["restauration scolaire", 3], ["Restauration scolaire", 2]]))).toBe("restauration scolaire");
    expect(displayForm(new Map([["CNIL", 4], ["cnil", 1]]))).toBe("CNIL");
    expect(displayForm(new Map([["Lille", 5]]))).toBe("Lille");
  });
});
