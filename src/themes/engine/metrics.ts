/**
 * Agreement between two partitions of the same items: normalised mutual information
 * (arithmetic-mean normalisation, as scikit-learn's default), adjusted Rand index, and
 * V-measure (harmonic mean of homogeneity and completeness; with beta = 1 it equals NMI
 * with arithmetic normalisation). Labels may be any strings or numbers.
 */
export interface PartitionScores {
  nmi: number;
  ari: number;
  v: number;
  homogeneity: number;
  completeness: number;
}

interface Contingency {
  n: number;
  table: Map<string, number>; // "a\u0000b" → count
  a: Map<string, number>; // row sums (truth)
  b: Map<string, number>; // column sums (predicted)
}

function contingency(truth: ArrayLike<string | number>, predicted: ArrayLike<string | number>): Contingency {
  if (truth.length !== predicted.length) throw new Error("partitions of different lengths");
  const table = new Map<string, number>();
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  for (let i = 0; i < truth.length; i++) {
    const t = String(truth[i]);
    const p = String(predicted[i]);
    const key = `${t}\u0000${p}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    a.set(t, (a.get(t) ?? 0) + 1);
    b.set(p, (b.get(p) ?? 0) + 1);
  }
  return { n: truth.length, table, a, b };
}

function entropy(counts: Iterable<number>, n: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

function mutualInformation(c: Contingency): number {
  let mi = 0;
  for (const [key, nij] of c.table) {
    const sep = key.indexOf("\u0000");
    const ai = c.a.get(key.slice(0, sep))!;
    const bj = c.b.get(key.slice(sep + 1))!;
    mi += (nij / c.n) * Math.log((c.n * nij) / (ai * bj));
  }
  return Math.max(0, mi);
}

export function normalizedMutualInformation(truth: ArrayLike<string | number>, predicted: ArrayLike<string | number>): number {
  const c = contingency(truth, predicted);
  if (c.n === 0) return 1;
  // scikit-learn's conventions: two single-cluster partitions agree perfectly; otherwise no shared information is 0
  if (c.a.size === 1 && c.b.size === 1) return 1;
  const mi = mutualInformation(c);
  if (mi <= 0) return 0;
  const mean = (entropy(c.a.values(), c.n) + entropy(c.b.values(), c.n)) / 2;
  return Math.min(1, mi / mean);
}

const choose2 = (x: number) => (x * (x - 1)) / 2;

export function adjustedRandIndex(truth: ArrayLike<string | number>, predicted: ArrayLike<string | number>): number {
  const c = contingency(truth, predicted);
  if (c.n < 2) return 1;
  let sumComb = 0;
  for (const nij of c.table.values()) sumComb += choose2(nij);
  let sumA = 0;
  for (const x of c.a.values()) sumA += choose2(x);
  let sumB = 0;
  for (const x of c.b.values()) sumB += choose2(x);
  const expected = (sumA * sumB) / choose2(c.n);
  const max = (sumA + sumB) / 2;
  if (max === expected) return 1; // both partitions trivial in the same way
  return (sumComb - expected) / (max - expected);
}

export function vMeasure(truth: ArrayLike<string | number>, predicted: ArrayLike<string | number>, beta = 1) {
  const c = contingency(truth, predicted);
  if (c.n === 0) return { homogeneity: 1, completeness: 1, v: 1 };
  const ha = entropy(c.a.values(), c.n); // H(C), classes
  const hb = entropy(c.b.values(), c.n); // H(K), clusters
  const mi = mutualInformation(c);
  const homogeneity = ha === 0 ? 1 : mi / ha; // 1 − H(C|K)/H(C)
  const completeness = hb === 0 ? 1 : mi / hb; // 1 − H(K|C)/H(K)
  const v = homogeneity + completeness === 0 ? 0 : ((1 + beta) * homogeneity * completeness) / (beta * homogeneity + completeness);
  return { homogeneity, completeness, v };
}

export function scorePartition(truth: ArrayLike<string | number>, predicted: ArrayLike<string | number>): PartitionScores {
  const { homogeneity, completeness, v } = vMeasure(truth, predicted);
  return { nmi: normalizedMutualInformation(truth, predicted), ari: adjustedRandIndex(truth, predicted), v, homogeneity, completeness };
}
