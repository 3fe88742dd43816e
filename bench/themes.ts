// npm run bench:themes [-- --seeds N] [--no-scale] [--scale-only]
// npm run bench:themes -- --loco [--seeds N (default 3)] [--grid-only] [--cached]
// npm run bench:themes -- --ceiling: what the labels allow in the engine's representation (see ceiling())
// npm run bench:themes -- --small: small collections (30, 60, 120 ideas drawn from each corpus), by smoothing (see small())
// Theme discovery on the labelled corpora in ../shared/data: NMI, ARI and V-measure with k = number of
// labels and with automatic k (mean over seeds), seconds, peak memory; then the scale runs on 10,000
// and 100,000 answers. --loco: leave-one-corpus-out choice of the engine's options (see loco() below);
// --grid-only stops after the grid and the picks, --cached reuses the last grid with the same seeds.
// The Paris budget descriptions are read from ../shared/data only: their texts have no licence, never
// copy them into the repository. Each measurement runs in its own process, so "peak MB" is that process's
// maximum resident set size (Node and tsx included, about 100 MB). "seconds" is wall time from texts
// in to themes out (CSV reading excluded); "cpu s" the CPU time of that run, which shows how much of
// the wall time was lost to other processes on a shared machine (the engine runs on one thread).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseCsvRecords } from "../src/themes/engine/csv";
import { sphericalKMeans } from "../src/themes/engine/cluster";
import { DEFAULT_OPTIONS, discoverThemes, type ClusterOptions, type DiscoverOptions } from "../src/themes/engine/index";
import { normalizedMutualInformation, scorePartition } from "../src/themes/engine/metrics";
import { Progress } from "../src/themes/engine/progress";
import { createRandom, sampleIndices } from "../src/themes/engine/random";
import { reduce, type ReduceOptions } from "../src/themes/engine/reduce";
import { pullTowardsNeighbours } from "../src/themes/engine/smooth";
import { leadingRows, neighbourGraph, sparseNearestNeighbours, sparseNeighbourGraph, spectralEmbedding } from "../src/themes/engine/spectral";
import { Analyzer } from "../src/themes/engine/tokenize";
import { vectorize, type VectorizeOptions } from "../src/themes/engine/vectorize";

const here = fileURLToPath(import.meta.url);
const repoRoot = path.resolve(path.dirname(here), "..");
const dataDir = path.resolve(repoRoot, "../shared/data");

interface Corpus {
  file: string;
  anchor: number;
  rows?: number;
  labelBy?: "question";
  name?: string;
}
const SCALE = { file: "grand-debat-2019-answers-100k.csv", sizes: [10_000, 100_000] };
const CORPORA: Corpus[] = [
  { file: "consultation-an-egalite-2016.csv", anchor: 0.43 },
  { file: "grand-debat-mel-2019.csv", anchor: 0.14 },
  { file: "republique-numerique-2015.csv", anchor: 0.1 },
  { file: "paris-budget-participatif-descriptions.csv", anchor: 0.456 },
  /**
   * The first 2,000 Grand Débat answers of the scale file, labelled by the question they answer (its
   * questionnaire and number: 51 labels): short free answers, as a lab's questionnaire gets. Its anchor
   * was measured by bench/anchor.py, the scikit-learn recipe that gives 0.414 / 0.159 / 0.106 / 0.448
   * on the four corpora whose anchors issue 13 gave (0.43 / 0.14 / 0.10 / 0.456).
   */
  { file: SCALE.file, rows: 2_000, labelBy: "question", anchor: 0.368, name: "grand-debat-answers by question" },
];

/** How the tables name a corpus: its name, else its file without the extension. */
const corpusName = (c: Corpus) => c.name ?? c.file.replace(/\.csv$/, "");

interface Job {
  file: string;
  rows?: number;
  k: "labels" | "auto";
  seeds: number[];
  /** "question": each text's label is its questionnaire and question (the scale file's `question` column). */
  labelBy?: "question";
  /** Engine options for this job (over THEMES_OPTIONS); kRange "2-sqrt" = 2 to √n (at most 30), as before issue 13. */
  options?: Pick<DiscoverOptions, "vectorize" | "reduce" | "cluster"> & { kRange?: "2-sqrt" };
}
interface Run {
  seed: number;
  k: number;
  themes: number;
  outliers: number;
  nmi: number;
  ari: number;
  v: number;
  seconds: number;
  cpuSeconds: number;
  /** The engine's own timing of its stages (stats.seconds), in seconds. */
  stages: Record<string, number>;
}
interface JobResult {
  n: number;
  labels: number;
  runs: Run[];
  peakMB: number;
}

// THEMES_OPTIONS='{"reduce":{"dimensions":50}}' overrides engine options, for experiments
const extra = JSON.parse(process.env.THEMES_OPTIONS ?? "{}") as Record<string, unknown>;

