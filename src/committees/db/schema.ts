import type { Generated, Selectable } from "kysely";

export type CommitteeKind = "project" | "steering";
/** The side a member of a paritary committee sits for. */
export type Side = "state" | "region";
export type AgendaItemKind = "gate_review" | "request" | "network_project" | "free";
export type VoteChoice = "for" | "against" | "abstain";

export type CommitteesTables = {
  committees: {
    id: Generated<string>;
    lab_id: string;
    kind: CommitteeKind;
    name: string;
    /** « Trimestriel », « Mensuel »… as the lab says it. */
    rhythm: string;
    /** Quorum: at least this percentage of the members present (of each side's members when per side). */
    quorum_percent: number;
    quorum_per_side: boolean;
    chair_id: string | null;
    created_at: Generated<Date>;
  };
  committee_members: {
    committee_id: string;
    user_id: string;
    /** Required for a paritary (steering) committee's members, null for a project committee's. */
    side: Side | null;
  };
  committee_meetings: {
    id: Generated<string>;
    committee_id: string;
    starts_at: Date;
    ends_at: Date;
    place: string;
    video_url: string;
    convened_at: Date | null;
    created_at: Generated<Date>;
  };
  committee_attendance: {
    meeting_id: string;
    user_id: string;
  };
  committee_agenda_items: {
    id: Generated<string>;
    meeting_id: string;
    position: number;
    kind: AgendaItemKind;
    /** What the item is about (a gate review, a request, a project): null for a free item. */
    subject_id: string | null;
    title: string;
    /** The item's dossier: a one-page summary (the text given, or the one its source provides). */
    summary: string;
    /** A secret vote: only counts are stored, never who voted what. */
    secret: boolean;
    /** The discussion, as the minutes tell it. */
    discussion: string;
    created_at: Generated<Date>;
  };
  /** Open votes: who voted what, on the side they sit for. */
  committee_votes: {
    item_id: string;
    voter_id: string;
    side: Side | null;
    choice: VoteChoice;
  };
  /** Secret votes: counts per side (side null for a committee without sides), no voter. */
  committee_secret_counts: {
    item_id: string;
    side: Side | null;
    votes_for: number;
    votes_against: number;
    abstentions: number;
  };
  /** A decision on an item: immutable once the meeting's minutes are validated (trigger). */
  committee_decisions: {
    id: Generated<string>;
    item_id: string;
    meeting_id: string;
    adopted: boolean;
    /** What was decided, in words. */
    wording: string;
    /** The tally per side when decided: [{ side, for, against, abstain }]. */
    tally: unknown;
    corrects_id: string | null;
    recorded_by: string | null;
    created_at: Generated<Date>;
  };
  /** One row per decision applied (by its kind's applier): the primary key makes it once. */
  committee_decision_applications: {
    decision_id: string;
    applied_at: Generated<Date>;
  };
  committee_minutes: {
    meeting_id: string;
    /** The minutes' general text (opening, what was said outside the items). */
    body: string;
    drafted_by: string | null;
    drafted_at: Generated<Date>;
    updated_at: Generated<Date>;
    validated_at: Date | null;
    validated_by: string | null;
    /** chair: validated by the chair; next_meeting: approved as the first item of the next meeting. */
    validated_how: "chair" | "next_meeting" | null;
  };
};

export type Committee = Selectable<CommitteesTables["committees"]>;
export type CommitteeMember = Selectable<CommitteesTables["committee_members"]>;
export type Meeting = Selectable<CommitteesTables["committee_meetings"]>;
export type AgendaItem = Selectable<CommitteesTables["committee_agenda_items"]>;
export type Decision = Selectable<CommitteesTables["committee_decisions"]>;
export type Minutes = Selectable<CommitteesTables["committee_minutes"]>;
