/**
 * Mini-Labs in a real browser (first slice of the issue): the lab team opens one from a published
 * theme, an invited holder joins, everyone sees the list. axe-core and the French typography check
 * run on every page; the forms are also used with JavaScript off.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type TestServer } from "../support/server";
import { check, describeWithBrowser, focusedId, launchBrowser, newContext, signIn, visit } from "../support/browser";
import { isoDay } from "../../src/kernel/format";
import { agents, labTeam } from "../../src/demo/content/index";

const LAB = "helene.strauss@grandest.fr";
let server: TestServer;
let browser: Browser;
let labCtx: BrowserContext;
let agentCtx: BrowserContext;
let lab: Page;
let agent: Page;

describeWithBrowser("Mini-Labs in a browser (axe + typography on every page)", () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    labCtx = await newContext(browser, server.url);
    agentCtx = await newContext(browser, server.url, { javaScriptEnabled: false });
    [lab, agent] = await Promise.all([labCtx.newPage(), agentCtx.newPage()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  let minilabUrl = "";
  let invitedEmail = "";

  let themeLabel = "";

  it("the lab team opens a Mini-Lab from a published theme; the holders are invited", async () => {
    await signIn(lab, LAB);
    await visit(lab, "/lab/region-grand-est/minilabs", "lab Mini-Labs overview");
    await lab.getByRole("link", { name: "Ouvrir un Mini-Lab" }).click();
    await lab.waitForURL("**/minilabs/nouveau");
    await check(lab, "new Mini-Lab form");
    await lab.getByRole("button", { name: "Ouvrir le Mini-Lab" }).click();
    await lab.locator("#error-summary").waitFor();
    expect(await focusedId(lab)).toBe("error-summary");
    await check(lab, "new Mini-Lab form, errors");
    const theme = lab.getByLabel("Thème publié (facultatif)");
    // any published theme will do: which problems keep a theme of their own depends on the clustering
    const first = theme.locator("option:not([value=''])").first();
    const option = await first.getAttribute("value");
    // « label (analysis) »: the theme's label, to find its row in the published map below
    themeLabel = (await first.innerText()).replace(/\s*\([^)]*\)\s*$/, "").trim();
    await theme.selectOption(option!);
    await lab.getByLabel("Nom du Mini-Lab").fill("Mini-Lab Communication interne");
    await lab.getByLabel("Question travaillée").fill("Comment faire circuler l’information utile entre les sites sans noyer les agents sous les courriels ?");
    await lab.getByLabel("Animateurs (adresses électroniques)").fill("");
    const day = (d: number) => isoDay(new Date(Date.now() + d * 86_400_000));
    await lab.getByLabel("Début des sessions").fill(day(-1));
    await lab.getByLabel("Fin des sessions").fill(day(100));
    await lab.getByLabel("Restitution", { exact: true }).fill(day(150));
    await lab.getByLabel("Arbitrage", { exact: true }).fill(day(200));
    await lab.getByLabel("Directions concernées").fill("Direction de la communication");
    await lab.getByRole("button", { name: "Ouvrir le Mini-Lab" }).click();
    await lab.waitForURL(/\/minilabs\/[0-9a-f-]{36}\?ouvert=1$/);
    minilabUrl = new URL(lab.url()).pathname;
    await lab.getByText(/aux auteurs des idées de son thème/).waitFor();
    await check(lab, "Mini-Lab page (just opened)", { phone: true });
    // who was invited: one of the theme's authors, read from the published map
    await visit(lab, "/problematiques", "themes index");
    await lab.getByRole("link", { name: /G1ID/ }).first().click();
    await lab.getByRole("table").waitFor();
    const row = lab.getByRole("row").filter({ has: lab.getByRole("rowheader", { name: new RegExp(`^${themeLabel.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+")}`) }) });
    const author = (await row.locator("li").first().innerText()).split(" – ").pop()!.trim();
    invitedEmail = [...agents, ...labTeam].find((a) => `${a.firstName} ${a.lastName}` === author)?.email ?? "";
    expect(invitedEmail).toContain("@");
  });

  it("an invited holder joins without JavaScript, then appears among the members", async () => {
    await signIn(agent, invitedEmail);
    await visit(agent, "/minilabs", "Mini-Labs list (agent, JS off)");
    await agent.getByText("Invitation reçue").first().waitFor();
    await visit(agent, minilabUrl, "Mini-Lab page (invited, JS off)");
    await agent.getByRole("button", { name: "Rejoindre le Mini-Lab" }).first().click();
    await agent.getByText("Vous avez rejoint le Mini-Lab.").waitFor();
    await check(agent, "Mini-Lab page (member, JS off)");
    await lab.goto(minilabUrl);
    const members = lab.getByRole("heading", { name: /^Membres \(1\)/ });
    await members.waitFor();
    await check(lab, "Mini-Lab page (lab team)");
    await visit(lab, "/lab/region-grand-est/minilabs", "lab Mini-Labs overview (after)");
  });
});
