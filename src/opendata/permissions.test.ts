import { describe, expect, it } from "vitest";
import type { Principal, Role } from "../kernel/permissions";
import { mayRead, publicScope, readScope, tokenRights } from "./permissions";

const LAB = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";
const viewer = (roles: [string, Role][]) => {
  const principal: Principal = { userId: "u", roles: new Map() };
  for (const [lab, role] of roles) principal.roles.set(lab, new Set([...(principal.roles.get(lab) ?? []), role]));
  return { userId: "u", principal };
};

describe("who manages a lab's tokens", () => {
  it.each([
    ["signed out", null, false],
    ["an agent without a role", viewer([]), false],
    ["the lab team of this lab", viewer([[LAB, "lab_team"]]), true],
    ["the lab team of another lab", viewer([[OTHER, "lab_team"]]), false],
    ["a facilitator of this lab", viewer([[LAB, "facilitator"]]), false],
    ["a director of this lab", viewer([[LAB, "director"]]), false],
    ["a committee member of this lab", viewer([[LAB, "committee_member"]]), false],
  ] as const)("%s: %s", (_, who, may) => {
    expect(tokenRights(who, LAB).mayManage).toBe(may);
  });
});

describe("what a reader sees", () => {
  it("reads a live token as its own lab only; a revoked one, or none, as the public", () => {
    expect(readScope({ lab_id: LAB, revoked_at: null })).toEqual({ insideLab: LAB });
    expect(readScope({ lab_id: LAB, revoked_at: new Date() })).toEqual(publicScope);
    expect(readScope(null)).toEqual(publicScope);
  });

  it.each([
    ["public row, public reader", publicScope, { labId: LAB, isPublic: true }, true],
    ["internal row, public reader", publicScope, { labId: LAB, isPublic: false }, false],
    ["internal row, its lab's token", { insideLab: LAB }, { labId: LAB, isPublic: false }, true],
    ["internal row, another lab's token", { insideLab: OTHER }, { labId: LAB, isPublic: false }, false],
    ["public row of another lab, a token", { insideLab: OTHER }, { labId: LAB, isPublic: true }, true],
  ] as const)("%s", (_, scope, row, may) => {
    expect(mayRead(scope, row)).toBe(may);
  });
});
