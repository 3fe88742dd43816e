/**
 * `npm run bench:render` — what rendering costs the server, request by request, without the
 * network: the built app's request handler is called in this process, one request at a time,
 * for each page of `npm run bench:web`, and the CPU time of each request (process.cpuUsage) is
 * compared with the same module calls answered as JSON (the bare routes' work).
 *
 * Needs the germoir_bench database of `npm run bench:web` (run it once; BENCH_KEEP_DATA=true
 * keeps it). Run under `node --cpu-prof` (BENCH_PROFILE=true does it) to see where rendering
 * spends its time. Environment: DATABASE_URL (admin URL), BENCH_REQUESTS (300 per page),
 * BENCH_PATHS (other pages to measure, comma-separated, e.g. `/,/campagnes`; no bare twin),
 * BENCH_ONLY (only the pages whose name contains this text).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { createRequestHandler, RouterContextProvider } from "react-router";
import { loadConfig } from "../src/kernel/config";
import { boot } from "../src/boot";
import { createSession, SESSION_COOKIE } from "../src/kernel/auth/sessions";
import { requestContext } from "../src/kernel/http/context";
import { printProfile } from "./profile";

const ROOT = path.resolve(import.meta.dirname, "..");
const ADMIN_URL = process.env.DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const STATE_FILE = path.join(os.tmpdir(), "germoir-bench-web.json");

// React and React Router pick their production builds from NODE_ENV when first loaded: the
// measure runs in a child process started with NODE_ENV=production (and --cpu-prof if asked).
const profiling = process.env.BENCH_PROFILE === "true";
if (process.env.NODE_ENV !== "production" || (profiling && !process.execArgv.some((a) => a.startsWith("--cpu-prof")))) {
  const dir = profiling ? fs.mkdtempSync(path.join(os.tmpdir(), "germoir-render-profile-")) : "";
  const prof = profiling ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : [];
  const r = spawnSync(process.execPath, [...prof, ...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  // The main thread's profile (the first one written); tsx's loader thread writes another.
  if (profiling) printProfile(path.join(dir, fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")).sort()[0]), 40);
  process.exit(r.status ?? 1);
}

const benchUrl = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = "/germoir_bench";
  return u.toString();
})();
if (!fs.existsSync(STATE_FILE)) throw new Error("no germoir_bench data: run `npm run bench:web` once first");
const state = JSON.parse(fs.readFileSync(STATE_FILE, "utf8")) as { viewerId: string };

const config = loadConfig({ ...process.env, NODE_ENV: "production", SESSION_SECRET: "bench-session-secret-0123456789abcdef", DATABASE_URL: benchUrl, DATABASE_POOL_SIZE: "4", LOG_LEVEL: "warn", SEED_DEMO: "false", DEMO_LOGIN: "false", RATE_LIMITS: "false" });
const rt = await boot({ config });
// @ts-expect-error built at runtime
const build = await import("../build/server/index.js");
const handle = createRequestHandler(build, "production");
const { token } = await createSession(state.viewerId);
const pool = new pg.Pool({ connectionString: benchUrl, max: 1 });
const ideaIds = (await pool.query<{ id: string }>(`SELECT id FROM ideas WHERE status <> 'draft' AND hidden_at IS NULL ORDER BY md5(id::text) LIMIT 200`)).rows.map((r) => r.id);
await pool.end();

const cookie = `${SESSION_COOKIE}=${token}`;
/** `/idees?q=x` → `/idees.data?q=x`: the same middleware and loaders, answered as data, not rendered. */
function dataPath(p: string): string {
  const u = new URL(p, "http://127.0.0.1");
  return `${u.pathname === "/" ? "/_root" : u.pathname}.data${u.search}`;
}

async function page(p: string): Promise<number> {
  const ctx = new RouterContextProvider();
  ctx.set(requestContext, { nonce: "bench", requestId: "bench" });
  const res = await handle(new Request(`http://127.0.0.1${p}`, { headers: { cookie, accept: "text/html" } }), ctx);
  const body = await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
  return body.byteLength;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const scenarios: { name: string; paths: string[] }[] = [
  { name: "Liste /idees", paths: ["/idees"] },
  { name: "Recherche « ménage »", paths: [`/idees?q=${encodeURIComponent("ménage")}`] },
  { name: "Page idée", paths: ideaIds.map((id) => `/idees/${id}`) },
  ...(process.env.BENCH_PATHS ?? "").split(",").filter(Boolean).map((p) => ({ name: p, paths: [p] })),
];

async function cpuPerRequest(fn: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await fn(i); // warm-up
  const t0 = cpuMs();
  for (let i = 0; i < REQUESTS; i++) await fn(i);
  return (cpuMs() - t0) / REQUESTS;
}

console.log(`Germoir – coût du rendu, ${REQUESTS} requêtes par page, l’une après l’autre, dans le processus (PostgreSQL, base germoir_bench)`);
console.log("CPU du processus par requête : la page HTML, puis la même requête en `.data` (mêmes middlewares et loaders, données sans rendu HTML).");
console.log("| Page | poids HTML | CPU page HTML | CPU `.data` | rendu HTML |");
console.log("|:--|--:|--:|--:|--:|");
for (const s of scenarios.filter((s) => s.name.includes(process.env.BENCH_ONLY ?? ""))) {
  const bytes = await page(s.paths[0]);
  const html = await cpuPerRequest((i) => page(s.paths[i % s.paths.length]));
  const dataOnly = await cpuPerRequest((i) => page(dataPath(s.paths[i % s.paths.length])));
  console.log(`| ${s.name} | ${Math.round(bytes / 1024)} Ko | ${html.toFixed(2)} ms | ${dataOnly.toFixed(2)} ms | ${(html - dataOnly).toFixed(2)} ms |`);
}
await rt.database.close();
