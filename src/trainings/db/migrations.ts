import { sql } from "kysely";
import type { MigrationSet } from "../../kernel/db/migrate";

const SIDES = sql.raw(`'state','region','local','health'`);

export const trainingsMigrations: MigrationSet = {
  "2026-12-07-51-trainings": {
    async up(d) {
      await sql`CREATE TABLE trainings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lab_id uuid NOT NULL REFERENCES labs(id),
        side text NOT NULL CHECK (side IN (${SIDES})),
        open_to jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(open_to) = 'array'),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 3 AND 200),
        objectives text NOT NULL DEFAULT '',
        methods jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(methods) = 'array'),
        audience text NOT NULL DEFAULT '',
        format text NOT NULL CHECK (format IN ('presentiel','distanciel')),
        duration_hours real NOT NULL CHECK (duration_hours > 0 AND duration_hours <= 500),
        confirm_hours integer NOT NULL DEFAULT 48 CHECK (confirm_hours BETWEEN 1 AND 720),
        manager_approval boolean NOT NULL DEFAULT false,
        published boolean NOT NULL DEFAULT false,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE INDEX trainings_lab_idx ON trainings (lab_id)`.execute(d);
      await sql`CREATE TABLE training_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        training_id uuid NOT NULL REFERENCES trainings(id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        place text NOT NULL DEFAULT '',
        link text,
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
        held_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`.execute(d);
      await sql`CREATE INDEX training_sessions_idx ON training_sessions (training_id, starts_at)`.execute(d);
      await sql`CREATE INDEX training_sessions_starts_idx ON training_sessions (starts_at)`.execute(d);
      await sql`CREATE TABLE training_trainers (
        session_id uuid NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (session_id, user_id)
      )`.execute(d);
      await sql`CREATE INDEX training_trainers_user_idx ON training_trainers (user_id)`.execute(d);
      await sql`CREATE TABLE training_attendance (
        session_id uuid NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        present boolean NOT NULL,
        recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (session_id, user_id)
      )`.execute(d);
      await sql`CREATE INDEX training_attendance_user_idx ON training_attendance (user_id)`.execute(d);
      await sql`CREATE TABLE training_approvals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        manager_email text NOT NULL CHECK (length(manager_email) BETWEEN 3 AND 320),
        token_hash text NOT NULL UNIQUE,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','refused')),
        created_at timestamptz NOT NULL,
        decided_at timestamptz
      )`.execute(d);
      await sql`CREATE UNIQUE INDEX training_approvals_pending_idx ON training_approvals (session_id, user_id) WHERE status = 'pending'`.execute(d);
      await sql`CREATE INDEX training_approvals_user_idx ON training_approvals (user_id)`.execute(d);
    },
  },
};