/** The demo contest's non-awarded ideas (src/demo), as the application analyses them, labelled by their problem. */
const DEMO = "demo-contest";
async function demoRecords() {
  const { closedCampaignIdeas } = await import("../src/demo/content/ideas");
  const { themeText } = await import("../src/themes/representatives");
  return closedCampaignIdeas.filter((i) => !i.awarded).map((i) => ({ id: i.key, title: i.title, body: themeText(i), label: i.topic as string }));
}

/** A corpus's texts (its first `rows`, if given) and their labels. */
async function readCorpus(c: { file: string; rows?: number; labelBy?: "question" }) {
  const all = c.file === DEMO ? await demoRecords() : parseCsvRecords(readFileSync(path.join(dataDir, c.file), "utf8")).records;
  const records = c.rows ? all.slice(0, c.rows) : all;
  const docs = records.map((r) => ({ id: r.id, title: r.title, text: r.body }));
  const truth = records.map((r) => (c.labelBy === "question" ? `${r.label} ${(r as Record<string, string>).question}` : r.label));
  return { docs, truth };
}

async function worker(job: Job): Promise<JobResult> {
  const { docs, truth } = await readCorpus(job);
  const labels = new Set(truth).size;
  const runs: Run[] = [];
  for (const seed of job.seeds) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const kRange: [number, number] | undefined = job.options?.kRange ? [2, Math.min(30, Math.max(2, Math.round(Math.sqrt(docs.length))))] : undefined;
    const res = await discoverThemes(docs, { ...extra, ...job.options, kRange, k: job.k === "labels" ? labels : "auto", seed });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(c0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const themeOf = new Map<string, string>();
    for (const t of res.themes) for (const id of t.memberIds) themeOf.set(id, t.key);
    for (const o of res.outliers) themeOf.set(o.id, o.nearestTheme ?? "à classer");
    const s = scorePartition(truth, docs.map((d) => themeOf.get(d.id) ?? "à classer"));
    runs.push({ seed, k: res.chosenK, themes: res.themes.length, outliers: res.outliers.length, nmi: s.nmi, ari: s.ari, v: s.v, seconds, cpuSeconds, stages: res.stats.seconds });
  }
  return { n: docs.length, labels, runs, peakMB: process.resourceUsage().maxRSS / 1024 };
}

function spawn(job: Job): JobResult {
  return spawnWorker("--worker", job) as JobResult;
}

function spawnWorker(kind: string, job: unknown): unknown {
  const out = execFileSync(process.execPath, ["--import", "tsx", here, kind, JSON.stringify(job)], {
    cwd: repoRoot,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out.trim().split("\n").pop()!);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
const f3 = (x: number) => x.toFixed(3);

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === "--worker") {
    console.log(JSON.stringify(await worker(JSON.parse(argv[1]) as Job)));
    return;
  }
  if (argv[0] === "--grid-worker") {
    console.log(JSON.stringify(await gridWorker(JSON.parse(argv[1]) as GridJob)));
    return;
  }
  const seedsArg = argv.indexOf("--seeds");
  const nSeeds = seedsArg >= 0 ? Number(argv[seedsArg + 1]) : 5;
  const seeds = Array.from({ length: nSeeds }, (_, i) => i + 1);
  if (!existsSync(dataDir)) throw new Error(`données introuvables : ${dataDir}`);

  if (argv.includes("--ceiling")) {
    await ceiling();
    return;
  }
  if (argv.includes("--loco")) {
    await loco(seeds.slice(0, Math.max(1, seedsArg >= 0 ? nSeeds : 3)));
    return;
  }
  if (argv.includes("--small")) {
    await small();
    return;
  }
  const only = argv.includes("--auto-only") ? ["auto"] : argv.includes("--given-only") ? ["labels"] : ["labels", "auto"];
  if (!argv.includes("--scale-only")) {
    console.log(`Theme discovery — labelled corpora (${dataDir}), mean of ${nSeeds} seed(s) (${seeds.join(", ")})`);
    if (Object.keys(extra).length) console.log(`options: ${JSON.stringify(extra)}`);
    console.log("NMI floor with k given = 1.25 × anchor (scikit-learn TF-IDF + LSA-100 + k-means); with automatic k = 0.9 × that floor.\n");
    const header = ["corpus", "n", "labels", "mode", "k", "NMI", "±", "ARI", "V", "floor", "ok", "s/run", "cpu s", "peak MB"];
    const rows: string[][] = [];
    for (const c of CORPORA) {
      for (const mode of only as ("labels" | "auto")[]) {
        const r = spawn({ file: c.file, rows: c.rows, labelBy: c.labelBy, k: mode, seeds });
        const nmis = r.runs.map((x) => x.nmi);
        const floor = mode === "labels" ? 1.25 * c.anchor : 0.9 * 1.25 * c.anchor;
        const ks = r.runs.map((x) => x.k);
        rows.push([
          corpusName(c),
          String(r.n),
          String(r.labels),
          mode === "labels" ? "k given" : "auto k",
          mode === "labels" ? String(r.labels) : `${Math.min(...ks)}–${Math.max(...ks)} (${ks.join(",")})`,
          f3(mean(nmis)),
          f3(sd(nmis)),
          f3(mean(r.runs.map((x) => x.ari))),
          f3(mean(r.runs.map((x) => x.v))),
          f3(floor),
          mean(nmis) >= floor ? "yes" : "NO",
          mean(r.runs.map((x) => x.seconds)).toFixed(2),
          mean(r.runs.map((x) => x.cpuSeconds)).toFixed(2),
          r.peakMB.toFixed(0),
        ]);
      }
    }
    printTable(header, rows);
    console.log("Scores put each « à classer » idea in its nearest theme; ideas with no usable word form one more group.");
    console.log("");
    if (!argv.includes("--given-only")) {
      // the application's demo contest: 240 non-awarded ideas written about 13 problems (no anchor, no floor)
      const r = spawn({ file: DEMO, k: "auto", seeds });
      const given = spawn({ file: DEMO, k: "labels", seeds });
      const ks = r.runs.map((x) => x.k);
      console.log(`Demo contest (${r.n} ideas, ${r.labels} problems): automatic k ${Math.min(...ks)}–${Math.max(...ks)} (${ks.join(",")}), NMI ${f3(mean(r.runs.map((x) => x.nmi)))}; k = ${r.labels} given, NMI ${f3(mean(given.runs.map((x) => x.nmi)))}\n`);
    }
  }

  if (!argv.includes("--no-scale")) {
    console.log(`Scale — ${SCALE.file}, automatic k, seed 1 (limits: 10,000 in < 10 s, 100,000 in < 120 s, < 2 GB)`);
    const header = ["texts", "k", "themes", "à classer", "seconds", "cpu s", "neighbour search s", "peak MB", "NMI (4 coarse labels)"];
    const rows: string[][] = [];
    for (const size of SCALE.sizes) {
      const r = spawn({ file: SCALE.file, rows: size, k: "auto", seeds: [1] });
      const run = r.runs[0];
      rows.push([String(r.n), String(run.k), String(run.themes), String(run.outliers), run.seconds.toFixed(1), run.cpuSeconds.toFixed(1), (run.stages.neighbours ?? 0).toFixed(1), r.peakMB.toFixed(0), f3(run.nmi)]);
    }
    printTable(header, rows);
    await responsiveness();
  }
}

