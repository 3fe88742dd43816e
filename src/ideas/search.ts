import { sql, type RawBuilder } from "kysely";
import { db } from "../kernel/runtime";
import type { MigrationSet } from "../kernel/db/migrate";
import { isUuid } from "../kernel/ids";
import type { Idea, IdeasTables, IdeaStatus } from "./ideas";

/** The search vocabulary: every word of the published ideas, kept by triggers on ideas. */
export type SearchTables = IdeasTables & {
  idea_words: {
    /** The word without accents: the key, and what trigrams compare. */
    plain: string;
    /** The word as written (lower case), shown in « Vouliez-vous dire… ». */
    word: string;
    /** Published ideas holding the word. */
    n: number;
  };
};

const q = () => db().withTables<SearchTables>();

// An idea is public when it is neither a draft nor merged, and not hidden.
const PUBLIC = sql.raw(`status <> 'draft' AND status <> 'merged' AND hidden_at IS NULL`);

export const searchMigrations: MigrationSet = {
  // Keyset paging: every order ends with the primary key, so that ideas submitted at the same
  // instant (a burst, an import) or with as many supports keep one place in the list, and a page
  // starts after the last idea of the one before instead of skipping OFFSET rows. The indexes
  // hold the whole order, so a page reads its 21 rows whatever its depth.
  "2026-12-04-40-ideas-keyset": {
    async up(d) {
      await sql`CREATE INDEX ideas_public_recent_key_idx ON ideas (submitted_at, id) WHERE ${PUBLIC}`.execute(d);
      await sql`CREATE INDEX ideas_public_support_key_idx ON ideas (support_count, submitted_at, id) WHERE ${PUBLIC}`.execute(d);
      await sql`DROP INDEX IF EXISTS ideas_public_recent_idx`.execute(d);
      await sql`DROP INDEX IF EXISTS ideas_public_support_idx`.execute(d);
    },
  },
  // The words of the published ideas, for « Vouliez-vous dire… » and for searching again with
  // corrected words. Kept by statement triggers in the transaction that changes an idea (only
  // when its texts or its being public change, not on every support), in the order of the key
  // so that concurrent submissions cannot deadlock; a GIN trigram index finds the close words.
  "2026-12-04-41-ideas-words": {
    async up(d) {
      await sql`CREATE TABLE idea_words (
        plain text PRIMARY KEY,
        word text NOT NULL,
        n integer NOT NULL
      )`.execute(d);
      await sql`CREATE INDEX idea_words_trgm_idx ON idea_words USING gin (plain gin_trgm_ops)`.execute(d);
      // The 'simple' parser splits words as the search does (an apostrophe ends a word), and
      // keeps accented letters; the typographic apostrophe is made plain first.
      await sql`CREATE FUNCTION idea_words_of(t text) RETURNS TABLE (word text) LANGUAGE sql STABLE AS $$
        SELECT DISTINCT lexeme FROM unnest(to_tsvector('simple', translate(t, '’‘', '''''')))
        WHERE char_length(lexeme) BETWEEN 3 AND 30 AND lexeme !~ '[0-9[:punct:][:space:]]'
      $$`.execute(d);
      await sql`CREATE FUNCTION idea_words_sync() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO idea_words AS w (plain, word, n)
            SELECT unaccent(x.word), min(x.word), count(DISTINCT r.id)
            FROM new_rows r, idea_words_of(r.title || ' ' || r.problem || ' ' || r.proposal || ' ' || r.beneficiaries) x
            WHERE r.status <> 'draft' AND r.status <> 'merged' AND r.hidden_at IS NULL
            GROUP BY 1 ORDER BY 1
            ON CONFLICT (plain) DO UPDATE SET n = w.n + EXCLUDED.n;
          ELSIF TG_OP = 'DELETE' THEN
            UPDATE idea_words w SET n = w.n - d.n FROM (
              SELECT unaccent(x.word) AS plain, count(DISTINCT r.id) AS n
              FROM old_rows r, idea_words_of(r.title || ' ' || r.problem || ' ' || r.proposal || ' ' || r.beneficiaries) x
              WHERE r.status <> 'draft' AND r.status <> 'merged' AND r.hidden_at IS NULL
              GROUP BY 1 ORDER BY 1
            ) d WHERE w.plain = d.plain;
            DELETE FROM idea_words WHERE n <= 0;
          ELSE
            INSERT INTO idea_words AS w (plain, word, n)
            SELECT plain, min(word), sum(delta) FROM (
              SELECT unaccent(x.word) AS plain, min(x.word) AS word, c.id, c.delta
              FROM (
                SELECT o.id, -1 AS delta, o.title || ' ' || o.problem || ' ' || o.proposal || ' ' || o.beneficiaries AS t
                FROM old_rows o JOIN new_rows n ON n.id = o.id
                WHERE o.status <> 'draft' AND o.status <> 'merged' AND o.hidden_at IS NULL
                  AND ((n.title, n.problem, n.proposal, n.beneficiaries) IS DISTINCT FROM (o.title, o.problem, o.proposal, o.beneficiaries)
                     OR NOT (n.status <> 'draft' AND n.status <> 'merged' AND n.hidden_at IS NULL))
                UNION ALL
                SELECT n.id, 1, n.title || ' ' || n.problem || ' ' || n.proposal || ' ' || n.beneficiaries
                FROM new_rows n JOIN old_rows o ON n.id = o.id
                WHERE n.status <> 'draft' AND n.status <> 'merged' AND n.hidden_at IS NULL
                  AND ((n.title, n.problem, n.proposal, n.beneficiaries) IS DISTINCT FROM (o.title, o.problem, o.proposal, o.beneficiaries)
                     OR NOT (o.status <> 'draft' AND o.status <> 'merged' AND o.hidden_at IS NULL))
              ) c, idea_words_of(c.t) x
              GROUP BY 1, 3, 4
            ) per_idea
            GROUP BY plain HAVING sum(delta) <> 0 ORDER BY plain
            ON CONFLICT (plain) DO UPDATE SET n = w.n + EXCLUDED.n;
            DELETE FROM idea_words WHERE n <= 0;
          END IF;
          RETURN NULL;
        END $$`.execute(d);
      await sql`CREATE TRIGGER ideas_words_insert AFTER INSERT ON ideas REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION idea_words_sync()`.execute(d);
      await sql`CREATE TRIGGER ideas_words_update AFTER UPDATE ON ideas REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION idea_words_sync()`.execute(d);
      await sql`CREATE TRIGGER ideas_words_delete AFTER DELETE ON ideas REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION idea_words_sync()`.execute(d);
      await sql`INSERT INTO idea_words (plain, word, n)
        SELECT unaccent(x.word), min(x.word), count(DISTINCT i.id)
        FROM ideas i, idea_words_of(i.title || ' ' || i.problem || ' ' || i.proposal || ' ' || i.beneficiaries) x
        WHERE i.status <> 'draft' AND i.status <> 'merged' AND i.hidden_at IS NULL
        GROUP BY 1`.execute(d);
    },
  },
};

