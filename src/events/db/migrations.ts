import { sql } from "kysely";
import type { MigrationSet } from "../../kernel/db/migrate";

export const eventsMigrations: MigrationSet = {
  "2026-12-07-51-events": {
    async up(d) {
      await sql`CREATE TABLE network_labs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 2 AND 200),
        region text NOT NULL CHECK (length(btrim(region)) BETWEEN 2 AND 100),
        website text,
        ical_url text CHECK (ical_url IS NULL OR ical_url ~ '^https?://'),
        declared_by_lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE UNIQUE INDEX network_labs_name_idx ON network_labs (lower(name))`.execute(d);
      await sql`CREATE TABLE events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lab_id uuid REFERENCES labs(id) ON DELETE CASCADE,
        network_lab_id uuid REFERENCES network_labs(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 2 AND 300),
        description text NOT NULL DEFAULT '',
        kind text NOT NULL CHECK (kind IN ('workshop','conference','exhibition','webinar','day')),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        all_day boolean NOT NULL DEFAULT false,
        recurrence text CHECK (recurrence IS NULL OR length(recurrence) <= 500),
        region text NOT NULL,
        place text NOT NULL DEFAULT '',
        online_url text,
        audience text NOT NULL CHECK (audience IN ('agents','all','users')),
        registration text NOT NULL DEFAULT 'free' CHECK (registration IN ('free','required')),
        capacity integer CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 100000),
        tags text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','cancelled')),
        source_uid text,
        source_url text,
        link text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((lab_id IS NULL) <> (network_lab_id IS NULL)),
        CHECK (ends_at >= starts_at),
        CHECK (source_uid IS NULL OR network_lab_id IS NOT NULL)
      )`.execute(d);
      await sql`CREATE INDEX events_time_idx ON events (starts_at, ends_at)`.execute(d);
      await sql`CREATE INDEX events_recurring_idx ON events (starts_at) WHERE recurrence IS NOT NULL`.execute(d);
      await sql`CREATE INDEX events_lab_idx ON events (lab_id, starts_at)`.execute(d);
      await sql`CREATE INDEX events_network_lab_idx ON events (network_lab_id, starts_at)`.execute(d);
      await sql`CREATE UNIQUE INDEX events_source_uid_idx ON events (network_lab_id, source_uid) WHERE source_uid IS NOT NULL`.execute(d);
      await sql`CREATE TABLE event_feed_fetches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        network_lab_id uuid NOT NULL REFERENCES network_labs(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','done','failed')),
        requested_by uuid REFERENCES users(id) ON DELETE SET NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        message text NOT NULL DEFAULT '',
        created integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        removed integer NOT NULL DEFAULT 0
      )`.execute(d);
      await sql`CREATE INDEX event_feed_fetches_idx ON event_feed_fetches (network_lab_id, requested_at DESC)`.execute(d);
    },
  },
  "2026-12-07-51-events-feed-tokens": {
    async up(d) {
      // the private « mes inscriptions » feed: one secret address per agent, kept as its hash, revocable
      await sql`CREATE TABLE event_feed_tokens (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
    },
  },
};
