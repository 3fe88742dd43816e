import { describe, expect, it } from "vitest";
import { gram, multiply, orthonormalize, symmetricEigen } from "./linalg";
import { Progress } from "./progress";
import { createRandom } from "./random";
import { autoDimensions, reduce } from "./reduce";
import type { Csr } from "./vectorize";

function toCsr(dense: number[][]): Csr {
  const indptr = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const r of dense) {
    r.forEach((v, j) => {
      if (v !== 0) {
        indices.push(j);
        values.push(v);
      }
    });
    indptr.push(indices.length);
  }
  return { rows: dense.length, cols: dense[0].length, indptr: Int32Array.from(indptr), indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

describe("dense linear algebra", () => {
  it("decomposes a symmetric matrix (eigenvalues sorted, orthonormal vectors, exact reconstruction)", () => {
    const a = Float64Array.from([2, 1, 0, 1, 2, 0, 0, 0, 3]);
    const { values, vectors } = symmetricEigen(a, 3);
    expect(Array.from(values)).toEqual([expect.closeTo(3, 12), expect.closeTo(3, 12), expect.closeTo(1, 12)]);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let rec = 0, ortho = 0;
        for (let k = 0; k < 3; k++) {
          rec += vectors[i * 3 + k] * values[k] * vectors[j * 3 + k];
          ortho += vectors[k * 3 + i] * vectors[k * 3 + j];
        }
        expect(rec).toBeCloseTo(a[i * 3 + j], 12);
        expect(ortho).toBeCloseTo(i === j ? 1 : 0, 12);
      }
  });

  it("handles 1×1 and random larger matrices", () => {
    expect(symmetricEigen(Float64Array.from([5]), 1).values[0]).toBe(5);
    const r = createRandom(1);
    const y = Float64Array.from({ length: 40 * 12 }, () => r.gaussian());
    const g = gram(y, 40, 12);
    const { values, vectors } = symmetricEigen(g, 12);
    const back = multiply(multiply(vectors, 12, 12, Float64Array.from({ length: 144 }, (_, i) => (i % 13 === 0 ? values[i / 13] : 0)), 12), 12, 12, transpose(vectors, 12), 12);
    back.forEach((v, i) => expect(v).toBeCloseTo(g[i], 9));
  });

  it("orthonormalises columns and drops dependent ones", () => {
    const r = createRandom(2);
    const n = 30;
    const y = new Float64Array(n * 4);
    for (let i = 0; i < n; i++) {
      y[i * 4] = r.gaussian();
      y[i * 4 + 1] = r.gaussian();
      y[i * 4 + 2] = y[i * 4] + 2 * y[i * 4 + 1]; // dependent
      y[i * 4 + 3] = r.gaussian();
    }
    const { q, width } = orthonormalize(y, n, 4);
    expect(width).toBe(3);
    const qtq = gram(q, n, width);
    qtq.forEach((v, i) => expect(v).toBeCloseTo(i % (width + 1) === 0 ? 1 : 0, 10));
  });
});

function transpose(m: Float64Array, r: number): Float64Array {
  const t = new Float64Array(r * r);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) t[j * r + i] = m[i * r + j];
  return t;
}

describe("randomised truncated SVD", () => {
  const r = createRandom(5);
  // a 60×25 matrix of rank 4 plus a little noise, sparse-ish
  const u = Array.from({ length: 60 }, () => Array.from({ length: 4 }, () => r.gaussian()));
  const v = Array.from({ length: 4 }, () => Array.from({ length: 25 }, () => r.gaussian()));
  const dense = u.map((ui) => v[0].map((_, j) => ui.reduce((s, x, k) => s + x * v[k][j] * (4 - k), 0) + (r.next() < 0.3 ? 0.01 * r.gaussian() : 0)));
  const a = toCsr(dense);

  it("finds the leading singular values (the signal exactly, the flat noise tail roughly)", async () => {
    const exact = symmetricEigen(gram(Float64Array.from(dense.flat()), 60, 25), 25).values.slice(0, 6).map(Math.sqrt);
    const red = await reduce(a, createRandom(1), { dimensions: 6, singularValueWeighting: 1 }, new Progress());
    expect(red.dims).toBe(6);
    for (let b = 0; b < 4; b++) expect(red.singularValues[b]).toBeCloseTo(exact[b], 6);
    for (let b = 4; b < 6; b++) expect(Math.abs(red.singularValues[b] / exact[b] - 1)).toBeLessThan(0.15);
  });

  it("gives unit rows, U·S coordinates that preserve the geometry, and the same result for the same seed", async () => {
    const red = await reduce(a, createRandom(1), { dimensions: 4, singularValueWeighting: 1 }, new Progress());
    for (let i = 0; i < 60; i++) {
      let s = 0;
      for (let b = 0; b < 4; b++) s += red.x[i * 4 + b] ** 2;
      expect(s).toBeCloseTo(1, 10);
    }
    // cosines between rows survive a rank-4 projection of a (nearly) rank-4 matrix
    const cos = (p: number[], q: number[]) => p.reduce((s, x, j) => s + x * q[j], 0) / Math.hypot(...p) / Math.hypot(...q);
    let dotLatent = 0;
    for (let b = 0; b < 4; b++) dotLatent += red.x[b] * red.x[4 + b];
    expect(dotLatent).toBeCloseTo(cos(dense[0], dense[1]), 3);
    const again = await reduce(a, createRandom(1), { dimensions: 4, singularValueWeighting: 1 }, new Progress());
    expect(Array.from(again.x)).toEqual(Array.from(red.x));
  });

  it("copes with fewer rows than dimensions and with empty input", async () => {
    const tiny = await reduce(toCsr([[1, 0, 2], [0, 3, 0]]), createRandom(1), {}, new Progress());
    expect(tiny.dims).toBe(2);
    const none = await reduce(toCsr([[0, 0]]), createRandom(1), {}, new Progress());
    expect(Array.from(none.x).every((x) => x === 0)).toBe(true);
  });

  it("chooses 2·√n dimensions from the collection's size when asked, within 20–100", async () => {
    expect([autoDimensions(50), autoDimensions(162), autoDimensions(535), autoDimensions(2086), autoDimensions(100_000)]).toEqual([20, 25, 46, 91, 100]);
    const random = createRandom(3);
    const rows = Array.from({ length: 30 }, () => Array.from({ length: 40 }, () => (random.next() < 0.3 ? 1 + random.int(3) : 0))); // rank 30
    expect((await reduce(toCsr(rows), createRandom(1), { dimensions: "auto" }, new Progress())).dims).toBe(20);
    expect((await reduce(toCsr(rows), createRandom(1), { dimensions: 25 }, new Progress())).dims).toBe(25);
  });
});
