import type { Generated, Selectable } from "kysely";
import type { AnalysisScope, CurationKind, OutlierReason, RunKind, RunStatus } from "../model";

export interface ThemeTerm {
  term: string;
  weight: number;
  count: number;
}
export interface QualityPoint {
  k: number;
  score: number;
  error: number;
  cohesion: number;
  smallest: number;
  /** How well the themes separate the ideas (−1 to 1); absent from runs saved before it was measured. */
  silhouette?: number;
}

export type ThemesTables = {
  theme_analyses: {
    id: Generated<string>;
    lab_id: string;
    title: string;
    campaign_ids: string[];
    scope: AnalysisScope;
    k: number | null;
    created_by: string | null;
    created_at: Generated<Date>;
    published_at: Date | null;
    published_by: string | null;
    last_run_id: string | null;
  };
  theme_runs: {
    id: Generated<string>;
    analysis_id: string;
    kind: RunKind;
    split_theme_id: string | null;
    k: number | null;
    seed: number;
    status: Generated<RunStatus>;
    stage: string | null;
    progress: Generated<number>;
    idea_count: number | null;
    chosen_k: number | null;
    quality: QualityPoint[] | null;
    stats: Record<string, unknown> | null;
    error: string | null;
    requested_by: string | null;
    created_at: Generated<Date>;
    started_at: Date | null;
    finished_at: Date | null;
    cancel_requested_at: Date | null;
  };
  themes: {
    id: Generated<string>;
    analysis_id: string;
    run_id: string | null;
    label: string;
    terms: ThemeTerm[];
    representative_ids: string[];
    cohesion: number | null;
    position: number;
    validated_at: Date | null;
    validated_by: string | null;
    created_at: Generated<Date>;
  };
  theme_ideas: {
    analysis_id: string;
    idea_id: string;
    theme_id: string | null;
    similarity: number | null;
    outlier_reason: OutlierReason | null;
    x: number | null;
    y: number | null;
    moved_by: string | null;
    moved_at: Date | null;
  };
  theme_curation_events: {
    id: Generated<number>;
    analysis_id: string;
    actor_id: string | null;
    kind: CurationKind;
    detail: Record<string, unknown>;
    created_at: Generated<Date>;
  };
};

export type Analysis = Selectable<ThemesTables["theme_analyses"]>;
export type Run = Selectable<ThemesTables["theme_runs"]>;
export type Theme = Selectable<ThemesTables["themes"]>;
export type ThemeIdea = Selectable<ThemesTables["theme_ideas"]>;
export type CurationEvent = Selectable<ThemesTables["theme_curation_events"]>;
