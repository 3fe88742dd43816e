import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { createOrganization, ensureUnit } from "../organizations/organizations";
import { createUser, getUser, searchUsers, upsertFromOidc } from "./accounts";
import { demoSignIn } from "./sign-in";
import { readSession } from "../kernel/auth/sessions";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

describe("accounts", () => {
  it("creates the account at first sign-in and keeps one account per person", async () => {
    const a = await upsertFromOidc({ sub: "sub-1", email: "Jeanne.Martin@Example.fr", givenName: "Jeanne", familyName: "Martin" });
    const b = await upsertFromOidc({ sub: "sub-1", email: "jeanne.martin@example.fr", givenName: "Jeanne", familyName: "Martin-Durand" });
    expect(b.id).toBe(a.id);
    expect(b.email).toBe("jeanne.martin@example.fr");
    expect(b.family_name).toBe("Martin-Durand");
  });

  it("turns a demo account reached through the identity provider into a real one, out of the persona picker's reach", async () => {
    const orgA = await createOrganization({ name: "Lycée A", kind: "lycee", units: ["Restauration"] });
    const orgB = await createOrganization({ name: "Lycée B", kind: "lycee" });
    const unitA = await ensureUnit(orgA.id, "Restauration");
    const demo = await createUser({ email: "paul.demo@example.fr", givenName: "Paul", familyName: "Demo", isDemo: true, organizationId: orgA.id, unitId: unitA.id });
    expect(await demoSignIn({ email: demo.email })).not.toBeNull();
    const real = await upsertFromOidc({ sub: "sub-paul", email: "paul.demo@example.fr", givenName: "Paul", familyName: "Demo", organizationId: orgB.id });
    expect(real.id).toBe(demo.id);
    expect(real.is_demo).toBe(false);
    expect(real.organization_id).toBe(orgB.id);
    expect(real.unit_id).toBeNull(); // the old unit belonged to the old organisation
    expect(await demoSignIn({ email: demo.email })).toBeNull();
  });

  it("destroys the previous session when someone signs in again in the same browser", async () => {
    const u = await createUser({ email: "lea.session@example.fr", givenName: "Léa", familyName: "Session", isDemo: true });
    const first = (await demoSignIn({ userId: u.id }))!;
    const firstSession = await readSession(first.token);
    expect(firstSession?.userId).toBe(u.id);
    const second = (await demoSignIn({ userId: u.id }, firstSession!.id))!;
    expect(await readSession(first.token)).toBeNull();
    expect((await readSession(second.token))?.userId).toBe(u.id);
  });

  it("finds people by name, insensitive to accents", async () => {
    await createUser({ email: "helene.eloi@example.fr", givenName: "Hélène", familyName: "Éloi" });
    expect((await searchUsers("helene eloi")).map((u) => u.family_name)).toContain("Éloi");
    expect(await searchUsers("h")).toEqual([]);
    expect((await getUser("not-a-uuid")) ?? null).toBeNull();
  });
});