// ---------------------------------------------------------------------------------------------
// Leave-one-corpus-out (--loco): the engine's tunable options are picked on the other corpora only,
// then the held-out corpus is scored with them. The grid crosses weighting options (vectorize) with
// reduction options (reduce) and clusterings (cluster); each corpus vectorises once per weighting and
// reduces once per seed and reduction, then k-means with k = its number of labels (5 starts), on the
// latent vectors (as they are, or smoothed by their nearest neighbours: smooth.ts) or on a graph's
// leading eigenvectors (spectral), gives the NMI. The spectral
// clusterings on the TF-IDF graph do not depend on the reduction: they run once per weighting and seed.

interface Named<T> {
  name: string;
  options: T;
}
const cross = <A, B>(xs: A[], ys: B[]): [A, B][] => xs.flatMap((x) => ys.map((y): [A, B] => [x, y]));

/**
 * Weightings: tf transform × idf power × length normalisation × upper document-frequency bound…
 * (idf^1.5, between the long texts' idf and the titles' idf², for √tf only: 1 + ln tf cannot be picked)
 */
const WEIGHTINGS: Named<VectorizeOptions>[] = cross(
  [...cross(["log"] as const, [1, 2]), ...cross(["sqrt"] as const, [1, 1.5, 2])],
  cross([0, 1], [0.5, 0.2]),
).map(([[tf, idfPower], [normPower, maxDf]]) => ({
  name: `tf ${tf}, idf^${idfPower}, ${normPower ? "unit rows" : "raw rows"}, maxDf ${maxDf}`,
  options: { tf, idfPower, normPower, maxDf, titleWeight: 2 },
}));
/** …and, for the weightings that may be picked (√tf), a title word worth 8 body words instead of 2 (`base`: the same weighting with 2). */
const TITLE_WEIGHT = 8;
export const VECTORIZE_GRID: (Named<VectorizeOptions> & { base?: string })[] = [
  ...WEIGHTINGS,
  ...WEIGHTINGS.filter((w) => w.options.tf === "sqrt").map((w) => ({ name: `${w.name}, title ×${TITLE_WEIGHT}`, options: { ...w.options, titleWeight: TITLE_WEIGHT }, base: w.name })),
];
/** Reductions: dimensions × singular-value weighting of the document coordinates. */
export const REDUCE_GRID: Named<ReduceOptions>[] = cross([50, 100, "auto"] as (number | "auto")[], [1, 2]).map(([dimensions, w]) => ({
  name: `${dimensions === "auto" ? "2√n" : dimensions} dims, U·S${w === 1 ? "" : "²"}`,
  options: { dimensions, singularValueWeighting: w },
}));

