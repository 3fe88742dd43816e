import { describe, expect, it } from "vitest";
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

describe("readCsv", () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it("reads back what csvLine writes: semicolons, quotes, line breaks, neutralised formulas", async () => {
    const { readCsv } = await import("./csv");
    const cells = ["Axe 1", 'Un « titre » avec "guillemets"; et point-virgule', "sur\r\ndeux lignes", "=SOMME(A1)", "", "-3 jours"];
    const text = "\ufeff" + csvLine(["A", "B", "C", "D", "E", "F"]) + csvLine(cells) + "\r\n" + csvLine(["x"]);
    expect(readCsv(bytes(text))).toEqual([["A", "B", "C", "D", "E", "F"], cells, [], ["x"]]);
  });
  it("finds the separator from the header line, and reads Windows-1252 when the bytes are not UTF-8", async () => {
    const { readCsv } = await import("./csv");
    expect(readCsv(bytes('Type,Titre\naxe,"Axe 1, le premier"\n'))).toEqual([["Type", "Titre"], ["axe", "Axe 1, le premier"]]);
    expect(readCsv(bytes("Type\tTitre\raxe\tAxe"))).toEqual([["Type", "Titre"], ["axe", "Axe"]]);
    expect(readCsv(new Uint8Array([0x54, 0x69, 0x74, 0x72, 0x65, 0x0a, 0x45, 0x6e, 0x20, 0x63, 0x6f, 0x75, 0x72, 0x73, 0x20, 0xe9, 0x74, 0xe9]))).toEqual([["Titre"], ["En cours été"]]);
  });
});
