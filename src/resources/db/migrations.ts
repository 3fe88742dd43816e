import { sql } from "kysely";
import type { MigrationSet } from "../../kernel/db/migrate";

/**
 * The library of resources: method sheets, tools, templates and case studies. The Mini-Labs'
 * list of methods (`session_methods`, owned by minilabs until now) becomes the library's method
 * sheets: its rows are carried over with their ids, names, descriptions and archiving, published
 * for agents, and the old table is dropped — one list, not two.
 */
export const resourcesMigrations: MigrationSet = {
  "2026-12-07-52-resources": {
    async up(d) {
      await sql`CREATE TABLE resources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('method','tool','template','case_study')),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        summary text NOT NULL DEFAULT '',
        objective text NOT NULL DEFAULT '',
        when_to_use text NOT NULL DEFAULT '',
        duration text NOT NULL DEFAULT '',
        group_size text NOT NULL DEFAULT '',
        material text NOT NULL DEFAULT '',
        steps text NOT NULL DEFAULT '',
        variants text NOT NULL DEFAULT '',
        body text NOT NULL DEFAULT '',
        problem text NOT NULL DEFAULT '',
        result text NOT NULL DEFAULT '',
        indicators text NOT NULL DEFAULT '',
        project_id uuid REFERENCES projects(id) ON DELETE SET NULL,
        tags text[] NOT NULL DEFAULT '{}',
        visibility text NOT NULL DEFAULT 'agents' CHECK (visibility IN ('agents','public')),
        published_at timestamptz,
        archived_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (project_id IS NULL OR kind = 'case_study'),
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('germoir_fr'::regconfig, title), 'A') ||
          setweight(to_tsvector('germoir_fr'::regconfig, summary || ' ' || objective || ' ' || when_to_use), 'B') ||
          setweight(to_tsvector('germoir_fr'::regconfig, steps || ' ' || variants || ' ' || material || ' ' || body || ' ' || problem || ' ' || result), 'C')
        ) STORED
      )`.execute(d);
      await sql`CREATE UNIQUE INDEX resources_method_name_idx ON resources (lab_id, title) WHERE kind = 'method'`.execute(d);
      await sql`CREATE INDEX resources_search_idx ON resources USING gin (search)`.execute(d);
      await sql`CREATE INDEX resources_tags_idx ON resources USING gin (tags)`.execute(d);
      await sql`CREATE INDEX resources_lab_idx ON resources (lab_id, kind, title)`.execute(d);
      await sql`CREATE INDEX resources_project_idx ON resources (project_id) WHERE project_id IS NOT NULL`.execute(d);
      await sql`CREATE TABLE resource_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        resource_id uuid NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
        filename text NOT NULL,
        mime text NOT NULL,
        size integer NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE INDEX resource_files_resource_idx ON resource_files (resource_id, created_at)`.execute(d);
      // the Mini-Labs' methods become method sheets (same ids), then their old table goes
      await sql`INSERT INTO resources (id, lab_id, kind, title, summary, tags, visibility, published_at, archived_at, created_at)
        SELECT id, lab_id, 'method', label, description, '{}', 'agents', created_at, archived_at, created_at FROM session_methods`.execute(d);
      await sql`DROP TABLE session_methods`.execute(d);
    },
  },
};
