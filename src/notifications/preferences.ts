/**
 * Email preferences: each user may stop the mails of a kind (the in-app notification still
 * arrives). Stored as opt-outs: everyone receives every kind until they say otherwise.
 */
import { sql } from "kysely";
import { z } from "zod";
import { db } from "../kernel/runtime";
import { transaction } from "../kernel/db/transaction";
import type { MigrationSet } from "../kernel/db/migrate";
import { isUuid } from "../kernel/ids";
import { notificationKinds, type NotificationKind } from "./notifications";

/** The kinds that are also sent by email, as the preferences name them (other modules add theirs when they send mail). */
export const mailableKindLabels: Partial<Record<NotificationKind, string>> = {
  minilab_invitation: "Invitations aux Mini-Labs",
  minilab_membership: "Vos Mini-Labs : animation, réponse à une demande d’adhésion",
  proposal_decision: "Décisions sur les propositions des Mini-Labs (les vôtres et celles qui concernent vos idées)",
  follow_up: "Suivi d’une proposition adoptée qui vous est confié",
  proposal_submitted: "Propositions soumises à votre direction",
  request_status: "Vos demandes au guichet d’un lab : changements de statut",
  request_message: "Vos demandes au guichet d’un lab : messages du lab",
  request_sponsor: "Demandes au guichet dont vous êtes commanditaire",
  request_expert: "Avis d’expert demandés par un lab",
  project_stage: "Vos projets : changement d’étape",
  project_gate: "Vos projets : décisions des comités sur les passages d’étape",
  seat_offered: "Listes d’attente : une place s’est libérée pour vous",
};
export const mailableKinds = Object.keys(mailableKindLabels) as NotificationKind[];

export type PreferencesTables = {
  mail_opt_outs: { user_id: string; kind: string };
};
const q = () => db().withTables<PreferencesTables>();

export const mailPreferencesMigrations: MigrationSet = {
  "2026-11-27-32-mail-opt-outs": {
    async up(d) {
      await sql`CREATE TABLE mail_opt_outs (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        PRIMARY KEY (user_id, kind)
      )`.execute(d);
    },
  },
};

/** Among userIds, those who stopped the mails of this kind. */
export async function optedOut(userIds: string[], kind: string): Promise<Set<string>> {
  const ids = [...new Set(userIds)].filter(isUuid);
  if (!ids.length) return new Set();
  const rows = await q().selectFrom("mail_opt_outs").select("user_id").where("kind", "=", kind).where("user_id", "in", ids).execute();
  return new Set(rows.map((r) => r.user_id));
}

/** Each mailable kind, with its label and whether the user receives it by email. */
export async function mailPreferences(userId: string) {
  const out = await q().selectFrom("mail_opt_outs").select("kind").where("user_id", "=", userId).execute();
  const stopped = new Set(out.map((r) => r.kind));
  return mailableKinds.map((kind) => ({ kind, label: mailableKindLabels[kind] ?? notificationKinds[kind], byMail: !stopped.has(kind) }));
}

/** Keeps the mails of the kinds given, stops the others. */
export async function setMailPreferences(userId: string, keep: string[]): Promise<void> {
  const stop = mailableKinds.filter((k) => !keep.includes(k));
  await transaction(async () => {
      const trx = db();
      const t = trx.withTables<PreferencesTables>();
      await t.deleteFrom("mail_opt_outs").where("user_id", "=", userId).execute();
      if (stop.length) await t.insertInto("mail_opt_outs").values(stop.map((kind) => ({ user_id: userId, kind }))).execute();
    });
}

/** The preferences form: the kinds kept by mail (none checked: no mail at all). */
export const mailPreferencesSchema = z.object({
  intent: z.literal("mailPrefs"),
  byMail: z
    .union([z.string(), z.array(z.string())], { error: "Courriels : choix invalide." })
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.enum(mailableKinds as [NotificationKind, ...NotificationKind[]], { error: "Courriels : choix invalide." })).max(50, "Courriels : choix invalide.")),
});
