import { gram, multiply, orthonormalize, symmetricEigen } from "./linalg";
import type { Progress } from "./progress";
import type { Random } from "./random";
import type { Csr } from "./vectorize";

export interface ReduceOptions {
  /** Number of latent dimensions, or "auto": 2·√n, within 20–100 (see `autoDimensions`) (default 100). */
  dimensions?: number | "auto";
  /** Extra random directions (default 10). */
  oversample?: number;
  /** Power iterations (default 3). */
  powerIterations?: number;
  /** Document coordinates are U·S^weighting (1 = classic LSA, 0 = U only). Default 1. */
  singularValueWeighting?: number;
  /** Leading components left out of the document coordinates (default 0). */
  dropLeading?: number;
}

export interface Reduced {
  /** n×dims row-major, rows L2-normalised (zero rows stay zero). */
  x: Float64Array;
  n: number;
  dims: number;
  singularValues: Float64Array;
}

/** Latent dimensions for n texts when they are chosen from the collection's size: 2·√n, within 20–100. */
export function autoDimensions(n: number): number {
  return Math.max(20, Math.min(100, Math.round(2 * Math.sqrt(n))));
}

/** Y = A·W for sparse A (n×m) and dense W (m×c); non-zeros taken two at a time. */
function sparseTimesDense(a: Csr, w: Float64Array, c: number): Float64Array {
  const y = new Float64Array(a.rows * c);
  const { indptr, indices, values } = a;
  for (let i = 0; i < a.rows; i++) {
    const o = i * c;
    let p = indptr[i];
    const end = indptr[i + 1];
    for (; p + 1 < end; p += 2) {
      const v0 = values[p], v1 = values[p + 1];
      const w0 = indices[p] * c, w1 = indices[p + 1] * c;
      for (let b = 0; b < c; b++) y[o + b] += v0 * w[w0 + b] + v1 * w[w1 + b];
    }
    if (p < end) {
      const v = values[p];
      const wo = indices[p] * c;
      for (let b = 0; b < c; b++) y[o + b] += v * w[wo + b];
    }
  }
  return y;
}

/** Z = Aᵀ·Y for sparse A (n×m) and dense Y (n×c): m×c. */
function sparseTransposeTimesDense(a: Csr, y: Float64Array, c: number): Float64Array {
  const z = new Float64Array(a.cols * c);
  const { indptr, indices, values } = a;
  for (let i = 0; i < a.rows; i++) {
    const o = i * c;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const v = values[p];
      const zo = indices[p] * c;
      for (let b = 0; b < c; b++) z[zo + b] += v * y[o + b];
    }
  }
  return z;
}

/**
 * Latent semantic analysis: a randomised truncated SVD of the sparse TF-IDF matrix A (n×m), after
 * Halko, Martinsson & Tropp (2011): a random start in the term space, power iterations V ← orth(AᵀA·V)
 * (orthonormalised on the term side at each step), then Rayleigh–Ritz on C = A·V: the eigenvectors W
 * of CᵀC give the singular values and document coordinates U·S = C·W, which are L2-normalised.
 */
export async function reduce(a: Csr, random: Random, options: ReduceOptions, progress: Progress): Promise<Reduced> {
  const n = a.rows;
  const m = a.cols;
  const dimensions = options.dimensions === "auto" ? autoDimensions(n) : (options.dimensions ?? 100);
  const want = Math.max(1, Math.min(dimensions, n, m));
  const l = Math.min(want + (options.oversample ?? 10), n, m);
  const q = options.powerIterations ?? 3;
  const alpha = options.singularValueWeighting ?? 1;
  const empty = (): Reduced => ({ x: new Float64Array(n), n, dims: 1, singularValues: new Float64Array(1) });
  if (n === 0 || m === 0 || l === 0) return empty();
  const steps = q + 2;
  let step = 0;
  const tick = () => progress.at("reduce", ++step / steps);

  const omega = new Float64Array(n * l);
  for (let i = 0; i < omega.length; i++) omega[i] = random.gaussian();
  let { q: v, width } = refill(orthonormalize(sparseTransposeTimesDense(a, omega, l), m, l, q > 0 ? 1 : 2), m, l, random);
  await tick();
  for (let it = 0; it < q && width > 0; it++) {
    const z = sparseTransposeTimesDense(a, sparseTimesDense(a, v, width), width);
    ({ q: v, width } = refill(orthonormalize(z, m, width, it === q - 1 ? 2 : 1), m, l, random));
    await tick();
  }
  if (width === 0) return empty();
  const c = sparseTimesDense(a, v, width); // n×width
  const { values, vectors } = symmetricEigen(gram(c, n, width), width);
  let dims = 0;
  while (dims < Math.min(want, width) && values[dims] > Math.max(values[0] * 1e-12, 1e-300)) dims++;
  if (dims === 0) return empty();
  const s = new Float64Array(dims);
  const t = new Float64Array(width * dims); // W·S^(alpha−1): C·W = U·S
  for (let b = 0; b < dims; b++) s[b] = Math.sqrt(values[b]);
  for (let r = 0; r < width; r++) for (let b = 0; b < dims; b++) t[r * dims + b] = vectors[r * width + b] * Math.pow(s[b], alpha - 1);
  for (let r = 0; r < width; r++) for (let b = 0; b < Math.min(dims, options.dropLeading ?? 0); b++) t[r * dims + b] = 0;
  const x = multiply(c, n, width, t, dims);
  await tick();
  normalizeRows(x, n, dims);
  return { x, n, dims, singularValues: s };
}

/**
 * Power iterations shrink weak directions geometrically; when some vanish below the precision of the
 * orthonormalisation, they are replaced by fresh random directions orthogonal to the others, so the
 * basis keeps its width (they are pulled towards the next singular directions at the next step).
 */
function refill(basis: { q: Float64Array; width: number }, m: number, target: number, random: Random): { q: Float64Array; width: number } {
  const { q, width } = basis;
  const missing = Math.min(target, m) - width;
  if (missing <= 0 || width === 0) return basis;
  const g = new Float64Array(m * missing);
  for (let i = 0; i < g.length; i++) g[i] = random.gaussian();
  for (let pass = 0; pass < 2; pass++) {
    // g ← g − Q·(Qᵀ·g)
    const proj = new Float64Array(width * missing);
    for (let i = 0; i < m; i++)
      for (let a = 0; a < width; a++) {
        const qa = q[i * width + a];
        for (let b = 0; b < missing; b++) proj[a * missing + b] += qa * g[i * missing + b];
      }
    const back = multiply(q, m, width, proj, missing);
    for (let i = 0; i < g.length; i++) g[i] -= back[i];
  }
  const extra = orthonormalize(g, m, missing);
  const w = width + extra.width;
  const out = new Float64Array(m * w);
  for (let i = 0; i < m; i++) {
    out.set(q.subarray(i * width, i * width + width), i * w);
    out.set(extra.q.subarray(i * extra.width, i * extra.width + extra.width), i * w + width);
  }
  return { q: out, width: w };
}

export function normalizeRows(x: Float64Array, n: number, d: number): void {
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let b = 0; b < d; b++) s += x[i * d + b] * x[i * d + b];
    if (s > 1e-24) {
      const inv = 1 / Math.sqrt(s);
      for (let b = 0; b < d; b++) x[i * d + b] *= inv;
    } else for (let b = 0; b < d; b++) x[i * d + b] = 0;
  }
}
