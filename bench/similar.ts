/**
 * Timing of the « similar ideas » query on the benchmark database (100,000 ideas, see bench/web.ts):
 * a few typical typed texts, each run several times after a warm-up; prints the median and the
 * slowest run, and PostgreSQL's own execution time for the main statement.
 *
 *   node --import tsx bench/similar.ts    (DATABASE_URL defaults to postgres://…/germoir_bench)
 */
import { sql } from "kysely";
import { boot } from "../src/boot";
import { loadConfig } from "../src/kernel/config";
import { db } from "../src/kernel/runtime";
import { atLeastQuery, findSimilarIdeas, similarityLexemes } from "../src/ideas/ideas";

const url = process.env.DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/germoir_bench";
const rt = await boot({ config: loadConfig({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32), DATABASE_URL: url, LOG_LEVEL: "warn" }), migrate: false });

const typed = [
  { title: "Réduire le gaspillage à la cantine", body: "Les restes des repas sont jetés tous les jours, il faudrait peser les déchets et adapter les portions." },
  { title: "Covoiturage entre agents", body: "" },
  { title: "Des produits de ménage écologiques", body: "Les produits d'entretien utilisés dans les lycées sont agressifs pour la peau des agents et pour l'environnement." },
  { title: "Formulaires en langage clair", body: "Nos courriers et formulaires sont incompréhensibles pour les usagers, qui appellent le standard pour se les faire expliquer." },
];
// and near-duplicates: existing ideas typed again
const existing = await sql<{ id: string; title: string; problem: string; proposal: string }>`
  SELECT id, title, problem, proposal FROM ideas WHERE status <> 'draft' ORDER BY md5(id::text) LIMIT 4`.execute(db());
const cases = [
  ...typed.map((t) => ({ label: t.title, text: t, excludeId: undefined as string | undefined })),
  ...existing.rows.map((r) => ({ label: `(copie) ${r.title}`, text: { title: r.title, body: `${r.problem}\n${r.proposal}` }, excludeId: r.id })),
];

const RUNS = 15;
for (const c of cases) {
  for (let i = 0; i < 3; i++) await findSimilarIdeas(c.text, { excludeId: c.excludeId });
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    found = (await findSimilarIdeas(c.text, { excludeId: c.excludeId })).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const lexemes = await similarityLexemes(c.text);
  const k = lexemes.length <= 2 ? 1 : lexemes.length <= 5 ? 2 : 3;
  const plan = await sql<{ "QUERY PLAN": string }>`EXPLAIN (ANALYZE, FORMAT TEXT)
    SELECT id, ts_rank(search, ${lexemes.join(" | ")}::tsquery) AS score FROM ideas
    WHERE search @@ ${atLeastQuery(lexemes, k)}::tsquery AND status NOT IN ('draft', 'merged') AND hidden_at IS NULL
    ORDER BY score DESC LIMIT 5`.execute(db());
  const lines = plan.rows.map((r) => r["QUERY PLAN"]);
  const exec = lines.find((l) => l.startsWith("Execution Time"))?.replace("Execution Time: ", "") ?? "?";
  const candidates = /Bitmap Heap Scan.*rows=(\d+)/.exec(lines.join("\n"))?.[1] ?? "?";
  console.log(
    `${c.label.slice(0, 60).padEnd(62)} ${lexemes.length} lexèmes (≥ ${k}), ${candidates.padStart(5)} candidates, ${found} found | ` +
      `median ${times[RUNS >> 1].toFixed(1)} ms, max ${times[RUNS - 1].toFixed(1)} ms | PostgreSQL ${exec}`,
  );
}
await rt.database.close();
