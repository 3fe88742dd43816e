/**
 * `npm run bench:board` — the live board under 30, then 200 participants.
 *
 * Starts the real server (built app, Grand Est demo) on 127.0.0.1: on PostgreSQL when
 * DATABASE_URL is set (a fresh database), on PGlite otherwise. Demo agents sign in and join the
 * running Mini-Lab; a facilitator schedules a session. Each participant follows the board through
 * its own server-sent events stream and, over BENCH_SECONDS (10), adds notes and moves one, at
 * random moments. For every note it prints the delay from the moment its POST was sent to its
 * arrival at each client (p50/p95/max over all note × client pairs, and to the last client), the
 * write latency, and the server's memory (resident, and its peak).
 *
 * Environment: DATABASE_URL, BENCH_SECONDS (10), BENCH_ROUNDS ("30,200"), BENCH_NOTES (2 per
 * participant), BENCH_SKIP_BUILD=true. Traffic goes to 127.0.0.1 only, bounded in count and time.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServer, type TestServer } from "../tests/support/server";
import { Client } from "../tests/support/http";
import { BoardFollower } from "../tests/support/sse";
import { agents, labTeam } from "../src/demo/content/index";

const ROOT = path.resolve(import.meta.dirname, "..");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = (process.env.BENCH_ROUNDS ?? "30,200").split(",").map(Number);
const NOTES = Number(process.env.BENCH_NOTES ?? 2);
const T0 = Date.now();
const log = (m: string) => console.log(`[bench ${((Date.now() - T0) / 1000).toFixed(1).padStart(5)} s] ${m}`);

function kb(pid: number, key: "VmRSS" | "VmHWM"): number {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`${key}:\\s+(\\d+) kB`));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}
/** The server and its cluster workers, if any. */
function tree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${out[i]}/task`);
    } catch {
      continue;
    }
    for (const t of tasks) {
      try {
        out.push(...fs.readFileSync(`/proc/${out[i]}/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
      } catch {
        /* gone */
      }
    }
  }
  return out;
}
const rss = (pid: number) => tree(pid).reduce((sum, p) => sum + kb(p, "VmRSS"), 0);
const mb = (k: number) => `${(k / 1024).toFixed(0)} Mo`;
const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function signedIn(base: string, email: string): Promise<Client> {
  const c = new Client(base);
  await c.signInAs(email);
  return c;
}

async function round(server: TestServer, n: number, minilabPath: string, facilitator: Client) {
  log(`${n} participants: signing in and joining the Mini-Lab`);
  const people: Client[] = [];
  const pool = agents.map((a) => a.email);
  for (let i = 0; i < n; i += 20) {
    const batch = await Promise.all(pool.slice(i, Math.min(n, i + 20)).map((e) => signedIn(server.url, e)));
    for (const c of batch) {
      const r = await c.post(minilabPath, { intent: "join" }, { csrf: await c.csrf(minilabPath) });
      if (r.status !== 200) throw new Error(`join refused: ${r.status}`);
    }
    people.push(...batch);
  }
  const s = await facilitator.post(`${minilabPath}/seances/nouvelle`, {
    title: `Séance de mesure (${n} participants)`,
    day: new Date().toISOString().slice(0, 10),
    time: "10:00",
    durationMinutes: "120",
    place: "Banc d’essai",
    videoUrl: "",
    agenda: "",
    dots: "5",
  }, { csrf: await facilitator.csrf(`${minilabPath}/seances/nouvelle`) });
  const sessionPath = s.headers.get("location")?.split("?")[0];
  if (!sessionPath) throw new Error(`no session created: ${s.status}`);
  const boardPath = `${sessionPath}/tableau`;
  const tokens = await Promise.all(people.map((c) => c.csrf(boardPath)));

  const followers = people.map((c) => new BoardFollower(c));
  await Promise.all(followers.map((f) => f.open(`${boardPath}/flux`)));
  const ready = Date.now() + 30_000;
  while (followers.some((f) => !f.snapshot) && Date.now() < ready) await new Promise((r) => setTimeout(r, 20));
  const rssBefore = rss(server.process.pid!);
  log(`${n} streams open (${followers.filter((f) => f.snapshot).length} with their snapshot); server ${mb(rssBefore)}`);

  const sent = new Map<string, number>();
  const writes: number[] = [];
  let refused = 0;
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rss(server.process.pid!))), 100);
  const columns = ["constats", "idees", "solutions"];
  await Promise.all(
    people.map(async (c, i) => {
      const moments = Array.from({ length: NOTES }, () => Math.random() * SECONDS * 1000).sort((a, b) => a - b);
      const start = performance.now();
      for (const [k, at] of moments.entries()) {
        const wait = at - (performance.now() - start);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const text = `p${i}-n${k} : post-it de mesure`;
        const t = performance.now();
        sent.set(text, t);
        const r = await c.post(`${boardPath}.data`, { intent: "add", column: columns[(i + k) % 3], text }, { csrf: tokens[i] });
        writes.push(performance.now() - t);
        if (r.status !== 200) refused++;
      }
    }),
  );
  const deadline = Date.now() + 20_000;
  const complete = () => followers.every((f) => f.arrivals.size >= sent.size);
  while (!complete() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  clearInterval(sampler);
  const delays: number[] = [];
  const toLast: number[] = [];
  let missing = 0;
  for (const [text, t] of sent) {
    let worst = 0;
    for (const f of followers) {
      const at = f.arrivals.get(text);
      if (at === undefined) {
        missing++;
        continue;
      }
      delays.push(at - t);
      worst = Math.max(worst, at - t);
    }
    toLast.push(worst);
  }
  const peak = Math.max(peakRss, rss(server.process.pid!));
  for (const f of followers) f.close();
  return {
    participants: n,
    notes: sent.size,
    deliveries: delays.length,
    missing,
    refused,
    write: { p50: pct(writes, 50), p95: pct(writes, 95) },
    delay: { p50: pct(delays, 50), p95: pct(delays, 95), max: Math.max(...delays) },
    lastClient: { p50: pct(toLast, 50), p95: pct(toLast, 95) },
    rssBefore,
    peak,
  };
}

