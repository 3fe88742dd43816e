import { isUuid } from "../kernel/ids";
import type { PersonalDataSection } from "../kernel/personal-data";
import { deleteFeedToken, eventsCreatedBy, feedTokenOf } from "./events";

/** The events the agent created for their lab (the event stays the lab's when the account goes: its author is forgotten). */
export async function personalData(accountId: string): Promise<PersonalDataSection[]> {
  if (!isUuid(accountId)) return [];
  const rows = await eventsCreatedBy(accountId);
  const feed = await feedTokenOf(accountId);
  return [
    { key: "events_created", title: "Les événements que vous avez créés", rows: rows.map((r) => ({ title: r.title, starts_at: r.starts_at, created_at: r.created_at })) },
    { key: "events_private_feed", title: "Votre calendrier privé «\u00a0mes inscriptions\u00a0» (son adresse secrète n’est gardée que chiffrée)", rows: feed ? [{ created_at: feed.created_at }] : [] },
  ];
}

/** A deleted account's private feed address stops working; the events it created stay the lab's (their author is erased with the account). */
export async function forgetAccount(accountId: string): Promise<void> {
  if (isUuid(accountId)) await deleteFeedToken(accountId);
}
