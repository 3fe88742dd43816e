import { db } from "../runtime";
import { isUuid } from "../ids";
import type { PersonalDataSection } from "../personal-data";
import type { SessionTables } from "./sessions";

const q = () => db().withTables<SessionTables>();

/** The agent's open sessions (their dates; the token itself is never stored, only its hash). */
export async function personalData(accountId: string): Promise<PersonalDataSection[]> {
  if (!isUuid(accountId)) return [];
  const rows = await q().selectFrom("sessions").select(["created_at", "expires_at"]).where("user_id", "=", accountId).orderBy("created_at").execute();
  return [{ key: "sessions", title: "Vos sessions ouvertes", rows }];
}

/** Ends every session of the account: its cookies no longer open anything. */
export async function endSessionsOf(accountId: string): Promise<number> {
  if (!isUuid(accountId)) return 0;
  const r = await q().deleteFrom("sessions").where("user_id", "=", accountId).executeTakeFirst();
  return Number(r.numDeletedRows);
}
