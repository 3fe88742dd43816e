import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { chunks, exportResponse, pagedRows, rowsByPage, type Row } from "./export";
import { parisWallClock, XLSX_TYPE } from "./xlsx";

const header = ["Titre", "Note", "Déposée le", "Vide"];
const nasty: Row[] = [
  ["=SOMME(A1:A9)", 4.5, new Date("2026-11-22T13:05:00Z"), null],
  ["+33 6 12 34 56 78", -1, new Date("2026-07-01T08:00:00Z"), undefined],
  ["-2+3", 0, null, ""],
  ["@cmd|' /C calc'!A0", 12, null, "a;b\"c\nd"],
  ["contrôle\u0000\u0008\u001fici", 1, null, "x".repeat(40_000)],
];

async function readXlsx(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  return wb;
}

describe("one row source, two formats", () => {
  it("writes the same rows as CSV: texts starting like formulas neutralised, numbers and dates as French spreadsheets read them", async () => {
    const res = exportResponse("csv", { filename: "idées campagne", sheet: "Idées", header, rows: nasty });
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="id_es_campagne.csv"');
    const text = (await res.text()).replace(/^\ufeff/, "");
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("Titre;Note;Déposée le;Vide");
    expect(lines[1]).toBe("'=SOMME(A1:A9);4,5;22/11/2026 14:05;");
    expect(lines[2]).toBe("'+33 6 12 34 56 78;-1;01/07/2026 10:00;");
    expect(lines[3]).toBe("'-2+3;0;;");
    expect(lines[4]).toBe("'@cmd|' /C calc'!A0;12;;\"a;b\"\"c\nd\"");
  });

  it("writes the same rows as XLSX: texts as text cells (no formula anywhere), numbers as numbers, dates at Paris time", async () => {
    const res = exportResponse("xlsx", { filename: "classement", sheet: "Classement: jury [2026]", header, rows: nasty });
    expect(res.headers.get("content-type")).toBe(XLSX_TYPE);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="classement.xlsx"');
    const wb = await readXlsx(res);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe("Classement  jury  2026");
    expect(ws.getRow(1).values).toEqual([undefined, ...header]);
    expect(ws.rowCount).toBe(6);
    const a2 = ws.getCell("A2");
    expect(a2.type).toBe(ExcelJS.ValueType.String);
    expect(a2.value).toBe("=SOMME(A1:A9)");
    expect(a2.formula).toBeUndefined();
    for (let r = 2; r <= 6; r++) expect(ws.getCell(`A${r}`).type, `A${r}`).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("A5").value).toBe("@cmd|' /C calc'!A0");
    expect(ws.getCell("B2").value).toBe(4.5);
    expect(ws.getCell("B3").value).toBe(-1);
    // 14:05 in Paris (winter), 10:00 in Paris (summer), as the clock showed
    expect((ws.getCell("C2").value as Date).toISOString()).toBe("2026-11-22T14:05:00.000Z");
    expect((ws.getCell("C3").value as Date).toISOString()).toBe("2026-07-01T10:00:00.000Z");
    expect(ws.getCell("C2").numFmt).toBe("dd/mm/yyyy hh:mm");
    // what XML cannot carry is dropped, what a cell cannot hold is cut
    expect(ws.getCell("A6").value).toBe("contrôleici");
    expect(String(ws.getCell("D6").value).length).toBe(32_767);
    expect(ws.getCell("D5").value).toBe("a;b\"c\nd");
  });

  it("fetches pages only as the client reads, and stops when the client goes away", async () => {
    for (const format of ["csv", "xlsx"] as const) {
      let fetched = 0;
      const rows = pagedRows<number>(async (cursor) => {
        fetched++;
        const at = cursor ?? 0;
        return { rows: Array.from({ length: 500 }, (_, i) => [`ligne ${at * 500 + i}`, "x".repeat(200)]), next: at < 999 ? at + 1 : null };
      });
      const res = exportResponse(format, { filename: "gros", sheet: "Gros", header: ["a", "b"], rows });
      const reader = res.body!.getReader();
      await reader.read();
      // a few pages at most, of the thousand there are
      await new Promise((r) => setTimeout(r, 50));
      expect(fetched, format).toBeLessThan(50);
      await reader.cancel();
      const after = fetched;
      await new Promise((r) => setTimeout(r, 50));
      expect(fetched, format).toBeLessThanOrEqual(after + 1);
    }
  });

  it("streams every row of every page, in order, in both formats", async () => {
    const ids = Array.from({ length: 1234 }, (_, i) => i);
    expect(chunks(ids, 500).map((c) => c.length)).toEqual([500, 500, 234]);
    const build = () => rowsByPage(ids, 500, async (page) => page.map((i) => [`idée ${i}`, i]));
    const csv = (await exportResponse("csv", { filename: "t", sheet: "t", header: ["t", "n"], rows: build() }).text()).trimEnd().split("\r\n");
    expect(csv).toHaveLength(1235);
    expect(csv[1234]).toBe("idée 1233;1233");
    const ws = (await readXlsx(exportResponse("xlsx", { filename: "t", sheet: "t", header: ["t", "n"], rows: build() }))).worksheets[0];
    expect(ws.rowCount).toBe(1235);
    expect(ws.getCell("A1235").value).toBe("idée 1233");
    expect(ws.getCell("B1235").value).toBe(1233);
    // an empty source is a header alone
    const empty = (await readXlsx(exportResponse("xlsx", { filename: "t", sheet: "t", header: ["t"], rows: [] }))).worksheets[0];
    expect(empty.rowCount).toBe(1);
  });

  it("writes dates as the Paris clock shows them", () => {
    expect(parisWallClock(new Date("2026-03-29T00:30:00Z")).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(parisWallClock(new Date("2026-03-29T01:30:00Z")).toISOString()).toBe("2026-03-29T03:30:00.000Z");
  });
});
