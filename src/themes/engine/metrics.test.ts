import { describe, expect, it } from "vitest";
import { adjustedRandIndex, normalizedMutualInformation, scorePartition, vMeasure } from "./metrics";
import { createRandom } from "./random";

// Reference values are those of scikit-learn (adjusted_rand_score, normalized_mutual_info_score with
// its default arithmetic normalisation, homogeneity/completeness/v_measure_score).
describe("partition agreement", () => {
  it("scores identical and relabelled partitions 1", () => {
    for (const f of [adjustedRandIndex, normalizedMutualInformation]) {
      expect(f([0, 0, 1, 1], [0, 0, 1, 1])).toBeCloseTo(1, 12);
      expect(f([0, 0, 1, 1], [1, 1, 0, 0])).toBeCloseTo(1, 12);
      expect(f(["a", "a", "b"], ["x", "x", "y"])).toBeCloseTo(1, 12);
    }
  });

  it("matches scikit-learn on its documented examples", () => {
    expect(adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(0.5714285714285714, 12);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714285714, 12);
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
    expect(normalizedMutualInformation([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
    expect(normalizedMutualInformation([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.8, 12);
    const refine = vMeasure([0, 0, 1, 1], [0, 0, 1, 2]);
    expect(refine.homogeneity).toBeCloseTo(1, 12);
    expect(refine.completeness).toBeCloseTo(2 / 3, 12);
    expect(refine.v).toBeCloseTo(0.8, 12);
    const merge = vMeasure([0, 0, 1, 2], [0, 0, 1, 1]);
    expect(merge.homogeneity).toBeCloseTo(2 / 3, 12);
    expect(merge.completeness).toBeCloseTo(1, 12);
    expect(vMeasure([0, 0, 1, 1], [0, 0, 0, 0]).v).toBe(0);
  });

  it("follows scikit-learn's conventions for trivial partitions", () => {
    expect(normalizedMutualInformation([1, 1, 1], [2, 2, 2])).toBe(1);
    expect(adjustedRandIndex([1, 1, 1], [2, 2, 2])).toBe(1);
    expect(adjustedRandIndex([0, 1, 2], [2, 0, 1])).toBe(1);
  });

  it("agrees with pair counting and with the entropy definitions on random partitions", () => {
    const random = createRandom(3);
    for (let trial = 0; trial < 20; trial++) {
      const n = 5 + random.int(40);
      const a = Array.from({ length: n }, () => random.int(4));
      const b = Array.from({ length: n }, () => random.int(5));
      // ARI from pair counts (Hubert & Arabie), independent of the contingency-table code
      let both = 0, onlyA = 0, onlyB = 0, neither = 0;
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          const sa = a[i] === a[j], sb = b[i] === b[j];
          if (sa && sb) both++;
          else if (sa) onlyA++;
          else if (sb) onlyB++;
          else neither++;
        }
      const ari = (2 * (both * neither - onlyA * onlyB)) / ((both + onlyA) * (onlyA + neither) + (both + onlyB) * (onlyB + neither));
      if (Number.isFinite(ari)) expect(adjustedRandIndex(a, b)).toBeCloseTo(ari, 10);
      // NMI = 2·I(A;B) / (H(A) + H(B)) from the joint distribution
      const p = (xs: number[], v: number) => xs.filter((x) => x === v).length / n;
      const H = (xs: number[]) => -[...new Set(xs)].reduce((s, v) => s + p(xs, v) * Math.log(p(xs, v)), 0);
      let mi = 0;
      for (const u of new Set(a))
        for (const v of new Set(b)) {
          const pj = a.filter((x, i) => x === u && b[i] === v).length / n;
          if (pj > 0) mi += pj * Math.log(pj / (p(a, u) * p(b, v)));
        }
      if (H(a) + H(b) > 0 && mi > 1e-12) expect(normalizedMutualInformation(a, b)).toBeCloseTo((2 * mi) / (H(a) + H(b)), 10);
      // with beta = 1, V-measure is NMI with arithmetic normalisation
      const s = scorePartition(a, b);
      if (mi > 1e-12) expect(s.v).toBeCloseTo(s.nmi, 10);
      expect(adjustedRandIndex(a, b)).toBeCloseTo(adjustedRandIndex(b, a), 12);
    }
  });

  it("refuses partitions of different lengths", () => {
    expect(() => adjustedRandIndex([1, 2], [1])).toThrow();
  });
});
