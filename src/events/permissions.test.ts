import { describe, expect, it } from "vitest";
import type { Principal, Role } from "../kernel/permissions";
import { eventRights, networkLabRights, visibleAudiences } from "./permissions";

const LAB = "11111111-1111-1111-1111-111111111111";
const OTHER = "33333333-3333-3333-3333-333333333333";
const principal = (roles: [string, Role][] = []): Principal => {
  const map = new Map<string, Set<Role>>();
  for (const [lab, role] of roles) map.set(lab, new Set([...(map.get(lab) ?? []), role]));
  return { userId: "44444444-4444-4444-4444-444444444444", roles: map };
};

describe("who may see and edit an event", () => {
  const open = { audience: "all", status: "scheduled", keeperLabId: LAB, imported: false } as const;
  const agentsOnly = { ...open, audience: "agents" } as const;
  const forUsers = { ...open, audience: "users" } as const;
  const imported = { ...open, imported: true } as const;
  const cancelled = { ...open, status: "cancelled" } as const;
  it.each([
    // who, principal, event, sees, edits
    ["anonymous, open to all", null, open, true, false],
    ["anonymous, for the usagers", null, forUsers, true, false],
    ["anonymous, agents only", null, agentsOnly, false, false],
    ["an agent without a role, agents only", principal(), agentsOnly, true, false],
    ["an agent of another lab, agents only", principal([[OTHER, "agent"]]), agentsOnly, true, false],
    ["the keeping lab's team", principal([[LAB, "lab_team"]]), agentsOnly, true, true],
    ["the keeping lab's team, a cancelled event (it may restore it)", principal([[LAB, "lab_team"]]), cancelled, true, true],
    ["another lab's team", principal([[OTHER, "lab_team"]]), open, true, false],
    ["an admin or facilitator of the keeping lab (not its team)", principal([[LAB, "admin"], [LAB, "facilitator"]]), open, true, false],
    ["the keeping lab's team, an imported event (edited in its source)", principal([[LAB, "lab_team"]]), imported, true, false],
  ] as const)("%s", (_who, p, event, see, edit) => {
    expect(eventRights(p, event)).toEqual({ see, edit });
  });

  it("shows agents-only events to signed-in viewers only", () => {
    expect(visibleAudiences(null)).toEqual(["all", "users"]);
    expect(visibleAudiences(principal())).toEqual(["agents", "all", "users"]);
  });

  it.each([
    ["the declaring lab's team", principal([[LAB, "lab_team"]]), true],
    ["another lab's team", principal([[OTHER, "lab_team"]]), false],
    ["an agent of the declaring lab", principal([[LAB, "agent"]]), false],
    ["anonymous", null, false],
  ] as const)("a network lab is kept by %s: %s", (_who, p, manage) => {
    expect(networkLabRights(p, { declared_by_lab_id: LAB })).toEqual({ manage });
  });
});
