/**
 * Resources and the skills directory in a real browser: an agent searches « prototypâges » in the
 * library (accents and plural aside) and opens the method sheet, with its count of Mini-Lab
 * sessions; declares a skill (errors first); another agent, without JavaScript, finds them by that
 * skill in the directory and contacts them; the message arrives as a notification with the
 * sender and the text, the conversation opens and the first agent replies — no email address
 * shown anywhere. axe-core and the French typography check run on every page visited; the
 * library, the sheet and the directory also 390 px wide.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startServer, type TestServer } from "../support/server";
import { check, describeWithBrowser, focusedId, launchBrowser, newContext, signIn, visit } from "../support/browser";
import { agents } from "../../src/demo/content";

// neither is in the demo's directory (it lists every fifth agent)
const HOLDER = agents[11];
const SEEKER = agents[12];
const holderName = `${HOLDER.firstName} ${HOLDER.lastName}`;
const seekerName = `${SEEKER.firstName} ${SEEKER.lastName}`;
const MESSAGE = "Bonjour, nous refaisons les courriers aux familles pour la cantine : pourriez-vous nous aider à les relire ?";

let server: TestServer;
let browser: Browser;
let holder: Page;
let seeker: Page;

describeWithBrowser("Resources and the skills directory in a browser (axe + typography on every page)", () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    [holder, seeker] = await Promise.all([newContext(browser, server.url).then((c) => c.newPage()), newContext(browser, server.url, { javaScriptEnabled: false }).then((c) => c.newPage())]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("an agent searches « prototypâges » in the library and opens the method sheet", async () => {
    await signIn(holder, HOLDER.email);
    await holder.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Ressources", exact: true }).click();
    await holder.waitForURL("**/ressources");
    await check(holder, "library", { phone: true });
    await holder.getByLabel("Rechercher dans les ressources").fill("prototypâges");
    await holder.getByRole("button", { name: "Rechercher" }).click();
    await holder.waitForURL(/\/ressources\?q=/);
    await check(holder, "library: search");
    await holder.getByRole("link", { name: "Prototypage", exact: true }).click();
    await holder.waitForURL(/\/ressources\/[0-9a-f-]{36}$/);
    await holder.getByRole("heading", { level: 1, name: "Prototypage" }).waitFor();
    await holder.getByText(/utilisée dans \d+\sséances?/).waitFor();
    await holder.getByRole("heading", { name: "Déroulé" }).waitFor();
    await check(holder, "method sheet", { phone: true });
  });

  it("the agent declares a skill (errors first) and enters the directory", async () => {
    await visit(holder, "/competences/mes-competences", "my skills");
    await holder.getByText("Vous ne figurez pas dans l’annuaire").waitFor();
    await holder.getByRole("button", { name: "Déclarer la compétence" }).click();
    await holder.locator("#error-summary").waitFor();
    expect(await focusedId(holder)).toBe("error-summary");
    await check(holder, "my skills with errors");
    await holder.locator('select[name="skillId"]').selectOption({ label: "UX writing" });
    await holder.locator("label", { hasText: /^Pratique régulière$/ }).click();
    await holder.getByRole("button", { name: "Déclarer la compétence" }).click();
    await holder.getByText(/UX writing.{1,3}figure dans vos compétences/).waitFor();
    await holder.getByRole("cell", { name: "UX writing", exact: true }).waitFor();
    await check(holder, "my skills (declared)");
  });

  it("another agent, without JavaScript, finds them by skill and contacts them; no email is shown", async () => {
    await signIn(seeker, SEEKER.email);
    await visit(seeker, "/competences", "directory (JS off)", { phone: true });
    await seeker.getByLabel("Compétence", { exact: true }).selectOption({ label: "UX writing" });
    await seeker.getByRole("button", { name: "Rechercher" }).click();
    await seeker.waitForURL(/\/competences\?competence=/);
    await check(seeker, "directory: UX writing (JS off)");
    await seeker.getByRole("link", { name: holderName }).click();
    await seeker.waitForURL(/\/competences\/agents\/[0-9a-f-]{36}$/);
    await seeker.getByRole("heading", { level: 1, name: holderName }).waitFor();
    expect(await seeker.locator("main").innerText()).not.toContain("@");
    expect(await seeker.content()).not.toContain(HOLDER.email);
    await check(seeker, "agent's card (JS off)");
    await seeker.getByRole("button", { name: "Envoyer le message" }).click();
    await seeker.locator("#error-summary").waitFor();
    await check(seeker, "agent's card with errors (JS off)");
    await seeker.getByLabel("Message").fill(MESSAGE);
    await seeker.getByRole("button", { name: "Envoyer le message" }).click();
    await seeker.waitForURL(/\/competences\/messages\/[0-9a-f-]{36}\?fait=envoye$/);
    await seeker.getByText("Votre message est envoyé.").waitFor();
    await check(seeker, "conversation (JS off)");
  });

  it("the message arrives with the sender and the text; the agent replies in the conversation", async () => {
    await visit(holder, "/notifications", "notifications");
    const note = holder.getByText(`Message de ${seekerName}`);
    await note.first().waitFor();
    expect(await holder.locator("main").innerText()).toContain("nous refaisons les courriers aux familles");
    await holder.getByRole("button", { name: new RegExp(`Message de ${seekerName}`) }).first().click();
    await holder.waitForURL(/\/competences\/messages\/[0-9a-f-]{36}$/);
    await holder.getByText(/nous refaisons les courriers aux familles pour la cantine.{1,2}: pourriez-vous nous aider à les relire/).waitFor();
    expect(await holder.content()).not.toContain(SEEKER.email);
    await check(holder, "conversation");
    await holder.getByLabel("Votre réponse").fill("Avec plaisir : envoyez-moi les courriers.");
    await holder.getByRole("button", { name: "Envoyer la réponse" }).click();
    await holder.getByText("Votre réponse est envoyée.").waitFor();
    await visit(seeker, "/notifications", "notifications (JS off)");
    await seeker.getByText(`Réponse de ${holderName}`).first().waitFor();
  });
});
