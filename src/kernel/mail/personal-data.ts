import { sql } from "kysely";
import { db } from "../runtime";
import type { PersonalDataSection } from "../personal-data";
import type { MailTables } from "./outbox";

const q = () => db().withTables<MailTables>();
const DAY = 86_400_000;

/** Mails sent (or waiting) to this address, bodies included while they are kept. */
export async function personalData(email: string | null): Promise<PersonalDataSection[]> {
  if (!email) return [];
  const rows = await q()
    .selectFrom("mail_outbox")
    .select(["id", "kind", "subject", "text", "status", "created_at", "sent_at"])
    .where(sql<string>`lower("to")`, "=", email.toLowerCase())
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return [{ key: "mails", title: "Les courriels qui vous ont été envoyés", rows }];
}

/**
 * For a deleted account: mails still waiting are cancelled (marked failed, never claimed by a
 * delivery), and every mail to the address loses its address and its body; the rows stay, as the
 * lab's record of what was sent.
 */
export async function forgetRecipient(email: string | null): Promise<{ cancelled: number }> {
  if (!email) return { cancelled: 0 };
  const to = sql<string>`lower("to")`;
  const cancelled = await q()
    .updateTable("mail_outbox")
    .set({ status: "failed", error: "Annulé : compte supprimé" })
    .where(to, "=", email.toLowerCase())
    .where("status", "in", ["pending", "sending"])
    .executeTakeFirst();
  await q().updateTable("mail_outbox").set({ to: "destinataire supprimé", text: "", html: "", attachments: sql<never>`'[]'::jsonb` }).where(to, "=", email.toLowerCase()).execute();
  return { cancelled: Number(cancelled.numUpdatedRows) };
}

/** The bodies of mails delivered (or given up) more than `olderThanDays` ago are erased; the rows' metadata stay. */
export async function purgeMailBodies(olderThanDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - olderThanDays * DAY);
  const r = await q()
    .updateTable("mail_outbox")
    .set({ text: "", html: "", attachments: sql<never>`'[]'::jsonb` })
    .where("status", "in", ["sent", "kept", "failed"])
    .where(sql<Date>`coalesce(sent_at, created_at)`, "<", cutoff)
    .where((eb) => eb.or([eb("text", "<>", ""), eb("html", "<>", ""), eb(sql`jsonb_array_length(attachments)`, ">", 0)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
