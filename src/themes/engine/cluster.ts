import type { Progress, Stage } from "./progress";
import type { Random } from "./random";

/** Unit-length points, row-major n×d (zero rows are never given to the clustering). */
export interface Points {
  x: Float64Array;
  n: number;
  d: number;
}

export interface KMeansOptions {
  /** Number of free clusters. */
  k: number;
  /** Rows to cluster (default all). */
  rows?: Int32Array;
  /** Clusters whose centroids never move (pinned themes): count×d, unit rows; they come first in the labels. */
  fixed?: Float64Array;
  fixedCount?: number;
  /** Independent k-means++ starts; the best objective wins (default 10). */
  restarts?: number;
  maxIterations?: number;
  /** Weight of each point (indexed like the points, not like rows) in the centroids (default 1). */
  weights?: Float64Array;
  /** Candidates tried for each k-means++ centre (default 2 + ln k, as scikit-learn; 1 = plain k-means++). */
  localTrials?: number;
  /** Start from these free centroids (k×d) instead of k-means++. */
  init?: Float64Array;
  random: Random;
  progress?: { tracker: Progress; stage: Stage; from: number; to: number };
}

export interface KMeansResult {
  /** Free clusters actually found (fewer than asked when there are fewer distinct points). */
  k: number;
  fixedCount: number;
  /** Per clustered row (in the order of rows): cluster index, fixed ones first. */
  labels: Int32Array;
  /** Cosine similarity of each clustered row to its centroid. */
  similarity: Float64Array;
  /** (fixedCount + k)×d, unit rows. */
  centroids: Float64Array;
  /** Sum of similarities (higher is better). */
  objective: number;
  iterations: number;
}

export function dot(x: Float64Array, xo: number, c: Float64Array, co: number, d: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let b = 0;
  for (; b + 3 < d; b += 4) {
    s0 += x[xo + b] * c[co + b];
    s1 += x[xo + b + 1] * c[co + b + 1];
    s2 += x[xo + b + 2] * c[co + b + 2];
    s3 += x[xo + b + 3] * c[co + b + 3];
  }
  for (; b < d; b++) s0 += x[xo + b] * c[co + b];
  return s0 + s1 + (s2 + s3);
}

/**
 * Spherical k-means (cosine similarity, centroids re-normalised), k-means++ seeding with
 * greedy local trials, several restarts, optional fixed centroids.
 */
export async function sphericalKMeans(points: Points, options: KMeansOptions): Promise<KMeansResult> {
  const rows = options.rows ?? Int32Array.from({ length: points.n }, (_, i) => i);
  const restarts = Math.max(1, options.init ? 1 : (options.restarts ?? 10));
  let best: KMeansResult | null = null;
  for (let r = 0; r < restarts; r++) {
    const p = options.progress;
    const sub = p ? { ...p, from: p.from + ((p.to - p.from) * r) / restarts, to: p.from + ((p.to - p.from) * (r + 1)) / restarts } : undefined;
    const res = await lloyd(points, rows, options, sub);
    if (!best || res.objective > best.objective + 1e-9) best = res;
  }
  return best!;
}

/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007) with greedy local trials (as scikit-learn):
 * candidates drawn in proportion to the squared distance to the nearest centre, the one that lowers
 * the potential most is kept. The triangle inequality skips points a candidate cannot get nearer to.
 * Returns null when there is no point at all to seed from, fewer centres when points run out.
 */
