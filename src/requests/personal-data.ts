import { db } from "../kernel/runtime";
import { isUuid } from "../kernel/ids";
import type { PersonalDataSection } from "../kernel/personal-data";
import type { RequestsTables } from "./db/schema";

const q = () => db().withTables<RequestsTables>();

/** The agent's requests to a lab's desk, their messages, notes and opinions, and the requests they sponsor or advise on. */
export async function personalData(accountId: string): Promise<PersonalDataSection[]> {
  if (!isUuid(accountId)) return [];
  const [requests, sponsored, messages, expert] = await Promise.all([
    q()
      .selectFrom("requests")
      .select(["id", "lab_id", "status", "kind", "title", "context", "affected", "success", "timing", "other_administrations", "sponsor_email", "created_at", "submitted_at", "decided_at"])
      .where("requester_id", "=", accountId)
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
    q().selectFrom("requests").select(["id", "lab_id", "title", "sponsor_confirmed_at"]).where("sponsor_id", "=", accountId).orderBy("created_at").orderBy("id").execute(),
    q().selectFrom("request_messages").select(["id", "request_id", "kind", "body", "created_at"]).where("author_id", "=", accountId).orderBy("created_at").orderBy("id").execute(),
    q().selectFrom("request_experts").select(["request_id", "created_at"]).where("user_id", "=", accountId).orderBy("created_at").orderBy("request_id").execute(),
  ]);
  return [
    { key: "desk_requests", title: "Vos demandes au guichet des labs", rows: requests },
    { key: "desk_sponsored_requests", title: "Les demandes dont vous êtes commanditaire", rows: sponsored },
    { key: "desk_messages", title: "Vos messages, notes et avis sur les demandes", rows: messages },
    { key: "desk_expert_requests", title: "Les demandes sur lesquelles votre avis d’expert a été demandé", rows: expert },
  ];
}

/**
 * A deleted account: their drafts (never sent, nobody else sees them) are deleted; the requests
 * they sent stay with the lab, signed « Agent supprimé » (requests.requester_id and the authors
 * keep their id until the accounts module erases the person: the name shown is then the deleted
 * account's); they are no longer an expert or a sponsor to ask.
 */
export async function forgetAccount(accountId: string): Promise<void> {
  if (!isUuid(accountId)) return;
  await q().deleteFrom("requests").where("requester_id", "=", accountId).where("status", "=", "draft").execute();
  await q().deleteFrom("request_experts").where("user_id", "=", accountId).execute();
  await q().updateTable("requests").set({ sponsor_id: null }).where("sponsor_id", "=", accountId).where("sponsor_confirmed_at", "is", null).execute();
}
