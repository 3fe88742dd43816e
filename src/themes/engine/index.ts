/**
 * Theme discovery: texts in, themes out. Pure TypeScript (no web, no database), deterministic for a
 * given seed. Pipeline: French analysis (elisions, stop words, Snowball stems) → word and word-pair
 * TF-IDF (√tf, squared smooth idf, no length normalisation) → LSA (randomised truncated SVD, 50
 * dimensions, U·S²) → each idea's vector pulled towards its 20 nearest neighbours' (smooth.ts) →
 * spherical k-means with k-means++ restarts, the number of themes chosen between √n / 5 and
 * √n by how well the themes separate the ideas (silhouette) and how reproducible they are across
 * restarts → class-based TF-IDF labels in
 * their most frequent surface form → representative ideas and outliers (« à classer »).
 */
import { adjustedRandIndex } from "./metrics";
import { sphericalKMeans, dot, type KMeansResult, type Points } from "./cluster";
import { labelThemes, type LabelOptions, type LabelTerm } from "./label";
import { layout2d } from "./layout";
import { Progress, type Stage } from "./progress";
import { createRandom, sampleIndices } from "./random";
import { reduce, type ReduceOptions } from "./reduce";
import { neighboursFor, smoothByNeighbours } from "./smooth";
import { leadingRows, neighbourGraph, sparseNeighbourGraph, spectralEmbedding, type Embedding, type GraphOptions } from "./spectral";
import { Analyzer, type AnalyzerOptions } from "./tokenize";
import { vectorize, type VectorizeOptions } from "./vectorize";

export type { Stage } from "./progress";
export type { LabelTerm } from "./label";

export interface ThemeInput {
  id: string;
  text: string;
  title?: string;
}

/**
 * A curated theme kept across runs: its ideas stay together (even those with no usable word) and
 * new ideas may join it. Unknown ids are ignored; an id in two pinned themes stays in the first.
 */
export interface PinnedTheme {
  key: string;
  ids: readonly string[];
  label?: string;
}

export interface DiscoverOptions {
  /** Number of new themes (besides pinned ones), or "auto" (default). */
  k?: number | "auto";
  /** Candidates for "auto", inclusive (default `themeCountRange(ideas to cluster, pinned themes)`: √n / 5 to √n, at most 30). */
  kRange?: readonly [number, number];
  /** Same seed, same input, same result (default 1). */
  seed?: number;
  pinned?: readonly PinnedTheme[];
  /** Unpinned ideas may join a pinned theme when it is their nearest (default true). */
  attachToPinned?: boolean;
  /** Themes smaller than this are dissolved into « à classer » (default 3; 2 under 30 ideas, 1 under 10). */
  minThemeSize?: number;
  /** An idea less similar than this to its theme's centre is « à classer » (cosine, default 0.1). */
  outlierSimilarity?: number;
  signal?: AbortSignal;
  /** Called with the current stage and the overall fraction done, in [0, 1], never decreasing. */
  onProgress?: (stage: Stage, fraction: number) => void;
  /** Advanced tuning, merged over the engine's defaults (`DEFAULT_OPTIONS`, besides each stage's own). */
  analyzer?: AnalyzerOptions;
  vectorize?: VectorizeOptions;
  reduce?: ReduceOptions;
  labels?: LabelOptions;
  cluster?: ClusterOptions;
  /** k-means++ starts for the final themes (default 10). */
  restarts?: number;
  /** Quick k-means++ starts per candidate k, for "auto" (default 8000 / sample size, within 6–20). */
  selectionRestarts?: number;
  /** k-means++ local trials in those quick starts (default 2 + ln k, as for the final themes). */
  selectionTrials?: number;
  /** Up to this many ideas, the final themes are fitted on all of them; above, on the sample, then refined on all (default 5000). */
  fullFitLimit?: number;
  /** Above this many ideas, candidate numbers of themes are tried on a sample of this size (default 2000). */
  sampleSize?: number;
  /** "auto" considers the candidates whose silhouette is within this share of the best one (default 0.05), and picks the most reproducible of them. */
  kSilhouetteTolerance?: number;
}

