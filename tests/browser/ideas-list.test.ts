/**
 * The ideas list in a real browser with JavaScript off: a misspelled search shows its corrected
 * results and « Vouliez-vous dire », the suggestion and « Effacer la recherche » are plain links,
 * and « Page suivante » / « Page précédente » walk the keyset pages. axe and the French typography
 * check run on every page.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startServer, type TestServer } from "../support/server";
import { check, describeWithBrowser, launchBrowser, newContext, signIn, visit } from "../support/browser";

let server: TestServer;
let browser: Browser;
let page: Page;

describeWithBrowser("The ideas list without JavaScript (axe + typography on every page)", () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    page = await (await newContext(browser, server.url, { javaScriptEnabled: false })).newPage();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("corrects a misspelled search, suggests the right words and clears the search", async () => {
    await signIn(page, "helene.strauss@grandest.fr");
    await visit(page, "/idees?q=restauraton+scolaire", "ideas: misspelled search");
    // French typography: no-break spaces inside guillemets and between a number and its word.
    await expect.poll(async () => (await page.getByRole("status").first().textContent())?.replace(/[\u00a0\u202f]/g, " ")).toMatch(/Aucune idée ne correspond à « restauraton scolaire »\. \d+ idées? pour « restauration scolaire »/);
    expect(await page.locator("ul.germoir-card-list > li").count()).toBeGreaterThan(0);
    await Promise.all([page.waitForURL(/q=restauration\+scolaire/), page.getByRole("link", { name: "restauration scolaire", exact: true }).click()]);
    await check(page, "ideas: corrected search");
    expect(await page.getByText("Vouliez-vous dire").count()).toBe(0);
    await Promise.all([page.waitForURL((u) => u.pathname === "/idees" && !u.search.includes("q=")), page.getByRole("link", { name: "Effacer la recherche" }).click()]);
    expect(await page.locator("#field-q").inputValue()).toBe("");
  });

  it("walks the pages forward and back with plain links", async () => {
    await visit(page, "/idees", "ideas: first page");
    const first = await page.locator("ul.germoir-card-list h2 a").allTextContents();
    await Promise.all([page.waitForURL(/apres=/), page.getByRole("link", { name: "Page suivante" }).click()]);
    await check(page, "ideas: next page");
    const second = await page.locator("ul.germoir-card-list h2 a").allTextContents();
    expect(second).toHaveLength(20);
    expect(second.filter((t) => first.includes(t))).toEqual([]);
    await Promise.all([page.waitForURL(/avant=/), page.getByRole("link", { name: "Page précédente" }).click()]);
    expect(await page.locator("ul.germoir-card-list h2 a").allTextContents()).toEqual(first);
  });
});
