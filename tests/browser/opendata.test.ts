/**
 * The open data pages in Chromium, with JavaScript and without: /donnees (datasets, sizes, dates,
 * schemas), /api (the public API explained) and a lab's token page, where a token is created (its
 * secret shown once), an empty name is refused beside the field with the error summary focused,
 * and the token is revoked. axe-core and the French typography check run on every page.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type TestServer } from "../support/server";
import { check, describeWithBrowser, focusedId, launchBrowser, newContext, signIn, visit } from "../support/browser";
import { labTeam } from "../../src/demo/content";
import { datasets } from "../../src/opendata/datasets";

const TEAM = labTeam.find((p) => p.key === "dimap-1")!.email;
const STEP_TIMEOUT = 240_000;

let server: TestServer;
let browser: Browser;
let withJs: BrowserContext;
let noJs: BrowserContext;
let page: Page;
let plain: Page;

describeWithBrowser("open data, the public API and the lab's tokens in a browser", () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    withJs = await newContext(browser, server.url);
    noJs = await newContext(browser, server.url, { javaScriptEnabled: false });
    [page, plain] = await Promise.all([withJs.newPage(), noJs.newPage()]);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows /donnees and /api to a visitor who is not signed in, with JavaScript and without", async () => {
    for (const [p, mode] of [[page, "JS"], [plain, "no JS"]] as const) {
      await visit(p, "/donnees", `open data (${mode})`, { phone: mode === "JS" });
      const table = p.getByRole("table", { name: "Jeux de données" });
      await expect.poll(() => table.locator("tbody tr").count()).toBe(datasets.length);
      expect(await table.textContent()).toMatch(/\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}/);
      expect(await p.getByRole("link", { name: "Schéma de Idées publiées" }).getAttribute("href")).toBe("/donnees/idees/schema.json");
      await visit(p, "/api", `public API (${mode})`);
      expect(await p.getByRole("link", { name: "/api/v1/openapi.json" }).count()).toBe(1);
    }
  });

  it("creates a token (shown once), refuses an empty name beside the field, and revokes it, with JavaScript and without", async () => {
    for (const [p, mode] of [[page, "JS"], [plain, "no JS"]] as const) {
      await signIn(p, TEAM);
      await visit(p, "/lab/region-grand-est/jetons", `lab tokens (${mode})`);
      // an empty name: refused beside the field, the summary takes the focus
      await p.getByRole("button", { name: "Créer le jeton" }).click();
      await p.getByText("Nom du jeton\u00a0: au moins 3 caractères.").first().waitFor();
      expect(await focusedId(p)).toMatch(/error-summary|erreurs/);
      await check(p, `lab tokens, empty name refused (${mode})`);
      const name = `Tableau de bord ${mode}`;
      await p.getByLabel("Nom du jeton").fill(name);
      await p.getByRole("button", { name: "Créer le jeton" }).click();
      const secret = p.locator("[data-token-secret]");
      await secret.waitFor();
      expect(await secret.textContent()).toMatch(/^gmr_[A-Za-z0-9_-]{43}$/);
      await check(p, `lab tokens, token created (${mode})`);
      const revoke = p.getByRole("button", { name: `Révoquer le jeton «\u00a0${name}\u00a0»` });
      await revoke.click();
      await p.getByText("Le jeton est révoqué").first().waitFor();
      expect(await p.locator("[data-token-secret]").count()).toBe(0);
      await check(p, `lab tokens, token revoked (${mode})`);
    }
  });
});
