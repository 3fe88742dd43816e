import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeUser } from "../../tests/support/fixtures";
import { db } from "../kernel/runtime";
import { createSession, readSession } from "../kernel/auth/sessions";
import { getMail, insertMails, markDelivered } from "../kernel/mail/outbox";
import { listNotifications, notify } from "../notifications/notifications";
import { purgePastRetention } from "./index";
import { deletionsOf, logDeletion } from "./db/deletions";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  // Durations chosen for the test, read from the configuration as in production.
  env = await bootTestRuntime({ RETENTION_MAIL_BODY_DAYS: "30", RETENTION_READ_NOTIFICATION_DAYS: "60", RETENTION_DELETION_LOG_DAYS: "365" });
});
afterAll(async () => {
  await env?.dispose();
});

const DAY = 86_400_000;

describe("the retention purge", () => {
  it("removes what is past its retention, and only that", async () => {
    const now = new Date("2027-03-01T10:00:00Z");
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const user = await makeUser();

    // Sessions: one expired, one still valid at `now`.
    await createSession(user.id);
    await createSession(user.id);
    const sessions = db().withTables<{ sessions: { id: string; user_id: string; expires_at: Date } }>();
    await sessions.updateTable("sessions").set({ expires_at: ago(1) }).where("user_id", "=", user.id).execute();
    await sql`UPDATE sessions SET expires_at = ${new Date(now.getTime() + DAY)} WHERE id = (SELECT id FROM sessions WHERE user_id = ${user.id} ORDER BY created_at DESC, id LIMIT 1)`.execute(db());

    // Mails: sent 31 days ago (body erased), sent 29 days ago (kept), pending 40 days ago (never touched).
    const [old, recent, waiting] = await insertMails(
      ["ancien", "récent", "en attente"].map((t) => ({ kind: "test", to: user.email, subject: `Objet ${t}`, text: `Texte ${t}`, html: `<p>${t}</p>` })),
    );
    await markDelivered(old, "sent", ago(31));
    await markDelivered(recent, "sent", ago(29));
    await sql`UPDATE mail_outbox SET created_at = ${ago(40)} WHERE id = ${waiting}`.execute(db());

    // Notifications: read 61 days ago (deleted), read 59 days ago (kept), unread and 400 days old (kept).
    await notify(["lue il y a longtemps", "lue récemment", "jamais lue"].map((title) => ({ userId: user.id, kind: "idea_status" as const, title })));
    await sql`UPDATE notifications SET read_at = ${ago(61)} WHERE user_id = ${user.id} AND title = 'lue il y a longtemps'`.execute(db());
    await sql`UPDATE notifications SET read_at = ${ago(59)} WHERE user_id = ${user.id} AND title = 'lue récemment'`.execute(db());
    await sql`UPDATE notifications SET created_at = ${ago(400)} WHERE user_id = ${user.id} AND title = 'jamais lue'`.execute(db());

    // Deletion log: 366 days (deleted) and 364 days (kept).
    await logDeletion("pseudonyme-ancien-0000", ago(366));
    await logDeletion("pseudonyme-recent-0000", ago(364));

    const report = await purgePastRetention(now);
    expect(report).toMatchObject({ mailBodies: 1, readNotifications: 1, deletionLog: 1 });
    expect(report.sessions).toBeGreaterThanOrEqual(1);

    const left = await sessions.selectFrom("sessions").select("expires_at").where("user_id", "=", user.id).execute();
    expect(left).toHaveLength(1);
    expect(left[0].expires_at.getTime()).toBeGreaterThan(now.getTime());

    expect(await getMail(old)).toMatchObject({ text: "", html: "", subject: "Objet ancien", status: "sent", to: user.email });
    expect(await getMail(recent)).toMatchObject({ text: "Texte récent" });
    expect(await getMail(waiting)).toMatchObject({ text: "Texte en attente", status: "pending" });

    expect((await listNotifications(user.id)).map((n) => n.title).sort()).toEqual(["jamais lue", "lue récemment"]);
    expect(await deletionsOf("pseudonyme-ancien-0000")).toHaveLength(0);
    expect(await deletionsOf("pseudonyme-recent-0000")).toHaveLength(1);

    // Run again: nothing more to remove.
    expect(await purgePastRetention(now)).toEqual({ sessions: 0, mailBodies: 0, readNotifications: 0, deletionLog: 0 });
  });

  it("keeps a session until it expires", async () => {
    const user = await makeUser();
    const s = await createSession(user.id);
    await purgePastRetention(new Date());
    expect(await readSession(s.token)).not.toBeNull();
  });
});
