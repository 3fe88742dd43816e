/**
 * `npm run bench:web` — load test of the idea pages, the lab team’s desk queue, project
 * portfolio and steering dashboards, the public tracker and two public API routes on PostgreSQL.
 *
 * 1. builds the app, (re)creates the database germoir_bench, migrates it with the real
 *    migrations and loads 100,000 ideas, 40,000 agents, 50 campaigns, 50,000 desk requests and
 *    5,000 projects (and Lab’EST's published demo roadmap, for the tracker, when it has none);
 * 2. signs in one agent (no role) and one member of the Région lab's team (real session rows)
 *    and starts the real server (server/main.ts, NODE_ENV=production) with its bare bench routes;
 * 3. measures with autocannon, for each page, the page and its bare twin (same queries,
 *    JSON answer, no rendering), and prints req/s and p50/p95/p99 latency side by side.
 *
 * Environment: DATABASE_URL (admin URL, default the local PostgreSQL), BENCH_CONNECTIONS (50),
 * BENCH_DURATION (seconds per measure, 10), BENCH_SKIP_BUILD=true, BENCH_KEEP_DATA=true (reuse the
 * germoir_bench database of the previous run instead of loading it again), BENCH_DATABASE (its name,
 * germoir_bench by default), BENCH_ONLY (measure only
 * the scenarios whose name contains this text), BENCH_PROFILE=true (run the server under
 * `node --cpu-prof` and print the functions and packages that took its CPU), and for the server
 * WEB_CONCURRENCY and DATABASE_POOL_SIZE, passed through when set.
 */
import { spawnSync, type ChildProcess } from "node:child_process";
import { startBenchServer, stopBenchServer, waitHealthy } from "./server";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import autocannon from "autocannon";
import { loadConfig } from "../src/kernel/config";
import { boot } from "../src/boot";
import { createSession } from "../src/kernel/auth/sessions";
import { loadData } from "./load";
import { freePort } from "../tests/support/server";
import { printProfile } from "./profile";
import { seedDemoRoadmaps } from "../src/roadmaps/demo";

const ROOT = path.resolve(import.meta.dirname, "..");
const ADMIN_URL = process.env.DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";
/** BENCH_DATABASE: another name, so that two checkouts benchmarking at once do not share one database. */
const DB_NAME = process.env.BENCH_DATABASE ?? "germoir_bench";
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = 3;
const FLOOR_P95_MS = 100;
const SIZES = { ideas: 100_000, agents: 40_000, campaigns: 50, requests: 50_000, projects: 5_000 };
/** The lab whose queue and portfolio are measured (most requests and projects are its). */
const LAB = "region-grand-est";
const SECRET = "bench-session-secret-0123456789abcdef";
const SEARCHES = ["ménage", "produits ménage"];
const KEEP_DATA = process.env.BENCH_KEEP_DATA === "true";
const ONLY = process.env.BENCH_ONLY ?? "";
const PROFILE = process.env.BENCH_PROFILE === "true";
/** What a later run with BENCH_KEEP_DATA needs to know of the loaded data. */
const STATE_FILE = path.join(os.tmpdir(), DB_NAME === "germoir_bench" ? "germoir-bench-web.json" : `${DB_NAME}-web.json`);

const T0 = Date.now();
const log = (m: string) => console.log(`[bench ${((Date.now() - T0) / 1000).toFixed(1).padStart(5)} s] ${m}`);
const benchUrl = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();

// ---------------------------------------------------------------- process figures (Linux /proc)

