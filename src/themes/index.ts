/** The themes module's public face, as other modules see it (routes still import its files directly). */
export { analysisScopes, runStatuses, type AnalysisScope, type RunStatus } from "./model";
export type { Analysis, Theme } from "./db/schema";
export { themesMigrations } from "./db/migrations";
export { listAnalyses } from "./db/runs";
export { listThemes, publishedThemesOf } from "./db/themes";
export { publicThemesPage, publicThemesStats, publicThemesOfIdeas, type PublicTheme, type PublicThemeFilter } from "./opendata";
export { discoverTextThemes, type TextTheme } from "./texts";
