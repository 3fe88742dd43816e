import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chooseK, discoverThemes, parseCsvRecords, scorePartition, themeCountRange, type KQuality, type ThemeDiscovery, type ThemeInput } from "./index";
import { CANTINE, mixtureIdeas, TELETRAVAIL, topicIdeas } from "./test-fixtures";

// 60 real proposals from the Métropole européenne de Lille's Grand Débat (GPL-3.0, attribution in tests/fixtures/README.md)
const fixture = path.resolve(import.meta.dirname, "../../../tests/fixtures/grand-debat-mel-sample.csv");
const mel: ThemeInput[] = parseCsvRecords(readFileSync(fixture, "utf8")).records.map((r) => ({ id: r.id, title: r.title, text: r.body }));

/** Each theme as its label and its sorted members, themes in order; « à classer » ideas with their reason. */
const partition = (r: ThemeDiscovery) => ({
  themes: r.themes.map((t) => [t.label, [...t.memberIds].sort()]),
  outliers: r.outliers.map((o) => [o.id, o.reason, o.nearestTheme]),
});
const twice = (docs: readonly ThemeInput[]) => docs.map((d) => ({ ...d, title: d.title ? `${d.title}\n${d.title}` : d.title, text: `${d.text}\n\n${d.text}` }));

describe("length invariance", () => {
  it("gives the same themes when every idea is written twice (hand-written ideas, k given and automatic)", async () => {
    const docs = topicIdeas();
    for (const k of [3, "auto"] as const) {
      const once = await discoverThemes(docs, { k, seed: 2 });
      const doubled = await discoverThemes(twice(docs), { k, seed: 2 });
      expect(doubled.chosenK).toBe(once.chosenK);
      expect(partition(doubled)).toEqual(partition(once));
    }
  });

  it("gives the same themes when every idea is written twice (60 real proposals of 9 to 164 words; with 1 + ln tf they differ)", async () => {
    const once = await discoverThemes(mel, { k: "auto", seed: 1 });
    const doubled = await discoverThemes(twice(mel), { k: "auto", seed: 1 });
    expect(once.themes.length).toBeGreaterThan(2);
    expect(doubled.chosenK).toBe(once.chosenK);
    expect(partition(doubled)).toEqual(partition(once));
  });
});

describe("automatic number of themes", () => {
  it("finds the true number of topics in mixtures of 3 and 8 topics", async () => {
    for (const topics of [3, 8]) {
      const docs = mixtureIdeas(topics, 40);
      const r = await discoverThemes(docs, { seed: 1 });
      expect(r.chosenK).toBe(topics);
      const themeOf = new Map(r.themes.flatMap((t) => t.memberIds.map((id) => [id, t.key] as const)));
      expect(scorePartition(docs.map((d) => d.topic), docs.map((d) => themeOf.get(d.id) ?? "à classer")).nmi).toBeGreaterThan(0.95);
      // why this k: one score per candidate, the chosen one among them
      expect(r.quality.map((q) => q.k)).toContain(topics);
      expect(r.quality[0].k).toBe(themeCountRange(docs.length)[0]);
    }
  });

  it("takes the most reproducible of the numbers whose silhouette is near the best, not the fewest themes", () => {
    const curve = (points: [number, number, number][]): KQuality[] => points.map(([k, silhouette, score]) => ({ k, silhouette, score, error: 0.01, cohesion: 0.5, smallest: 3 }));
    // the demo contest (240 ideas, 13 problems): two broad halves are the most reproducible, the silhouette grows with k
    expect(chooseK(curve([[3, 0.082, 0.47], [5, 0.088, 0.34], [8, 0.1, 0.29], [10, 0.102, 0.27], [12, 0.11, 0.28], [15, 0.116, 0.28]]))).toBe(15);
    // three topics written by hand, with titles: 4 themes separate a little better, 3 come back at every start
    expect(chooseK(curve([[2, 0.442, 0.61], [3, 0.618, 1], [4, 0.639, 0.84], [5, 0.581, 0.79]]))).toBe(3);
    // a tie on both: the larger k
    expect(chooseK(curve([[4, 0.2, 0.5], [6, 0.2, 0.5]]))).toBe(6);
  });

  it("splits 13 ideas on two subjects by subject, not into pairs of near-identical ideas", async () => {
    // a theme split as the application does it (2 to 6 parts, no minimum size), in the order that once gave 6 parts
    const c = CANTINE;
    const t = TELETRAVAIL;
    const texts = [c[0], t[0], c[1], t[1], c[2], t[2], c[3], t[3], t[4], t[5], c[6], t[6], t[7]];
    const docs = texts.map((text, i) => ({ id: `d${i}`, title: text.slice(0, 80), text: `${text}\n${text}\n` }));
    const r = await discoverThemes(docs, { seed: 1, kRange: [2, 6], minThemeSize: 1 });
    // two parts, or three when the 8 ideas on remote work are cut in two (5 and 3): never a pair, never two subjects mixed
    expect(r.chosenK).toBeLessThanOrEqual(3);
    const parts = r.themes.map((theme) => theme.memberIds.map((id) => (c.includes(texts[Number(id.slice(1))]) ? "c" : "t")).join(""));
    expect(parts.join("").length).toBe(13);
    for (const part of parts) {
      expect(part.length).toBeGreaterThanOrEqual(3);
      expect(new Set(part).size).toBe(1);
    }
    expect(parts.filter((part) => part[0] === "c")).toEqual(["ccccc"]);
  });

  it("bounds the candidates by the collection's size, the same for the application and the command line", () => {
    expect(themeCountRange(24)).toEqual([2, 5]);
    expect(themeCountRange(100)).toEqual([2, 10]);
    expect(themeCountRange(400)).toEqual([4, 20]);
    expect(themeCountRange(2500)).toEqual([10, 30]);
    expect(themeCountRange(100_000)).toEqual([15, 30]);
    // beside pinned themes, fewer new ones
    expect(themeCountRange(400, 2)).toEqual([2, 20]);
    expect(themeCountRange(24, 1)).toEqual([1, 5]);
    expect(themeCountRange(0)).toEqual([2, 2]);
  });
});

describe("determinism", () => {
  it("gives the same result for the same seed, stage timings aside", async () => {
    const withoutTimes = (r: ThemeDiscovery) => ({ ...r, stats: { ...r.stats, seconds: {} } });
    const a = await discoverThemes(mel, { seed: 5 });
    const b = await discoverThemes(mel, { seed: 5 });
    expect(withoutTimes(b)).toEqual(withoutTimes(a));
    expect(a.quality.length).toBeGreaterThan(1);
  });
});
