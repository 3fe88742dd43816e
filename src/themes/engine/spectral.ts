/**
 * Spectral clustering on a nearest-neighbour graph (Ng, Jordan & Weiss 2001): each text is linked
 * to its nearest neighbours in the latent space, the graph's normalised affinity D^-1/2·W·D^-1/2
 * gives its leading eigenvectors (Lanczos), whose rows, L2-normalised, are clustered by k-means.
 * Groups that are chains of similar texts rather than balls around a centre (a theme whose texts
 * each share words with a few others, not all with one centre) are found where k-means on the
 * latent vectors cuts them. Memory O(n·neighbours + n·steps).
 */
import { dot, type Points } from "./cluster";
import { symmetricEigen } from "./linalg";
import type { Progress, Stage } from "./progress";
import type { Random } from "./random";
import type { Csr } from "./vectorize";

export interface GraphOptions {
  /** Neighbours per text (default 25, at most n − 1: the number leave-one-corpus-out picks among 10, 25 and 40). */
  neighbours?: number;
  /** Edge weights: "cosine" (clipped at 0), "local" (Zelnik-Manor & Perona's self-tuning scale), "snn" (shared neighbours) (default "cosine"). */
  weighting?: "cosine" | "local" | "snn";
  /** Keep an edge when either end has the other among its neighbours ("union", default) or both ("mutual"). */
  symmetry?: "union" | "mutual";
}

/** A symmetric sparse graph on `rows` (indices into the rows, not the points), CSR form. */
export interface Graph {
  n: number;
  indptr: Int32Array;
  indices: Int32Array;
  weights: Float64Array;
}

const NEIGHBOURS = 25;
export type Tracker = { tracker: Progress; stage: Stage; from: number; to: number };

/**
 * The k nearest neighbours of each row by cosine (exact, in blocks: n²·d / 2 multiply-adds), as a
 * symmetric weighted graph.
 */
export async function neighbourGraph(points: Points, rows: Int32Array, options: GraphOptions = {}, progress?: Tracker): Promise<Graph> {
  const { x, d } = points;
  const n = rows.length;
  const k = Math.max(1, Math.min(n - 1, options.neighbours ?? NEIGHBOURS));
  if (n <= 1) return { n, indptr: new Int32Array(n + 1), indices: new Int32Array(0), weights: new Float64Array(0) };
  // top-k similarities per row, kept sorted (descending) by insertion
  const nbr = new Int32Array(n * k).fill(-1);
  const sim = new Float64Array(n * k).fill(-Infinity);
  const insert = (i: number, j: number, s: number) => {
    const o = i * k;
    if (s <= sim[o + k - 1]) return;
    let p = k - 1;
    while (p > 0 && sim[o + p - 1] < s) {
      sim[o + p] = sim[o + p - 1];
      nbr[o + p] = nbr[o + p - 1];
      p--;
    }
    sim[o + p] = s;
    nbr[o + p] = j;
  };
  for (let i = 0; i < n; i++) {
    const xi = rows[i] * d;
    for (let j = i + 1; j < n; j++) {
      const s = dot(x, xi, x, rows[j] * d, d);
      if (s > sim[i * k + k - 1]) insert(i, j, s);
      if (s > sim[j * k + k - 1]) insert(j, i, s);
    }
    if (progress && (i & 63) === 0) await progress.tracker.at(progress.stage, progress.from + ((progress.to - progress.from) * (1 - ((n - i) / n) ** 2)));
  }
  return symmetrise(n, k, nbr, sim, options);
}

/**
 * The same graph from sparse rows (TF-IDF), by cosine through an inverted index (term → rows):
 * each row's similarities to all others in one pass over the rows sharing its terms.
 */
export async function sparseNeighbourGraph(a: Csr, rows: Int32Array, options: GraphOptions = {}, progress?: Tracker): Promise<Graph> {
  const n = rows.length;
  const k = Math.max(1, Math.min(n - 1, options.neighbours ?? NEIGHBOURS));
  if (n <= 1) return { n, indptr: new Int32Array(n + 1), indices: new Int32Array(0), weights: new Float64Array(0) };
  const { nbr, sim } = await sparseNearestNeighbours(a, rows, k, progress);
  return symmetrise(n, k, nbr, sim, options);
}

/** Each row's k nearest neighbours among `rows`, by cosine: indices into `rows` (−1 when fewer share a term), most similar first. */
export interface Neighbours {
  k: number;
  nbr: Int32Array;
  sim: Float64Array;
}

/**
 * The k nearest neighbours of each of `rows` among them, by the cosine of their sparse rows: exact,
 * through an inverted index (only rows sharing a term are compared); ties go to the lower index.
 */
