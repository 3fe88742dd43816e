import { sql, type RawBuilder, type SelectQueryBuilder } from "kysely";
import { isUuid } from "../ids";

/**
 * Keyset paging on (an instant, an id), newest first: the one way a list that can grow pages here.
 *
 * A cursor names a row by its instant in microseconds since 1970 (a JavaScript date would lose the
 * microseconds PostgreSQL keeps, and rows written in the same millisecond would be skipped or
 * repeated) and its id (the unique tie-breaker). A cursor that does not parse gives the first page.
 */
export type TimeKey = readonly [micros: number, id: string];

export function encodeTimeCursor(key: TimeKey): string {
  return Buffer.from(JSON.stringify([Number(key[0]), key[1]])).toString("base64url");
}

export function decodeTimeCursor(cursor: string | null | undefined): TimeKey | null {
  if (!cursor || cursor.length > 120 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(v) && v.length === 2 && Number.isSafeInteger(v[0]) && v[0] >= 0 && typeof v[1] === "string" && isUuid(v[1])) return [v[0], v[1]];
  } catch {
    /* not a cursor */
  }
  return null;
}

/** The column's instant in microseconds since 1970, to select as the row's key. */
export function micros(column: string): RawBuilder<number> {
  return sql<number>`(extract(epoch from ${sql.ref(column)}) * 1000000)::bigint`;
}

/** `(time, id) < key` (rows after the key, newest first) or `>` (rows before it): one row comparison the index serves. */
export function keysetCondition(timeColumn: string, idColumn: string, key: TimeKey, side: "after" | "before"): RawBuilder<boolean> {
  const left = sql`(${sql.ref(timeColumn)}, ${sql.ref(idColumn)})`;
  const right = sql`(timestamptz 'epoch' + ${key[0]}::bigint * interval '1 microsecond', ${key[1]}::uuid)`;
  return side === "after" ? sql<boolean>`${left} < ${right}` : sql<boolean>`${left} > ${right}`;
}

export type KeysetPage<T> = { rows: T[]; next: string | null; prev: string | null };

/**
 * One page of a newest-first list: `after` a cursor (« Page suivante »), just `before` one
 * (« Page précédente »), or the first page. `query` is the filtered list without order or limit;
 * the helper orders it by (time, id), reads one row more than the page to know whether another
 * page follows, and gives the cursors of the page's ends.
 */
export async function keysetPage<DB, TB extends keyof DB, O extends { id: string }>(
  query: SelectQueryBuilder<DB, TB, O>,
  opts: { timeColumn: string; idColumn?: string; limit: number; after?: string | null; before?: string | null },
): Promise<KeysetPage<O>> {
  const idColumn = opts.idColumn ?? "id";
  const limit = Math.min(Math.max(Math.trunc(opts.limit) || 1, 1), 1000);
  const after = decodeTimeCursor(opts.after);
  const before = after ? null : decodeTimeCursor(opts.before);
  const key = after ?? before;
  const direction = before ? "asc" : "desc";
  // Kysely's builder types cannot follow dynamic column names; the SQL below is checked by the tests.
  const q = query as unknown as SelectQueryBuilder<Record<string, Record<string, unknown>>, string, O & { k_at: number }>;
  let list = q.select(micros(opts.timeColumn).as("k_at"));
  if (key) list = list.where(keysetCondition(opts.timeColumn, idColumn, key, before ? "before" : "after"));
  const rows = await list
    .orderBy(sql.ref(opts.timeColumn), direction)
    .orderBy(sql.ref(idColumn), direction)
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  let page = rows.slice(0, limit);
  if (before) {
    // fewer rows than a page before the cursor: the first page is what the reader expects
    if (page.length < limit) return keysetPage(query, { ...opts, after: null, before: null });
    page = page.reverse();
  }
  const hasNext = before ? true : more;
  const hasPrev = before ? more : !!key;
  const cursorOf = (r: O & { k_at: number }) => encodeTimeCursor([Number(r.k_at), r.id]);
  return {
    rows: page.map(({ k_at: _k, ...r }) => r as unknown as O),
    next: hasNext && page.length ? cursorOf(page[page.length - 1]) : null,
    prev: hasPrev && page.length ? cursorOf(page[0]) : null,
  };
}
