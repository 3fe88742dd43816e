import { describe, expect, it } from "vitest";
import type { Principal, Role } from "../kernel/permissions";
import { committeeRights } from "./permissions";

const LAB = "11111111-1111-1111-1111-111111111111";
const OTHER_LAB = "22222222-2222-2222-2222-222222222222";
const STATE_MEMBER = "33333333-3333-3333-3333-333333333333";
const REGION_MEMBER = "44444444-4444-4444-4444-444444444444";
const CHAIR = "55555555-5555-5555-5555-555555555555";
const TEAM = "66666666-6666-6666-6666-666666666666";
const OUTSIDER = "77777777-7777-7777-7777-777777777777";

const principal = (userId: string, roles: [string, Role][] = []): Principal => {
  const map = new Map<string, Set<Role>>();
  for (const [lab, role] of roles) map.set(lab, new Set([...(map.get(lab) ?? []), role]));
  return { userId, roles: map };
};
const viewer = (userId: string, roles: [string, Role][] = []) => ({ userId, principal: principal(userId, roles) });

const committee = { labId: LAB, chairId: CHAIR, memberIds: [STATE_MEMBER, REGION_MEMBER, CHAIR] };
const meeting = { presentIds: [STATE_MEMBER, CHAIR] };

describe("who may do what with a committee", () => {
  it.each([
    // who, viewer, sees, manages, votes (at a meeting where the État member and the chair are present), validates minutes
    ["lab team of this lab", viewer(TEAM, [[LAB, "lab_team"]]), true, true, false, false],
    ["lab team of another lab", viewer(TEAM, [[OTHER_LAB, "lab_team"]]), false, false, false, false],
    ["an admin of this lab (not its team)", viewer(OUTSIDER, [[LAB, "admin"]]), false, false, false, false],
    ["a committee_member role of the lab, not seated", viewer(OUTSIDER, [[LAB, "committee_member"]]), false, false, false, false],
    ["État member, present", viewer(STATE_MEMBER), true, false, true, false],
    ["Région member, absent", viewer(REGION_MEMBER), true, false, false, false],
    ["the chair, present", viewer(CHAIR), true, false, true, true],
    ["another agent", viewer(OUTSIDER), false, false, false, false],
    ["signed out", null, false, false, false, false],
    ["an empty id", viewer(""), false, false, false, false],
  ] as const)("%s", (_who, v, see, manage, vote, validate) => {
    expect(committeeRights(v, committee, meeting)).toEqual({ maySee: see, mayManage: manage, mayVote: vote, mayValidateMinutes: validate });
  });

  it("a lab team member who also sits votes when present, and a chair who left the committee validates nothing", () => {
    expect(committeeRights(viewer(STATE_MEMBER, [[LAB, "lab_team"]]), committee, meeting)).toEqual({ maySee: true, mayManage: true, mayVote: true, mayValidateMinutes: false });
    expect(committeeRights(viewer(CHAIR), { ...committee, memberIds: [STATE_MEMBER] }, meeting).mayValidateMinutes).toBe(false);
    expect(committeeRights(viewer(STATE_MEMBER), committee).mayVote).toBe(false);
  });
});