export async function sparseNearestNeighbours(a: Csr, rows: Int32Array, k: number, progress?: Tracker): Promise<Neighbours> {
  const n = rows.length;
  const norm = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let p = a.indptr[rows[r]]; p < a.indptr[rows[r] + 1]; p++) s += a.values[p] ** 2;
    norm[r] = s > 0 ? 1 / Math.sqrt(s) : 0;
  }
  const colptr = new Int32Array(a.cols + 1);
  for (const i of rows) for (let p = a.indptr[i]; p < a.indptr[i + 1]; p++) colptr[a.indices[p] + 1]++;
  for (let j = 0; j < a.cols; j++) colptr[j + 1] += colptr[j];
  const rowOf = new Int32Array(colptr[a.cols]);
  const valOf = new Float64Array(colptr[a.cols]);
  const fill = colptr.slice(0, a.cols);
  rows.forEach((i, r) => {
    for (let p = a.indptr[i]; p < a.indptr[i + 1]; p++) {
      const j = a.indices[p];
      rowOf[fill[j]] = r;
      valOf[fill[j]++] = a.values[p] * norm[r];
    }
  });
  const nbr = new Int32Array(n * k).fill(-1);
  const sim = new Float64Array(n * k).fill(-Infinity);
  const acc = new Float64Array(n);
  const touched = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    if (progress && (r & 31) === 0) await progress.tracker.at(progress.stage, progress.from + ((progress.to - progress.from) * r) / n);
    const i = rows[r];
    let t = 0;
    for (let p = a.indptr[i]; p < a.indptr[i + 1]; p++) {
      const j = a.indices[p];
      const w = a.values[p] * norm[r];
      for (let q = colptr[j]; q < colptr[j + 1]; q++) {
        const o = rowOf[q];
        if (o === r) continue;
        if (acc[o] === 0) touched[t++] = o;
        acc[o] += w * valOf[q];
      }
    }
    for (let x = 0; x < t; x++) {
      const o = touched[x];
      const s = acc[o];
      acc[o] = 0;
      if (s > sim[r * k + k - 1]) {
        let p = k - 1;
        while (p > 0 && (sim[r * k + p - 1] < s || (sim[r * k + p - 1] === s && nbr[r * k + p - 1] > o))) {
          sim[r * k + p] = sim[r * k + p - 1];
          nbr[r * k + p] = nbr[r * k + p - 1];
          p--;
        }
        sim[r * k + p] = s;
        nbr[r * k + p] = o;
      }
    }
  }
  return { k, nbr, sim };
}

function symmetrise(n: number, k: number, nbr: Int32Array, sim: Float64Array, options: GraphOptions): Graph {
  const weighting = options.weighting ?? "cosine";
  const mutual = options.symmetry === "mutual";
  // local scale: distance to the 7th neighbour (or the last one kept)
  const sigma = new Float64Array(n);
  const dist = (s: number) => Math.sqrt(Math.max(0, 2 - 2 * s));
  for (let i = 0; i < n; i++) sigma[i] = Math.max(1e-6, dist(sim[i * k + Math.min(k, 7) - 1]));
  const has = (i: number, j: number) => {
    for (let p = i * k; p < i * k + k; p++) if (nbr[p] === j) return true;
    return false;
  };
  const shared = (i: number, j: number) => {
    let c = 0;
    for (let p = i * k; p < i * k + k; p++) if (nbr[p] >= 0 && (nbr[p] === j || has(j, nbr[p]))) c++;
    return c;
  };
  const weight = (i: number, j: number, s: number) =>
    weighting === "local" ? Math.exp(-(dist(s) ** 2) / (sigma[i] * sigma[j])) : weighting === "snn" ? (shared(i, j) + shared(j, i)) / (2 * k) : Math.max(0, s);
  // edges (i, j) with i < j, once
  const edges = new Map<number, number>();
  for (let i = 0; i < n; i++)
    for (let p = i * k; p < i * k + k; p++) {
      const j = nbr[p];
      if (j < 0) continue;
      if (mutual && !has(j, i)) continue;
      const [a, b] = i < j ? [i, j] : [j, i];
      const key = a * n + b;
      if (!edges.has(key)) edges.set(key, weight(i, j, sim[p]));
    }
  const degree = new Int32Array(n + 1);
  for (const key of edges.keys()) {
    degree[Math.floor(key / n) + 1]++;
    degree[(key % n) + 1]++;
  }
  for (let i = 0; i < n; i++) degree[i + 1] += degree[i];
  const indices = new Int32Array(degree[n]);
  const weights = new Float64Array(degree[n]);
  const fill = degree.slice(0, n);
  const sorted = [...edges.entries()].sort((a, b) => a[0] - b[0]);
  for (const [key, w] of sorted) {
    const a = Math.floor(key / n);
    const b = key % n;
    indices[fill[a]] = b;
    weights[fill[a]++] = w;
    indices[fill[b]] = a;
    weights[fill[b]++] = w;
  }
  return { n, indptr: degree, indices, weights };
}

