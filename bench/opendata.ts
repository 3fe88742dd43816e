/**
 * `npm run bench:opendata` — the open data exports on PostgreSQL: 100,000 ideas with their themes,
 * and the themes and the decisions, each as CSV and JSON, streamed by the real server.
 *
 * 1. builds the app, (re)creates the database germoir_bench_opendata, migrates it and loads the
 *    bench data set of `npm run bench:web` (bench/load.ts: 100,000 ideas, 20,000 agents, 50
 *    campaigns, a smaller desk and portfolio), then, in set-based SQL, one published theme
 *    analysis per lab (12 themes each, every published idea in one), one public Mini-Lab per
 *    theme with 5 submitted proposals, each decided;
 * 2. starts the real server as `npm start` does (build/server/main.mjs, NODE_ENV=production, rate
 *    limits off), with the memory settings the README recommends for a web process in production
 *    (NODE_OPTIONS=--max-old-space-size=160, MALLOC_ARENA_MAX=2);
 * 3. downloads each file once, reading it as it comes, and prints its seconds, bytes, time to first
 *    byte, rows, and the server's resident memory (sampled every 50 ms, and its peak from
 *    /proc/<pid>/status VmHWM). Floors (issue 11): each ideas file in < 30 s, the server < 300 MB.
 *
 * Environment: DATABASE_URL (admin URL, default the local PostgreSQL), BENCH_SKIP_BUILD=true,
 * BENCH_KEEP_DATA=true (reuse the database of the previous run), BENCH_SERVER_NODE_OPTIONS (the
 * server's NODE_OPTIONS instead of the recommended ones; « none » for Node's defaults) and
 * BENCH_SERVER_MALLOC_ARENA_MAX (« default » for glibc's).
 */
import { spawnSync, type ChildProcess } from "node:child_process";
import { startBenchServer, stopBenchServer, waitHealthy } from "./server";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { loadConfig } from "../src/kernel/config";
import { boot } from "../src/boot";
import { loadData } from "./load";
import { freePort } from "../tests/support/server";

const ROOT = path.resolve(import.meta.dirname, "..");
const ADMIN_URL = process.env.DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";
const DB_NAME = "germoir_bench_opendata";
const SIZES = { ideas: 100_000, agents: 20_000, campaigns: 50, requests: 5_000, projects: 500 };
const FLOOR_SECONDS = 30;
const FLOOR_RSS_MB = 300;
const KEEP_DATA = process.env.BENCH_KEEP_DATA === "true";
/** The production memory settings the README recommends for a web process (overridable to compare). */
const SERVER_MEMORY_ENV: Record<string, string> = (() => {
  const nodeOptions = process.env.BENCH_SERVER_NODE_OPTIONS ?? "--max-old-space-size=160";
  const arenas = process.env.BENCH_SERVER_MALLOC_ARENA_MAX ?? "2";
  return { ...(nodeOptions !== "none" ? { NODE_OPTIONS: nodeOptions } : {}), ...(arenas !== "default" ? { MALLOC_ARENA_MAX: arenas } : {}) };
})();
const FILES = ["idees.csv", "idees.json", "problematiques.csv", "problematiques.json", "decisions.csv", "decisions.json"];

const T0 = Date.now();
const log = (m: string) => console.log(`[bench ${((Date.now() - T0) / 1000).toFixed(1).padStart(5)} s] ${m}`);
const benchUrl = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();

