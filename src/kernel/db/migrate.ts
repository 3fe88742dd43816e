import { Migrator, sql, type Migration, type MigrationProvider } from "kysely";
import type { AnyDb } from "./connect";

export type MigrationSet = Record<string, Migration>;

/**
 * Migrations are declared by each module (kernel first) and applied in name order.
 * Names are prefixed with a sortable stamp: "2026-11-22-01-accounts".
 *
 * Modules grow in parallel: a module's migration may land after another module's later-stamped
 * one has already run on a database. Each module migrates only its own tables, so such a
 * migration is applied where it is missing (`allowUnorderedMigrations`) instead of refusing to
 * start; on a fresh database every migration still runs in name order.
 */
export async function migrateToLatest(db: AnyDb, sets: MigrationSet[]): Promise<string[]> {
  const all: MigrationSet = {};
  for (const set of sets) {
    for (const [name, m] of Object.entries(set)) {
      if (all[name]) throw new Error(`Migration en double : ${name}`);
      all[name] = m;
    }
  }
  const provider: MigrationProvider = { getMigrations: async () => all };
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** Kernel migration: extensions and the French accent-insensitive text search configuration. */
export const kernelMigrations: MigrationSet = {
  "2026-11-22-00-kernel": {
    async up(db) {
      await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
      await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
      await sql`DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'germoir_fr') THEN
          CREATE TEXT SEARCH CONFIGURATION germoir_fr (COPY = french);
          ALTER TEXT SEARCH CONFIGURATION germoir_fr
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
        END IF;
      END $$`.execute(db);
      await sql`CREATE TABLE sessions (
        id text PRIMARY KEY,
        user_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        id_token text
      )`.execute(db);
      await sql`CREATE INDEX sessions_user_idx ON sessions (user_id)`.execute(db);
    },
  },
};
