/**
 * Questionnaire figures for the steering dashboards: the lab's questionnaires open during a period,
 * the answers given in it and the participation — answers over the agents asked (the list's size, or
 * the accounts of the chosen organisations); an anonymous link reaches an unknown number of people,
 * so it has answers and no rate. Counted live.
 */
import { countUsersIn } from "../accounts/accounts";
import { recipientIds, surveysActiveBetween } from "./surveys";
import type { Audience } from "./questions";

export interface SurveyLine {
  title: string;
  audience: Audience;
  responses: number;
  /** the agents asked, null for an anonymous link */
  reached: number | null;
}

export interface SurveyStats {
  surveys: number;
  responses: number;
  /** answers and agents asked over the questionnaires addressed to agents (not anonymous) */
  agentResponses: number;
  reached: number;
  bySurvey: SurveyLine[];
}

export async function surveyStats(query: { labId: string; fromDay: string; toDay: string; organizationIds?: string[] | null }): Promise<SurveyStats> {
  const only = query.organizationIds ?? null;
  const rows = await surveysActiveBetween(query.labId, query.fromDay, query.toDay, only);
  const reach = new Map<string, Promise<number>>();
  const reachOf = (ids: string[]) => {
    const key = ids.slice().sort().join(",");
    if (!reach.has(key)) reach.set(key, countUsersIn(ids));
    return reach.get(key)!;
  };
  const bySurvey: SurveyLine[] = await Promise.all(
    rows.map(async (s) => {
      let reached: number | null = null;
      // some organisations asked for (one, or those of a site): their agents among those asked
      if (s.audience === "agents") reached = only ? (only.length ? await countUsersIn(only, await recipientIds(s.id)) : 0) : s.recipients;
      else if (s.audience === "organizations") {
        const asked = only ? (s.organizationIds.length ? only.filter((o) => s.organizationIds.includes(o)) : only) : s.organizationIds;
        reached = only && !asked.length ? 0 : await reachOf(asked);
      }
      return { title: s.title, audience: s.audience, responses: s.responses, reached };
    }),
  );
  const toAgents = bySurvey.filter((s) => s.reached !== null);
  return {
    surveys: bySurvey.length,
    responses: bySurvey.reduce((a, s) => a + s.responses, 0),
    agentResponses: toAgents.reduce((a, s) => a + s.responses, 0),
    reached: toAgents.reduce((a, s) => a + (s.reached ?? 0), 0),
    bySurvey,
  };
}
