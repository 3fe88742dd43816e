/** The job queue of theme analyses and splits (handler: runner.ts). */
export const THEMES_QUEUE = "themes-analyse";
