import { sql } from "kysely";
import type { MigrationSet } from "../../kernel/db/migrate";

export const themesMigrations: MigrationSet = {
  "2026-11-25-01-themes": {
    async up(d) {
      await sql`CREATE TABLE theme_analyses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        title text NOT NULL,
        campaign_ids uuid[] NOT NULL,
        scope text NOT NULL CHECK (scope IN ('not_awarded','all')),
        k integer CHECK (k BETWEEN 2 AND 30),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        published_by uuid REFERENCES users(id) ON DELETE SET NULL,
        last_run_id uuid
      )`.execute(d);
      await sql`CREATE INDEX theme_analyses_lab_idx ON theme_analyses (lab_id, created_at DESC)`.execute(d);
      await sql`CREATE TABLE theme_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        analysis_id uuid NOT NULL REFERENCES theme_analyses(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('analyse','split')),
        split_theme_id uuid,
        k integer,
        seed integer NOT NULL DEFAULT 1,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','done','failed','cancelled')),
        stage text,
        progress real NOT NULL DEFAULT 0,
        idea_count integer,
        chosen_k integer,
        quality jsonb,
        stats jsonb,
        error text,
        requested_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        cancel_requested_at timestamptz
      )`.execute(d);
      await sql`CREATE INDEX theme_runs_analysis_idx ON theme_runs (analysis_id, created_at DESC)`.execute(d);
      await sql`CREATE TABLE themes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        analysis_id uuid NOT NULL REFERENCES theme_analyses(id) ON DELETE CASCADE,
        run_id uuid REFERENCES theme_runs(id) ON DELETE SET NULL,
        label text NOT NULL,
        terms jsonb NOT NULL DEFAULT '[]',
        representative_ids uuid[] NOT NULL DEFAULT '{}',
        cohesion real,
        position integer NOT NULL DEFAULT 0,
        validated_at timestamptz,
        validated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE INDEX themes_analysis_idx ON themes (analysis_id, position)`.execute(d);
      await sql`CREATE TABLE theme_ideas (
        analysis_id uuid NOT NULL REFERENCES theme_analyses(id) ON DELETE CASCADE,
        idea_id uuid NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
        theme_id uuid REFERENCES themes(id) ON DELETE SET NULL,
        similarity real,
        outlier_reason text CHECK (outlier_reason IN ('empty','language','far','small-theme')),
        x real,
        y real,
        moved_by uuid REFERENCES users(id) ON DELETE SET NULL,
        moved_at timestamptz,
        PRIMARY KEY (analysis_id, idea_id)
      )`.execute(d);
      await sql`CREATE INDEX theme_ideas_theme_idx ON theme_ideas (theme_id)`.execute(d);
      await sql`CREATE INDEX theme_ideas_idea_idx ON theme_ideas (idea_id)`.execute(d);
      await sql`CREATE TABLE theme_curation_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        analysis_id uuid NOT NULL REFERENCES theme_analyses(id) ON DELETE CASCADE,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        kind text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE INDEX theme_curation_events_analysis_idx ON theme_curation_events (analysis_id, id)`.execute(d);
    },
  },
};
