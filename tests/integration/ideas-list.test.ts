import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startServer, type TestServer } from "../support/server";
import { Client } from "../support/http";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

const unescape = (s: string) => s.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;/g, "'");
const ideaLinks = (html: string) => [...html.matchAll(/href="\/idees\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
const stepLink = (html: string, kind: "next" | "prev") => {
  const m = new RegExp(`<a class="fr-pagination__link fr-pagination__link--${kind}[^"]*" href="([^"]+)"`).exec(html);
  return m ? unescape(m[1]) : null;
};

describe("the ideas list in HTML, paged by keyset" + (process.env.DATABASE_URL ? " (PostgreSQL)" : " (PGlite)"), () => {
  it("shows every idea once through « Page suivante », and the same pages back through « Page précédente »", async () => {
    if (server.databaseUrl) {
      // a burst: 45 copies of demo ideas submitted at the same microsecond with as many supports
      const client = new pg.Client({ connectionString: server.databaseUrl });
      await client.connect();
      await client.query(`INSERT INTO ideas (campaign_id, lab_id, author_id, organization_id, unit_id, title, problem, proposal, beneficiaries, status, support_count, submitted_at)
        SELECT campaign_id, lab_id, author_id, organization_id, unit_id, 'Rafale ' || title, problem, proposal, beneficiaries, 'submitted', 2, timestamptz '2026-11-30 09:15:00.123456+00'
        FROM ideas WHERE status <> 'draft' AND status <> 'merged' AND hidden_at IS NULL LIMIT 45`);
      await client.end();
    }
    const c = new Client(server.url);
    await c.signInAs("helene.strauss@grandest.fr");
    for (const tri of ["recent", "supported"]) {
      const pages: string[][] = [];
      let path: string | null = `/idees?tri=${tri}`;
      let html = "";
      let total = 0;
      while (path) {
        const res = await c.get(path);
        expect(res.status).toBe(200);
        html = await res.text();
        pages.push(ideaLinks(html));
        if (pages.length === 1) total = Number(/<p role="status">([\d\u202f]+)\u00a0idées?/.exec(html)![1].replace(/\D/g, ""));
        path = stepLink(html, "next");
        expect(pages.length).toBeLessThan(200);
      }
      const seen = pages.flat();
      expect(pages.length).toBeGreaterThan(2);
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
      // and back
      const back: string[][] = [pages[pages.length - 1]];
      path = stepLink(html, "prev");
      while (path) {
        html = await (await c.get(path)).text();
        back.unshift(ideaLinks(html));
        path = stepLink(html, "prev");
      }
      expect(back).toEqual(pages);
    }
  });

  it("suggests the corrected search, shows its results and offers to clear the search", async () => {
    const c = new Client(server.url);
    await c.signInAs("helene.strauss@grandest.fr");
    const html = await (await c.get("/idees?q=restauraton%20scolaire&campagne=&tri=relevance")).text();
    expect(html).toContain("Vouliez-vous dire\u00a0: ");
    expect(html).toContain(`href="/idees?tri=relevance&amp;q=restauration+scolaire"`);
    expect(html).toMatch(/Aucune idée ne correspond à «\u00a0restauraton scolaire\u00a0»\. \d+\u00a0idées? pour «\u00a0restauration scolaire\u00a0»/);
    expect(ideaLinks(html).length).toBeGreaterThan(0);
    expect(html).toMatch(/<a class="fr-link fr-icon-close-line fr-link--icon-left" href="\/idees"[^>]*>Effacer la recherche<\/a>/);
    const plain = await (await c.get("/idees?q=cantine")).text();
    expect(plain).not.toContain("Vouliez-vous dire");
    expect((await c.get("/idees?q=cantine&apres=%%%")).status).toBe(200);
    // a NUL byte in the search is refused with our French message, never a 500
    const nul = await c.get("/idees?q=cant%00ine&apres=%%%");
    expect(nul.status).toBe(400);
    expect(await nul.text()).toContain("caractère nul");
  });
});