const TICK = 100; // USER_HZ
function readProc(pid: number, file: string): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return null;
  }
}
/** The process and its descendants (cluster workers). */
function tree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    const tasks = fs.existsSync(`/proc/${out[i]}/task`) ? fs.readdirSync(`/proc/${out[i]}/task`) : [];
    for (const t of tasks) {
      const kids = readProc(out[i], `task/${t}/children`);
      if (kids) out.push(...kids.trim().split(/\s+/).filter(Boolean).map(Number));
    }
  }
  return out;
}
function cpuTicks(pids: number[]): number {
  let sum = 0;
  for (const p of pids) {
    const stat = readProc(p, "stat");
    if (!stat) continue;
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    sum += Number(f[11]) + Number(f[12]); // utime, stime
  }
  return sum;
}
function statusKb(pid: number, key: "VmRSS" | "VmHWM"): number {
  const m = readProc(pid, "status")?.match(new RegExp(`${key}:\\s+(\\d+) kB`));
  return m ? Number(m[1]) : 0;
}
/** Busy CPU time of the whole machine, in ticks. */
function machineBusyTicks(): number {
  const f = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = f;
  return user + nice + system + irq + softirq + (steal ?? 0);
}
/** PostgreSQL backends serving the bench database (other sessions' databases are not counted). */
function postgresPids(): number[] {
  return fs
    .readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((p) => readProc(p, "comm")?.trim() === "postgres" && (readProc(p, "cmdline") ?? "").includes(` ${DB_NAME} `));
}

// ---------------------------------------------------------------- helpers


function percentile(sorted: Float64Array, q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

interface Measure {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  bad: number;
  serverCpu: number;
  pgCpu: number;
  benchCpu: number;
  /** CPU used by everything else on the machine meanwhile (other processes), in cores. */
  otherCpu: number;
}

async function measure(base: string, paths: string[], headers: Record<string, string>, seconds: number, serverPid: number): Promise<Measure> {
  let i = 0;
  const times: number[] = [];
  let bad = 0;
  const inst = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 30,
    headers,
    requests: [{ method: "GET", path: paths[0], setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  inst.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) times.push(ms);
    else bad++;
  });
  const s0 = cpuTicks(tree(serverPid));
  const pgBefore = postgresPids();
  const p0 = cpuTicks(pgBefore);
  const b0 = process.cpuUsage();
  const m0 = machineBusyTicks();
  const t0 = process.hrtime.bigint();
  const result = await inst;
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const b = process.cpuUsage(b0);
  const machine = (machineBusyTicks() - m0) / TICK / wall;
  const sorted = Float64Array.from(times).sort();
  const m: Measure = {
    rps: times.length / wall,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    requests: times.length,
    bad: bad + result.errors + result.timeouts,
    serverCpu: (cpuTicks(tree(serverPid)) - s0) / TICK / wall,
    // Backends opened during the measure count whole: they did all their work in it.
    pgCpu: (cpuTicks([...new Set([...pgBefore, ...postgresPids()])]) - p0) / TICK / wall,
    benchCpu: (b.user + b.system) / 1e6 / wall,
    otherCpu: 0,
  };
  m.otherCpu = Math.max(0, machine - m.serverCpu - m.pgCpu - m.benchCpu);
  return m;
}

function startServer(port: number, dataDir: string, profileDir?: string): ChildProcess {
  return startBenchServer({
    port,
    dataDir,
    databaseUrl: benchUrl,
    secret: SECRET,
    env: {
      BENCH_ROUTES: "true",
      // The bench sends thousands of searches a second from one address on purpose: it measures the
      // pages, not the rate limits (all its requests would count against one address's row).
      RATE_LIMITS: process.env.RATE_LIMITS ?? "false",
    },
    nodeArgs: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
  });
}

const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : "–");

// ---------------------------------------------------------------- main

