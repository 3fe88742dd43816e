import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeLab, makeUser, viewerOf } from "../../tests/support/fixtures";
import { createOrganization } from "../organizations/organizations";
import { createLab, grantRole } from "../labs/labs";
import { db } from "../kernel/runtime";
import type { Refusal } from "../kernel/permissions";
import { expireDue } from "../registrations";
import {
  addSession,
  approvalPage,
  attestationFor,
  catalogue,
  createTraining,
  decideApproval,
  deleteSession,
  labTrainings,
  myTrainings,
  onSessionHeld,
  reciprocalBalance,
  reciprocalBalanceExport,
  recordAttendance,
  seatAction,
  sessionPage,
  trainingPage,
  updateSession,
  type SessionHeld,
} from "./index";
import { sessionSchema, trainingSchema } from "./schemas";
import { personalData } from "./personal-data";
import { addLabMethod, resourcePage } from "../resources";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

const DAY = 86_400_000;
const NOW = new Date("2027-01-04T08:00:00Z");
const refusal = (status: number, field?: string) => (e: Refusal) => e.status === status && (!field || e.field === field);
const parse = <T,>(schema: { safeParse(v: unknown): { success: boolean; data?: T; error?: unknown } }, v: Record<string, unknown>): T => {
  const r = schema.safeParse(v);
  if (!r.success) throw new Error(JSON.stringify(r.error));
  return r.data!;
};
const trainingInput = (v: Record<string, unknown> = {}) =>
  parse(trainingSchema, { title: "Initiation au design de service", objectives: "Découvrir la démarche.", methods: "Persona\nParcours usager", audience: "Tous les agents", format: "presentiel", durationHours: "7", side: "region", openTo: ["state"], confirmHours: "48", published: "on", ...v });
const sessionInput = (v: Record<string, unknown> = {}) => parse(sessionSchema, { startDate: "2027-01-12", startTime: "09:00", endTime: "17:00", place: "Maison de la Région, Strasbourg", capacity: "2", trainers: "", ...v });

let n = 0;
async function setup() {
  n++;
  const regionOrg = await createOrganization({ name: `Région ${n}-${Date.now()}`, kind: "region_hq" });
  const stateOrg = await createOrganization({ name: `Préfecture ${n}-${Date.now()}`, kind: "prefecture" });
  const healthOrg = await createOrganization({ name: `CHU ${n}-${Date.now()}`, kind: "sante" });
  const regionLab = await createLab({ slug: `region-${n}-${Date.now().toString(36)}`, name: "Lab Région", organizationId: regionOrg.id });
  const otherLab = await makeLab();
  const team = await makeUser({ organizationId: regionOrg.id });
  await grantRole(team.id, regionLab.id, "lab_team");
  const otherTeam = await makeUser({ organizationId: stateOrg.id });
  await grantRole(otherTeam.id, otherLab.id, "lab_team");
  const trainer = await makeUser({ organizationId: regionOrg.id });
  const agents = {
    region: await viewerOf(await makeUser({ organizationId: regionOrg.id })),
    region2: await viewerOf(await makeUser({ organizationId: regionOrg.id })),
    state: await viewerOf(await makeUser({ organizationId: stateOrg.id })),
    state2: await viewerOf(await makeUser({ organizationId: stateOrg.id })),
    health: await viewerOf(await makeUser({ organizationId: healthOrg.id })),
    none: await viewerOf(await makeUser()),
  };
  return { regionLab, otherLab, team: await viewerOf(team), otherTeam: await viewerOf(otherTeam), trainer: await viewerOf(trainer), trainerUser: trainer, agents };
}

