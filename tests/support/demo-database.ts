import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { boot } from "../../src/boot";
import { loadConfig } from "../../src/kernel/config";
import { setRuntime } from "../../src/kernel/runtime";
import { connectPglite, connectPostgres } from "../../src/kernel/db/connect";
import { seedDemo } from "../../src/demo/seed";
import { freshDatabase, type TestDatabase } from "./database";

/**
 * A fresh database holding the Grand Est demo, for module tests that read the demo: the demo is
 * seeded once per test run (by `seedDemo`, in-process, as the module tests always did) and each
 * test file gets its own copy — on PostgreSQL a `CREATE DATABASE … TEMPLATE`, on PGlite a data
 * directory loaded from the run's dump. Seeding the demo takes 10 to 20 s on PGlite; a copy, about
 * one.
 */
export async function freshDemoDatabase(): Promise<TestDatabase> {
  if (process.env.DATABASE_URL) return freshDatabase({ template: await postgresTemplate() });
  return pgliteFrom(await pgliteDump("demo"));
}

/**
 * A fresh migrated database without data. On PGlite, migrating takes about 2 s a test file: the
 * run migrates one database once and each file loads its dump. On PostgreSQL, migrating a new
 * database is quick enough (0.5 s).
 */
export async function freshMigratedDatabase(): Promise<TestDatabase> {
  if (process.env.DATABASE_URL) return freshDatabase();
  return pgliteFrom(await pgliteDump("empty"));
}

async function pgliteFrom(dump: Buffer): Promise<TestDatabase> {
  const database = await connectPglite("memory://", { loadDataDir: new Blob([new Uint8Array(dump)]) });
  return { database, dispose: () => database.close() };
}

const run = () => (process.env.GERMOIR_TEST_RUN ?? `${Date.now().toString(36)}_${process.pid}`).replace(/[^a-z0-9_]/gi, "").toLowerCase();

const testConfig = (url?: string) => loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATA_DIR: "/tmp/germoir-test", ...(url ? { DATABASE_URL: url } : {}) });

/** Migrates a database and, for the demo, seeds it through the modules, then lets go of it. */
async function seedOn(database: Awaited<ReturnType<typeof connectPglite>>, url?: string, what: "empty" | "demo" = "demo") {
  await boot({ config: testConfig(url), database });
  try {
    if (what === "demo") await seedDemo();
  } finally {
    setRuntime(undefined);
  }
}

async function postgresTemplate(): Promise<string> {
  const name = `germoir_mtpl_${run()}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    await admin.query("SELECT pg_advisory_lock(hashtext('germoir-module-demo-template'))");
    if (!(await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount) {
      for (const old of (await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'germoir\\_mtpl\\_%'")).rows) {
        const born = parseInt(old.datname.slice("germoir_mtpl_".length).split("_")[0], 36);
        if (Number.isFinite(born) && Date.now() - born > 6 * 3600_000) await admin.query(`DROP DATABASE IF EXISTS ${old.datname} WITH (FORCE)`);
      }
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${name}`;
      const database = await connectPostgres(url.toString(), 5);
      try {
        await seedOn(database, url.toString());
      } catch (err) {
        await database.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        throw err;
      }
      await database.close();
    }
    return name;
  } finally {
    await admin.query("SELECT pg_advisory_unlock(hashtext('germoir-module-demo-template'))").catch(() => undefined);
    await admin.end();
  }
}

/** The run's PGlite dump (migrated, with or without the demo), made by the first test file that asks (the others wait on a lock directory). */
async function pgliteDump(what: "empty" | "demo"): Promise<Buffer> {
  const dir = path.join(os.tmpdir(), "germoir-demo-dumps");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${run()}_${what}.tar.gz`);
  const lock = `${file}.lock`;
  for (const old of fs.readdirSync(dir)) {
    const born = parseInt(old.split("_")[0], 36);
    if (Number.isFinite(born) && Date.now() - born > 6 * 3600_000) fs.rmSync(path.join(dir, old), { recursive: true, force: true });
  }
  for (let waited = 0; ; waited += 200) {
    if (fs.existsSync(file)) return fs.readFileSync(file);
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // another test file is seeding: wait for its dump (or for its lock to go if it failed;
      // a lock left by a process that died is stale after three minutes)
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 180_000) fs.rmSync(lock, { recursive: true, force: true });
      } catch {
        /* the lock went meanwhile */
      }
      if (waited > 300_000) throw new Error(`waited 5 minutes for the demo dump ${file}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (fs.existsSync(file)) return fs.readFileSync(file);
    const database = await connectPglite("memory://");
    try {
      await seedOn(database, undefined, what);
      const blob = await database.dump!();
      const bytes = Buffer.from(await blob.arrayBuffer());
      fs.writeFileSync(`${file}.part`, bytes);
      fs.renameSync(`${file}.part`, file);
      return bytes;
    } finally {
      await database.close();
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
