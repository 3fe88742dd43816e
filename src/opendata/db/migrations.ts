import { sql } from "kysely";
import type { MigrationSet } from "../../kernel/db/migrate";

export const opendataMigrations: MigrationSet = {
  "2026-12-07-40-opendata-api-tokens": {
    async up(d) {
      await sql`CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 3 AND 80),
        secret_hash text NOT NULL UNIQUE CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
        prefix text NOT NULL CHECK (length(prefix) BETWEEN 4 AND 16),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users(id) ON DELETE SET NULL
      )`.execute(d);
      await sql`CREATE INDEX api_tokens_lab_idx ON api_tokens (lab_id, created_at DESC)`.execute(d);
    },
  },
};
