import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvRecords } from "./csv";

describe("CSV (RFC 4180)", () => {
  it("reads plain fields and both line endings", () => {
    expect(parseCsv("a,b,c\r\n1,2,3\n4,5,6")).toEqual([["a", "b", "c"], ["1", "2", "3"], ["4", "5", "6"]]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    const text = 'id,body\n1,"Cantine, menus et ""bio"""\n2,"sur\ndeux lignes"\r\n3,"fin\r\navec CRLF"\n';
    expect(parseCsv(text)).toEqual([["id", "body"], ["1", 'Cantine, menus et "bio"'], ["2", "sur\ndeux lignes"], ["3", "fin\r\navec CRLF"]]);
  });

  it("ignores a byte order mark and a final line break, keeps empty fields", () => {
    expect(parseCsv("\uFEFFid,title,body\n1,,texte\n")).toEqual([["id", "title", "body"], ["1", "", "texte"]]);
    expect(parseCsv('a,"",c\n,,')).toEqual([["a", "", "c"], ["", "", ""]]);
  });

  it("keeps a quoted field that ends the input without a line break, and an empty input", () => {
    expect(parseCsv('a,"b"')).toEqual([["a", "b"]]);
    expect(parseCsv("")).toEqual([]);
  });

  it("is lenient where the RFC is silent: quotes inside an unquoted field, an unterminated quote", () => {
    expect(parseCsv('a,5"6,c')).toEqual([["a", '5"6', "c"]]);
    expect(parseCsv('a,"non fermé\nx')).toEqual([["a", "non fermé\nx"]]);
    expect(parseCsv('"a"b,c')).toEqual([["ab", "c"]]);
  });

  it("reads the real-world field of the equality consultation (backslashes and doubled quotes)", () => {
    const line = 'an-0,,"vulgaire et \\abordable\\"". """,place des femmes';
    expect(parseCsv(line)[0]).toEqual(["an-0", "", 'vulgaire et \\abordable\\". "', "place des femmes"]);
  });

  it("maps records by header, skips blank lines, pads missing fields", () => {
    const { header, records } = parseCsvRecords("id,title,body,label\n\n1,Titre,Texte,A\n2,Seul\n");
    expect(header).toEqual(["id", "title", "body", "label"]);
    expect(records).toEqual([
      { id: "1", title: "Titre", body: "Texte", label: "A" },
      { id: "2", title: "Seul", body: "", label: "" },
    ]);
  });
});
