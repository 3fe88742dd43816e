import { db } from "../kernel/runtime";
import { isUuid } from "../kernel/ids";
import type { PersonalDataSection } from "../kernel/personal-data";
import type { ThemesTables } from "./db/schema";

const q = () => db().withTables<ThemesTables>();

/** The theme analyses the agent created and their acts of curation (renames, moves, merges…). */
export async function personalData(accountId: string): Promise<PersonalDataSection[]> {
  if (!isUuid(accountId)) return [];
  const [analyses, events] = await Promise.all([
    q().selectFrom("theme_analyses").select(["id", "title", "created_at", "published_at"]).where("created_by", "=", accountId).orderBy("created_at").orderBy("id").execute(),
    q().selectFrom("theme_curation_events").select(["analysis_id", "kind", "detail", "created_at"]).where("actor_id", "=", accountId).orderBy("created_at").orderBy("id").execute(),
  ]);
  return [
    { key: "theme_analyses", title: "Les analyses de problématiques que vous avez créées", rows: analyses },
    { key: "theme_curation_events", title: "Vos actes de curation des problématiques", rows: events.map((e) => ({ ...e, detail: JSON.stringify(e.detail) })) },
  ];
}
