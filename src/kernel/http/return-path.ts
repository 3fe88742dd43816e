/**
 * Where to send a user back after signing in (or after any page that takes a return path).
 * Only a path of this very site is kept: it must start with a single "/", and once resolved
 * against the site's own origin it must still be on that origin. Anything else — another
 * origin, a protocol-relative or backslash path, control or invisible characters (raw or
 * percent-encoded), a `javascript:` URL, an over-long value — falls back to "/". Never throws.
 */
const FALLBACK = "/";
const ORIGIN = "http://germoir.invalid";
/** C0 and C1 controls, DEL, every Unicode space and format/bidi control, line/paragraph separators. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u00a0\u00ad\u061c\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\ufff9-\ufffb]/;

export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value === "" || value.length > 1000) return FALLBACK;
  // Raw: no control or whitespace at all (browsers drop \t \r \n inside URLs: "/\t/evil" is "//evil").
  if (INVISIBLE.test(value) || value.includes(" ") || value.includes("\\")) return FALLBACK;
  if (!value.startsWith("/") || value.startsWith("//")) return FALLBACK;
  // Percent-encoded variants ("/%2F%2Fevil", "/%5Cevil", "/%09/evil", doubly encoded…).
  let decoded = value;
  for (let i = 0; i < 4; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return FALLBACK;
    }
    if (next === decoded) break;
    decoded = next;
  }
  const decodedPath = decoded.split(/[?#]/, 1)[0];
  if (INVISIBLE.test(decoded) || decodedPath.includes("\\") || decodedPath.startsWith("//")) {
    return FALLBACK;
  }
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== ORIGIN) return FALLBACK;
  const out = url.pathname + url.search + url.hash;
  return out.startsWith("/") && !out.startsWith("//") && !out.startsWith("/\\") ? out : FALLBACK;
}
