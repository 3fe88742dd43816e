import { sql, type Generated, type Selectable, type Transaction } from "kysely";
import { db } from "../kernel/runtime";
import type { MigrationSet } from "../kernel/db/migrate";
import { isUuid } from "../kernel/ids";
import { frenchSpaces } from "../kernel/format";

export const ideaStatuses = {
  draft: "Brouillon",
  submitted: "Déposée",
  under_review: "En évaluation",
  awarded: "Primée",
  not_awarded: "Non primée",
} as const;
export type IdeaStatus = keyof typeof ideaStatuses;
export const awardKinds = { prize: "Prix", mention: "Mention" } as const;
export type AwardKind = keyof typeof awardKinds;

export type IdeasTables = {
  ideas: {
    id: Generated<string>;
    campaign_id: string;
    lab_id: string;
    author_id: string;
    organization_id: string | null;
    unit_id: string | null;
    title: string;
    problem: string;
    proposal: string;
    beneficiaries: string;
    status: IdeaStatus;
    award_kind: AwardKind | null;
    award_citation: string | null;
    support_count: Generated<number>;
    comment_count: Generated<number>;
    hidden_at: Date | null;
    hidden_reason: string | null;
    hidden_by: string | null;
    submitted_at: Date | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  idea_events: {
    id: Generated<string>;
    seq: Generated<number>;
    idea_id: string;
    kind: "status" | "hidden" | "unhidden" | "edited" | "coauthor";
    status: IdeaStatus | null;
    note: string | null;
    actor_id: string | null;
    created_at: Generated<Date>;
  };
  idea_coauthors: {
    idea_id: string;
    user_id: string;
    status: "pending" | "confirmed" | "declined";
    created_at: Generated<Date>;
  };
  idea_supports: {
    idea_id: string;
    user_id: string;
    created_at: Generated<Date>;
  };
  idea_comments: {
    id: Generated<string>;
    idea_id: string;
    author_id: string;
    body: string;
    created_at: Generated<Date>;
    hidden_at: Date | null;
    hidden_reason: string | null;
    hidden_by: string | null;
  };
  idea_attachments: {
    id: Generated<string>;
    idea_id: string;
    filename: string;
    mime: string;
    size: number;
    content: Buffer;
    uploaded_by: string;
    created_at: Generated<Date>;
  };
}
export type Idea = Selectable<IdeasTables["ideas"]>;
export type IdeaEvent = Selectable<IdeasTables["idea_events"]>;
export type IdeaComment = Selectable<IdeasTables["idea_comments"]>;
export type IdeaCoauthor = Selectable<IdeasTables["idea_coauthors"]>;
export type AttachmentMeta = Omit<Selectable<IdeasTables["idea_attachments"]>, "content">;

type Db = ReturnType<typeof q>;
const q = () => db().withTables<IdeasTables>();
const tx = <T>(fn: (t: Transaction<IdeasTables>) => Promise<T>) =>
  db().transaction().execute((trx) => fn(trx.withTables<IdeasTables>() as unknown as Transaction<IdeasTables>));

export const ideasMigrations: MigrationSet = {
  "2026-11-22-05-ideas": {
    async up(d) {
      await sql`CREATE TABLE ideas (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users(id),
        organization_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
        unit_id uuid REFERENCES units(id) ON DELETE SET NULL,
        title text NOT NULL,
        problem text NOT NULL DEFAULT '',
        proposal text NOT NULL DEFAULT '',
        beneficiaries text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','under_review','awarded','not_awarded')),
        award_kind text CHECK (award_kind IN ('prize','mention')),
        award_citation text,
        support_count integer NOT NULL DEFAULT 0,
        comment_count integer NOT NULL DEFAULT 0,
        hidden_at timestamptz,
        hidden_reason text,
        hidden_by uuid REFERENCES users(id) ON DELETE SET NULL,
        submitted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('germoir_fr'::regconfig, title), 'A') ||
          setweight(to_tsvector('germoir_fr'::regconfig, problem || ' ' || proposal || ' ' || beneficiaries), 'B')
        ) STORED
      )`.execute(d);
      await sql`CREATE INDEX ideas_search_idx ON ideas USING gin (search)`.execute(d);
      await sql`CREATE INDEX ideas_public_recent_idx ON ideas (submitted_at DESC) WHERE status <> 'draft' AND hidden_at IS NULL`.execute(d);
      await sql`CREATE INDEX ideas_public_support_idx ON ideas (support_count DESC, submitted_at DESC) WHERE status <> 'draft' AND hidden_at IS NULL`.execute(d);
      await sql`CREATE INDEX ideas_campaign_idx ON ideas (campaign_id, status, submitted_at DESC)`.execute(d);
      await sql`CREATE INDEX ideas_org_idx ON ideas (organization_id, submitted_at DESC)`.execute(d);
      await sql`CREATE INDEX ideas_author_idx ON ideas (author_id)`.execute(d);
      await sql`CREATE TABLE idea_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        idea_id uuid NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
        kind text NOT NULL,
        status text,
        note text,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE INDEX idea_events_idx ON idea_events (idea_id, created_at, seq)`.execute(d);
      await sql`CREATE TABLE idea_coauthors (
        idea_id uuid NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','confirmed','declined')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (idea_id, user_id)
      )`.execute(d);
      await sql`CREATE INDEX idea_coauthors_user_idx ON idea_coauthors (user_id)`.execute(d);
      await sql`CREATE TABLE idea_supports (
        idea_id uuid NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (idea_id, user_id)
      )`.execute(d);
      await sql`CREATE TABLE idea_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idea_id uuid NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users(id),
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        hidden_at timestamptz,
        hidden_reason text,
        hidden_by uuid REFERENCES users(id) ON DELETE SET NULL
      )`.execute(d);
      await sql`CREATE INDEX idea_comments_idx ON idea_comments (idea_id, created_at)`.execute(d);
      await sql`CREATE TABLE idea_attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idea_id uuid NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
        filename text NOT NULL,
        mime text NOT NULL,
        size integer NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE INDEX idea_attachments_idx ON idea_attachments (idea_id)`.execute(d);
    },
  },
};

// ---------------------------------------------------------------- writing

export interface IdeaFields {
  title: string;
  problem: string;
  proposal: string;
  beneficiaries: string;
}

export interface NewIdea extends IdeaFields {
  campaignId: string;
  labId: string;
  authorId: string;
  organizationId: string | null;
  unitId: string | null;
  submit: boolean;
  /** Backdating for imports and demo data. */
  at?: Date;
}

async function addEvent(t: Db | Transaction<IdeasTables>, e: { ideaId: string; kind: IdeaEvent["kind"]; status?: IdeaStatus | null; note?: string | null; actorId: string | null; at?: Date }) {
  await t
    .insertInto("idea_events")
    .values({ idea_id: e.ideaId, kind: e.kind, status: e.status ?? null, note: e.note ?? null, actor_id: e.actorId, ...(e.at ? { created_at: e.at } : {}) })
    .execute();
}

export async function createIdea(input: NewIdea): Promise<Idea> {
  return tx(async (t) => {
    const at = input.at ?? new Date();
    const idea = await t
      .insertInto("ideas")
      .values({
        campaign_id: input.campaignId,
        lab_id: input.labId,
        author_id: input.authorId,
        organization_id: input.organizationId,
        unit_id: input.unitId,
        title: input.title,
        problem: input.problem,
        proposal: input.proposal,
        beneficiaries: input.beneficiaries,
        status: input.submit ? "submitted" : "draft",
        award_kind: null,
        award_citation: null,
        hidden_at: null,
        hidden_reason: null,
        hidden_by: null,
        submitted_at: input.submit ? at : null,
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await addEvent(t, { ideaId: idea.id, kind: "status", status: input.submit ? "submitted" : "draft", actorId: input.authorId, at });
    return idea;
  });
}

/** Updates the texts; `submit` turns a draft into a submitted idea. */
export async function updateIdea(id: string, fields: IdeaFields, actorId: string, submit: boolean): Promise<Idea> {
  return tx(async (t) => {
    const current = await t.selectFrom("ideas").selectAll().where("id", "=", id).forUpdate().executeTakeFirstOrThrow();
    const becomesSubmitted = submit && current.status === "draft";
    const updated = await t
      .updateTable("ideas")
      .set({
        ...fields,
        updated_at: new Date(),
        ...(becomesSubmitted ? { status: "submitted" as const, submitted_at: new Date() } : {}),
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (becomesSubmitted) await addEvent(t, { ideaId: id, kind: "status", status: "submitted", actorId });
    else if (current.status !== "draft") await addEvent(t, { ideaId: id, kind: "edited", actorId });
    return updated;
  });
}

export async function getIdea(id: string): Promise<Idea | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("ideas").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function getIdeas(ids: string[]): Promise<Map<string, Idea>> {
  const unique = [...new Set(ids)].filter(isUuid);
  if (!unique.length) return new Map();
  const rows = await q().selectFrom("ideas").selectAll().where("id", "in", unique).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function history(ideaId: string): Promise<IdeaEvent[]> {
  return q().selectFrom("idea_events").selectAll().where("idea_id", "=", ideaId).orderBy("created_at").orderBy("seq").execute();
}

// ---------------------------------------------------------------- listing and search

export type IdeaSort = "recent" | "supported" | "relevance";
export interface IdeaListQuery {
  q?: string;
  campaignId?: string;
  status?: IdeaStatus;
  organizationId?: string;
  sort?: IdeaSort;
  page?: number;
  pageSize?: number;
  /** Lab ids whose hidden ideas the viewer may see (lab team). */
  moderatedLabIds?: string[];
}
export type IdeaListItem = Pick<
  Idea,
  "id" | "campaign_id" | "author_id" | "organization_id" | "title" | "problem" | "status" | "support_count" | "comment_count" | "submitted_at" | "hidden_at" | "award_kind"
>;

export async function listIdeas(query: IdeaListQuery): Promise<{ items: IdeaListItem[]; total: number }> {
  const pageSize = Math.min(Math.max(query.pageSize ?? 20, 1), 100);
  const page = Math.max(query.page ?? 1, 1);
  const terms = query.q?.trim().slice(0, 200);
  const tsq = terms ? sql`websearch_to_tsquery('germoir_fr', ${terms})` : null;

  let base = q().selectFrom("ideas").where("status", "<>", "draft");
  const mod = (query.moderatedLabIds ?? []).filter(isUuid);
  base = mod.length
    ? base.where((eb) => eb.or([eb("hidden_at", "is", null), eb("lab_id", "in", mod)]))
    : base.where("hidden_at", "is", null);
  if (query.campaignId && isUuid(query.campaignId)) base = base.where("campaign_id", "=", query.campaignId);
  if (query.status && query.status !== "draft") base = base.where("status", "=", query.status);
  if (query.organizationId && isUuid(query.organizationId)) base = base.where("organization_id", "=", query.organizationId);
  if (tsq) base = base.where(sql<boolean>`search @@ ${tsq}`);

  let list = base
    .select(["id", "campaign_id", "author_id", "organization_id", "title", "problem", "status", "support_count", "comment_count", "submitted_at", "hidden_at", "award_kind"])
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const sort = query.sort ?? (tsq ? "relevance" : "recent");
  if (sort === "relevance" && tsq) list = list.orderBy(sql`ts_rank(search, ${tsq})`, "desc").orderBy("submitted_at", "desc");
  else if (sort === "supported") list = list.orderBy("support_count", "desc").orderBy("submitted_at", "desc");
  else list = list.orderBy("submitted_at", "desc");

  const [items, count] = await Promise.all([
    list.execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Ideas the user authored or co-authors (confirmed or pending), newest first. */
export async function listIdeasOf(userId: string): Promise<(Idea & { role: "author" | "coauthor" })[]> {
  const own = await q().selectFrom("ideas").selectAll().where("author_id", "=", userId).execute();
  const co = await q()
    .selectFrom("idea_coauthors")
    .select("idea_id")
    .where("user_id", "=", userId)
    .where("status", "=", "confirmed")
    .execute();
  const coIdeas = co.length
    ? await q().selectFrom("ideas").selectAll().where("id", "in", co.map((c) => c.idea_id)).execute()
    : [];
  return [
    ...own.map((i) => ({ ...i, role: "author" as const })),
    ...coIdeas.map((i) => ({ ...i, role: "coauthor" as const })),
  ].sort((a, b) => b.created_at.getTime() - a.created_at.getTime());
}

export async function historiesOf(ideaIds: string[]): Promise<Map<string, IdeaEvent[]>> {
  const out = new Map<string, IdeaEvent[]>();
  const ids = ideaIds.filter(isUuid);
  if (!ids.length) return out;
  const rows = await q().selectFrom("idea_events").selectAll().where("idea_id", "in", ids).orderBy("created_at").orderBy("seq").execute();
  for (const r of rows) {
    if (!out.has(r.idea_id)) out.set(r.idea_id, []);
    out.get(r.idea_id)!.push(r);
  }
  return out;
}

export async function listCampaignIdeas(campaignId: string, opts: { includeDrafts?: boolean } = {}): Promise<Idea[]> {
  let query = q().selectFrom("ideas").selectAll().where("campaign_id", "=", campaignId);
  if (!opts.includeDrafts) query = query.where("status", "<>", "draft");
  return query.orderBy("submitted_at").execute();
}

// ---------------------------------------------------------------- participation

export interface Participation {
  ideas: number;
  drafts: number;
  authors: number;
  byOrganization: { organizationId: string | null; ideas: number; authors: number }[];
  byUnit: { unitId: string | null; organizationId: string | null; ideas: number }[];
}

export async function participation(campaignId: string): Promise<Participation> {
  const totals = await q()
    .selectFrom("ideas")
    .select([
      sql<number>`count(*) FILTER (WHERE status <> 'draft')`.as("ideas"),
      sql<number>`count(*) FILTER (WHERE status = 'draft')`.as("drafts"),
      sql<number>`count(DISTINCT author_id) FILTER (WHERE status <> 'draft')`.as("authors"),
    ])
    .where("campaign_id", "=", campaignId)
    .executeTakeFirstOrThrow();
  const byOrganization = await q()
    .selectFrom("ideas")
    .select(["organization_id", sql<number>`count(*)`.as("ideas"), sql<number>`count(DISTINCT author_id)`.as("authors")])
    .where("campaign_id", "=", campaignId)
    .where("status", "<>", "draft")
    .groupBy("organization_id")
    .orderBy(sql`count(*)`, "desc")
    .execute();
  const byUnit = await q()
    .selectFrom("ideas")
    .select(["unit_id", "organization_id", sql<number>`count(*)`.as("ideas")])
    .where("campaign_id", "=", campaignId)
    .where("status", "<>", "draft")
    .groupBy(["unit_id", "organization_id"])
    .orderBy(sql`count(*)`, "desc")
    .execute();
  return {
    ideas: Number(totals.ideas),
    drafts: Number(totals.drafts),
    authors: Number(totals.authors),
    byOrganization: byOrganization.map((r) => ({ organizationId: r.organization_id, ideas: Number(r.ideas), authors: Number(r.authors) })),
    byUnit: byUnit.map((r) => ({ unitId: r.unit_id, organizationId: r.organization_id, ideas: Number(r.ideas) })),
  };
}

// ---------------------------------------------------------------- status workflow

async function setStatus(ideaIds: string[], status: IdeaStatus, actorId: string | null, note?: string | null, at = new Date()) {
  if (!ideaIds.length) return;
  await tx(async (t) => {
    await t.updateTable("ideas").set({ status, updated_at: at }).where("id", "in", ideaIds).execute();
    await t
      .insertInto("idea_events")
      .values(ideaIds.map((id) => ({ idea_id: id, kind: "status" as const, status, note: note ?? null, actor_id: actorId, created_at: at })))
      .execute();
  });
}

/** Submitted ideas of closed campaigns go to review; returns the ideas moved. */
export async function startReview(campaignIds: string[], at?: Date): Promise<Pick<Idea, "id" | "author_id" | "title">[]> {
  const ids = campaignIds.filter(isUuid);
  if (!ids.length) return [];
  const rows = await q()
    .selectFrom("ideas")
    .select(["id", "author_id", "title"])
    .where("campaign_id", "in", ids)
    .where("status", "=", "submitted")
    .execute();
  await setStatus(rows.map((r) => r.id), "under_review", null, null, at);
  return rows;
}

export async function award(ideaId: string, kind: AwardKind, citation: string, actorId: string, at = new Date()): Promise<void> {
  await tx(async (t) => {
    await t
      .updateTable("ideas")
      .set({ status: "awarded", award_kind: kind, award_citation: citation, updated_at: at })
      .where("id", "=", ideaId)
      .execute();
    await addEvent(t, { ideaId, kind: "status", status: "awarded", note: frenchSpaces(`${awardKinds[kind]} : ${citation}`), actorId, at });
  });
}

/** Every submitted or reviewed idea of the campaign that is not awarded becomes "non primée". */
export async function markOthersNotAwarded(campaignId: string, actorId: string, at?: Date): Promise<Pick<Idea, "id" | "author_id" | "title">[]> {
  const rows = await q()
    .selectFrom("ideas")
    .select(["id", "author_id", "title"])
    .where("campaign_id", "=", campaignId)
    .where("status", "in", ["submitted", "under_review"])
    .execute();
  await setStatus(rows.map((r) => r.id), "not_awarded", actorId, null, at);
  return rows;
}

// ---------------------------------------------------------------- moderation

export async function hideIdea(ideaId: string, reason: string, actorId: string): Promise<void> {
  await tx(async (t) => {
    await t.updateTable("ideas").set({ hidden_at: new Date(), hidden_reason: reason, hidden_by: actorId }).where("id", "=", ideaId).execute();
    await addEvent(t, { ideaId, kind: "hidden", note: reason, actorId });
  });
}

export async function unhideIdea(ideaId: string, actorId: string): Promise<void> {
  await tx(async (t) => {
    await t.updateTable("ideas").set({ hidden_at: null, hidden_reason: null, hidden_by: null }).where("id", "=", ideaId).execute();
    await addEvent(t, { ideaId, kind: "unhidden", actorId });
  });
}

// ---------------------------------------------------------------- co-authors

export async function listCoauthors(ideaId: string): Promise<IdeaCoauthor[]> {
  return q().selectFrom("idea_coauthors").selectAll().where("idea_id", "=", ideaId).orderBy("created_at").execute();
}

export async function inviteCoauthor(ideaId: string, userId: string, actorId: string): Promise<boolean> {
  const r = await q()
    .insertInto("idea_coauthors")
    .values({ idea_id: ideaId, user_id: userId, status: "pending" })
    .onConflict((oc) => oc.columns(["idea_id", "user_id"]).doNothing())
    .executeTakeFirst();
  const added = Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  if (added) await addEvent(q(), { ideaId, kind: "coauthor", note: "invitation", actorId });
  return added;
}

export async function answerCoauthor(ideaId: string, userId: string, accept: boolean): Promise<boolean> {
  const r = await q()
    .updateTable("idea_coauthors")
    .set({ status: accept ? "confirmed" : "declined" })
    .where("idea_id", "=", ideaId)
    .where("user_id", "=", userId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  const changed = Number(r.numUpdatedRows) > 0;
  if (changed) await addEvent(q(), { ideaId, kind: "coauthor", note: accept ? "confirmed" : "declined", actorId: userId });
  return changed;
}

export async function removeCoauthor(ideaId: string, userId: string): Promise<void> {
  await q().deleteFrom("idea_coauthors").where("idea_id", "=", ideaId).where("user_id", "=", userId).execute();
}

// ---------------------------------------------------------------- supports

export async function hasSupported(ideaId: string, userId: string): Promise<boolean> {
  const r = await q().selectFrom("idea_supports").select("user_id").where("idea_id", "=", ideaId).where("user_id", "=", userId).executeTakeFirst();
  return !!r;
}

/** Supports once; `false` withdraws. Returns the new count. */
export async function setSupport(ideaId: string, userId: string, on: boolean): Promise<number> {
  return tx(async (t) => {
    if (on) {
      const r = await t
        .insertInto("idea_supports")
        .values({ idea_id: ideaId, user_id: userId })
        .onConflict((oc) => oc.columns(["idea_id", "user_id"]).doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0) > 0)
        await t.updateTable("ideas").set((eb) => ({ support_count: eb("support_count", "+", 1) })).where("id", "=", ideaId).execute();
    } else {
      const r = await t.deleteFrom("idea_supports").where("idea_id", "=", ideaId).where("user_id", "=", userId).executeTakeFirst();
      if (Number(r.numDeletedRows) > 0)
        await t.updateTable("ideas").set((eb) => ({ support_count: eb("support_count", "-", 1) })).where("id", "=", ideaId).execute();
    }
    const row = await t.selectFrom("ideas").select("support_count").where("id", "=", ideaId).executeTakeFirstOrThrow();
    return row.support_count;
  });
}

/** Bulk import of supports (demo data, migrations from another tool); counts are recomputed. */
export async function importSupports(rows: { ideaId: string; userId: string; at?: Date }[]): Promise<void> {
  if (!rows.length) return;
  await tx(async (t) => {
    for (let i = 0; i < rows.length; i += 1000) {
      await t
        .insertInto("idea_supports")
        .values(rows.slice(i, i + 1000).map((r) => ({ idea_id: r.ideaId, user_id: r.userId, ...(r.at ? { created_at: r.at } : {}) })))
        .onConflict((oc) => oc.columns(["idea_id", "user_id"]).doNothing())
        .execute();
    }
    const ids = [...new Set(rows.map((r) => r.ideaId))];
    await t
      .updateTable("ideas")
      .set({ support_count: sql<number>`(SELECT count(*) FROM idea_supports s WHERE s.idea_id = ideas.id)` })
      .where("id", "in", ids)
      .execute();
  });
}

// ---------------------------------------------------------------- comments

export async function addComment(ideaId: string, authorId: string, body: string, at?: Date): Promise<IdeaComment> {
  return tx(async (t) => {
    const c = await t
      .insertInto("idea_comments")
      .values({ idea_id: ideaId, author_id: authorId, body, hidden_at: null, hidden_reason: null, hidden_by: null, ...(at ? { created_at: at } : {}) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await t.updateTable("ideas").set((eb) => ({ comment_count: eb("comment_count", "+", 1) })).where("id", "=", ideaId).execute();
    return c;
  });
}

export async function listComments(ideaId: string): Promise<IdeaComment[]> {
  return q().selectFrom("idea_comments").selectAll().where("idea_id", "=", ideaId).orderBy("created_at").execute();
}

export async function getComment(id: string): Promise<IdeaComment | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("idea_comments").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function hideComment(commentId: string, reason: string, actorId: string): Promise<void> {
  await q().updateTable("idea_comments").set({ hidden_at: new Date(), hidden_reason: reason, hidden_by: actorId }).where("id", "=", commentId).execute();
}

// ---------------------------------------------------------------- attachments

export const MAX_ATTACHMENTS = 5;

export async function addAttachment(a: { ideaId: string; filename: string; mime: string; content: Buffer; uploadedBy: string }): Promise<AttachmentMeta> {
  return q()
    .insertInto("idea_attachments")
    .values({ idea_id: a.ideaId, filename: a.filename, mime: a.mime, size: a.content.length, content: a.content, uploaded_by: a.uploadedBy })
    .returning(["id", "idea_id", "filename", "mime", "size", "uploaded_by", "created_at"])
    .executeTakeFirstOrThrow();
}

export async function listAttachments(ideaId: string): Promise<AttachmentMeta[]> {
  return q()
    .selectFrom("idea_attachments")
    .select(["id", "idea_id", "filename", "mime", "size", "uploaded_by", "created_at"])
    .where("idea_id", "=", ideaId)
    .orderBy("created_at")
    .execute();
}

export async function getAttachment(ideaId: string, id: string) {
  if (!isUuid(id) || !isUuid(ideaId)) return undefined;
  return q().selectFrom("idea_attachments").selectAll().where("id", "=", id).where("idea_id", "=", ideaId).executeTakeFirst();
}

export async function deleteAttachment(ideaId: string, id: string): Promise<void> {
  if (!isUuid(id)) return;
  await q().deleteFrom("idea_attachments").where("id", "=", id).where("idea_id", "=", ideaId).execute();
}
