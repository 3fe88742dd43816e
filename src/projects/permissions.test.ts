import { describe, expect, it } from "vitest";
import type { Principal, Role } from "../kernel/permissions";
import { noPlace, projectRights, type ProjectRights, type TeamPlace } from "./permissions";

const LAB = "11111111-1111-4111-8111-111111111111";
const OTHER_LAB = "22222222-2222-4222-8222-222222222222";
const principal = (roles: [string, Role][] = []): Principal => {
  const map = new Map<string, Set<Role>>();
  for (const [lab, r] of roles) map.set(lab, new Set([...(map.get(lab) ?? []), r]));
  return { userId: "u", roles: map };
};
const place = (p: Partial<TeamPlace>): TeamPlace => ({ ...noPlace, ...p });

const none: ProjectRights = { seeSummary: false, seeAll: false, edit: false, contribute: false, requestGate: false, manage: false };
const summary: ProjectRights = { ...none, seeSummary: true };
const expert: ProjectRights = { ...none, seeSummary: true, seeAll: true, contribute: true };
const editor: ProjectRights = { seeSummary: true, seeAll: true, edit: true, contribute: true, requestGate: true, manage: false };
const team: ProjectRights = { ...editor, manage: true };

type Row = [who: string, confidential: boolean, p: Principal | null, me: TeamPlace, expected: ProjectRights];
const table: Row[] = [];
for (const confidential of [false, true]) {
  table.push(
    ["the project lead", confidential, principal(), place({ lead: true }), editor],
    ["a lab staff member of the project", confidential, principal(), place({ staff: true }), editor],
    ["an expert of the project", confidential, principal(), place({ expert: true }), expert],
    ["the lab team of the project's lab", confidential, principal([[LAB, "lab_team"]]), noPlace, team],
    ["the lab team of another lab", confidential, principal([[OTHER_LAB, "lab_team"]]), noPlace, confidential ? none : summary],
    ["a director of the lab", confidential, principal([[LAB, "director"]]), noPlace, confidential ? none : summary],
    ["another signed-in agent", confidential, principal(), noPlace, confidential ? none : summary],
    ["nobody signed in", confidential, null, noPlace, none],
    ["an expert who is also lab team", confidential, principal([[LAB, "lab_team"]]), place({ expert: true }), team],
  );
}

describe("projectRights: who sees, edits and steers a project", () => {
  it.each(table)("%s, confidential: %s", (_who, confidential, p, me, expected) => {
    expect(projectRights(p, { lab_id: LAB, confidential }, me)).toEqual(expected);
  });
});
