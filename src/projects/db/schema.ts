import type { Generated, Selectable } from "kysely";
import type { CommitteeKind, DeliverableKind, GateOutcome, MainStage, MemberRole, ProjectOrigin, ServiceKind, Stage } from "../stages";

export type ProjectsTables = {
  projects: {
    id: Generated<string>;
    lab_id: string;
    title: string;
    problem: string;
    /** Who the project serves (agents, usagers), in the team's words. */
    users: string;
    /** A confidential project is seen by its team and its lab only; others see nothing of it. */
    confidential: Generated<boolean>;
    stage: Stage;
    /** Where a paused project stands when it resumes. */
    resume_stage: MainStage | null;
    /** Why it is paused or stopped (mandatory then). */
    status_reason: string | null;
    stage_entered_at: Generated<Date>;
    lead_id: string | null;
    origin: ProjectOrigin;
    decision_id: string | null;
    request_id: string | null;
    budget_requested_eur: number | null;
    budget_granted_eur: number | null;
    funding_source: string;
    starts_on: Date | null;
    ends_on: Date | null;
    created_by: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  project_organizations: {
    project_id: string;
    organization_id: string;
    service_kind: ServiceKind;
  };
  project_members: {
    project_id: string;
    user_id: string;
    role: MemberRole;
    added_at: Generated<Date>;
  };
  project_stages: {
    project_id: string;
    stage: MainStage;
    planned_start: Date | null;
    planned_end: Date | null;
    entered_at: Date | null;
    left_at: Date | null;
  };
  project_deliverables: {
    id: Generated<string>;
    project_id: string;
    stage: MainStage;
    label: string;
    kind: DeliverableKind;
    body: string | null;
    url: string | null;
    file_id: string | null;
    updated_by: string | null;
    updated_at: Generated<Date>;
  };
  project_files: {
    id: Generated<string>;
    project_id: string;
    filename: string;
    mime: string;
    size: number;
    content: Buffer;
    uploaded_by: string | null;
    created_at: Generated<Date>;
  };
  project_journal: {
    id: Generated<string>;
    project_id: string;
    author_id: string | null;
    entry_on: Date;
    body: string;
    created_at: Generated<Date>;
  };
  project_indicators: {
    id: Generated<string>;
    project_id: string;
    name: string;
    unit: string;
    baseline: number | null;
    target: number | null;
    created_at: Generated<Date>;
  };
  project_measurements: {
    id: Generated<string>;
    indicator_id: string;
    measured_on: Date;
    value: number;
    recorded_by: string | null;
    created_at: Generated<Date>;
  };
  project_gate_reviews: {
    id: Generated<string>;
    project_id: string;
    lab_id: string;
    from_stage: MainStage;
    to_stage: MainStage;
    committee_kind: CommitteeKind;
    status: "pending" | "decided";
    requested_by: string | null;
    requested_at: Generated<Date>;
    outcome: GateOutcome | null;
    missing: string | null;
    reason: string | null;
    decided_by: string | null;
    decided_at: Date | null;
  };
  project_conditions: {
    id: Generated<string>;
    review_id: string;
    project_id: string;
    label: string;
    position: number;
    met_at: Date | null;
    met_by: string | null;
  };
  project_network_proposals: {
    id: Generated<string>;
    project_id: string;
    from_lab_id: string;
    to_lab_id: string;
    message: Generated<string>;
    proposed_by: string | null;
    proposed_at: Generated<Date>;
    status: Generated<"pending" | "supported" | "declined">;
    decision_wording: string | null;
    decided_at: Date | null;
  };
  project_lab_settings: {
    lab_id: string;
    /** Deliverables expected per stage: { exploration: [...], ... } */
    template: unknown;
    strategic_stages: MainStage[];
    updated_at: Generated<Date>;
  };
};

export type Project = Selectable<ProjectsTables["projects"]>;
export type NetworkProposal = Selectable<ProjectsTables["project_network_proposals"]>;
export type ProjectStageRow = Selectable<ProjectsTables["project_stages"]>;
export type Deliverable = Selectable<ProjectsTables["project_deliverables"]>;
export type GateReview = Selectable<ProjectsTables["project_gate_reviews"]>;
export type Condition = Selectable<ProjectsTables["project_conditions"]>;
export type Indicator = Selectable<ProjectsTables["project_indicators"]>;
export type Measurement = Selectable<ProjectsTables["project_measurements"]>;
export type JournalEntry = Selectable<ProjectsTables["project_journal"]>;
