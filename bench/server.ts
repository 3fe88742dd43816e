/**
 * The real server as the benches run it: the production bundle `npm start` runs
 * (build/server/main.mjs, built by `npm run build`), NODE_ENV=production, on 127.0.0.1, without the
 * demo; its output prefixed with « [server] ». Each bench adds its own environment.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

export function startBenchServer(opts: { port: number; dataDir: string; databaseUrl: string; secret: string; env?: NodeJS.ProcessEnv; nodeArgs?: string[] }): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    SESSION_SECRET: opts.secret,
    DATABASE_URL: opts.databaseUrl,
    PORT: String(opts.port),
    HOST: "127.0.0.1",
    BASE_URL: `http://127.0.0.1:${opts.port}`,
    DATA_DIR: opts.dataDir,
    SEED_DEMO: "false",
    DEMO_LOGIN: "false",
    LOG_LEVEL: "warn",
    ...opts.env,
  };
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), "build/server/main.mjs"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (b) => process.stdout.write(`[server] ${b}`));
  child.stderr!.on("data", (b) => process.stderr.write(`[server] ${b}`));
  return child;
}

/** Waits for `/healthz` to answer 200; fails if the server exits or takes longer than `timeoutMs`. */
export async function waitHealthy(url: string, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not become healthy in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Stops the server: SIGTERM, then SIGKILL if it has not ended within 12 s. */
export async function stopBenchServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 12_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}
