/** Dense helpers on row-major Float64Arrays. */

/**
 * Eigen-decomposition of a symmetric matrix: Householder reduction to tridiagonal form, then the
 * implicit QL algorithm (tred2 and tql2, as in EISPACK and JAMA). Returns eigenvalues in decreasing
 * order and the matching eigenvectors as the columns of a row-major r×r matrix.
 */
export function symmetricEigen(input: Float64Array, r: number): { values: Float64Array; vectors: Float64Array } {
  const n = r;
  const V: Float64Array[] = [];
  for (let i = 0; i < n; i++) V.push(Float64Array.from(input.subarray(i * n, i * n + n)));
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  if (n > 0) {
    tred2(V, d, e, n);
    tql2(V, d, e, n);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => d[y] - d[x] || x - y);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = d[src];
    for (let k = 0; k < n; k++) vectors[k * n + dst] = V[k][src];
  });
  return { values, vectors };
}

function tred2(V: Float64Array[], d: Float64Array, e: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) d[j] = V[n - 1][j];
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = V[i - 1][j];
        V[i][j] = 0;
        V[j][i] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      let f = d[i - 1];
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j];
        V[j][i] = f;
        g = e[j] + V[j][j] * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += V[k][j] * d[k];
          e[k] += V[k][j] * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        f = d[j];
        g = e[j];
        for (let k = j; k <= i - 1; k++) V[k][j] -= f * e[k] + g * d[k];
        d[j] = V[i - 1][j];
        V[i][j] = 0;
      }
    }
    d[i] = h;
  }
  for (let i = 0; i < n - 1; i++) {
    V[n - 1][i] = V[i][i];
    V[i][i] = 1;
    const h = d[i + 1];
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = V[k][i + 1] / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += V[k][i + 1] * V[k][j];
        for (let k = 0; k <= i; k++) V[k][j] -= g * d[k];
      }
    }
    for (let k = 0; k <= i; k++) V[k][i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = V[n - 1][j];
    V[n - 1][j] = 0;
  }
  V[n - 1][n - 1] = 1;
  e[0] = 0;
}

function tql2(V: Float64Array[], d: Float64Array, e: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = Math.pow(2, -52);
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n) {
      if (Math.abs(e[m]) <= eps * tst1) break;
      m++;
    }
    if (m > l) {
      for (let iter = 0; iter < 1000; iter++) {
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = Math.hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          for (let k = 0; k < n; k++) {
            h = V[k][i + 1];
            V[k][i + 1] = s * V[k][i] + c * h;
            V[k][i] = c * V[k][i] - s * h;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
        if (!(Math.abs(e[l]) > eps * tst1)) break;
      }
    }
    d[l] += f;
    e[l] = 0;
  }
}

/** Gram matrix YᵀY of an n×c row-major matrix (c×c, symmetric); rows taken four at a time. */
export function gram(y: Float64Array, n: number, c: number): Float64Array {
  const g = new Float64Array(c * c);
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const o0 = i * c, o1 = o0 + c, o2 = o1 + c, o3 = o2 + c;
    for (let a = 0; a < c; a++) {
      const y0 = y[o0 + a], y1 = y[o1 + a], y2 = y[o2 + a], y3 = y[o3 + a];
      const ga = a * c;
      for (let b = a; b < c; b++) g[ga + b] += y0 * y[o0 + b] + y1 * y[o1 + b] + y2 * y[o2 + b] + y3 * y[o3 + b];
    }
  }
  for (; i < n; i++) {
    const o = i * c;
    for (let a = 0; a < c; a++) {
      const ya = y[o + a];
      const ga = a * c;
      for (let b = a; b < c; b++) g[ga + b] += ya * y[o + b];
    }
  }
  for (let a = 0; a < c; a++) for (let b = 0; b < a; b++) g[a * c + b] = g[b * c + a];
  return g;
}

/** Y (n×c) times T (c×r): n×r; columns of Y taken four at a time. */
export function multiply(y: Float64Array, n: number, c: number, t: Float64Array, r: number): Float64Array {
  const out = new Float64Array(n * r);
  for (let i = 0; i < n; i++) {
    const o = i * c;
    const q = i * r;
    let a = 0;
    for (; a + 3 < c; a += 4) {
      const y0 = y[o + a], y1 = y[o + a + 1], y2 = y[o + a + 2], y3 = y[o + a + 3];
      const t0 = a * r, t1 = t0 + r, t2 = t1 + r, t3 = t2 + r;
      for (let b = 0; b < r; b++) out[q + b] += y0 * t[t0 + b] + y1 * t[t1 + b] + y2 * t[t2 + b] + y3 * t[t3 + b];
    }
    for (; a < c; a++) {
      const ya = y[o + a];
      const ta = a * r;
      for (let b = 0; b < r; b++) out[q + b] += ya * t[ta + b];
    }
  }
  return out;
}

/**
 * An orthonormal basis of the column space of Y (n×c), by the eigen-decomposition of YᵀY, done
 * twice by default for accuracy; directions with no energy are dropped. Returns the basis and its width.
 */
export function orthonormalize(y: Float64Array, n: number, c: number, passes = 2): { q: Float64Array; width: number } {
  let cur = y;
  let width = c;
  for (let pass = 0; pass < passes; pass++) {
    const g = gram(cur, n, width);
    const { values, vectors } = symmetricEigen(g, width);
    const top = values[0] ?? 0;
    let r = 0;
    while (r < width && values[r] > Math.max(top * 1e-12, 1e-300)) r++;
    const t = new Float64Array(width * r);
    for (let a = 0; a < width; a++) for (let b = 0; b < r; b++) t[a * r + b] = vectors[a * width + b] / Math.sqrt(values[b]);
    cur = multiply(cur, n, width, t, r);
    width = r;
  }
  return { q: cur, width };
}
