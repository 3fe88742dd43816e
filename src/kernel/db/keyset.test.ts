import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { bootTestRuntime } from "../../../tests/support/runtime";
import { makeUser } from "../../../tests/support/fixtures";
import { db } from "../runtime";
import { notificationsPage, notify } from "../../notifications/notifications";
import { decodeTimeCursor, encodeTimeCursor } from "./keyset";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

describe("keyset paging on (instant, id)", () => {
  it("reads back only well-formed cursors", () => {
    const id = "0b9d3e0c-0f6a-4d51-9a57-3c1f7d2b8e11";
    expect(decodeTimeCursor(encodeTimeCursor([1_700_000_000_123_456, id]))).toEqual([1_700_000_000_123_456, id]);
    for (const bad of [undefined, "", "%%%", "x".repeat(200), Buffer.from("[1,2]").toString("base64url"), Buffer.from(`[-1,"${id}"]`).toString("base64url"), Buffer.from(`[1.5,"${id}"]`).toString("base64url"), Buffer.from('[1,"pas-un-id"]').toString("base64url")])
      expect(decodeTimeCursor(bad)).toBeNull();
  });

  it("walks every row once forward and back, rows written in the same microsecond included", async () => {
    const user = await makeUser();
    const other = await makeUser();
    await notify(Array.from({ length: 23 }, (_, i) => ({ userId: user.id, kind: "moderation" as const, title: `Note ${i}` })));
    await notify([{ userId: other.id, kind: "moderation", title: "Pas à lui" }]);
    // 10 rows share one instant to the microsecond, the others are spread over distinct instants
    await sql`UPDATE notifications SET created_at = timestamptz '2026-12-01 10:00:00.123456+00' WHERE user_id = ${user.id} AND title IN (${sql.join(Array.from({ length: 10 }, (_, i) => `Note ${i}`))})`.execute(db());
    await sql`UPDATE notifications SET created_at = timestamptz '2026-11-01 10:00:00+00' + (substr(title, 6)::int * interval '1 second') WHERE user_id = ${user.id} AND substr(title, 6)::int >= 10`.execute(db());

    const forward: string[][] = [];
    const cursors: (string | null)[] = [];
    let page = await notificationsPage(user.id, { limit: 5 });
    expect(page.prev).toBeNull();
    forward.push(page.rows.map((r) => r.title));
    while (page.next) {
      cursors.push(page.next);
      page = await notificationsPage(user.id, { limit: 5, after: page.next });
      forward.push(page.rows.map((r) => r.title));
    }
    const seen = forward.flat();
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(seen).not.toContain("Pas à lui");
    expect(forward.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
    // newest first: the ten of December, then 22, 21 … 10 of November
    expect(seen.slice(10)).toEqual(Array.from({ length: 13 }, (_, i) => `Note ${22 - i}`));

    // back from the last page, « Page précédente » gives the same pages in reverse
    const backward: string[][] = [forward[forward.length - 1]];
    while (page.prev) {
      page = await notificationsPage(user.id, { limit: 5, before: page.prev });
      backward.unshift(page.rows.map((r) => r.title));
    }
    expect(backward).toEqual(forward);
    // a forged cursor is the first page, never an error
    expect((await notificationsPage(user.id, { limit: 5, after: "%%%" })).rows.map((r) => r.title)).toEqual(forward[0]);
  });
});