function statusKb(pid: number, key: "VmRSS" | "VmHWM"): number {
  try {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Themes, Mini-Labs, proposals and decisions over the loaded ideas, in set-based SQL. */
async function loadThemesAndDecisions(pool: pg.Pool) {
  await pool.query(`
    WITH a AS (
      INSERT INTO theme_analyses (lab_id, title, campaign_ids, scope, k, created_by, published_at, published_by)
      SELECT l.id, 'Problématiques de fond ' || l.slug, (SELECT array_agg(c.id) FROM campaigns c WHERE c.lab_id = l.id), 'all', 12, NULL, now() - interval '30 days', NULL
      FROM labs l
      RETURNING id, lab_id
    )
    INSERT INTO themes (analysis_id, label, terms, position)
    SELECT a.id, 'Problématique ' || k, jsonb_build_array(jsonb_build_object('term', 'terme' || k, 'weight', 1, 'count', 10), jsonb_build_object('term', 'mot' || k, 'weight', 0.5, 'count', 5)), k
    FROM a CROSS JOIN generate_series(1, 12) k`);
  await pool.query(`
    INSERT INTO theme_ideas (analysis_id, idea_id, theme_id, similarity)
    SELECT a.id, i.id, t.id, 0.5
    FROM ideas i
    JOIN theme_analyses a ON a.lab_id = i.lab_id
    JOIN themes t ON t.analysis_id = a.id AND t.position = 1 + (abs(hashtext(i.id::text)) % 12)
    WHERE i.status <> 'draft'`);
  await pool.query(`
    INSERT INTO minilabs (lab_id, theme_id, theme_label, name, question, join_policy, sessions_from, sessions_until, restitution_on, arbitration_on, directorates, visibility)
    SELECT a.lab_id, t.id, t.label, 'Mini-Lab ' || t.label, 'Comment agir sur ' || t.label || ' ?', 'open',
      now() - interval '300 days', now() - interval '200 days', now() - interval '150 days', now() - interval '100 days', ARRAY['Direction des lycées'], 'public'
    FROM themes t JOIN theme_analyses a ON a.id = t.analysis_id`);
  await pool.query(`
    INSERT INTO proposals (minilab_id, author_id, title, problem, solution, impact, resources, cost_eur, directorate, status, submitted_at, submitted_by)
    SELECT m.id, u.id, 'Proposition ' || k || ' de ' || m.name, 'Un problème.', 'Une solution.', 'Un impact.', 'Des moyens.', 1000 * k, 'Direction des lycées', 'submitted', now() - interval '120 days', u.id
    FROM minilabs m CROSS JOIN generate_series(1, 5) k CROSS JOIN LATERAL (SELECT id FROM users ORDER BY id LIMIT 1) u`);
  await pool.query(`
    INSERT INTO decisions (proposal_id, outcome, reason, follow_up_owner_id, follow_up_due, decided_by, decided_at)
    SELECT p.id, CASE WHEN n % 3 = 0 THEN 'rejected' ELSE 'adopted' END, 'Motif de la direction.',
      CASE WHEN n % 3 = 0 THEN NULL ELSE p.author_id END, CASE WHEN n % 3 = 0 THEN NULL ELSE now() + interval '100 days' END, p.author_id, now() - interval '90 days'
    FROM (SELECT p.*, row_number() OVER (ORDER BY p.id) n FROM proposals p) p`);
}

function startServer(port: number, dataDir: string): ChildProcess {
  return startBenchServer({ port, dataDir, databaseUrl: benchUrl, secret: "bench-session-secret-0123456789abcdef", env: { RATE_LIMITS: "false", WEB_CONCURRENCY: "1", ...SERVER_MEMORY_ENV } });
}

interface Download {
  file: string;
  status: number;
  chunked: boolean;
  seconds: number;
  ttfbMs: number;
  bytes: number;
  rows: number;
  peakRssMb: number;
}

/** Downloads a file as a client would, counting bytes and lines as they arrive (nothing kept). */
async function download(base: string, file: string, serverPid: number): Promise<Download> {
  let peak = statusKb(serverPid, "VmRSS");
  const sampler = setInterval(() => (peak = Math.max(peak, statusKb(serverPid, "VmRSS"))), 50);
  const start = performance.now();
  const res = await fetch(`${base}/donnees/${file}`);
  const reader = res.body!.getReader();
  let first = 0;
  let bytes = 0;
  let newlines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!first) first = performance.now();
    bytes += value.byteLength;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) newlines++;
  }
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, statusKb(serverPid, "VmRSS"));
  // CSV: a header line (rows may hold line breaks inside quotes, so this counts lines); JSON: one row a line between « [ » and « ] »
  const rows = file.endsWith(".json") ? Math.max(0, newlines - 2) : Math.max(0, newlines - 1);
  return { file, status: res.status, chunked: res.headers.get("transfer-encoding") === "chunked", seconds, ttfbMs: first - start, bytes, rows, peakRssMb: peak / 1024 };
}

