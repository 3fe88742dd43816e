import { isUuid } from "../kernel/ids";
import type { PersonalDataSection } from "../kernel/personal-data";
import * as data from "./db/queries";
import { describeSeats } from "./hooks";
import { cancel } from "./service";
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

/** A deleted account gives up its seats and places on waiting lists (the seats pass on); the log keeps no name. */
export async function forgetAccount(accountId: string): Promise<void> {
  if (!isUuid(accountId)) return;
  for (const r of await data.ofUser(accountId)) await cancel(r.owner_kind, r.owner_id, accountId);
}
