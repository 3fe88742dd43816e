// npm run bench:themes [-- --seeds N] [--no-scale] [--scale-only]
// Theme discovery on the labelled corpora in ../shared/data: NMI, ARI and V-measure with k = number of
// labels and with automatic k (mean over seeds), seconds, peak memory; then the scale runs on 10,000
// and 100,000 answers. Each measurement runs in its own process, so "peak MB" is that process's
// maximum resident set size (Node and tsx included, about 100 MB). "seconds" is wall time from texts
// in to themes out (CSV reading excluded); "cpu s" the CPU time of that run, which shows how much of
// the wall time was lost to other processes on a shared machine (the engine runs on one thread).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseCsvRecords } from "../src/themes/engine/csv";
import { discoverThemes } from "../src/themes/engine/index";
import { scorePartition } from "../src/themes/engine/metrics";

const here = fileURLToPath(import.meta.url);
const repoRoot = path.resolve(path.dirname(here), "..");
const dataDir = path.resolve(repoRoot, "../shared/data");

const CORPORA = [
  { file: "consultation-an-egalite-2016.csv", anchor: 0.43 },
  { file: "grand-debat-mel-2019.csv", anchor: 0.14 },
  { file: "republique-numerique-2015.csv", anchor: 0.1 },
];
const SCALE = { file: "grand-debat-2019-answers-100k.csv", sizes: [10_000, 100_000] };

interface Job {
  file: string;
  rows?: number;
  k: "labels" | "auto";
  seeds: number[];
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
}
interface JobResult {
  n: number;
  labels: number;
  runs: Run[];
  peakMB: number;
}

// THEMES_OPTIONS='{"reduce":{"dimensions":50}}' overrides engine options, for experiments
const extra = JSON.parse(process.env.THEMES_OPTIONS ?? "{}") as Record<string, unknown>;

async function worker(job: Job): Promise<JobResult> {
  const { records: all } = parseCsvRecords(readFileSync(path.join(dataDir, job.file), "utf8"));
  const records = job.rows ? all.slice(0, job.rows) : all;
  const docs = records.map((r) => ({ id: r.id, title: r.title, text: r.body }));
  const truth = records.map((r) => r.label);
  const labels = new Set(truth).size;
  const runs: Run[] = [];
  for (const seed of job.seeds) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const res = await discoverThemes(docs, { ...extra, k: job.k === "labels" ? labels : "auto", seed });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(c0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const themeOf = new Map<string, string>();
    for (const t of res.themes) for (const id of t.memberIds) themeOf.set(id, t.key);
    for (const o of res.outliers) themeOf.set(o.id, o.nearestTheme ?? "à classer");
    const s = scorePartition(truth, docs.map((d) => themeOf.get(d.id) ?? "à classer"));
    runs.push({ seed, k: res.chosenK, themes: res.themes.length, outliers: res.outliers.length, nmi: s.nmi, ari: s.ari, v: s.v, seconds, cpuSeconds });
  }
  return { n: docs.length, labels, runs, peakMB: process.resourceUsage().maxRSS / 1024 };
}

function spawn(job: Job): JobResult {
  const out = execFileSync(process.execPath, ["--import", "tsx", here, "--worker", JSON.stringify(job)], {
    cwd: repoRoot,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out.trim().split("\n").pop()!) as JobResult;
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
  const seedsArg = argv.indexOf("--seeds");
  const nSeeds = seedsArg >= 0 ? Number(argv[seedsArg + 1]) : 5;
  const seeds = Array.from({ length: nSeeds }, (_, i) => i + 1);
  if (!existsSync(dataDir)) throw new Error(`données introuvables : ${dataDir}`);

  const only = argv.includes("--auto-only") ? ["auto"] : argv.includes("--given-only") ? ["labels"] : ["labels", "auto"];
  if (!argv.includes("--scale-only")) {
    console.log(`Theme discovery — labelled corpora (${dataDir}), mean of ${nSeeds} seed(s) (${seeds.join(", ")})`);
    if (Object.keys(extra).length) console.log(`options: ${JSON.stringify(extra)}`);
    console.log("NMI floor with k given = 1.25 × anchor (scikit-learn TF-IDF + LSA-100 + k-means); with automatic k = 0.9 × that floor.\n");
    const header = ["corpus", "n", "labels", "mode", "k", "NMI", "±", "ARI", "V", "floor", "ok", "s/run", "cpu s", "peak MB"];
    const rows: string[][] = [];
    for (const c of CORPORA) {
      for (const mode of only as ("labels" | "auto")[]) {
        const r = spawn({ file: c.file, k: mode, seeds });
        const nmis = r.runs.map((x) => x.nmi);
        const floor = mode === "labels" ? 1.25 * c.anchor : 0.9 * 1.25 * c.anchor;
        const ks = r.runs.map((x) => x.k);
        rows.push([
          c.file.replace(/\.csv$/, ""),
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
    console.log("Scores put each « à classer » idea in its nearest theme; ideas with no usable word form one more group.\n");
  }

  if (!argv.includes("--no-scale")) {
    console.log(`Scale — ${SCALE.file}, automatic k, seed 1 (limits: 10,000 in < 10 s, 100,000 in < 120 s, < 2 GB)`);
    const header = ["texts", "k", "themes", "à classer", "seconds", "cpu s", "peak MB", "NMI (4 coarse labels)"];
    const rows: string[][] = [];
    for (const size of SCALE.sizes) {
      const r = spawn({ file: SCALE.file, rows: size, k: "auto", seeds: [1] });
      const run = r.runs[0];
      rows.push([String(r.n), String(run.k), String(run.themes), String(run.outliers), run.seconds.toFixed(1), run.cpuSeconds.toFixed(1), r.peakMB.toFixed(0), f3(run.nmi)]);
    }
    printTable(header, rows);
    await responsiveness();
  }
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