function seedPlusPlus(points: Points, rows: Int32Array, k: number, fixed: Float64Array | undefined, fixedCount: number, random: Random, localTrials?: number): Float64Array | null {
  const { x, d } = points;
  const n = rows.length;
  if (n === 0) return null;
  const total = fixedCount + k;
  const centres = new Float64Array(total * d); // fixed ones first, then the chosen ones
  if (fixedCount) centres.set(fixed!.subarray(0, fixedCount * d), 0);
  const sq = new Float64Array(n).fill(4); // squared distance to the nearest centre (4 = farthest possible)
  const nearest = new Int32Array(n).fill(-1);
  const dist = (sim: number) => Math.sqrt(Math.max(0, 2 - 2 * sim));
  let count = 0;
  const candidateSq = new Float64Array(n);
  const toCentre = new Float64Array(total);
  // squared distances if this point became a centre; returns the new potential
  const trial = (p: number, out: Float64Array): number => {
    for (let c = 0; c < count; c++) toCentre[c] = dist(dot(x, rows[p] * d, centres, c * d, d));
    let potential = 0;
    for (let j = 0; j < n; j++) {
      const cur = sq[j];
      if (nearest[j] >= 0 && toCentre[nearest[j]] >= 2 * Math.sqrt(cur)) {
        out[j] = cur;
      } else {
        const v = Math.max(0, 2 - 2 * dot(x, rows[p] * d, x, rows[j] * d, d));
        out[j] = v < cur ? v : cur;
      }
      potential += out[j];
    }
    return potential;
  };
  const adopt = (p: number, newSq: Float64Array) => {
    centres.set(x.subarray(rows[p] * d, rows[p] * d + d), count * d);
    for (let j = 0; j < n; j++)
      if (newSq[j] < sq[j] || nearest[j] < 0) {
        sq[j] = newSq[j];
        nearest[j] = count;
      }
    count++;
  };
  // the fixed centres come first
  for (let f = 0; f < fixedCount; f++) {
    for (let j = 0; j < n; j++) {
      const v = Math.max(0, 2 - 2 * dot(x, rows[j] * d, centres, f * d, d));
      if (nearest[j] < 0 || v < sq[j]) {
        sq[j] = v;
        nearest[j] = f;
      }
    }
    count++;
  }
  const trials = Math.max(1, localTrials ?? 2 + Math.floor(Math.log(k)));
  const bestSq = new Float64Array(n);
  for (let c = 0; c < k; c++) {
    let potential = 0;
    for (let j = 0; j < n; j++) potential += sq[j];
    if (count > 0 && potential <= 1e-12) break; // every point already is a centre
    if (count === 0) {
      const p = random.int(n);
      trial(p, bestSq);
      adopt(p, bestSq);
      continue;
    }
    let bestPotential = Infinity;
    let bestP = -1;
    for (let t = 0; t < trials; t++) {
      let target = random.next() * potential;
      let p = 0;
      for (; p < n - 1; p++) {
        target -= sq[p];
        if (target < 0) break;
      }
      while (sq[p] <= 0 && p > 0) p--;
      const value = trial(p, candidateSq);
      if (value < bestPotential) {
        bestPotential = value;
        bestP = p;
        bestSq.set(candidateSq);
      }
    }
    adopt(bestP, bestSq);
  }
  return centres.slice(fixedCount * d, count * d);
}

/**
 * Lloyd iterations with Elkan's bounds (2003): on the unit sphere ‖x − c‖ = √(2 − 2 x·c), so an upper
 * bound on each point's distance to its centre and a lower bound on its distance to every other
 * centre let most similarity computations be skipped once the centres settle. Exact: the result is
 * that of plain Lloyd iterations.
 */
