import { db } from "../kernel/runtime";
import { isUuid } from "../kernel/ids";
import type { PersonalDataSection } from "../kernel/personal-data";
import type { ArbitrationTables } from "./arbitration";

const q = () => db().withTables<ArbitrationTables>();

/** The proposals the agent wrote or submitted, and the decisions they took or follow up. */
export async function personalData(accountId: string): Promise<PersonalDataSection[]> {
  if (!isUuid(accountId)) return [];
  const [proposals, decisions] = await Promise.all([
    q()
      .selectFrom("proposals")
      .select(["id", "minilab_id", "title", "problem", "solution", "impact", "resources", "cost_eur", "directorate", "status", "submitted_at", "created_at", "updated_at"])
      .where((eb) => eb.or([eb("author_id", "=", accountId), eb("submitted_by", "=", accountId)]))
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
    q()
      .selectFrom("decisions")
      .select(["id", "proposal_id", "outcome", "reason", "follow_up_due", "decided_at", "decided_by", "follow_up_owner_id"])
      .where((eb) => eb.or([eb("decided_by", "=", accountId), eb("follow_up_owner_id", "=", accountId)]))
      .orderBy("decided_at")
      .orderBy("id")
      .execute(),
  ]);
  return [
    { key: "proposals", title: "Vos propositions", rows: proposals },
    {
      key: "decisions",
      title: "Les décisions que vous avez prises ou dont vous assurez le suivi",
      rows: decisions.map(({ decided_by, follow_up_owner_id, ...d }) => ({ ...d, decided_by_you: decided_by === accountId, follow_up_by_you: follow_up_owner_id === accountId })),
    },
  ];
}
