import { sql, type Generated, type Selectable } from "kysely";
import { db } from "../kernel/runtime";
import { transaction } from "../kernel/db/transaction";
import type { MigrationSet } from "../kernel/db/migrate";
import { isUuid } from "../kernel/ids";
import { keysetPage, type KeysetPage } from "../kernel/db/keyset";

export type CommunityRole = "animator" | "member";
export type CommunityMemberStatus = "active" | "left";
export type ThreadKind = "discussion" | "problem" | "project";
export const threadKinds: Record<ThreadKind, string> = {
  discussion: "Discussion",
  problem: "Problème",
  project: "Projet",
};

export type CommunitiesTables = {
  communities: {
    id: Generated<string>;
    lab_id: string;
    name: string;
    profession: string;
    description: string;
    created_by: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  community_members: {
    community_id: string;
    user_id: string;
    role: CommunityRole;
    status: CommunityMemberStatus;
    joined_at: Date;
    updated_at: Generated<Date>;
  };
  community_threads: {
    id: Generated<string>;
    community_id: string;
    author_id: string;
    kind: ThreadKind;
    title: string;
    body: string;
    reply_count: Generated<number>;
    last_activity_at: Date;
    created_at: Date;
    hidden_at: Date | null;
    hidden_reason: string | null;
    hidden_by: string | null;
    /** Set when the thread was claimed to become an idea (never twice). */
    idea_sent_at: Date | null;
    idea_sent_by: string | null;
    idea_id: string | null;
  };
  community_replies: {
    id: Generated<string>;
    thread_id: string;
    author_id: string;
    body: string;
    created_at: Date;
    hidden_at: Date | null;
    hidden_reason: string | null;
    hidden_by: string | null;
  };
  community_panel_questions: {
    id: Generated<string>;
    community_id: string;
    asked_by: string;
    question: string;
    closes_at: Date | null;
    created_at: Date;
  };
  community_panel_answers: {
    question_id: string;
    user_id: string;
    body: string;
    created_at: Date;
    updated_at: Date;
  };
};

export type Community = Selectable<CommunitiesTables["communities"]>;
export type CommunityMember = Selectable<CommunitiesTables["community_members"]>;
export type Thread = Selectable<CommunitiesTables["community_threads"]>;
export type Reply = Selectable<CommunitiesTables["community_replies"]>;
export type PanelQuestion = Selectable<CommunitiesTables["community_panel_questions"]>;
export type PanelAnswer = Selectable<CommunitiesTables["community_panel_answers"]>;

const q = () => db().withTables<CommunitiesTables>();

export const communitiesMigrations: MigrationSet = {
  "2026-11-27-11-communities": {
    async up(d) {
      await sql`CREATE TABLE communities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        name text NOT NULL,
        profession text NOT NULL,
        description text NOT NULL DEFAULT '',
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE INDEX communities_lab_idx ON communities (lab_id)`.execute(d);
      await sql`CREATE TABLE community_members (
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('animator','member')),
        status text NOT NULL CHECK (status IN ('active','left')),
        joined_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (community_id, user_id)
      )`.execute(d);
      await sql`CREATE INDEX community_members_user_idx ON community_members (user_id)`.execute(d);
      await sql`CREATE TABLE community_threads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('discussion','problem','project')),
        title text NOT NULL,
        body text NOT NULL,
        reply_count integer NOT NULL DEFAULT 0,
        last_activity_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        hidden_at timestamptz,
        hidden_reason text,
        hidden_by uuid REFERENCES users(id) ON DELETE SET NULL,
        idea_sent_at timestamptz,
        idea_sent_by uuid REFERENCES users(id) ON DELETE SET NULL,
        idea_id uuid UNIQUE REFERENCES ideas(id) ON DELETE SET NULL
      )`.execute(d);
      await sql`CREATE INDEX community_threads_community_idx ON community_threads (community_id, last_activity_at DESC)`.execute(d);
      await sql`CREATE TABLE community_replies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES community_threads(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        hidden_at timestamptz,
        hidden_reason text,
        hidden_by uuid REFERENCES users(id) ON DELETE SET NULL
      )`.execute(d);
      await sql`CREATE INDEX community_replies_thread_idx ON community_replies (thread_id, created_at)`.execute(d);
      await sql`CREATE TABLE community_panel_questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        asked_by uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        question text NOT NULL,
        closes_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE INDEX community_panel_questions_idx ON community_panel_questions (community_id, created_at DESC)`.execute(d);
      await sql`CREATE TABLE community_panel_answers (
        question_id uuid NOT NULL REFERENCES community_panel_questions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (question_id, user_id)
      )`.execute(d);
    },
  },
};

// ---------------------------------------------------------------- communities

export interface CommunityFields {
  name: string;
  profession: string;
  description: string;
}

export async function createCommunity(labId: string, f: CommunityFields, createdBy: string | null): Promise<Community> {
  return q()
    .insertInto("communities")
    .values({ lab_id: labId, name: f.name, profession: f.profession, description: f.description, created_by: createdBy })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateCommunity(id: string, f: CommunityFields, at = new Date()): Promise<void> {
  await q().updateTable("communities").set({ name: f.name, profession: f.profession, description: f.description, updated_at: at }).where("id", "=", id).execute();
}

export async function getCommunity(id: string): Promise<Community | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("communities").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listCommunities(labIds?: string[]): Promise<Community[]> {
  let query = q().selectFrom("communities").selectAll().orderBy("name");
  if (labIds) {
    if (!labIds.length) return [];
    query = query.where("lab_id", "in", labIds);
  }
  return query.execute();
}

// ---------------------------------------------------------------- members

export async function listMembers(communityIds: string[], status?: CommunityMemberStatus): Promise<CommunityMember[]> {
  const ids = communityIds.filter(isUuid);
  if (!ids.length) return [];
  let query = q().selectFrom("community_members").selectAll().where("community_id", "in", ids);
  if (status) query = query.where("status", "=", status);
  return query.orderBy("joined_at").execute();
}

export async function getMember(communityId: string, userId: string): Promise<CommunityMember | undefined> {
  if (!isUuid(communityId) || !isUuid(userId)) return undefined;
  return q().selectFrom("community_members").selectAll().where("community_id", "=", communityId).where("user_id", "=", userId).executeTakeFirst();
}

export async function membershipsOf(userId: string): Promise<CommunityMember[]> {
  return q().selectFrom("community_members").selectAll().where("user_id", "=", userId).execute();
}

/** Joins (or comes back); an animator stays an animator. */
export async function setMembership(communityId: string, userId: string, status: CommunityMemberStatus, role?: CommunityRole, at = new Date()): Promise<void> {
  await q()
    .insertInto("community_members")
    .values({ community_id: communityId, user_id: userId, role: role ?? "member", status, joined_at: at })
    .onConflict((oc) =>
      oc.columns(["community_id", "user_id"]).doUpdateSet({
        status,
        ...(role ? { role } : {}),
        joined_at: status === "active" ? sql<Date>`CASE WHEN community_members.status = 'active' THEN community_members.joined_at ELSE ${at}::timestamptz END` : sql<Date>`community_members.joined_at`,
        updated_at: at,
      }),
    )
    .execute();
}

/** Sets the animators: the named ones become active animators, the others become plain members. */
export async function setAnimators(communityId: string, userIds: string[], at = new Date()): Promise<void> {
  await transaction(async () => {
      const trx = db();
      const t = trx.withTables<CommunitiesTables>();
      let demote = t.updateTable("community_members").set({ role: "member", updated_at: at }).where("community_id", "=", communityId).where("role", "=", "animator");
      if (userIds.length) demote = demote.where("user_id", "not in", userIds);
      await demote.execute();
      for (const u of new Set(userIds)) {
        await t
          .insertInto("community_members")
          .values({ community_id: communityId, user_id: u, role: "animator", status: "active", joined_at: at })
          .onConflict((oc) => oc.columns(["community_id", "user_id"]).doUpdateSet({ role: "animator", status: "active", updated_at: at }))
          .execute();
      }
    });
}

// ---------------------------------------------------------------- threads and replies

export async function createThread(input: { communityId: string; authorId: string; kind: ThreadKind; title: string; body: string; at?: Date }): Promise<Thread> {
  const at = input.at ?? new Date();
  return q()
    .insertInto("community_threads")
    .values({
      community_id: input.communityId,
      author_id: input.authorId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      last_activity_at: at,
      created_at: at,
      hidden_at: null,
      hidden_reason: null,
      hidden_by: null,
      idea_sent_at: null,
      idea_sent_by: null,
      idea_id: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getThread(id: string): Promise<Thread | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("community_threads").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listThreads(communityId: string, limit = 200): Promise<Thread[]> {
  return q().selectFrom("community_threads").selectAll().where("community_id", "=", communityId).orderBy("last_activity_at", "desc").orderBy("id", "desc").limit(limit).execute();
}

/** One page of a community's threads, most recently active first, by keyset on (last activity, id). */
export async function threadPage(communityId: string, opts: { limit?: number; after?: string; before?: string } = {}): Promise<KeysetPage<Thread>> {
  return keysetPage(q().selectFrom("community_threads").selectAll().where("community_id", "=", communityId), {
    timeColumn: "last_activity_at",
    limit: opts.limit ?? 30,
    after: opts.after,
    before: opts.before,
  });
}

/** How many threads each community holds. */
export async function threadCounts(communityIds: string[]): Promise<Map<string, number>> {
  const ids = communityIds.filter(isUuid);
  if (!ids.length) return new Map();
  const rows = await q()
    .selectFrom("community_threads")
    .select(["community_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("community_id", "in", ids)
    .groupBy("community_id")
    .execute();
  return new Map(rows.map((r) => [r.community_id, Number(r.n)]));
}

export async function threadForIdea(ideaId: string): Promise<Thread | undefined> {
  if (!isUuid(ideaId)) return undefined;
  return q().selectFrom("community_threads").selectAll().where("idea_id", "=", ideaId).executeTakeFirst();
}

export async function addReply(threadId: string, authorId: string, body: string, at = new Date()): Promise<Reply> {
  return transaction(async () => {
      const trx = db();
      const t = trx.withTables<CommunitiesTables>();
      const r = await t
        .insertInto("community_replies")
        .values({ thread_id: threadId, author_id: authorId, body, created_at: at, hidden_at: null, hidden_reason: null, hidden_by: null })
        .returningAll()
        .executeTakeFirstOrThrow();
      await t
        .updateTable("community_threads")
        .set({ reply_count: sql<number>`reply_count + 1`, last_activity_at: sql<Date>`greatest(last_activity_at, ${at}::timestamptz)` })
        .where("id", "=", threadId)
        .execute();
      return r;
    });
}

export async function listReplies(threadId: string): Promise<Reply[]> {
  return q().selectFrom("community_replies").selectAll().where("thread_id", "=", threadId).orderBy("created_at").orderBy("id").execute();
}

export async function getReply(id: string): Promise<Reply | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("community_replies").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function hideThread(id: string, reason: string, by: string, at = new Date()): Promise<void> {
  await q().updateTable("community_threads").set({ hidden_at: at, hidden_reason: reason, hidden_by: by }).where("id", "=", id).execute();
}

export async function hideReply(id: string, reason: string, by: string, at = new Date()): Promise<void> {
  await q().updateTable("community_replies").set({ hidden_at: at, hidden_reason: reason, hidden_by: by }).where("id", "=", id).execute();
}

/** Claims the thread for sending as an idea: true for the one caller that got it, false when already sent. */
export async function claimForIdea(threadId: string, by: string, at = new Date()): Promise<boolean> {
  const r = await q()
    .updateTable("community_threads")
    .set({ idea_sent_at: at, idea_sent_by: by })
    .where("id", "=", threadId)
    .where("idea_sent_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  return !!r;
}

export async function setThreadIdea(threadId: string, ideaId: string): Promise<void> {
  await q().updateTable("community_threads").set({ idea_id: ideaId }).where("id", "=", threadId).execute();
}

// ---------------------------------------------------------------- panel

export async function createQuestion(input: { communityId: string; askedBy: string; question: string; closesAt: Date | null; at?: Date }): Promise<PanelQuestion> {
  return q()
    .insertInto("community_panel_questions")
    .values({ community_id: input.communityId, asked_by: input.askedBy, question: input.question, closes_at: input.closesAt, created_at: input.at ?? new Date() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getQuestion(id: string): Promise<PanelQuestion | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("community_panel_questions").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listQuestions(communityId: string): Promise<(PanelQuestion & { answers: number })[]> {
  const rows = await q()
    .selectFrom("community_panel_questions as pq")
    .leftJoin("community_panel_answers as pa", "pa.question_id", "pq.id")
    .selectAll("pq")
    .select((eb) => eb.fn.count<number>("pa.user_id").as("answers"))
    .where("pq.community_id", "=", communityId)
    .groupBy("pq.id")
    .orderBy("pq.created_at", "desc")
    .execute();
  return rows.map((r) => ({ ...r, answers: Number(r.answers) }));
}

/** One answer per member: a second one replaces the first. */
export async function saveAnswer(questionId: string, userId: string, body: string, at = new Date()): Promise<void> {
  await q()
    .insertInto("community_panel_answers")
    .values({ question_id: questionId, user_id: userId, body, created_at: at, updated_at: at })
    .onConflict((oc) => oc.columns(["question_id", "user_id"]).doUpdateSet({ body, updated_at: at }))
    .execute();
}

export async function getAnswer(questionId: string, userId: string): Promise<PanelAnswer | undefined> {
  return q().selectFrom("community_panel_answers").selectAll().where("question_id", "=", questionId).where("user_id", "=", userId).executeTakeFirst();
}

export async function listAnswers(questionId: string): Promise<PanelAnswer[]> {
  return q().selectFrom("community_panel_answers").selectAll().where("question_id", "=", questionId).orderBy("created_at").orderBy("user_id").execute();
}

/** Answers in pages of `size`, oldest first (keyset on created_at, user_id): for streaming exports. */
export async function* answerPages(questionId: string, size = 500): AsyncGenerator<PanelAnswer[]> {
  let after: { at: Date; user: string } | null = null;
  for (;;) {
    let query = q().selectFrom("community_panel_answers").selectAll().where("question_id", "=", questionId);
    if (after) {
      const a: { at: Date; user: string } = after;
      query = query.where((eb) => eb.or([eb("created_at", ">", a.at), eb.and([eb("created_at", "=", a.at), eb("user_id", ">", a.user)])]));
    }
    const rows = await query.orderBy("created_at").orderBy("user_id").limit(size).execute();
    if (!rows.length) return;
    yield rows;
    if (rows.length < size) return;
    const last = rows[rows.length - 1];
    after = { at: last.created_at, user: last.user_id };
  }
}
