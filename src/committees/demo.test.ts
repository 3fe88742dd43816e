/** The Grand Est demo ships Lab'EST's two committees, with held and upcoming meetings. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { labTeam } from "../demo/content";
import { findUserByEmail } from "../accounts/accounts";
import { loadPrincipal } from "../labs/labs";
import { listNotifications } from "../notifications/notifications";
import { committeePage, labCommittees, meetingPage, minutesPage } from "./index";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime({}, { demo: true });
}, 240_000);
afterAll(async () => {
  await env?.dispose();
});

const person = async (key: string) => {
  const u = await findUserByEmail(labTeam.find((p) => p.key === key)!.email);
  return { userId: u!.id, principal: await loadPrincipal(u!.id) };
};

describe("demo committees", () => {
  it("Lab'EST has a paritary steering committee (3 État, 3 Région, quarterly) and a project committee", async () => {
    const claire = await person("labest-1");
    const { committees } = await labCommittees(claire, "labest");
    expect(committees.map((c) => c.kind).sort()).toEqual(["project", "steering"]);
    const steering = committees.find((c) => c.kind === "steering")!;
    const page = await committeePage(claire, "labest", steering.id);
    expect(page.committee.rhythm).toMatch(/Trimestriel/);
    expect(page.members.filter((m) => m.side === "state")).toHaveLength(3);
    expect(page.members.filter((m) => m.side === "region")).toHaveLength(3);
    expect(page.committee.chair).toBe("Antoine Rieffel");
    const project = await committeePage(claire, "labest", committees.find((c) => c.kind === "project")!.id);
    expect(project.members.length).toBeGreaterThanOrEqual(5);
  });

  it("two held steering meetings with validated minutes (one item refused for lack of a Région majority), one upcoming, convened, with its agenda", async () => {
    const helene = await person("dimap-1"); // a Région member, not of Lab'EST's team
    const { committees } = await labCommittees(helene, "labest");
    expect(committees).toHaveLength(1);
    const page = await committeePage(helene, "labest", committees[0].id);
    const held = page.meetings.filter((m) => m.held);
    expect(held).toHaveLength(2);
    expect(held.every((m) => m.minutes === "validated")).toBe(true);
    expect(page.next?.items).toHaveLength(3);
    const second = await minutesPage(helene, "labest", committees[0].id, held[1].id);
    const refused = second.items.find((i) => i.decision && !i.decision.adopted)!;
    expect(refused.decision!.wording).toMatch(/pas de majorité du côté de la Région/);
    expect(refused.tally.find((t) => t.side === "state")!.for).toBe(2);
    const upcoming = await meetingPage(helene, "labest", committees[0].id, page.next!.id);
    expect(upcoming.meeting.convenedAt).not.toBeNull();
    expect(upcoming.previous).toMatchObject({ id: held[1].id, minutes: "validated" });
    expect((await listNotifications(helene.userId)).some((n) => n.kind === "committee_meeting")).toBe(true);
  });

  it("what awaits Lab'EST's steering committee includes a project Innov'Mandie proposed from the network of labs", async () => {
    const claire = await person("labest-1");
    const { committees } = await labCommittees(claire, "labest");
    const steering = committees.find((c) => c.kind === "steering")!;
    const page = await committeePage(claire, "labest", steering.id);
    const upcoming = await meetingPage(claire, "labest", steering.id, page.next!.id);
    const proposed = upcoming.awaiting.find((a) => a.kind === "network_project");
    expect(proposed?.title).toBe("Projet proposé par Innov’Mandie\u00a0: Open data dans le département de l’Eure");
    expect(proposed?.summary).toMatch(/prototype/);
  });
});
