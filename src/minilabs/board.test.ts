import { afterAll, beforeAll, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeLab, makeMember, makeUser, viewerOf } from "../../tests/support/fixtures";
import { runtime } from "../kernel/runtime";
import type { Viewer } from "../kernel/permissions";
import { join, openMinilab } from "./service";
import * as board from "./board";
import * as svc from "./session-service";
import { sessionSchema } from "./session-schemas";
import { sessionCounts } from "./sessions";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

const DAY = 86_400_000;
const fields = (over: Partial<Parameters<typeof svc.scheduleSession>[2]> = {}) => ({
  title: "Séance 1 : les constats",
  startsAt: new Date(Date.now() + 3600_000),
  durationMinutes: 120,
  place: "Maison de la Région, Metz",
  videoUrl: null,
  agenda: "Tour de table, constats, idées.",
  methods: ["Remue-méninges"],
  dots: 3,
  ...over,
});

/** A Mini-Lab (open, from scratch) with a facilitator, `n` active members, and an outsider. */
async function setup(n = 2, visibility: "public" | "private" = "public") {
  const lab = await makeLab();
  const team = await viewerOf(await makeMember(lab.id, "lab_team"));
  const facilitatorUser = await makeUser();
  const m = await openMinilab(team, lab.slug, {
    themeId: null,
    name: "Mini-Lab tableau",
    question: "Comment tester un tableau partagé à plusieurs ?",
    joinPolicy: "open",
    facilitatorEmails: [facilitatorUser.email],
    sessionsFrom: new Date(Date.now() - DAY),
    sessionsUntil: new Date(Date.now() + 30 * DAY),
    restitutionOn: new Date(Date.now() + 60 * DAY),
    arbitrationOn: new Date(Date.now() + 90 * DAY),
    directorates: [],
    visibility,
  });
  const facilitator = await viewerOf(facilitatorUser);
  const members: Viewer[] = [];
  for (let i = 0; i < n; i++) {
    const v = await viewerOf(await makeUser());
    await join(v, m.id);
    members.push(v);
  }
  const outsider = await viewerOf(await makeUser());
  return { lab, team, m, facilitator, members, outsider };
}

it("lets facilitators and the lab team schedule sessions from the lab's methods, and no one else", async () => {
  const { lab, team, m, facilitator, members } = await setup(1);
  await expect(svc.scheduleSession(members[0], m.id, fields())).rejects.toMatchObject({ status: 403 });
  const page = await svc.methodsPage(team, lab.slug);
  expect(page.methods.map((x) => x.label)).toContain("Remue-méninges");
  await expect(svc.scheduleSession(facilitator, m.id, fields({ methods: ["Méthode inconnue"] }))).rejects.toMatchObject({ status: 400, field: "methods" });
  await svc.addMethod(team, lab.slug, "World café", "Tables tournantes.");
  const s = await svc.scheduleSession(facilitator, m.id, fields({ methods: ["World café", "Remue-méninges"] }));
  expect(s.methods).toEqual(["World café", "Remue-méninges"]);
  await svc.scheduleSession(team, m.id, fields({ title: "Séance 2", startsAt: new Date(Date.now() - 3600_000) }));
  expect((await sessionCounts([m.id])).get(m.id)).toEqual({ held: 1, scheduled: 1 });
  // archived methods leave the form's list but stay on past sessions
  const cafe = (await svc.methodsPage(team, lab.slug)).methods.find((x) => x.label === "World café")!;
  await svc.archiveMethod(team, lab.slug, cafe.id, true);
  expect((await svc.sessionForm(facilitator, m.id)).methods.map((x) => x.label)).not.toContain("World café");
  await expect(svc.addMethod(facilitator, lab.slug, "Autre", "")).rejects.toMatchObject({ status: 403 });
});

it("records attendance and notes, for members only", async () => {
  const { m, facilitator, members, outsider } = await setup(3);
  const s = await svc.scheduleSession(facilitator, m.id, fields());
  await expect(svc.recordAttendance(members[0], m.id, s.id, [members[0].userId])).rejects.toMatchObject({ status: 403 });
  await expect(svc.recordAttendance(facilitator, m.id, s.id, [outsider.userId])).rejects.toMatchObject({ status: 400 });
  await svc.recordAttendance(facilitator, m.id, s.id, [members[0].userId, members[2].userId]);
  const page = await svc.sessionPage(members[1], m.id, s.id);
  const byId = new Map(page.people.map((p) => [p.userId, p.present]));
  expect([byId.get(members[0].userId), byId.get(members[1].userId), byId.get(members[2].userId), byId.get(facilitator.userId)]).toEqual([true, false, true, false]);
  expect((await svc.sessionsOf(m.id))[0].present).toBe(2);
  await expect(svc.saveNotes(members[0], m.id, s.id, "Mes notes")).rejects.toMatchObject({ status: 403 });
  await svc.saveNotes(facilitator, m.id, s.id, "Douze constats, quatre pistes.");
  expect((await svc.sessionPage(facilitator, m.id, s.id)).session.notes).toBe("Douze constats, quatre pistes.");
  await expect(svc.sessionPage(facilitator, m.id, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ status: 404 });
});

