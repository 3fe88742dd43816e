import { describe, expect, it } from "vitest";
import type { Principal, Role } from "../kernel/permissions";
import { analysisRights, type AnalysisFacts, type AnalysisRights } from "./permissions";

const LAB = "00000000-0000-4000-8000-000000000001";
const OTHER_LAB = "00000000-0000-4000-8000-000000000002";
const principal = (labId: string, ...roles: Role[]): Principal => ({ userId: "u", roles: new Map([[labId, new Set(roles)]]) });
const unpublished: AnalysisFacts = { lab_id: LAB, published_at: null };
const published: AnalysisFacts = { lab_id: LAB, published_at: new Date("2026-12-07T12:00:00Z") };
const all: AnalysisRights = { curate: true, run: true, publish: true, seeMap: true };
const none: AnalysisRights = { curate: false, run: false, publish: false, seeMap: false };
const mapOnly: AnalysisRights = { curate: false, run: false, publish: false, seeMap: true };

describe("who may do what with a theme analysis", () => {
  const rows: [string, Principal | null, AnalysisFacts, AnalysisRights][] = [
    ["the lab's team does everything before publication", principal(LAB, "lab_team"), unpublished, all],
    ["the lab's team does everything once published", principal(LAB, "lab_team"), published, all],
    ["a member of the team who is also director keeps the team's rights", principal(LAB, "director", "lab_team"), unpublished, all],
    ["another lab's team sees nothing before publication", principal(OTHER_LAB, "lab_team"), unpublished, none],
    ["another lab's team sees the published map only", principal(OTHER_LAB, "lab_team"), published, mapOnly],
    ["the lab's director sees nothing before publication", principal(LAB, "director"), unpublished, none],
    ["the lab's director sees the published map only", principal(LAB, "director"), published, mapOnly],
    ["the lab's admin sees nothing before publication", principal(LAB, "admin"), unpublished, none],
    ["the lab's admin sees the published map only", principal(LAB, "admin"), published, mapOnly],
    ["the lab's facilitator sees the published map only", principal(LAB, "facilitator"), published, mapOnly],
    ["the lab's expert sees the published map only", principal(LAB, "expert"), published, mapOnly],
    ["a committee member of the lab sees the published map only", principal(LAB, "committee_member"), published, mapOnly],
    ["an agent sees nothing before publication", principal(LAB, "agent"), unpublished, none],
    ["an agent sees the published map only", principal(LAB, "agent"), published, mapOnly],
    ["an account with no role sees the published map only", { userId: "u", roles: new Map() }, published, mapOnly],
    ["nobody signed in sees nothing before publication", null, unpublished, none],
    ["nobody signed in sees nothing once published (the map’s page asks to sign in)", null, published, none],
  ];
  it.each(rows)("%s", (_, p, analysis, expected) => {
    expect(analysisRights(p, analysis)).toEqual(expected);
  });
});
