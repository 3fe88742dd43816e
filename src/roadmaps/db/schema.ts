import type { Generated, Selectable } from "kysely";
import type { ItemKind, ItemStatus, StopRule, ConfidentialDisplay, EvidenceKind, EventKind } from "../rules";
import type { MainStage } from "../../projects";

export type RoadmapsTables = {
  roadmaps: {
    id: Generated<string>;
    lab_id: string;
    /** The lab it is kept with, in partnership (Lab’EST: State and Région): its team edits it too, its tracker shows it. */
    partner_lab_id: string | null;
    title: string;
    description: string;
    /** Shown on the public tracker (`/traceur/<lab>`). */
    published: Generated<boolean>;
    /** The share of progress each main stage of a project stands for, in percent: { exploration: 10, … }. */
    stage_shares: unknown;
    /** What « arrêté » children do to their parent's figure: left out (default), or counted at 0 %. */
    stop_rule: Generated<StopRule>;
    /** How a confidential project appears on the public tracker: « projet interne », or not at all. */
    confidential_display: Generated<ConfidentialDisplay>;
    created_by: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  roadmap_items: {
    id: Generated<string>;
    roadmap_id: string;
    parent_id: string | null;
    kind: ItemKind;
    position: number;
    title: string;
    description: string;
    /** An axis that crosses the others (« écoresponsable »). */
    transversal: Generated<boolean>;
    project_id: string | null;
    owner_name: string;
    owner_role: string;
    /** The owner agreed to be named on the public tracker (their role shows otherwise). */
    owner_name_public: Generated<boolean>;
    starts_on: Date | null;
    ends_on: Date | null;
    /** « Calendrier prévisionnel », in the lab's words. */
    calendar: string;
    public: Generated<boolean>;
    /** Weight among its siblings; null counts as 1. */
    weight: number | null;
    /** An initiative (or any item) marked done or stopped by the lab; a project's status is its stage. */
    status: Generated<ItemStatus>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  roadmap_milestones: {
    id: Generated<string>;
    item_id: string;
    title: string;
    planned_on: Date | null;
    done_on: Date | null;
    evidence_kind: EvidenceKind | null;
    evidence_url: string | null;
    evidence_text: string | null;
    /** A project's milestone proved by its stage: done when the project enters it. */
    evidence_stage: MainStage | null;
    position: number;
    created_at: Generated<Date>;
  };
  roadmap_calendar: {
    id: Generated<string>;
    roadmap_id: string;
    period: string;
    /** For ordering: the period's first day. */
    starts_on: Date;
    body: string;
    public: Generated<boolean>;
  };
  roadmap_snapshots: {
    id: Generated<string>;
    roadmap_id: string;
    /** null: the whole roadmap. */
    item_id: string | null;
    at: Date;
    /** 0 to 100, or null when nothing measures it yet. */
    percent: number | null;
    cause: string;
  };
  roadmap_events: {
    id: Generated<string>;
    roadmap_id: string;
    item_id: string | null;
    at: Date;
    kind: EventKind;
    /** Naming what happened, for the lab team. */
    title: string;
    /** The same without the name of a confidential project (« Un projet interne… »). */
    anonymous_title: string;
    created_at: Generated<Date>;
  };
  roadmap_milestone_files: {
    id: Generated<string>;
    milestone_id: string;
    filename: string;
    mime: string;
    size: number;
    content: Buffer;
    uploaded_by: string | null;
    created_at: Generated<Date>;
  };
  /** An import of a roadmap from a CSV or XLSX file: its progress and its per-line error report. */
  roadmap_imports: {
    id: Generated<string>;
    roadmap_id: string;
    filename: string;
    format: "csv" | "xlsx";
    /** The file's bytes, dropped once the job has read them. */
    content: Buffer | null;
    status: Generated<ImportStatus>;
    /** What the job is doing, in French (« Vérification des lignes »). */
    stage: Generated<string>;
    total: Generated<number>;
    processed: Generated<number>;
    created_items: Generated<number>;
    created_milestones: Generated<number>;
    /** [{ line, column, message }] */
    errors: Generated<unknown>;
    failure: string | null;
    requested_by: string | null;
    created_at: Generated<Date>;
    started_at: Date | null;
    finished_at: Date | null;
  };
};

export type ImportStatus = "queued" | "running" | "done" | "failed";
export type Roadmap = Selectable<RoadmapsTables["roadmaps"]>;
export type RoadmapItem = Selectable<RoadmapsTables["roadmap_items"]>;
export type Milestone = Selectable<RoadmapsTables["roadmap_milestones"]>;
export type CalendarEntry = Selectable<RoadmapsTables["roadmap_calendar"]>;
export type Snapshot = Selectable<RoadmapsTables["roadmap_snapshots"]>;
export type RoadmapEvent = Selectable<RoadmapsTables["roadmap_events"]>;
export type RoadmapImport = Selectable<RoadmapsTables["roadmap_imports"]>;