it("lets members write on the board; authors and facilitators edit; outsiders only read", async () => {
  const { m, facilitator, members, outsider } = await setup(2);
  const s = await svc.scheduleSession(facilitator, m.id, fields());
  await svc.changeBoard(members[0], m.id, s.id, { intent: "add", column: "constats", text: "Les plateaux reviennent pleins" });
  await expect(svc.changeBoard(outsider, m.id, s.id, { intent: "add", column: "constats", text: "Je passe" })).rejects.toMatchObject({ status: 403 });
  const [note] = (await svc.boardPage(outsider, m.id, s.id)).notes;
  expect(note).toMatchObject({ text: "Les plateaux reviennent pleins", column: "constats", version: 1, votes: 0 });
  expect((await svc.boardPage(outsider, m.id, s.id)).participate).toBe(false);
  await expect(svc.changeBoard(members[1], m.id, s.id, { intent: "edit", noteId: note.id, text: "Changé" })).rejects.toMatchObject({ status: 403 });
  await svc.changeBoard(members[0], m.id, s.id, { intent: "edit", noteId: note.id, text: "Les plateaux reviennent à moitié pleins" });
  await svc.changeBoard(facilitator, m.id, s.id, { intent: "move", noteId: note.id, column: "idees" });
  const after = (await board.boardNotes(s.id))[0];
  expect(after).toMatchObject({ column: "idees", version: 3, text: "Les plateaux reviennent à moitié pleins" });
  await svc.changeBoard(members[1], m.id, s.id, { intent: "open", open: "false" }).catch((e) => expect(e).toMatchObject({ status: 403 }));
  await svc.changeBoard(facilitator, m.id, s.id, { intent: "open", open: "false" });
  await expect(svc.changeBoard(members[0], m.id, s.id, { intent: "add", column: "idees", text: "Trop tard" })).rejects.toMatchObject({ status: 409 });
  await svc.changeBoard(facilitator, m.id, s.id, { intent: "open", open: "true" });
  await svc.changeBoard(members[0], m.id, s.id, { intent: "delete", noteId: note.id });
  const gone = await board.boardNotes(s.id);
  expect(gone).toHaveLength(1);
  expect(gone[0]).toMatchObject({ deleted: true, text: "", version: 4 });
  await expect(svc.changeBoard(members[0], m.id, s.id, { intent: "vote", noteId: note.id })).rejects.toMatchObject({ status: 404 });
});

it("hides a private Mini-Lab's sessions and board from everyone but its members and the lab team", async () => {
  const { team, m, facilitator, outsider } = await setup(0, "private");
  const s = await svc.scheduleSession(facilitator, m.id, fields());
  await svc.changeBoard(facilitator, m.id, s.id, { intent: "add", column: "idees", text: "Une idée entre nous" });
  await expect(svc.boardPage(outsider, m.id, s.id)).rejects.toMatchObject({ status: 404 });
  await expect(svc.sessionPage(outsider, m.id, s.id)).rejects.toMatchObject({ status: 404 });
  await expect(svc.boardExport(outsider, m.id, s.id)).rejects.toMatchObject({ status: 404 });
  await expect(svc.boardStream(outsider, m.id, s.id, new AbortController().signal)).rejects.toMatchObject({ status: 404 });
  // another lab's team does not see it either
  const otherTeam = await viewerOf(await makeMember((await makeLab()).id, "lab_team"));
  await expect(svc.boardPage(otherTeam, m.id, s.id)).rejects.toMatchObject({ status: 404 });
  expect((await svc.boardPage(team, m.id, s.id)).notes).toHaveLength(1);
});

it("gives each participant the session's dots, and takes one back on a second click", async () => {
  const { m, facilitator, members } = await setup(1);
  const s = await svc.scheduleSession(facilitator, m.id, fields({ dots: 2 }));
  for (const t of ["Un", "Deux", "Trois"]) await svc.changeBoard(facilitator, m.id, s.id, { intent: "add", column: "solutions", text: t });
  const [a, b, c] = await board.boardNotes(s.id);
  expect(await svc.changeBoard(members[0], m.id, s.id, { intent: "vote", noteId: a.id })).toBe("Gommette posée.");
  await svc.changeBoard(members[0], m.id, s.id, { intent: "vote", noteId: b.id });
  await expect(svc.changeBoard(members[0], m.id, s.id, { intent: "vote", noteId: c.id })).rejects.toMatchObject({ status: 409 });
  expect(await svc.changeBoard(members[0], m.id, s.id, { intent: "vote", noteId: a.id })).toBe("Gommette retirée.");
  await svc.changeBoard(members[0], m.id, s.id, { intent: "vote", noteId: c.id });
  await svc.changeBoard(facilitator, m.id, s.id, { intent: "vote", noteId: c.id });
  expect((await board.boardNotes(s.id)).map((n) => n.votes)).toEqual([0, 1, 2]);
  expect((await board.votesOf(s.id, members[0].userId)).sort()).toEqual([b.id, c.id].sort());
});

