/**
 * `npm run bench:surveys` — a questionnaire under load, on PostgreSQL, through the real server.
 *
 * 1. builds the app (unless BENCH_SKIP_BUILD=true), (re)creates the database germoir_bench_surveys,
 *    migrates it, makes a lab, its team member, and an anonymous questionnaire of three pages
 *    (choices, a multiple choice, scales, a ranking, a matrix, a free text);
 * 2. starts the real server as `npm start` does (build/server/main.mjs, NODE_ENV=production, one web process, rate limits off);
 * 3. sends 10,000 answers from 100 concurrent clients, each a new browser: it opens the anonymous
 *    link (GET: its CSRF and browser cookies, the form's token), then sends the whole answer
 *    (POST, the three pages' fields) and must be redirected to the thanks page; prints req/s of the
 *    answers, their p50/p95/p99, the failures, and counts the rows: 0 lost;
 * 4. measures with autocannon (100 connections) the results page of the questionnaire at 10,000
 *    answers (the lab team's session) beside a bare route (/healthz: no database, no rendering) and a
 *    plain rendered page (/mentions-legales), and prints req/s and p50/p95/p99 side by side.
 *
 * Traffic goes only to 127.0.0.1. Environment: DATABASE_URL (admin URL, default the local PostgreSQL),
 * BENCH_SKIP_BUILD=true, BENCH_ANSWERS (default 10000), BENCH_CLIENTS (default 100), BENCH_SECONDS (default 10).
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
import { createUser } from "../src/accounts/accounts";
import { createLab, grantRole } from "../src/labs/labs";
import { createSurveyFromTemplate } from "../src/surveys";
import { freePort } from "../tests/support/server";

const ROOT = path.resolve(import.meta.dirname, "..");
const ADMIN_URL = process.env.DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";
const DB_NAME = "germoir_bench_surveys";
const SECRET = "bench-session-secret-0123456789abcdef";
const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 10_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const T0 = Date.now();
const log = (m: string) => console.log(`[bench ${((Date.now() - T0) / 1000).toFixed(1).padStart(5)} s] ${m}`);
const benchUrl = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();

const percentile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] : NaN);
const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : "–");

function startServer(port: number, dataDir: string): ChildProcess {
  return startBenchServer({ port, dataDir, databaseUrl: benchUrl, secret: SECRET, env: { RATE_LIMITS: "false", WEB_CONCURRENCY: "1" } });
}

async function main() {
  if (process.env.BENCH_SKIP_BUILD !== "true") {
    log("npm run build");
    const b = spawnSync("npm", ["run", "build"], { cwd: ROOT, encoding: "utf8" });
    if (b.status !== 0) throw new Error(`build failed:\n${b.stdout}\n${b.stderr}`);
  }
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB_NAME}`);
  await admin.end();
  const config = loadConfig({ ...process.env, NODE_ENV: "production", SESSION_SECRET: SECRET, DATABASE_URL: benchUrl, DATABASE_POOL_SIZE: "4", LOG_LEVEL: "warn", SEED_DEMO: "false", DEMO_LOGIN: "false" });
  const rt = await boot({ config });
  const lab = await createLab({ slug: "labest", name: "Lab’EST" });
  const team = await createUser({ email: "equipe@labest.example.fr", givenName: "Claire", familyName: "Martin", organizationId: null, isDemo: false });
  await grantRole(team.id, lab.id, "lab_team");
  const made = await createSurveyFromTemplate({
    labId: lab.id,
    audience: { kind: "anonymous" },
    template: {
      title: "Imaginons ensemble l’avenir des services de l’État du Grand Est",
      sections: [
        {
          title: "Vous",
          questions: [
            { key: "cat", kind: "single", label: "Votre catégorie", required: true, options: ["A", "B", "C", "Contractuel"] },
            { key: "manager", kind: "single", label: "Encadrez-vous une équipe ?", required: true, options: ["Oui", "Non"] },
            { kind: "scale5", label: "Votre qualité de vie au travail", required: true },
          ],
        },
        {
          title: "Demain",
          questions: [
            { kind: "multiple", label: "Ce qui compte le plus", maxChoices: 3, required: true, options: ["Télétravail", "Outils", "Procédures", "Autonomie", "Locaux", "Formation"] },
            { kind: "ranking", label: "Vos priorités", required: true, options: ["Usagers", "Qualité de vie", "Écologie", "Numérique"] },
            { kind: "matrix", label: "Votre avis", required: true, rows: ["Accueil", "Coopération", "Information"], options: ["Bien", "Moyen", "Mal"] },
            { kind: "scale5", label: "Marges de manœuvre", required: true, condition: { key: "manager", values: [0] } },
          ],
        },
        { title: "2031", questions: [{ kind: "scale10", label: "Recommanderiez-vous votre service ?", required: true }, { kind: "long_text", label: "Une chose à changer" }] },
      ],
    },
  });
  const { token: session } = await createSession(team.id);
  const link = made.link!;
  const surveyId = made.id;
  const questionIds = await new pg.Pool({ connectionString: benchUrl, max: 1 })
    .query<{ id: string; kind: string; position: number }>("SELECT id, kind, position FROM survey_questions WHERE survey_id = $1 ORDER BY position", [surveyId])
    .then((r) => r.rows);
  await rt.database.close();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "germoir-bench-surveys-"));
  const server = startServer(port, dataDir);
  try {
    await waitHealthy(base, server);
    const [cat, manager, qvt, multiple, ranking, matrix, margins, nps, text] = questionIds.map((q) => q.id);
    /** One answer: the whole questionnaire sent at the last page, the pages before in `state`, as the form carries them. */
    const answerBody = (i: number, csrf: string) => {
      const state: Record<string, string[]> = {
        [`q-${cat}`]: [String(i % 4)],
        [`q-${manager}`]: [String(i % 5 === 0 ? 0 : 1)],
        [`q-${qvt}`]: [String(1 + (i % 5))],
        [`q-${multiple}`]: [String(i % 6), String((i + 2) % 6)],
        ...Object.fromEntries([0, 1, 2, 3].map((k) => [`q-${ranking}-${k}`, [String(((i + k) % 4) + 1)]])),
        ...Object.fromEntries([0, 1, 2].map((k) => [`q-${matrix}-${k}`, [String((i + k) % 3)]])),
        ...(i % 5 === 0 ? { [`q-${margins}`]: [String(1 + (i % 5))] } : {}),
      };
      const body = new URLSearchParams({ _csrf: csrf, intent: "submit", section: "2", state: JSON.stringify(state), [`q-${nps}`]: String(i % 11) });
      if (i % 2) body.set(`q-${text}`, `Réponse ${i} : simplifier les circuits de validation et faire confiance aux équipes`);
      return body;
    };
    const cookieOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

    // the answers: CLIENTS clients, each answering in turn as a new browser
    const answerTimes: number[] = [];
    const pageTimes: number[] = [];
    const failures: string[] = [];
    let next = 0;
    log(`${ANSWERS} answers from ${CLIENTS} concurrent clients`);
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = next++; i < ANSWERS; i = next++) {
          try {
            const g0 = performance.now();
            const page = await fetch(`${base}${link}`, { redirect: "manual" });
            const html = await page.text();
            pageTimes.push(performance.now() - g0);
            const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
            if (page.status !== 200 || !csrf) throw new Error(`page ${page.status}`);
            const p0 = performance.now();
            const res = await fetch(`${base}${link}`, { method: "POST", redirect: "manual", headers: { cookie: cookieOf(page), "content-type": "application/x-www-form-urlencoded" }, body: answerBody(i, csrf) });
            await res.arrayBuffer();
            answerTimes.push(performance.now() - p0);
            if (res.status !== 302 || !(res.headers.get("location") ?? "").includes("fait=merci")) throw new Error(`answer ${res.status}`);
          } catch (err) {
            failures.push(String(err instanceof Error ? err.message : err));
          }
        }
      }),
    );
    const wall = (performance.now() - t0) / 1000;
    const check = new pg.Client({ connectionString: benchUrl });
    await check.connect();
    const stored = Number((await check.query("SELECT count(*) FROM survey_responses WHERE survey_id = $1", [surveyId])).rows[0].count);
    const tokens = Number((await check.query("SELECT count(*) FROM survey_browser_tokens WHERE survey_id = $1", [surveyId])).rows[0].count);
    await check.query("VACUUM ANALYZE");
    await check.end();
    const a = [...answerTimes].sort((x, y) => x - y);
    const p = [...pageTimes].sort((x, y) => x - y);
    const lost = ANSWERS - failures.length - stored;

    // the results page at ANSWERS answers, beside a bare route and a plain page
    const first = await fetch(`${base}/lab/labest/questionnaires`, { headers: { cookie: `germoir_session=${session}` }, redirect: "manual" });
    const cookie = [`germoir_session=${session}`, ...first.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
    const resultsPath = `/lab/labest/questionnaires/${surveyId}/resultats`;
    const probe = await fetch(`${base}${resultsPath}`, { headers: { cookie } });
    const probeHtml = await probe.text();
    if (probe.status !== 200 || !probeHtml.includes("10\u202f000\u00a0réponses".replace("10\u202f000", ANSWERS.toLocaleString("fr-FR")))) throw new Error(`results page: ${probe.status}`);
    const measure = async (pathname: string, headers: Record<string, string>) => {
      const warm = autocannon({ url: base, connections: CLIENTS, duration: 2, headers, requests: [{ method: "GET", path: pathname }] });
      await warm;
      const times: number[] = [];
      let bad = 0;
      const inst = autocannon({ url: base, connections: CLIENTS, duration: SECONDS, timeout: 30, headers, requests: [{ method: "GET", path: pathname }] });
      inst.on("response", (_c: unknown, status: number, _b: number, ms: number) => (status === 200 ? times.push(ms) : bad++));
      const s0 = performance.now();
      const r = await inst;
      const w = (performance.now() - s0) / 1000;
      const sorted = times.sort((x, y) => x - y);
      return { rps: times.length / w, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), bad: bad + r.errors + r.timeouts };
    };
    log(`results page, /healthz and /mentions-legales: ${SECONDS} s each, ${CLIENTS} connections`);
    const rows = [
      ["Résultats du questionnaire (équipe du lab)", resultsPath, await measure(resultsPath, { cookie, accept: "text/html" })],
      ["Route nue /healthz (ni base ni rendu)", "/healthz", await measure("/healthz", {})],
      ["Page simple /mentions-legales", "/mentions-legales", await measure("/mentions-legales", { accept: "text/html" })],
    ] as const;

    console.log(`\nRéponses : ${ANSWERS} de ${CLIENTS} clients simultanés en ${fmt(wall)} s, soit ${fmt(ANSWERS / wall)} réponses/s (chaque réponse : une page GET puis un POST) ; POST p50 ${fmt(percentile(a, 0.5))} ms, p95 ${fmt(percentile(a, 0.95))} ms, p99 ${fmt(percentile(a, 0.99))} ms ; page du lien p95 ${fmt(percentile(p, 0.95))} ms ; échecs ${failures.length}${failures.length ? ` (${[...new Set(failures)].slice(0, 3).join(", ")})` : ""} ; en base ${stored} réponses et ${tokens} témoins de navigateur : ${lost === 0 && stored === ANSWERS ? "0 perdue" : `${ANSWERS - stored} manquantes`}.`);
    console.log("\n| route | req/s | p50 ms | p95 ms | p99 ms | non-200 |");
    console.log("|---|---|---|---|---|---|");
    for (const [name, , m] of rows) console.log(`| ${name} | ${fmt(m.rps, 0)} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${fmt(m.p99)} | ${m.bad} |`);
    if (stored !== ANSWERS || failures.length) process.exitCode = 1;
  } finally {
    await stopBenchServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
