import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";
import { Client } from "../support/http";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("server", () => {
  it("answers /healthz once migrations are applied", async () => {
    const r = await fetch(`${server.url}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ status: "ok" });
  });

  it("serves the DSFR favicons, and every page links to them", async () => {
    const ico = await fetch(`${server.url}/favicon.ico`);
    expect(ico.status).toBe(200);
    expect(ico.headers.get("content-type")).toMatch(/^image\//);
    expect((await ico.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    const svg = await fetch(`${server.url}/favicon.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    const html = await (await fetch(`${server.url}/`)).text();
    expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>');
    expect(html).toContain('<link rel="apple-touch-icon" href="/apple-touch-icon.png"/>');
    expect((await fetch(`${server.url}/apple-touch-icon.png`)).status).toBe(200);
  });

  it("links the header's menu and tools to their own pages", async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const nav = /<nav[^>]*aria-label="Menu principal"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? "";
    const hrefs = [...nav.matchAll(/<a [^>]*href="([^"]*)"[^>]*>([^<]+)<\/a>/g)].map((m) => `${m[2]} ${m[1]}`);
    expect(hrefs).toEqual(["Accueil /", "Campagnes /campagnes", "Idées /idees", "Ressources /ressources", "Événements /evenements"]);
    expect(html).toMatch(/<a [^>]*href="\/connexion"[^>]*>Se connecter<\/a>/);
  });

  it("sends security headers with a nonce-based CSP", async () => {
    const r = await fetch(`${server.url}/`);
    const csp = r.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(r.headers.get("x-frame-options")).toBe("DENY");
    const html = await r.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    // every inline script carries the nonce
    const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attrs of scripts) expect(attrs).toContain(`nonce="${nonce}"`);
  });

  it("redirects anonymous visitors to sign-in, then lets a demo agent search in French", async () => {
    const c = new Client(server.url);
    const anon = await c.get("/idees?q=menage");
    expect(anon.status).toBe(302);
    expect(anon.headers.get("location")).toBe("/connexion?retour=%2Fidees%3Fq%3Dmenage");
    await c.signInAs("helene.strauss@grandest.fr");
    const html = await (await c.get("/idees?q=menage")).text();
    const count = Number(/(\d+)\u00a0idées?(?:<!-- -->)? pour/.exec(html)?.[1] ?? 0);
    expect(count).toBeGreaterThan(5);
    expect(html).toMatch(/ménage/i);
  });
});