it("orders notes in a column and moves them up, down and across", async () => {
  const { m, facilitator } = await setup(0);
  const s = await svc.scheduleSession(facilitator, m.id, fields());
  for (const t of ["A", "B", "C"]) await svc.changeBoard(facilitator, m.id, s.id, { intent: "add", column: "constats", text: t });
  const texts = async (col: string) => (await board.boardNotes(s.id)).filter((n) => n.column === col && !n.deleted).map((n) => n.text);
  const id = async (t: string) => (await board.boardNotes(s.id)).find((n) => n.text === t)!.id;
  await svc.changeBoard(facilitator, m.id, s.id, { intent: "up", noteId: await id("C") });
  expect(await texts("constats")).toEqual(["A", "C", "B"]);
  await svc.changeBoard(facilitator, m.id, s.id, { intent: "up", noteId: await id("C") });
  await svc.changeBoard(facilitator, m.id, s.id, { intent: "up", noteId: await id("C") });
  expect(await texts("constats")).toEqual(["C", "A", "B"]);
  await svc.changeBoard(facilitator, m.id, s.id, { intent: "down", noteId: await id("A") });
  expect(await texts("constats")).toEqual(["C", "B", "A"]);
  await svc.changeBoard(facilitator, m.id, s.id, { intent: "move", noteId: await id("B"), column: "idees" });
  await svc.changeBoard(facilitator, m.id, s.id, { intent: "move", noteId: await id("C"), column: "idees", index: 0 });
  expect([await texts("constats"), await texts("idees")]).toEqual([["A"], ["C", "B"]]);
});

it("keeps every note exactly once when 30 participants add and move notes at once, and its changes heard live rebuild the same board", async () => {
  const { m, facilitator, members } = await setup(30);
  const s = await svc.scheduleSession(facilitator, m.id, fields({ dots: 5 }));
  // What a browser does: keep, per note, the highest version heard.
  const heard = new Map<string, board.BoardNote>();
  const stop = await runtime().database.listen(board.BOARD_CHANNEL, (payload) => {
    const nl = payload.indexOf("\n");
    if (payload.slice(0, nl) !== s.id) return;
    const n = JSON.parse(payload.slice(nl + 1)) as board.BoardNote;
    if ((heard.get(n.id)?.version ?? 0) < n.version) heard.set(n.id, n);
  });
  const cols = board.boardColumnKeys;
  await Promise.all(
    members.map(async (v, i) => {
      for (let k = 0; k < 3; k++) await svc.changeBoard(v, m.id, s.id, { intent: "add", column: cols[(i + k) % 3], text: `Participant ${i}, post-it ${k}` });
      const all = (await board.boardNotes(s.id)).filter((n) => !n.deleted);
      for (let k = 0; k < 3; k++) {
        const target = all[(i * 7 + k * 13) % all.length];
        await svc.changeBoard(v, m.id, s.id, { intent: "move", noteId: target.id, column: cols[(i + k + 1) % 3], index: k });
        await svc.changeBoard(v, m.id, s.id, { intent: "vote", noteId: target.id }).catch(() => undefined);
      }
    }),
  );
  const final = await board.boardNotes(s.id);
  expect(final).toHaveLength(90);
  expect(new Set(final.map((n) => n.id)).size).toBe(90);
  expect(new Set(final.map((n) => n.text)).size).toBe(90);
  // every vote counted once, on the note it was put on
  expect(final.reduce((a, n) => a + n.votes, 0)).toBe(
    (await Promise.all(members.map((v) => board.votesOf(s.id, v.userId)))).reduce((a, x) => a + x.length, 0),
  );
  const deadline = Date.now() + 10_000;
  const same = () => final.every((n) => heard.get(n.id)?.version === n.version);
  while (!same() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await stop();
  expect(heard.size).toBe(90);
  for (const n of final) expect(heard.get(n.id)).toEqual(n);
}, 120_000);

it("reads a session's form: a place or a video link, a real date, Paris time", () => {
  const base = { title: "Séance", day: "2026-12-03", time: "14:30", durationMinutes: "90", agenda: "", dots: "5" };
  const ok = sessionSchema.safeParse({ ...base, place: "Lycée Louis-Vincent, Metz", methods: ["Personas", "Personas"] });
  expect(ok.success && ok.data.startsAt.toISOString()).toBe("2026-12-03T13:30:00.000Z");
  expect(ok.success && ok.data.methods).toEqual(["Personas"]);
  const neither = sessionSchema.safeParse({ ...base, place: "", videoUrl: "" });
  expect(neither.error?.issues[0]).toMatchObject({ path: ["place"] });
  expect(sessionSchema.safeParse({ ...base, videoUrl: "http://visio.example" }).error?.issues[0].path).toEqual(["videoUrl"]);
  expect(sessionSchema.safeParse({ ...base, place: "Metz", day: "2026-02-30" }).error?.issues[0].path).toEqual(["day"]);
});
