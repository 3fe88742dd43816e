/**
 * The pages a public service must have, and « Mes données », in a real browser: a visitor reads
 * the four footer pages; an agent reads their data, downloads it, and (JavaScript off) deletes a
 * fresh account after one refused confirmation. The site map lists every section the header
 * offers. axe-core and the French typography check run on every page visited.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type TestServer } from "../support/server";
import { check, describeWithBrowser, focusedId, launchBrowser, newContext, signIn, visit } from "../support/browser";
import { agents, labTeam } from "../../src/demo/content/index";

const email = (key: string) => labTeam.find((p) => p.key === key)!.email;

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let visitor: Page;
let agent: Page;
let leaver: Page;
let team: Page;

describeWithBrowser("Legal pages and « Mes données » in a browser (axe + typography on every page)", () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const make = async (js: boolean) => {
      const ctx = await newContext(browser, server.url, js ? { acceptDownloads: true } : { javaScriptEnabled: false });
      contexts.push(ctx);
      return ctx.newPage();
    };
    [visitor, agent, leaver, team] = await Promise.all([make(true), make(true), make(false), make(true)]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a visitor reaches the four legal pages from the footer", async () => {
    await visit(visitor, "/", "home (signed out)");
    for (const [link, heading] of [
      ["Mentions légales", "Mentions légales"],
      ["Données personnelles", "Données personnelles"],
      ["Accessibilité\u00a0: partiellement conforme", "Déclaration d’accessibilité"],
      ["Plan du site", "Plan du site"],
    ]) {
      await visitor.getByRole("contentinfo").getByRole("link", { name: link, exact: true }).click();
      await visitor.getByRole("heading", { level: 1, name: heading }).waitFor();
      await check(visitor, heading);
    }
  }, 180_000);

  it("the site map lists every section the header offers to a lab team member", async () => {
    await signIn(team, email("dimap-1"));
    const inHeader = await team.getByRole("navigation", { name: "Menu principal" }).getByRole("link").evaluateAll((links) => links.map((l) => new URL((l as HTMLAnchorElement).href).pathname));
    expect(inHeader.length).toBeGreaterThan(4);
    await visit(team, "/plan-du-site", "site map (lab team)");
    const inMap = await team.locator("main").getByRole("link").evaluateAll((links) => links.map((l) => new URL((l as HTMLAnchorElement).href).pathname));
    for (const path of inHeader) expect(inMap, path).toContain(path);
    for (const path of ["/mes-donnees", "/notifications", "/mentions-legales", "/donnees-personnelles", "/accessibilite"]) expect(inMap, path).toContain(path);
  }, 180_000);

  it("a lab administrator chooses to withdraw the contributions of deleted accounts", async () => {
    await visit(team, "/lab/region-grand-est/roles", "lab roles (administrator)");
    expect(await team.getByRole("radio", { name: /Les garder/ }).isChecked()).toBe(true);
    // the DSFR label covers its radio: a user clicks the label
    await team.getByText(/^Les retirer/).click();
    await team.getByRole("button", { name: "Enregistrer ce choix" }).click();
    await team.getByText("Le choix du lab pour les comptes supprimés est enregistré.").waitFor();
    await check(team, "lab roles (choice saved)");
    await team.reload();
    expect(await team.getByRole("radio", { name: /Les retirer/ }).isChecked()).toBe(true);
  }, 180_000);

  it("an agent reads their data and downloads it as JSON", async () => {
    const me = agents[3];
    await signIn(agent, me.email);
    await agent.getByRole("contentinfo").getByRole("link", { name: "Mes données" }).click();
    await agent.getByRole("heading", { level: 1, name: "Mes données" }).waitFor();
    await check(agent, "Mes données");
    await expect.poll(() => agent.getByRole("cell", { name: me.email, exact: true }).count()).toBe(1);
    const [download] = await Promise.all([agent.waitForEvent("download"), agent.getByRole("link", { name: "Télécharger mes données (JSON)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^mes-donnees-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const doc = JSON.parse(await (await import("node:fs/promises")).readFile(file, "utf8"));
    expect(doc.account[0].email).toBe(me.email);
    await agent.getByRole("link", { name: "Supprimer mon compte" }).click();
    await agent.getByRole("heading", { level: 1, name: "Supprimer mon compte" }).waitFor();
    await check(agent, "delete account (confirmation form)");
  }, 180_000);

  it("without JavaScript, an agent deletes their account after one refused confirmation", async () => {
    const me = agents[agents.length - 2];
    await signIn(leaver, me.email);
    await leaver.goto("/mes-donnees/supprimer");
    await leaver.getByLabel(/Pour confirmer, saisissez SUPPRIMER/).fill("oui");
    await leaver.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
    await leaver.locator("#error-summary").waitFor();
    expect(await focusedId(leaver)).toBe("error-summary");
    expect(await leaver.getByLabel(/Pour confirmer/).inputValue()).toBe("oui");
    await check(leaver, "delete account (refused confirmation)");
    await leaver.getByLabel(/Pour confirmer, saisissez SUPPRIMER/).fill("SUPPRIMER");
    await leaver.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
    await leaver.waitForURL("**/compte-supprime");
    await check(leaver, "account deleted");
    expect(await leaver.getByRole("link", { name: "Se connecter" }).count()).toBeGreaterThan(0);
    const back = await leaver.goto("/mes-donnees");
    expect(new URL(back!.url()).pathname).toBe("/connexion");
  }, 180_000);
});