describe("trainings: catalogue and the reciprocal offer", () => {
  it("links each method taught to its sheet in the library, when the library has one the agent may read", async () => {
    const s = await setup();
    await addLabMethod(s.regionLab.id, "Persona", "Décrire un usager type.", null);
    const t = await createTraining(s.team, s.regionLab.slug, trainingInput({ methods: "persona\nParcours usager" }));
    const page = await trainingPage(s.agents.region, t.id, NOW);
    const sheet = page.training.methods.find((m) => m.name === "persona")!.sheetId;
    expect(sheet).toMatch(/^[0-9a-f-]{36}$/);
    expect((await resourcePage(s.agents.region, sheet!)).resource.title).toBe("Persona");
    expect(page.training.methods.find((m) => m.name === "Parcours usager")!.sheetId).toBeNull();
  });

  it("lists published trainings across labs; « Ouvertes à mon administration » keeps those the agent may join", async () => {
    const s = await setup();
    const open = await createTraining(s.team, s.regionLab.slug, trainingInput({ title: "Prototyper un service public" }));
    const closed = await createTraining(s.team, s.regionLab.slug, trainingInput({ title: "Réservée à la Région", openTo: [] }));
    const draft = await createTraining(s.team, s.regionLab.slug, trainingInput({ title: "Brouillon", published: undefined }));
    const all = await catalogue(s.agents.state, { ouvertes: false, format: null, lab: s.regionLab.slug }, NOW);
    expect(all.trainings.map((t) => t.id).sort()).toEqual([open.id, closed.id].sort());
    expect(all.sideLabel).toBe("État");
    const mine = await catalogue(s.agents.state, { ouvertes: true, format: null, lab: s.regionLab.slug }, NOW);
    expect(mine.trainings.map((t) => [t.id, t.reciprocal])).toEqual([[open.id, true]]);
    expect((await catalogue(s.agents.region, { ouvertes: true, format: null, lab: s.regionLab.slug }, NOW)).trainings).toHaveLength(2);
    expect((await catalogue(s.agents.none, { ouvertes: true, format: null, lab: s.regionLab.slug }, NOW)).trainings).toHaveLength(0);
    expect((await catalogue(s.agents.state, { ouvertes: false, format: "distanciel", lab: s.regionLab.slug }, NOW)).trainings).toHaveLength(0);
    // the draft: its lab team sees it, nobody else
    expect((await catalogue(s.team, { ouvertes: false, format: null, lab: s.regionLab.slug }, NOW)).trainings.map((t) => t.id)).toContain(draft.id);
    await expect(trainingPage(s.agents.region, draft.id)).rejects.toSatisfy(refusal(404));
    await expect(trainingPage(s.agents.region, "not-an-id")).rejects.toSatisfy(refusal(404));
  });

  it("lab pages: its team creates and edits; another lab's team and agents are refused", async () => {
    const s = await setup();
    await expect(createTraining(s.otherTeam, s.regionLab.slug, trainingInput())).rejects.toSatisfy(refusal(403));
    await expect(createTraining(s.agents.region, s.regionLab.slug, trainingInput())).rejects.toSatisfy(refusal(403));
    await expect(labTrainings(s.agents.region, s.regionLab.slug)).rejects.toSatisfy(refusal(403));
    await expect(labTrainings(s.team, "nope")).rejects.toSatisfy(refusal(404));
    const t = await createTraining(s.team, s.regionLab.slug, trainingInput());
    await expect(addSession(s.otherTeam, s.otherLab.slug, t.id, sessionInput())).rejects.toSatisfy(refusal(404));
    await expect(addSession(s.team, s.regionLab.slug, t.id, sessionInput({ trainers: "inconnu@example.fr" }))).rejects.toSatisfy(refusal(400, "trainers"));
    const session = await addSession(s.team, s.regionLab.slug, t.id, sessionInput({ trainers: s.trainerUser.email }));
    expect((await labTrainings(s.team, s.regionLab.slug)).trainings).toEqual([expect.objectContaining({ id: t.id, sessions: 1, upcoming: 1 })]);
    // the trainer opens the session's page; another agent may not
    expect((await sessionPage(s.trainer, s.regionLab.slug, t.id, session.id)).rights.manage).toBe(false);
    await expect(sessionPage(s.agents.region, s.regionLab.slug, t.id, session.id)).rejects.toSatisfy(refusal(403));
    await deleteSession(s.team, s.regionLab.slug, t.id, session.id);
    expect((await trainingPage(s.agents.region, t.id)).sessions).toHaveLength(0);
  });
});

