import { db } from "../kernel/runtime";
import { isUuid } from "../kernel/ids";
import type { PersonalDataSection } from "../kernel/personal-data";
import type { NotificationsTables } from "./notifications";
import type { PreferencesTables } from "./preferences";

const notifications = () => db().withTables<NotificationsTables>();
const preferences = () => db().withTables<PreferencesTables>();

/** The agent's notifications and the kinds of mail they stopped. */
export async function personalData(accountId: string): Promise<PersonalDataSection[]> {
  if (!isUuid(accountId)) return [];
  const [list, optOuts] = await Promise.all([
    notifications().selectFrom("notifications").select(["id", "kind", "title", "link", "created_at", "read_at"]).where("user_id", "=", accountId).orderBy("created_at").orderBy("id").execute(),
    preferences().selectFrom("mail_opt_outs").select(["kind"]).where("user_id", "=", accountId).orderBy("kind").execute(),
  ]);
  return [
    { key: "notifications", title: "Vos notifications", rows: list },
    { key: "mail_opt_outs", title: "Les courriels que vous avez choisi de ne plus recevoir", rows: optOuts },
  ];
}

/** A deleted account's notifications and preferences go: they concern no one else. */
export async function forgetAccount(accountId: string): Promise<void> {
  if (!isUuid(accountId)) return;
  await notifications().deleteFrom("notifications").where("user_id", "=", accountId).execute();
  await preferences().deleteFrom("mail_opt_outs").where("user_id", "=", accountId).execute();
}

/** Read notifications older than the retention are deleted (unread ones stay until read). */
export async function purgeReadNotifications(olderThanDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - olderThanDays * 86_400_000);
  const r = await notifications().deleteFrom("notifications").where("read_at", "is not", null).where("read_at", "<", cutoff).executeTakeFirst();
  return Number(r.numDeletedRows);
}
