/**
 * Proposals and arbitration in a real browser: a member of the running « Restauration scolaire »
 * Mini-Lab writes and submits a proposal; the director of the lycées decides with JavaScript off;
 * the member, who holds an idea of the Mini-Lab's theme, sees the decision in that idea's trace
 * and in « Mes idées ». axe-core and the French typography check run on every page.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type TestServer } from "../support/server";
import { check, describeWithBrowser, focusedId, launchBrowser, newContext, signIn, visit } from "../support/browser";
import { isoDay } from "../../src/kernel/format";
import { agents, labTeam } from "../../src/demo/content/index";

const LAB = "helene.strauss@grandest.fr";
const person = (key: string) => labTeam.find((p) => p.key === key)!;
let server: TestServer;
let browser: Browser;
let memberCtx: BrowserContext;
let directorCtx: BrowserContext;
let member: Page;
let director: Page;

describeWithBrowser("Proposals and arbitration in a browser (axe + typography on every page)", () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    memberCtx = await newContext(browser, server.url);
    directorCtx = await newContext(browser, server.url, { javaScriptEnabled: false });
    [member, director] = await Promise.all([memberCtx.newPage(), directorCtx.newPage()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  let minilabUrl = "";
  let proposalUrl = "";
  const title = "Un tableau des restes affiché au self";

  it("a member of the running Mini-Lab writes a proposal, fixes the form's errors and submits it for restitution", async () => {
    // who is a member: read from the Mini-Lab's page (the members joined from their theme ideas)
    await signIn(member, LAB);
    await member.goto("/minilabs");
    await member.getByRole("link", { name: "Mini-Lab Restauration scolaire" }).click();
    await member.waitForURL(/\/minilabs\/[0-9a-f-]{36}$/);
    minilabUrl = new URL(member.url()).pathname;
    const firstMember = await member.locator("h2", { hasText: /^Membres \(/ }).locator("xpath=following-sibling::ul[1]/li[1]").innerText();
    const name = firstMember.split(/[,–]/)[0].trim();
    const email = [...agents, ...labTeam].find((a) => `${a.firstName} ${a.lastName}` === name)?.email ?? "";
    expect(email).toContain("@");
    await memberCtx.clearCookies();
    await signIn(member, email);

    await visit(member, minilabUrl, "Mini-Lab page (member)", { phone: true });
    await member.getByRole("heading", { name: /^Propositions \(1\)/ }).waitFor(); // the demo's draft
    await member.getByRole("link", { name: "Rédiger une proposition" }).click();
    await member.waitForURL("**/propositions/nouvelle");
    await check(member, "new proposal form");
    await member.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await member.locator("#error-summary").waitFor();
    expect(await focusedId(member)).toBe("error-summary");
    await check(member, "new proposal form, errors");
    await member.getByLabel("Titre de la proposition").fill(title);
    await member.getByLabel("Le problème").fill("Personne ne voit ce qui est jeté au self : les plats boudés reviennent sans que l’équipe le sache.");
    await member.getByLabel("La solution proposée").fill("Peser les restes par plat chaque jour et afficher un tableau simple à la sortie du self, discuté chaque mois avec le chef.");
    await member.getByLabel("L’impact attendu").fill("Moins de gaspillage et des menus ajustés aux goûts des élèves.");
    await member.getByLabel("Moyens et coût estimé").fill("Une balance et un tableau par self, dix minutes par jour.");
    await member.getByLabel("Montant estimé en euros (facultatif)").fill("4 500");
    await member.getByLabel("Direction concernée").selectOption("Direction des lycées");
    await member.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await member.waitForURL(/\/propositions\/[0-9a-f-]{36}\?enregistree=1$/);
    proposalUrl = new URL(member.url()).pathname;
    await member.getByText("La proposition est enregistrée en brouillon.").waitFor();
    await check(member, "proposal page (draft)");
    await member.getByRole("button", { name: "Soumettre pour restitution" }).click();
    await member.getByText(/soumise pour restitution à la direction concernée/).waitFor();
    await expect.poll(() => member.getByRole("link", { name: "Modifier le brouillon" }).count()).toBe(0);
    await check(member, "proposal page (submitted)", { phone: true });
  });

  it("the director of the lycées finds it on /arbitrage and decides, without JavaScript", async () => {
    await signIn(director, person("director-lycees").email);
    await visit(director, "/arbitrage", "arbitration page (pending)");
    const pending = director.getByRole("table", { name: "Propositions en attente de décision" });
    await pending.getByRole("link", { name: title }).click();
    await director.waitForURL(`**${proposalUrl}`);
    await check(director, "proposal page (director)");
    // adopted without a reason, an owner or a due date: three errors, input kept
    await director.locator("label", { hasText: /^Adoptée$/ }).click();
    await director.getByRole("button", { name: "Publier la décision" }).click();
    await director.locator("#error-summary").waitFor();
    await expect.poll(() => director.locator("#error-summary li").count()).toBe(3);
    expect(await director.getByLabel("Adoptée", { exact: true }).isChecked()).toBe(true);
    await check(director, "decision form, errors (JS off)");
    await director.getByLabel("Motif").fill("Peu coûteux et utile : à généraliser aux lycées volontaires.");
    await director.getByLabel("Responsable du suivi (adresse électronique)").fill(person("dimap-3").email);
    await director.getByLabel("Échéance du suivi").fill(isoDay(new Date(Date.now() + 120 * 86_400_000)));
    await director.getByRole("button", { name: "Publier la décision" }).click();
    await director.getByText(/La décision est publiée/).waitFor();
    await director.getByText("(décision en vigueur)").waitFor();
    await check(director, "proposal page (decided, JS off)");
    await visit(director, "/arbitrage", "arbitration page (decided)", { phone: true });
    await director.getByRole("table", { name: "Propositions décidées" }).getByRole("link", { name: title }).waitFor();
  });

  it("the member, who holds a theme idea, sees the decision in « Mes idées » and in the idea's trace", async () => {
    await visit(member, "/mes-idees", "Mes idées (after the decision)", { phone: true });
    const card = member.locator("li", { has: member.getByText(/Où elle en est\s*: Une proposition du Mini-Lab Restauration scolaire a été adoptée — suivi par Nawel Bensaïd d’ici le/) }).first();
    await card.waitFor();
    await card.getByRole("heading", { level: 2 }).getByRole("link").click();
    await member.waitForURL(/\/idees\/[0-9a-f-]{36}$/);
    const trace = member.locator("section", { has: member.getByRole("heading", { name: "Parcours de l’idée" }) });
    await trace.getByRole("link", { name: /Travaillée dans le Mini-Lab Restauration scolaire/ }).waitFor();
    await trace.getByRole("link", { name: new RegExp(`Proposition «\\s*${title}\\s*»`) }).waitFor();
    await trace.getByText(/Motif\s*: Peu coûteux et utile/).waitFor();
    await trace.getByText(new RegExp(`Suivi de la proposition «\\s*${title}\\s*» par Nawel Bensaïd d’ici le`)).waitFor();
    await check(member, "idea page with its trace", { phone: true });
    // the notification reached them
    await visit(member, "/notifications", "notifications (member)");
    await member.getByText(new RegExp(`La proposition «\\s*${title}\\s*» du Mini-Lab Restauration scolaire est adoptée`)).first().waitFor();
  });

  it("with JavaScript, the director corrects the decision: the proposal shows its decided status, the correction form starts empty, the « proposition soumise » notification is read", async () => {
    const jsCtx = await newContext(browser, server.url);
    const js = await jsCtx.newPage();
    await signIn(js, person("director-lycees").email);
    await visit(js, proposalUrl, "proposal page (decided, director with JS)");
    // its decided status, not « soumise pour restitution »
    await js.locator("p.fr-badge", { hasText: /^Adoptée$/ }).waitFor();
    expect(await js.getByText("Soumise pour restitution").count()).toBe(0);
    await js.getByRole("heading", { name: "Corriger la décision" }).waitFor();
    expect(await js.getByLabel("Motif").inputValue()).toBe("");
    await js.locator("label", { hasText: /^Reportée$/ }).click();
    await js.getByLabel("Motif").fill("Reportée à la rentrée : le budget des balances n’est pas encore voté.");
    await js.getByRole("button", { name: "Publier la correction" }).click();
    await js.locator("p.fr-badge", { hasText: "Reportée (décision corrigée)" }).waitFor();
    await js.getByText(/La décision est publiée/).waitFor();
    // a new correction starts from an empty form, not from what was just published
    expect(await js.getByLabel("Motif").inputValue()).toBe("");
    expect(await js.getByLabel("Reportée", { exact: true }).isChecked()).toBe(false);
    await check(js, "proposal page (corrected, JS)");
    await visit(js, "/notifications", "notifications (director)");
    const submitted = js.locator("li", { hasText: new RegExp(`vous soumet la proposition «\\s*${title}`) }).first();
    await submitted.waitFor();
    expect(await submitted.innerText()).not.toMatch(/Non lue/);
    await jsCtx.close();
  });

  it("the finished 2021 Mini-Lab shows its decided proposals, and a decided one its corrected history", async () => {
    await visit(member, "/minilabs", "Mini-Labs list");
    await member.getByRole("link", { name: "Mini-Lab Lycées écoresponsables" }).click();
    await member.getByRole("heading", { name: /^Propositions \(5\)/ }).waitFor();
    await check(member, "finished Mini-Lab page");
    await member.getByRole("link", { name: "Le tri sélectif dans les bureaux et les salles des professeurs" }).click();
    await member.getByText("(remplacée)").waitFor();
    await member.getByText("(décision en vigueur)").waitFor();
    await check(member, "proposal page with a corrected decision");
  });
});
