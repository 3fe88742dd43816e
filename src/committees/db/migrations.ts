import { sql } from "kysely";
import type { MigrationSet } from "../../kernel/db/migrate";

export const committeesMigrations: MigrationSet = {
  "2026-12-07-30-committees": {
    async up(d) {
      await sql`CREATE TABLE committees (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('project','steering')),
        name text NOT NULL CHECK (length(name) BETWEEN 3 AND 150),
        rhythm text NOT NULL DEFAULT '' CHECK (length(rhythm) <= 100),
        quorum_percent integer NOT NULL DEFAULT 50 CHECK (quorum_percent BETWEEN 1 AND 100),
        quorum_per_side boolean NOT NULL DEFAULT false,
        chair_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE INDEX committees_lab_idx ON committees (lab_id)`.execute(d);
      await sql`CREATE TABLE committee_members (
        committee_id uuid NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        side text CHECK (side IN ('state','region')),
        PRIMARY KEY (committee_id, user_id)
      )`.execute(d);
      await sql`CREATE INDEX committee_members_user_idx ON committee_members (user_id)`.execute(d);
      await sql`CREATE TABLE committee_meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        committee_id uuid NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        place text NOT NULL DEFAULT '' CHECK (length(place) <= 300),
        video_url text NOT NULL DEFAULT '' CHECK (length(video_url) <= 500),
        convened_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        CHECK (place <> '' OR video_url <> '')
      )`.execute(d);
      await sql`CREATE INDEX committee_meetings_committee_idx ON committee_meetings (committee_id, starts_at)`.execute(d);
      await sql`CREATE TABLE committee_attendance (
        meeting_id uuid NOT NULL REFERENCES committee_meetings(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (meeting_id, user_id)
      )`.execute(d);
      await sql`CREATE TABLE committee_agenda_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES committee_meetings(id) ON DELETE CASCADE,
        position integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('gate_review','request','network_project','free')),
        subject_id uuid,
        title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
        summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 6000),
        secret boolean NOT NULL DEFAULT false,
        discussion text NOT NULL DEFAULT '' CHECK (length(discussion) <= 10000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (kind <> 'free' OR subject_id IS NULL),
        UNIQUE (meeting_id, position)
      )`.execute(d);
      // A subject comes once onto a meeting's agenda.
      await sql`CREATE UNIQUE INDEX committee_agenda_subject_idx ON committee_agenda_items (meeting_id, kind, subject_id) WHERE subject_id IS NOT NULL`.execute(d);
      await sql`CREATE TABLE committee_votes (
        item_id uuid NOT NULL REFERENCES committee_agenda_items(id) ON DELETE CASCADE,
        voter_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        side text CHECK (side IN ('state','region')),
        choice text NOT NULL CHECK (choice IN ('for','against','abstain')),
        PRIMARY KEY (item_id, voter_id)
      )`.execute(d);
      await sql`CREATE TABLE committee_secret_counts (
        item_id uuid NOT NULL REFERENCES committee_agenda_items(id) ON DELETE CASCADE,
        side text CHECK (side IN ('state','region')),
        votes_for integer NOT NULL CHECK (votes_for >= 0),
        votes_against integer NOT NULL CHECK (votes_against >= 0),
        abstentions integer NOT NULL CHECK (abstentions >= 0)
      )`.execute(d);
      await sql`CREATE UNIQUE INDEX committee_secret_counts_idx ON committee_secret_counts (item_id, coalesce(side, ''))`.execute(d);
      // A secret item's votes are never stored per voter.
      await sql`CREATE FUNCTION committee_votes_not_secret() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM committee_agenda_items WHERE id = NEW.item_id AND secret) THEN
            RAISE EXCEPTION 'a secret vote stores no voter' USING ERRCODE = 'GE010';
          END IF;
          RETURN NEW;
        END $$`.execute(d);
      await sql`CREATE TRIGGER committee_votes_not_secret BEFORE INSERT OR UPDATE ON committee_votes FOR EACH ROW EXECUTE FUNCTION committee_votes_not_secret()`.execute(d);
      await sql`CREATE TABLE committee_minutes (
        meeting_id uuid PRIMARY KEY REFERENCES committee_meetings(id) ON DELETE CASCADE,
        body text NOT NULL DEFAULT '' CHECK (length(body) <= 20000),
        drafted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        drafted_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        validated_at timestamptz,
        validated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        validated_how text CHECK (validated_how IN ('chair','next_meeting')),
        CHECK ((validated_at IS NULL) = (validated_how IS NULL))
      )`.execute(d);
      await sql`CREATE TABLE committee_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES committee_agenda_items(id),
        meeting_id uuid NOT NULL REFERENCES committee_meetings(id),
        adopted boolean NOT NULL,
        wording text NOT NULL CHECK (length(wording) BETWEEN 1 AND 2000),
        tally jsonb NOT NULL DEFAULT '[]'::jsonb,
        corrects_id uuid REFERENCES committee_decisions(id),
        recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE INDEX committee_decisions_item_idx ON committee_decisions (item_id, created_at)`.execute(d);
      // Once the meeting's minutes are validated, its decisions are immutable: a correction is a new decision.
      await sql`CREATE FUNCTION committee_decisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM committee_minutes WHERE meeting_id = OLD.meeting_id AND validated_at IS NOT NULL) THEN
            RAISE EXCEPTION 'a decision of validated minutes is immutable: record a correction instead' USING ERRCODE = 'GE011';
          END IF;
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END $$`.execute(d);
      await sql`CREATE TRIGGER committee_decisions_immutable BEFORE UPDATE OR DELETE ON committee_decisions FOR EACH ROW EXECUTE FUNCTION committee_decisions_immutable()`.execute(d);
      // After validation, a decision is only added as the correction of one of the same item.
      await sql`CREATE FUNCTION committee_decisions_after_validation() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM committee_minutes WHERE meeting_id = NEW.meeting_id AND validated_at IS NOT NULL)
             AND (NEW.corrects_id IS NULL OR NOT EXISTS (SELECT 1 FROM committee_decisions WHERE id = NEW.corrects_id AND item_id = NEW.item_id)) THEN
            RAISE EXCEPTION 'the minutes are validated: a new decision must correct one of the same item' USING ERRCODE = 'GE011';
          END IF;
          RETURN NEW;
        END $$`.execute(d);
      await sql`CREATE TRIGGER committee_decisions_after_validation BEFORE INSERT ON committee_decisions FOR EACH ROW EXECUTE FUNCTION committee_decisions_after_validation()`.execute(d);
      // Validated minutes are frozen too.
      await sql`CREATE FUNCTION committee_minutes_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF OLD.validated_at IS NOT NULL THEN
            RAISE EXCEPTION 'validated minutes are frozen' USING ERRCODE = 'GE011';
          END IF;
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END $$`.execute(d);
      await sql`CREATE TRIGGER committee_minutes_frozen BEFORE UPDATE OR DELETE ON committee_minutes FOR EACH ROW EXECUTE FUNCTION committee_minutes_frozen()`.execute(d);
      await sql`CREATE TABLE committee_decision_applications (
        decision_id uuid PRIMARY KEY REFERENCES committee_decisions(id),
        applied_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
    },
  },
};
