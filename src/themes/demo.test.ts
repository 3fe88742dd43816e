/** The Grand Est demo ships its contest's themes analysed, curated and published. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { topicLabels } from "../demo/content";
import { frenchSpaces } from "../kernel/format";
import { listPublishedAnalyses } from "./db/runs";
import { listMemberships, listThemes } from "./db/themes";
import { listCuration } from "./db/journal";
import { publishedThemesFor, themeMap } from "./service";
import { loadPrincipal } from "../labs/labs";
import { listDemoUsers } from "../accounts/accounts";
import { listMembers, listMinilabs, phaseOf } from "../minilabs/minilabs";
import { attendanceOf, listSessions } from "../minilabs/sessions";
import { boardNotes } from "../minilabs/board";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime({}, { demo: true });
}, 180_000);
afterAll(async () => {
  await env?.dispose();
});

describe("demo themes", () => {
  it("publishes the contest's curated themes, named after the problems, all validated", async () => {
    const [analysis] = await listPublishedAnalyses();
    expect(analysis).toBeDefined();
    const list = await listThemes(analysis.id);
    expect(list.length).toBeGreaterThanOrEqual(8);
    const names = new Set(Object.values(topicLabels).map(frenchSpaces));
    for (const t of list) {
      expect(names.has(t.label)).toBe(true);
      expect(t.validated_at).not.toBeNull();
    }
    const memberships = await listMemberships(analysis.id);
    expect(memberships).toHaveLength(240);
    const acts = await listCuration(analysis.id, 500);
    expect(acts.some((e) => e.kind === "rename")).toBe(true);
    expect(acts.some((e) => e.kind === "publish")).toBe(true);
    // an idea of the contest shows its theme, with other ideas of it
    const someIdea = memberships.find((m) => m.theme_id)!.idea_id;
    const shown = (await publishedThemesFor([someIdea])).get(someIdea);
    expect(shown && names.has(shown.label)).toBe(true);
    // and every agent can open the map
    const users = await listDemoUsers();
    const agent = users.find((u) => u.email.endsWith("@grandest.fr") && !u.email.startsWith("helene"))!;
    const map = await themeMap({ userId: agent.id, principal: await loadPrincipal(agent.id) }, analysis.id);
    expect(map.points.length).toBe(240);
  });

  it("opens two Mini-Labs from those themes, with holders invited and some already in", async () => {
    const list = await listMinilabs();
    expect(list.map((m) => m.theme_label)).toEqual(expect.arrayContaining([frenchSpaces("La restauration dans les lycées"), frenchSpaces("Le ménage dans les lycées")]));
    const members = await listMembers(list.map((m) => m.id));
    expect(members.filter((m) => m.status === "active" && m.role === "member").length).toBeGreaterThan(3);
    expect(members.filter((m) => m.status === "invited").length).toBeGreaterThan(3);
    expect(new Set(list.map((m) => phaseOf(m))).size).toBeGreaterThanOrEqual(2);
  });

  it("gives the running Mini-Lab its sessions held, with attendance, notes and boards, and its next one scheduled", async () => {
    const running = (await listMinilabs()).find((m) => phaseOf(m) === "sessions")!;
    const held = (await listSessions([running.id])).filter((x) => x.starts_at < new Date());
    expect(held.length).toBe(3);
    expect(held.every((x) => x.notes.length > 50)).toBe(true);
    const attendance = await attendanceOf(held.map((x) => x.id));
    expect(attendance.filter((a) => a.present).length).toBeGreaterThan(held.length * 3);
    const notes = await boardNotes(held[0].id);
    expect(notes.length).toBeGreaterThan(5);
    expect(notes.reduce((n, x) => n + x.votes, 0)).toBeGreaterThan(3);
    expect((await listSessions([running.id])).some((x) => x.starts_at > new Date())).toBe(true);
    // the finished Mini-Lab kept its 2021 sessions, boards closed
    const done = (await listMinilabs()).find((m) => phaseOf(m) === "done")!;
    const past = await listSessions([done.id]);
    expect(past.map((x) => x.starts_at.getUTCFullYear())).toEqual([2021, 2021, 2021]);
    expect(past.every((x) => !x.board_open)).toBe(true);
    expect((await boardNotes(past[2].id)).filter((n) => n.column === "solutions")).toHaveLength(5);
  });
});
