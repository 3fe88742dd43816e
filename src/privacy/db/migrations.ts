import { sql } from "kysely";
import type { MigrationSet } from "../../kernel/db/migrate";

export const privacyMigrations: MigrationSet = {
  "2026-12-04-02-privacy-account-deletions": {
    async up(d) {
      await sql`CREATE TABLE account_deletions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pseudonym text NOT NULL CHECK (length(pseudonym) BETWEEN 16 AND 100),
        deleted_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE INDEX account_deletions_date_idx ON account_deletions (deleted_at)`.execute(d);
    },
  },
};