/**
 * The `dims` leading eigenvectors of the normalised affinity D^-1/2·W·D^-1/2 (a text with no edge
 * keeps a zero row), by Lanczos with full reorthogonalisation (2·dims + 40 steps), as an n×dims
 * row-major matrix, with the eigenvalues, decreasing. `leadingRows` takes the first k of them with
 * rows L2-normalised: the points k-means clusters (Ng–Jordan–Weiss).
 */
export async function spectralEmbedding(graph: Graph, dims: number, random: Random, progress?: Tracker): Promise<Embedding> {
  const { n, indptr, indices, weights } = graph;
  const deg = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let p = indptr[i]; p < indptr[i + 1]; p++) deg[i] += weights[p];
  const inv = Float64Array.from(deg, (v) => (v > 0 ? 1 / Math.sqrt(v) : 0));
  const apply = (v: Float64Array, out: Float64Array) => {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let p = indptr[i]; p < indptr[i + 1]; p++) s += weights[p] * inv[indices[p]] * v[indices[p]];
      out[i] = inv[i] * s;
    }
  };
  const want = Math.max(1, Math.min(dims, n));
  const m = Math.min(n, 2 * want + 40);
  const Q: Float64Array[] = [];
  const alpha = new Float64Array(m);
  const beta = new Float64Array(m);
  let q = new Float64Array(n);
  for (let i = 0; i < n; i++) q[i] = random.gaussian();
  normalise(q);
  const w = new Float64Array(n);
  let count = 0;
  for (let j = 0; j < m; j++) {
    Q.push(q);
    count++;
    apply(q, w);
    alpha[j] = dotv(w, q);
    // full reorthogonalisation, twice
    for (let pass = 0; pass < 2; pass++)
      for (const v of Q) {
        const c = dotv(w, v);
        for (let i = 0; i < n; i++) w[i] -= c * v[i];
      }
    let b = Math.sqrt(dotv(w, w));
    if (j === m - 1) break;
    if (b < 1e-10) {
      // invariant subspace: continue with a fresh random direction orthogonal to the others
      for (let i = 0; i < n; i++) w[i] = random.gaussian();
      for (let pass = 0; pass < 2; pass++)
        for (const v of Q) {
          const c = dotv(w, v);
          for (let i = 0; i < n; i++) w[i] -= c * v[i];
        }
      const norm = Math.sqrt(dotv(w, w));
      if (norm < 1e-10) break;
      b = 0;
      for (let i = 0; i < n; i++) w[i] /= norm;
      q = Float64Array.from(w);
    } else {
      q = new Float64Array(n);
      for (let i = 0; i < n; i++) q[i] = w[i] / b;
    }
    beta[j] = b;
    if (progress && (j & 3) === 0) await progress.tracker.at(progress.stage, progress.from + ((progress.to - progress.from) * j) / m);
  }
  // Rayleigh–Ritz: T = Qᵀ·M·Q is tridiagonal
  const t = new Float64Array(count * count);
  for (let j = 0; j < count; j++) {
    t[j * count + j] = alpha[j];
    if (j + 1 < count) t[j * count + j + 1] = t[(j + 1) * count + j] = beta[j];
  }
  const eig = symmetricEigen(t, count);
  const r = Math.min(want, count);
  const x = new Float64Array(n * r);
  for (let j = 0; j < count; j++) {
    const v = Q[j];
    for (let b = 0; b < r; b++) {
      const c = eig.vectors[j * count + b];
      if (c === 0) continue;
      for (let i = 0; i < n; i++) x[i * r + b] += c * v[i];
    }
  }
  return { x, values: eig.values.slice(0, r), dims: r };
}

export interface Embedding {
  /** n×dims, row-major: column b is the b-th eigenvector. */
  x: Float64Array;
  values: Float64Array;
  dims: number;
}

/** The first k eigenvectors of an embedding, rows L2-normalised (a row of zeros stays zero): n×k. */
export function leadingRows(e: Embedding, n: number, k: number): Float64Array {
  const r = Math.min(k, e.dims);
  const out = new Float64Array(n * r);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let b = 0; b < r; b++) s += e.x[i * e.dims + b] ** 2;
    const f = s > 1e-24 ? 1 / Math.sqrt(s) : 0;
    for (let b = 0; b < r; b++) out[i * r + b] = e.x[i * e.dims + b] * f;
  }
  return out;
}

function dotv(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function normalise(v: Float64Array): void {
  const s = Math.sqrt(dotv(v, v));
  if (s > 0) for (let i = 0; i < v.length; i++) v[i] /= s;
}