/** How the ideas are grouped once in the latent space. */
export interface ClusterOptions {
  /**
   * "kmeans": spherical k-means on the latent vectors; "spectral": k-means on the leading eigenvectors
   * of a nearest-neighbour graph of the ideas (spectral.ts), the themes' centres then taken in the
   * latent space (default "kmeans").
   */
  method?: "kmeans" | "spectral";
  /** Spectral: the graph links ideas by the cosine of their TF-IDF rows ("tfidf", default) or of their latent vectors ("latent"). */
  graph?: "tfidf" | "latent";
  /** Spectral: neighbours per idea (default 25, at most n − 1). */
  neighbours?: number;
  /** Spectral: edge weights (default "cosine"). */
  weighting?: GraphOptions["weighting"];
  /**
   * Before grouping, each idea's latent vector is pulled towards the mean of its nearest neighbours'
   * (by the cosine of their TF-IDF rows): this many neighbours (0 = not smoothed), with weight
   * `smoothWeight` (default 1) against its own vector (smooth.ts).
   */
  smoothNeighbours?: number;
  smoothWeight?: number;
  /** At most √n neighbours among n ideas ("sqrt", default), or as many as asked ("none"). */
  smoothCap?: "sqrt" | "none";
}

export interface Theme {
  /** "theme-1"…, or the pinned theme's key. */
  key: string;
  label: string;
  terms: LabelTerm[];
  size: number;
  memberIds: string[];
  /** Cosine similarity of each member to the centre, in the order of memberIds (closest first). */
  memberSimilarities: number[];
  /** Up to 3 ideas nearest the centre. */
  representativeIds: string[];
  /** Unit centre in the run's latent space (comparable within one run only). */
  centroid: number[];
  /** Mean cosine similarity of the members to the centre. */
  cohesion: number;
  pinned: boolean;
}

export type OutlierReason = "empty" | "language" | "far" | "small-theme";

export interface Outlier {
  id: string;
  /** empty: no usable word; language: probably not French; far: unlike its nearest theme; small-theme: its theme was too small. */
  reason: OutlierReason;
  /** Key of the nearest theme, when there is one. */
  nearestTheme: string | null;
  similarity: number | null;
}

export interface KQuality {
  k: number;
  /** Reproducibility: mean adjusted Rand index between the partitions of independent k-means++ starts (1 = always the same themes). */
  score: number;
  /** Standard error of that mean. */
  error: number;
  /** Mean similarity of ideas to their theme's centre, best start. */
  cohesion: number;
  /** Size of the smallest theme, best start (on the sample when one is used). */
  smallest: number;
  /**
   * Mean silhouette of the best start (cosine distance, on the sample when one is used): how much
   * nearer each idea is to its own theme than to the next one, from −1 to 1. Higher is better.
   */
  silhouette: number;
}

export interface ThemeDiscovery {
  themes: Theme[];
  outliers: Outlier[];
  outlierIds: string[];
  /** One entry per candidate number of new themes (empty when k was given). */
  quality: KQuality[];
  /** Number of new themes used (before small ones are dissolved). */
  chosenK: number;
  /** Every idea's place on a 2-D map in [0, 1]² (see layout.ts), in input order. */
  positions: { id: string; x: number; y: number }[];
  stats: {
    documents: number;
    clustered: number;
    vocabulary: number;
    dimensions: number;
    sampled: number;
    /** Neighbours each idea was smoothed with (0: not smoothed). */
    neighbours: number;
    seconds: Partial<Record<Stage, number>>;
  };
}

/**
 * The defaults, merged under `options.vectorize`, `options.reduce` and `options.cluster`. They are the
 * option set that leave-one-corpus-out picks (`npm run bench:themes -- --loco`): over the grid of
 * weightings, reductions and clusterings, the one whose NMI / anchor has the best geometric mean over
 * the labelled corpora, among the weightings for which a text repeated twice is the same text (√tf,
 * not 1 + ln tf). Square root tf, a title word worth 8 body words (a title says in a few words what
 * the idea is about; without titles, or with titles only, the weight changes nothing), squared smooth
 * idf, no length normalisation before the SVD (every row is scaled the same way when every text is
 * twice as long), 50 dimensions, document coordinates
 * U·S², L2-normalised, each pulled towards the mean of its 20 nearest neighbours (weight 1) before
 * spherical k-means.
 */
export const DEFAULT_OPTIONS = {
  vectorize: { tf: "sqrt", titleWeight: 8, idfPower: 2, normPower: 0 } satisfies VectorizeOptions,
  reduce: { dimensions: 50, singularValueWeighting: 2 } satisfies ReduceOptions,
  cluster: { method: "kmeans", smoothNeighbours: 20, smoothWeight: 1 } satisfies ClusterOptions,
} as const;

