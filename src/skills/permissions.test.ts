import { describe, expect, it } from "vitest";
import type { Principal, Role } from "../kernel/permissions";
import { mayContact, mayManageLabSkills, mayReadMessage } from "./permissions";

const A = "11111111-1111-1111-1111-111111111111";
const B = "22222222-2222-2222-2222-222222222222";
const C = "33333333-3333-3333-3333-333333333333";
const LAB = "44444444-4444-4444-4444-444444444444";
const principal = (roles: [string, Role][] = []): Principal => ({ userId: A, roles: new Map(roles.map(([l, r]) => [l, new Set([r])])) });

describe("who may contact whom in the directory", () => {
  it.each([
    ["an agent, a listed agent", A, { id: B, listed: true }, true],
    ["an agent, an agent who declared nothing", A, { id: B, listed: false }, false],
    ["an agent, themself", A, { id: A, listed: true }, false],
    ["nobody signed in", null, { id: B, listed: true }, false],
  ] as const)("%s", (_who, viewer, recipient, expected) => {
    expect(mayContact(viewer, recipient)).toBe(expected);
  });
});

describe("who reads a conversation", () => {
  const m = { sender_id: A, recipient_id: B };
  it.each([
    ["its sender", A, true],
    ["its recipient", B, true],
    ["a third agent", C, false],
    ["nobody signed in", null, false],
  ] as const)("%s", (_who, viewer, expected) => {
    expect(mayReadMessage(viewer, m)).toBe(expected);
  });
});

describe("who extends a lab's list and its experts", () => {
  it.each([
    ["its lab team", principal([[LAB, "lab_team"]]), true],
    ["an agent of the lab", principal([[LAB, "agent"]]), false],
    ["a facilitator of the lab", principal([[LAB, "facilitator"]]), false],
    ["another lab's team", principal([[C, "lab_team"]]), false],
    ["nobody signed in", null, false],
  ] as const)("%s", (_who, p, expected) => {
    expect(mayManageLabSkills(p, LAB)).toBe(expected);
  });
});
