import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { bootTestRuntime } from "../support/runtime";
import { seedDemo } from "../../src/demo/seed";
import { db } from "../../src/kernel/runtime";
import * as ideas from "../../src/ideas/ideas";
import { listPublishedCampaigns } from "../../src/campaigns/campaigns";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
  await seedDemo();
});
afterAll(async () => {
  await env?.dispose();
});

/** idea_counts must always equal a GROUP BY over ideas. */
async function expectCountsInSync() {
  const drift = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      SELECT campaign_id, lab_id, organization_id, status, hidden_at IS NOT NULL AS hidden, count(*)::int AS n FROM ideas GROUP BY 1, 2, 3, 4, 5
      EXCEPT SELECT campaign_id, lab_id, organization_id, status, hidden, n FROM idea_counts
      UNION ALL
      (SELECT campaign_id, lab_id, organization_id, status, hidden, n FROM idea_counts
       EXCEPT SELECT campaign_id, lab_id, organization_id, status, hidden_at IS NOT NULL, count(*)::int FROM ideas GROUP BY 1, 2, 3, 4, 5)
    ) d`.execute(db());
  expect(drift.rows[0].n).toBe(0);
}

async function countPublic(where = sql`true`) {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ideas WHERE status <> 'draft' AND hidden_at IS NULL AND ${where}`.execute(db());
  return r.rows[0].n;
}

describe("idea list totals", () => {
  it("match a count of the rows, for every filter", async () => {
    await expectCountsInSync();
    expect((await ideas.listIdeas({})).total).toBe(await countPublic());
    const [campaign] = await listPublishedCampaigns();
    expect((await ideas.listIdeas({ campaignId: campaign.id })).total).toBe(await countPublic(sql`campaign_id = ${campaign.id}`));
    expect((await ideas.listIdeas({ status: "not_awarded" })).total).toBe(await countPublic(sql`status = 'not_awarded'`));
    const search = await ideas.listIdeas({ q: "ménage", pageSize: 5 });
    expect(search.total).toBe(await countPublic(sql`search @@ websearch_to_tsquery('germoir_fr', 'ménage')`));
    expect(search.items).toHaveLength(5);
    // past the last page of a search (its last idea hidden since), the total is still known
    const allButLast = await ideas.listIdeas({ q: "ménage", pageSize: search.total - 1 });
    const last = await ideas.listIdeas({ q: "ménage", pageSize: 5, after: allButLast.next! });
    expect(last.items).toHaveLength(1);
    await ideas.hideIdea(last.items[0].id, "Hors charte", last.items[0].author_id);
    const beyond = await ideas.listIdeas({ q: "ménage", pageSize: 5, after: allButLast.next! });
    expect(beyond.items).toHaveLength(0);
    expect(beyond.next).toBeNull();
    expect(beyond.total).toBe(search.total - 1);
    await ideas.unhideIdea(last.items[0].id, last.items[0].author_id);
  });

  it("stay exact through hiding, status changes and deletions", async () => {
    const { items } = await ideas.listIdeas({ pageSize: 3 });
    const before = (await ideas.listIdeas({})).total;
    const moderator = items[1].author_id;
    await ideas.hideIdea(items[0].id, "Hors charte", moderator);
    expect((await ideas.listIdeas({})).total).toBe(before - 1);
    await ideas.unhideIdea(items[0].id, moderator);
    expect((await ideas.listIdeas({})).total).toBe(before);
    await ideas.startReview([items[0].campaign_id]);
    await ideas.markOthersNotAwarded(items[0].campaign_id, moderator);
    await expectCountsInSync();
    await sql`DELETE FROM ideas WHERE id = ${items[2].id}`.execute(db());
    expect((await ideas.listIdeas({})).total).toBe(before - 1);
    await expectCountsInSync();
  });
});
