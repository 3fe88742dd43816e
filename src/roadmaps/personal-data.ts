import { isUuid } from "../kernel/ids";
import type { PersonalDataSection } from "../kernel/personal-data";
import { roadmapsCreatedBy } from "./roadmaps";

/**
 * The roadmaps the agent created. (An item's owner is words the lab team types — a name and a
 * role — tied to no account: it is shown publicly only when its owner agreed.)
 */
export async function personalData(accountId: string): Promise<PersonalDataSection[]> {
  if (!isUuid(accountId)) return [];
  const rows = await roadmapsCreatedBy(accountId);
  return [{ key: "roadmaps_created", title: "Les feuilles de route que vous avez créées", rows: rows.map((r) => ({ title: r.title, created_at: r.created_at })) }];
}