/** Clusterings: k-means on the latent vectors (no suffix in the names), or spectral on a nearest-neighbour graph. */
export const CLUSTER_GRID: Named<ClusterOptions>[] = [
  { name: "k-means", options: { method: "kmeans" } },
  ...([[10, 1], [20, 1], [20, 2]] as const).map(([smoothNeighbours, smoothWeight]) => ({
    name: `k-means smoothed ${smoothNeighbours}nn ×${smoothWeight}`,
    options: { method: "kmeans", smoothNeighbours, smoothWeight } as ClusterOptions,
  })),
  // spectral clustering as the grid measures it: its themes' centres in the latent space not smoothed
  ...[10, 25, 40].map((neighbours) => ({ name: `spectral tfidf ${neighbours}nn`, options: { method: "spectral", graph: "tfidf", neighbours, smoothNeighbours: 0 } as ClusterOptions })),
  { name: "spectral latent 15nn", options: { method: "spectral", graph: "latent", neighbours: 15, smoothNeighbours: 0 } },
];
/**
 * A graph on the TF-IDF rows gives the same themes whatever the reduction (and with raw or unit rows:
 * the cosine ignores the rows' lengths), so the grid cannot pick one: those clusterings are crossed with
 * the shipped reduction only (it still gives the themes' centres, the silhouette for automatic k, the outliers).
 */
const TFIDF_GRAPH_REDUCTION = "50 dims, U·S²";
const gridName = (v: string, r: string, c: string) => (c === "k-means" ? `${v} | ${r}` : `${v} | ${r} | ${c}`);

interface GridJob {
  file: string;
  rows?: number;
  labelBy?: "question";
  seeds: number[];
}
interface GridResult {
  n: number;
  labels: number;
  /** Mean NMI over the seeds, by "weighting | reduction" name. */
  nmi: Record<string, number>;
  seconds: number;
}

async function gridWorker(job: GridJob): Promise<GridResult> {
  const t0 = performance.now();
  const { docs, truth } = await readCorpus(job);
  const k = new Set(truth).size;
  const analyzer = new Analyzer();
  const nmi: Record<string, number> = {};
  const score = (rows: Int32Array, labels: Int32Array) => {
    const predicted = docs.map(() => "vide");
    rows.forEach((i, j) => (predicted[i] = String(labels[j])));
    return normalizedMutualInformation(truth, predicted);
  };
  // k-means on the leading eigenvectors of a graph on rows (NJW), as the engine's spectralFit before the latent centres
  const spectralNmi = async (graph: Awaited<ReturnType<typeof neighbourGraph>>, rows: Int32Array, seed: number) => {
    const e = await spectralEmbedding(graph, k, createRandom(seed + 3));
    const linked = Int32Array.from(rows.keys()).filter((j) => e.x.subarray(j * e.dims, j * e.dims + e.dims).some((x) => x !== 0));
    const km = await sphericalKMeans({ x: leadingRows(e, rows.length, k), n: rows.length, d: e.dims }, { k, rows: linked, restarts: 5, random: createRandom(seed + 1) });
    const labels = new Int32Array(rows.length).fill(-1);
    linked.forEach((j, t) => (labels[j] = km.labels[t]));
    return score(rows, labels);
  };
  // without a text that has both a title and a body, the title's weight changes nothing (no title; or
  // every word a title word, so every count is multiplied by the same factor and every row's direction
  // is the same): those weightings are the base weighting's results, not computed again
  const titled = docs.some((d) => d.title?.trim() && d.text.trim());
  for (const v of VECTORIZE_GRID) {
    if (!titled && v.base) {
      for (const [name, value] of Object.entries(nmi)) if (name.startsWith(`${v.base} | `)) nmi[v.name + name.slice(v.base.length)] = value;
      continue;
    }
    const vectors = await vectorize(docs, analyzer, v.options, new Progress());
    const nonEmpty = Int32Array.from(docs.keys()).filter((i) => vectors.tfidf.indptr[i + 1] > vectors.tfidf.indptr[i]);
    // the smoothed k-means' neighbours (smooth.ts), found once per weighting, the most needed
    const smoothed = CLUSTER_GRID.filter((c) => c.options.method === "kmeans" && c.options.smoothNeighbours);
    const found = await sparseNearestNeighbours(vectors.tfidf, nonEmpty, Math.max(...smoothed.map((c) => c.options.smoothNeighbours!)));
    const onTfidf: Record<string, number> = {};
    for (const c of CLUSTER_GRID.filter((c) => c.options.method === "spectral" && c.options.graph === "tfidf")) {
      const graph = await sparseNeighbourGraph(vectors.tfidf, nonEmpty, c.options);
      let sum = 0;
      for (const seed of job.seeds) sum += await spectralNmi(graph, nonEmpty, seed);
      onTfidf[c.name] = sum / job.seeds.length;
    }
    for (const r of REDUCE_GRID) {
      const sums: Record<string, number> = {};
      for (const seed of job.seeds) {
        const red = await reduce(vectors.tfidf, createRandom(seed), r.options, new Progress());
        const d = red.dims;
        const rows = Int32Array.from(docs.keys()).filter((i) => red.x.subarray(i * d, i * d + d).some((x) => x !== 0));
        const points = { x: red.x, n: docs.length, d };
        const km = await sphericalKMeans(points, { k, rows, restarts: 5, random: createRandom(seed + 1) });
        sums["k-means"] = (sums["k-means"] ?? 0) + score(rows, km.labels);
        for (const c of smoothed) {
          const x = pullTowardsNeighbours(red.x, d, nonEmpty, found, { neighbours: c.options.smoothNeighbours!, weight: c.options.smoothWeight ?? 1 });
          const smoothedKm = await sphericalKMeans({ ...points, x }, { k, rows, restarts: 5, random: createRandom(seed + 1) });
          sums[c.name] = (sums[c.name] ?? 0) + score(rows, smoothedKm.labels);
        }
        for (const c of CLUSTER_GRID.filter((c) => c.options.method === "spectral" && c.options.graph === "latent"))
          sums[c.name] = (sums[c.name] ?? 0) + (await spectralNmi(await neighbourGraph(points, rows, c.options), rows, seed));
      }
      for (const c of CLUSTER_GRID) if (!(c.name in onTfidf) || r.name === TFIDF_GRAPH_REDUCTION) nmi[gridName(v.name, r.name, c.name)] = c.name in onTfidf ? onTfidf[c.name] : sums[c.name] / job.seeds.length;
    }
  }
  return { n: docs.length, labels: k, nmi, seconds: (performance.now() - t0) / 1000 };
}

