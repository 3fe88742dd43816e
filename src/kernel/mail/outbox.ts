import { sql, type Generated, type Selectable } from "kysely";
import { db } from "../runtime";
import type { MigrationSet } from "../db/migrate";
import { keysetPage } from "../db/keyset";
import { isUuid } from "../ids";

/**
 * pending: written, waiting for delivery; sending: claimed by a delivery; sent: accepted by the
 * SMTP server; kept: no SMTP server configured, kept in the local outbox; failed: gave up.
 */
export type MailStatus = "pending" | "sending" | "sent" | "kept" | "failed";
export const mailStatuses: Record<MailStatus, string> = {
  pending: "En attente d’envoi",
  sending: "En cours d’envoi",
  sent: "Envoyé",
  kept: "Conservé localement",
  failed: "Échec de l’envoi",
};

export type MailTables = {
  mail_outbox: {
    id: Generated<string>;
    /** The lab the mail is sent for: its team reads it in the outbox page. */
    lab_id: string | null;
    /** What the mail is about ("minilab_invitation"…), for reading and preferences. */
    kind: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    /** Files sent with the mail (an invitation.ics…), their content in base64. */
    attachments: Generated<MailAttachment[]>;
    status: MailStatus;
    attempts: Generated<number>;
    error: string | null;
    created_at: Generated<Date>;
    sent_at: Date | null;
  };
};
export type OutboxMail = Selectable<MailTables["mail_outbox"]>;

/** A file sent with a mail: its name, its MIME type and its content in base64 (kept small: an invitation, a dossier). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

const q = () => db().withTables<MailTables>();

export const mailMigrations: MigrationSet = {
  "2026-11-27-30-mail-outbox": {
    async up(d) {
      // lab_id is a plain uuid: the kernel does not depend on the labs module's table.
      await sql`CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lab_id uuid,
        kind text NOT NULL,
        "to" text NOT NULL,
        subject text NOT NULL,
        text text NOT NULL,
        html text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sending','sent','kept','failed')),
        attempts integer NOT NULL DEFAULT 0,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`.execute(d);
      await sql`CREATE INDEX mail_outbox_lab_idx ON mail_outbox (lab_id, created_at DESC)`.execute(d);
      await sql`CREATE INDEX mail_outbox_pending_idx ON mail_outbox (created_at) WHERE status IN ('pending','sending')`.execute(d);
    },
  },
  // An agent's mails are found by their address (Mes données, account deletion).
  "2026-12-04-03-mail-outbox-recipient": {
    async up(d) {
      await sql`CREATE INDEX mail_outbox_recipient_idx ON mail_outbox (lower("to"))`.execute(d);
    },
  },
  // Convocations carry an invitation (.ics): files sent with a mail, base64 in a JSON array.
  "2026-12-07-12-mail-outbox-attachments": {
    async up(d) {
      await sql`ALTER TABLE mail_outbox ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(attachments) = 'array')`.execute(d);
    },
  },
};

export interface NewMail {
  labId?: string | null;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
}

export async function insertMails(mails: NewMail[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < mails.length; i += 500) {
    const rows = await q()
      .insertInto("mail_outbox")
      .values(mails.slice(i, i + 500).map((m) => ({ lab_id: m.labId ?? null, kind: m.kind, to: m.to, subject: m.subject, text: m.text, html: m.html, attachments: JSON.stringify(m.attachments ?? []) as unknown as MailAttachment[], status: "pending" as const, error: null, sent_at: null })))
      .returning("id")
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** Claims the pending mails among ids for one delivery (a concurrent delivery gets none of them). */
export async function claimPending(ids: string[]): Promise<OutboxMail[]> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  return q().updateTable("mail_outbox").set({ status: "sending" }).where("id", "in", valid).where("status", "=", "pending").returningAll().execute();
}

export async function markDelivered(id: string, status: "sent" | "kept", at = new Date()): Promise<void> {
  await q()
    .updateTable("mail_outbox")
    .set((eb) => ({ status, sent_at: at, error: null, attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .execute();
}

/** One more failed attempt: back to pending for a retry, or failed for good after maxAttempts. */
export async function markAttemptFailed(id: string, error: string, maxAttempts: number): Promise<"pending" | "failed"> {
  const row = await q()
    .updateTable("mail_outbox")
    .set((eb) => ({
      attempts: eb("attempts", "+", 1),
      error: error.slice(0, 1000),
      status: sql<MailStatus>`CASE WHEN attempts + 1 >= ${maxAttempts} THEN 'failed' ELSE 'pending' END`,
    }))
    .where("id", "=", id)
    .returning("status")
    .executeTakeFirst();
  return row?.status === "failed" ? "failed" : "pending";
}

/** Mails waiting for delivery; those left "sending" by a stopped process are pending again. */
export async function resetAndListPending(limit = 10_000): Promise<string[]> {
  await q().updateTable("mail_outbox").set({ status: "pending" }).where("status", "=", "sending").execute();
  const rows = await q().selectFrom("mail_outbox").select("id").where("status", "=", "pending").orderBy("created_at").limit(limit).execute();
  return rows.map((r) => r.id);
}

export async function getMail(id: string): Promise<OutboxMail | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("mail_outbox").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function getMails(ids: string[]): Promise<OutboxMail[]> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  return q().selectFrom("mail_outbox").selectAll().where("id", "in", valid).orderBy("created_at").execute();
}

/**
 * The lab's mails, newest first, by keyset on (created_at, id): `after` the mail of a cursor
 * (« Page suivante ») or just `before` it (« Page précédente »). Mails written at the same
 * instant keep one place each. A malformed cursor gives the first page.
 */
export async function listLabMails(
  labId: string,
  opts: { limit?: number; after?: string; before?: string } = {},
): Promise<{ mails: OutboxMail[]; total: number; next: string | null; prev: string | null }> {
  if (!isUuid(labId)) return { mails: [], total: 0, next: null, prev: null };
  const [page, count] = await Promise.all([
    keysetPage(q().selectFrom("mail_outbox").selectAll().where("lab_id", "=", labId), {
      timeColumn: "created_at",
      limit: opts.limit ?? 50,
      after: opts.after,
      before: opts.before,
    }),
    q().selectFrom("mail_outbox").select((eb) => eb.fn.countAll<number>().as("n")).where("lab_id", "=", labId).executeTakeFirstOrThrow(),
  ]);
  return { mails: page.rows, total: Number(count.n), next: page.next, prev: page.prev };
}
