import { isUuid } from "../kernel/ids";
import type { PersonalDataSection } from "../kernel/personal-data";
import * as data from "./db/queries";
import { describeSeats } from "./hooks";
import { statusLabels } from "./labels";

/** Every registration of the agent (trainings' sessions, events), active or past, with where it stands. */
export async function personalData(accountId: string): Promise<PersonalDataSection[]> {
  if (!isUuid(accountId)) return [];
  const rows = await data.ofUser(accountId, undefined, false);
  const titles = new Map<string, string>();
  for (const kind of new Set(rows.map((r) => r.owner_kind))) {
    const d = await describeSeats(kind, rows.filter((r) => r.owner_kind === kind).map((r) => r.owner_id));
    for (const [id, s] of d) titles.set(`${kind}:${id}`, s.title);
  }
  return [
    {
      key: "registrations",
      title: "Vos inscriptions (formations, événements) et listes d’attente",
      rows: rows.map((r) => ({ title: titles.get(`${r.owner_kind}:${r.owner_id}`) ?? "", status: statusLabels[r.status], registered_at: r.created_at, updated_at: r.updated_at })),
    },
  ];
}

/**
 * A deleted account gives up its seats and places on waiting lists; the seats it held pass on to
 * the next waiting agents at the scheduler's next round (`expireDue`: this file stays free of the
 * mail machinery, which the account deletion page must not pull into the browser).
 */
export async function forgetAccount(accountId: string, now = new Date()): Promise<void> {
  if (!isUuid(accountId)) return;
  for (const r of await data.activeRegistrationsOfUser(accountId)) {
    await data.setStatus(r.id, "cancelled", now);
    await data.logEvent(r.offer_id, accountId, "cancelled", now);
  }
}