function optionsOf(name: string): Pick<DiscoverOptions, "vectorize" | "reduce" | "cluster"> {
  const [v, r, c = "k-means"] = name.split(" | ");
  return {
    vectorize: VECTORIZE_GRID.find((x) => x.name === v)!.options,
    reduce: REDUCE_GRID.find((x) => x.name === r)!.options,
    cluster: CLUSTER_GRID.find((x) => x.name === c)!.options,
  };
}

async function loco(seeds: number[]) {
  const only = process.argv.includes("--grid-only");
  console.log(`Leave-one-corpus-out — ${VECTORIZE_GRID.length} weightings × ${REDUCE_GRID.length} reductions × ${CLUSTER_GRID.length} clusterings, k = labels, seeds ${seeds.join(", ")}`);
  console.log("Each corpus is scored with the option set whose NMI / anchor has the best geometric mean on the OTHER corpora.\n");
  // --cached reuses the grid of an earlier run with the same seeds (in the system's temporary folder)
  const grids = CORPORA.map((c) => {
    const cache = path.join(tmpdir(), `germoir-loco-${c.file}${c.rows ? `-${c.rows}-by-${c.labelBy}` : ""}-${seeds.join("_")}.json`);
    if (process.argv.includes("--cached") && existsSync(cache)) return JSON.parse(readFileSync(cache, "utf8")) as GridResult;
    const g = spawnWorker("--grid-worker", { file: c.file, rows: c.rows, labelBy: c.labelBy, seeds } satisfies GridJob) as GridResult;
    writeFileSync(cache, JSON.stringify(g));
    console.error(`grid ${c.file}: ${g.seconds.toFixed(0)} s`);
    return g;
  });
  const names = Object.keys(grids[0].nmi).filter((name) => !name.includes("spectral tfidf") || name.split(" | ")[1] === TFIDF_GRAPH_REDUCTION);
  const ratio = (c: number, name: string) => grids[c].nmi[name] / CORPORA[c].anchor;
  // ratios are averaged geometrically: a corpus where every set scores twice its anchor (the 162 Lille
  // proposals) must not outweigh the others, as it did with the arithmetic mean (which picked spectral
  // clustering on its strength alone)
  const meanRatio = (name: string, without = -1) => Math.exp(mean(CORPORA.map((_, c) => c).filter((c) => c !== without).map((c) => Math.log(ratio(c, name)))));
  const arithmetic = (name: string) => mean(CORPORA.map((_, c) => ratio(c, name)));
  const ranked = [...names].sort((a, b) => meanRatio(b) - meanRatio(a));
  const short = (c: Corpus) => corpusName(c).replace(/-(\d{4})$/, "").slice(0, 25);
  console.log("Grid (NMI / anchor, k given; the best 12 by geometric mean over all corpora, issue 12's defaults, issue 13's first ones, the arithmetic mean's pick):");
  const before = "tf log, idf^2, raw rows, maxDf 0.5 | 50 dims, U·S²";
  const firstPass = "tf sqrt, idf^1, raw rows, maxDf 0.5 | 50 dims, U·S²";
  const byArithmetic = names.filter((name) => optionsOf(name).vectorize?.tf !== "log").reduce((a, b) => (arithmetic(b) > arithmetic(a) + 1e-9 ? b : a));
  const shown = [...new Set([...ranked.slice(0, 12), before, firstPass, byArithmetic])];
  printTable(
    ["option set", ...CORPORA.map(short), "geo mean", "mean", "min"],
    shown
      .filter((x) => names.includes(x))
      .map((name) => [name, ...CORPORA.map((_, c) => f3(ratio(c, name))), f3(meanRatio(name)), f3(arithmetic(name)), f3(Math.min(...CORPORA.map((_, c) => ratio(c, name))))]),
  );
  // the pick: among the weightings for which a text repeated twice is the same text (not 1 + ln tf)
  const invariant = names.filter((name) => optionsOf(name).vectorize?.tf !== "log");
  const best = (pool: string[], without = -1) => pool.reduce((a, b) => (meanRatio(b, without) > meanRatio(a, without) + 1e-9 ? b : a));
  const picks = CORPORA.map((_, c) => best(invariant, c));
  const overall = best(invariant);
  const shipped = { vectorize: { ...DEFAULT_OPTIONS.vectorize }, reduce: { ...DEFAULT_OPTIONS.reduce }, cluster: { ...DEFAULT_OPTIONS.cluster } };
  // the engine's effective options: its defaults over each stage's own (maxDf 0.5 is vectorize's own)
  const effective = { vectorize: { maxDf: 0.5, ...shipped.vectorize } as Record<string, unknown>, reduce: shipped.reduce as Record<string, unknown>, cluster: shipped.cluster as Record<string, unknown> };
  const sameAs = (name: string) => {
    const o = optionsOf(name) as { vectorize: Record<string, unknown>; reduce: Record<string, unknown>; cluster: Record<string, unknown> };
    return (["vectorize", "reduce", "cluster"] as const).every((stage) =>
      [...new Set([...Object.keys(o[stage]), ...Object.keys(effective[stage])])].every((key) => effective[stage][key] === o[stage][key]),
    );
  };
  const pickIsShipped = sameAs(overall);
  console.log(`Picked on all corpora: ${overall} (geometric mean ${f3(meanRatio(overall))})${pickIsShipped ? " = the engine's defaults" : ""}`);
  const shippedName = invariant.find(sameAs);
  if (!pickIsShipped)
    console.log(
      shippedName
        ? `≠ the engine's defaults, ${shippedName}: geometric mean ${f3(meanRatio(shippedName))}, ${(100 * (1 - meanRatio(shippedName) / meanRatio(overall))).toFixed(2)} % under the pick (${CORPORA.map((c, i) => `${short(c)} ${f3(grids[i].nmi[shippedName])} against ${f3(grids[i].nmi[overall])}`).join("; ")})`
        : `≠ the engine's defaults ${JSON.stringify(shipped)}, which are not in the grid`,
    );
  console.log(`(with 1 + ln tf allowed: ${best(names)}, geometric mean ${f3(meanRatio(best(names)))})`);
  const kmeansOnly = invariant.filter((name) => optionsOf(name).cluster?.method === "kmeans");
  console.log(`(k-means only: ${best(kmeansOnly)}, geometric mean ${f3(meanRatio(best(kmeansOnly)))}; picked without each corpus: ${CORPORA.map((c, i) => `${short(c)}: ${best(kmeansOnly, i)}`).join("; ")})`);
  for (const [c, p] of picks.entries()) console.log(`picked without ${short(CORPORA[c])}: ${p}`);
  console.log("");
  if (only) return;
  console.log(`Held-out scores: the full engine (k given, then automatic k), mean of ${seeds.length} seeds. "LOCO" = options picked without the corpus;`);
  console.log(`"shipped" = the engine's defaults; "before" = issue 12's settings (1 + ln tf, idf², title ×2, 50 dims, U·S², no smoothing)`);
  console.log(`and candidates from 2 to √n, with today's choice of k among them.\n`);
  const header = ["held-out corpus", "anchor", "floor given / auto", "LOCO given", "LOCO auto (k)", "floors", "shipped given", "shipped auto (k)", "before given", "before auto (k)"];
  const rows: string[][] = [];
  for (const [c, corpus] of CORPORA.entries()) {
    const run = (k: "labels" | "auto", options?: Job["options"]) => spawn({ file: corpus.file, rows: corpus.rows, labelBy: corpus.labelBy, k, seeds, options });
    const before = {
      vectorize: { tf: "log", idfPower: 2, normPower: 0, titleWeight: 2 },
      reduce: { dimensions: 50, singularValueWeighting: 2 },
      cluster: { method: "kmeans", smoothNeighbours: 0 },
      kRange: "2-sqrt",
    } as const;
    const [lg, la, sg, sa, bg, ba] = [run("labels", optionsOf(picks[c])), run("auto", optionsOf(picks[c])), run("labels"), run("auto"), run("labels", before), run("auto", before)];
    const nmi = (r: JobResult) => mean(r.runs.map((x) => x.nmi));
    const ks = (r: JobResult) => [...new Set(r.runs.map((x) => x.k))].join(",");
    const floor = 1.25 * corpus.anchor;
    rows.push([
      short(corpus),
      f3(corpus.anchor),
      `${f3(floor)} / ${f3(0.9 * floor)}`,
      f3(nmi(lg)),
      `${f3(nmi(la))} (${ks(la)})`,
      `${nmi(lg) >= floor ? "yes" : "NO"} / ${nmi(la) >= 0.9 * floor ? "yes" : "NO"}`,
      f3(nmi(sg)),
      `${f3(nmi(sa))} (${ks(sa)})`,
      f3(nmi(bg)),
      `${f3(nmi(ba))} (${ks(ba)})`,
    ]);
  }
  printTable(header, rows);
}

