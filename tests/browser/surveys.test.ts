/**
 * Questionnaires in a real browser. A lycée agent (JavaScript on) answers the Région lab's open
 * questionnaire: the required answers missing first (summary focused, messages beside the fields),
 * then « Oui » opens the page the condition shows; a second agent, JavaScript off, answers « Non »
 * and the server skips that page. An anonymous visitor answers Lab'EST's questionnaire by its link
 * (no account), and is told on coming back that this browser has answered. The Lab'EST team reads
 * its 2020 questionnaire's results (7,286 answers): charts with their tables, a cross-tab by
 * organisation whose small group says « moins de 5 », the themes of the free texts. axe-core and
 * the French typography check run on every page; the answering pages and the results at 390 px too.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type TestServer } from "../support/server";
import { check, describeWithBrowser, focusedId, launchBrowser, newContext, signIn, visit } from "../support/browser";
import { agents, labTeam, organizations } from "../../src/demo/content/index";

const email = (key: string) => labTeam.find((p) => p.key === key)!.email;
const lyceeAgents = agents.filter((a) => organizations.find((o) => o.key === a.organizationKey)?.kind === "lycee");
const SURVEY = "Vos outils au quotidien dans les lycées";

/** DSFR draws radios and boxes on their label, which takes the click, as it does for a user. */
const choose = (scope: Page | ReturnType<Page["locator"]>, label: string) => scope.locator("label.fr-label", { hasText: new RegExp(`^${label}$`) }).click();

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

