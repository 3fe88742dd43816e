/**
 * A private board's live stream lasts only as long as its viewer may follow it. A member follows
 * the board, then leaves the Mini-Lab (and, in another case, signs out): the server ends their
 * stream, and a note added afterwards never reaches them — while a member who stays still gets it.
 * On PostgreSQL, the followers are connected to a second server process on the same database and
 * the leave and sign-out happen on the first: the end of access travels between processes.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";
import { Client } from "../support/http";
import { BoardFollower } from "../support/sse";
import { isoDay } from "../../src/kernel/format";
import { agents, labTeam } from "../../src/demo/content";

let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  a = await startServer();
  b = a.databaseUrl ? await startServer({ DATABASE_URL: a.databaseUrl }) : a;
}, 180_000);
afterAll(async () => {
  if (b && b !== a) await b.stop();
  await a?.stop();
});

const until = async (ok: () => boolean, what: string, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};
const day = (d: number) => isoDay(new Date(Date.now() + d * 86_400_000));

it("ends a member's board stream when they leave the private Mini-Lab or sign out, on every process", async () => {
  const facilitatorEmail = labTeam.find((p) => p.key === "facilitator-1")!.email;
  const team = new Client(a.url);
  await team.signInAs("helene.strauss@grandest.fr");
  const opened = await team.post(
    "/lab/region-grand-est/minilabs/nouveau",
    {
      name: `Mini-Lab privé flux ${Math.random().toString(36).slice(2, 8)}`,
      question: "Comment garder un tableau privé vraiment privé quand on le quitte ?",
      joinPolicy: "open",
      visibility: "private",
      facilitators: facilitatorEmail,
      sessionsFrom: day(-1),
      sessionsUntil: day(60),
      restitutionOn: day(90),
      arbitrationOn: day(120),
      directorates: "Direction des lycées",
    },
    { csrf: await team.csrf("/lab/region-grand-est/minilabs/nouveau") },
  );
  expect(opened.status).toBe(302);
  const minilab = opened.headers.get("location")!.split("?")[0];
  const [leaver, signer, stayer] = agents.slice(0, 3);
  expect((await team.post(minilab, { intent: "invite", emails: [leaver, signer, stayer].map((x) => x.email).join("\n") }, { csrf: await team.csrf(minilab) })).status).toBe(200);

  const facilitator = new Client(a.url);
  await facilitator.signInAs(facilitatorEmail);
  const created = await facilitator.post(`${minilab}/seances/nouvelle`, { title: "Séance privée", day: day(1), time: "14:00", durationMinutes: "90", place: "Metz", dots: "3" }, { csrf: await facilitator.csrf(`${minilab}/seances/nouvelle`) });
  expect(created.status).toBe(302);
  const board = `${created.headers.get("location")!.split("?")[0]}/tableau`;
  const boardToken = await facilitator.csrf(board);
  const add = (text: string) => facilitator.post(`${board}.data`, { intent: "add", column: "idees", text }, { csrf: boardToken });

  // three members, each signed in on both processes (the same session cookie works on both)
  const members = await Promise.all(
    [leaver, signer, stayer].map(async (x) => {
      const onA = new Client(a.url);
      await onA.signInAs(x.email);
      expect((await onA.post(minilab, { intent: "join" }, { csrf: await onA.csrf(minilab) })).status).toBe(200);
      const onB = new Client(b.url);
      onB.cookies = onA.cookies;
      const follower = new BoardFollower(onB);
      await follower.open(`${board}/flux`);
      return { onA, follower };
    }),
  );
  await until(() => members.every((m) => m.follower.snapshot), "the snapshots");
  expect((await add("Avant le départ")).status).toBe(200);
  await until(() => members.every((m) => [...m.follower.notes.values()].some((n) => n.text === "Avant le départ")), "the first note everywhere");

  // one leaves the Mini-Lab, one signs out
  const [left, signedOut, stays] = members;
  expect([200, 302]).toContain((await left.onA.post(minilab, { intent: "leave" }, { csrf: await left.onA.csrf(minilab) })).status);
  expect((await left.onA.get(board)).status).toBe(404);
  const signOut = await signedOut.onA.post("/deconnexion", {}, { csrf: await signedOut.onA.csrf(minilab) });
  expect(signOut.status).toBe(302);
  await until(() => left.follower.ended && signedOut.follower.ended, "the server to end both streams");

  expect((await add("Après le départ")).status).toBe(200);
  await until(() => [...stays.follower.notes.values()].some((n) => n.text === "Après le départ"), "the second note at the member who stayed");
  // give the second note every chance to arrive where it must not
  await new Promise((r) => setTimeout(r, 500));
  for (const gone of [left, signedOut]) {
    expect([...gone.follower.notes.values()].map((n) => n.text)).toEqual(["Avant le départ"]);
  }
  expect(stays.follower.ended).toBe(false);
  // and the stream cannot be opened again
  const again = await left.onA.request(`${board}/flux`, { headers: { accept: "text/event-stream" } });
  expect(again.status).toBe(404);
  for (const m of members) m.follower.close();
  expect([...a.logs, ...(b === a ? [] : b.logs)].join("")).not.toContain('"level":"error"');
}, 180_000);
