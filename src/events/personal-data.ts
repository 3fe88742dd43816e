import { isUuid } from "../kernel/ids";
import type { PersonalDataSection } from "../kernel/personal-data";
import { eventsCreatedBy } from "./events";

/** The events the agent created for their lab (the event stays the lab's when the account goes: its author is forgotten). */
export async function personalData(accountId: string): Promise<PersonalDataSection[]> {
  if (!isUuid(accountId)) return [];
  const rows = await eventsCreatedBy(accountId);
  return [{ key: "events_created", title: "Les événements que vous avez créés", rows: rows.map((r) => ({ title: r.title, starts_at: r.starts_at, created_at: r.created_at })) }];
}
