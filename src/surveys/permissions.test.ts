import { describe, expect, it } from "vitest";
import type { Principal, Role } from "../kernel/permissions";
import { surveyRights, type SurveyFacts, type SurveyViewer } from "./permissions";

const LAB = "00000000-0000-4000-8000-000000000001";
const OTHER_LAB = "00000000-0000-4000-8000-000000000002";
const ORG = "00000000-0000-4000-8000-0000000000aa";
const OTHER_ORG = "00000000-0000-4000-8000-0000000000bb";
const now = new Date("2026-12-07T12:00:00Z");
const principal = (labId: string, ...roles: Role[]): Principal => ({ userId: "u", roles: new Map([[labId, new Set(roles)]]) });
const viewer = (p: Principal | null, organizationId: string | null = ORG, recipient = false): SurveyViewer => ({ principal: p, organizationId, recipient });
const survey = (over: Partial<SurveyFacts> = {}): SurveyFacts => ({ lab_id: LAB, status: "open", audience: "organizations", organization_ids: [ORG], opens_at: new Date("2026-12-01T00:00:00Z"), closes_at: new Date("2026-12-31T00:00:00Z"), ...over });

describe("who may do what with a questionnaire", () => {
  const rows: [string, SurveyViewer | null, SurveyFacts, { manage: boolean; seeResults: boolean; answer: boolean }][] = [
    ["the lab's team manages and reads the results", viewer(principal(LAB, "lab_team"), OTHER_ORG), survey(), { manage: true, seeResults: true, answer: false }],
    ["another lab's team does not", viewer(principal(OTHER_LAB, "lab_team"), OTHER_ORG), survey(), { manage: false, seeResults: false, answer: false }],
    ["an agent of a chosen organisation answers", viewer(principal(LAB, "agent")), survey(), { manage: false, seeResults: false, answer: true }],
    ["an agent of another organisation does not", viewer(principal(LAB, "agent"), OTHER_ORG), survey(), { manage: false, seeResults: false, answer: false }],
    ["no organisation chosen: every agent answers", viewer(principal(OTHER_LAB, "agent"), null), survey({ organization_ids: [] }), { manage: false, seeResults: false, answer: true }],
    ["nobody answers a draft", viewer(principal(LAB, "agent")), survey({ status: "draft" }), { manage: false, seeResults: false, answer: false }],
    ["nobody answers a closed one", viewer(principal(LAB, "agent")), survey({ status: "closed" }), { manage: false, seeResults: false, answer: false }],
    ["nobody answers before the window", viewer(principal(LAB, "agent")), survey({ opens_at: new Date("2026-12-08T00:00:00Z") }), { manage: false, seeResults: false, answer: false }],
    ["nobody answers after the window", viewer(principal(LAB, "agent")), survey({ closes_at: now }), { manage: false, seeResults: false, answer: false }],
    ["a list of agents: a recipient answers", viewer(principal(LAB, "agent"), ORG, true), survey({ audience: "agents", organization_ids: [] }), { manage: false, seeResults: false, answer: true }],
    ["a list of agents: another agent does not", viewer(principal(LAB, "agent"), ORG, false), survey({ audience: "agents", organization_ids: [] }), { manage: false, seeResults: false, answer: false }],
    ["the anonymous link: anyone answers, signed in or not", null, survey({ audience: "anonymous", organization_ids: [] }), { manage: false, seeResults: false, answer: true }],
    ["a visitor never answers an agents' questionnaire", null, survey({ organization_ids: [] }), { manage: false, seeResults: false, answer: false }],
  ];
  it.each(rows)("%s", (_, v, s, expected) => {
    expect(surveyRights(v, s, now)).toEqual(expected);
  });
});
