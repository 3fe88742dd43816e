import { defineConfig } from "vitest/config";
import path from "node:path";

// Module tests (src/) run on PGlite, and again on PostgreSQL when DATABASE_URL is set.
// Integration and browser tests start the real server once, on PostgreSQL when DATABASE_URL is set.
const onPostgres = !!process.env.DATABASE_URL;
// One id per run: test servers on PostgreSQL copy one demo database seeded for this run (tests/support/server.ts).
// Its name starts with the time in base 36, so that old runs' copies can be dropped.
process.env.GERMOIR_TEST_RUN ??= `${Date.now().toString(36)}_${process.pid}`;

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "src") } },
  test: {
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: process.env.CI ? ["default", ["json", { outputFile: "test-results/vitest.json" }]] : ["default"],
    projects: [
      { extends: true as const, test: { name: "modules (PGlite)", include: ["src/**/*.test.ts"], env: { DATABASE_URL: "" } } },
      ...(onPostgres ? [{ extends: true as const, test: { name: "modules (PostgreSQL)", include: ["src/**/*.test.ts"] } }] : []),
      { extends: true as const, test: { name: onPostgres ? "integration (PostgreSQL)" : "integration (PGlite)", include: ["tests/integration/**/*.test.ts"] } },
      { extends: true as const, test: { name: "browser", include: ["tests/browser/**/*.test.ts"] } },
    ],
  },
});
