import type { Generated } from "kysely";

/** draft → submitted (déposée) → qualifying (en qualification) → accepted | reoriented | declined. */
export type RequestStatus = "draft" | "submitted" | "qualifying" | "accepted" | "reoriented" | "declined";
export type RequestKind = "project" | "workshop" | "method" | "training" | "network";
export type RequestOutcome = "project" | "workshop";
/** message: requester ↔ lab; note: the lab team only; opinion: an expert's opinion (lab team and experts). */
export type MessageKind = "message" | "note" | "opinion";
export type EventKind = "created" | "submitted" | "status" | "reoriented_to" | "reoriented_from" | "sponsor_confirmed" | "assigned" | "expert_invited" | "edited" | "proposed_steering";

export type RequestsTables = {
  requests: {
    id: Generated<string>;
    lab_id: string;
    requester_id: string | null;
    /** The requester's organisation when they asked (kept if they move). */
    organization_id: string | null;
    status: RequestStatus;
    kind: RequestKind;
    title: string;
    context: string;
    affected: string;
    success: string;
    timing: string;
    other_administrations: string;
    sponsor_email: string;
    sponsor_id: string | null;
    sponsor_confirmed_at: Date | null;
    assignee_id: string | null;
    outcome: RequestOutcome | null;
    decline_reason: string | null;
    /** Set by the projects module (linkProject) once a project is born from the request. */
    project_id: string | null;
    /** The request this one continues (sent here by another lab). */
    reoriented_from_id: string | null;
    reoriented_to_lab_id: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    submitted_at: Date | null;
    /** The answer-time promise: submitted_at plus the lab's working days. */
    due_at: Date | null;
    first_answer_at: Date | null;
    decided_at: Date | null;
    /** When the lab proposed the request to its steering committee (which then decides it). */
    proposed_to_steering_at: Date | null;
    /** 0 while the lab has to act (déposée, en qualification), 1 after: the queue's first sort key. */
    queue_rank: Generated<number>;
  };
  request_events: {
    id: Generated<string>;
    request_id: string;
    actor_id: string | null;
    kind: EventKind;
    status: RequestStatus | null;
    detail: string;
    created_at: Date;
    /** The order of events of the same instant (a draft created and submitted at once). */
    seq: Generated<string>;
  };
  request_messages: {
    id: Generated<string>;
    request_id: string;
    author_id: string | null;
    kind: MessageKind;
    body: string;
    created_at: Date;
    seq: Generated<string>;
  };
  request_attachments: {
    id: Generated<string>;
    request_id: string;
    /** The message it came with, or null for the request's own attachments. */
    message_id: string | null;
    filename: string;
    mime: string;
    size: number;
    content: Buffer;
    uploaded_by: string | null;
    created_at: Generated<Date>;
  };
  request_experts: {
    request_id: string;
    user_id: string;
    invited_by: string | null;
    created_at: Generated<Date>;
  };
  request_lab_settings: {
    lab_id: string;
    answer_days: number;
    /** « What this lab does », shown at the desk (the lab's description when empty). */
    summary: Generated<string>;
    updated_by: string | null;
    updated_at: Generated<Date>;
  };
};
