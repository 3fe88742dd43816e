/**
 * Thirty participants on one board, through the real server: each follows the board by its own
 * server-sent events stream and, all at once, adds notes, moves notes (its own and others') and
 * votes. In the end every note is on the board exactly once, and every participant's live view
 * (snapshot, then changes, kept by version) is the board saved in the database.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";
import { Client } from "../support/http";
import { BoardFollower } from "../support/sse";
import { agents, labTeam } from "../../src/demo/content";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const N = 30;
const COLUMNS = ["constats", "idees", "solutions"];

it("keeps every note exactly once when 30 participants add, move and vote at once, and each sees the saved board", async () => {
  const facilitator = new Client(server.url);
  await facilitator.signInAs(labTeam.find((p) => p.key === "facilitator-1")!.email);
  const list = await (await facilitator.get("/minilabs")).text();
  const minilab = `/minilabs/${/href="\/minilabs\/([0-9a-f-]{36})"[^>]*>Mini-Lab Restauration scolaire/.exec(list)![1]}`;
  const created = await facilitator.post(`${minilab}/seances/nouvelle`, { title: "Séance à trente", day: "2026-12-01", time: "14:00", durationMinutes: "120", place: "Metz", dots: "5" }, { csrf: await facilitator.csrf(`${minilab}/seances/nouvelle`) });
  expect(created.status).toBe(302);
  const board = `${created.headers.get("location")!.split("?")[0]}/tableau`;

  const people: Client[] = [];
  for (const a of agents.slice(0, N)) {
    const c = new Client(server.url);
    await c.signInAs(a.email);
    expect((await c.post(minilab, { intent: "join" }, { csrf: await c.csrf(minilab) })).status).toBe(200);
    people.push(c);
  }
  const tokens = await Promise.all(people.map((c) => c.csrf(board)));
  const followers = people.map((c) => new BoardFollower(c));
  await Promise.all(followers.map((f) => f.open(`${board}/flux`)));
  const until = (ok: () => boolean, what: string) =>
    (async () => {
      const end = Date.now() + 30_000;
      while (!ok()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
  await until(() => followers.every((f) => f.snapshot), "the snapshots");

  const post = (i: number, fields: Record<string, string>) => people[i].post(`${board}.data`, fields, { csrf: tokens[i] });
  // Round 1: everyone adds two notes at once.
  const adds = await Promise.all(people.flatMap((_, i) => [0, 1].map((k) => post(i, { intent: "add", column: COLUMNS[(i + k) % 3], text: `Participant ${i}, post-it ${k}` }))));
  expect(adds.map((r) => r.status)).toEqual(adds.map(() => 200));
  await until(() => followers.every((f) => f.notes.size === 2 * N), "every note at every participant");
  // Round 2: everyone moves two notes (often the same ones as others) and votes, at once.
  const ids = [...followers[0].notes.keys()].sort();
  const moves = await Promise.all(
    people.flatMap((_, i) => [
      post(i, { intent: "move", noteId: ids[(i * 7) % ids.length], column: COLUMNS[i % 3], index: String(i % 4) }),
      post(i, { intent: i % 2 ? "up" : "down", noteId: ids[(i * 11 + 3) % ids.length] }),
      post(i, { intent: "vote", noteId: ids[(i * 5) % ids.length] }),
    ]),
  );
  const refused = await Promise.all(moves.filter((r) => r.status !== 200).map(async (r) => `${r.status} ${(await r.text()).slice(0, 300)}`));
  expect(refused).toEqual([]);

  // The saved board, as a newcomer's snapshot and as the CSV export read it.
  const csv = await (await facilitator.get(`${board}/export.csv`)).text();
  const rows = csv.trim().split("\r\n").slice(1);
  expect(rows).toHaveLength(2 * N);
  expect(new Set(rows.map((r) => r.split(";")[2])).size).toBe(2 * N);
  const newcomer = new BoardFollower(facilitator);
  await newcomer.open(`${board}/flux`);
  await until(() => newcomer.snapshot, "the newcomer's snapshot");
  const saved = newcomer.board();
  expect(Object.values(saved).flat().sort()).toEqual(people.flatMap((_, i) => [0, 1].map((k) => `Participant ${i}, post-it ${k}`)).sort());
  const votes = [...newcomer.notes.values()].reduce((n, x) => n + x.votes, 0);
  expect(votes).toBe(N);
  // Every participant's live view converges on it.
  const same = () => followers.every((f) => JSON.stringify(f.board()) === JSON.stringify(saved) && [...f.notes.values()].every((n) => newcomer.notes.get(n.id)?.version === n.version));
  await until(same, "every participant's view to match the saved board");
  for (const f of [...followers, newcomer]) f.close();
  expect(server.logs.join("")).not.toContain('"level":"error"');
}, 180_000);
