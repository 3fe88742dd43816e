import { describe, expect, it } from "vitest";
import type { Principal, Role } from "../kernel/permissions";
import { roadmapRights } from "./permissions";

const LAB = "11111111-1111-1111-1111-111111111111";
const PARTNER = "22222222-2222-2222-2222-222222222222";
const OTHER = "33333333-3333-3333-3333-333333333333";
const principal = (roles: [string, Role][] = []): Principal => {
  const map = new Map<string, Set<Role>>();
  for (const [lab, role] of roles) map.set(lab, new Set([...(map.get(lab) ?? []), role]));
  return { userId: "44444444-4444-4444-4444-444444444444", roles: map };
};

describe("who may do what with a roadmap", () => {
  const published = { lab_id: LAB, partner_lab_id: PARTNER, published: true };
  const draft = { ...published, published: false };
  it.each([
    // who, principal, roadmap, sees all, edits, reads the public tracker
    ["lab team of its lab", principal([[LAB, "lab_team"]]), published, true, true, true],
    ["lab team of the partner lab", principal([[PARTNER, "lab_team"]]), published, true, true, true],
    ["lab team of another lab", principal([[OTHER, "lab_team"]]), published, false, false, true],
    ["an agent of its lab", principal([[LAB, "agent"]]), published, false, false, true],
    ["a director or committee member of its lab", principal([[LAB, "director"], [LAB, "committee_member"]]), published, false, false, true],
    ["an admin of its lab (not its team)", principal([[LAB, "admin"]]), published, false, false, true],
    ["anonymous", null, published, false, false, true],
    ["anonymous, roadmap not published", null, draft, false, false, false],
    ["an agent, roadmap not published", principal([[LAB, "agent"]]), draft, false, false, false],
    ["lab team, roadmap not published", principal([[LAB, "lab_team"]]), draft, true, true, true],
    ["lab team of another lab, roadmap with no partner", principal([[OTHER, "lab_team"]]), { lab_id: LAB, partner_lab_id: null, published: false }, false, false, false],
  ] as const)("%s", (_who, p, roadmap, seeAll, edit, readPublic) => {
    expect(roadmapRights(p, roadmap)).toEqual({ seeAll, edit, readPublic });
  });
});
