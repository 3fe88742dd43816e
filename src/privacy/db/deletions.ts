import { db } from "../../kernel/runtime";
import type { PrivacyTables } from "./schema";

const q = () => db().withTables<PrivacyTables>();

export async function logDeletion(pseudonym: string, at: Date): Promise<void> {
  await q().insertInto("account_deletions").values({ pseudonym, deleted_at: at }).execute();
}

export async function deletionsOf(pseudonym: string) {
  return q().selectFrom("account_deletions").select(["id", "pseudonym", "deleted_at"]).where("pseudonym", "=", pseudonym).execute();
}

export async function purgeDeletionLog(olderThanDays: number, now = new Date()): Promise<number> {
  const r = await q()
    .deleteFrom("account_deletions")
    .where("deleted_at", "<", new Date(now.getTime() - olderThanDays * 86_400_000))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
