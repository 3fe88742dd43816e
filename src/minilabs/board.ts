import { sql, type Generated, type Selectable, type Transaction } from "kysely";
import { db } from "../kernel/runtime";
import { transaction } from "../kernel/db/transaction";
import type { MigrationSet } from "../kernel/db/migrate";
import { isUuid } from "../kernel/ids";
import { encodeLive } from "../kernel/live/hub";

/**
 * A session's live board: sticky notes in three columns, moved and voted on with dots. Every
 * change bumps the note's version and is announced on the `germoir_board` channel inside its
 * transaction; a browser keeps, for each note, the highest version it has seen, so the order in
 * which changes reach it does not matter. Deleted notes stay as tombstones for the same reason.
 */
export const BOARD_CHANNEL = "germoir_board";
export const boardColumns = {
  constats: "Constats",
  idees: "Idées",
  solutions: "Solutions",
} as const;
export type BoardColumn = keyof typeof boardColumns;
export const boardColumnKeys = Object.keys(boardColumns) as BoardColumn[];
export const NOTE_MAX = 500;

export type BoardTables = {
  board_notes: {
    id: Generated<string>;
    session_id: string;
    column_key: BoardColumn;
    position: number;
    text: string;
    author_id: string | null;
    author_name: string;
    votes: Generated<number>;
    version: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    deleted_at: Date | null;
  };
  board_votes: {
    note_id: string;
    session_id: string;
    user_id: string;
    created_at: Generated<Date>;
  };
};
export type BoardNoteRow = Selectable<BoardTables["board_notes"]>;

/** A note as browsers see it (also the payload of a change). */
export interface BoardNote {
  id: string;
  column: BoardColumn;
  position: number;
  text: string;
  authorId: string | null;
  authorName: string;
  votes: number;
  version: number;
  deleted: boolean;
  createdAt: string;
}

const q = () => db().withTables<BoardTables>();

export const boardMigrations: MigrationSet = {
  "2026-11-27-02-board": {
    async up(d) {
      await sql`CREATE TABLE board_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES minilab_sessions(id) ON DELETE CASCADE,
        column_key text NOT NULL CHECK (column_key IN ('constats','idees','solutions')),
        position double precision NOT NULL,
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        author_name text NOT NULL,
        votes integer NOT NULL DEFAULT 0 CHECK (votes >= 0),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`.execute(d);
      await sql`CREATE INDEX board_notes_session_idx ON board_notes (session_id, column_key, position)`.execute(d);
      await sql`CREATE TABLE board_votes (
        note_id uuid NOT NULL REFERENCES board_notes(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES minilab_sessions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (note_id, user_id)
      )`.execute(d);
      await sql`CREATE INDEX board_votes_user_idx ON board_votes (session_id, user_id)`.execute(d);
    },
  },
};

export function toBoardNote(r: BoardNoteRow): BoardNote {
  return {
    id: r.id,
    column: r.column_key,
    position: r.position,
    text: r.deleted_at ? "" : r.text,
    authorId: r.author_id,
    authorName: r.author_name,
    votes: r.votes,
    version: r.version,
    deleted: r.deleted_at !== null,
    createdAt: r.created_at.toISOString(),
  };
}

type Trx = Transaction<BoardTables>;

async function announce(trx: Trx, row: BoardNoteRow): Promise<BoardNote> {
  const note = toBoardNote(row);
  await sql`SELECT pg_notify(${BOARD_CHANNEL}, ${encodeLive({ topic: row.session_id, data: JSON.stringify(note) })})`.execute(trx);
  return note;
}

function inTransaction<T>(fn: (trx: Trx) => Promise<T>): Promise<T> {
  return transaction(() => fn(db().withTables<BoardTables>() as unknown as Trx));
}

