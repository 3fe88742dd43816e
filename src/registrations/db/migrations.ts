import { sql } from "kysely";
import type { MigrationSet } from "../../kernel/db/migrate";

export const registrationsMigrations: MigrationSet = {
  "2026-12-07-50-registrations": {
    async up(d) {
      await sql`CREATE TABLE seat_offers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_kind text NOT NULL CHECK (length(owner_kind) BETWEEN 1 AND 50),
        owner_id uuid NOT NULL,
        capacity integer CHECK (capacity IS NULL OR capacity >= 0),
        confirm_hours integer NOT NULL DEFAULT 48 CHECK (confirm_hours BETWEEN 1 AND 720),
        group_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (owner_kind, owner_id)
      )`.execute(d);
      await sql`CREATE INDEX seat_offers_group_idx ON seat_offers (group_key) WHERE group_key IS NOT NULL`.execute(d);
      await sql`CREATE TABLE seat_registrations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        offer_id uuid NOT NULL REFERENCES seat_offers(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('confirmed','offered','waiting','cancelled','expired','withdrawn')),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        offered_until timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK ((status = 'offered') = (offered_until IS NOT NULL))
      )`.execute(d);
      // One active registration per agent and offer: none twice, whatever the concurrency.
      await sql`CREATE UNIQUE INDEX seat_registrations_active_idx ON seat_registrations (offer_id, user_id) WHERE status IN ('confirmed','offered','waiting')`.execute(d);
      await sql`CREATE INDEX seat_registrations_offer_idx ON seat_registrations (offer_id, status, seq)`.execute(d);
      await sql`CREATE INDEX seat_registrations_user_idx ON seat_registrations (user_id)`.execute(d);
      await sql`CREATE INDEX seat_registrations_due_idx ON seat_registrations (offered_until) WHERE status = 'offered'`.execute(d);
      await sql`CREATE TABLE seat_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        offer_id uuid NOT NULL REFERENCES seat_offers(id) ON DELETE CASCADE,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        kind text NOT NULL CHECK (kind IN ('confirmed','waiting','offered','accepted','cancelled','expired','withdrawn')),
        at timestamptz NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY
      )`.execute(d);
      await sql`CREATE INDEX seat_events_offer_idx ON seat_events (offer_id, seq)`.execute(d);
    },
  },
};