/**
 * --small: a lab's campaign often has 30 to 120 ideas, and the grid's corpora have 162 to 2,086. Draws
 * 12 samples of 30, 60 and 120 texts from each corpus (seeds 100 to 111), clusters each with the
 * defaults but the smoothing (none, 5, 10 or 20 neighbours, 20 without the √n cap, the shipped 20
 * at most √n), k given (the labels present in the sample) and automatic, seed 1, and prints the
 * mean NMI; « à classer » ideas count in their nearest theme.
 */
async function small() {
  const sizes = [30, 60, 120];
  const samples = 12;
  const variants: Named<ClusterOptions>[] = [
    { name: "none", options: { smoothNeighbours: 0 } },
    { name: "5", options: { smoothNeighbours: 5, smoothCap: "none" } },
    { name: "10", options: { smoothNeighbours: 10, smoothCap: "none" } },
    { name: "20, no cap", options: { smoothNeighbours: 20, smoothCap: "none" } },
    { name: "shipped: 20, ≤ √n", options: {} },
  ];
  console.log(`Small collections — ${samples} samples of ${sizes.join(", ")} texts per corpus, mean NMI (k given | automatic k) by smoothing\n`);
  const rows: string[][] = [];
  const wins = new Map(variants.map((v) => [v.name, 0]));
  for (const corpus of CORPORA) {
    const all = await readCorpus(corpus);
    for (const size of sizes) {
      const sums = variants.map(() => ({ given: 0, auto: 0 }));
      for (let s = 0; s < samples; s++) {
        const picked = Array.from(sampleIndices(all.docs.length, size, createRandom(100 + s)));
        const docs = picked.map((i) => all.docs[i]);
        const truth = picked.map((i) => all.truth[i]);
        for (const [v, variant] of variants.entries())
          for (const mode of ["given", "auto"] as const) {
            const r = await discoverThemes(docs, { seed: 1, k: mode === "given" ? new Set(truth).size : "auto", cluster: variant.options });
            const themeOf = new Map<string, string>();
            for (const t of r.themes) for (const id of t.memberIds) themeOf.set(id, t.key);
            for (const o of r.outliers) themeOf.set(o.id, o.nearestTheme ?? "à classer");
            sums[v][mode] += normalizedMutualInformation(truth, docs.map((d) => themeOf.get(d.id) ?? "à classer")) / samples;
          }
      }
      for (const mode of ["given", "auto"] as const) {
        const best = Math.max(...sums.map((x) => x[mode]));
        sums.forEach((x, v) => x[mode] === best && wins.set(variants[v].name, wins.get(variants[v].name)! + 1));
      }
      rows.push([corpusName(corpus).slice(0, 25), String(size), ...sums.map((x) => `${f3(x.given)} | ${f3(x.auto)}`)]);
    }
  }
  printTable(["corpus", "texts", ...variants.map((v) => v.name)], rows);
  console.log(`\nbest of the five (out of ${rows.length * 2} rows × modes): ${[...wins].map(([name, n]) => `${name} ${n}`).join(", ")}`);
}

