/** The desk's demo: every status at three labs, one réorientée, an expert's opinion, at Paris working hours. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { bootTestRuntime } from "../../tests/support/runtime";
import { createUsers, findUserByEmail } from "../accounts/accounts";
import { createLab, grantRole, getLabBySlug, loadPrincipal } from "../labs/labs";
import { agentByKey, labTeam } from "../demo/content";
import { parisWall } from "../demo/clock";
import { seedDemoNormandie } from "../demo/normandie";
import { db } from "../kernel/runtime";
import { seedDemoRequests } from "./demo";
import { labQueue, requestPage } from "./service";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
const now = new Date("2026-12-07T10:00:00Z");

beforeAll(async () => {
  env = await bootTestRuntime();
  // only the part of the Grand Est demo the desk's demo needs: its two labs and the people it names
  const people = [...["labest-1", "labest-2", "dimap-2", "dimap-3", "director-lycees", "juror-3"].map((k) => labTeam.find((p) => p.key === k)!), ...["a286", "a289", "a295", "a297", "a002", "a003"].map((k) => agentByKey(k)!)];
  const users = await createUsers(people.map((p) => ({ email: p.email, givenName: p.firstName, familyName: p.lastName, job: p.job, isDemo: true })));
  const region = await createLab({ slug: "region-grand-est", name: "Lab d’innovation de la Région Grand Est (DIMAP)" });
  const labest = await createLab({ slug: "labest", name: "Lab’EST" });
  await grantRole(users[0].id, labest.id, "lab_team");
  await grantRole(users[1].id, labest.id, "lab_team");
  await grantRole(users[2].id, region.id, "lab_team");
  await grantRole(users[3].id, region.id, "lab_team");
  await seedDemoNormandie();
  await seedDemoRequests(now);
}, 120_000);
afterAll(async () => {
  await env?.dispose();
});

const viewer = async (email: string) => {
  const u = (await findUserByEmail(email))!;
  return { userId: u.id, principal: await loadPrincipal(u.id) };
};

describe("the desk's demo", () => {
  it("has requests in every status across Lab’EST, Innov’Mandie and the Région’s lab, one réorientée to Lab’EST", async () => {
    const rows = (await sql<{ slug: string; status: string }>`SELECT l.slug, r.status FROM requests r JOIN labs l ON l.id = r.lab_id`.execute(db())).rows;
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["draft", "submitted", "qualifying", "accepted", "reoriented", "declined"]));
    expect(new Set(rows.map((r) => r.slug))).toEqual(new Set(["labest", "innovmandie", "region-grand-est"]));
    const solene = await viewer("solene.lefebvre@normandie.gouv.fr");
    const claire = await viewer(labTeam.find((p) => p.key === "labest-1")!.email);
    const sent = (await labQueue(solene, "innovmandie", { status: "reoriented" }, now)).requests;
    expect(sent.map((r) => r.statusLabel)).toEqual(["Réorientée vers Lab’EST"]);
    const received = (await labQueue(claire, "labest", {}, now)).requests.find((r) => r.receivedFromOtherLab)!;
    const page = await requestPage(claire, received.id, now);
    expect(page.origin!.lab).toBe("Innov’Mandie");
    expect(page.origin!.messages.length).toBeGreaterThanOrEqual(2);
    // overdue requests exist and come first
    const innov = await labQueue(solene, "innovmandie", {}, now);
    expect(innov.overdue).toBeGreaterThanOrEqual(1);
    expect(innov.requests[0].overdue).toBe(true);
    expect(innov.answerDays).toBe(15);
  });

  it("has an expert’s opinion, notes, and Innov’Mandie’s people in the demo sign-in (a role each)", async () => {
    const kinds = (await sql<{ kind: string }>`SELECT kind FROM request_messages`.execute(db())).rows.map((r) => r.kind);
    expect(kinds).toContain("opinion");
    expect(kinds).toContain("note");
    const lab = (await getLabBySlug("innovmandie"))!;
    expect(lab.name).toBe("Innov’Mandie");
    for (const email of ["solene.lefebvre@normandie.gouv.fr", "julien.marais@normandie.gouv.fr", "camille.leroux@eure.fr"]) {
      const p = await loadPrincipal((await findUserByEmail(email))!.id);
      expect(p.roles.get(lab.id)?.size, email).toBe(1);
    }
  });

  it("dates every event and message on a working day, between 9 h and 17 h 30 in Paris, never after now", async () => {
    const times = (await sql<{ at: Date }>`SELECT created_at AS at FROM request_events UNION ALL SELECT created_at FROM request_messages`.execute(db())).rows.map((r) => new Date(r.at));
    expect(times.length).toBeGreaterThan(40);
    for (const t of times) {
      const w = parisWall(t);
      expect(["Sat", "Sun"], t.toISOString()).not.toContain(w.weekday);
      expect(w.hour * 60 + w.minute, t.toISOString()).toBeGreaterThanOrEqual(9 * 60);
      expect(w.hour * 60 + w.minute, t.toISOString()).toBeLessThanOrEqual(17 * 60 + 30);
      expect(t.getTime()).toBeLessThanOrEqual(now.getTime());
    }
  });
});