async function lloyd(points: Points, rows: Int32Array, options: KMeansOptions, progress: KMeansOptions["progress"]): Promise<KMeansResult> {
  const { x, d } = points;
  const n = rows.length;
  const fixedCount = options.fixedCount ?? 0;
  const fixed = options.fixed;
  const maxIter = options.maxIterations ?? 100;
  let k = Math.max(0, Math.min(options.k, n));
  let free = k > 0 ? (options.init ? options.init.slice(0, k * d) : seedPlusPlus(points, rows, k, fixed, fixedCount, options.random, options.localTrials)) : new Float64Array(0);
  if (free === null) free = new Float64Array(0);
  k = free.length / d;
  const K = fixedCount + k;
  const centroids = new Float64Array(K * d);
  if (fixedCount) centroids.set(fixed!.subarray(0, fixedCount * d), 0);
  centroids.set(free, fixedCount * d);
  const labels = new Int32Array(n).fill(-1);
  const similarity = new Float64Array(n);
  if (K === 0) return { k, fixedCount, labels, similarity, centroids, objective: 0, iterations: 0 };
  const dist = (sim: number) => Math.sqrt(Math.max(0, 2 - 2 * sim));
  const upper = new Float64Array(n);
  const lower = new Float64Array(n * K); // lower[i·K + c] ≤ ‖x_i − c‖
  const cc = new Float64Array(K * K); // distances between centres
  const half = new Float64Array(K); // half the distance to the nearest other centre
  const centreDistances = () => {
    half.fill(Infinity);
    for (let a = 0; a < K; a++)
      for (let b = a + 1; b < K; b++) {
        const v = dist(dot(centroids, a * d, centroids, b * d, d));
        cc[a * K + b] = v;
        cc[b * K + a] = v;
        if (v / 2 < half[a]) half[a] = v / 2;
        if (v / 2 < half[b]) half[b] = v / 2;
      }
  };
  centreDistances();
  for (let i = 0; i < n; i++) {
    const xo = rows[i] * d;
    let best = 0;
    let bestD = Infinity;
    for (let c = 0; c < K; c++) {
      if (c > 0 && cc[best * K + c] >= 2 * bestD) continue; // cannot be nearer
      const v = dist(dot(x, xo, centroids, c * d, d));
      lower[i * K + c] = v;
      if (v < bestD) {
        bestD = v;
        best = c;
      }
    }
    labels[i] = best;
    upper[i] = bestD;
  }
  const sums = new Float64Array(K * d);
  const sizes = new Int32Array(K);
  const old = new Float64Array(K * d);
  const moved = new Float64Array(K);
  let iterations = 0;
  for (let it = 0; it < maxIter; it++) {
    iterations = it + 1;
    // move the free centres to the normalised sums of their points
    old.set(centroids);
    sums.fill(0);
    sizes.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i];
      sizes[c]++;
      if (c < fixedCount) continue;
      const xo = rows[i] * d;
      const so = c * d;
      const w = options.weights ? options.weights[rows[i]] : 1;
      for (let b = 0; b < d; b++) sums[so + b] += w * x[xo + b];
    }
    for (let c = fixedCount; c < K; c++) {
      let norm = 0;
      for (let b = 0; b < d; b++) norm += sums[c * d + b] * sums[c * d + b];
      if (sizes[c] > 0 && norm > 1e-24) {
        const inv = 1 / Math.sqrt(norm);
        for (let b = 0; b < d; b++) centroids[c * d + b] = sums[c * d + b] * inv;
      } else {
        // empty cluster: restart it on the point farthest from its centre
        let worst = -1;
        for (let i = 0; i < n; i++) if (sizes[labels[i]] > 1 && (worst < 0 || upper[i] > upper[worst])) worst = i;
        if (worst >= 0) {
          sizes[labels[worst]]--;
          sizes[c]++;
          labels[worst] = c;
          centroids.set(x.subarray(rows[worst] * d, rows[worst] * d + d), c * d);
          upper[worst] = 0;
        }
      }
    }
    for (let c = 0; c < K; c++) moved[c] = dist(dot(old, c * d, centroids, c * d, d));
    for (let i = 0; i < n; i++) {
      upper[i] += moved[labels[i]];
      const lo = i * K;
      for (let c = 0; c < K; c++) lower[lo + c] = Math.max(0, lower[lo + c] - moved[c]);
    }
    centreDistances();
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let a = labels[i];
      if (upper[i] <= half[a]) continue;
      const xo = rows[i] * d;
      const lo = i * K;
      let tight = false;
      for (let c = 0; c < K; c++) {
        if (c === a || upper[i] <= lower[lo + c] || upper[i] <= cc[a * K + c] / 2) continue;
        if (!tight) {
          upper[i] = dist(dot(x, xo, centroids, a * d, d));
          lower[lo + a] = upper[i];
          tight = true;
          if (upper[i] <= lower[lo + c] || upper[i] <= cc[a * K + c] / 2) continue;
        }
        const v = dist(dot(x, xo, centroids, c * d, d));
        lower[lo + c] = v;
        if (v < upper[i]) {
          a = c;
          upper[i] = v;
        }
      }
      if (a !== labels[i]) {
        labels[i] = a;
        changed++;
      }
    }
    if (progress) await progress.tracker.at(progress.stage, progress.from + ((progress.to - progress.from) * it) / maxIter);
    if (changed === 0) break;
  }
  let objective = 0;
  for (let i = 0; i < n; i++) {
    similarity[i] = dot(x, rows[i] * d, centroids, labels[i] * d, d);
    objective += similarity[i];
  }
  return { k, fixedCount, labels, similarity, centroids, objective, iterations };
}
