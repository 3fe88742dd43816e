// One-off: load 100,000 ideas into a database of our own and EXPLAIN ANALYZE the keyset page and the typo search.
import pg from "pg";
import { boot } from "/work/wt-search/src/boot";
import { loadConfig } from "/work/wt-search/src/kernel/config";
import { loadData } from "/work/wt-search/bench/load";
import { listIdeas, correctSearch } from "/work/wt-search/src/ideas/search";

const ADMIN = "postgres://postgres:postgres@127.0.0.1:5432/postgres";
const NAME = "germoir_search_explain";
const url = ADMIN.replace(/\/postgres$/, `/${NAME}`);
const log = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);
const admin = new pg.Client({ connectionString: ADMIN });
await admin.connect();
if (process.env.RELOAD === "1") {
  await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${NAME}`);
}
await admin.end();
const config = loadConfig({ ...process.env, NODE_ENV: "production", SESSION_SECRET: "explain-session-secret-0123456789abcdef", DATABASE_URL: url, DATABASE_POOL_SIZE: "2", LOG_LEVEL: "warn", SEED_DEMO: "false", DEMO_LOGIN: "false" });
const rt = await boot({ config });
const pool = new pg.Pool({ connectionString: url, max: 2 });
if (process.env.RELOAD === "1") {
  const t = Date.now();
  await loadData(pool, { ideas: 100_000, agents: 20_000, campaigns: 50 }, new Date(), log);
  await pool.query("VACUUM ANALYZE");
  log(`loaded in ${(Date.now() - t) / 1000} s`);
}
const n = await pool.query("SELECT count(*) AS n FROM ideas");
const w = await pool.query("SELECT count(*) AS n FROM idea_words");
log(`ideas ${n.rows[0].n}, words ${w.rows[0].n}`);
// a deep page: walk 50 pages, then explain the 51st
for (const sort of ["recent", "supported"] as const) {
  let page = await listIdeas({ sort, pageSize: 20 });
  for (let i = 0; i < 50; i++) page = await listIdeas({ sort, pageSize: 20, after: page.next! });
  const key = JSON.parse(Buffer.from(page.next!, "base64url").toString());
  const cols = sort === "recent" ? "(submitted_at, id)" : "(support_count, submitted_at, id)";
  const vals = sort === "recent" ? `(timestamptz 'epoch' + ${key[1]}::bigint * interval '1 microsecond', '${key[2]}'::uuid)` : `(${key[1]}::integer, timestamptz 'epoch' + ${key[2]}::bigint * interval '1 microsecond', '${key[3]}'::uuid)`;
  const order = sort === "recent" ? "submitted_at DESC, id DESC" : "support_count DESC, submitted_at DESC, id DESC";
  const e = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) SELECT id, title FROM ideas WHERE status <> 'draft' AND status <> 'merged' AND hidden_at IS NULL AND ${cols} < ${vals} ORDER BY ${order} LIMIT 21`);
  log(`${sort}, page 52:\n${e.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
  const t = performance.now();
  for (let i = 0; i < 20; i++) await listIdeas({ sort, pageSize: 20, after: page.next! });
  log(`${sort}: listIdeas page 52, ${((performance.now() - t) / 20).toFixed(1)} ms each (20 runs)`);
}
for (const q of ["menaj", "cantinne", "restauraton scolaire", "ménage", "produits ménage"]) {
  const t = performance.now();
  let r;
  for (let i = 0; i < 10; i++) r = await listIdeas({ q, pageSize: 20 });
  const c = performance.now();
  for (let i = 0; i < 10; i++) await correctSearch(q);
  log(`« ${q} »: ${((c - t) / 10).toFixed(1)} ms per search page (correction ${((performance.now() - c) / 10).toFixed(1)} ms), ${r!.total} ideas, suggestion ${r!.search?.suggestion}, searched for ${r!.search?.searchedFor}`);
}
await pool.end();
await rt.database.close();
