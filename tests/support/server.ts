import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freshDatabase, type TestDatabase } from "./database";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export interface TestServer {
  url: string;
  /** The PostgreSQL database it runs on (none on PGlite). */
  databaseUrl?: string;
  port: number;
  process: ChildProcess;
  logs: string[];
  stop(): Promise<void>;
}

/**
 * Starts the real server (the built bundle `build/server/main.mjs`, as `npm start`) on a free loopback port, with
 * the Grand Est demo loaded, on an embedded PGlite folder of its own, or on a fresh
 * PostgreSQL database when DATABASE_URL is set.
 */
export async function startServer(env: Record<string, string> = {}, opts: { args?: string[]; startupMs?: number; /** seed the demo in this server, not from the run's copy (to see what seeding itself does) */ seedHere?: boolean } = {}): Promise<TestServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "germoir-srv-"));
  let db: TestDatabase | undefined;
  const dbEnv: Record<string, string> = {};
  if (env.DATABASE_URL) {
    // A second process on the database of another test server (which loads the demo first).
    dbEnv.DATABASE_URL = env.DATABASE_URL;
  } else if (process.env.DATABASE_URL) {
    db = await freshDatabase({ template: opts.seedHere || env.SEED_DEMO === "false" ? undefined : await demoTemplate() });
    await db.database.close();
    dbEnv.DATABASE_URL = db.url!;
  }
  // The production bundle `npm start` runs (built by `npm test` first); the development server
  // (`--dev`) from the TypeScript sources, as `npm run dev` does.
  const dev = opts.args?.includes("--dev");
  const entry = dev ? ["--import", "tsx", "server/main.ts"] : ["build/server/main.mjs"];
  const child = spawn(process.execPath, [...entry, ...(opts.args ?? [])], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: {
      ...process.env,
      ...dbEnv,
      NODE_ENV: "test",
      PORT: String(port),
      HOST: "127.0.0.1",
      BASE_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      SEED_DEMO: "true",
      DEMO_LOGIN: "true",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  child.stdout!.on("data", (b) => logs.push(String(b)));
  child.stderr!.on("data", (b) => logs.push(String(b)));
  const url = `http://127.0.0.1:${port}`;
  // a loaded machine boots slower: TEST_SERVER_BOOT_MS raises the default wait
  const deadline = Date.now() + (opts.startupMs ?? Number(process.env.TEST_SERVER_BOOT_MS || 180_000));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${logs.join("")}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not become healthy:\n${logs.join("")}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    databaseUrl: dbEnv.DATABASE_URL,
    port,
    process: child,
    logs,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
      await db?.dispose();
    },
  };
}

/**
 * The Grand Est demo on PostgreSQL, seeded once per test run (`GERMOIR_TEST_RUN`, set by
 * vitest.config.ts) by a real server, then copied for every test server: seeding takes tens of
 * seconds on a loaded machine, a copy about one. The server started on a copy finds its users and
 * does not seed again (seedDemoIfEmpty). Test processes share it through an advisory lock; templates
 * of runs older than six hours are dropped.
 */
async function demoTemplate(): Promise<string> {
  const run = process.env.GERMOIR_TEST_RUN ?? `${Date.now().toString(36)}_${process.pid}`;
  const name = `germoir_tpl_${run.replace(/[^a-z0-9_]/gi, "").toLowerCase()}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    await admin.query("SELECT pg_advisory_lock(hashtext('germoir-demo-template'))");
    const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount;
    if (!exists) {
      for (const old of (await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'germoir\\_tpl\\_%'")).rows) {
        const born = parseInt(old.datname.slice("germoir_tpl_".length).split("_")[0], 36);
        if (Number.isFinite(born) && Date.now() - born > 6 * 3600_000) await admin.query(`DROP DATABASE IF EXISTS ${old.datname} WITH (FORCE)`);
      }
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${name}`;
      try {
        const seeder = await startServer({ DATABASE_URL: url.toString() });
        await seeder.stop();
      } catch (err) {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        throw err;
      }
    }
    return name;
  } finally {
    await admin.query("SELECT pg_advisory_unlock(hashtext('germoir-demo-template'))").catch(() => undefined);
    await admin.end();
  }
}
