import { expect, it } from "vitest";
import { csvLine, csvResponse } from "./csv";

it("quotes what needs quoting and neutralises formulas", () => {
  expect(csvLine(["simple", 'a "cité"', "x;y", "deux\nlignes", null, 3])).toBe('simple;"a ""cité""";"x;y";"deux\nlignes";;3\r\n');
  expect(csvLine(["=SOMME(A1)", "-1", "+33"])).toBe("'=SOMME(A1);'-1;'+33\r\n");
});

it("streams a BOM, the header and every row", async () => {
  async function* rows() {
    for (let i = 0; i < 3000; i++) yield [`ligne ${i}`, i];
  }
  const res = csvResponse("export tableau.csv", ["texte", "n"], rows());
  expect(res.headers.get("content-disposition")).toBe('attachment; filename="export_tableau.csv"');
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
  expect(text.startsWith("texte;n\r\n")).toBe(true);
  const lines = text.trimEnd().split("\r\n");
  expect(lines).toHaveLength(3001);
  expect(lines[2999 + 1]).toBe("ligne 2999;2999");
});
