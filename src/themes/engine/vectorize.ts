import type { Progress } from "./progress";
import { Analyzer, looksForeign } from "./tokenize";

/** A sparse matrix in compressed sparse row form. */
export interface Csr {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

export interface VectorizeOptions {
  /** 1 = words, 2 = words and pairs of neighbouring words (default 2). */
  ngram?: 1 | 2;
  /** tf → 1 + ln(tf) (default true); see `tf`, which takes precedence. */
  sublinearTf?: boolean;
  /**
   * Term frequency transform: "log" 1 + ln(tf), "sqrt" √tf, "raw" tf (default "log", or "raw" when
   * sublinearTf is false). "sqrt" and "raw" scale with the counts: with unit rows (normPower 1), a
   * text repeated twice has the same vector as the text once; with "log", it does not.
   */
  tf?: "log" | "sqrt" | "raw";
  /** A term must occur in at least this many texts (default 2; 1 for corpora under 20 texts). */
  minDf?: number;
  /** …and in at most this share of them (default 0.5; not applied under 20 texts). */
  maxDf?: number;
  /** Keep at most this many terms, the most frequent (default 100,000). */
  maxFeatures?: number;
  /** Weight of a title word against a body word (default 2). */
  titleWeight?: number;
  /**
   * Rows are divided by ‖row‖^normPower (default 1: unit rows). 0 keeps raw TF-IDF, as classic LSA:
   * texts with more content weigh more in the latent topics (the reduced vectors are normalised anyway).
   */
  normPower?: number;
  /** Weight of a word pair against a word (default 1). */
  pairWeight?: number;
  /** idf is raised to this power (default 1). */
  idfPower?: number;
  /** Added to ln((1 + n) / (1 + df)) (default 1, as scikit-learn). */
  idfOffset?: number;
}

export interface InputText {
  title?: string;
  text: string;
}

export interface Vectors {
  /** Terms: a stem key, or two stem keys separated by a space for a pair. */
  terms: string[];
  df: Int32Array;
  idf: Float64Array;
  /** TF-IDF, rows divided by ‖row‖^normPower; an empty row is a text with no usable word. */
  tfidf: Csr;
  /** Weighted occurrence counts, same sparsity as tfidf. */
  counts: Float64Array;
  /** Per text: flagged as probably not French. */
  foreign: Uint8Array;
  /** Time spent analysing the texts (the first pass), in seconds. */
  analyseSeconds: number;
}

export async function vectorize(docs: readonly InputText[], analyzer: Analyzer, options: VectorizeOptions, progress: Progress): Promise<Vectors> {
  const started = performance.now();
  const n = docs.length;
  const ngram = options.ngram ?? 2;
  const tfMode = options.tf ?? ((options.sublinearTf ?? true) ? "log" : "raw");
  const tfOf = tfMode === "log" ? (c: number) => 1 + Math.log(c) : tfMode === "sqrt" ? Math.sqrt : (c: number) => c;
  const small = n < 20;
  const minDf = Math.max(1, options.minDf ?? (small ? 1 : 2));
  const maxDfCount = small ? n : Math.max(minDf, Math.floor((options.maxDf ?? 0.5) * n));
  const maxFeatures = options.maxFeatures ?? 100_000;
  const titleWeight = options.titleWeight ?? 2;

  // pass 1: analyse, intern word keys, count word document frequencies
  const uniIndex = new Map<string, number>();
  const uniKeys: string[] = [];
  let uniDf = new Int32Array(1024);
  const docTokens: Int32Array[] = [];
  const docClauses: Int32Array[] = [];
  const docTitleLen = new Int32Array(n);
  const foreign = new Uint8Array(n);
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    if ((i & 255) === 0) await progress.at("analyse", i / n);
    const parts = docs[i].title ? [analyzer.analyze(docs[i].title!), analyzer.analyze(docs[i].text)] : [analyzer.analyze(docs[i].text)];
    const tokens: number[] = [];
    const clauses: number[] = [];
    let words = 0;
    let markers = 0;
    let clauseBase = 0;
    for (const a of parts) {
      for (let t = 0; t < a.keys.length; t++) {
        let id = uniIndex.get(a.keys[t]);
        if (id === undefined) {
          id = uniKeys.length;
          uniIndex.set(a.keys[t], id);
          uniKeys.push(a.keys[t]);
          if (id >= uniDf.length) {
            const grown = new Int32Array(uniDf.length * 2);
            grown.set(uniDf);
            uniDf = grown;
          }
        }
        tokens.push(id);
        clauses.push(clauseBase + a.clauses[t]);
      }
      clauseBase += (a.clauses.length ? a.clauses[a.clauses.length - 1] : 0) + 1;
      words += a.words;
      markers += a.frenchMarkers;
    }
    docTitleLen[i] = parts.length === 2 ? parts[0].keys.length : 0;
    if (looksForeign({ words, frenchMarkers: markers })) foreign[i] = 1;
    seen.clear();
    for (const id of tokens) {
      if (!seen.has(id)) {
        seen.add(id);
        uniDf[id]++;
      }
    }
    docTokens.push(Int32Array.from(tokens));
    docClauses.push(Int32Array.from(clauses));
  }

