import { boot } from "../../src/boot";
import { loadConfig } from "../../src/kernel/config";
import { setRuntime } from "../../src/kernel/runtime";
import { freshDemoDatabase, freshMigratedDatabase } from "./demo-database";

/**
 * Boots the modules in-process on a fresh database (PGlite, or PostgreSQL when DATABASE_URL is set),
 * empty or, with `demo`, holding a copy of the Grand Est demo seeded once per run.
 */
export async function bootTestRuntime(env: Record<string, string> = {}, opts: { demo?: boolean } = {}) {
  const test = opts.demo ? await freshDemoDatabase() : await freshMigratedDatabase();
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATA_DIR: "/tmp/germoir-test", ...env, ...(test.url ? { DATABASE_URL: test.url } : {}) });
  const rt = await boot({ config, database: test.database });
  return {
    rt,
    kind: test.database.kind,
    async dispose() {
      setRuntime(undefined);
      await test.dispose();
    },
  };
}
