import { sql } from "kysely";
import type { MigrationSet } from "../../kernel/db/migrate";

const STAGES = sql.raw(`'exploration','prototype','experimentation','evaluation','deployment'`);

export const projectsMigrations: MigrationSet = {
  "2026-12-07-10-projects": {
    async up(d) {
      await sql`CREATE TABLE projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lab_id uuid NOT NULL REFERENCES labs(id),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 3 AND 200),
        problem text NOT NULL,
        users text NOT NULL DEFAULT '',
        confidential boolean NOT NULL DEFAULT false,
        stage text NOT NULL CHECK (stage IN (${STAGES},'paused','stopped')),
        resume_stage text CHECK (resume_stage IN (${STAGES})),
        status_reason text,
        stage_entered_at timestamptz NOT NULL DEFAULT now(),
        lead_id uuid REFERENCES users(id) ON DELETE SET NULL,
        origin text NOT NULL CHECK (origin IN ('decision','request','direct')),
        decision_id uuid UNIQUE,
        request_id uuid UNIQUE,
        budget_requested_eur integer CHECK (budget_requested_eur IS NULL OR budget_requested_eur >= 0),
        budget_granted_eur integer CHECK (budget_granted_eur IS NULL OR budget_granted_eur >= 0),
        funding_source text NOT NULL DEFAULT '',
        starts_on timestamptz,
        ends_on timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((stage IN ('paused','stopped')) = (status_reason IS NOT NULL AND length(btrim(status_reason)) > 0)),
        CHECK ((stage = 'paused') = (resume_stage IS NOT NULL)),
        CHECK ((origin = 'decision') = (decision_id IS NOT NULL)),
        CHECK ((origin = 'request') = (request_id IS NOT NULL))
      )`.execute(d);
      await sql`CREATE INDEX projects_lab_idx ON projects (lab_id, created_at DESC, id DESC)`.execute(d);
      await sql`CREATE INDEX projects_lead_idx ON projects (lead_id)`.execute(d);
      await sql`CREATE TABLE project_organizations (
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id),
        service_kind text NOT NULL CHECK (service_kind IN ('etat','region','collectivite','sante')),
        PRIMARY KEY (project_id, organization_id)
      )`.execute(d);
      await sql`CREATE INDEX project_organizations_org_idx ON project_organizations (organization_id)`.execute(d);
      await sql`CREATE TABLE project_members (
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('staff','expert')),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (project_id, user_id, role)
      )`.execute(d);
      await sql`CREATE INDEX project_members_user_idx ON project_members (user_id)`.execute(d);
      await sql`CREATE TABLE project_stages (
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        stage text NOT NULL CHECK (stage IN (${STAGES})),
        planned_start timestamptz,
        planned_end timestamptz,
        entered_at timestamptz,
        left_at timestamptz,
        PRIMARY KEY (project_id, stage),
        CHECK (planned_end IS NULL OR planned_start IS NULL OR planned_end >= planned_start)
      )`.execute(d);
      await sql`CREATE TABLE project_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        filename text NOT NULL,
        mime text NOT NULL,
        size integer NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE INDEX project_files_idx ON project_files (project_id)`.execute(d);
      await sql`CREATE TABLE project_deliverables (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        stage text NOT NULL CHECK (stage IN (${STAGES})),
        label text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('file','link','text','not_required')),
        body text,
        url text,
        file_id uuid REFERENCES project_files(id) ON DELETE SET NULL,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (project_id, stage, label),
        CHECK (kind <> 'link' OR url IS NOT NULL),
        CHECK (kind NOT IN ('text','not_required') OR (body IS NOT NULL AND length(btrim(body)) > 0))
      )`.execute(d);
      await sql`CREATE TABLE project_journal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        entry_on timestamptz NOT NULL,
        body text NOT NULL CHECK (length(btrim(body)) > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE INDEX project_journal_idx ON project_journal (project_id, entry_on DESC, created_at DESC)`.execute(d);
      await sql`CREATE TABLE project_indicators (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        name text NOT NULL,
        unit text NOT NULL DEFAULT '',
        baseline double precision,
        target double precision,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE INDEX project_indicators_idx ON project_indicators (project_id)`.execute(d);
      await sql`CREATE TABLE project_measurements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        indicator_id uuid NOT NULL REFERENCES project_indicators(id) ON DELETE CASCADE,
        measured_on timestamptz NOT NULL,
        value double precision NOT NULL,
        recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE INDEX project_measurements_idx ON project_measurements (indicator_id, measured_on)`.execute(d);
      await sql`CREATE TABLE project_gate_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        lab_id uuid NOT NULL REFERENCES labs(id),
        from_stage text NOT NULL CHECK (from_stage IN (${STAGES})),
        to_stage text NOT NULL CHECK (to_stage IN (${STAGES})),
        committee_kind text NOT NULL CHECK (committee_kind IN ('project','steering')),
        status text NOT NULL CHECK (status IN ('pending','decided')),
        requested_by uuid REFERENCES users(id) ON DELETE SET NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        outcome text CHECK (outcome IN ('go','go_with_conditions','recycle','stop')),
        missing text,
        reason text,
        decided_by uuid REFERENCES users(id) ON DELETE SET NULL,
        decided_at timestamptz,
        CHECK ((status = 'decided') = (outcome IS NOT NULL AND decided_at IS NOT NULL))
      )`.execute(d);
      // one pending review per project at a time
      await sql`CREATE UNIQUE INDEX project_gate_reviews_pending_idx ON project_gate_reviews (project_id) WHERE status = 'pending'`.execute(d);
      await sql`CREATE INDEX project_gate_reviews_lab_idx ON project_gate_reviews (lab_id, committee_kind, status, requested_at)`.execute(d);
      await sql`CREATE TABLE project_conditions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES project_gate_reviews(id) ON DELETE CASCADE,
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        label text NOT NULL CHECK (length(btrim(label)) > 0),
        position integer NOT NULL,
        met_at timestamptz,
        met_by uuid REFERENCES users(id) ON DELETE SET NULL
      )`.execute(d);
      await sql`CREATE INDEX project_conditions_idx ON project_conditions (project_id, review_id, position)`.execute(d);
      await sql`CREATE TABLE project_lab_settings (
        lab_id uuid PRIMARY KEY REFERENCES labs(id),
        template jsonb NOT NULL,
        strategic_stages text[] NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
    },
  },
  "2026-12-07-31-project-network-proposals": {
    async up(d) {
      // A lab proposes one of its projects to another lab's steering committee (the network of labs): to join, replicate or support it.
      await sql`CREATE TABLE project_network_proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        from_lab_id uuid NOT NULL REFERENCES labs(id),
        to_lab_id uuid NOT NULL REFERENCES labs(id),
        message text NOT NULL DEFAULT '' CHECK (length(message) <= 2000),
        proposed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        proposed_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','supported','declined')),
        decision_wording text CHECK (length(decision_wording) <= 2000),
        decided_at timestamptz,
        CHECK (from_lab_id <> to_lab_id),
        CHECK ((status = 'pending') = (decided_at IS NULL))
      )`.execute(d);
      // one open proposal of a project to a lab at a time
      await sql`CREATE UNIQUE INDEX project_network_pending_idx ON project_network_proposals (project_id, to_lab_id) WHERE status = 'pending'`.execute(d);
      await sql`CREATE INDEX project_network_to_lab_idx ON project_network_proposals (to_lab_id, proposed_at) WHERE status = 'pending'`.execute(d);
    },
  },
};
