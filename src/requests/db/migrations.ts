import { sql } from "kysely";
import type { MigrationSet } from "../../kernel/db/migrate";

export const requestsMigrations: MigrationSet = {
  "2026-12-07-10-requests": {
    async up(d) {
      await sql`CREATE TABLE requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        requester_id uuid REFERENCES users(id) ON DELETE SET NULL,
        organization_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','qualifying','accepted','reoriented','declined')),
        kind text NOT NULL CHECK (kind IN ('project','workshop','method','training','network')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        context text NOT NULL DEFAULT '',
        affected text NOT NULL DEFAULT '',
        success text NOT NULL DEFAULT '',
        timing text NOT NULL DEFAULT '',
        other_administrations text NOT NULL DEFAULT '',
        sponsor_email text NOT NULL DEFAULT '',
        sponsor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        sponsor_confirmed_at timestamptz,
        assignee_id uuid REFERENCES users(id) ON DELETE SET NULL,
        outcome text CHECK (outcome IN ('project','workshop')),
        decline_reason text,
        project_id uuid,
        reoriented_from_id uuid REFERENCES requests(id) ON DELETE SET NULL,
        reoriented_to_lab_id uuid REFERENCES labs(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        due_at timestamptz,
        first_answer_at timestamptz,
        decided_at timestamptz,
        queue_rank smallint GENERATED ALWAYS AS (CASE WHEN status IN ('submitted','qualifying') THEN 0 ELSE 1 END) STORED,
        CHECK (status <> 'declined' OR length(coalesce(decline_reason, '')) > 0),
        CHECK (status <> 'accepted' OR outcome IS NOT NULL),
        CHECK (status <> 'reoriented' OR reoriented_to_lab_id IS NOT NULL),
        CHECK (project_id IS NULL OR (status = 'accepted' AND outcome = 'project')),
        CHECK (status = 'draft' OR submitted_at IS NOT NULL)
      )`.execute(d);
      // the lab's queue: keyset on (queue_rank, due_at, id); the requester's list
      await sql`CREATE INDEX requests_queue_idx ON requests (lab_id, queue_rank, due_at, id) WHERE status <> 'draft'`.execute(d);
      await sql`CREATE INDEX requests_requester_idx ON requests (requester_id, created_at DESC)`.execute(d);
      await sql`CREATE INDEX requests_sponsor_idx ON requests (sponsor_id)`.execute(d);
      await sql`CREATE INDEX requests_reoriented_idx ON requests (reoriented_to_lab_id) WHERE reoriented_to_lab_id IS NOT NULL`.execute(d);
      await sql`CREATE TABLE request_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        kind text NOT NULL,
        status text,
        detail text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        seq bigint GENERATED ALWAYS AS IDENTITY
      )`.execute(d);
      await sql`CREATE INDEX request_events_request_idx ON request_events (request_id, created_at, seq)`.execute(d);
      await sql`CREATE INDEX request_events_actor_idx ON request_events (actor_id)`.execute(d);
      await sql`CREATE TABLE request_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        kind text NOT NULL CHECK (kind IN ('message','note','opinion')),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
        created_at timestamptz NOT NULL DEFAULT now(),
        seq bigint GENERATED ALWAYS AS IDENTITY
      )`.execute(d);
      await sql`CREATE INDEX request_messages_request_idx ON request_messages (request_id, created_at, seq)`.execute(d);
      await sql`CREATE INDEX request_messages_author_idx ON request_messages (author_id)`.execute(d);
      await sql`CREATE TABLE request_attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
        message_id uuid REFERENCES request_messages(id) ON DELETE CASCADE,
        filename text NOT NULL,
        mime text NOT NULL,
        size integer NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE INDEX request_attachments_request_idx ON request_attachments (request_id)`.execute(d);
      await sql`CREATE TABLE request_experts (
        request_id uuid NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (request_id, user_id)
      )`.execute(d);
      await sql`CREATE INDEX request_experts_user_idx ON request_experts (user_id)`.execute(d);
      await sql`CREATE TABLE request_lab_settings (
        lab_id uuid PRIMARY KEY REFERENCES labs(id) ON DELETE CASCADE,
        answer_days integer NOT NULL DEFAULT 10 CHECK (answer_days BETWEEN 1 AND 60),
        summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 600),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
    },
  },
  "2026-12-07-11-requests-queue-indexes": {
    async up(d) {
      // The queue orders by coalesce(due_at, 'infinity'), which requests_queue_idx (on due_at) does not
      // give: on 39,000 requests a lab's queue read them all and sorted them (50 ms). The index now
      // holds the expression the query orders and pages by.
      await sql`CREATE INDEX requests_queue_order_idx ON requests (lab_id, queue_rank, (coalesce(due_at, 'infinity'::timestamptz)), id) WHERE status <> 'draft'`.execute(d);
      await sql`DROP INDEX requests_queue_idx`.execute(d);
      // The open requests of a lab (overdue counts, deadlines moved with the promise): queue_rank = 0
      // does not imply the partial index's predicate, so they were a sequential scan (25 ms).
      await sql`CREATE INDEX requests_open_idx ON requests (lab_id, due_at) WHERE queue_rank = 0`.execute(d);
    },
  },
  "2026-12-07-12-requests-continuation-index": {
    async up(d) {
      // The request that continues a reoriented one (continuationOf, on the request's page) and the
      // ON DELETE SET NULL of reoriented_from_id: without an index each was a scan of the table
      // (36 ms a page on 50,000 requests; deleting them all took 109 s, 1 s with it).
      await sql`CREATE INDEX requests_reoriented_from_idx ON requests (reoriented_from_id) WHERE reoriented_from_id IS NOT NULL`.execute(d);
    },
  },
  "2026-12-07-13-requests-steering": {
    async up(d) {
      // The project committee proposes a request to the steering committee, which decides it.
      await sql`ALTER TABLE requests ADD COLUMN proposed_to_steering_at timestamptz`.execute(d);
      await sql`CREATE INDEX requests_steering_idx ON requests (lab_id) WHERE proposed_to_steering_at IS NOT NULL AND queue_rank = 0`.execute(d);
    },
  },
  // The steering dashboards count a lab's requests of a period (12,000 of 50,000 on the bench)
  // from this index alone, instead of reading the whole table.
  "2026-12-07-60-requests-stats-index": {
    async up(d) {
      await sql`CREATE INDEX requests_stats_idx ON requests (lab_id, submitted_at) INCLUDE (organization_id, kind, status, due_at, first_answer_at, decided_at) WHERE status <> 'draft'`.execute(d);
    },
  },
};