/**
 * --ceiling: how far a clustering into the given themes can get in the engine's representation
 * (default options), with the labels known: each text put in the theme whose centre (normalised sum of
 * its other members, leave-one-out) is nearest by cosine, on the TF-IDF rows and on the latent vectors;
 * and spherical k-means started from the true themes' centres (latent vectors) against k-means++ starts.
 * A nearest-centre rule is what k-means converges to, so an unsupervised clustering by centres scores
 * under the first figures, in practice.
 */
async function ceiling() {
  console.log("Ceiling — the labels known: nearest true centre (leave-one-out) and k-means from the true centres, default options, seed 1\n");
  const header = ["corpus", "anchor", "floor given", "nearest centre TF-IDF", "nearest centre latent", "k-means from true centres", "k-means++ (10 starts)"];
  const rows: string[][] = [];
  for (const c of CORPORA) {
    const { docs, truth } = await readCorpus(c);
    const names = [...new Set(truth)];
    const group = truth.map((t) => names.indexOf(t));
    const k = names.length;
    const n = docs.length;
    const vectors = await vectorize(docs, new Analyzer(), DEFAULT_OPTIONS.vectorize, new Progress());
    // unit TF-IDF rows, as a dense-by-theme sum: the themes' sums over the vocabulary
    const { indptr, indices, values, cols } = vectors.tfidf;
    const norm = Float64Array.from({ length: n }, (_, i) => Math.sqrt(values.subarray(indptr[i], indptr[i + 1]).reduce((a, v) => a + v * v, 0)) || 1);
    const sums = new Float64Array(k * cols);
    for (let i = 0; i < n; i++) for (let p = indptr[i]; p < indptr[i + 1]; p++) sums[group[i] * cols + indices[p]] += values[p] / norm[i];
    const sq = Float64Array.from({ length: k }, (_, g) => sums.subarray(g * cols, g * cols + cols).reduce((a, v) => a + v * v, 0));
    const nearestSparse = docs.map((_, i) => {
      let best = -1;
      let bestS = -Infinity;
      for (let g = 0; g < k; g++) {
        let s = 0;
        for (let p = indptr[i]; p < indptr[i + 1]; p++) s += (values[p] / norm[i]) * sums[g * cols + indices[p]];
        const self = indptr[i + 1] > indptr[i] ? 1 : 0;
        const cos = g === group[i] ? (s - self) / Math.sqrt(Math.max(1e-12, sq[g] - 2 * s + self)) : s / Math.sqrt(sq[g]);
        if (cos > bestS) [best, bestS] = [g, cos];
      }
      return String(best);
    });
    const red = await reduce(vectors.tfidf, createRandom(1), DEFAULT_OPTIONS.reduce, new Progress());
    const d = red.dims;
    const latentSums = new Float64Array(k * d);
    for (let i = 0; i < n; i++) for (let b = 0; b < d; b++) latentSums[group[i] * d + b] += red.x[i * d + b];
    const nearestLatent = docs.map((_, i) => {
      let best = -1;
      let bestS = -Infinity;
      for (let g = 0; g < k; g++) {
        let s = 0;
        let q = 0;
        for (let b = 0; b < d; b++) {
          const v = latentSums[g * d + b] - (g === group[i] ? red.x[i * d + b] : 0);
          s += v * red.x[i * d + b];
          q += v * v;
        }
        const cos = s / Math.sqrt(Math.max(1e-12, q));
        if (cos > bestS) [best, bestS] = [g, cos];
      }
      return String(best);
    });
    const centres = Float64Array.from(latentSums);
    for (let g = 0; g < k; g++) {
      const l = Math.hypot(...centres.subarray(g * d, g * d + d));
      for (let b = 0; b < d; b++) centres[g * d + b] /= l || 1;
    }
    const points = { x: red.x, n, d };
    const nonZero = Int32Array.from(docs.keys()).filter((i) => red.x.subarray(i * d, i * d + d).some((x) => x !== 0));
    const asLabels = (labels: Int32Array) => {
      const out = docs.map(() => "vide");
      nonZero.forEach((i, j) => (out[i] = String(labels[j])));
      return out;
    };
    const fromTruth = await sphericalKMeans(points, { k, rows: nonZero, init: centres, random: createRandom(1) });
    const plusPlus = await sphericalKMeans(points, { k, rows: nonZero, restarts: 10, random: createRandom(2) });
    const nmi = (p: string[]) => f3(normalizedMutualInformation(truth, p));
    rows.push([
      corpusName(c),
      f3(c.anchor),
      f3(1.25 * c.anchor),
      nmi(nearestSparse),
      nmi(nearestLatent),
      `${nmi(asLabels(fromTruth.labels))} (objective ${fromTruth.objective.toFixed(1)})`,
      `${nmi(asLabels(plusPlus.labels))} (objective ${plusPlus.objective.toFixed(1)})`,
    ]);
  }
  printTable(header, rows);
}

