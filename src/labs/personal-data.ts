import { db } from "../kernel/runtime";
import { isUuid } from "../kernel/ids";
import type { PersonalDataSection } from "../kernel/personal-data";
import type { LabsTables } from "./labs";

const q = () => db().withTables<LabsTables>();

/** The roles the agent holds in labs. */
export async function personalData(accountId: string): Promise<PersonalDataSection[]> {
  if (!isUuid(accountId)) return [];
  const rows = await q().selectFrom("memberships").select(["lab_id", "role", "created_at"]).where("user_id", "=", accountId).orderBy("created_at").orderBy("lab_id").orderBy("role").execute();
  return [{ key: "lab_roles", title: "Vos rôles dans les labs", rows }];
}

/** A deleted account holds no role any more. */
export async function forgetAccount(accountId: string): Promise<void> {
  if (!isUuid(accountId)) return;
  await q().deleteFrom("memberships").where("user_id", "=", accountId).execute();
}
