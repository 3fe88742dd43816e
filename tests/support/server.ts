import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
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
 * Starts the real server (built app, `server/main.ts`) on a free loopback port, with
 * the Grand Est demo loaded, on an embedded PGlite folder of its own, or on a fresh
 * PostgreSQL database when DATABASE_URL is set.
 */
export async function startServer(env: Record<string, string> = {}, opts: { args?: string[]; startupMs?: number } = {}): Promise<TestServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "germoir-srv-"));
  let db: TestDatabase | undefined;
  const dbEnv: Record<string, string> = {};
  if (env.DATABASE_URL) {
    // A second process on the database of another test server (which loads the demo first).
    dbEnv.DATABASE_URL = env.DATABASE_URL;
  } else if (process.env.DATABASE_URL) {
    db = await freshDatabase();
    await db.database.close();
    dbEnv.DATABASE_URL = db.url!;
  }
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts", ...(opts.args ?? [])], {
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
