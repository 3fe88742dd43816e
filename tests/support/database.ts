import crypto from "node:crypto";
import pg from "pg";
import { connectPglite, connectPostgres, type Database } from "../../src/kernel/db/connect";

export interface TestDatabase {
  database: Database;
  /** Connection string when on PostgreSQL, for a server process to share the database. */
  url?: string;
  dispose(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: an in-memory PGlite, or, when
 * DATABASE_URL is set, a new PostgreSQL database created for the occasion and dropped after
 * (a copy of `template` when one is given: PostgreSQL copies a database's files in about a second).
 */
export async function freshDatabase(opts: { template?: string } = {}): Promise<TestDatabase> {
  const admin = process.env.DATABASE_URL;
  if (!admin) {
    const database = await connectPglite("memory://");
    return { database, dispose: () => database.close() };
  }
  const name = `germoir_test_${crypto.randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(opts.template ? `CREATE DATABASE ${name} TEMPLATE ${opts.template}` : `CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const database = await connectPostgres(url.toString(), 5);
  return {
    database,
    url: url.toString(),
    async dispose() {
      await database.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export const onPostgres = () => !!process.env.DATABASE_URL;