// ---------------------------------------------------------------- listing and search

export type IdeaSort = "recent" | "supported" | "relevance";
export interface IdeaListQuery {
  q?: string;
  campaignId?: string;
  status?: IdeaStatus;
  organizationId?: string;
  sort?: IdeaSort;
  /** The cursor of the page's first row is after this one (« Page suivante »)… */
  after?: string;
  /** …or the page ends just before this one (« Page précédente »). */
  before?: string;
  pageSize?: number;
  /** Lab ids whose hidden ideas the viewer may see (lab team). */
  moderatedLabIds?: string[];
}
export type IdeaListItem = Pick<
  Idea,
  "id" | "campaign_id" | "author_id" | "organization_id" | "title" | "problem" | "status" | "support_count" | "comment_count" | "submitted_at" | "hidden_at" | "award_kind"
>;

/** What the search did with the words typed. */
export interface SearchOutcome {
  /** The words typed, with each word that matches no idea replaced by the closest known word. */
  suggestion: string | null;
  /** The query the results are for, when it is not the one typed (nothing matched the words typed). */
  searchedFor: string | null;
}

export interface IdeaListPage {
  items: IdeaListItem[];
  total: number;
  /** Cursors for « Page suivante » and « Page précédente » (null: no such page). */
  next: string | null;
  prev: string | null;
  search: SearchOutcome | null;
}

