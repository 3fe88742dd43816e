import type { ColumnType, Generated, Selectable } from "kysely";
import type { Side } from "../permissions";

export type TrainingFormat = "presentiel" | "distanciel";
export type ApprovalStatus = "pending" | "approved" | "refused";

export type TrainingsTables = {
  trainings: {
    id: Generated<string>;
    lab_id: string;
    /** The organising side: its agents may register. */
    side: Side;
    /** The reciprocal offer: the other sides whose agents may register too. */
    open_to: ColumnType<Side[], string, string>;
    title: string;
    objectives: string;
    /** The methods taught, by name (the methods library will link them). */
    methods: ColumnType<string[], string, string>;
    audience: string;
    format: TrainingFormat;
    /** Hours of training. */
    duration_hours: number;
    /** Hours an agent offered a freed seat has to confirm it (lab-set, 48 by default). */
    confirm_hours: Generated<number>;
    /** A registration waits for the agent's manager's approval, given by a mail link. */
    manager_approval: Generated<boolean>;
    published: Generated<boolean>;
    created_by: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  training_sessions: {
    id: Generated<string>;
    training_id: string;
    starts_at: Date;
    ends_at: Date;
    place: string;
    link: string | null;
    capacity: number;
    /** Set when attendance is closed: the session was held. */
    held_at: Date | null;
    created_at: Generated<Date>;
  };
  training_trainers: {
    session_id: string;
    user_id: string;
  };
  training_attendance: {
    session_id: string;
    user_id: string;
    present: boolean;
    recorded_by: string | null;
    recorded_at: Date;
  };
  training_approvals: {
    id: Generated<string>;
    session_id: string;
    user_id: string;
    manager_email: string;
    /** sha256 of the secret in the manager's link (the link itself is never stored). */
    token_hash: string;
    status: Generated<ApprovalStatus>;
    created_at: Date;
    decided_at: Date | null;
  };
};

export type Training = Selectable<TrainingsTables["trainings"]>;
export type TrainingSession = Selectable<TrainingsTables["training_sessions"]>;
export type Approval = Selectable<TrainingsTables["training_approvals"]>;