async function main() {
  if (process.env.BENCH_SKIP_BUILD !== "true") {
    log("npm run build");
    const b = spawnSync("npm", ["run", "build"], { cwd: ROOT, encoding: "utf8" });
    if (b.status !== 0) throw new Error(`build failed:\n${b.stdout}\n${b.stderr}`);
  }
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DB_NAME])).rowCount === 1;
  if (!KEEP_DATA || !exists) {
    await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DB_NAME}`);
  }
  await admin.end();
  const config = loadConfig({ ...process.env, NODE_ENV: "production", SESSION_SECRET: "bench-session-secret-0123456789abcdef", DATABASE_URL: benchUrl, DATABASE_POOL_SIZE: "4", LOG_LEVEL: "warn", SEED_DEMO: "false", DEMO_LOGIN: "false" });
  const rt = await boot({ config });
  const pool = new pg.Pool({ connectionString: benchUrl, max: 2 });
  if (!KEEP_DATA || !exists) {
    log(`loading ${SIZES.ideas} ideas, ${SIZES.agents} agents, ${SIZES.campaigns} campaigns (and a small desk and portfolio) into ${DB_NAME}`);
    const t = Date.now();
    await loadData(pool, SIZES, new Date(), (m) => log(`  ${m}`));
    await loadThemesAndDecisions(pool);
    await pool.query("VACUUM ANALYZE");
    log(`loaded in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  } else log(`reusing ${DB_NAME} (BENCH_KEEP_DATA)`);
  const facts = (
    await pool.query<{ ideas: string; themes: string; links: string; decisions: string }>(
      `SELECT (SELECT count(*) FROM ideas WHERE status IN ('submitted','under_review','awarded','not_awarded') AND hidden_at IS NULL) ideas,
        (SELECT count(*) FROM themes) themes, (SELECT count(*) FROM theme_ideas) links, (SELECT count(*) FROM decisions) decisions`,
    )
  ).rows[0];
  log(`published ideas ${facts.ideas}, themes ${facts.themes} (${facts.links} ideas placed), decisions ${facts.decisions}`);
  await pool.end();
  await rt.database.close();

  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "germoir-bench-opendata-"));
  const server = startServer(port, dataDir);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(base, server);
    const pid = server.pid!;
    // one small request first, so that the figures are the export's, not the first page's loading
    await (await fetch(`${base}/donnees`)).text();
    const idle = statusKb(pid, "VmRSS") / 1024;
    log(`server ready, resident memory ${idle.toFixed(0)} MB`);
    const results: Download[] = [];
    for (const file of FILES) {
      const r = await download(base, file, pid);
      results.push(r);
      log(`${file}: ${r.status}, ${r.seconds.toFixed(2)} s, ${(r.bytes / 1e6).toFixed(1)} MB, first byte ${r.ttfbMs.toFixed(0)} ms, ${r.rows} lines, server ${r.peakRssMb.toFixed(0)} MB${r.chunked ? ", chunked" : ""}`);
    }
    const hwm = statusKb(pid, "VmHWM") / 1024;
    console.log("\n| fichier | lignes | taille | durée | premier octet | mémoire du serveur (pic) |");
    console.log("|---|---|---|---|---|---|");
    for (const r of results) console.log(`| \`${r.file}\` | ${r.rows.toLocaleString("fr-FR")} | ${(r.bytes / 1e6).toFixed(1)} Mo | ${r.seconds.toFixed(2)} s | ${r.ttfbMs.toFixed(0)} ms | ${r.peakRssMb.toFixed(0)} Mo |`);
    console.log(`\nServer memory settings: NODE_OPTIONS=${SERVER_MEMORY_ENV.NODE_OPTIONS ?? "(Node's defaults)"}, MALLOC_ARENA_MAX=${SERVER_MEMORY_ENV.MALLOC_ARENA_MAX ?? "(glibc's default)"}`);
    console.log(`\nServer resident memory: ${idle.toFixed(0)} MB idle, peak during the downloads ${Math.max(...results.map((r) => r.peakRssMb)).toFixed(0)} MB (VmHWM over the process's life, start-up included: ${hwm.toFixed(0)} MB).`);
    const ideas = results.filter((r) => r.file.startsWith("idees"));
    const timeOk = ideas.every((r) => r.seconds < FLOOR_SECONDS && r.status === 200);
    const memOk = Math.max(...results.map((r) => r.peakRssMb)) < FLOOR_RSS_MB;
    console.log(`Floors: each ideas file < ${FLOOR_SECONDS} s: ${timeOk ? "met" : "NOT MET"}; server < ${FLOOR_RSS_MB} MB: ${memOk ? "met" : "NOT MET"}.`);
    if (!timeOk || !memOk) process.exitCode = 1;
  } finally {
    await stopBenchServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
