import { boot } from "../../src/boot";
import { loadConfig } from "../../src/kernel/config";
import { setRuntime } from "../../src/kernel/runtime";
import { freshDatabase } from "./database";

/** Boots the modules in-process on a fresh database (PGlite, or PostgreSQL when DATABASE_URL is set). */
export async function bootTestRuntime(env: Record<string, string> = {}) {
  const test = await freshDatabase();
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
