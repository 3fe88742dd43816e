import { isUuid } from "../kernel/ids";
import type { PersonalDataSection } from "../kernel/personal-data";
import { resourcesCreatedBy } from "./resources";

/** The sheets the agent created (as a member of a lab team). */
export async function personalData(accountId: string): Promise<PersonalDataSection[]> {
  if (!isUuid(accountId)) return [];
  const rows = await resourcesCreatedBy(accountId);
  return [{ key: "resources_created", title: "Les fiches de ressources que vous avez créées", rows: rows.map((r) => ({ kind: r.kind, title: r.title, created_at: r.created_at })) }];
}
