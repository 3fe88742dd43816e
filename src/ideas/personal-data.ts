import { db } from "../kernel/runtime";
import { isUuid } from "../kernel/ids";
import { REMOVED_WITH_ACCOUNT_REASON, type PersonalDataSection } from "../kernel/personal-data";
import type { IdeasTables } from "./ideas";

const q = () => db().withTables<IdeasTables>();

/** The agent's ideas, co-authorships, supports, comments, attached files (without their bytes) and acts on ideas. */
export async function personalData(accountId: string): Promise<PersonalDataSection[]> {
  if (!isUuid(accountId)) return [];
  const [ideas, coauthors, supports, comments, attachments, events] = await Promise.all([
    q()
      .selectFrom("ideas")
      .select(["id", "campaign_id", "title", "problem", "proposal", "beneficiaries", "status", "award_kind", "hidden_at", "hidden_reason", "submitted_at", "created_at", "updated_at"])
      .where("author_id", "=", accountId)
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
    q().selectFrom("idea_coauthors").select(["idea_id", "status", "created_at"]).where("user_id", "=", accountId).orderBy("created_at").orderBy("idea_id").execute(),
    q().selectFrom("idea_supports").select(["idea_id", "created_at"]).where("user_id", "=", accountId).orderBy("created_at").orderBy("idea_id").execute(),
    q()
      .selectFrom("idea_comments")
      .select(["id", "idea_id", "body", "created_at", "hidden_at", "hidden_reason"])
      .where("author_id", "=", accountId)
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
    q().selectFrom("idea_attachments").select(["id", "idea_id", "filename", "mime", "size", "created_at"]).where("uploaded_by", "=", accountId).orderBy("created_at").orderBy("id").execute(),
    q().selectFrom("idea_events").select(["idea_id", "kind", "status", "note", "created_at"]).where("actor_id", "=", accountId).orderBy("created_at").orderBy("seq").execute(),
  ]);
  return [
    { key: "ideas", title: "Vos idées", rows: ideas },
    { key: "idea_coauthors", title: "Vos co-autorats", rows: coauthors },
    { key: "idea_supports", title: "Vos soutiens", rows: supports },
    { key: "idea_comments", title: "Vos commentaires", rows: comments },
    { key: "idea_attachments", title: "Les pièces jointes que vous avez déposées", rows: attachments },
    { key: "idea_events", title: "Vos actes sur des idées (dépôt, modification, modération…)", rows: events },
  ];
}

/**
 * In the labs that chose so, a deleting agent's ideas and comments are withdrawn: hidden as a
 * moderator would hide them (gone from every list, page and count; the lab's decisions keep their
 * trace), with the reason said. Run inside the deletion's transaction.
 */
export async function removeContributions(accountId: string, labIds: string[]): Promise<void> {
  if (!isUuid(accountId) || !labIds.length) return;
  const now = new Date();
  await q()
    .updateTable("ideas")
    .set({ hidden_at: now, hidden_reason: REMOVED_WITH_ACCOUNT_REASON, hidden_by: null })
    .where("author_id", "=", accountId)
    .where("lab_id", "in", labIds)
    .where("hidden_at", "is", null)
    .execute();
  await q()
    .updateTable("idea_comments")
    .set({ hidden_at: now, hidden_reason: REMOVED_WITH_ACCOUNT_REASON, hidden_by: null })
    .where("author_id", "=", accountId)
    .where("hidden_at", "is", null)
    .where("idea_id", "in", (eb) => eb.selectFrom("ideas").select("id").where("lab_id", "in", labIds))
    .execute();
}
