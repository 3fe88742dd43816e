/**
 * CSV exports as French spreadsheets read them: UTF-8 with a byte-order mark, semicolons,
 * CRLF line ends, quotes doubled, decimal commas, dates as « 22/11/2026 14:05 » (Paris time).
 * The response streams its rows as the client reads them (see `RowSource` in ./export).
 */
import type { Cell, RowSource } from "./export";

const csvDateFmt = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

function cellText(c: Cell): string {
  if (c == null) return "";
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? "" : csvDateFmt.format(c).replace(",", "");
  // a number is never a formula: written with a decimal comma, as French spreadsheets read it
  if (typeof c === "number") return Number.isFinite(c) ? String(c).replace(".", ",") : "";
  // A text cell starting like a formula is neutralised (CSV injection).
  return /^[=+\-@\t\r]/.test(c) ? `'${c}` : c;
}

export function csvLine(cells: Cell[]): string {
  return (
    cells
      .map((c) => {
        const safe = cellText(c);
        return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
      })
      .join(";") + "\r\n"
  );
}

/** `Content-Disposition` with an ASCII file name (anything else becomes « _ »). */
export function attachmentHeaders(filename: string, contentType: string): Record<string, string> {
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  };
}

export function csvResponse(filename: string, header: string[], rows: RowSource): Response {
  const enc = new TextEncoder();
  const iterator = Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : (rows as Iterable<Cell[]>)[Symbol.iterator]();
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    // one batch of about 16 kB per read: the next rows are fetched only when the client has taken these
    async pull(controller) {
      let batch = started ? "" : `\ufeff${csvLine(header)}`;
      started = true;
      while (batch.length < 16_384) {
        const next = await iterator.next();
        if (next.done) {
          if (batch) controller.enqueue(enc.encode(batch));
          controller.close();
          return;
        }
        batch += csvLine(next.value);
      }
      controller.enqueue(enc.encode(batch));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(stream, { headers: attachmentHeaders(filename, "text/csv; charset=utf-8") });
}

/**
 * Reads a CSV file as a spreadsheet saves it: UTF-8 (with or without a byte-order mark) or, when
 * the bytes are not UTF-8, Windows-1252 (older French Excel); the separator is the header line's
 * most frequent of « ; », « , » and tab (outside quotes); fields quoted with '"' may hold
 * separators and line breaks, a doubled quote is one quote; records end with CRLF, LF or CR.
 * A text cell this module's writer neutralised (« '=SOMME(…) ») reads back as written. Blank
 * records are kept (as empty arrays) so that record n is the spreadsheet's line n + 1.
 */
export function readCsv(bytes: Uint8Array): string[][] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const sep = guessSeparator(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let fieldStart = true;
  const endField = () => {
    row.push(field);
    field = "";
    fieldStart = true;
  };
  const endRow = () => {
    endField();
    rows.push(row.length === 1 && row[0] === "" ? [] : row.map(unneutralise));
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (ch === sep) endField();
    else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
    } else {
      field += ch;
      fieldStart = false;
    }
  }
  if (field !== "" || row.length || !fieldStart) endRow();
  return rows;
}

function guessSeparator(text: string): string {
  const counts = new Map<string, number>([[";", 0], [",", 0], ["\t", 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][1] > 0 ? [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0] : ";";
}

/** The writer's « ' » before a formula-like text (CSV injection) is not part of the text. */
function unneutralise(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
