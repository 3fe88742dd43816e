import { describe, expect, it } from "vitest";
import type { Principal, Role } from "../kernel/permissions";
import { minilabRights, type MembershipFacts, type MinilabRights } from "./permissions";
import type { MemberStatus, Visibility } from "./minilabs";

const LAB = "11111111-1111-4111-8111-111111111111";
const OTHER_LAB = "22222222-2222-4222-8222-222222222222";
const principal = (roles: [string, Role][] = []): Principal => {
  const map = new Map<string, Set<Role>>();
  for (const [lab, r] of roles) map.set(lab, new Set([...(map.get(lab) ?? []), r]));
  return { userId: "u", roles: map };
};
const member = (status: MemberStatus, role: "member" | "facilitator" = "member"): MembershipFacts => ({ status, role });

type Row = [who: string, visibility: Visibility, p: Principal | null, me: MembershipFacts, expected: MinilabRights];
const none: MinilabRights = { see: false, active: false, manage: false, participate: false };
const seeOnly: MinilabRights = { see: true, active: false, manage: false, participate: false };
const activeMember: MinilabRights = { see: true, active: true, manage: false, participate: true };
const manager: MinilabRights = { see: true, active: true, manage: true, participate: true };
const team: MinilabRights = { see: true, active: false, manage: true, participate: true };

const table: Row[] = [
  // a public Mini-Lab: everyone signed in sees it; only members write, only managers manage
  ["any agent", "public", principal(), undefined, seeOnly],
  ["nobody signed in", "public", null, undefined, seeOnly],
  ["an agent who left", "public", principal(), member("left"), seeOnly],
  ["an active member", "public", principal(), member("active"), activeMember],
  ["an active facilitator", "public", principal(), member("active", "facilitator"), manager],
  ["the lab team", "public", principal([[LAB, "lab_team"]]), undefined, team],
  // a private Mini-Lab: members (invited or active) and its own lab's team only
  ["any agent", "private", principal(), undefined, none],
  ["nobody signed in", "private", null, undefined, none],
  ["an invited agent", "private", principal(), member("invited"), seeOnly],
  ["an agent who asked", "private", principal(), member("requested"), none],
  ["an agent who declined", "private", principal(), member("declined"), none],
  ["an agent who left", "private", principal(), member("left"), none],
  ["a facilitator who left", "private", principal(), member("left", "facilitator"), none],
  ["an active member", "private", principal(), member("active"), activeMember],
  ["an active facilitator", "private", principal(), member("active", "facilitator"), manager],
  ["the lab team", "private", principal([[LAB, "lab_team"]]), undefined, team],
  ["another lab's team", "private", principal([[OTHER_LAB, "lab_team"]]), undefined, none],
  ["a director of the lab", "private", principal([[LAB, "director"]]), undefined, none],
  ["the lab's admin without lab_team", "private", principal([[LAB, "admin"]]), undefined, none],
  ["a facilitator of the lab (role) who is no member", "private", principal([[LAB, "facilitator"]]), undefined, none],
];

describe("minilabRights: who sees, writes and manages a Mini-Lab", () => {
  it.each(table)("%s, %s Mini-Lab", (_who, visibility, p, me, expected) => {
    expect(minilabRights(p, { visibility, lab_id: LAB }, me)).toEqual(expected);
  });
});