const listColumns = ["id", "campaign_id", "author_id", "organization_id", "title", "problem", "status", "support_count", "comment_count", "submitted_at", "hidden_at", "award_kind"] as const;

type KeyColumn = "rank" | "support_count" | "submitted_at" | "id";
const sortKeys: Record<IdeaSort, KeyColumn[]> = {
  recent: ["submitted_at", "id"],
  supported: ["support_count", "submitted_at", "id"],
  relevance: ["rank", "submitted_at", "id"],
};
type KeyValue = number | string;

/**
 * A cursor names the sort and the key of a row: its rank or supports, its submission instant in
 * microseconds since 1970 (a JavaScript date would lose the microseconds PostgreSQL keeps) and
 * its id. A cursor that does not parse, or was made for another sort, is ignored.
 */
export function encodeCursor(sort: IdeaSort, key: KeyValue[]): string {
  return Buffer.from(JSON.stringify([sort, ...key])).toString("base64url");
}
export function decodeCursor(sort: IdeaSort, cursor: string | undefined): KeyValue[] | null {
  if (!cursor || cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const cols = sortKeys[sort];
  if (!Array.isArray(parsed) || parsed[0] !== sort || parsed.length !== cols.length + 1) return null;
  const key = parsed.slice(1) as unknown[];
  for (let i = 0; i < cols.length; i++) {
    const v = key[i];
    const ok =
      cols[i] === "id" ? typeof v === "string" && isUuid(v)
      : cols[i] === "rank" ? typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 1e6
      : typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
    if (!ok) return null;
  }
  return key as KeyValue[];
}

function keyValueSql(col: KeyColumn, v: KeyValue): RawBuilder<unknown> {
  if (col === "id") return sql`${v}::uuid`;
  if (col === "rank") return sql`${v}::real`;
  if (col === "support_count") return sql`${v}::integer`;
  return sql`(timestamptz 'epoch' + ${v}::bigint * interval '1 microsecond')`;
}

/** `(cols) < (key)` (rows after the key in descending order) or `>`: one row comparison, which the indexes serve. */
function keyset(table: string, cols: KeyColumn[], key: KeyValue[], direction: "after" | "before"): RawBuilder<boolean> {
  const left = sql.join(cols.map((c) => sql.ref(`${table}.${c}`)));
  const right = sql.join(cols.map((c, i) => keyValueSql(c, key[i])));
  return direction === "after" ? sql<boolean>`(${left}) < (${right})` : sql<boolean>`(${left}) > (${right})`;
}

const microsOf = (column: string) => sql<number>`(extract(epoch from ${sql.ref(column)}) * 1000000)::bigint`;

/**
 * One page of the published ideas (and the hidden ones of the labs the viewer moderates),
 * filtered, searched and sorted, newest first on equal keys and by id last: keyset paging on
 * that unique order, so that a page never repeats or skips an idea, however many share a
 * submission instant or a number of supports.
 */
export async function listIdeas(query: IdeaListQuery): Promise<IdeaListPage> {
  const pageSize = Math.min(Math.max(query.pageSize ?? 20, 1), 100);
  // control characters (a NUL byte would make PostgreSQL refuse the query) are spaces
  const typed = query.q?.replace(/[\u0000-\u001f\u007f]/g, " ").trim().slice(0, 200) || undefined;
  const sort: IdeaSort = query.sort === "relevance" && !typed ? "recent" : query.sort ?? (typed ? "relevance" : "recent");
  const filters = { ...query, sort, pageSize };
  if (!typed) return pageOf(filters, null);
  // Every word of a search that finds something matches an idea: the words are checked (a
  // lookup per word) only when it finds nothing.
  const first = await pageOf(filters, typed);
  if (first.total > 0) return { ...first, search: { suggestion: null, searchedFor: null } };
  const outcome = await correctSearch(typed);
  if (!outcome.fallback) return { ...first, search: { suggestion: outcome.suggestion, searchedFor: null } };
  // Nothing for the words typed: the corrected words (those with no correction left out).
  const again = await pageOf(filters, outcome.fallback);
  return { ...again, search: { suggestion: outcome.suggestion, searchedFor: again.total > 0 ? outcome.fallback : null } };
}

async function pageOf(query: IdeaListQuery & { sort: IdeaSort; pageSize: number }, terms: string | null): Promise<IdeaListPage> {
  const { sort, pageSize } = query;
  const tsq = terms ? sql`websearch_to_tsquery('germoir_fr', ${terms})` : null;
  const mod = (query.moderatedLabIds ?? []).filter(isUuid);
  const campaignId = query.campaignId && isUuid(query.campaignId) ? query.campaignId : undefined;
  const status = query.status && query.status !== "draft" && query.status !== "merged" ? query.status : undefined;
  const organizationId = query.organizationId && isUuid(query.organizationId) ? query.organizationId : undefined;
  const cols = sortKeys[sort];
  const afterKey = decodeCursor(sort, query.after);
  const beforeKey = afterKey ? null : decodeCursor(sort, query.before);
  const direction = beforeKey ? "before" : "after";
  const key = afterKey ?? beforeKey;
  const dir = direction === "after" ? "desc" : "asc";

  // Drafts are private; a merged idea lives on in the idea that absorbed it.
  let base = q().selectFrom("ideas").where("status", "<>", "draft").where("status", "<>", "merged");
  base = mod.length
    ? base.where((eb) => eb.or([eb("hidden_at", "is", null), eb("lab_id", "in", mod)]))
    : base.where("hidden_at", "is", null);
  if (campaignId) base = base.where("campaign_id", "=", campaignId);
  if (status) base = base.where("status", "=", status);
  if (organizationId) base = base.where("organization_id", "=", organizationId);

  let rows: (IdeaListItem & { k_at: number; rank: number; total?: number })[];
  let total: number | null = null;
  if (!tsq) {
    let list = base.select([...listColumns, microsOf("submitted_at").as("k_at"), sql<number>`0`.as("rank")]);
    if (key) list = list.where(keyset("ideas", cols, key, direction));
    for (const c of cols) list = list.orderBy(c as "id", dir);
    rows = await list.limit(pageSize + 1).execute();
    // The total comes from the trigger-maintained idea_counts, not from counting the rows.
    let counts = q().selectFrom("idea_counts").select(sql<number>`coalesce(sum(n), 0)`.as("n")).where("status", "<>", "draft").where("status", "<>", "merged");
    counts = mod.length ? counts.where((eb) => eb.or([eb("hidden", "=", false), eb("lab_id", "in", mod)])) : counts.where("hidden", "=", false);
    if (campaignId) counts = counts.where("campaign_id", "=", campaignId);
    if (status) counts = counts.where("status", "=", status);
    if (organizationId) counts = counts.where("organization_id", "=", organizationId);
    total = Number((await counts.executeTakeFirstOrThrow()).n);
  } else {
    // Search: every match is read once (to rank or sort it), and that single pass also counts
    // them. The first step keeps only sort keys (a window over whole rows would buffer every
    // matching tsvector); the page's rows are then fetched by primary key.
    const rank = sort === "relevance" ? sql<number>`ts_rank(search, ${tsq})` : sql<number>`0::real`;
    const matching = base.where(sql<boolean>`search @@ ${tsq}`).select(["id", "submitted_at", "support_count", rank.as("rank")]);
    let found = q()
      .with((cte) => cte("s").materialized(), () => matching)
      .with("m", (d) => {
        let m = d.selectFrom("s").select(["id", "submitted_at", "support_count", "rank"]);
        if (key) m = m.where(keyset("s", cols, key, direction));
        for (const c of cols) m = m.orderBy(c, dir);
        return m.limit(pageSize + 1);
      })
      .selectFrom("m")
      .innerJoin("ideas", "ideas.id", "m.id")
      .select([...listColumns.map((c) => `ideas.${c}` as const), microsOf("ideas.submitted_at").as("k_at"), "m.rank", sql<number>`(SELECT count(*) FROM s)`.as("total")]);
    for (const c of cols) found = found.orderBy(`m.${c}`, dir);
    rows = await found.execute();
    if (rows.length) total = Number(rows[0].total);
    else total = Number((await base.where(sql<boolean>`search @@ ${tsq}`).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  }

  const more = rows.length > pageSize;
  let page = rows.slice(0, pageSize);
  if (direction === "before") {
    // Fewer rows than a page before the cursor (ideas hidden or removed since): the first page.
    if (page.length < pageSize) return pageOf({ ...query, after: undefined, before: undefined }, terms);
    page = page.reverse();
  }
  const cursorOf = (r: (typeof rows)[number]) => encodeCursor(sort, cols.map((c) => (c === "submitted_at" ? Number(r.k_at) : c === "rank" ? Number(r.rank) : (r[c] as KeyValue))));
  const hasNext = direction === "after" ? more : true;
  const hasPrev = direction === "after" ? !!key : more;
  const items: IdeaListItem[] = page.map(({ k_at: _k, rank: _r, total: _t, ...item }) => item as IdeaListItem);
  return {
    items,
    total: total ?? 0,
    next: hasNext && page.length ? cursorOf(page[page.length - 1]) : null,
    prev: hasPrev && page.length ? cursorOf(page[0]) : null,
    search: null,
  };
}

// ---------------------------------------------------------------- forgiving typos

/** Trigram similarity (pg_trgm) from which a known word may stand for a typed one. */
export const SUGGESTION_MIN_SIMILARITY = 0.3;

/** The words of a search worth checking: letters only, three or more, at most eight. */
export function searchWords(typed: string): string[] {
  return [...new Set((typed.toLowerCase().match(/[\p{L}]+/gu) ?? []).filter((w) => w.length >= 3 && w.length <= 30 && w !== "or"))].slice(0, 8);
}

/**
 * Each typed word that matches no published idea (its French stem is in no idea's search
 * vector; stop words do not count) is replaced by the closest word of the published ideas, by
 * trigram similarity, the most frequent first on a tie. Returns the corrected search to suggest
 * (null when every word matches something or nothing is close) and the search to run instead
 * when the typed one finds nothing: the corrected words, without those that have no correction.
 */
export async function correctSearch(typed: string): Promise<{ suggestion: string | null; fallback: string | null }> {
  const words = searchWords(typed);
  if (!words.length) return { suggestion: null, fallback: null };
  const r = await sql<{ typed: string; matches: boolean; correction: string | null }>`
    SELECT t.w AS typed,
      numnode(plainto_tsquery('germoir_fr', t.w)) = 0
        OR EXISTS (SELECT 1 FROM ideas WHERE search @@ plainto_tsquery('germoir_fr', t.w) AND ${PUBLIC}) AS matches,
      c.word AS correction
    FROM unnest(${words}::text[]) AS t(w)
    LEFT JOIN LATERAL (
      SELECT word FROM idea_words
      WHERE plain % unaccent(t.w) AND similarity(plain, unaccent(t.w)) >= ${SUGGESTION_MIN_SIMILARITY}
      ORDER BY similarity(plain, unaccent(t.w)) DESC, n DESC, plain
      LIMIT 1
    ) c ON true`.execute(db());
  const fix = new Map<string, string | null>();
  for (const row of r.rows) if (!row.matches) fix.set(row.typed, row.correction);
  if (!fix.size) return { suggestion: null, fallback: null };
  const replaceWords = (drop: boolean) =>
    typed
      .replace(/[\p{L}]+/gu, (w) => {
        const k = w.toLowerCase();
        if (!fix.has(k)) return w;
        return fix.get(k) ?? (drop ? "" : w);
      })
      .replace(/\s+/g, " ")
      .trim();
  const anyCorrection = [...fix.values()].some((c) => c !== null);
  const fallback = replaceWords(true);
  return {
    suggestion: anyCorrection ? replaceWords(false) : null,
    fallback: fallback && searchWords(fallback).length ? fallback : null,
  };
}
