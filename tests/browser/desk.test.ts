/**
 * The one-stop desk in a real browser: an agent of the SGAR de Normandie asks Innov’Mandie for help
 * (the form with JavaScript, errors first); the lab team qualifies it with a question (JavaScript
 * off); the agent answers; the lab accepts it (JavaScript off); « Mes demandes » shows it accepted.
 * An agent of the Département de l’Eure saves a draft without JavaScript. axe-core and the French
 * typography check run on every page visited; the form and the queue also 390 px wide.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startServer, type TestServer } from "../support/server";
import { check, describeWithBrowser, focusedId, launchBrowser, newContext, signIn, visit } from "../support/browser";

const JULIEN = "julien.marais@normandie.gouv.fr";
const SOLENE = "solene.lefebvre@normandie.gouv.fr";
const CAMILLE = "camille.leroux@eure.fr";
const TITLE = "Dématérialiser les demandes de congés des agents de la préfecture";

let server: TestServer;
let browser: Browser;
let agent: Page;
let lab: Page;
let noJsAgent: Page;

describeWithBrowser("The one-stop desk in a browser (axe + typography on every page)", () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    [agent, lab, noJsAgent] = await Promise.all([
      newContext(browser, server.url).then((c) => c.newPage()),
      newContext(browser, server.url, { javaScriptEnabled: false }).then((c) => c.newPage()),
      newContext(browser, server.url, { javaScriptEnabled: false }).then((c) => c.newPage()),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  let requestUrl = "";

  it("an agent asks Innov’Mandie for help, with JavaScript (errors first)", async () => {
    await signIn(agent, JULIEN);
    await agent.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Guichet" }).click();
    await agent.waitForURL("**/guichet");
    await agent.getByText("Réponse sous 15\u00a0jours ouvrés").first().waitFor();
    await check(agent, "desk: the labs");
    await agent.getByRole("link", { name: "Faire une demande" }).click();
    await agent.waitForURL("**/guichet/nouvelle");
    await check(agent, "desk form", { phone: true });
    await agent.getByRole("button", { name: "Envoyer la demande au lab" }).click();
    await agent.locator("#error-summary").waitFor();
    expect(await focusedId(agent)).toBe("error-summary");
    await check(agent, "desk form with errors");
    await agent.locator("label", { hasText: /^Innov’Mandie/ }).click();
    await agent.locator("label", { hasText: /^Conseil méthodologique$/ }).click();
    await agent.getByLabel("Titre de la demande").fill(TITLE);
    await agent.getByLabel(/^Contexte et problème/).fill("Les demandes de congés circulent sur papier entre trois bureaux : elles se perdent et les agents attendent leur réponse plus d’une semaine.");
    await agent.getByLabel(/^Qui est concerné/).fill("Les 250 agents de la préfecture et leurs chefs de bureau");
    await agent.getByLabel(/^Ce que serait une réussite/).fill("Une réponse en deux jours, sans papier");
    await agent.getByLabel(/^Commanditaire/).fill("bruno.guerin@normandie.gouv.fr");
    await agent.getByRole("button", { name: "Envoyer la demande au lab" }).click();
    await agent.waitForURL(/\/demandes\/[0-9a-f-]{36}\?envoyee=1$/);
    requestUrl = new URL(agent.url()).pathname;
    await agent.getByText("Votre demande est envoyée au lab.").waitFor();
    await agent.getByText("Déposée\u00a0: Innov’Mandie l’a reçue").waitFor();
    await check(agent, "request page (just sent)");
  });

  it("another agent saves a draft without JavaScript", async () => {
    await signIn(noJsAgent, CAMILLE);
    await visit(noJsAgent, "/guichet/nouvelle", "desk form (JS off)");
    await noJsAgent.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await noJsAgent.locator("#error-summary").waitFor();
    await check(noJsAgent, "desk form with errors (JS off)");
    await noJsAgent.locator("label", { hasText: /^Innov’Mandie/ }).click();
    await noJsAgent.locator("label", { hasText: /^Mise en réseau$/ }).click();
    await noJsAgent.getByLabel("Titre de la demande").fill("Un réseau des référents données des collectivités de l’Eure");
    await noJsAgent.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await noJsAgent.waitForURL(/\/demandes\/[0-9a-f-]{36}\?brouillon=1$/);
    await noJsAgent.getByText("Brouillon enregistré.").waitFor();
    await check(noJsAgent, "draft page (JS off)");
  });

  it("the lab team qualifies it with a question, without JavaScript", async () => {
    await signIn(lab, SOLENE);
    await visit(lab, "/lab", "lab home (with the desk)");
    await lab.getByRole("link", { name: "Guichet du lab" }).click();
    await lab.waitForURL("**/lab/innovmandie/guichet");
    await check(lab, "the lab's queue (JS off)", { phone: true });
    // the overdue demo request comes first
    const first = await lab.locator("tbody tr").first().innerText();
    expect(first).toMatch(/en retard/i);
    await lab.getByLabel("Rechercher (titre, contexte)").fill("congés");
    await lab.getByRole("button", { name: "Filtrer" }).click();
    await lab.waitForURL(/q=cong/);
    await lab.getByRole("link", { name: TITLE }).click();
    await lab.waitForURL(`**${requestUrl}`);
    await check(lab, "request page (lab team, JS off)");
    await lab.getByLabel("Question au demandeur (facultative)").fill("Quel logiciel de gestion du temps utilisez-vous aujourd’hui ?");
    await lab.getByRole("button", { name: "Passer en qualification" }).click();
    await lab.getByText("La demande est en qualification.").waitFor();
    await check(lab, "request page, qualified (JS off)");
    await visit(lab, "/lab/innovmandie/guichet/reglages", "desk settings (JS off)");
    expect(await lab.getByLabel(/^Délai de réponse promis/).inputValue()).toBe("15");
  });

  it("the requester answers; the lab accepts; « Mes demandes » shows it", async () => {
    await agent.goto(requestUrl);
    await agent.getByText("Quel logiciel de gestion du temps").waitFor();
    await agent.getByLabel("Écrire au lab").fill("Aucun : tout est sur papier, avec un tableur au bureau du personnel.");
    await agent.getByRole("button", { name: "Envoyer le message" }).click();
    await agent.getByText("Message envoyé.").waitFor();
    await check(agent, "request page after the answer");

    await lab.goto(requestUrl);
    await lab.getByText("Aucun : tout est sur papier").waitFor();
    await lab.getByRole("button", { name: "Accepter la demande" }).click();
    await lab.locator("#error-summary").waitFor();
    await check(lab, "accepting without an outcome (JS off)");
    await lab.locator("label", { hasText: /^Le lab accompagne un projet/ }).click();
    await lab.getByRole("button", { name: "Accepter la demande" }).click();
    // accepted as « projet »: the project is born from the request, in exploration, and opens
    await lab.waitForURL(/\/projets\/[0-9a-f-]{36}/);
    await lab.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await check(lab, "project born from the request (JS off)");
    await lab.goto(requestUrl);
    await lab.getByRole("link", { name: new RegExp(`Projet «\\s${TITLE}`) }).waitFor();
    await check(lab, "request page, accepted (JS off)");

    await visit(agent, "/mes-demandes", "Mes demandes");
    const item = agent.locator("li", { has: agent.getByRole("link", { name: TITLE }) });
    await item.getByText("Acceptée\u00a0: Innov’Mandie accompagne votre projet.").waitFor();
    await item.getByText(/Devenue le projet/).waitFor();
    expect(await item.getByRole("link", { name: new RegExp(TITLE) }).count()).toBe(2);
    expect(await item.locator("details li").count()).toBeGreaterThanOrEqual(4);
  });
});
