import { describe, expect, it } from "vitest";
import type { Principal, Role } from "../kernel/permissions";
import { mayTakeAttendance, registrationRule, sideOfOrganizationKind, trainingRights, type Side, type TrainingFacts } from "./permissions";

const LAB = "11111111-1111-1111-1111-111111111111";
const OTHER = "22222222-2222-2222-2222-222222222222";
const principal = (labId: string, ...roles: Role[]): Principal => ({ userId: "u", roles: new Map([[labId, new Set(roles)]]) });
const training = (side: Side, openTo: Side[], published = true): TrainingFacts => ({ lab_id: LAB, side, open_to: openTo, published });

describe("who may register: the organising side, and the sides opened by the reciprocal offer", () => {
  const rows: [string, Side | null, TrainingFacts, boolean, "own" | "reciprocal" | null][] = [
    ["a Région agent, a Région training", "region", training("region", []), true, "own"],
    ["a State agent, a Région training not opened", "state", training("region", []), false, null],
    ["a State agent, a Région training opened to the State (reciprocal offer)", "state", training("region", ["state"]), true, "reciprocal"],
    ["a Région agent, a State training opened to the Région", "region", training("state", ["region"]), true, "reciprocal"],
    ["a Région agent, a State training opened to the collectivités only", "region", training("state", ["local"]), false, null],
    ["a collectivité agent, a State training opened to the collectivités", "local", training("state", ["region", "local"]), true, "reciprocal"],
    ["a health agent, a Région training opened to the State and the Région's own", "health", training("region", ["state"]), false, null],
    ["a health agent, a training opened to santé", "health", training("region", ["state", "health"]), true, "reciprocal"],
    ["an agent whose organisation tells no side", null, training("region", ["state", "local", "health"]), false, null],
  ];
  it.each(rows)("%s", (_label, agentSide, t, may, through) => {
    expect(registrationRule(agentSide, t)).toEqual({ may, through });
    expect(trainingRights(principal(OTHER, "agent"), agentSide, t).register).toBe(may);
  });

  it("a draft: nobody registers, only its lab team sees it", () => {
    const draft = training("region", ["state"], false);
    expect(trainingRights(principal(OTHER, "agent"), "region", draft)).toEqual({ see: false, register: false, manage: false });
    expect(trainingRights(principal(LAB, "lab_team"), "region", draft)).toEqual({ see: true, register: false, manage: true });
    expect(trainingRights(principal(OTHER, "lab_team"), "region", draft).see).toBe(false);
    expect(trainingRights(principal(LAB, "agent"), "region", draft).see).toBe(false);
    expect(trainingRights(null, null, training("region", []))).toEqual({ see: true, register: false, manage: false });
  });

  it("attendance: the lab team of the organising lab, or the session's trainers", () => {
    const t = training("region", []);
    expect(mayTakeAttendance(trainingRights(principal(LAB, "lab_team"), null, t), false)).toBe(true);
    expect(mayTakeAttendance(trainingRights(principal(OTHER, "lab_team"), null, t), false)).toBe(false);
    expect(mayTakeAttendance(trainingRights(principal(OTHER, "agent"), null, t), true)).toBe(true);
    expect(mayTakeAttendance(trainingRights(principal(LAB, "facilitator"), null, t), false)).toBe(false);
  });

  it.each([
    ["prefecture", "state"],
    ["ddt", "state"],
    ["region_hq", "region"],
    ["maison_region", "region"],
    ["lycee", "region"],
    ["collectivite", "local"],
    ["sante", "health"],
    ["other", null],
    [null, null],
  ] as const)("an organisation of kind %s: side %s", (kind, side) => {
    expect(sideOfOrganizationKind(kind)).toBe(side);
  });
});
