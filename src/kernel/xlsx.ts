/**
 * XLSX exports, streamed: exceljs's streaming workbook writer commits each row to the zip as it
 * comes and the zip goes to the HTTP response as it is produced, so a large export never sits in
 * memory. Same row source as CSV (./export). Texts are written as text cells, never as formulas
 * (a cell reading « =SOMME(A1) » shows those characters); characters XML cannot carry are dropped
 * and a text longer than a cell holds is cut.
 */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { attachmentHeaders } from "./csv";
import type { Cell, RowSource } from "./export";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Excel's limit for one cell. */
const CELL_MAX = 32_767;
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const parisParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** Spreadsheets have no time zones: a date is written as the clock in Paris showed it. */
export function parisWallClock(d: Date): Date {
  const p = Object.fromEntries(parisParts.formatToParts(d).map((x) => [x.type, x.value]));
  return new Date(Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second));
}

/** Sheet names: 31 characters, none of \ / ? * [ ] : */
function sheetName(s: string): string {
  return s.replace(/[\\/?*[\]:]/g, " ").replace(NOT_XML, "").trim().slice(0, 31) || "Export";
}

function xlsxCell(c: Cell): string | number | Date | null {
  if (c == null) return null;
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? null : parisWallClock(c);
  if (typeof c === "number") return Number.isFinite(c) ? c : null;
  const text = c.replace(NOT_XML, "");
  return text.length > CELL_MAX ? `${text.slice(0, CELL_MAX - 1)}…` : text;
}

export function xlsxResponse(filename: string, header: string[], rows: RowSource, opts: { sheet: string }): Response {
  const iterator = Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : (rows as Iterable<Cell[]>)[Symbol.iterator]();
  // the zip, as exceljs writes it; rows are added only when the client has taken what came out
  const zip = new PassThrough();
  const ready: Buffer[] = [];
  let ended = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  zip.on("data", (chunk: Buffer) => {
    ready.push(chunk);
    poke();
  });
  zip.on("end", () => {
    ended = true;
    poke();
  });
  zip.on("error", (err) => {
    failure = err;
    poke();
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: zip, useStyles: true, useSharedStrings: false });
  workbook.creator = "Germoir";
  const sheet = workbook.addWorksheet(sheetName(opts.sheet), { views: [{ state: "frozen", ySplit: 1 }] });
  const head = sheet.addRow(header.map(xlsxCell));
  head.font = { bold: true };
  head.commit();
  let finishing = false;

  /** Adds a few rows; after the last one, closes the sheet and the zip. */
  async function produce(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      const next = await iterator.next();
      if (next.done) {
        finishing = true;
        sheet.commit();
        workbook.commit().catch((err: unknown) => {
          failure = err;
          poke();
        });
        return;
      }
      const row = sheet.addRow(next.value.map(xlsxCell));
      next.value.forEach((c, n) => {
        if (c instanceof Date) row.getCell(n + 1).numFmt = "dd/mm/yyyy hh:mm";
      });
      row.commit();
    }
  }

  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (!ready.length && !ended && !failure) {
        if (!finishing) await produce();
        // let the zip catch up: it answers with data, or not yet (then more rows are added)
        await new Promise<void>((resolve) => {
          wake = resolve;
          if (!finishing) setImmediate(poke);
        });
      }
      if (failure) {
        controller.error(failure);
        return;
      }
      if (ready.length) controller.enqueue(new Uint8Array(Buffer.concat(ready.splice(0))));
      else controller.close();
    },
    async cancel() {
      zip.destroy();
      await iterator.return?.();
    },
  });
  return new Response(body, { headers: attachmentHeaders(filename, XLSX_TYPE) });
}
