import { describe, expect, it } from "vitest";
import { dot, sphericalKMeans, type Points } from "./cluster";
import { adjustedRandIndex } from "./metrics";
import { createRandom, type Random } from "./random";
import { normalizeRows } from "./reduce";

/** n points around each of the given unit directions, in d dimensions. */
function blobs(centres: number[][], perCentre: number, spread: number, random: Random): { points: Points; truth: number[] } {
  const d = centres[0].length;
  const n = centres.length * perCentre;
  const x = new Float64Array(n * d);
  const truth: number[] = [];
  centres.forEach((c, g) => {
    for (let j = 0; j < perCentre; j++) {
      const i = g * perCentre + j;
      for (let b = 0; b < d; b++) x[i * d + b] = c[b] + spread * random.gaussian();
      truth.push(g);
    }
  });
  normalizeRows(x, n, d);
  return { points: { x, n, d }, truth };
}

/** Textbook spherical Lloyd iterations, to check the bounded version against. */
function naiveLloyd(points: Points, init: Float64Array, k: number, maxIter: number): Int32Array {
  const { x, n, d } = points;
  const c = Float64Array.from(init);
  const labels = new Int32Array(n).fill(-1);
  for (let it = 0; it < maxIter; it++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let g = 1; g < k; g++) if (dot(x, i * d, c, g * d, d) > dot(x, i * d, c, best * d, d)) best = g;
      if (best !== labels[i]) changed++;
      labels[i] = best;
    }
    if (changed === 0) break;
    c.fill(0);
    for (let i = 0; i < n; i++) for (let b = 0; b < d; b++) c[labels[i] * d + b] += x[i * d + b];
    normalizeRows(c, k, d);
  }
  return labels;
}

describe("spherical k-means", () => {
  const centres = [
    [1, 0, 0, 0, 0],
    [0, 1, 0, 0, 0],
    [0, 0, 1, 0, 0],
  ];

  it("finds three well-separated groups", async () => {
    const { points, truth } = blobs(centres, 30, 0.15, createRandom(1));
    const r = await sphericalKMeans(points, { k: 3, random: createRandom(2) });
    expect(r.k).toBe(3);
    expect(adjustedRandIndex(truth, r.labels)).toBe(1);
    expect(r.objective).toBeGreaterThan(0.9 * points.n);
    for (let i = 0; i < points.n; i++) expect(r.similarity[i]).toBeCloseTo(dot(points.x, i * 5, r.centroids, r.labels[i] * 5, 5), 12);
  });

  it("gives exactly the partition of plain Lloyd iterations (the distance bounds only skip work)", async () => {
    const random = createRandom(7);
    const d = 12;
    const many = Array.from({ length: 6 }, () => Array.from({ length: d }, () => random.gaussian()));
    const { points } = blobs(many, 40, 0.9, random); // heavily overlapping
    for (const k of [2, 5, 9]) {
      const init = new Float64Array(k * d);
      for (let g = 0; g < k; g++) init.set(points.x.subarray(g * 17 * d, g * 17 * d + d), g * d);
      const fast = await sphericalKMeans(points, { k, init, random: createRandom(1), maxIterations: 200 });
      expect(Array.from(fast.labels)).toEqual(Array.from(naiveLloyd(points, init, k, 200)));
    }
  });

  it("is deterministic for a seed", async () => {
    const { points } = blobs(centres, 20, 0.6, createRandom(3));
    const a = await sphericalKMeans(points, { k: 4, random: createRandom(9) });
    const b = await sphericalKMeans(points, { k: 4, random: createRandom(9) });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(a.objective).toBe(b.objective);
  });

  it("keeps fixed centres where they are and gives them their points", async () => {
    const { points, truth } = blobs(centres, 20, 0.1, createRandom(4));
    const fixed = Float64Array.from([1, 0, 0, 0, 0]);
    const r = await sphericalKMeans(points, { k: 2, fixed, fixedCount: 1, random: createRandom(5) });
    expect(Array.from(r.centroids.subarray(0, 5))).toEqual([1, 0, 0, 0, 0]);
    truth.forEach((t, i) => expect(r.labels[i] === 0).toBe(t === 0));
    expect(adjustedRandIndex(truth, r.labels)).toBe(1);
  });

  it("returns fewer clusters than asked when there are fewer distinct points, and copes with none", async () => {
    const x = new Float64Array(6 * 2);
    for (let i = 0; i < 6; i++) x.set(i < 4 ? [1, 0] : [0, 1], i * 2);
    const r = await sphericalKMeans({ x, n: 6, d: 2 }, { k: 5, random: createRandom(1) });
    expect(r.k).toBe(2);
    expect(new Set(r.labels).size).toBe(2);
    const none = await sphericalKMeans({ x, n: 6, d: 2 }, { k: 3, rows: new Int32Array(0), random: createRandom(1) });
    expect(none.k).toBe(0);
  });

  it("clusters only the rows it is given", async () => {
    const { points } = blobs(centres, 10, 0.1, createRandom(6));
    const rows = Int32Array.from([0, 1, 2, 10, 11, 12]);
    const r = await sphericalKMeans(points, { k: 2, rows, random: createRandom(1) });
    expect(r.labels.length).toBe(6);
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], r.labels)).toBe(1);
  });
});
