import fs from "node:fs";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";

/** Each module declares its own tables and narrows the shared handle with `db.withTables<T>()`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type AnyDb = Kysely<{}>;

export interface Database {
  db: AnyDb;
  kind: "postgres" | "pglite";
  close(): Promise<void>;
}

// Dates stay JS Dates; bigint counts come back as numbers (never above 2^53 here).
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export async function connectPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection closed by the server (restart, administrator, dropped database) must not
  // crash the process: the pool drops that client and opens a new one when needed.
  pool.on("error", (err) => {
    process.stderr.write(`${JSON.stringify({ level: "warn", msg: "idle database connection closed", err: err.message })}\n`);
  });
  const db = new Kysely<{}>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: "postgres", close: () => db.destroy() };
}

/**
 * Embedded PostgreSQL (PGlite, WASM) in a data folder, or in memory with "memory://".
 * Same SQL and migrations as production.
 */
export async function connectPglite(dir: string): Promise<Database> {
  const [{ PGlite }, { unaccent }, { pg_trgm }, { createPgConfig }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/unaccent"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("@electric-sql/pglite/node-postgres"),
  ]);
  if (!dir.startsWith("memory://")) fs.mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir, { extensions: { unaccent, pg_trgm } });
  const pool = new pg.Pool({ ...(createPgConfig(pglite) as unknown as pg.PoolConfig), max: 1 });
  const db = new Kysely<{}>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "pglite",
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
