import { describe, expect, it } from "vitest";
import { sphericalKMeans, type Points } from "./cluster";
import { discoverThemes, scorePartition, type ThemeDiscovery } from "./index";
import { adjustedRandIndex } from "./metrics";
import { Progress } from "./progress";
import { createRandom } from "./random";
import { leadingRows, neighbourGraph, sparseNeighbourGraph, spectralEmbedding, type Graph } from "./spectral";
import { mixtureIdeas, topicIdeas } from "./test-fixtures";
import { Analyzer } from "./tokenize";
import { vectorize } from "./vectorize";

/** Unit points on two circles of the sphere: one of latitude 70° around the pole, the equator. */
function rings(perRing: number): { points: Points; truth: number[] } {
  const n = 2 * perRing;
  const x = new Float64Array(n * 3);
  const truth: number[] = [];
  for (let g = 0; g < 2; g++) {
    const lat = g === 0 ? (70 * Math.PI) / 180 : 0;
    for (let j = 0; j < perRing; j++) {
      const lon = (2 * Math.PI * (j + 0.5 * g)) / perRing;
      const i = g * perRing + j;
      x.set([Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)], i * 3);
      truth.push(g);
    }
  }
  return { points: { x, n, d: 3 }, truth };
}

/** Spectral clustering as the engine does it (k-means on the rows of the leading eigenvectors). */
async function spectralLabels(graph: Graph, k: number, seed: number): Promise<Int32Array> {
  const e = await spectralEmbedding(graph, k, createRandom(seed));
  return (await sphericalKMeans({ x: leadingRows(e, graph.n, k), n: graph.n, d: k }, { k, restarts: 5, random: createRandom(seed + 1) })).labels;
}

describe("spectral clustering", () => {
  it("separates a ring around the pole from the equator, which spherical k-means cuts in the middle", async () => {
    const { points, truth } = rings(60);
    const rows = Int32Array.from({ length: points.n }, (_, i) => i);
    const graph = await neighbourGraph(points, rows, { neighbours: 6 });
    expect(adjustedRandIndex(truth, await spectralLabels(graph, 2, 1))).toBe(1);
    const km = await sphericalKMeans(points, { k: 2, restarts: 10, random: createRandom(2) });
    expect(adjustedRandIndex(truth, km.labels)).toBeLessThan(0.5);
  });

  it("finds one leading eigenvalue 1 per connected part of the graph, and rows constant on each part", async () => {
    const { points } = rings(40);
    const rows = Int32Array.from({ length: points.n }, (_, i) => i);
    const graph = await neighbourGraph(points, rows, { neighbours: 4, symmetry: "mutual" });
    const e = await spectralEmbedding(graph, 3, createRandom(3));
    expect(e.values[0]).toBeCloseTo(1, 8);
    expect(e.values[1]).toBeCloseTo(1, 8);
    expect(e.values[2]).toBeLessThan(0.999);
    const unit = leadingRows(e, graph.n, 2);
    // within a ring, every idea has the same (normalised) row; across rings, orthogonal rows
    const row = (i: number) => [unit[2 * i], unit[2 * i + 1]];
    const dotRows = (a: number, b: number) => row(a)[0] * row(b)[0] + row(a)[1] * row(b)[1];
    expect(dotRows(0, 39)).toBeCloseTo(1, 6);
    expect(dotRows(40, 79)).toBeCloseTo(1, 6);
    expect(dotRows(0, 40)).toBeCloseTo(0, 6);
  });

  it("builds the same symmetric neighbour graph from TF-IDF rows as from their unit vectors", async () => {
    const docs = topicIdeas();
    const v = await vectorize(docs, new Analyzer(), { normPower: 0 }, new Progress());
    const { indptr, indices, values, rows: n, cols } = v.tfidf;
    const dense = new Float64Array(n * cols);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let p = indptr[i]; p < indptr[i + 1]; p++) s += values[p] ** 2;
      for (let p = indptr[i]; p < indptr[i + 1]; p++) dense[i * cols + indices[p]] = values[p] / Math.sqrt(s);
    }
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    const sparse = await sparseNeighbourGraph(v.tfidf, rows, { neighbours: 5 });
    const exact = await neighbourGraph({ x: dense, n, d: cols }, rows, { neighbours: 5 });
    const edges = (g: Graph) => {
      const out: string[] = [];
      for (let i = 0; i < g.n; i++) for (let p = g.indptr[i]; p < g.indptr[i + 1]; p++) out.push(`${i}-${g.indices[p]}:${g.weights[p].toFixed(9)}`);
      return out.sort();
    };
    expect(edges(sparse)).toEqual(edges(exact));
    // symmetric, and most of each idea's links are within its topic
    let within = 0;
    for (let i = 0; i < n; i++)
      for (let p = sparse.indptr[i]; p < sparse.indptr[i + 1]; p++) {
        const j = sparse.indices[p];
        expect(Array.from(sparse.indices.subarray(sparse.indptr[j], sparse.indptr[j + 1]))).toContain(i);
        if (docs[j].topic === docs[i].topic) within++;
      }
    expect(within / sparse.indices.length).toBeGreaterThan(0.8);
  });
});

describe("theme discovery with spectral clustering", () => {
  const spectral = { method: "spectral" } as const; // 25 neighbours
  const themeOf = (r: ThemeDiscovery) => new Map(r.themes.flatMap((t) => t.memberIds.map((id) => [id, t.key] as const)));

  it("recovers a mixture of 6 topics, with k given and with automatic k", async () => {
    const docs = mixtureIdeas(6, 30);
    for (const k of [6, "auto"] as const) {
      const r = await discoverThemes(docs, { k, seed: 1, cluster: spectral });
      expect(r.chosenK).toBe(6);
      const of = themeOf(r);
      expect(scorePartition(docs.map((d) => d.topic), docs.map((d) => of.get(d.id) ?? "à classer")).nmi).toBeGreaterThan(0.95);
    }
  });

  it("is deterministic for a seed and gives the same themes when every idea is written twice", async () => {
    const docs = mixtureIdeas(4, 25);
    const twice = docs.map((d) => ({ ...d, text: `${d.text}\n\n${d.text}` }));
    const partition = (r: ThemeDiscovery) => r.themes.map((t) => [t.label, [...t.memberIds].sort()]);
    const a = await discoverThemes(docs, { seed: 4, cluster: spectral });
    const b = await discoverThemes(docs, { seed: 4, cluster: spectral });
    const c = await discoverThemes(twice, { seed: 4, cluster: spectral });
    expect(b.themes).toEqual(a.themes);
    expect(b.quality).toEqual(a.quality);
    expect(c.chosenK).toBe(a.chosenK);
    expect(partition(c)).toEqual(partition(a));
  });

  it("keeps pinned themes: their ideas stay together, the others are grouped around them", async () => {
    const docs = topicIdeas();
    const pinned = [{ key: "cantine-curée", ids: ["cantine-1", "cantine-2", "menage-1"] }];
    const r = await discoverThemes(docs, { k: 2, pinned, cluster: spectral });
    const p = r.themes[0];
    expect(p.key).toBe("cantine-curée");
    for (const id of pinned[0].ids) expect(p.memberIds).toContain(id);
    // the other canteen ideas join the pinned theme, the two other topics make the new themes
    for (let i = 3; i <= 8; i++) expect(p.memberIds).toContain(`cantine-${i}`);
    const fresh = r.themes.filter((t) => !t.pinned);
    expect(fresh).toHaveLength(2);
    for (const t of fresh) expect(new Set(t.memberIds.map((id) => id.split("-")[0])).size).toBe(1);
  });
});
