/**
 * The surveys module's public face: a lab's questionnaires (sections, eight kinds of questions,
 * conditions, an answer window, an audience of agents or an anonymous link), answering them
 * (`/questionnaires/...`), their results (per option, cross-tabulations that never show a group of
 * fewer than 5, themes of the free texts found by the themes engine in a job) and their exports.
 * Other modules create a questionnaire from a template with `createSurveyFromTemplate`.
 */
export { surveyRights, type SurveyRights } from "./permissions";
export {
  agentAnswerPage,
  agentAnswerStep,
  browserCookieName,
  createSurvey,
  createSurveyFromTemplate,
  isBrowserToken,
  labSurveys,
  linkAnswerPage,
  linkAnswerStep,
  mySurveys,
  publicSurveyResultsPage,
  publicSurveyResultsStats,
  type PublicSurveyResultRow,
  newBrowserToken,
  resultsPage,
  startThemes,
  surveyAction,
  surveyExport,
  surveyIdOfLink,
  surveyPage,
  SURVEY_THEMES_QUEUE,
  type AnswerState,
  type PublicQuestion,
  type SurveyTemplate,
  type TemplateQuestion,
} from "./service";
export { forgetAccount as forgetSurveyAccount } from "./surveys";
export { surveysMigrations } from "./db/migrations";
export { surveyStats, type SurveyStats } from "./stats";
export { questionKinds, audiences as surveyAudiences, type QuestionKind } from "./questions";
export { HIDDEN as CROSS_TAB_HIDDEN, MIN_GROUP } from "./results";
