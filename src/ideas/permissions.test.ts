import { describe, expect, it } from "vitest";
import { ideaRights } from "./permissions";
import type { Role } from "../kernel/permissions";

const LAB = "11111111-1111-1111-1111-111111111111";
const OTHER = "22222222-2222-2222-2222-222222222222";
const viewer = (userId: string, roles: [string, Role][] = []) => ({
  userId,
  principal: { userId, roles: new Map(roles.map(([lab, r]) => [lab, new Set([r])])) },
});
const idea = (over: Partial<{ status: "draft" | "submitted" | "awarded"; hidden_at: Date | null }> = {}) => ({
  author_id: "author",
  status: over.status ?? "submitted",
  hidden_at: over.hidden_at ?? null,
  lab_id: LAB,
});

describe("who may do what with an idea", () => {
  it.each([
    // who, idea, campaign open, expected rights
    ["author", idea({ status: "draft" }), true, { canView: true, canEdit: true, canSupport: false, canComment: false, canModerate: false }],
    ["reader", idea({ status: "draft" }), true, { canView: false, canEdit: false }],
    ["reader", idea(), true, { canView: true, canEdit: false, canSupport: true, canComment: true }],
    ["author", idea(), false, { canView: true, canEdit: false }],
    ["author", idea({ status: "awarded" }), true, { canEdit: false }],
    ["reader", idea({ hidden_at: new Date() }), true, { canView: false, canComment: false, canSupport: false }],
    ["author", idea({ hidden_at: new Date() }), true, { canView: true, canEdit: false }],
    ["team", idea({ hidden_at: new Date() }), true, { canView: true, canModerate: true }],
    ["foreign-team", idea({ hidden_at: new Date() }), true, { canView: false, canModerate: false }],
    ["coauthor", idea(), true, { canView: true, canEdit: true, canSupport: false, isCoauthor: true }],
    ["pending", idea({ status: "draft" }), true, { canView: false, canEdit: false }],
  ] as const)("%s", (who, i, open, expected) => {
    const v =
      who === "team" ? viewer("team", [[LAB, "lab_team"]]) : who === "foreign-team" ? viewer("ft", [[OTHER, "lab_team"]]) : viewer(who);
    const co = [
      { user_id: "coauthor", status: "confirmed" as const },
      { user_id: "pending", status: "pending" as const },
    ];
    expect(ideaRights(i, co, v, open)).toMatchObject(expected);
  });

  it("gives nothing to an anonymous visitor", () => {
    expect(ideaRights(idea(), [], null, true)).toMatchObject({ canView: false, canComment: false, canSupport: false, canEdit: false });
  });
});
