import { describe, expect, it } from "vitest";
import { privacyRights } from "./permissions";

const A = "11111111-1111-1111-1111-111111111111";
const B = "22222222-2222-2222-2222-222222222222";

describe("who may read and delete an account's personal data", () => {
  it.each([
    ["the holder", { userId: A }, A, true],
    ["another agent", { userId: B }, A, false],
    ["signed out", null, A, false],
    ["an empty id", { userId: "" }, "", false],
  ] as const)("%s", (_who, viewer, account, expected) => {
    expect(privacyRights(viewer, account)).toEqual({ mayReadPersonalData: expected, mayDeleteAccount: expected });
  });
});
