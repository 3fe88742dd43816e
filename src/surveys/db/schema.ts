import type { Generated, Selectable } from "kysely";
import type { Audience, QuestionKind, RunStatus, SurveyStatus } from "../questions";

export type SurveysTables = {
  surveys: {
    id: Generated<string>;
    lab_id: string;
    title: string;
    description: string;
    /** Who answers: agents of chosen organisations (none chosen: every agent), a list of agents, or anyone with the anonymous link. */
    audience: Audience;
    organization_ids: unknown;
    /** The secret of the anonymous link (`/questionnaires/lien/<token>`), for the anonymous audience. */
    anonymous_token: string | null;
    /** When the lab published this anonymous questionnaire's results as open data (null: not published). */
    open_data_at: Generated<Date | null>;
    opens_at: Date | null;
    closes_at: Date | null;
    status: Generated<SurveyStatus>;
    version: Generated<number>;
    /** The version this one was made from, when the questions of a questionnaire already answered changed. */
    previous_id: string | null;
    created_by: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  survey_recipients: {
    survey_id: string;
    user_id: string;
  };
  survey_sections: {
    id: Generated<string>;
    survey_id: string;
    position: number;
    title: string;
    description: string;
  };
  survey_questions: {
    id: Generated<string>;
    survey_id: string;
    section_id: string;
    position: number;
    kind: QuestionKind;
    label: string;
    help: string;
    required: Generated<boolean>;
    /** The options (choices, ranking) or the columns (matrix): a JSON array of strings. */
    options: unknown;
    /** The matrix's rows: a JSON array of strings. */
    rows: unknown;
    max_choices: number | null;
    /** Shown only when the answer to this earlier question is one of `condition_values` (option indexes, or scale values). */
    condition_question_id: string | null;
    condition_values: unknown;
  };
  /**
   * One answer to a questionnaire. No account, no address, no time of day: the day only, and the
   * organisation for the agents' questionnaires (never for the anonymous link).
   */
  survey_responses: {
    id: Generated<string>;
    survey_id: string;
    organization_id: string | null;
    answered_on: string;
  };
  /** Who answered an agents' questionnaire (to answer once and edit until closing); never for the anonymous link. */
  survey_respondents: {
    survey_id: string;
    user_id: string;
    response_id: string;
  };
  /** A browser that answered an anonymous questionnaire: the hash of a random cookie, tied to no answer. */
  survey_browser_tokens: {
    survey_id: string;
    token_hash: string;
  };
  /** A choice, a scale value, a rank (item: the option) or a matrix cell (item: the row). */
  survey_choices: {
    survey_id: string;
    response_id: string;
    question_id: string;
    item: number;
    value: number;
  };
  survey_texts: {
    id: Generated<string>;
    survey_id: string;
    response_id: string;
    question_id: string;
    body: string;
  };
  survey_theme_runs: {
    id: Generated<string>;
    survey_id: string;
    question_id: string;
    status: Generated<RunStatus>;
    stage: Generated<string>;
    progress: Generated<number>;
    answers: Generated<number>;
    error: string | null;
    requested_by: string | null;
    created_at: Generated<Date>;
    finished_at: Date | null;
  };
  survey_themes: {
    id: Generated<string>;
    run_id: string;
    position: number;
    label: string;
    size: number;
    /** The most representative answers, as written (a JSON array of strings). */
    representatives: unknown;
  };
};

export type Survey = Selectable<SurveysTables["surveys"]>;
export type Section = Selectable<SurveysTables["survey_sections"]>;
export type QuestionRow = Selectable<SurveysTables["survey_questions"]>;
export type ThemeRun = Selectable<SurveysTables["survey_theme_runs"]>;
export type SurveyTheme = Selectable<SurveysTables["survey_themes"]>;