async function main() {
  if (process.env.BENCH_SKIP_BUILD !== "true") {
    log("building the app");
    const b = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
    if (b.status !== 0) throw new Error("build failed");
  }
  log(`starting the server (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}, Grand Est demo${process.env.WEB_CONCURRENCY ? `, WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY}` : ""})`);
  // Hundreds of participants post from one address: lift the rate limits (RATE_LIMIT_FACTOR overrides).
  const server = await startServer({ LOG_LEVEL: "warn", RATE_LIMIT_FACTOR: process.env.RATE_LIMIT_FACTOR ?? "1000000" });
  try {
    const facilitator = await signedIn(server.url, labTeam.find((p) => p.key === "facilitator-1")!.email);
    const list = await (await facilitator.get("/minilabs")).text();
    const id = /href="\/minilabs\/([0-9a-f-]{36})"[^>]*>Mini-Lab Restauration scolaire/.exec(list)?.[1];
    if (!id) throw new Error("the demo's running Mini-Lab was not found");
    const results = [];
    for (const n of ROUNDS) results.push(await round(server, n, `/minilabs/${id}`, facilitator));
    console.log("");
    console.log(`Tableau en direct — ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}${process.env.WEB_CONCURRENCY ? ` (${process.env.WEB_CONCURRENCY} processus web)` : ""}, ${SECONDS} s par mesure, ${NOTES} post-it par participant, ${navigatorCores()} cœurs`);
    console.log("participants | post-it | livraisons (manquantes) | écriture p50/p95 | délai p50 / p95 / max | jusqu’au dernier client p50 / p95 | mémoire serveur (tous ses processus) avant → pic");
    for (const r of results) {
      console.log(
        `${String(r.participants).padStart(12)} | ${String(r.notes).padStart(7)} | ${r.deliveries} (${r.missing}) | ${ms(r.write.p50)} / ${ms(r.write.p95)} | ${ms(r.delay.p50)} / ${ms(r.delay.p95)} / ${ms(r.delay.max)} | ${ms(r.lastClient.p50)} / ${ms(r.lastClient.p95)} | ${mb(r.rssBefore)} → ${mb(r.peak)}${r.refused ? ` | ${r.refused} refusées` : ""}`,
      );
    }
    if (results.some((r) => r.missing > 0 || r.refused > 0)) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

function navigatorCores() {
  return os.availableParallelism();
}

await main();