  const analyseSeconds = (performance.now() - started) / 1000;

  // pass 2: per-text term counts (words, and pairs of kept words), pair document frequencies
  const U = uniKeys.length;
  const pairIndex = new Map<number, number>();
  const pairOf: number[] = [];
  let pairDf = new Int32Array(1024);
  const docTerms: Int32Array[] = [];
  const docCounts: Float64Array[] = [];
  const local = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if ((i & 511) === 0) await progress.at("vectorise", (0.6 * i) / n);
    local.clear();
    const tokens = docTokens[i];
    const clauses = docClauses[i];
    const tl = docTitleLen[i];
    for (let t = 0; t < tokens.length; t++) {
      const id = tokens[t];
      if (uniDf[id] < minDf) continue;
      const w = t < tl ? titleWeight : 1;
      local.set(id, (local.get(id) ?? 0) + w);
      if (ngram === 2 && t + 1 < tokens.length && clauses[t + 1] === clauses[t] && uniDf[tokens[t + 1]] >= minDf) {
        const code = id * U + tokens[t + 1];
        let pid = pairIndex.get(code);
        if (pid === undefined) {
          pid = pairOf.length;
          pairIndex.set(code, pid);
          pairOf.push(code);
          if (pid >= pairDf.length) {
            const grown = new Int32Array(pairDf.length * 2);
            grown.set(pairDf);
            pairDf = grown;
          }
        }
        const key = U + pid;
        const prev = local.get(key);
        if (prev === undefined) pairDf[pid]++;
        local.set(key, (prev ?? 0) + (t + 1 < tl ? titleWeight : 1));
      }
    }
    const ids = Int32Array.from(local.keys());
    docTerms.push(ids);
    docCounts.push(Float64Array.from(local.values()));
    docTokens[i] = EMPTY; // free as we go
    docClauses[i] = EMPTY;
  }

  // vocabulary: document-frequency bounds, then the most frequent terms
  const dfOf = (id: number) => (id < U ? uniDf[id] : pairDf[id - U]);
  let candidates: number[] = [];
  for (let id = 0; id < U + pairOf.length; id++) {
    const f = dfOf(id);
    if (f >= minDf && f <= maxDfCount) candidates.push(id);
  }
  if (candidates.length > maxFeatures) {
    candidates.sort((a, b) => dfOf(b) - dfOf(a) || a - b);
    candidates = candidates.slice(0, maxFeatures).sort((a, b) => a - b);
  }
  const remap = new Int32Array(U + pairOf.length).fill(-1);
  const terms: string[] = [];
  const df = new Int32Array(candidates.length);
  candidates.forEach((id, j) => {
    remap[id] = j;
    df[j] = dfOf(id);
    if (id < U) terms.push(uniKeys[id]);
    else {
      const code = pairOf[id - U];
      terms.push(`${uniKeys[Math.floor(code / U)]} ${uniKeys[code % U]}`);
    }
  });
  await progress.at("vectorise", 0.7);

  // TF-IDF in CSR form, rows sorted by column
  const m = terms.length;
  const idf = new Float64Array(m);
  const pairWeight = options.pairWeight ?? 1;
  const isPair = Uint8Array.from(terms, (t) => (t.includes(" ") ? 1 : 0));
  for (let j = 0; j < m; j++) idf[j] = Math.pow(Math.log((1 + n) / (1 + df[j])) + (options.idfOffset ?? 1), options.idfPower ?? 1);
  const indptr = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (const id of docTerms[i]) if (remap[id] >= 0) c++;
    indptr[i + 1] = indptr[i] + c;
  }
  const nnz = indptr[n];
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  const counts = new Float64Array(nnz);
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    const ids = docTerms[i];
    const cs = docCounts[i];
    order.length = 0;
    for (let t = 0; t < ids.length; t++) if (remap[ids[t]] >= 0) order.push(t);
    order.sort((a, b) => remap[ids[a]] - remap[ids[b]]);
    let p = indptr[i];
    let norm = 0;
    for (const t of order) {
      const j = remap[ids[t]];
      const c = cs[t];
      const v = tfOf(c) * idf[j] * (isPair[j] ? pairWeight : 1);
      indices[p] = j;
      values[p] = v;
      counts[p] = c;
      norm += v * v;
      p++;
    }
    if (norm > 0) {
      const inv = Math.pow(norm, -(options.normPower ?? 1) / 2);
      for (let q = indptr[i]; q < p; q++) values[q] *= inv;
    }
    docTerms[i] = EMPTY;
  }
  progress.report("vectorise", 1);
  return { terms, df, idf, tfidf: { rows: n, cols: m, indptr, indices, values }, counts, foreign, analyseSeconds };
}

const EMPTY = new Int32Array(0);
