/**
 * Tabular exports, one row source for both formats: a module's export is a header and an async
 * iterable of rows that it fetches page by page; `exportResponse` streams it as CSV (./csv) or
 * XLSX (./xlsx). Cells are typed: a text stays text in both formats (never a formula), a number
 * a number, a date a date.
 */
import { csvResponse } from "./csv";
import { xlsxResponse } from "./xlsx";
import { runtime } from "./runtime";

export type Cell = string | number | Date | null | undefined;
export type Row = Cell[];
export type RowSource = AsyncIterable<Row> | Iterable<Row>;

export const exportFormats = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface TableExport {
  /** File name without its extension (ASCII is kept, the rest becomes « _ »). */
  filename: string;
  /** The XLSX sheet's name. */
  sheet: string;
  header: string[];
  rows: RowSource;
}

export function exportResponse(format: ExportFormat, table: TableExport): Response {
  return format === "xlsx"
    ? xlsxResponse(`${table.filename}.xlsx`, table.header, table.rows, { sheet: table.sheet })
    : csvResponse(`${table.filename}.csv`, table.header, table.rows);
}

/**
 * Rows fetched page by page: `fetchPage(cursor)` returns a page of rows and the cursor of the next
 * page (null after the last). Nothing is fetched before the first row is asked for, and a client
 * that goes away stops the fetching.
 */
export async function* pagedRows<C>(fetchPage: (cursor: C | null) => Promise<{ rows: Row[]; next: C | null }>): AsyncGenerator<Row> {
  let cursor: C | null = null;
  do {
    const page: { rows: Row[]; next: C | null } = await fetchPage(cursor);
    yield* page.rows;
    cursor = page.next;
  } while (cursor !== null);
}

/** Splits a list into pages of `size`, for `pagedRows` over ids already known. */
export function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Rows built page by page from a list already known (ids, ranks): `build` fetches what one page needs. */
export function rowsByPage<T>(list: T[], size: number, build: (page: T[]) => Promise<Row[]>): AsyncGenerator<Row> {
  const pages = chunks(list, size);
  return pagedRows<number>(async (i) => {
    const at = i ?? 0;
    if (at >= pages.length) return { rows: [], next: null };
    return { rows: await build(pages[at]), next: at + 1 < pages.length ? at + 1 : null };
  });
}

/** A file name from a title: « Concours d’idées 2026 » gives « concours-d-idees-2026 ». */
export function fileSlug(s: string, max = 60): string {
  return (
    s
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, max)
      .replace(/-+$/, "") || "export"
  );
}

/** The absolute address of a page, for a link column (the one mails use). */
export function absoluteLink(path: string): string {
  return `${runtime().config.publicUrl}${path}`;
}
