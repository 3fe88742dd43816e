import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, frenchSpaces, plural } from "./format";
import { parisMidnight } from "./forms";
import { cleanFilename, sniffType } from "./uploads";

describe("French formats", () => {
  it("writes dates the French way, with « 1er »", () => {
    expect(formatDate(new Date("2026-11-22T10:00:00Z"))).toBe("22 novembre 2026");
    expect(formatDate(new Date("2027-01-01T10:00:00Z"))).toBe("1er janvier 2027");
    expect(formatDate(new Date("2026-12-31T23:30:00Z"))).toBe("1er janvier 2027"); // Paris is an hour ahead
    expect(formatDateTime(new Date("2026-11-22T13:05:00Z"))).toBe("22 novembre 2026 à 14\u00a0h\u00a005");
  });

  it("puts non-breaking spaces before « ; : ! ? » and inside guillemets", () => {
    expect(frenchSpaces("Motif : hors sujet ! Vraiment ? Oui ; « bien »")).toBe("Motif\u00a0: hors sujet\u202f! Vraiment\u202f? Oui\u202f; «\u00a0bien\u00a0»");
    expect(frenchSpaces("Déjà\u00a0: bon")).toBe("Déjà\u00a0: bon");
  });

  it("pluralises with a non-breaking space", () => {
    expect(plural(1, "idée", "idées")).toBe("1\u00a0idée");
    expect(plural(1244, "idée", "idées")).toBe("1\u202f244\u00a0idées");
  });

  it("pluralises the French way: 0 and 1 are singular, 2 and more plural", () => {
    expect(plural(0, "idée", "idées")).toBe("0\u00a0idée");
    expect(plural(1, "invitation envoyée", "invitations envoyées")).toBe("1\u00a0invitation envoyée");
    expect(plural(2, "idée", "idées")).toBe("2\u00a0idées");
  });

  it("reads a date field as midnight in Paris, summer and winter, and refuses impossible dates", () => {
    expect(parisMidnight("2026-07-14")?.toISOString()).toBe("2026-07-13T22:00:00.000Z");
    expect(parisMidnight("2026-12-25")?.toISOString()).toBe("2026-12-24T23:00:00.000Z");
    expect(parisMidnight("2026-02-30")).toBeNull();
  });
});

describe("uploads", () => {
  it("recognises PDF and images by their first bytes only", () => {
    expect(sniffType(Buffer.from("%PDF-1.7"))).toBe("application/pdf");
    expect(sniffType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffType(Buffer.from("GIF89a..."))).toBe("image/gif");
    expect(sniffType(Buffer.from("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
    expect(sniffType(Buffer.from("<svg onload=alert(1)>"))).toBeNull();
    expect(sniffType(Buffer.from("MZ\x90\0"))).toBeNull();
    expect(sniffType(Buffer.alloc(0))).toBeNull();
  });

  it("cleans file names for display and headers", () => {
    expect(cleanFilename("../../etc/passwd")).toBe("passwd");
    expect(cleanFilename('C:\\Users\\moi\\note "finale".pdf')).toBe("note _finale_.pdf");
    expect(cleanFilename("")).toBe("fichier");
    // bidi overrides and isolates, zero-width and other format characters go; controls become _
    expect(cleanFilename("facture\u202Efdp.exe")).toBe("facturefdp.exe");
    for (const c of ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C", "\u200B", "\u200D", "\uFEFF", "\u00AD", "\u2028", "\u2029"]) {
      expect(cleanFilename(`note${c}.pdf`), JSON.stringify(c)).toBe("note.pdf");
    }
    expect(cleanFilename("a\u0000b\u0007c\u0085.pdf")).toBe("a_b_c_.pdf");
    expect(cleanFilename("\u202E")).toBe("fichier");
    expect(cleanFilename("rapport\u3000final.pdf")).toBe("rapport final.pdf");
  });
});