describeWithBrowser("Questionnaires in a browser (axe + typography on every page)", () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const page = async (js: boolean) => {
    const ctx = await newContext(browser, server.url, js ? {} : { javaScriptEnabled: false });
    contexts.push(ctx);
    return ctx.newPage();
  };

  it("an agent answers with JavaScript: errors first, then the page a condition shows", async () => {
    const agent = await page(true);
    await signIn(agent, lyceeAgents[0].email);
    await visit(agent, "/questionnaires", "my questionnaires");
    await agent.getByRole("link", { name: SURVEY }).click();
    await agent.waitForURL(/\/questionnaires\/[0-9a-f-]{36}$/);
    await check(agent, "answering, first page", { phone: true });
    await agent.getByRole("button", { name: "Page suivante" }).click();
    await agent.locator("#error-summary").waitFor();
    expect(await focusedId(agent)).toBe("error-summary");
    expect(await agent.locator("#error-summary").textContent()).toContain("Répondez à cette question.");
    await check(agent, "answering, errors");
    await choose(agent, "Restauration");
    await choose(agent.getByRole("radiogroup", { name: /Un équipement vous manque-t-il/ }), "Oui");
    await agent.getByRole("button", { name: "Page suivante" }).click();
    await agent.getByRole("heading", { name: /L’équipement qui vous manque/ }).waitFor();
    await check(agent, "answering, the conditional page", { phone: true });
    await agent.getByLabel(/Lequel/).fill("Un chariot de service plus léger");
    await choose(agent.getByRole("radiogroup", { name: /À quel point/ }), "4");
    await agent.getByRole("button", { name: "Page suivante" }).click();
    await agent.getByRole("heading", { name: /Pour finir/ }).waitFor();
    await agent.getByLabel("Des équipements plus légers").selectOption("1");
    await agent.getByLabel("Moins de bruit").selectOption("1");
    await agent.getByLabel("Des produits moins irritants").selectOption("2");
    await agent.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await agent.locator("#error-summary").waitFor();
    expect(await agent.locator("#error-summary").textContent()).toContain("Chaque rang une seule fois");
    await agent.getByLabel("Des produits moins irritants").selectOption("3");
    await agent.getByLabel("Moins de bruit").selectOption("2");
    await agent.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await agent.getByText("Merci, votre réponse est enregistrée.").waitFor();
    await check(agent, "answered, editable");
    // given back to edit
    expect(await agent.getByLabel("Restauration").isChecked()).toBe(true);
  });

  it("an agent without JavaScript answers « Non »: the server skips the conditional page", async () => {
    const agent = await page(false);
    await signIn(agent, lyceeAgents[1].email);
    await visit(agent, "/questionnaires", "my questionnaires, no JavaScript");
    await Promise.all([agent.waitForURL(/\/questionnaires\/[0-9a-f-]{36}$/), agent.getByRole("link", { name: SURVEY }).click()]);
    await choose(agent, "Accueil");
    await choose(agent.getByRole("radiogroup", { name: /Un équipement vous manque-t-il/ }), "Non");
    await Promise.all([agent.waitForLoadState("load"), agent.getByRole("button", { name: "Page suivante" }).click()]);
    await agent.getByRole("heading", { name: /Pour finir/ }).waitFor();
    expect(await agent.getByText("L’équipement qui vous manque").count()).toBe(0);
    await check(agent, "answering without JavaScript, the last page");
    // back, then forward again: the answers of the first page are kept
    await Promise.all([agent.waitForLoadState("load"), agent.getByRole("button", { name: "Page précédente" }).click()]);
    expect(await agent.getByLabel("Accueil").isChecked()).toBe(true);
    await Promise.all([agent.waitForLoadState("load"), agent.getByRole("button", { name: "Page suivante" }).click()]);
    await Promise.all([agent.waitForURL(/fait=merci/), agent.getByRole("button", { name: "Envoyer mes réponses" }).click()]);
    await agent.getByText("Merci, votre réponse est enregistrée.").waitFor();
    await check(agent, "answered without JavaScript");
  });

  it("an anonymous visitor answers by the link, once from this browser", async () => {
    const team = await page(true);
    await signIn(team, email("labest-1"));
    await visit(team, "/lab/labest/questionnaires", "the lab's questionnaires", { phone: true });
    await team.getByRole("link", { name: /^Votre avis sur la journée/ }).click();
    await team.waitForURL(/\/lab\/labest\/questionnaires\/[0-9a-f-]{36}$/);
    await check(team, "the builder of an anonymous questionnaire");
    const link = new URL((await team.locator("[data-survey-link]").textContent())!).pathname;
    const visitor = await page(false);
    await visit(visitor, link, "anonymous answering, no JavaScript", { phone: true });
    await choose(visitor.getByRole("radiogroup", { name: /la journée vous a-t-elle plu/ }), "5");
    await choose(visitor, "L’exposition");
    await Promise.all([visitor.waitForURL(/fait=merci/), visitor.getByRole("button", { name: "Envoyer mes réponses" }).click()]);
    await visitor.getByText("Merci, votre réponse anonyme est enregistrée.").waitFor();
    await check(visitor, "anonymous answer recorded");
    await visitor.goto(link);
    await visitor.getByText("Vous avez déjà répondu à ce questionnaire depuis ce navigateur.").waitFor();
    // with JavaScript, another browser
    const other = await page(true);
    await visit(other, link, "anonymous answering, JavaScript");
    await other.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await other.locator("#error-summary").waitFor();
    expect(await focusedId(other)).toBe("error-summary");
  });

  it("the lab reads the results: charts and tables, a cross-tab with « moins de 5 », the themes of the free texts", async () => {
    const team = await page(true);
    await signIn(team, email("labest-1"));
    await visit(team, "/lab/labest/questionnaires", "the lab's questionnaires");
    await team.getByRole("link", { name: "Résultats" }).last().click();
    await team.waitForURL(/\/resultats$/);
    expect(await team.locator("[data-total]").textContent()).toBe("7\u202f286\u00a0réponses");
    expect(await team.locator("svg.germoir-chart").count()).toBeGreaterThan(5);
    await check(team, "results", { phone: true });
    await team.getByLabel("Question").selectOption({ label: "Votre catégorie" });
    await team.getByLabel("Selon").selectOption({ label: "Organisation" });
    await team.getByRole("button", { name: "Croiser" }).click();
    await team.waitForURL(/par=organisation/);
    const cross = team.locator("[data-cross]");
    await cross.waitFor();
    expect(await cross.locator("th", { hasText: "Sous-préfecture de Saint-Dié-des-Vosges" }).count()).toBe(1);
    expect(await cross.getByText("moins de 5", { exact: true }).count()).toBeGreaterThanOrEqual(5);
    await check(team, "results, cross-tab by organisation");
    const themes = team.locator("[data-themes] ol > li");
    expect(await themes.count()).toBeGreaterThanOrEqual(4);
    expect(await team.locator("[data-themes] q").count()).toBeGreaterThanOrEqual(4);
    // without JavaScript the cross-tab is a plain GET form
    const plain = await page(false);
    await signIn(plain, email("labest-1"));
    await visit(plain, new URL(team.url()).pathname + new URL(team.url()).search, "results, no JavaScript");
    expect(await plain.locator("[data-cross]").getByText("moins de 5", { exact: true }).count()).toBeGreaterThanOrEqual(5);
  });
});
