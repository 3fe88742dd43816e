/**
 * A private Mini-Lab and its invitations by email, in a real browser: the lab team opens it from a
 * published theme, reads an invitation in the lab's outbox (embedded mode: kept locally), the
 * invited agent follows the mail's link and joins without JavaScript, another agent neither sees
 * it in the list nor reaches its page, and stops the invitation mails. axe-core and the French typography check run on every page.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type TestServer } from "../support/server";
import { check, describeWithBrowser, launchBrowser, newContext, signIn, visit } from "../support/browser";
import { isoDay } from "../../src/kernel/format";
import { agents } from "../../src/demo/content/index";
import { closedCampaignIdeas } from "../../src/demo/content/ideas";

const LAB = "helene.strauss@grandest.fr";
const NAME = "Mini-Lab privé Communication";
let server: TestServer;
let browser: Browser;
let labCtx: BrowserContext;
let agentCtx: BrowserContext;
let strangerCtx: BrowserContext;
let lab: Page;
let agent: Page;
let stranger: Page;

describeWithBrowser("a private Mini-Lab and its invitation mails, in a browser (axe + typography on every page)", () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    labCtx = await newContext(browser, server.url);
    agentCtx = await newContext(browser, server.url, { javaScriptEnabled: false });
    strangerCtx = await newContext(browser, server.url);
    [lab, agent, stranger] = await Promise.all([labCtx.newPage(), agentCtx.newPage(), strangerCtx.newPage()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  let minilabUrl = "";
  let invitedEmail = "";
  let link = "";

  it("the lab team opens a private Mini-Lab from a published theme", async () => {
    await signIn(lab, LAB);
    await visit(lab, "/lab/region-grand-est/minilabs/nouveau", "new Mini-Lab form");
    const theme = lab.getByLabel("Thème publié (facultatif)");
    // any published theme will do: which problems keep a theme of their own depends on the clustering
    const option = await theme.locator("option:not([value=''])").first().getAttribute("value");
    await theme.selectOption(option!);
    await lab.getByLabel("Nom du Mini-Lab").fill(NAME);
    await lab.getByLabel("Question travaillée").fill("Comment faire circuler l’information utile entre les sites sans noyer les agents sous les courriels ?");
    await lab.locator("label", { hasText: /^Privé/ }).click();
    expect(await lab.getByRole("radio", { name: /Privé/ }).isChecked()).toBe(true);
    const day = (d: number) => isoDay(new Date(Date.now() + d * 86_400_000));
    await lab.getByLabel("Début des sessions").fill(day(-1));
    await lab.getByLabel("Fin des sessions").fill(day(100));
    await lab.getByLabel("Restitution", { exact: true }).fill(day(150));
    await lab.getByLabel("Arbitrage", { exact: true }).fill(day(200));
    await lab.getByRole("button", { name: "Ouvrir le Mini-Lab" }).click();
    await lab.waitForURL(/\/minilabs\/[0-9a-f-]{36}\?ouvert=1$/);
    minilabUrl = new URL(lab.url()).pathname;
    await lab.getByText("Ce Mini-Lab est privé").waitFor();
    await check(lab, "private Mini-Lab page (just opened)");
  });

  it("the invitation is readable in the lab's outbox, kept locally, with its link", async () => {
    await visit(lab, "/lab", "lab home");
    await lab.getByRole("link", { name: "Courriels envoyés" }).first().click();
    await lab.waitForURL("**/lab/region-grand-est/courriels");
    const row = () => lab.getByRole("row").filter({ hasText: `Invitation au ${NAME}` }).first();
    // delivered by the job queue (it polls every half second)
    await expect.poll(async () => {
      await lab.reload();
      return (await row().count()) > 0 ? await row().innerText() : "";
    }, { timeout: 20_000 }).toContain("Conservé localement");
    await check(lab, "lab outbox");
    await row().getByRole("link").click();
    await lab.waitForURL(/\/courriels\/[0-9a-f-]{36}$/);
    await lab.getByRole("heading", { level: 1, name: `Invitation au ${NAME}` }).waitFor();
    await check(lab, "one mail of the outbox");
    const body = await lab.locator("main").innerText();
    expect(body).toContain("une de vos idées rejoint sa problématique");
    expect(body).toContain("Ce Mini-Lab est privé");
    link = (await lab.getByRole("link", { name: new RegExp(`${minilabUrl}$`) }).getAttribute("href"))!;
    expect(link).toBe(`${server.url}${minilabUrl}`);
    invitedEmail = (await lab.locator("dt:text-is('À') + dd").innerText()).trim();
    expect(invitedEmail).toMatch(/@/);
  });

  it("the invited agent follows the mail's link and joins without JavaScript", async () => {
    await signIn(agent, invitedEmail);
    await visit(agent, new URL(link).pathname, "private Mini-Lab (invited, JS off)");
    await agent.getByText("Une invitation à ce Mini-Lab vous attend").waitFor();
    await agent.getByRole("button", { name: "Rejoindre le Mini-Lab" }).first().click();
    await agent.getByText("Vous avez rejoint le Mini-Lab.").waitFor();
    await check(agent, "private Mini-Lab (member, JS off)");
    await visit(agent, "/minilabs", "Mini-Labs list (member)");
    expect(await agent.getByRole("link", { name: NAME }).count()).toBe(1);
  });

  it("another agent neither sees it in the list nor reaches its page", async () => {
    // an agent who holds no idea of the analysed contest: whichever ideas the clustering put in the
    // theme, its holders are invited, and this agent cannot be one of them
    const holders = new Set(closedCampaignIdeas.flatMap((i) => [i.authorKey, ...i.coAuthorKeys]));
    const other = agents.find((a) => !holders.has(a.key) && a.email !== invitedEmail && a.email.includes("@"))!;
    await signIn(stranger, other.email);
    await visit(stranger, "/minilabs", "Mini-Labs list (stranger)");
    expect(await stranger.getByRole("link", { name: NAME }).count()).toBe(0);
    const res = await stranger.goto(minilabUrl);
    expect(res?.status()).toBe(404);
    await check(stranger, "private Mini-Lab (stranger: 404)");
    // and stops the invitation mails from the notifications page
    await visit(stranger, "/notifications", "notifications and mail preferences");
    await stranger.getByText("Invitations aux Mini-Labs").click();
    await stranger.getByRole("button", { name: "Enregistrer mes préférences" }).click();
    await stranger.getByText("Vos préférences de courriel sont enregistrées.").waitFor();
    await check(stranger, "notifications (preferences saved)");
    await stranger.reload();
    expect(await stranger.getByRole("checkbox", { name: "Invitations aux Mini-Labs" }).isChecked()).toBe(false);
  });
});
