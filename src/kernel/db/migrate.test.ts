import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "kysely";
import { connectPglite, type Database } from "./connect";
import { migrateToLatest, type MigrationSet } from "./migrate";

let database: Database;
beforeAll(async () => {
  database = await connectPglite("memory://");
});
afterAll(async () => {
  await database?.close();
});

const table = (name: string): MigrationSet[string] => ({
  async up(db) {
    await sql`CREATE TABLE ${sql.table(name)} (id integer PRIMARY KEY)`.execute(db);
  },
});

it("applies a module's migration that lands after a later-stamped one of another module already ran", async () => {
  const roadmaps: MigrationSet = { "2026-12-07-40-roadmaps": table("roadmap_things") };
  const opendata: MigrationSet = { "2026-12-07-40-opendata-api-tokens": table("opendata_things") };
  expect(await migrateToLatest(database.db, [roadmaps])).toEqual(["2026-12-07-40-roadmaps"]);
  // The other branch merges: its migration sorts before the one already executed.
  expect(await migrateToLatest(database.db, [roadmaps, opendata])).toEqual(["2026-12-07-40-opendata-api-tokens"]);
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('roadmap_things', 'opendata_things')`.execute(database.db);
  expect(rows[0].n).toBe(2);
  // Nothing is left to run, and nothing runs twice.
  expect(await migrateToLatest(database.db, [opendata, roadmaps])).toEqual([]);
});

it("refuses two modules declaring the same migration name", async () => {
  await expect(migrateToLatest(database.db, [{ "2026-12-07-41-x": table("x1") }, { "2026-12-07-41-x": table("x2") }])).rejects.toThrow(/Migration en double/);
});
