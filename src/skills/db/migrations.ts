import { sql } from "kysely";
import type { MigrationSet } from "../../kernel/db/migrate";

/** The shared list of skills every lab starts with (labs add their own). */
export const sharedSkills = [
  "Design de service",
  "Facilitation",
  "Prototypage",
  "Data",
  "UX writing",
  "Intelligence collective",
  "Conduite du changement",
  "Gestion de projet",
  "Enquête auprès des usagers",
  "Design d’interface",
  "Datavisualisation",
  "Sciences comportementales",
  "Simplification administrative",
  "Achat public innovant",
  "Formation de formateurs",
];

export const skillsMigrations: MigrationSet = {
  "2026-12-07-53-skills": {
    async up(d) {
      await sql`CREATE TABLE skills (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lab_id uuid REFERENCES labs(id) ON DELETE CASCADE,
        label text NOT NULL CHECK (length(btrim(label)) BETWEEN 2 AND 80),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE UNIQUE INDEX skills_label_idx ON skills (lower(label))`.execute(d);
      await sql`CREATE TABLE agent_skills (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        skill_id uuid NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
        level text NOT NULL CHECK (level IN ('notions','practice','expert')),
        willing_to_help boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, skill_id)
      )`.execute(d);
      await sql`CREATE INDEX agent_skills_skill_idx ON agent_skills (skill_id, user_id)`.execute(d);
      await sql`CREATE TABLE skill_profiles (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        expert boolean NOT NULL DEFAULT false,
        domains text NOT NULL DEFAULT '',
        availability text NOT NULL DEFAULT '',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE TABLE external_experts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 2 AND 120),
        affiliation text NOT NULL DEFAULT '',
        kind text NOT NULL CHECK (kind IN ('researcher','academic','practitioner','other')),
        domains text NOT NULL DEFAULT '',
        availability text NOT NULL DEFAULT '',
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE INDEX external_experts_lab_idx ON external_experts (lab_id, name)`.execute(d);
      await sql`CREATE TABLE skill_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sender_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        recipient_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        thread_id uuid REFERENCES skill_messages(id) ON DELETE CASCADE,
        body text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 4000),
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CHECK (sender_id <> recipient_id)
      )`.execute(d);
      await sql`CREATE INDEX skill_messages_thread_idx ON skill_messages (thread_id, created_at)`.execute(d);
      await sql`CREATE INDEX skill_messages_sender_idx ON skill_messages (sender_id, created_at)`.execute(d);
      await sql`CREATE INDEX skill_messages_recipient_idx ON skill_messages (recipient_id, created_at)`.execute(d);
      for (const label of sharedSkills) await sql`INSERT INTO skills (label) VALUES (${label})`.execute(d);
    },
  },
};
