/** The Grand Est demo ships the three communities of practice, alive. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { labTeam } from "../demo/content";
import { findUserByEmail, getUserProfiles } from "../accounts/accounts";
import { getIdea } from "../ideas/ideas";
import { listNotifications } from "../notifications/notifications";
import * as c from "./communities";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime({}, { demo: true });
}, 240_000);
afterAll(async () => {
  await env?.dispose();
});

describe("demo communities", () => {
  it("has the three communities, members by job, threads with replies, one moderated reply", async () => {
    const list = await c.listCommunities();
    expect(list.map((x) => x.name).sort()).toEqual(["Agents d’entretien des lycées", "Assistantes et assistants des sièges et des Maisons de la Région", "Restauration des lycées"]);
    const jobs: Record<string, RegExp> = { "Agents d’entretien des lycées": /entretien/i, "Restauration des lycées": /cuisin|restauration/i, "Assistantes et assistants des sièges et des Maisons de la Région": /assistant|secr/i };
    for (const community of list) {
      const members = (await c.listMembers([community.id], "active")).filter((m) => m.role === "member");
      expect(members.length, community.name).toBeGreaterThanOrEqual(5);
      const profiles = await getUserProfiles(members.map((m) => m.user_id));
      for (const p of profiles.values()) expect(p.job, community.name).toMatch(jobs[community.name]);
      const threads = await c.listThreads(community.id);
      expect(threads.length).toBeGreaterThanOrEqual(3);
      for (const t of threads) expect(t.reply_count).toBeGreaterThanOrEqual(1);
    }
    const catering = list.find((x) => x.name === "Restauration des lycées")!;
    const replies = (await Promise.all((await c.listThreads(catering.id)).map((t) => c.listReplies(t.id)))).flat();
    expect(replies.filter((r) => r.hidden_at && r.hidden_reason)).toHaveLength(1);
  });

  it("has one problem sent to the lab as a submitted idea by its author, and a panel question of the director of the lycées with answers", async () => {
    const cleaning = (await c.listCommunities()).find((x) => x.name === "Agents d’entretien des lycées")!;
    const sent = (await c.listThreads(cleaning.id)).filter((t) => t.idea_id);
    expect(sent).toHaveLength(1);
    const idea = await getIdea(sent[0].idea_id!);
    expect(idea).toMatchObject({ status: "submitted", author_id: sent[0].author_id, title: sent[0].title });
    const director = await findUserByEmail(labTeam.find((p) => p.key === "director-lycees")!.email);
    const [q] = await c.listQuestions(cleaning.id);
    expect(q.asked_by).toBe(director!.id);
    expect(q.answers).toBeGreaterThanOrEqual(5);
    const someMember = (await c.listMembers([cleaning.id], "active"))[3];
    expect((await listNotifications(someMember.user_id)).some((n) => n.kind === "community_panel")).toBe(true);
  });
});
