import type { Generated, Selectable } from "kysely";

export const levels = {
  notions: "Notions",
  practice: "Pratique régulière",
  expert: "Expertise",
} as const;
export type Level = keyof typeof levels;
export const levelKeys = Object.keys(levels) as Level[];

export const expertKinds = {
  researcher: "Chercheur ou chercheuse",
  academic: "Universitaire",
  practitioner: "Praticien ou praticienne d’une autre administration",
  other: "Autre",
} as const;
export type ExpertKind = keyof typeof expertKinds;

export type SkillsTables = {
  skills: {
    id: Generated<string>;
    /** null: the shared list every lab starts with; a lab's own additions otherwise. */
    lab_id: string | null;
    label: string;
    created_by: string | null;
    created_at: Generated<Date>;
  };
  agent_skills: {
    user_id: string;
    skill_id: string;
    level: Level;
    /** Willing to help other services with it. */
    willing_to_help: boolean;
    updated_at: Generated<Date>;
  };
  skill_profiles: {
    user_id: string;
    /** An internal expert: domains and availability shown in the directory. */
    expert: Generated<boolean>;
    domains: string;
    availability: string;
    updated_at: Generated<Date>;
  };
  external_experts: {
    id: Generated<string>;
    lab_id: string;
    name: string;
    affiliation: string;
    kind: ExpertKind;
    domains: string;
    availability: string;
    created_by: string | null;
    created_at: Generated<Date>;
  };
  skill_messages: {
    id: Generated<string>;
    sender_id: string;
    recipient_id: string;
    /** The first message of the conversation (null for the first one itself). */
    thread_id: string | null;
    body: string;
    created_at: Generated<Date>;
    read_at: Date | null;
  };
};

export type Skill = Selectable<SkillsTables["skills"]>;
export type AgentSkill = Selectable<SkillsTables["agent_skills"]>;
export type SkillProfile = Selectable<SkillsTables["skill_profiles"]>;
export type ExternalExpert = Selectable<SkillsTables["external_experts"]>;
export type SkillMessage = Selectable<SkillsTables["skill_messages"]>;
