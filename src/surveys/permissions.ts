import { hasRole, type Principal } from "../kernel/permissions";
import type { Audience, SurveyStatus } from "./questions";

/**
 * Who may do what with a questionnaire: a pure function of the viewer and the questionnaire.
 * Its lab's team builds it, publishes it, reads its results and exports them. An agent answers
 * a published questionnaire inside its answer window when addressed to them (their organisation
 * is among those chosen — or none was chosen —, or they are on its list); anyone with the link
 * answers an anonymous one, signed in or not (their account is never used).
 */
export interface SurveyRights {
  manage: boolean;
  seeResults: boolean;
  answer: boolean;
}

export interface SurveyFacts {
  lab_id: string;
  status: SurveyStatus;
  audience: Audience;
  organization_ids: readonly string[];
  opens_at: Date | null;
  closes_at: Date | null;
}

export interface SurveyViewer {
  principal: Principal | null;
  organizationId: string | null;
  /** On the questionnaire's list of agents. */
  recipient: boolean;
}

export function isOpenAt(s: Pick<SurveyFacts, "status" | "opens_at" | "closes_at">, now: Date): boolean {
  return s.status === "open" && (!s.opens_at || s.opens_at <= now) && (!s.closes_at || now < s.closes_at);
}

export function addressedTo(s: SurveyFacts, v: SurveyViewer): boolean {
  if (s.audience === "anonymous") return true;
  if (!v.principal) return false;
  if (s.audience === "agents") return v.recipient;
  return s.organization_ids.length === 0 || (!!v.organizationId && s.organization_ids.includes(v.organizationId));
}

export function surveyRights(v: SurveyViewer | null, s: SurveyFacts, now: Date): SurveyRights {
  const team = !!v?.principal && hasRole(v.principal, s.lab_id, "lab_team");
  const viewer = v ?? { principal: null, organizationId: null, recipient: false };
  return { manage: team, seeResults: team, answer: isOpenAt(s, now) && addressedTo(s, viewer) };
}
