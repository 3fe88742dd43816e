import { db } from "../kernel/runtime";
import { isUuid } from "../kernel/ids";
import type { PersonalDataSection } from "../kernel/personal-data";
import type { CampaignsTables } from "./campaigns";

const q = () => db().withTables<CampaignsTables>();

/** The campaigns the agent created. */
export async function personalData(accountId: string): Promise<PersonalDataSection[]> {
  if (!isUuid(accountId)) return [];
  const rows = await q().selectFrom("campaigns").select(["id", "lab_id", "title", "state", "created_at", "published_at"]).where("created_by", "=", accountId).orderBy("created_at").orderBy("id").execute();
  return [{ key: "campaigns_created", title: "Les campagnes que vous avez créées", rows }];
}