/** Serialises the changes of one column of one board (positions are computed from neighbours). */
async function lockColumn(trx: Trx, sessionId: string, column: BoardColumn) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`board:${sessionId}:${column}`}))`.execute(trx);
}

async function lastPosition(trx: Trx, sessionId: string, column: BoardColumn): Promise<number> {
  const r = await trx
    .selectFrom("board_notes")
    .select((e) => e.fn.max("position").as("p"))
    .where("session_id", "=", sessionId)
    .where("column_key", "=", column)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return r?.p == null ? 0 : Number(r.p);
}

export async function addNote(sessionId: string, column: BoardColumn, text: string, author: { id: string; name: string }): Promise<BoardNote> {
  return inTransaction(async (trx) => {
    await lockColumn(trx, sessionId, column);
    const position = (await lastPosition(trx, sessionId, column)) + 1;
    const row = await trx
      .insertInto("board_notes")
      .values({ session_id: sessionId, column_key: column, position, text, author_id: author.id, author_name: author.name, deleted_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    return announce(trx, row);
  });
}

export async function getNote(sessionId: string, noteId: string): Promise<BoardNoteRow | undefined> {
  if (!isUuid(noteId)) return undefined;
  return q().selectFrom("board_notes").selectAll().where("id", "=", noteId).where("session_id", "=", sessionId).where("deleted_at", "is", null).executeTakeFirst();
}

export async function editNote(sessionId: string, noteId: string, text: string): Promise<BoardNote | null> {
  return inTransaction(async (trx) => {
    const row = await trx
      .updateTable("board_notes")
      .set((e) => ({ text, version: e("version", "+", 1), updated_at: new Date() }))
      .where("id", "=", noteId)
      .where("session_id", "=", sessionId)
      .where("deleted_at", "is", null)
      .returningAll()
      .executeTakeFirst();
    return row ? announce(trx, row) : null;
  });
}

export async function deleteNote(sessionId: string, noteId: string): Promise<BoardNote | null> {
  return inTransaction(async (trx) => {
    const row = await trx
      .updateTable("board_notes")
      .set((e) => ({ deleted_at: new Date(), version: e("version", "+", 1), updated_at: new Date() }))
      .where("id", "=", noteId)
      .where("session_id", "=", sessionId)
      .where("deleted_at", "is", null)
      .returningAll()
      .executeTakeFirst();
    if (!row) return null;
    await trx.deleteFrom("board_votes").where("note_id", "=", noteId).execute();
    return announce(trx, row);
  });
}

/**
 * Moves a note to a column, at an index among that column's other notes (the end when the index
 * is past it), or one step up or down in its own column.
 */
export async function moveNote(sessionId: string, noteId: string, to: { column: BoardColumn; index?: number } | { step: -1 | 1 }): Promise<BoardNote | null> {
  return inTransaction(async (trx) => {
    // The note's row first (so its column cannot change under us), then its columns in a fixed
    // order: every move takes its locks in the same order, so two moves never wait on each other.
    const current = await trx
      .selectFrom("board_notes")
      .select(["column_key"])
      .where("id", "=", noteId)
      .where("session_id", "=", sessionId)
      .where("deleted_at", "is", null)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return null;
    const column = "column" in to ? to.column : current.column_key;
    for (const c of boardColumnKeys.filter((k) => k === column || k === current.column_key)) await lockColumn(trx, sessionId, c);
    const others = await trx
      .selectFrom("board_notes")
      .select(["id", "position"])
      .where("session_id", "=", sessionId)
      .where("column_key", "=", column)
      .where("deleted_at", "is", null)
      .orderBy("position")
      .orderBy("id")
      .execute();
    let index: number;
    const siblings = others.filter((n) => n.id !== noteId);
    if ("step" in to) {
      const here = others.findIndex((n) => n.id === noteId);
      if (here < 0) return null;
      index = Math.max(0, Math.min(siblings.length, here + to.step));
    } else index = Math.max(0, Math.min(siblings.length, to.index ?? siblings.length));
    const before = siblings[index - 1]?.position;
    const after = siblings[index]?.position;
    const position = before === undefined ? (after === undefined ? 1 : after - 1) : after === undefined ? before + 1 : (before + after) / 2;
    const row = await trx
      .updateTable("board_notes")
      .set((e) => ({ column_key: column, position, version: e("version", "+", 1), updated_at: new Date() }))
      .where("id", "=", noteId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return announce(trx, row);
  });
}

export type VoteOutcome = { note: BoardNote; voted: boolean } | { refused: "no-note" | "no-dots" };

/** Puts the user's dot on the note, or takes it back. A user has `dots` dots per board. */
export async function toggleVote(sessionId: string, noteId: string, userId: string, dots: number): Promise<VoteOutcome> {
  return inTransaction(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`vote:${sessionId}:${userId}`}))`.execute(trx);
    const note = await trx.selectFrom("board_notes").select("id").where("id", "=", noteId).where("session_id", "=", sessionId).where("deleted_at", "is", null).executeTakeFirst();
    if (!note) return { refused: "no-note" as const };
    const removed = await trx.deleteFrom("board_votes").where("note_id", "=", noteId).where("user_id", "=", userId).executeTakeFirst();
    const voted = Number(removed.numDeletedRows) === 0;
    if (voted) {
      const used = await trx.selectFrom("board_votes").select((e) => e.fn.countAll<number>().as("n")).where("session_id", "=", sessionId).where("user_id", "=", userId).executeTakeFirstOrThrow();
      if (Number(used.n) >= dots) return { refused: "no-dots" as const };
      await trx.insertInto("board_votes").values({ note_id: noteId, session_id: sessionId, user_id: userId }).execute();
    }
    const row = await trx
      .updateTable("board_notes")
      .set((e) => ({ votes: e("votes", voted ? "+" : "-", 1), version: e("version", "+", 1) }))
      .where("id", "=", noteId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { note: await announce(trx, row), voted };
  });
}

/** The whole board: live notes in order, and the tombstones of deleted ones. */
export async function boardNotes(sessionId: string): Promise<BoardNote[]> {
  if (!isUuid(sessionId)) return [];
  const rows = await q().selectFrom("board_notes").selectAll().where("session_id", "=", sessionId).orderBy("column_key").orderBy("position").orderBy("id").execute();
  return rows.map(toBoardNote);
}

export async function votesOf(sessionId: string, userId: string): Promise<string[]> {
  const rows = await q().selectFrom("board_votes").select("note_id").where("session_id", "=", sessionId).where("user_id", "=", userId).execute();
  return rows.map((r) => r.note_id);
}

/** Notes counted per session (for the Mini-Lab's page). */
export async function noteCounts(sessionIds: string[]): Promise<Map<string, number>> {
  const ids = sessionIds.filter(isUuid);
  if (!ids.length) return new Map();
  const rows = await q()
    .selectFrom("board_notes")
    .select(["session_id", (e) => e.fn.countAll<number>().as("n")])
    .where("session_id", "in", ids)
    .where("deleted_at", "is", null)
    .groupBy("session_id")
    .execute();
  return new Map(rows.map((r) => [r.session_id, Number(r.n)]));
}