export async function discoverThemes(docs: readonly ThemeInput[], options: DiscoverOptions = {}): Promise<ThemeDiscovery> {
  const progress = new Progress(options.onProgress, options.signal);
  progress.throwIfAborted();
  const n = docs.length;
  const seed = options.seed ?? 1;
  const seconds: Partial<Record<Stage, number>> = {};
  let clock = performance.now();
  const lap = (stage: Stage) => {
    const now = performance.now();
    seconds[stage] = (seconds[stage] ?? 0) + (now - clock) / 1000;
    clock = now;
  };
  const ids = docs.map((d) => String(d.id));
  const position = new Map<string, number>();
  ids.forEach((id, i) => {
    if (position.has(id)) throw new Error(`Identifiant en double : ${id}`);
    position.set(id, i);
  });

  // 1. texts → TF-IDF
  const analyzer = new Analyzer(options.analyzer);
  const vectors = await vectorize(docs, analyzer, { ...DEFAULT_OPTIONS.vectorize, ...options.vectorize }, progress);
  lap("vectorise");
  seconds.analyse = vectors.analyseSeconds;
  seconds.vectorise! -= vectors.analyseSeconds;

  // 2. latent space
  const reduced = await reduce(vectors.tfidf, createRandom(seed), { ...DEFAULT_OPTIONS.reduce, ...options.reduce }, progress);
  const d = reduced.dims;
  lap("reduce");

  // 3. who is clustered
  const reason = new Array<OutlierReason | null>(n).fill(null);
  let foreign = 0;
  for (let i = 0; i < n; i++) if (vectors.foreign[i]) foreign++;
  // texts in another language are set aside, unless they are a good part of the corpus
  if (foreign <= 0.2 * n) for (let i = 0; i < n; i++) if (vectors.foreign[i]) reason[i] = "language";
  for (let i = 0; i < n; i++) if (reason[i] === null && (vectors.tfidf.indptr[i + 1] === vectors.tfidf.indptr[i] || isZero(reduced.x, i, d))) reason[i] = "empty";
  const clusterOptions: ClusterOptions = { ...DEFAULT_OPTIONS.cluster, ...options.cluster };
  // each idea's vector pulled towards those of the ideas that share its words (smooth.ts)
  const smoothing = { neighbours: clusterOptions.smoothNeighbours ?? 0, weight: clusterOptions.smoothWeight ?? 1, cap: clusterOptions.smoothCap };
  const usable = Int32Array.from(ids.keys()).filter((i) => reason[i] === null);
  const x = await smoothByNeighbours(reduced.x, d, vectors.tfidf, usable, smoothing, { tracker: progress, stage: "neighbours", from: 0, to: 1 });
  const points: Points = { x, n, d };
  lap("neighbours");

  // pinned themes: fixed centres
  const pinned = (options.pinned ?? []).map((p) => ({ ...p, rows: [] as number[] }));
  const pinnedOf = new Int32Array(n).fill(-1);
  pinned.forEach((p, g) => {
    for (const id of p.ids) {
      const i = position.get(String(id));
      if (i !== undefined && pinnedOf[i] < 0) {
        pinnedOf[i] = g;
        p.rows.push(i);
      }
    }
  });
  const P = pinned.length;
  const fixed = new Float64Array(P * d);
  pinned.forEach((p, g) => {
    for (const i of p.rows) if (reason[i] === null) for (let b = 0; b < d; b++) fixed[g * d + b] += x[i * d + b];
    normalize(fixed, g * d, d);
  });
  const attach = options.attachToPinned ?? true;
  const usableFixed = attach ? P : 0; // without attaching, pinned centres do not take part
  const free = Int32Array.from(ids.keys()).filter((i) => reason[i] === null && pinnedOf[i] < 0);

  // 4. number of themes and clustering
  const random = createRandom(seed + 1);
  const sampleSize = Math.max(50, options.sampleSize ?? 2000);
  const sample = free.length > sampleSize ? Int32Array.from(sampleIndices(free.length, sampleSize, createRandom(seed + 2)), (j) => free[j]) : free;
  // the sample's points, contiguous (faster than reaching into the whole matrix)
  const samplePoints: Points = sample === free ? points : { x: gather(x, sample, d), n: sample.length, d };
  const sampleRows = sample === free ? free : Int32Array.from(sample.keys());
  const distinct = countDistinct(samplePoints, sampleRows, 64);
  let sampled = sample !== free; // the current solution covers the sample only
  const quality: KQuality[] = [];
  let chosenK: number;
  let result: KMeansResult | null = null;
  const kmBase = { fixed: usableFixed ? fixed : undefined, fixedCount: usableFixed, random };
  const spectral = clusterOptions.method === "spectral";
  // spectral: the graph's leading eigenvectors, on the ideas clustered (docRows: their indices in the input)
  const embed = async (docRows: Int32Array, pts: Points, ptsRows: Int32Array, dims: number, stage: Stage, from: number, to: number): Promise<Embedding> => {
    const graphOptions: GraphOptions = { neighbours: clusterOptions.neighbours, weighting: clusterOptions.weighting };
    const mid = (from + to) / 2;
    const tracker = { tracker: progress, stage, from, to: mid };
    const graph = clusterOptions.graph === "latent" ? await neighbourGraph(pts, ptsRows, graphOptions, tracker) : await sparseNeighbourGraph(vectors.tfidf, docRows, graphOptions, tracker);
    return spectralEmbedding(graph, dims, createRandom(seed + 3), { tracker: progress, stage, from: mid, to });
  };
  let sampleEmbedding: Embedding | null = null;
  if (free.length === 0) {
    chosenK = 0;
  } else if (options.k !== undefined && options.k !== "auto") {
    chosenK = Math.max(0, Math.min(Math.floor(options.k), free.length));
  } else {
    const [lo, hi] = options.kRange ?? themeCountRange(free.length, P);
    const kMax = Math.max(1, Math.min(hi, distinct, free.length));
    const kMin = Math.max(1, Math.min(lo, kMax));
    const candidates = kGrid(kMin, kMax);
    if (spectral) sampleEmbedding = await embed(sample, samplePoints, sampleRows, kMax, "choose-k", 0, 0);
    // more quick starts when they are cheap (small samples): the score is less noisy
    const restarts = Math.max(2, options.selectionRestarts ?? Math.min(20, Math.max(6, Math.floor(8000 / sample.length))));
    const total = candidates.reduce((s, k) => s + k, 0);
    let done = 0;
    const fits = new Map<number, KMeansResult>();
    for (const k of candidates) {
      // quick runs (plain k-means++, at most 30 iterations) on the sample: how reproducible are k themes?
      const runs: KMeansResult[] = [];
      for (let r = 0; r < restarts; r++) {
        const from = (done + (k * r) / restarts) / total;
        const to = (done + (k * (r + 1)) / restarts) / total;
        const quick = { ...kmBase, k, restarts: 1, maxIterations: 30, localTrials: options.selectionTrials, progress: { tracker: progress, stage: "choose-k" as const, from, to } };
        runs.push(spectral ? await spectralFit(sampleEmbedding!, samplePoints, sampleRows, quick) : await sphericalKMeans(samplePoints, { ...quick, rows: sampleRows }));
      }
      done += k;
      // mean agreement over pairs of starts, and its standard error (from each start's mean agreement)
      const perRun = new Float64Array(runs.length);
      let agreement = 0;
      let pairs = 0;
      for (let a = 0; a < runs.length; a++)
        for (let b = a + 1; b < runs.length; b++) {
          const ari = adjustedRandIndex(runs[a].labels, runs[b].labels);
          agreement += ari;
          perRun[a] += ari / (runs.length - 1);
          perRun[b] += ari / (runs.length - 1);
          pairs++;
        }
      const score = pairs ? agreement / pairs : 1;
      let variance = 0;
      for (const v of perRun) variance += (v - score) ** 2 / Math.max(1, runs.length - 1);
      const best = runs.reduce((x, y) => (y.objective > x.objective + 1e-9 ? y : x));
      fits.set(k, best);
      quality.push({
        k,
        score: round(score),
        error: round(Math.sqrt(variance / runs.length)),
        cohesion: round(best.objective / sample.length),
        smallest: smallestCluster(best),
        silhouette: round(silhouette(samplePoints, sampleRows, best)),
      });
    }
    chosenK = chooseK(quality, options.kSilhouetteTolerance ?? 0.05);
    result = fits.get(chosenK)!;
  }
  lap("choose-k");
  if (free.length > 0) {
    const fullFit = free.length <= (options.fullFitLimit ?? 5000);
    if (fullFit || !result) {
      // the final themes: k-means++ restarts on all the ideas (or on the sample, for a given k on a large corpus)
      const onAll = fullFit;
      const final = { ...kmBase, k: chosenK, restarts: options.restarts ?? 10, progress: { tracker: progress, stage: "cluster" as const, from: 0, to: sampled && !onAll ? 0.5 : 1 } };
      if (spectral) {
        // the embedding of the ideas clustered: the sample's when they are the same ideas
        const [docRows, pts, ptsRows] = onAll ? [free, points, free] : [sample, samplePoints, sampleRows];
        const embedding = sampleEmbedding && docRows === sample ? sampleEmbedding : await embed(docRows, pts, ptsRows, chosenK, "cluster", 0, 0);
        result = await spectralFit(embedding, pts, ptsRows, final);
      } else result = await sphericalKMeans(onAll ? points : samplePoints, { ...final, rows: onAll ? free : sampleRows });
      if (onAll) sampled = false;
    }
  }

  // extend a sample solution to everyone
  const label = new Int32Array(n).fill(-1); // theme index: pinned first (0..P-1), then new themes
  const similarity = new Float64Array(n);
  let centroids = new Float64Array(0);
  let K = P;
  if (result) {
    if (sampled) {
      result = await sphericalKMeans(points, {
        ...kmBase,
        k: result.k,
        rows: free,
        init: result.centroids.slice(result.fixedCount * d),
        maxIterations: 30,
        progress: { tracker: progress, stage: "cluster", from: 0.5, to: 1 },
      });
    }
    K = P + result.k;
    centroids = new Float64Array(K * d);
    centroids.set(fixed, 0);
    centroids.set(result.centroids.subarray(result.fixedCount * d), P * d);
    free.forEach((row, j) => {
      const c = result!.labels[j];
      label[row] = usableFixed ? c : c + P;
      similarity[row] = result!.similarity[j];
    });
  } else {
    centroids = fixed.slice();
  }
  for (const [g, p] of pinned.entries())
    for (const i of p.rows) {
      label[i] = g;
      similarity[i] = reason[i] === null ? dot(x, i * d, centroids, g * d, d) : 0;
    }
  lap("cluster");

  // 5. outliers: empty, other language, far from their theme, in a theme too small
  const minSize = options.minThemeSize ?? (n < 10 ? 1 : n < 30 ? 2 : 3);
  const threshold = options.outlierSimilarity ?? 0.1;
  const nearest = (i: number, exclude: number): [number, number] => {
    let best = -1;
    let bestS = -Infinity;
    for (let c = 0; c < K; c++) {
      if (c === exclude || !alive[c]) continue;
      const s = dot(x, i * d, centroids, c * d, d);
      if (s > bestS) [best, bestS] = [c, s];
    }
    return [best, bestS];
  };
  const sizes = new Int32Array(K);
  for (let i = 0; i < n; i++) if (label[i] >= 0) sizes[label[i]]++;
  const alive = Array.from({ length: K }, (_, c) => c < P || sizes[c] >= minSize);
  const suggestion = new Int32Array(n).fill(-1);
  for (const i of free) {
    const c = label[i];
    if (!alive[c]) {
      reason[i] = "small-theme";
      const [s, sim] = nearest(i, c);
      suggestion[i] = s;
      similarity[i] = sim;
      label[i] = -1;
    } else if (similarity[i] < threshold) {
      reason[i] = "far";
      suggestion[i] = c;
      label[i] = -1;
    }
  }
  for (let i = 0; i < n; i++) if (pinnedOf[i] < 0 && (reason[i] === "empty" || reason[i] === "language")) label[i] = -1;

  // 6. members, labels, representatives
  progress.report("label", 0);
  const members: number[][] = Array.from({ length: K }, () => []);
  for (let i = 0; i < n; i++) if (label[i] >= 0) members[label[i]].push(i);
  for (const m of members) m.sort((a, b) => similarity[b] - similarity[a] || a - b);
  const kept = [...members.keys()].filter((c) => c < P || (alive[c] && members[c].length > 0));
  const labelTerms = labelThemes(vectors, kept.map((c) => Int32Array.from(members[c])), docs, analyzer, options.labels);
  const built = kept.map((c, j) => {
    const terms = labelTerms[j];
    const m = members[c];
    const cohesion = m.length ? m.reduce((s, i) => s + similarity[i], 0) / m.length : 0;
    return {
      c,
      theme: {
        key: c < P ? pinned[c].key : "",
        label: c < P && pinned[c].label ? pinned[c].label! : themeLabel(terms),
        terms,
        size: m.length,
        memberIds: m.map((i) => ids[i]),
        memberSimilarities: m.map((i) => round(similarity[i])),
        representativeIds: m.slice(0, 3).map((i) => ids[i]),
        centroid: Array.from(centroids.subarray(c * d, c * d + d), round),
        cohesion: round(cohesion),
        pinned: c < P,
      } satisfies Theme,
    };
  });
  const pinnedThemes = built.filter((b) => b.c < P);
  const newThemes = built.filter((b) => b.c >= P).sort((a, b) => b.theme.size - a.theme.size || (a.theme.label < b.theme.label ? -1 : 1));
  newThemes.forEach((b, j) => (b.theme.key = `theme-${j + 1}`));
  const keyOf = new Map(built.map((b) => [b.c, b.theme.key]));
  // from here on, only the themes that are shown can be suggested
  for (let c = 0; c < K; c++) alive[c] = keyOf.has(c);
  const outliers: Outlier[] = [];
  for (let i = 0; i < n; i++) {
    if (label[i] >= 0 || reason[i] === null) continue;
    let near = suggestion[i];
    let sim: number | null = suggestion[i] >= 0 ? similarity[i] : null;
    if ((near >= 0 && !keyOf.has(near)) || (near < 0 && reason[i] === "language" && !isZero(x, i, d))) [near, sim] = nearest(i, -1);
    outliers.push({ id: ids[i], reason: reason[i]!, nearestTheme: near >= 0 ? (keyOf.get(near) ?? null) : null, similarity: sim === null || near < 0 ? null : round(sim) });
  }
  const shown = built.map((b) => ({ vector: b.theme.centroid, weight: b.theme.size }));
  const xy = layout2d(x, n, d, shown);
  const positions = ids.map((id, i) => ({ id, x: round(xy[2 * i]), y: round(xy[2 * i + 1]) }));
  lap("label");
  progress.report("label", 1);
  return {
    positions,
    themes: [...pinnedThemes, ...newThemes].map((b) => b.theme),
    outliers,
    outlierIds: outliers.map((o) => o.id),
    quality,
    chosenK,
    stats: { documents: n, clustered: free.length, vocabulary: vectors.terms.length, dimensions: d, sampled: sample.length, neighbours: smoothing.weight > 0 ? neighboursFor(smoothing.neighbours, usable.length, smoothing.cap) : 0, seconds },
  };
}

