import { sql } from "kysely";
import type { MigrationSet } from "../../kernel/db/migrate";

export const surveysMigrations: MigrationSet = {
  "2026-12-07-54-surveys": {
    async up(d) {
      // Titles and labels: the forms' limits are lower (200, 500), French typography may add a non-breaking space inside « ».
      await sql`CREATE TABLE surveys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lab_id uuid NOT NULL REFERENCES labs(id),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 3 AND 300),
        description text NOT NULL DEFAULT '',
        audience text NOT NULL CHECK (audience IN ('organizations','agents','anonymous')),
        organization_ids jsonb NOT NULL DEFAULT '[]',
        anonymous_token text UNIQUE,
        opens_at timestamptz,
        closes_at timestamptz,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','open','closed')),
        version integer NOT NULL DEFAULT 1,
        previous_id uuid REFERENCES surveys(id) ON DELETE SET NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((audience = 'anonymous') = (anonymous_token IS NOT NULL)),
        CHECK (closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at)
      )`.execute(d);
      await sql`CREATE INDEX surveys_lab_idx ON surveys (lab_id, created_at)`.execute(d);
      await sql`CREATE TABLE survey_recipients (
        survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (survey_id, user_id)
      )`.execute(d);
      await sql`CREATE INDEX survey_recipients_user_idx ON survey_recipients (user_id)`.execute(d);
      await sql`CREATE TABLE survey_sections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        position integer NOT NULL,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 2 AND 300),
        description text NOT NULL DEFAULT ''
      )`.execute(d);
      await sql`CREATE INDEX survey_sections_idx ON survey_sections (survey_id, position)`.execute(d);
      await sql`CREATE TABLE survey_questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        section_id uuid NOT NULL REFERENCES survey_sections(id) ON DELETE CASCADE,
        position integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('single','multiple','scale5','scale10','short_text','long_text','ranking','matrix')),
        label text NOT NULL CHECK (length(btrim(label)) BETWEEN 2 AND 700),
        help text NOT NULL DEFAULT '',
        required boolean NOT NULL DEFAULT false,
        options jsonb NOT NULL DEFAULT '[]',
        rows jsonb NOT NULL DEFAULT '[]',
        max_choices integer CHECK (max_choices IS NULL OR max_choices >= 1),
        condition_question_id uuid REFERENCES survey_questions(id) ON DELETE SET NULL,
        condition_values jsonb NOT NULL DEFAULT '[]'
      )`.execute(d);
      await sql`CREATE INDEX survey_questions_idx ON survey_questions (survey_id, position)`.execute(d);
      // No account, no address, no time: the day and, for the agents' questionnaires, the organisation.
      await sql`CREATE TABLE survey_responses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        organization_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
        answered_on date NOT NULL
      )`.execute(d);
      await sql`CREATE INDEX survey_responses_idx ON survey_responses (survey_id)`.execute(d);
      await sql`CREATE TABLE survey_respondents (
        survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        response_id uuid NOT NULL UNIQUE REFERENCES survey_responses(id) ON DELETE CASCADE,
        PRIMARY KEY (survey_id, user_id)
      )`.execute(d);
      await sql`CREATE INDEX survey_respondents_user_idx ON survey_respondents (user_id)`.execute(d);
      await sql`CREATE TABLE survey_browser_tokens (
        survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        PRIMARY KEY (survey_id, token_hash)
      )`.execute(d);
      await sql`CREATE TABLE survey_choices (
        survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        response_id uuid NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
        question_id uuid NOT NULL REFERENCES survey_questions(id) ON DELETE CASCADE,
        item smallint NOT NULL,
        value smallint NOT NULL,
        PRIMARY KEY (response_id, question_id, item, value)
      )`.execute(d);
      await sql`CREATE INDEX survey_choices_idx ON survey_choices (survey_id, question_id)`.execute(d);
      await sql`CREATE TABLE survey_texts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        response_id uuid NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
        question_id uuid NOT NULL REFERENCES survey_questions(id) ON DELETE CASCADE,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000)
      )`.execute(d);
      await sql`CREATE INDEX survey_texts_idx ON survey_texts (survey_id, question_id)`.execute(d);
      await sql`CREATE INDEX survey_texts_response_idx ON survey_texts (response_id)`.execute(d);
      await sql`CREATE TABLE survey_theme_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        question_id uuid NOT NULL REFERENCES survey_questions(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','done','failed')),
        stage text NOT NULL DEFAULT '',
        progress real NOT NULL DEFAULT 0,
        answers integer NOT NULL DEFAULT 0,
        error text,
        requested_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`.execute(d);
      await sql`CREATE INDEX survey_theme_runs_idx ON survey_theme_runs (survey_id, question_id, created_at DESC)`.execute(d);
      await sql`CREATE TABLE survey_themes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        run_id uuid NOT NULL REFERENCES survey_theme_runs(id) ON DELETE CASCADE,
        position integer NOT NULL,
        label text NOT NULL,
        size integer NOT NULL,
        representatives jsonb NOT NULL DEFAULT '[]'
      )`.execute(d);
      await sql`CREATE INDEX survey_themes_idx ON survey_themes (run_id, position)`.execute(d);
    },
  },
  // A lab publishes the results of an anonymous questionnaire as open data (/donnees).
  "2026-12-07-61-surveys-open-data": {
    async up(d) {
      await sql`ALTER TABLE surveys ADD COLUMN open_data_at timestamptz`.execute(d);
      await sql`ALTER TABLE surveys ADD CONSTRAINT surveys_open_data_anonymous CHECK (open_data_at IS NULL OR audience = 'anonymous')`.execute(d);
    },
  },
};
