import { db } from "../kernel/runtime";
import { isUuid } from "../kernel/ids";
import { DELETED_ACCOUNT_LABEL, type PersonalDataSection } from "../kernel/personal-data";
import type { MinilabsTables } from "./minilabs";
import type { SessionsTables } from "./sessions";
import type { BoardTables } from "./board";

const members = () => db().withTables<MinilabsTables>();
const sessions = () => db().withTables<SessionsTables>();
const board = () => db().withTables<BoardTables>();

/** The agent's Mini-Lab memberships, attendance, board notes and dots. */
export async function personalData(accountId: string): Promise<PersonalDataSection[]> {
  if (!isUuid(accountId)) return [];
  const [memberships, attendance, notes, votes] = await Promise.all([
    members()
      .selectFrom("minilab_members")
      .select(["minilab_id", "role", "status", "source", "invited_at", "joined_at", "updated_at"])
      .where("user_id", "=", accountId)
      .orderBy("updated_at")
      .orderBy("minilab_id")
      .execute(),
    sessions().selectFrom("session_attendance").select(["session_id", "present", "recorded_at"]).where("user_id", "=", accountId).orderBy("recorded_at").orderBy("session_id").execute(),
    board()
      .selectFrom("board_notes")
      .select(["id", "session_id", "column_key", "text", "author_name", "created_at", "updated_at", "deleted_at"])
      .where("author_id", "=", accountId)
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
    board().selectFrom("board_votes").select(["note_id", "session_id", "created_at"]).where("user_id", "=", accountId).orderBy("created_at").orderBy("note_id").execute(),
  ]);
  return [
    { key: "minilab_memberships", title: "Vos Mini-Labs", rows: memberships },
    { key: "session_attendance", title: "Votre présence aux séances", rows: attendance },
    { key: "board_notes", title: "Vos post-it sur les tableaux", rows: notes },
    { key: "board_votes", title: "Vos gommettes", rows: votes },
  ];
}

/** Board notes carry their author's name as written: it becomes « Agent supprimé ». */
export async function forgetAccount(accountId: string): Promise<void> {
  if (!isUuid(accountId)) return;
  await board().updateTable("board_notes").set({ author_name: DELETED_ACCOUNT_LABEL }).where("author_id", "=", accountId).execute();
}

/** In the labs that chose so, a deleting agent's board notes in their Mini-Labs' sessions are deleted (as a participant deletes a note). */
export async function removeContributions(accountId: string, labIds: string[]): Promise<void> {
  if (!isUuid(accountId) || !labIds.length) return;
  const sessionsOfLabs = sessions()
    .selectFrom("minilab_sessions")
    .select("id")
    .where("minilab_id", "in", members().selectFrom("minilabs").select("id").where("lab_id", "in", labIds));
  await board().updateTable("board_notes").set({ deleted_at: new Date() }).where("author_id", "=", accountId).where("deleted_at", "is", null).where("session_id", "in", sessionsOfLabs).execute();
}
