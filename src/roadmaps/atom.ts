/** The public tracker's feed as Atom (RFC 4287), pure: entries in, XML out. */
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function atomFeed(o: { id: string; title: string; link: string; self: string; updated: string; entries: { id: string; title: string; at: string; link: string }[] }): string {
  const entries = o.entries
    .map((e) => `  <entry>\n    <id>urn:uuid:${esc(e.id)}</id>\n    <title>${esc(e.title)}</title>\n    <updated>${esc(e.at)}</updated>\n    <link rel="alternate" href="${esc(e.link)}"/>\n  </entry>`)
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">\n  <id>${esc(o.id)}</id>\n  <title>${esc(o.title)}</title>\n  <updated>${esc(o.updated)}</updated>\n  <link rel="alternate" href="${esc(o.link)}"/>\n  <link rel="self" href="${esc(o.self)}"/>\n${entries}\n</feed>\n`;
}
