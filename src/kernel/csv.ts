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
