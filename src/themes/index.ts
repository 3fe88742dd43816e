/**
 * The themes module's public face: a lab's theme analyses of its campaigns' ideas (a run as a job,
 * with the engine in a worker thread), their curation by the lab team (rename, validate, merge,
 * split, move an idea), their publication as a map and table of themes, « votre idée rejoint la
 * problématique … » on an idea's page, and the published themes a Mini-Lab is opened from.
 * Other modules read analyses and themes through what is exported here; the engine alone is
 * `discoverTextThemes`. The job's runner (runner.ts) is imported by the server process only.
 */
export { analysisRights, type AnalysisRights } from "./permissions";
export { analysisScopes, runStatuses, type AnalysisScope, type RunStatus } from "./model";
export type { Analysis, Theme } from "./db/schema";
export { themesMigrations } from "./db/migrations";
export { listAnalyses } from "./db/runs";
export { listThemes, publishedThemesOf } from "./db/themes";
export {
  analysisPage,
  authorizeAnalysis,
  cancelRun,
  labAnalysesPage,
  mergeThemes,
  moveIdea,
  publishAnalysis,
  publishedTheme,
  publishedThemesFor,
  publishedThemesOfLab,
  renameTheme,
  rerun,
  splitTheme,
  startAnalysis,
  themeMap,
  themeMapsIndex,
  themePage,
  validateTheme,
} from "./service";
export { publicThemesPage, publicThemesStats, publicThemesOfIdeas, type PublicTheme, type PublicThemeFilter } from "./opendata";
export { discoverTextThemes, type TextTheme } from "./texts";
