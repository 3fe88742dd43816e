import { symmetricEigen } from "./linalg";

/**
 * A 2-D map of the ideas for people to look at: the plane that best spreads the themes' centres
 * (principal components of the centres, each weighted by its theme's size), every idea projected
 * onto it. Ideas of one theme gather around its centre; themes far apart in the latent space tend to
 * be far apart on the map. Coordinates are scaled to [0, 1]. Falls back to the ideas' own principal
 * plane when there are fewer than three themes.
 */
export function layout2d(
  x: Float64Array,
  n: number,
  d: number,
  centres: { vector: ArrayLike<number>; weight: number }[],
): Float64Array {
  const out = new Float64Array(2 * n);
  if (n === 0 || d === 0) return out;
  const useCentres = centres.length >= 3;
  const rows: { v: ArrayLike<number>; w: number }[] = useCentres
    ? centres.map((c) => ({ v: c.vector, w: Math.max(1, c.weight) }))
    : Array.from({ length: n }, (_, i) => ({ v: x.subarray(i * d, i * d + d), w: 1 }));
  const mean = new Float64Array(d);
  let total = 0;
  for (const r of rows) {
    total += r.w;
    for (let a = 0; a < d; a++) mean[a] += r.w * r.v[a];
  }
  for (let a = 0; a < d; a++) mean[a] /= total || 1;
  const cov = new Float64Array(d * d);
  for (const r of rows) {
    for (let a = 0; a < d; a++) {
      const ya = (r.v[a] - mean[a]) * r.w;
      if (ya === 0) continue;
      for (let b = a; b < d; b++) cov[a * d + b] += ya * (r.v[b] - mean[b]);
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) cov[a * d + b] = cov[b * d + a];
  const { vectors } = symmetricEigen(cov, d);
  const axes = Math.min(2, d);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < axes; k++) {
      let s = 0;
      for (let a = 0; a < d; a++) s += (x[i * d + a] - mean[a]) * vectors[a * d + k];
      out[2 * i + k] = s;
    }
  }
  // Scale each axis to [0, 1] (a constant axis sits in the middle).
  for (let k = 0; k < 2; k++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      lo = Math.min(lo, out[2 * i + k]);
      hi = Math.max(hi, out[2 * i + k]);
    }
    const span = hi - lo;
    for (let i = 0; i < n; i++) out[2 * i + k] = span > 1e-12 ? (out[2 * i + k] - lo) / span : 0.5;
  }
  return out;
}
