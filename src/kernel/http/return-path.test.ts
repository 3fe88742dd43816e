import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

/** Known open-redirect payloads (PayloadsAllTheThings, OWASP, the report of issue 9). */
const payloads = [
  "/\t/127.0.0.1:4199/phish",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\r\nSet-Cookie: x=1",
  "\t/evil.example",
  " /evil.example",
  "//evil.example",
  "///evil.example",
  "////evil.example/%2F..",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "\\/evil.example",
  "/%2F/evil.example",
  "/%2f%2fevil.example",
  "%2F%2Fevil.example",
  "/%5Cevil.example",
  "/%5cevil.example",
  "/%09/evil.example",
  "/%0D%0A/evil.example",
  "/%252F%252Fevil.example",
  "/%25252F%25252Fevil.example",
  "/%E3%80%80/evil.example",
  "/\u3000/evil.example",
  "/\u00a0/evil.example",
  "/\u2028/evil.example",
  "/\u202e/evil.example",
  "/\ufeff/evil.example",
  "/\u0000/evil.example",
  "https://evil.example",
  "http://evil.example/",
  "HTTPS://evil.example",
  "https:evil.example",
  "//evil.example@germoir.gouv.fr",
  "evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "%E0%A4%A",
  "/%E0%A4%A",
  "/" + "a".repeat(2000),
  "",
];

describe("safeReturnPath", () => {
  it.each(payloads.map((p) => [JSON.stringify(p), p]))("refuses %s", (_label, payload) => {
    expect(safeReturnPath(payload)).toBe("/");
  });

  it("has a list of at least 25 payloads, none of which leaves the site", () => {
    expect(payloads.length).toBeGreaterThanOrEqual(25);
    for (const p of payloads) {
      const out = safeReturnPath(p);
      const resolved = new URL(out, "https://germoir.example");
      expect(resolved.origin).toBe("https://germoir.example");
      expect(out).toMatch(/^\/(?![/\\])/);
    }
  });

  it("refuses what is not a string", () => {
    for (const v of [null, undefined, 42, ["/idees"], { toString: () => "/idees" }]) expect(safeReturnPath(v)).toBe("/");
  });

  it("keeps the site's own paths, with their query and fragment", () => {
    expect(safeReturnPath("/")).toBe("/");
    expect(safeReturnPath("/idees")).toBe("/idees");
    expect(safeReturnPath("/idees?q=cantine+scolaire&page=2")).toBe("/idees?q=cantine+scolaire&page=2");
    expect(safeReturnPath("/idees?q=cantine%20scolaire")).toBe("/idees?q=cantine%20scolaire");
    expect(safeReturnPath("/idees/0b5d?x=1#commentaires")).toBe("/idees/0b5d?x=1#commentaires");
    expect(safeReturnPath("/minilabs/abc/seances/def/tableau")).toBe("/minilabs/abc/seances/def/tableau");
    // Non-ASCII is kept, percent-encoded for the Location header.
    expect(safeReturnPath("/idees?q=ménage")).toBe("/idees?q=m%C3%A9nage");
    // Dot segments are resolved, and stay on the site.
    expect(safeReturnPath("/a/../idees")).toBe("/idees");
    expect(safeReturnPath("/../../idees")).toBe("/idees");
  });
});
