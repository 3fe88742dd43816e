import { sql, type Generated, type Selectable, type Transaction } from "kysely";
import { db } from "../kernel/runtime";
import { transaction } from "../kernel/db/transaction";
import type { MigrationSet } from "../kernel/db/migrate";
import { isUuid } from "../kernel/ids";
import { fileTable, type StoredFileMeta } from "../kernel/db/files";
import { frenchSpaces } from "../kernel/format";
import { referenceCache } from "../kernel/cache";
import { searchMigrations } from "./search";

export const ideaStatuses = {
  draft: "Brouillon",
  submitted: "Déposée",
  under_review: "En évaluation",
  awarded: "Primée",
  not_awarded: "Non primée",
  merged: "Fusionnée",
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
    /** Set when the lab team merged this idea into another (status "merged"). */
    merged_into_id: Generated<string | null>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  idea_events: {
    id: Generated<string>;
    seq: Generated<number>;
    idea_id: string;
    kind: "status" | "hidden" | "unhidden" | "edited" | "coauthor" | "merge";
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
    /** the idea's campaign, copied by a trigger (migration 2026-12-07-60): the dashboards count by campaign without a join */
    campaign_id: Generated<string>;
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
    /** the idea's campaign, copied by a trigger (migration 2026-12-07-60) */
    campaign_id: Generated<string>;
  };
  /** Maintained by triggers on ideas (see migration 2026-11-23-01): rows per group, never written by the app. */
  idea_counts: {
    campaign_id: string;
    lab_id: string;
    organization_id: string | null;
    status: IdeaStatus;
    hidden: boolean;
    n: number;
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
export type AttachmentMeta = StoredFileMeta;

type Db = ReturnType<typeof q>;
const q = () => db().withTables<IdeasTables>();
const tx = <T>(fn: (t: Transaction<IdeasTables>) => Promise<T>) =>
  transaction(() => fn(q() as unknown as Transaction<IdeasTables>));

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
  // Counting the public list (95,000 rows at 100,000 ideas) took 7-10 ms of PostgreSQL CPU on
  // every list page. The totals are kept per (campaign, lab, organisation, status, hidden) by
  // statement-level triggers, in the same transaction as the change: exact and always fresh,
  // and a list total becomes a sum over a few hundred rows.
  "2026-11-23-01-ideas-counts": {
    async up(d) {
      await sql`CREATE TABLE idea_counts (
        campaign_id uuid NOT NULL,
        lab_id uuid NOT NULL,
        organization_id uuid,
        status text NOT NULL,
        hidden boolean NOT NULL,
        n integer NOT NULL
      )`.execute(d);
      await sql`CREATE UNIQUE INDEX idea_counts_key ON idea_counts
        (campaign_id, lab_id, COALESCE(organization_id, '00000000-0000-0000-0000-000000000000'::uuid), status, hidden)`.execute(d);
      // One function for the three triggers. PL/pgSQL plans a statement when it first runs it,
      // so each branch may name only the transition tables its event has.
      await sql`CREATE FUNCTION idea_counts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE changed integer := 0;
        BEGIN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO idea_counts AS c (campaign_id, lab_id, organization_id, status, hidden, n)
            SELECT campaign_id, lab_id, organization_id, status, hidden_at IS NOT NULL, count(*)
            FROM new_rows GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
            ON CONFLICT (campaign_id, lab_id, COALESCE(organization_id, '00000000-0000-0000-0000-000000000000'::uuid), status, hidden) DO UPDATE SET n = c.n + EXCLUDED.n;
            RETURN NULL;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO idea_counts AS c (campaign_id, lab_id, organization_id, status, hidden, n)
            SELECT campaign_id, lab_id, organization_id, status, hidden_at IS NOT NULL, -count(*)
            FROM old_rows GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
            ON CONFLICT (campaign_id, lab_id, COALESCE(organization_id, '00000000-0000-0000-0000-000000000000'::uuid), status, hidden) DO UPDATE SET n = c.n + EXCLUDED.n;
          ELSE
            INSERT INTO idea_counts AS c (campaign_id, lab_id, organization_id, status, hidden, n)
            SELECT campaign_id, lab_id, organization_id, status, hidden, sum(delta)
            FROM (
              SELECT campaign_id, lab_id, organization_id, status, hidden_at IS NOT NULL AS hidden, -1 AS delta FROM old_rows
              UNION ALL
              SELECT campaign_id, lab_id, organization_id, status, hidden_at IS NOT NULL, 1 FROM new_rows
            ) x
            GROUP BY 1, 2, 3, 4, 5 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4, 5
            ON CONFLICT (campaign_id, lab_id, COALESCE(organization_id, '00000000-0000-0000-0000-000000000000'::uuid), status, hidden) DO UPDATE SET n = c.n + EXCLUDED.n;
          END IF;
          GET DIAGNOSTICS changed = ROW_COUNT;
          IF changed > 0 THEN
            DELETE FROM idea_counts WHERE n = 0;
          END IF;
          RETURN NULL;
        END $$`.execute(d);
      await sql`CREATE TRIGGER ideas_counts_insert AFTER INSERT ON ideas REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION idea_counts_sync()`.execute(d);
      await sql`CREATE TRIGGER ideas_counts_update AFTER UPDATE ON ideas REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION idea_counts_sync()`.execute(d);
      await sql`CREATE TRIGGER ideas_counts_delete AFTER DELETE ON ideas REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION idea_counts_sync()`.execute(d);
      await sql`INSERT INTO idea_counts (campaign_id, lab_id, organization_id, status, hidden, n)
        SELECT campaign_id, lab_id, organization_id, status, hidden_at IS NOT NULL, count(*) FROM ideas GROUP BY 1, 2, 3, 4, 5`.execute(d);
    },
  },
  // A search reads the tsvector of every match to rank it. Rows of about 2 KB went over the
  // TOAST threshold and the tsvector, their largest column, was moved out of line: one more
  // index lookup and page per match. MAIN keeps it in the row (compressed if need be) and
  // lets the long texts, read only for the page shown, go out of line instead. Rows written
  // before this migration keep their layout until they are next updated.
  "2026-11-23-02-ideas-search-inline": {
    async up(d) {
      await sql`ALTER TABLE ideas ALTER COLUMN search SET STORAGE MAIN`.execute(d);
    },
  },
  // Merging duplicates (lab team): the absorbed idea keeps its page, with status "merged" and a
  // link to the idea that absorbed it. The counts' triggers see the status change like any other.
  "2026-11-24-01-ideas-merged": {
    async up(d) {
      await sql`ALTER TABLE ideas DROP CONSTRAINT IF EXISTS ideas_status_check`.execute(d);
      await sql`ALTER TABLE ideas ADD CONSTRAINT ideas_status_check
        CHECK (status IN ('draft','submitted','under_review','awarded','not_awarded','merged'))`.execute(d);
      await sql`ALTER TABLE ideas ADD COLUMN merged_into_id uuid REFERENCES ideas(id) ON DELETE SET NULL`.execute(d);
      await sql`CREATE INDEX ideas_merged_into_idx ON ideas (merged_into_id) WHERE merged_into_id IS NOT NULL`.execute(d);
    },
  },
  ...searchMigrations,
  // The steering dashboards count a lab's ideas of a period, their authors, organisations and
  // statuses, and the supports and comments given in it, from indexes alone.
  "2026-12-07-32-ideas-stats-indexes": {
    async up(d) {
      await sql`CREATE INDEX ideas_stats_idx ON ideas (campaign_id, submitted_at) INCLUDE (id, author_id, organization_id, status) WHERE status <> 'draft'`.execute(d);
      await sql`CREATE INDEX idea_supports_created_idx ON idea_supports (created_at) INCLUDE (idea_id)`.execute(d);
    },
  },
  // Counting the supports and comments given in a period on a lab's ideas joined them to the ideas
  // (50 ms and three workers on 180,000 supports): each now carries its idea's campaign, set by a
  // trigger whatever the writer (an idea's campaign never changes; a merge moves comments, and the
  // trigger follows), and is counted from an index alone.
  "2026-12-07-60-ideas-given-by-campaign": {
    async up(d) {
      await sql`CREATE FUNCTION ideas_given_campaign() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.campaign_id := (SELECT campaign_id FROM ideas WHERE id = NEW.idea_id);
          RETURN NEW;
        END $$`.execute(d);
      for (const table of ["idea_supports", "idea_comments"]) {
        await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN campaign_id uuid`.execute(d);
        await sql`UPDATE ${sql.table(table)} g SET campaign_id = i.campaign_id FROM ideas i WHERE i.id = g.idea_id`.execute(d);
        await sql`ALTER TABLE ${sql.table(table)} ALTER COLUMN campaign_id SET NOT NULL`.execute(d);
        await sql`CREATE TRIGGER ${sql.id(`${table}_campaign`)} BEFORE INSERT OR UPDATE OF idea_id ON ${sql.table(table)} FOR EACH ROW EXECUTE FUNCTION ideas_given_campaign()`.execute(d);
        await sql`CREATE INDEX ${sql.id(`${table}_campaign_created_idx`)} ON ${sql.table(table)} (campaign_id, created_at)`.execute(d);
      }
      await sql`DROP INDEX idea_supports_created_idx`.execute(d);
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

export { listIdeas, correctSearch, type IdeaSort, type IdeaListQuery, type IdeaListItem, type IdeaListPage } from "./search";

// ---------------------------------------------------------------- similar ideas

export interface SimilarIdea {
  id: string;
  campaign_id: string;
  author_id: string;
  title: string;
  status: IdeaStatus;
  support_count: number;
  score: number;
}

/** At most this many lexemes of the typed text go into the query: the rarest ones. */
export const SIMILAR_MAX_LEXEMES = 8;
/** Lexemes in more than this share of the ideas say nothing about a subject (« lycée », « jour »). */
const SIMILAR_MAX_FREQUENCY = 0.15;
/** ts_rank below this is noise: a word or two in common in the body. */
export const SIMILAR_MIN_SCORE = 0.05;

/**
 * Lexeme frequencies in ideas.search, as PostgreSQL's own statistics keep them (ANALYZE keeps the
 * most common lexemes of a tsvector column with their share of rows). Read once per 10 minutes.
 * Without statistics (a fresh or small database) every lexeme counts as rare.
 */
const lexemeFrequencies = referenceCache(10 * 60_000, async () => {
  const r = await sql<{ lexeme: string | null; freq: number | null }>`
    SELECT x.lexeme, x.freq FROM pg_stats s,
      unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS x(lexeme, freq)
    WHERE s.schemaname = current_schema() AND s.tablename = 'ideas' AND s.attname = 'search'`.execute(db());
  const freq = new Map<string, number>();
  let floor = 0.01;
  for (const row of r.rows) if (row.lexeme !== null && row.freq !== null) freq.set(row.lexeme, Number(row.freq));
  // the elements' frequencies are followed by their minimum: anything not listed is rarer than that
  if (freq.size) floor = Math.min(...freq.values()) / 2;
  return { freq, floor };
});

/** A tsquery matching texts that contain at least `k` of the lexemes (nested, not expanded). */
export function atLeastQuery(lexemes: string[], k: number): string {
  const go = (i: number, need: number): string | null => {
    if (need === 0) return "";
    if (lexemes.length - i < need) return null;
    if (lexemes.length - i === need) return lexemes.slice(i).join(" & ");
    const withFirst = go(i + 1, need - 1);
    const without = go(i + 1, need);
    const first = withFirst === "" ? lexemes[i] : `${lexemes[i]} & (${withFirst})`;
    return without === null ? first : `(${first}) | (${without})`;
  };
  return go(0, Math.max(1, Math.min(k, lexemes.length))) ?? "";
}

/**
 * The lexemes of a typed idea worth searching with: those of the text as the search column
 * indexes it (germoir_fr: unaccented French stems), minus very common ones, the rarest first,
 * title words and repeated words weighing more. Capped so that the query stays fast.
 */
export async function similarityLexemes(text: { title: string; body: string }): Promise<string[]> {
  const r = await sql<{ lexeme: string; weights: string[]; positions: number[] }>`
    SELECT lexeme, weights, positions FROM unnest(
      setweight(to_tsvector('germoir_fr'::regconfig, ${text.title.slice(0, 500)}), 'A') ||
      to_tsvector('germoir_fr'::regconfig, ${text.body.slice(0, 10_000)}))
    -- unaccent passes a few French stop words through (« les » → « le »): drop them
    WHERE ts_lexize('french_stem', lexeme) <> '{}'`.execute(db());
  const { freq, floor } = await lexemeFrequencies.get();
  return r.rows
    .filter((row) => /^[\p{L}\p{N}]{2,40}$/u.test(row.lexeme) && !/^\p{N}+$/u.test(row.lexeme))
    .map((row) => {
      const f = freq.get(row.lexeme) ?? floor;
      const inTitle = (row.weights ?? []).includes("A");
      const tf = row.positions?.length ?? 1;
      return { lexeme: row.lexeme, f, weight: Math.log(1 / f) * (inTitle ? 2 : 1) * (1 + Math.log(tf)) };
    })
    .filter((x) => x.f <= SIMILAR_MAX_FREQUENCY)
    .sort((a, b) => b.weight - a.weight || (a.lexeme < b.lexeme ? -1 : 1))
    .slice(0, SIMILAR_MAX_LEXEMES)
    .map((x) => x.lexeme);
}

/**
 * Published ideas (not drafts, hidden or merged ideas) close to a typed text, any campaign, most
 * similar first. The GIN index on `search` finds the ideas sharing enough of the text's rarer
 * lexemes (two of up to five, three of more), then ts_rank orders them by the share of those
 * lexemes they hold, title words weighing more.
 */
export async function findSimilarIdeas(text: { title: string; body: string }, opts: { excludeId?: string; campaignId?: string; limit?: number; minScore?: number } = {}): Promise<SimilarIdea[]> {
  const lexemes = await similarityLexemes(text);
  if (!lexemes.length) return [];
  const k = lexemes.length <= 2 ? 1 : lexemes.length <= 5 ? 2 : 3;
  const anyOf = lexemes.join(" | ");
  const enough = atLeastQuery(lexemes, k);
  const limit = Math.min(Math.max(opts.limit ?? 5, 1), 20);
  let m = q()
    .selectFrom("ideas")
    .select(["id", sql<number>`ts_rank(search, ${anyOf}::tsquery)`.as("score")])
    .where(sql<boolean>`search @@ ${enough}::tsquery`)
    .where("status", "not in", ["draft", "merged"])
    .where("hidden_at", "is", null);
  if (opts.excludeId && isUuid(opts.excludeId)) m = m.where("id", "<>", opts.excludeId);
  if (opts.campaignId && isUuid(opts.campaignId)) m = m.where("campaign_id", "=", opts.campaignId);
  const rows = await q()
    .with("m", () => m.orderBy("score", "desc").orderBy("id").limit(limit))
    .selectFrom("m")
    .innerJoin("ideas", "ideas.id", "m.id")
    .select(["ideas.id", "ideas.campaign_id", "ideas.author_id", "ideas.title", "ideas.status", "ideas.support_count", "m.score"])
    .where("m.score", ">=", opts.minScore ?? SIMILAR_MIN_SCORE)
    .orderBy("m.score", "desc")
    .orderBy("ideas.support_count", "desc")
    .orderBy("ideas.id")
    .execute();
  return rows.map((r) => ({ ...r, score: Number(r.score) }));
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

/** A campaign's ideas, without drafts and merged ideas unless asked. */
export async function listCampaignIdeas(campaignId: string, opts: { includeDrafts?: boolean; includeMerged?: boolean } = {}): Promise<Idea[]> {
  let query = q().selectFrom("ideas").selectAll().where("campaign_id", "=", campaignId);
  if (!opts.includeDrafts) query = query.where("status", "<>", "draft");
  if (!opts.includeMerged) query = query.where("status", "<>", "merged");
  return query.orderBy("submitted_at").orderBy("id").execute();
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

// ---------------------------------------------------------------- merging duplicates

export class MergeConflict extends Error {}

/**
 * Merges `absorbedId` into `keptId`, in one transaction: the absorbed idea's author and confirmed
 * co-authors become confirmed co-authors of the kept one (its author stays its author), its
 * supports join the kept idea's (one per user; an author of the kept idea cannot support it), its
 * comments move with their authors, and it becomes "merged", pointing to the kept idea. Both
 * histories record the merge and who did it. Throws MergeConflict when either idea cannot be
 * merged any more (a concurrent merge, a draft).
 */
export async function mergeIdeas(keptId: string, absorbedId: string, actor: { id: string; name: string }): Promise<{ kept: Idea; absorbed: Idea }> {
  return tx(async (t) => {
    // both rows locked, in a fixed order so that two crossed merges cannot deadlock
    const locked = await t.selectFrom("ideas").selectAll().where("id", "in", [keptId, absorbedId]).orderBy("id").forUpdate().execute();
    const kept = locked.find((i) => i.id === keptId);
    const absorbed = locked.find((i) => i.id === absorbedId);
    if (!kept || !absorbed || keptId === absorbedId) throw new MergeConflict("Ces idées ne peuvent pas être fusionnées.");
    for (const i of [kept, absorbed]) {
      if (i.status === "merged") throw new MergeConflict(`L’idée « ${i.title} » a déjà été fusionnée.`);
      if (i.status === "draft") throw new MergeConflict(`L’idée « ${i.title} » est un brouillon.`);
    }
    const at = new Date();
    const absorbedCo = await t.selectFrom("idea_coauthors").select("user_id").where("idea_id", "=", absorbedId).where("status", "=", "confirmed").execute();
    const newOwners = [...new Set([absorbed.author_id, ...absorbedCo.map((c) => c.user_id)])].filter((u) => u !== kept.author_id);
    if (newOwners.length)
      await t
        .insertInto("idea_coauthors")
        .values(newOwners.map((user_id) => ({ idea_id: keptId, user_id, status: "confirmed" as const, created_at: at })))
        .onConflict((oc) => oc.columns(["idea_id", "user_id"]).doUpdateSet({ status: "confirmed" }))
        .execute();
    const owners = await t.selectFrom("idea_coauthors").select("user_id").where("idea_id", "=", keptId).where("status", "=", "confirmed").execute();
    const ownerIds = [kept.author_id, ...owners.map((o) => o.user_id)];
    // supports: the union, one per user, without the kept idea's (now larger) set of authors
    await sql`INSERT INTO idea_supports (idea_id, user_id, created_at)
      SELECT ${keptId}, user_id, created_at FROM idea_supports WHERE idea_id = ${absorbedId}
      ON CONFLICT (idea_id, user_id) DO NOTHING`.execute(t);
    await t.deleteFrom("idea_supports").where("idea_id", "=", absorbedId).execute();
    await t.deleteFrom("idea_supports").where("idea_id", "=", keptId).where("user_id", "in", ownerIds).execute();
    await t.updateTable("idea_comments").set({ idea_id: keptId }).where("idea_id", "=", absorbedId).execute();
    const keptAfter = await t
      .updateTable("ideas")
      .set({
        support_count: sql<number>`(SELECT count(*) FROM idea_supports s WHERE s.idea_id = ideas.id)`,
        comment_count: sql<number>`(SELECT count(*) FROM idea_comments c WHERE c.idea_id = ideas.id)`,
        updated_at: at,
      })
      .where("id", "=", keptId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const absorbedAfter = await t
      .updateTable("ideas")
      .set({ status: "merged", merged_into_id: keptId, support_count: 0, comment_count: 0, updated_at: at })
      .where("id", "=", absorbedId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await addEvent(t, { ideaId: absorbedId, kind: "status", status: "merged", note: frenchSpaces(`Fusionnée avec l’idée « ${kept.title} » par ${actor.name}.`), actorId: actor.id, at });
    await addEvent(t, { ideaId: keptId, kind: "merge", note: frenchSpaces(`L’idée « ${absorbed.title} » l’a rejointe (fusion par ${actor.name}).`), actorId: actor.id, at });
    return { kept: keptAfter, absorbed: absorbedAfter };
  });
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

/** The people who hold these ideas: each idea's author and confirmed co-authors. */
export async function holdersOf(ideaIds: string[]): Promise<Map<string, string[]>> {
  const ids = [...new Set(ideaIds)].filter(isUuid);
  const out = new Map<string, string[]>();
  if (!ids.length) return out;
  const [authors, coauthors] = await Promise.all([
    q().selectFrom("ideas").select(["id", "author_id"]).where("id", "in", ids).execute(),
    q().selectFrom("idea_coauthors").select(["idea_id", "user_id"]).where("idea_id", "in", ids).where("status", "=", "confirmed").execute(),
  ]);
  for (const a of authors) out.set(a.id, [a.author_id]);
  for (const c of coauthors) if (!out.get(c.idea_id)?.includes(c.user_id)) out.get(c.idea_id)?.push(c.user_id);
  return out;
}

export async function listCoauthors(ideaId: string): Promise<IdeaCoauthor[]> {
  return q().selectFrom("idea_coauthors").selectAll().where("idea_id", "=", ideaId).orderBy("created_at").orderBy("user_id").execute();
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
  return q().selectFrom("idea_comments").selectAll().where("idea_id", "=", ideaId).orderBy("created_at").orderBy("id").execute();
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

const attachments = fileTable("idea_attachments", "idea_id");

export async function addAttachment(a: { ideaId: string; filename: string; mime: string; content: Buffer; uploadedBy: string }): Promise<AttachmentMeta> {
  return attachments.add(a.ideaId, a);
}
export const listAttachments = (ownerId: string): Promise<AttachmentMeta[]> => attachments.list(ownerId);
export const getAttachment = (ownerId: string, id: string) => attachments.get(ownerId, id);
export const deleteAttachment = (ownerId: string, id: string) => attachments.remove(ownerId, id);