describe("trainings: registration with a waiting list", () => {
  it("a State agent joins a Région training's waiting list through the reciprocal offer and gets the seat when someone cancels", async () => {
    const s = await setup();
    const t = await createTraining(s.team, s.regionLab.slug, trainingInput());
    const session = await addSession(s.team, s.regionLab.slug, t.id, sessionInput({ capacity: "1" }), NOW);
    const act = (v: (typeof s.agents)[keyof typeof s.agents], intent: "register" | "cancel" | "confirm", at = NOW) => seatAction(v, t.id, { intent, sessionId: session.id, managerEmail: "" } as never, at);
    await expect(act(s.agents.health, "register")).rejects.toSatisfy(refusal(403));
    await expect(act(s.agents.none, "register")).rejects.toSatisfy(refusal(403));
    expect(await act(s.agents.region, "register")).toBe("inscrit");
    expect(await act(s.agents.state, "register")).toBe("attente");
    expect(await act(s.agents.state2, "register")).toBe("attente");
    let page = await trainingPage(s.agents.state, t.id, NOW);
    expect(page.through).toBe("reciprocal");
    expect(page.sessions[0]).toMatchObject({ free: 0, waiting: 2, standing: { status: "waiting", position: 1 } });
    await act(s.agents.region, "cancel", new Date(NOW.getTime() + 3_600_000));
    page = await trainingPage(s.agents.state, t.id, NOW);
    expect(page.sessions[0].standing).toMatchObject({ status: "offered" });
    expect((await myTrainings(s.agents.state, NOW)).registrations[0]).toMatchObject({ status: "offered", title: t.title });
    expect(await act(s.agents.state, "confirm", new Date(NOW.getTime() + 2 * 3_600_000))).toBe("confirme");
    const list = await sessionPage(s.team, s.regionLab.slug, t.id, session.id);
    expect(list.confirmed.map((c) => c.userId)).toEqual([s.agents.state.userId]);
    expect(list.waiting.map((w) => w.userId)).toEqual([s.agents.state2.userId]);
    expect(list.log.map((l) => l.what)).toContain("Place proposée");
    // the seat offered is announced by mail
    const mails = (await sql<{ subject: string }>`SELECT subject FROM mail_outbox WHERE kind = 'seat_offered' AND lab_id = ${s.regionLab.id}`.execute(db())).rows;
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toMatch(/Initiation au design de service/);
  });

  it("several sessions of one training: confirmed in one, the agent leaves the other's list; more seats go to the list", async () => {
    const s = await setup();
    const t = await createTraining(s.team, s.regionLab.slug, trainingInput());
    const a = await addSession(s.team, s.regionLab.slug, t.id, sessionInput({ capacity: "1" }), NOW);
    const b = await addSession(s.team, s.regionLab.slug, t.id, sessionInput({ startDate: "2027-02-02", capacity: "1" }), NOW);
    const reg = (v: typeof s.agents.region, sessionId: string) => seatAction(v, t.id, { intent: "register", sessionId, managerEmail: "" }, NOW);
    await reg(s.agents.region, a.id);
    await reg(s.agents.region2, b.id);
    expect(await reg(s.agents.state, a.id)).toBe("attente");
    expect(await reg(s.agents.state, b.id)).toBe("attente");
    await updateSession(s.team, s.regionLab.slug, t.id, b.id, sessionInput({ startDate: "2027-02-02", capacity: "2" }), NOW);
    await seatAction(s.agents.state, t.id, { intent: "confirm", sessionId: b.id }, NOW);
    const page = await trainingPage(s.agents.state, t.id, NOW);
    expect(page.sessions.map((x) => x.standing?.status ?? null)).toEqual([null, "confirmed"]);
    await expect(reg(s.agents.state, a.id)).rejects.toSatisfy(refusal(409));
    // a session that has started takes no registration
    await expect(seatAction(s.agents.region2, t.id, { intent: "register", sessionId: a.id, managerEmail: "" }, new Date(a.starts_at.getTime() + 1))).rejects.toSatisfy(refusal(409));
    // a session with registrations is not deleted
    await expect(deleteSession(s.team, s.regionLab.slug, t.id, a.id)).rejects.toSatisfy(refusal(409));
  });

  it("an offered seat not confirmed in the training's delay passes on", async () => {
    const s = await setup();
    const t = await createTraining(s.team, s.regionLab.slug, trainingInput({ confirmHours: "24" }));
    const session = await addSession(s.team, s.regionLab.slug, t.id, sessionInput({ capacity: "1" }), NOW);
    for (const v of [s.agents.region, s.agents.state, s.agents.state2]) await seatAction(v, t.id, { intent: "register", sessionId: session.id, managerEmail: "" }, NOW);
    await seatAction(s.agents.region, t.id, { intent: "cancel", sessionId: session.id }, NOW);
    expect(await expireDue(new Date(NOW.getTime() + 24 * 3_600_000))).toBe(1);
    expect((await trainingPage(s.agents.state2, t.id, NOW)).sessions[0].standing?.status).toBe("offered");
    const log = (await sessionPage(s.team, s.regionLab.slug, t.id, session.id)).log.map((l) => l.what);
    expect(log).toContain("Délai de confirmation dépassé");
  });

  it("manager approval: the manager's link (no account) approves once, then the agent is registered", async () => {
    const s = await setup();
    const t = await createTraining(s.team, s.regionLab.slug, trainingInput({ managerApproval: "on" }));
    const session = await addSession(s.team, s.regionLab.slug, t.id, sessionInput(), NOW);
    await expect(seatAction(s.agents.state, t.id, { intent: "register", sessionId: session.id, managerEmail: "" }, NOW)).rejects.toSatisfy(refusal(400, "managerEmail"));
    expect(await seatAction(s.agents.state, t.id, { intent: "register", sessionId: session.id, managerEmail: "cheffe.service@example.fr" }, NOW)).toBe("accord");
    await expect(seatAction(s.agents.state, t.id, { intent: "register", sessionId: session.id, managerEmail: "cheffe.service@example.fr" }, NOW)).rejects.toSatisfy(refusal(409));
    const mail = (await sql<{ text: string }>`SELECT text FROM mail_outbox WHERE "to" = 'cheffe.service@example.fr'`.execute(db())).rows[0];
    const token = /\/formations\/accord\/([\w-]+)/.exec(mail.text)![1];
    expect(await sql`SELECT 1 FROM training_approvals WHERE token_hash = ${token}`.execute(db()).then((r) => r.rows.length)).toBe(0);
    expect(await approvalPage(token)).toMatchObject({ training: t.title, status: "pending" });
    expect((await myTrainings(s.agents.state, NOW)).awaitingApproval).toHaveLength(1);
    await expect(approvalPage("x".repeat(43))).rejects.toSatisfy(refusal(404));
    await decideApproval(token, true, NOW);
    await expect(decideApproval(token, false, NOW)).rejects.toSatisfy(refusal(409));
    expect((await trainingPage(s.agents.state, t.id, NOW)).sessions[0].standing?.status).toBe("confirmed");
    expect((await personalData(s.agents.state.userId)).find((x) => x.key === "training_approvals")!.rows).toEqual([expect.objectContaining({ manager_email: "cheffe.service@example.fr", status: "Accordée" })]);
  });
});