/**
 * The web server's event loop while an analysis of 10,000 texts runs: in a worker thread, as the
 * job runner does (src/themes/runner.ts), and, for comparison, on the main thread.
 */
async function responsiveness() {
  const { monitorEventLoopDelay } = await import("node:perf_hooks");
  const { runEngine } = await import("../src/themes/runner");
  const { records } = parseCsvRecords(readFileSync(path.join(dataDir, SCALE.file), "utf8"));
  const docs = records.slice(0, 10_000).map((r) => ({ id: r.id, title: r.title, text: r.body }));
  const header = ["where the engine runs", "seconds", "event loop delay p50 ms", "p99 ms", "max ms"];
  const rows: string[][] = [];
  for (const where of ["worker thread (the job)", "main thread (for comparison)"]) {
    const h = monitorEventLoopDelay({ resolution: 5 });
    const t0 = performance.now();
    h.enable();
    if (where.startsWith("worker")) await runEngine(docs, { k: "auto", seed: 1 }, async () => false);
    else await discoverThemes(docs, { k: "auto", seed: 1 });
    h.disable();
    const ms = (x: number) => (x / 1e6).toFixed(1);
    rows.push([where, ((performance.now() - t0) / 1000).toFixed(1), ms(h.percentile(50)), ms(h.percentile(99)), ms(h.max)]);
  }
  console.log("Responsiveness — 10,000 texts, automatic k: delay of the server's event loop meanwhile");
  printTable(header, rows);
}

function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
  console.log("");
}

await main();