/**
 * Spectral clustering's themes as a k-means result in the latent space: k-means (spherical, on the
 * unit rows of the first k eigenvectors) groups the ideas; each theme's centre is then the
 * normalised sum of its members' latent vectors; ideas the graph leaves isolated join the nearest
 * centre. Beside pinned themes (fixed centres), these centres start spherical k-means in the latent
 * space with the pinned centres fixed, so that ideas join a pinned theme when it is their nearest.
 */
async function spectralFit(
  embedding: Embedding,
  points: Points,
  rows: Int32Array,
  options: { k: number; fixed?: Float64Array; fixedCount: number; random: ReturnType<typeof createRandom>; restarts: number; maxIterations?: number; localTrials?: number; progress?: { tracker: Progress; stage: Stage; from: number; to: number } },
): Promise<KMeansResult> {
  const m = rows.length;
  const { x, d } = points;
  const k = Math.max(1, Math.min(options.k, embedding.dims));
  const e = leadingRows(embedding, m, k);
  const linked = Int32Array.from(rows.keys()).filter((j) => e.subarray(j * k, j * k + k).some((v) => v !== 0));
  const km = await sphericalKMeans({ x: e, n: m, d: k }, { k, rows: linked, restarts: options.restarts, maxIterations: options.maxIterations, localTrials: options.localTrials, random: options.random, progress: options.progress });
  const F = options.fixedCount;
  const K = F + km.k;
  const labels = new Int32Array(m).fill(-1);
  linked.forEach((j, t) => (labels[j] = F + km.labels[t]));
  const centroids = new Float64Array(K * d);
  if (F) centroids.set(options.fixed!.subarray(0, F * d), 0);
  const centre = () => {
    centroids.fill(0, F * d);
    for (let j = 0; j < m; j++) if (labels[j] >= F) for (let b = 0; b < d; b++) centroids[labels[j] * d + b] += x[rows[j] * d + b];
    for (let c = F; c < K; c++) normalize(centroids, c * d, d);
  };
  centre();
  const nearestOf = (j: number, from: number, to: number): [number, number] => {
    let best = -1;
    let bestS = -Infinity;
    for (let c = from; c < to; c++) {
      const s = dot(x, rows[j] * d, centroids, c * d, d);
      if (s > bestS) [best, bestS] = [c, s];
    }
    return [best, bestS];
  };
  if (F) {
    // beside pinned themes: k-means with their centres fixed, from the spectral themes' centres
    return sphericalKMeans(points, { k: km.k, rows, fixed: options.fixed, fixedCount: F, init: centroids.slice(F * d), maxIterations: options.maxIterations, random: options.random });
  }
  let moved = false;
  for (let j = 0; j < m; j++) {
    if (labels[j] < 0) {
      labels[j] = nearestOf(j, 0, K)[0];
      moved = true;
    }
  }
  const similarity = new Float64Array(m);
  let objective = 0;
  for (let j = 0; j < m; j++) {
    similarity[j] = dot(x, rows[j] * d, centroids, labels[j] * d, d);
    objective += similarity[j];
  }
  return { k: km.k, fixedCount: F, labels, similarity, centroids, objective, iterations: km.iterations };
}

