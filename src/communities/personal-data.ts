import { db } from "../kernel/runtime";
import { isUuid } from "../kernel/ids";
import { REMOVED_WITH_ACCOUNT_REASON, type PersonalDataSection } from "../kernel/personal-data";
import type { CommunitiesTables } from "./communities";

const q = () => db().withTables<CommunitiesTables>();

/** The agent's community memberships, messages, replies, panel questions and answers. */
export async function personalData(accountId: string): Promise<PersonalDataSection[]> {
  if (!isUuid(accountId)) return [];
  const [memberships, threads, replies, questions, answers] = await Promise.all([
    q().selectFrom("community_members").select(["community_id", "role", "status", "joined_at", "updated_at"]).where("user_id", "=", accountId).orderBy("joined_at").orderBy("community_id").execute(),
    q()
      .selectFrom("community_threads")
      .select(["id", "community_id", "kind", "title", "body", "created_at", "hidden_at", "hidden_reason"])
      .where("author_id", "=", accountId)
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
    q().selectFrom("community_replies").select(["id", "thread_id", "body", "created_at", "hidden_at", "hidden_reason"]).where("author_id", "=", accountId).orderBy("created_at").orderBy("id").execute(),
    q().selectFrom("community_panel_questions").select(["id", "community_id", "question", "closes_at", "created_at"]).where("asked_by", "=", accountId).orderBy("created_at").orderBy("id").execute(),
    q().selectFrom("community_panel_answers").select(["question_id", "body", "created_at", "updated_at"]).where("user_id", "=", accountId).orderBy("created_at").orderBy("question_id").execute(),
  ]);
  return [
    { key: "community_memberships", title: "Vos communautés de métiers", rows: memberships },
    { key: "community_threads", title: "Vos messages dans les communautés", rows: threads },
    { key: "community_replies", title: "Vos réponses dans les communautés", rows: replies },
    { key: "community_panel_questions", title: "Vos questions aux panels", rows: questions },
    { key: "community_panel_answers", title: "Vos réponses aux panels", rows: answers },
  ];
}

/** A deleted account leaves the communities: it no longer appears in their member directories. */
export async function forgetAccount(accountId: string): Promise<void> {
  if (!isUuid(accountId)) return;
  await q().updateTable("community_members").set({ status: "left", updated_at: new Date() }).where("user_id", "=", accountId).where("status", "=", "active").execute();
}

/** In the labs that chose so, a deleting agent's messages and replies in their communities are withdrawn (hidden, reason said). */
export async function removeContributions(accountId: string, labIds: string[]): Promise<void> {
  if (!isUuid(accountId) || !labIds.length) return;
  const now = new Date();
  const communitiesOfLabs = q().selectFrom("communities").select("id").where("lab_id", "in", labIds);
  await q()
    .updateTable("community_threads")
    .set({ hidden_at: now, hidden_reason: REMOVED_WITH_ACCOUNT_REASON, hidden_by: null })
    .where("author_id", "=", accountId)
    .where("hidden_at", "is", null)
    .where("community_id", "in", communitiesOfLabs)
    .execute();
  await q()
    .updateTable("community_replies")
    .set({ hidden_at: now, hidden_reason: REMOVED_WITH_ACCOUNT_REASON, hidden_by: null })
    .where("author_id", "=", accountId)
    .where("hidden_at", "is", null)
    .where("thread_id", "in", q().selectFrom("community_threads").select("id").where("community_id", "in", communitiesOfLabs))
    .execute();
}
