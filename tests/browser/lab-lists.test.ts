/**
 * The lab's campaign page at scale (the demo's G1ID campaign, 244 ranked ideas) in Chromium: its
 * height stays bounded at 1280 and 390 px wide, its actions come before the ranking, the ranking is
 * searched, filtered and paged without JavaScript; and the exports are offered where a lab expects
 * them (campaign, Mini-Lab, the lab's Mini-Labs, « Arbitrage »), one of them downloaded by a click.
 * axe-core and the French typography check run on every page visited.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type TestServer } from "../support/server";
import { check, describeWithBrowser, launchBrowser, newContext, signIn } from "../support/browser";
import { labTeam } from "../../src/demo/content";

const TEAM = labTeam.find((p) => p.key === "dimap-1")!.email;
const DIRECTOR = labTeam.find((p) => p.key === "director-lycees")!.email;
/** A layout bound, not a timing: 244 ideas made this page 22,775 px tall. */
const MAX_HEIGHT = 4000;
const STEP_TIMEOUT = 240_000;

let server: TestServer;
let browser: Browser;
let withJs: BrowserContext;
let noJs: BrowserContext;
let director: BrowserContext;
let page: Page;
let plain: Page;
let contestUrl = "";

const height = (p: Page) => p.evaluate(() => document.documentElement.scrollHeight);
const top = (p: Page, selector: string) => p.locator(selector).first().evaluate((e) => e.getBoundingClientRect().top + window.scrollY);

describeWithBrowser("the lab's lists and exports in a browser", () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    withJs = await newContext(browser, server.url, { acceptDownloads: true });
    noJs = await newContext(browser, server.url, { javaScriptEnabled: false });
    director = await newContext(browser, server.url);
    [page, plain] = await Promise.all([withJs.newPage(), noJs.newPage()]);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("keeps the campaign page of 244 ideas under 4,000 px at 1280 and 390 px wide, actions first", async () => {
    await signIn(page, TEAM);
    await signIn(plain, TEAM);
    await page.goto("/lab");
    await page.getByRole("link", { name: "G1ID – Concours d’idées internes" }).first().click();
    await page.waitForURL(/\/lab\/campagnes\/[0-9a-f-]{36}$/);
    contestUrl = new URL(page.url()).pathname;
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(contestUrl);
      await page.getByRole("table", { name: "Idées classées par moyenne pondérée" }).waitFor();
      await check(page, `lab campaign page, ${width} px`);
      const h = await height(page);
      console.log(`[lab-lists] campaign page (244 ideas) at ${width} px wide: ${h} px tall`);
      expect(h, `height at ${width} px`).toBeLessThan(MAX_HEIGHT);
      // the page's content does not scroll sideways (the header is another matter)
      expect(await page.evaluate(() => document.querySelector("main")!.scrollWidth), `width at ${width} px`).toBeLessThanOrEqual(width);
      // the actions, the award and the exports come before the ranking
      const ranking = await top(page, "#classement");
      for (const selector of ["text=Clôturer maintenant", "#primer", "a[href$='/export/classement.xlsx']", "a[href$='/doublons']", "a[href*='/problematiques']", "input[name='closesAt']"]) {
        if ((await page.locator(selector).count()) === 0) continue;
        expect(await top(page, selector), selector).toBeLessThan(ranking);
      }
      expect(await page.locator("#primer").count()).toBe(1);
      expect(await page.locator(".fr-table--bordered tbody tr").count()).toBe(10);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }, STEP_TIMEOUT);

  it("searches, filters and pages the ranking without JavaScript", async () => {
    const p = plain;
    await p.goto(contestUrl);
    const status = p.locator("p[role=status]");
    await expect.poll(() => status.innerText()).toMatch(/244\u00a0idées\. Page 1 sur 25\./);
    const rows = p.locator(".fr-table--bordered tbody tr");
    const firstPage = await rows.allInnerTexts();
    expect(firstPage[0]).toContain("Le gâchimètre du self");
    // page 2: ten other ideas, ranks 11 to 20
    await p.getByRole("link", { name: "Page suivante" }).click();
    await p.waitForURL(/page=2/);
    const second = await rows.allInnerTexts();
    expect(second).toHaveLength(10);
    expect(second[0]).toMatch(/^11\b/);
    expect(second.some((r) => firstPage.includes(r))).toBe(false);
    await check(p, "lab campaign ranking, page 2 (no JavaScript)");
    // a search, without accents or case
    await p.getByLabel("Rechercher un titre ou un auteur").fill("GACHIMETRE");
    await p.getByRole("button", { name: "Filtrer le classement" }).click();
    await p.waitForURL(/q=GACHIMETRE/);
    expect(await rows.allInnerTexts()).toEqual([expect.stringContaining("Le gâchimètre du self")]);
    expect(await status.innerText()).toMatch(/^1\u00a0idée correspond aux filtres, sur 244\./);
    await check(p, "lab campaign ranking, searched (no JavaScript)");
    // awarded ideas only
    await p.getByRole("link", { name: "Effacer les filtres" }).click();
    await p.waitForURL((u) => !u.search);
    await p.getByLabel("Distinction").selectOption("oui");
    await p.getByRole("button", { name: "Filtrer le classement" }).click();
    await p.waitForURL(/primee=oui/);
    const awarded = await rows.allInnerTexts();
    expect(awarded.length).toBeGreaterThan(0);
    for (const r of awarded) expect(r).toMatch(/Primée/);
    expect(await p.getByLabel("Distinction").inputValue()).toBe("oui");
  }, STEP_TIMEOUT);

  it("downloads the jury's ranking as XLSX from the campaign page", async () => {
    await page.goto(contestUrl);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "XLSX (classement du jury)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^classement-g1id-concours-d-idees-internes-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(245);
    expect(ws.getCell("B2").value).toBe("Le gâchimètre du self");
  }, STEP_TIMEOUT);

  it("offers the exports on the Mini-Lab, the lab's Mini-Labs and « Arbitrage » pages", async () => {
    await page.goto("/lab/region-grand-est/minilabs");
    await page.getByRole("link", { name: "CSV (décisions sur les propositions des Mini-Labs)" }).waitFor();
    await check(page, "the lab's Mini-Labs, with the decisions' export");
    await page.getByRole("link", { name: "Mini-Lab Restauration scolaire", exact: true }).first().click();
    await page.waitForURL(/\/minilabs\/[0-9a-f-]{36}$/);
    const members = page.getByRole("link", { name: "XLSX (membres et présences)" });
    await members.waitFor();
    expect(await members.getAttribute("href")).toMatch(/\/minilabs\/[0-9a-f-]{36}\/export\/membres\.xlsx$/);
    await check(page, "Mini-Lab page (lab team), with the members' export");

    const d = await director.newPage();
    await signIn(d, DIRECTOR);
    await d.goto("/arbitrage");
    const decisions = d.getByRole("link", { name: "CSV (décisions de la direction)" });
    await decisions.waitFor();
    expect(await decisions.getAttribute("href")).toBe("/arbitrage/export/decisions.csv");
    await check(d, "Arbitrage (director), with the decisions' export");
  }, STEP_TIMEOUT);
});
