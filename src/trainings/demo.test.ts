import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { listDemoUsers } from "../accounts/accounts";
import { listOrganizations } from "../organizations/organizations";
import { getLabBySlug, loadPrincipal, usersWithRole } from "../labs/labs";
import { catalogue, labTrainings, myTrainings, reciprocalBalance, sessionPage, trainingPage } from "./index";
import { demoTrainings } from "./demo";
import { sideOfOrganizationKind } from "./permissions";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime({}, { demo: true });
});
afterAll(async () => {
  await env?.dispose();
});

const viewer = async (userId: string) => ({ userId, principal: await loadPrincipal(userId) });

describe("the demo's trainings: the reciprocal State–Région offer", () => {
  it("a dozen trainings from the Région's lab and Lab'EST; a State agent sees the Région's opened to them", async () => {
    const orgs = new Map((await listOrganizations()).map((o) => [o.id, o]));
    const stateAgent = (await listDemoUsers()).find((u) => u.organization_id && sideOfOrganizationKind(orgs.get(u.organization_id)?.kind) === "state" && !u.email.includes("vuillemin"))!;
    const v = await viewer(stateAgent.id);
    const all = await catalogue(v, { ouvertes: false, format: null, lab: null });
    expect(all.trainings).toHaveLength(demoTrainings.length);
    expect(demoTrainings.length).toBeGreaterThanOrEqual(12);
    expect(all.trainings.map((t) => t.title)).toEqual(expect.arrayContaining(["Animer un atelier d’intelligence collective", "Initiation au design de service", "Prototyper un service public"]));
    const open = await catalogue(v, { ouvertes: true, format: null, lab: "region-grand-est" });
    expect(open.trainings.length).toBeGreaterThanOrEqual(4);
    expect(open.trainings.every((t) => t.reciprocal)).toBe(true);
    expect(open.trainings.map((t) => t.title)).not.toContain("Faciliter un Mini-Lab");
  });

  it("sessions held (attendance, attestations) and to come; « Prototyper un service public » is full, with a waiting list", async () => {
    const lab = (await getLabBySlug("region-grand-est"))!;
    const team = await viewer((await usersWithRole(lab.id, "lab_team"))[0]);
    const list = await labTrainings(team, "region-grand-est");
    const proto = list.trainings.find((t) => t.title === "Prototyper un service public")!;
    expect(proto.waiting).toBeGreaterThan(0);
    const page = await trainingPage(team, proto.id);
    const full = page.sessions.find((s) => !s.past && s.free === 0)!;
    expect(full.waiting).toBeGreaterThan(0);
    const held = page.sessions.find((s) => s.past)!;
    const heldPage = await sessionPage(team, "region-grand-est", proto.id, held.id);
    expect(heldPage.session.held).not.toBeNull();
    const present = heldPage.attendance.filter((a) => a.present);
    expect(present.length).toBeGreaterThan(3);
    // a present agent has an attestation in « Mes formations »
    expect((await myTrainings(await viewer(present[0].userId))).attestations.map((a) => a.title)).toContain("Prototyper un service public");
  });

  it("the balance of the year: seats taken by each side in the other's trainings", async () => {
    const lab = (await getLabBySlug("labest"))!;
    const team = await viewer((await usersWithRole(lab.id, "lab_team"))[0]);
    const now = new Date();
    const years = [now.getUTCFullYear() - 1, now.getUTCFullYear(), now.getUTCFullYear() + 1];
    const summaries = await Promise.all(years.map((y) => reciprocalBalance(team, "labest", y)));
    const taken = (side: string) => summaries.reduce((n, b) => n + b.summary.find((x) => x.side === side)!.taken, 0);
    expect(taken("État")).toBeGreaterThan(5);
    expect(taken("Région")).toBeGreaterThan(5);
  });
});
