import { sql } from "kysely";
import type { MigrationSet } from "../../kernel/db/migrate";

const STAGES = sql.raw(`'exploration','prototype','experimentation','evaluation','deployment'`);

export const roadmapsMigrations: MigrationSet = {
  "2026-12-07-40-roadmaps": {
    async up(d) {
      await sql`CREATE TABLE roadmaps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lab_id uuid NOT NULL REFERENCES labs(id),
        partner_lab_id uuid REFERENCES labs(id),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 3 AND 200),
        description text NOT NULL DEFAULT '',
        published boolean NOT NULL DEFAULT false,
        stage_shares jsonb NOT NULL,
        stop_rule text NOT NULL DEFAULT 'exclude' CHECK (stop_rule IN ('exclude','zero')),
        confidential_display text NOT NULL DEFAULT 'label' CHECK (confidential_display IN ('label','hidden')),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (partner_lab_id IS NULL OR partner_lab_id <> lab_id)
      )`.execute(d);
      await sql`CREATE INDEX roadmaps_lab_idx ON roadmaps (lab_id)`.execute(d);
      await sql`CREATE INDEX roadmaps_partner_idx ON roadmaps (partner_lab_id)`.execute(d);
      await sql`CREATE TABLE roadmap_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        roadmap_id uuid NOT NULL REFERENCES roadmaps(id) ON DELETE CASCADE,
        parent_id uuid REFERENCES roadmap_items(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('axis','flagship','lever','project','initiative')),
        position integer NOT NULL DEFAULT 0,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 2 AND 300),
        description text NOT NULL DEFAULT '',
        transversal boolean NOT NULL DEFAULT false,
        project_id uuid REFERENCES projects(id) ON DELETE SET NULL,
        owner_name text NOT NULL DEFAULT '',
        owner_role text NOT NULL DEFAULT '',
        owner_name_public boolean NOT NULL DEFAULT false,
        starts_on timestamptz,
        ends_on timestamptz,
        calendar text NOT NULL DEFAULT '',
        public boolean NOT NULL DEFAULT true,
        weight real CHECK (weight IS NULL OR (weight > 0 AND weight <= 1000)),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','done','stopped')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'axis') = (parent_id IS NULL)),
        CHECK (transversal = false OR kind = 'axis'),
        CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
      )`.execute(d);
      await sql`CREATE INDEX roadmap_items_roadmap_idx ON roadmap_items (roadmap_id, parent_id, position)`.execute(d);
      await sql`CREATE INDEX roadmap_items_project_idx ON roadmap_items (project_id) WHERE project_id IS NOT NULL`.execute(d);
      await sql`CREATE TABLE roadmap_milestones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES roadmap_items(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 2 AND 300),
        planned_on timestamptz,
        done_on timestamptz,
        evidence_kind text CHECK (evidence_kind IN ('link','text','stage')),
        evidence_url text,
        evidence_text text,
        evidence_stage text CHECK (evidence_stage IN (${STAGES})),
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (evidence_kind IS DISTINCT FROM 'link' OR evidence_url IS NOT NULL),
        CHECK (evidence_kind IS DISTINCT FROM 'text' OR evidence_text IS NOT NULL),
        CHECK (evidence_kind IS DISTINCT FROM 'stage' OR evidence_stage IS NOT NULL)
      )`.execute(d);
      await sql`CREATE INDEX roadmap_milestones_item_idx ON roadmap_milestones (item_id, position)`.execute(d);
      await sql`CREATE TABLE roadmap_calendar (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        roadmap_id uuid NOT NULL REFERENCES roadmaps(id) ON DELETE CASCADE,
        period text NOT NULL CHECK (length(btrim(period)) BETWEEN 2 AND 100),
        starts_on timestamptz NOT NULL,
        body text NOT NULL CHECK (length(btrim(body)) > 0),
        public boolean NOT NULL DEFAULT true
      )`.execute(d);
      await sql`CREATE INDEX roadmap_calendar_idx ON roadmap_calendar (roadmap_id, starts_on)`.execute(d);
      await sql`CREATE TABLE roadmap_snapshots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        roadmap_id uuid NOT NULL REFERENCES roadmaps(id) ON DELETE CASCADE,
        item_id uuid REFERENCES roadmap_items(id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        percent real CHECK (percent IS NULL OR (percent >= 0 AND percent <= 100)),
        cause text NOT NULL DEFAULT ''
      )`.execute(d);
      await sql`CREATE INDEX roadmap_snapshots_idx ON roadmap_snapshots (roadmap_id, item_id, at)`.execute(d);
      await sql`CREATE TABLE roadmap_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        roadmap_id uuid NOT NULL REFERENCES roadmaps(id) ON DELETE CASCADE,
        item_id uuid REFERENCES roadmap_items(id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        kind text NOT NULL CHECK (kind IN ('gate','stage','milestone','status')),
        title text NOT NULL,
        anonymous_title text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE INDEX roadmap_events_idx ON roadmap_events (roadmap_id, at DESC)`.execute(d);
    },
  },
  /** A file as a milestone's evidence; a roadmap imported from a CSV or XLSX file, by a background job. */
  "2026-12-07-55-roadmap-files-imports": {
    async up(d) {
      await sql`ALTER TABLE roadmap_milestones DROP CONSTRAINT roadmap_milestones_evidence_kind_check`.execute(d);
      await sql`ALTER TABLE roadmap_milestones ADD CONSTRAINT roadmap_milestones_evidence_kind_check CHECK (evidence_kind IN ('link','text','stage','file'))`.execute(d);
      await sql`CREATE TABLE roadmap_milestone_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        milestone_id uuid NOT NULL REFERENCES roadmap_milestones(id) ON DELETE CASCADE,
        filename text NOT NULL,
        mime text NOT NULL,
        size integer NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      // one file proves a milestone: a new one replaces it
      await sql`CREATE UNIQUE INDEX roadmap_milestone_files_idx ON roadmap_milestone_files (milestone_id)`.execute(d);
      await sql`CREATE TABLE roadmap_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        roadmap_id uuid NOT NULL REFERENCES roadmaps(id) ON DELETE CASCADE,
        filename text NOT NULL,
        format text NOT NULL CHECK (format IN ('csv','xlsx')),
        content bytea,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','done','failed')),
        stage text NOT NULL DEFAULT '',
        total integer NOT NULL DEFAULT 0,
        processed integer NOT NULL DEFAULT 0,
        created_items integer NOT NULL DEFAULT 0,
        created_milestones integer NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        failure text,
        requested_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`.execute(d);
      await sql`CREATE INDEX roadmap_imports_idx ON roadmap_imports (roadmap_id, created_at DESC)`.execute(d);
    },
  },
};