describe("trainings: attendance, attestation, balance", () => {
  it("the trainer records who was present, closes the sheet (the hook hears it after commit), and the present agent gets an attestation", async () => {
    const s = await setup();
    const heard: SessionHeld[] = [];
    onSessionHeld((h) => {
      heard.push(h);
    });
    const t = await createTraining(s.team, s.regionLab.slug, trainingInput());
    const session = await addSession(s.team, s.regionLab.slug, t.id, sessionInput({ trainers: s.trainerUser.email }), NOW);
    for (const v of [s.agents.region, s.agents.state]) await seatAction(v, t.id, { intent: "register", sessionId: session.id, managerEmail: "" }, NOW);
    const after = new Date(session.ends_at.getTime() + 3_600_000);
    await expect(recordAttendance(s.trainer, s.regionLab.slug, t.id, session.id, { present: [s.agents.state.userId], close: true }, NOW)).rejects.toSatisfy(refusal(409));
    await expect(recordAttendance(s.trainer, s.regionLab.slug, t.id, session.id, { present: [s.agents.health.userId], close: false }, after)).rejects.toSatisfy(refusal(400, "present"));
    await expect(recordAttendance(s.agents.region, s.regionLab.slug, t.id, session.id, { present: [s.agents.region.userId], close: true }, after)).rejects.toSatisfy(refusal(403));
    await expect(attestationFor(s.agents.state, t.id, session.id)).rejects.toSatisfy(refusal(404));
    await recordAttendance(s.trainer, s.regionLab.slug, t.id, session.id, { present: [s.agents.state.userId], close: true }, after);
    expect(heard.filter((h) => h.sessionId === session.id)).toEqual([{ sessionId: session.id, trainingId: t.id, trainingTitle: t.title, sessionTitle: `${t.title} – session du 12 janvier 2027`, labId: s.regionLab.id, presentAgentIds: [s.agents.state.userId] }]);
    const { pdf, filename } = await attestationFor(s.agents.state, t.id, session.id);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(filename).toBe("attestation-2027-01-12.pdf");
    // absent: no attestation; another agent may not get someone else's; the lab team may
    await expect(attestationFor(s.agents.region, t.id, session.id)).rejects.toSatisfy(refusal(404));
    await expect(attestationFor(s.agents.region, t.id, session.id, s.agents.state.userId)).rejects.toSatisfy(refusal(403));
    expect((await attestationFor(s.team, t.id, session.id, s.agents.state.userId)).pdf.length).toBeGreaterThan(1000);
    expect((await myTrainings(s.agents.state, after)).attestations).toHaveLength(1);
    expect((await personalData(s.agents.state.userId)).find((x) => x.key === "training_attendance")!.rows).toEqual([expect.objectContaining({ training: t.title, present: true })]);
  });

  it("the reciprocal offer's balance counts each side's seats in the other's trainings, for the year asked", async () => {
    const s = await setup();
    const regionT = await createTraining(s.team, s.regionLab.slug, trainingInput({ openTo: ["state", "health"] }));
    const stateLab = await createLab({ slug: `etat-${Date.now().toString(36)}`, name: "Lab État", organizationId: null });
    const stateTeam = await makeUser();
    await grantRole(stateTeam.id, stateLab.id, "lab_team");
    const stateT = await createTraining(await viewerOf(stateTeam), stateLab.slug, trainingInput({ side: "state", openTo: ["region"] }));
    const r1 = await addSession(s.team, s.regionLab.slug, regionT.id, sessionInput({ startDate: "2031-03-01", capacity: "10" }), NOW);
    const s1 = await addSession(await viewerOf(stateTeam), stateLab.slug, stateT.id, sessionInput({ startDate: "2031-04-01", capacity: "10" }), NOW);
    const reg = (v: typeof s.agents.region, tid: string, sid: string) => seatAction(v, tid, { intent: "register", sessionId: sid, managerEmail: "" }, NOW);
    await reg(s.agents.state, regionT.id, r1.id);
    await reg(s.agents.state2, regionT.id, r1.id);
    await reg(s.agents.health, regionT.id, r1.id);
    await reg(s.agents.region, regionT.id, r1.id);
    await reg(s.agents.region2, stateT.id, s1.id);
    const b = await reciprocalBalance(s.team, s.regionLab.slug, 2031, NOW);
    const cell = (org: string, agents: string) => b.rows.find((r) => r.side === org)!.cells.find((c) => c.agents === agents)!.seats;
    expect(cell("Région", "État")).toBe(2);
    expect(cell("Région", "Santé")).toBe(1);
    expect(cell("Région", "Région")).toBe(1);
    expect(cell("État", "Région")).toBe(1);
    expect(b.summary.find((x) => x.side === "État")).toMatchObject({ taken: 2, given: 1, balance: -1 });
    expect((await reciprocalBalance(s.team, s.regionLab.slug, 2030, NOW)).rows.every((r) => r.cells.every((c) => c.seats === 0))).toBe(true);
    const csv = await reciprocalBalanceExport(s.team, s.regionLab.slug, 2031);
    expect(csv.rows).toContainEqual([2031, "Région", "État", 2, "non"]);
    await expect(reciprocalBalance(s.agents.region, s.regionLab.slug, 2031)).rejects.toSatisfy(refusal(403));
  });
});

describe("trainings: forms", () => {
  it("refuses malformed input with French messages beside the fields", () => {
    const bad = trainingSchema.safeParse({ title: "", format: "hybride", durationHours: "-1", side: "mars", confirmHours: "0" });
    expect(bad.success).toBe(false);
    const fields = new Set(bad.error!.issues.map((i) => i.path[0]));
    for (const f of ["title", "format", "durationHours", "side", "confirmHours"]) expect(fields).toContain(f);
    const s = sessionSchema.safeParse({ startDate: "2027-01-12", startTime: "17:00", endTime: "09:00", capacity: "3" });
    expect(s.success).toBe(false);
    expect(s.error!.issues[0]).toMatchObject({ path: ["endTime"] });
    expect(sessionSchema.safeParse({ startDate: "2027-02-30", startTime: "09:00", endTime: "10:00", capacity: "3" }).success).toBe(false);
    expect(sessionSchema.safeParse({ startDate: "2027-02-01", startTime: "09:00", endTime: "10:00", capacity: "0" }).success).toBe(false);
  });
});
