import { hasRole, type Principal } from "../kernel/permissions";

/**
 * Who may do what with a theme analysis: a pure function of the viewer and the analysis.
 * Its lab's team sees it and curates its themes (renames, validates, merges, splits, moves an
 * idea), runs it again or cancels its run, and publishes it or withdraws it. Its map of themes is
 * seen by anyone signed in once published; before, by its lab's team only. No other role of the
 * lab (director, admin…) has more than an agent: the team's role is what counts.
 */
export interface AnalysisRights {
  /** Sees the analysis's page and its themes' pages, and curates the themes. */
  curate: boolean;
  /** Runs the analysis again, or cancels its run. */
  run: boolean;
  /** Publishes the themes, or withdraws them. */
  publish: boolean;
  /** Sees the map and table of the themes. */
  seeMap: boolean;
}

export interface AnalysisFacts {
  lab_id: string;
  published_at: Date | null;
}

/** `principal`: null when nobody is signed in. */
export function analysisRights(principal: Principal | null, analysis: AnalysisFacts): AnalysisRights {
  const team = hasRole(principal, analysis.lab_id, "lab_team");
  return { curate: team, run: team, publish: team, seeMap: team || (!!principal && !!analysis.published_at) };
}
