/** The words of a theme analysis: what it covers, where its runs stand, what the team did. */
export type AnalysisScope = "not_awarded" | "all";
export const analysisScopes: Record<AnalysisScope, string> = {
  not_awarded: "Les idées non primées",
  all: "Toutes les idées déposées",
};
export type RunStatus = "queued" | "running" | "done" | "failed" | "cancelled";
export const runStatuses: Record<RunStatus, string> = {
  queued: "En attente",
  running: "En cours",
  done: "Terminée",
  failed: "Échouée",
  cancelled: "Annulée",
};
export type RunKind = "analyse" | "split";
export type OutlierReason = "empty" | "language" | "far" | "small-theme";
export type CurationKind = "run" | "split" | "rename" | "merge" | "move" | "validate" | "unvalidate" | "publish" | "unpublish";
