import { sql, type Generated, type Selectable } from "kysely";
import { db } from "../kernel/runtime";
import type { MigrationSet } from "../kernel/db/migrate";
import { isUuid } from "../kernel/ids";

/**
 * A Mini-Lab's sessions (DOMAIN `session`): date, place or video link, agenda, the methods used
 * (by name, from the lab's method sheets kept by the resources module), attendance and notes. Each
 * session has its board (board.ts). The `session_methods` table created below became the resources
 * library's method sheets (migration 2026-12-07-52-resources carries its rows over and drops it).
 */
export type SessionsTables = {
  minilab_sessions: {
    id: Generated<string>;
    minilab_id: string;
    title: string;
    starts_at: Date;
    duration_minutes: number;
    place: string | null;
    video_url: string | null;
    agenda: string;
    methods: string[];
    notes: string;
    /** Dots each participant may put on the board's notes. */
    dots: number;
    board_open: Generated<boolean>;
    created_by: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  session_attendance: {
    session_id: string;
    user_id: string;
    present: boolean;
    recorded_by: string | null;
    recorded_at: Generated<Date>;
  };
};
export type MinilabSession = Selectable<SessionsTables["minilab_sessions"]>;
export type Attendance = Selectable<SessionsTables["session_attendance"]>;

const q = () => db().withTables<SessionsTables>();

export const sessionsMigrations: MigrationSet = {
  "2026-11-27-01-minilab-sessions": {
    async up(d) {
      await sql`CREATE TABLE session_methods (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        label text NOT NULL,
        description text NOT NULL DEFAULT '',
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (lab_id, label)
      )`.execute(d);
      await sql`CREATE TABLE minilab_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        minilab_id uuid NOT NULL REFERENCES minilabs(id) ON DELETE CASCADE,
        title text NOT NULL,
        starts_at timestamptz NOT NULL,
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 15 AND 600),
        place text,
        video_url text,
        agenda text NOT NULL DEFAULT '',
        methods text[] NOT NULL DEFAULT '{}',
        notes text NOT NULL DEFAULT '',
        dots integer NOT NULL DEFAULT 5 CHECK (dots BETWEEN 1 AND 20),
        board_open boolean NOT NULL DEFAULT true,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (place IS NOT NULL OR video_url IS NOT NULL)
      )`.execute(d);
      await sql`CREATE INDEX minilab_sessions_minilab_idx ON minilab_sessions (minilab_id, starts_at)`.execute(d);
      await sql`CREATE TABLE session_attendance (
        session_id uuid NOT NULL REFERENCES minilab_sessions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        present boolean NOT NULL,
        recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, user_id)
      )`.execute(d);
    },
  },
};

/**
 * How many sessions of a lab's Mini-Labs use each method, by name: what the resources library shows
 * as « utilisée dans N séances » (reported to it through src/wiring.ts).
 */
export async function methodUsage(labId: string): Promise<Map<string, number>> {
  if (!isUuid(labId)) return new Map();
  const r = await sql<{ label: string; n: string }>`SELECT m.label, count(*) AS n
    FROM minilab_sessions s JOIN minilabs ml ON ml.id = s.minilab_id, unnest(s.methods) AS m(label)
    WHERE ml.lab_id = ${labId} GROUP BY m.label`.execute(db());
  return new Map(r.rows.map((x) => [x.label, Number(x.n)]));
}

export interface SessionFields {
  title: string;
  startsAt: Date;
  durationMinutes: number;
  place: string | null;
  videoUrl: string | null;
  agenda: string;
  methods: string[];
  dots: number;
}

export async function createSession(minilabId: string, f: SessionFields, createdBy: string | null): Promise<MinilabSession> {
  return q()
    .insertInto("minilab_sessions")
    .values({
      minilab_id: minilabId,
      title: f.title,
      starts_at: f.startsAt,
      duration_minutes: f.durationMinutes,
      place: f.place,
      video_url: f.videoUrl,
      agenda: f.agenda,
      methods: f.methods,
      dots: f.dots,
      notes: "",
      created_by: createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateSession(id: string, f: SessionFields): Promise<void> {
  await q()
    .updateTable("minilab_sessions")
    .set({
      title: f.title,
      starts_at: f.startsAt,
      duration_minutes: f.durationMinutes,
      place: f.place,
      video_url: f.videoUrl,
      agenda: f.agenda,
      methods: f.methods,
      dots: f.dots,
      updated_at: new Date(),
    })
    .where("id", "=", id)
    .execute();
}

export async function setSessionNotes(id: string, notes: string): Promise<void> {
  await q().updateTable("minilab_sessions").set({ notes, updated_at: new Date() }).where("id", "=", id).execute();
}

export async function setBoardOpen(id: string, open: boolean): Promise<void> {
  await q().updateTable("minilab_sessions").set({ board_open: open, updated_at: new Date() }).where("id", "=", id).execute();
}

export async function getSession(id: string): Promise<MinilabSession | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("minilab_sessions").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listSessions(minilabIds: string[]): Promise<MinilabSession[]> {
  const ids = minilabIds.filter(isUuid);
  if (!ids.length) return [];
  return q().selectFrom("minilab_sessions").selectAll().where("minilab_id", "in", ids).orderBy("starts_at").execute();
}

/** Sessions held (started) and scheduled, per Mini-Lab: for the lab's overview. */
export async function sessionCounts(minilabIds: string[], now = new Date()) {
  const list = await listSessions(minilabIds);
  const out = new Map<string, { held: number; scheduled: number }>();
  for (const x of list) {
    const c = out.get(x.minilab_id) ?? { held: 0, scheduled: 0 };
    if (x.starts_at <= now) c.held++;
    else c.scheduled++;
    out.set(x.minilab_id, c);
  }
  return out;
}

/** Records who was there: one row per member listed, present or not. */
export async function recordAttendance(sessionId: string, rows: { userId: string; present: boolean }[], recordedBy: string): Promise<void> {
  if (!rows.length) return;
  const at = new Date();
  await q()
    .insertInto("session_attendance")
    .values(rows.map((r) => ({ session_id: sessionId, user_id: r.userId, present: r.present, recorded_by: recordedBy, recorded_at: at })))
    .onConflict((oc) => oc.columns(["session_id", "user_id"]).doUpdateSet((eb) => ({ present: eb.ref("excluded.present"), recorded_by: recordedBy, recorded_at: at })))
    .execute();
}

export async function attendanceOf(sessionIds: string[]): Promise<Attendance[]> {
  const ids = sessionIds.filter(isUuid);
  if (!ids.length) return [];
  return q().selectFrom("session_attendance").selectAll().where("session_id", "in", ids).execute();
}