/** Words that end a label badly: a phrase cut after them is not a noun phrase. */
const FUNCTION_WORDS = new Set(["de", "des", "du", "d", "la", "le", "les", "l", "à", "au", "aux", "en", "pour", "et", "ou", "par", "sur", "avec", "dans", "un", "une"]);
/** Verbs frequent in ideas (« mettre en place », « réduire les déchets »): a phrase they start is an action, not a subject. */
const VERBS = new Set(
  "mettre faire créer installer proposer permettre réduire améliorer développer utiliser organiser favoriser éviter former prévoir ouvrir équiper offrir donner rendre simplifier acheter afficher planifier doser peser composter remplacer limiter supprimer encourager sensibiliser informer aider partager mutualiser moderniser renforcer diminuer augmenter lancer tester instaurer généraliser valoriser optimiser faciliter économiser recycler trier".split(" "),
);

/**
 * A noun phrase: several words (a pair read with what stands between, « produits d’entretien »),
 * neither starting with a verb nor ending with a small word.
 */
export function isNounPhrase(term: LabelTerm): boolean {
  if (!term.key.includes(" ")) return false;
  const words = term.term.toLowerCase().split(/[\s'’]+/).filter(Boolean);
  if (words.length < 2 || words.length > 3) return false;
  return !VERBS.has(words[0]) && !FUNCTION_WORDS.has(words[0]) && !FUNCTION_WORDS.has(words[words.length - 1]);
}

/** A noun phrase weighing at least this share of the first term may name the theme. */
const PHRASE_MIN_SHARE = 0.4;

/**
 * The theme's label from its key terms, noun phrases first: the heaviest noun phrase
 * (« restauration scolaire », « vélo électrique ») when it weighs enough beside the first term,
 * with that first word before it when the phrase does not hold it (« Ménage et produits
 * d’entretien »); otherwise the first term alone. Never two unrelated words joined by a comma.
 */
export function themeLabel(terms: LabelTerm[]): string {
  if (!terms.length) return "Sans libellé";
  const head = terms[0];
  let text = head.term;
  if (!isNounPhrase(head)) {
    // a pair holding the first word and a third of its uses (« données personnelles » for « personnel »)
    const own = head.key.includes(" ") ? undefined : terms.find((t) => isNounPhrase(t) && t.key.split(" ").includes(head.key) && t.count * 3 >= head.count);
    const phrase = own ?? terms.find((t) => isNounPhrase(t) && t.weight >= PHRASE_MIN_SHARE * head.weight);
    if (phrase) {
      const holdsHead = head.key.includes(" ") ? false : phrase.key.split(" ").includes(head.key);
      text = holdsHead || head.key.includes(" ") ? phrase.term : `${head.term} et ${phrase.term}`;
    }
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Candidate numbers of new themes when the engine chooses, for n ideas to cluster besides `pinned`
 * curated themes: from √n / 5 (at most half the upper bound) to √n (at most 30), never fewer than 2
 * (1 beside pinned themes): 100 ideas get 2 to 10 themes, 400 get 4 to 20, 2,500 get 10 to 30,
 * from about 5,300 on 15 to 30. The application and the command line both use it (it is the default
 * of `kRange`); `chooseK` picks among the candidates. The lower bound keeps a varied collection from
 * collapsing into two broad themes, and the upper one keeps themes readable (merging two proposed
 * themes is one click, splitting one is a new analysis).
 */
export function themeCountRange(n: number, pinned = 0): [number, number] {
  const root = Math.sqrt(Math.max(0, n));
  const upper = Math.min(30, Math.max(2, Math.round(root)));
  const lower = Math.max(pinned > 0 ? 1 : 2, Math.min(Math.round(upper / 2), Math.round(root / 5)) - pinned);
  return [lower, upper];
}

/**
 * The number of themes among the candidates: those whose silhouette is within `tolerance` (a share)
 * of the best silhouette, and among them the most reproducible (the larger k on a tie).
 * Reproducibility alone favours the fewest themes (two broad halves come back at every start); the
 * silhouette does not, and reproducibility settles between numbers of themes that separate the ideas
 * about as well.
 */
export function chooseK(quality: readonly KQuality[], tolerance = 0.05): number {
  const best = Math.max(...quality.map((q) => q.silhouette));
  const near = quality.filter((q) => q.silhouette >= best - tolerance * Math.abs(best));
  return near.reduce((a, b) => (b.score > a.score || (b.score === a.score && b.k > a.k) ? b : a)).k;
}

/**
 * Mean silhouette of a clustering of unit rows with the cosine distance 1 − x·y: for each idea,
 * a = its mean distance to the other members of its theme, b = the smallest mean distance to
 * another theme, s = (b − a) / max(a, b). An idea in a theme of fewer than 3 ideas counts 0: two
 * near-identical ideas make a tight pair, not a theme (without this, splitting 13 ideas on two
 * subjects gave 6 parts of 1 to 4). Mean distances come from the themes' sums of vectors, so the
 * cost is n·k·d, not n².
 */
const SILHOUETTE_MIN_THEME = 3;

function silhouette(points: Points, rows: Int32Array, fit: KMeansResult): number {
  const { x, d } = points;
  const clusters = fit.fixedCount + fit.k;
  const sums = new Float64Array(clusters * d);
  const size = new Float64Array(clusters);
  rows.forEach((r, j) => {
    const c = fit.labels[j];
    size[c]++;
    for (let b = 0; b < d; b++) sums[c * d + b] += x[r * d + b];
  });
  let total = 0;
  rows.forEach((r, j) => {
    const own = fit.labels[j];
    if (size[own] < SILHOUETTE_MIN_THEME) return;
    const a = 1 - (dot(x, r * d, sums, own * d, d) - 1) / (size[own] - 1);
    let nearest = Infinity;
    for (let c = 0; c < clusters; c++) if (c !== own && size[c] > 0) nearest = Math.min(nearest, 1 - dot(x, r * d, sums, c * d, d) / size[c]);
    if (Number.isFinite(nearest)) total += (nearest - a) / Math.max(a, nearest, 1e-12);
  });
  return rows.length ? total / rows.length : 0;
}

/** Every k up to 10, then every fifth (and the upper bound). */
function kGrid(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let k = lo; k <= hi; k++) if (k <= 10 || k === 12 || k % 5 === 0 || k === hi) out.push(k);
  return out;
}

function smallestCluster(r: KMeansResult): number {
  const sizes = new Int32Array(r.fixedCount + r.k);
  for (const c of r.labels) sizes[c]++;
  let min = Infinity;
  for (let c = r.fixedCount; c < sizes.length; c++) min = Math.min(min, sizes[c]);
  return Number.isFinite(min) ? min : 0;
}

/** Number of distinct points among rows, counting at most `cap` (enough to bound k). */
function countDistinct(points: Points, rows: Int32Array, cap: number): number {
  const reps: number[] = [];
  for (const i of rows) {
    if (!reps.some((r) => dot(points.x, r * points.d, points.x, i * points.d, points.d) > 1 - 1e-9)) reps.push(i);
    if (reps.length >= cap) return Number.MAX_SAFE_INTEGER;
  }
  return reps.length;
}

function gather(x: Float64Array, rows: Int32Array, d: number): Float64Array {
  const out = new Float64Array(rows.length * d);
  rows.forEach((r, j) => out.set(x.subarray(r * d, r * d + d), j * d));
  return out;
}

function isZero(x: Float64Array, i: number, d: number): boolean {
  for (let b = 0; b < d; b++) if (x[i * d + b] !== 0) return false;
  return true;
}

function normalize(x: Float64Array, o: number, d: number): void {
  let s = 0;
  for (let b = 0; b < d; b++) s += x[o + b] * x[o + b];
  if (s <= 0) return;
  const inv = 1 / Math.sqrt(s);
  for (let b = 0; b < d; b++) x[o + b] *= inv;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

export { parseCsv, parseCsvRecords } from "./csv";
export { scorePartition, normalizedMutualInformation, adjustedRandIndex, vMeasure } from "./metrics";
export { similarPairs, type PairInput, type PairOptions, type SimilarPair } from "./pairs";
export { rankByCentrality, type Representative } from "./representatives";
