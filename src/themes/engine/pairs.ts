/**
 * Likely duplicates: the pairs of texts whose TF-IDF vectors (words and pairs of neighbouring
 * words, French analysis as for themes) have a cosine above a threshold, most similar first.
 * Pure: texts in, pairs out.
 *
 * The cosine of every pair is exact, computed as a sparse product X·Xᵀ one row at a time through
 * an inverted index (term → texts holding it), with a dense accumulator: the work is the sum over
 * terms of their document frequency squared, a few million operations for a few thousand ideas.
 */
import { Progress } from "./progress";
import { Analyzer, type AnalyzerOptions } from "./tokenize";
import { vectorize, type VectorizeOptions } from "./vectorize";

export interface PairInput {
  id: string;
  title?: string;
  text: string;
}

export interface SimilarPair {
  /** The ids of the two texts, in input order (a before b). */
  a: string;
  b: string;
  /** Cosine of their TF-IDF vectors, in [0, 1]. */
  similarity: number;
}

export interface PairOptions {
  /** Pairs below this cosine are left out (default 0.5). */
  threshold?: number;
  /** At most this many pairs, the most similar (default 200). */
  limit?: number;
  analyzer?: AnalyzerOptions;
  /** Merged over the defaults for duplicates: words and pairs, every word kept (minDf 1, maxDf 1), unit rows. */
  vectorize?: VectorizeOptions;
}

export async function similarPairs(docs: readonly PairInput[], options: PairOptions = {}): Promise<SimilarPair[]> {
  const n = docs.length;
  if (n < 2) return [];
  const threshold = options.threshold ?? 0.5;
  const limit = Math.max(0, options.limit ?? 200);
  // Words seen in one text only still count in its norm: a long text sharing a few words is not a duplicate.
  const v = await vectorize(
    docs.map((d) => ({ title: d.title, text: d.text })),
    new Analyzer(options.analyzer),
    { ngram: 2, minDf: 1, maxDf: 1, normPower: 1, ...options.vectorize },
    new Progress(),
  );
  const { indptr, indices, values, cols } = v.tfidf;

  // inverted index, in CSC form: for each term, the texts holding it (increasing) and their weights
  const colptr = new Int32Array(cols + 1);
  for (let p = 0; p < indices.length; p++) colptr[indices[p] + 1]++;
  for (let j = 0; j < cols; j++) colptr[j + 1] += colptr[j];
  const rowsOf = new Int32Array(indices.length);
  const valsOf = new Float64Array(indices.length);
  const fill = colptr.slice(0, cols);
  for (let i = 0; i < n; i++) {
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const j = indices[p];
      rowsOf[fill[j]] = i;
      valsOf[fill[j]++] = values[p];
    }
  }

  const acc = new Float64Array(n);
  const touched = new Int32Array(n);
  const found: { i: number; k: number; s: number }[] = [];
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const j = indices[p];
      const w = values[p];
      // texts after i only: each pair once
      for (let q = colptr[j + 1] - 1; q >= colptr[j] && rowsOf[q] > i; q--) {
        const k = rowsOf[q];
        if (acc[k] === 0) touched[t++] = k;
        acc[k] += w * valsOf[q];
      }
    }
    for (let x = 0; x < t; x++) {
      const k = touched[x];
      const s = Math.min(1, acc[k]);
      if (s >= threshold) found.push({ i, k, s });
      acc[k] = 0;
    }
  }
  found.sort((x, y) => y.s - x.s || x.i - y.i || x.k - y.k);
  return found.slice(0, limit).map(({ i, k, s }) => ({ a: docs[i].id, b: docs[k].id, similarity: s }));
}
