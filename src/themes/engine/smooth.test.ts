import { describe, expect, it } from "vitest";
import { discoverThemes } from "./index";
import { neighboursFor, pullTowardsNeighbours, smoothByNeighbours } from "./smooth";
import { topicIdeas } from "./test-fixtures";
import { sparseNearestNeighbours } from "./spectral";
import type { Csr } from "./vectorize";

/** Rows of 0/1 weights over four terms: 0 = {a, b}, 1 = {a, b, c}, 2 = {c}, 3 = {d}. */
function csr(): Csr {
  const rows = [[0, 1], [0, 1, 2], [2], [3]];
  const indptr = Int32Array.from([0, ...rows.map((_, i) => rows.slice(0, i + 1).flat().length)]);
  const indices = Int32Array.from(rows.flat());
  return { rows: 4, cols: 4, indptr, indices, values: new Float64Array(indices.length).fill(1) };
}
const all = Int32Array.from([0, 1, 2, 3]);

describe("nearest neighbours of sparse rows", () => {
  it("ranks by cosine, lists only rows that share a term, and marks the missing ones −1", async () => {
    const found = await sparseNearestNeighbours(csr(), all, 2);
    expect(found.k).toBe(2);
    expect(Array.from(found.nbr)).toEqual([1, -1, 0, 2, 1, -1, -1, -1]);
    expect(found.sim[0]).toBeCloseTo(2 / Math.sqrt(6), 12);
    expect(found.sim[3]).toBeCloseTo(1 / Math.sqrt(3), 12);
  });

  it("searches among the rows given only, and answers with indices into them", async () => {
    const found = await sparseNearestNeighbours(csr(), Int32Array.from([1, 2]), 1);
    expect(Array.from(found.nbr)).toEqual([1, 0]);
  });
});

describe("smoothing by neighbours", () => {
  // unit latent vectors in two dimensions
  const x = Float64Array.from([1, 0, 0, 1, 0, -1, 1, 0]);

  it("adds the weighted mean of the neighbours' vectors and normalises, leaving rows without neighbours (or cancelled out) and the input untouched", async () => {
    const found = await sparseNearestNeighbours(csr(), all, 2);
    const y = pullTowardsNeighbours(x, 2, all, found, { neighbours: 2, weight: 1 });
    const h = Math.SQRT1_2;
    // 0: (1,0) + (0,1) ; 1: (0,1) + mean((1,0), (0,−1)) = (½, ½) ; 2: (0,−1) + (0,1) = 0, so it keeps (0,−1) ; 3: no neighbour
    expect(Array.from(y).map((v) => Number(v.toFixed(12)))).toEqual([h, h, h, h, 0, -1, 1, 0].map((v) => Number(v.toFixed(12))));
    expect(Array.from(x)).toEqual([1, 0, 0, 1, 0, -1, 1, 0]);
  });

  it("uses only the first neighbours of each list when asked for fewer, and the weight", async () => {
    const found = await sparseNearestNeighbours(csr(), all, 2);
    const y = pullTowardsNeighbours(x, 2, all, found, { neighbours: 1, weight: 3 });
    // 1: (0,1) + 3·(1,0) = (3,1)/√10
    expect(y[2]).toBeCloseTo(3 / Math.sqrt(10), 12);
    expect(y[3]).toBeCloseTo(1 / Math.sqrt(10), 12);
  });

  it("returns the vectors as they are with no neighbour or no weight", async () => {
    expect(await smoothByNeighbours(x, 2, csr(), all, { neighbours: 0, weight: 1 })).toBe(x);
    expect(await smoothByNeighbours(x, 2, csr(), all, { neighbours: 3, weight: 0 })).toBe(x);
    const y = await smoothByNeighbours(x, 2, csr(), all, { neighbours: 10, weight: 1 });
    expect(y).not.toBe(x);
    expect(y[0]).toBeCloseTo(Math.SQRT1_2, 12);
  });
});

describe("how many neighbours", () => {
  it("smooths with √n neighbours, or with all those asked when not capped", async () => {
    // five rows sharing one term, each with a term of its own: every other row is an equal neighbour (ties: lower index first)
    const indices = Int32Array.from([0, 1, 0, 2, 0, 3, 0, 4, 0, 5]);
    const a: Csr = { rows: 5, cols: 6, indptr: Int32Array.from([0, 2, 4, 6, 8, 10]), indices, values: new Float64Array(10).fill(1) };
    const x = Float64Array.from([1, 0, 0, 1, 0, 1, 1, 0, 1, 0]);
    const rows = Int32Array.from([0, 1, 2, 3, 4]);
    // row 0, capped at √5 → 2 neighbours (rows 1 and 2): (1,0) + (0,1) → (1,1)/√2 ; not capped, 4: (1,0) + (½,½) → (3,1)/√10
    const capped = await smoothByNeighbours(x, 2, a, rows, { neighbours: 4, weight: 1 });
    const all = await smoothByNeighbours(x, 2, a, rows, { neighbours: 4, weight: 1, cap: "none" });
    expect([capped[0], capped[1]]).toEqual([Math.SQRT1_2, Math.SQRT1_2].map((v) => expect.closeTo(v, 12)));
    expect([all[0], all[1]]).toEqual([3 / Math.sqrt(10), 1 / Math.sqrt(10)].map((v) => expect.closeTo(v, 12)));
  });

  it("uses those asked, at most √n of n ideas, and at most n − 1", () => {
    expect([neighboursFor(20, 10_000), neighboursFor(20, 400), neighboursFor(20, 399), neighboursFor(20, 162), neighboursFor(20, 30), neighboursFor(20, 2), neighboursFor(20, 1)]).toEqual([20, 20, 19, 12, 5, 1, 0]);
    expect(neighboursFor(0, 500)).toBe(0);
    expect([neighboursFor(20, 162, "none"), neighboursFor(20, 12, "none")]).toEqual([20, 11]);
  });

  it("says in the engine's statistics how many it used", async () => {
    const docs = topicIdeas();
    expect(docs).toHaveLength(24);
    expect((await discoverThemes(docs)).stats.neighbours).toBe(4);
    expect((await discoverThemes(docs, { cluster: { smoothNeighbours: 0 } })).stats.neighbours).toBe(0);
  });
});