async function main() {
  const started = Date.now();
  if (process.env.BENCH_SKIP_BUILD !== "true") {
    log("npm run build");
    const b = spawnSync("npm", ["run", "build"], { cwd: ROOT, encoding: "utf8" });
    if (b.status !== 0) throw new Error(`build failed:\n${b.stdout}\n${b.stderr}`);
  }

  let state: { viewerId: string; labTeamId: string; loadSeconds: number } | null = null;
  if (KEEP_DATA && fs.existsSync(STATE_FILE)) {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DB_NAME])).rowCount === 1;
    await admin.end();
    if (exists) state = JSON.parse(fs.readFileSync(STATE_FILE, "utf8"));
    // A state from before the desk and the projects were loaded: load again.
    if (state && !state.labTeamId) state = null;
  }
  const config = loadConfig({ ...process.env, NODE_ENV: "production", SESSION_SECRET: SECRET, DATABASE_URL: benchUrl, DATABASE_POOL_SIZE: "4", LOG_LEVEL: "warn", SEED_DEMO: "false", DEMO_LOGIN: "false" });
  let loadSeconds = state?.loadSeconds ?? 0;
  let rt;
  let pool;
  if (state) {
    log(`reusing ${DB_NAME} (BENCH_KEEP_DATA)`);
    rt = await boot({ config });
    pool = new pg.Pool({ connectionString: benchUrl, max: 2 });
  } else {
    // Fresh database.
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DB_NAME}`);
    await admin.end();

    // Real schema (boot runs every module's migrations), then the data.
    log(`loading ${SIZES.ideas} ideas, ${SIZES.agents} agents, ${SIZES.campaigns} campaigns, ${SIZES.requests} desk requests, ${SIZES.projects} projects into ${DB_NAME}`);
    const loadStart = Date.now();
    rt = await boot({ config });
    pool = new pg.Pool({ connectionString: benchUrl, max: 2 });
    const loaded = await loadData(pool, SIZES, new Date(), (m) => log(`  ${m}`));
    await pool.query("VACUUM ANALYZE");
    loadSeconds = (Date.now() - loadStart) / 1000;
    log(`loaded in ${fmt(loadSeconds)} s: ${Object.entries(loaded.counts).map(([k, v]) => `${k} ${v}`).join(", ")}`);
    state = { viewerId: loaded.viewerId, labTeamId: loaded.labTeamId, loadSeconds };
    fs.writeFileSync(STATE_FILE, JSON.stringify(state));
  }

  // The public tracker's roadmap: Lab'EST's, as the demo seeds it (also into a kept database that has none).
  const TRACKER_LAB = "labest";
  const roadmaps = Number((await pool.query(`SELECT count(*) n FROM roadmaps r JOIN labs l ON l.id = r.lab_id WHERE l.slug = $1 AND r.published`, [TRACKER_LAB])).rows[0].n);
  if (!roadmaps) log(`roadmap of ${TRACKER_LAB}: ${JSON.stringify(await seedDemoRoadmaps({ labSlug: TRACKER_LAB }))}`);

  // One signed-in agent, one member of the lab team, and what the pages will be asked for.
  const { token } = await createSession(state.viewerId);
  const { token: teamToken } = await createSession(state.labTeamId);
  const ideaIds = (
    await pool.query<{ id: string }>(`SELECT id FROM ideas WHERE status <> 'draft' AND hidden_at IS NULL ORDER BY md5(id::text) LIMIT 1000`)
  ).rows.map((r) => r.id);
  const publicIdeas = Number((await pool.query(`SELECT count(*) n FROM ideas WHERE status <> 'draft' AND hidden_at IS NULL`)).rows[0].n);
  const shares: Record<string, number> = {};
  for (const s of SEARCHES)
    shares[s] = Number(
      (await pool.query(`SELECT count(*) n FROM ideas WHERE status <> 'draft' AND hidden_at IS NULL AND search @@ websearch_to_tsquery('germoir_fr', $1)`, [s])).rows[0].n,
    );
  const deskFacts = (
    await pool.query<{ requests: string; open: string; overdue: string; projects: string }>(
      `SELECT (SELECT count(*) FROM requests r WHERE r.lab_id = l.id AND status <> 'draft') requests,
         (SELECT count(*) FROM requests r WHERE r.lab_id = l.id AND queue_rank = 0) open,
         (SELECT count(*) FROM requests r WHERE r.lab_id = l.id AND queue_rank = 0 AND due_at < now()) overdue,
         (SELECT count(*) FROM projects p WHERE p.lab_id = l.id) projects
       FROM labs l WHERE slug = $1`,
      [LAB],
    )
  ).rows[0];
  await pool.end();
  await rt.database.close();

  // The real server.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "germoir-bench-"));
  const profileDir = PROFILE ? fs.mkdtempSync(path.join(os.tmpdir(), "germoir-profile-")) : undefined;
  log(`starting server (WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY ?? "default"}, DATABASE_POOL_SIZE=${process.env.DATABASE_POOL_SIZE ?? "default"})`);
  const child = startServer(port, dataDir, profileDir);
  let peakRssKb = 0;
  const sampler = setInterval(() => {
    if (!child.pid) return;
    const rss = tree(child.pid).reduce((s, p) => s + statusKb(p, "VmRSS"), 0);
    peakRssKb = Math.max(peakRssKb, rss);
  }, 250);
  try {
    await waitHealthy(base, child, 60_000);

    // A browser would carry the CSRF cookie too; fetch it once per session.
    const headersOf = async (session: string) => {
      const first = await fetch(`${base}/idees`, { headers: { cookie: `germoir_session=${session}` }, redirect: "manual" });
      const csrf = (first.headers.get("set-cookie") ?? "").match(/germoir_csrf=([^;]+)/)?.[1];
      const cookie = `germoir_session=${session}${csrf ? `; germoir_csrf=${csrf}` : ""}`;
      return { cookie, accept: "text/html", "user-agent": "germoir-bench" };
    };
    const headers = await headersOf(token);
    const teamHeaders = await headersOf(teamToken);

    const q = (s: string) => `q=${encodeURIComponent(s)}`;
    /** 1,000 last days of a dashboard period, shuffled (the same order every run). */
    const periodEnds = Array.from({ length: 1000 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + ((i * 617) % 1000) * 86_400_000).toISOString().slice(0, 10));
    const allScenarios: { name: string; page: string[]; bare: string[]; expect: string; expectBare?: string; headers?: Record<string, string>; noData?: boolean }[] = [
      { name: "Liste /idees", page: ["/idees"], bare: ["/_bench/ideas"], expect: "idées" },
      ...SEARCHES.map((s) => ({
        name: `Recherche « ${s} »`,
        page: [`/idees?${q(s)}`],
        bare: [`/_bench/search?${q(s)}`],
        expect: "idées",
      })),
      { name: "Page idée /idees/:id", page: ideaIds.map((id) => `/idees/${id}`), bare: ideaIds.map((id) => `/_bench/idea/${id}`), expect: "Le problème constaté" },
      // The lab team's pages, with the team member's session and the default filters.
      { name: "Guichet du lab", page: [`/lab/${LAB}/guichet`], bare: [`/_bench/queue?lab=${LAB}`], expect: "Guichet – Lab d’innovation de la Région Grand Est", expectBare: `"requests":50`, headers: teamHeaders },
      { name: "Portefeuille de projets", page: [`/lab/${LAB}/projets`], bare: [`/_bench/portfolio?lab=${LAB}`], expect: "Projets – Lab d’innovation de la Région Grand Est", expectBare: `"projects":25`, headers: teamHeaders },
      // The figures are shared until something is committed (src/kernel/cache.ts): the same page
      // for every viewer measures that; a period ending on one of 1,000 different days is computed
      // at (nearly) every view, as after each write.
      { name: "Pilotage du lab", page: [`/lab/${LAB}/pilotage`], bare: [`/_bench/dashboard?lab=${LAB}`], expect: "Pilotage – Lab d’innovation de la Région Grand Est", expectBare: `"figures":12`, headers: teamHeaders },
      { name: "Pilotage, calculé à chaque vue", page: periodEnds.map((au) => `/lab/${LAB}/pilotage?au=${au}`), bare: periodEnds.map((au) => `/_bench/dashboard?lab=${LAB}&au=${au}`), expect: "Pilotage – Lab d’innovation de la Région Grand Est", expectBare: `"figures":12`, headers: teamHeaders },
      // The public tracker and two public API routes (JSON: no .data twin), no sign-in needed.
      { name: "Traceur public /traceur/:lab", page: [`/traceur/${TRACKER_LAB}`], bare: [`/_bench/tracker?lab=${TRACKER_LAB}`], expect: "Traceur de l’innovation", expectBare: `"roadmaps":1` },
      { name: "Traceur – API /api/v1/roadmap-progress", page: [`/api/v1/roadmap-progress?lab=${TRACKER_LAB}`], bare: [`/_bench/api/roadmap-progress?lab=${TRACKER_LAB}`], expect: `"next_cursor"`, expectBare: `"rows":50`, noData: true },
      { name: "Traceur – API /api/v1/projects", page: [`/api/v1/projects?lab=${LAB}`], bare: [`/_bench/api/projects?lab=${LAB}`], expect: `"next_cursor"`, expectBare: `"rows":50`, noData: true },
    ];

    /** `/idees?q=x` → `/idees.data?q=x`: the page's own middleware and loaders, answered as data (no HTML rendering). */
    const dataTwin = (p: string) => {
      const u = new URL(p, base);
      return `${u.pathname}.data${u.search}`;
    };
    const scenarios = allScenarios.filter((s) => s.name.includes(ONLY)).map((s) => ({ ...s, data: s.noData ? [] : s.page.map(dataTwin) }));
    if (!scenarios.length) throw new Error(`BENCH_ONLY=${ONLY} matches no scenario`);

    // Sanity: each page answers 200 with the expected content for its signed-in user.
    for (const s of scenarios) {
      for (const p of [s.page[0], s.data[0], s.bare[0]].filter((x): x is string => !!x)) {
        const r = await fetch(base + p, { headers: s.headers ?? headers, redirect: "manual" });
        const body = await r.text();
        if (r.status !== 200) throw new Error(`${p} answered ${r.status}`);
        if (p === s.page[0] && !body.includes(s.expect)) throw new Error(`${p} does not show "${s.expect}"`);
        if (p === s.bare[0] && s.expectBare && !body.includes(s.expectBare)) throw new Error(`${p} answered ${body}, not ${s.expectBare}`);
      }
    }

    const rows: { name: string; kind: string; m: Measure; bytes?: number }[] = [];
    for (const s of scenarios) {
      for (const [kind, paths] of [["page", s.page], ["data", s.data], ["bare", s.bare]] as const) {
        if (!paths.length) continue;
        log(`${s.name} (${kind}): warm-up ${WARMUP} s, measure ${DURATION} s, ${CONNECTIONS} connections`);
        const h = s.headers ?? headers;
        await measure(base, paths, h, WARMUP, child.pid!);
        const m = await measure(base, paths, h, DURATION, child.pid!);
        const bytes = kind === "page" ? (await (await fetch(base + paths[0], { headers: h })).arrayBuffer()).byteLength : undefined;
        rows.push({ name: s.name, kind, m, bytes });
      }
    }

    const hwmKb = tree(child.pid!).reduce((s, p) => s + statusKb(p, "VmHWM"), 0);
    const workers = tree(child.pid!).length;

    // ---------------------------------------------------------------- report
    const head = ["Scénario", "Route", "req/s", "page / route", "p50 ms", "p95 ms", "p99 ms", "non-2xx", "CPU srv/req", "CPU pg/req", "CPU bench", "CPU autres", "p95 < 100 ms"];
    const table: string[][] = [];
    let failed = false;
    for (const r of rows) {
      const pageRps = rows.find((x) => x.name === r.name && x.kind === "page")!.m.rps;
      const ok = r.m.p95 < FLOOR_P95_MS && r.m.bad === 0;
      if (r.kind === "page" && !ok) failed = true;
      const perReq = (cores: number) => `${fmt((cores * 1000) / r.m.rps, 2)} ms`;
      table.push([
        r.kind === "page" ? r.name : "",
        r.kind === "page"
          ? `${scenarios.find((x) => x.name === r.name)?.noData ? "réponse JSON de l’API" : "page HTML"}${r.bytes ? ` (${Math.round(r.bytes / 1024)} Ko)` : ""}`
          : r.kind === "data"
            ? "la même en .data (mêmes loaders, sans rendu)"
            : "route nue Express (JSON)",
        fmt(r.m.rps, 0),
        r.kind === "page" ? "" : `${fmt((100 * pageRps) / r.m.rps, 0)} %`,
        fmt(r.m.p50),
        fmt(r.m.p95),
        fmt(r.m.p99),
        String(r.m.bad),
        perReq(r.m.serverCpu),
        perReq(r.m.pgCpu),
        `${fmt(r.m.benchCpu * 100, 0)} %`,
        `${fmt(r.m.otherCpu * 100, 0)} %`,
        r.kind === "page" ? (ok ? "oui" : "NON") : "",
      ]);
    }
    const widths = head.map((h, c) => Math.max(h.length, ...table.map((row) => row[c].length)));
    const line = (cells: string[]) => "| " + cells.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(" | ") + " |";
    console.log("");
    console.log(`Germoir – bench web : ${SIZES.ideas} idées, ${SIZES.agents} agents, ${SIZES.campaigns} campagnes, ${SIZES.requests} demandes au guichet, ${SIZES.projects} projets (PostgreSQL), ${CONNECTIONS} connexions, ${DURATION} s par mesure, ${os.cpus().length} cœurs`);
    console.log(`Idées publiques : ${publicIdeas} ; « ${SEARCHES[0]} » : ${shares[SEARCHES[0]]} (${fmt((100 * shares[SEARCHES[0]]) / publicIdeas)} %) ; « ${SEARCHES[1]} » : ${shares[SEARCHES[1]]} (${fmt((100 * shares[SEARCHES[1]]) / publicIdeas)} %) ; page idée : ${ideaIds.length} idées en rotation`);
    console.log(`Lab ${LAB} (vu par un membre de son équipe) : ${deskFacts.requests} demandes reçues dont ${deskFacts.open} ouvertes (${deskFacts.overdue} en retard) ; ${deskFacts.projects} projets`);
    console.log(line(head));
    console.log("|" + widths.map((w, c) => (c < 2 ? ":" + "-".repeat(w + 1) : "-".repeat(w + 1) + ":")).join("|") + "|");
    for (const row of table) console.log(line(row));
    console.log("");
    console.log(`Chargement des données : ${fmt(loadSeconds)} s (migrations, insertions, VACUUM ANALYZE)`);
    console.log(`Mémoire du serveur (${workers} processus) : pic RSS échantillonné ${fmt(peakRssKb / 1024, 0)} Mo ; somme des VmHWM ${fmt(hwmKb / 1024, 0)} Mo`);
    console.log(`page / route : débit de la page HTML rapporté à celui de la route de la ligne (objectif ≥ 50 %). La variante .data exécute les mêmes middlewares et loaders (mêmes requêtes SQL) et sérialise les données sans rendre de HTML ; la route nue Express fait les appels principaux de la page sans React Router.`);
    console.log(`CPU srv/req, pg/req : temps CPU du serveur (tous ses processus) et de PostgreSQL par requête. CPU bench : autocannon (même machine) ; CPU autres : le reste de la machine pendant la mesure ; en % d’un cœur.`);
    console.log(`Durée totale : ${fmt((Date.now() - started) / 1000, 0)} s. Base ${DB_NAME} conservée jusqu’au prochain lancement.`);
    console.log(failed ? `Plancher NON tenu : p95 ≥ ${FLOOR_P95_MS} ms (ou erreurs) sur au moins une page.` : `Plancher tenu : p95 < ${FLOOR_P95_MS} ms sur chaque page.`);
    if (failed) process.exitCode = 1;
  } finally {
    clearInterval(sampler);
    await stopBenchServer(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (profileDir) {
      for (const f of fs.readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile"))) printProfile(path.join(profileDir, f));
      console.log(`Profils CPU : ${profileDir}`);
    }
  }
}

await main().catch((err) => {
  console.error(err);
  process.exit(1);
});
