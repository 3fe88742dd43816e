/**
 * A theme's most representative texts: the members closest to the theme's centroid (the mean of
 * their unit TF-IDF vectors: words and pairs of words, French analysis as for themes), by cosine.
 * Pure: texts in, ordered indexes out. Used after every curation act (a move, a merge, a split)
 * so that the ideas shown for a theme are always drawn from its current members.
 */
import { Progress } from "./progress";
import { Analyzer } from "./tokenize";
import { vectorize, type InputText } from "./vectorize";

export interface Representative {
  /** Index of the text in the input. */
  index: number;
  /** Cosine between the text's vector and the centroid's direction, in [0, 1]. */
  similarity: number;
}

/** Every member ranked by closeness to the centroid, closest first (ties: input order). */
export async function rankByCentrality(texts: readonly InputText[]): Promise<Representative[]> {
  const n = texts.length;
  if (n === 0) return [];
  if (n === 1) return [{ index: 0, similarity: 1 }];
  // every word counts (a theme of a few ideas has few repeated ones); rows of unit length
  const v = await vectorize(texts, new Analyzer(), { ngram: 2, minDf: 1, maxDf: 1, normPower: 1 }, new Progress());
  const { indptr, indices, values, cols } = v.tfidf;
  const centroid = new Float64Array(cols);
  for (let i = 0; i < n; i++) for (let p = indptr[i]; p < indptr[i + 1]; p++) centroid[indices[p]] += values[p] / n;
  let norm = 0;
  for (let j = 0; j < cols; j++) norm += centroid[j] * centroid[j];
  norm = Math.sqrt(norm) || 1;
  const ranked: Representative[] = [];
  for (let i = 0; i < n; i++) {
    let dot = 0;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) dot += values[p] * centroid[indices[p]];
    ranked.push({ index: i, similarity: dot / norm });
  }
  return ranked.sort((a, b) => b.similarity - a.similarity || a.index - b.index);
}
