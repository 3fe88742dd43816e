import { describe, expect, it } from "vitest";
import type { Principal, Role } from "../kernel/permissions";
import { resourceRights } from "./permissions";

const LAB = "11111111-1111-1111-1111-111111111111";
const OTHER = "33333333-3333-3333-3333-333333333333";
const principal = (roles: [string, Role][] = []): Principal => {
  const map = new Map<string, Set<Role>>();
  for (const [lab, role] of roles) map.set(lab, new Set([...(map.get(lab) ?? []), role]));
  return { userId: "44444444-4444-4444-4444-444444444444", roles: map };
};
const at = new Date("2026-11-02T10:00:00Z");

describe("who may read and write a resource", () => {
  const publicSheet = { lab_id: LAB, visibility: "public" as const, published_at: at, archived_at: null };
  const agentsSheet = { ...publicSheet, visibility: "agents" as const };
  const draft = { ...publicSheet, published_at: null };
  const archived = { ...publicSheet, archived_at: at };
  it.each([
    // who, principal, sheet, reads, writes
    ["anonymous, public sheet", null, publicSheet, true, false],
    ["anonymous, agents-only sheet", null, agentsSheet, false, false],
    ["anonymous, public draft", null, draft, false, false],
    ["an agent with no role, agents-only sheet", principal(), agentsSheet, true, false],
    ["an agent of another lab, agents-only sheet", principal([[OTHER, "agent"]]), agentsSheet, true, false],
    ["an agent of its lab, draft", principal([[LAB, "agent"]]), draft, false, false],
    ["a facilitator of its lab, draft", principal([[LAB, "facilitator"]]), draft, false, false],
    ["an agent, archived sheet", principal([[LAB, "agent"]]), archived, false, false],
    ["lab team of its lab, draft", principal([[LAB, "lab_team"]]), draft, true, true],
    ["lab team of its lab, archived", principal([[LAB, "lab_team"]]), archived, true, true],
    ["lab team of another lab, draft", principal([[OTHER, "lab_team"]]), draft, false, false],
    ["lab team of another lab, published", principal([[OTHER, "lab_team"]]), agentsSheet, true, false],
    ["an admin of its lab (not its team), draft", principal([[LAB, "admin"]]), draft, false, false],
  ] as const)("%s", (_who, p, sheet, read, edit) => {
    expect(resourceRights(p, sheet)).toEqual({ read, edit });
  });
});
