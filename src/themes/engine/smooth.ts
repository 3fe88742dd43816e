/**
 * Smoothing by neighbours: each idea's latent vector is pulled towards those of the ideas that share
 * the most words with it (its nearest neighbours by the cosine of their TF-IDF rows):
 * x′ = x + weight · mean(x of its neighbours), L2-normalised. A short text says little on its own;
 * its neighbours say what it is about, so k-means then groups ideas by their surroundings as well as
 * by their own words. Leave-one-corpus-out picks it (`npm run bench:themes -- --loco`).
 * Rows are unit vectors (or zero); only `rows` are smoothed, and only from one another; a row that
 * its neighbours would cancel out keeps its own vector.
 */
import { sparseNearestNeighbours, type Neighbours, type Tracker } from "./spectral";
import type { Csr } from "./vectorize";

export interface Smoothing {
  /** Neighbours per idea (0: no smoothing), at most √n of the n ideas smoothed unless `cap` is "none" (`neighboursFor`). */
  neighbours: number;
  /** Weight of the neighbours' mean against the idea's own vector. */
  weight: number;
  cap?: "sqrt" | "none";
}

/**
 * Neighbours used among n ideas: those asked, but at most √n — the size of an average theme when
 * there are √n of them, the most the engine proposes — so that a small collection is not smoothed
 * across its themes (30 ideas: 5 neighbours; 20 from 400 ideas on).
 */
export function neighboursFor(asked: number, n: number, cap: "sqrt" | "none" = "sqrt"): number {
  return Math.max(0, Math.min(Math.floor(asked), cap === "sqrt" ? Math.floor(Math.sqrt(n)) : n, n - 1));
}

export async function smoothByNeighbours(x: Float64Array, d: number, tfidf: Csr, rows: Int32Array, smoothing: Smoothing, progress?: Tracker): Promise<Float64Array> {
  const k = neighboursFor(smoothing.neighbours, rows.length, smoothing.cap);
  if (k < 1 || !(smoothing.weight > 0)) return x;
  return pullTowardsNeighbours(x, d, rows, await sparseNearestNeighbours(tfidf, rows, k, progress), smoothing);
}

/** The smoothing with neighbour lists already found (the first `smoothing.neighbours` of each list are used). */
export function pullTowardsNeighbours(x: Float64Array, d: number, rows: Int32Array, found: Neighbours, smoothing: Smoothing): Float64Array {
  const k = Math.min(found.k, neighboursFor(smoothing.neighbours, rows.length, smoothing.cap));
  if (k < 1 || !(smoothing.weight > 0)) return x;
  const { nbr } = found;
  const y = x.slice();
  const mean = new Float64Array(d);
  for (let r = 0; r < rows.length; r++) {
    mean.fill(0);
    let count = 0;
    for (let p = r * found.k; p < r * found.k + k; p++) {
      const o = nbr[p];
      if (o < 0) continue;
      const from = rows[o] * d;
      for (let b = 0; b < d; b++) mean[b] += x[from + b];
      count++;
    }
    if (count === 0) continue;
    const at = rows[r] * d;
    let norm = 0;
    for (let b = 0; b < d; b++) {
      mean[b] = x[at + b] + (smoothing.weight * mean[b]) / count;
      norm += mean[b] * mean[b];
    }
    // neighbours exactly opposite would cancel the idea out: it keeps its own vector
    if (norm > 1e-24) {
      const inv = 1 / Math.sqrt(norm);
      for (let b = 0; b < d; b++) y[at + b] = mean[b] * inv;
    }
  }
  return y;
}
