/**
 * Lab'EST's paritary steering committee in a real browser: the lab team schedules a meeting with
 * two items, records attendance (two État, two Région members) and convenes; members vote, the
 * chair with JavaScript and a Région member without it (the vote form at 390 px); one item is
 * adopted, the other refused for lack of a majority on the Région side; the lab team drafts the
 * minutes, the chair validates them and downloads the PDF; a member reads them. axe-core and the
 * French typography check run on every page visited.
 */
import fs from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type TestServer } from "../support/server";
import { titled, vote } from "../support/committees";
import { check, describeWithBrowser, focusedId, launchBrowser, newContext, signIn, visit } from "../support/browser";
import { isoDay } from "../../src/kernel/format";
import { labTeam } from "../../src/demo/content/index";

const email = (key: string) => labTeam.find((p) => p.key === key)!.email;
// a real gate review, waiting in the demo: the project enters experimentation once the minutes are validated
const PROJECT = "Projet de service du secrétariat général commun de la Meuse";
const ADOPTED = `Passage en expérimentation\u00a0: ${PROJECT}`;
const REFUSED = "Outil commun de prise de rendez-vous";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let team: Page; // Claire Vuillemin, Lab'EST (JS on)
let chair: Page; // Antoine Rieffel, État, chair (JS on)
let stateMember: Page; // Myriam Benhamou, État (JS on)
let regionMember: Page; // Hélène Strauss, Région (JS off)
let regionMember2: Page; // Bertrand Oberlé, Région (JS off)

describeWithBrowser("The steering committee in a browser (axe + typography on every page)", () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const make = async (js: boolean) => {
      const ctx = await newContext(browser, server.url, js ? { acceptDownloads: true } : { javaScriptEnabled: false });
      contexts.push(ctx);
      return ctx.newPage();
    };
    [team, chair, stateMember, regionMember, regionMember2] = await Promise.all([make(true), make(true), make(true), make(false), make(false)]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  let meetingUrl = "";

  it("the lab team schedules a meeting with two items, records attendance and convenes the members", async () => {
    await Promise.all([signIn(team, email("labest-1")), signIn(chair, email("juror-3")), signIn(stateMember, email("committee-1")), signIn(regionMember, email("dimap-1")), signIn(regionMember2, email("juror-1"))]);
    await visit(team, "/lab", "lab home");
    await team.getByRole("link", { name: "Comités" }).first().click();
    await team.waitForURL("**/lab/labest/comites");
    await check(team, "the lab's committees");
    await team.getByRole("link", { name: "Comité de pilotage État–Région" }).click();
    await team.waitForURL(/\/comites\/[0-9a-f-]{36}$/);
    await team.getByRole("heading", { name: "Calendrier" }).waitFor();
    await check(team, "steering committee (calendar, members by side)");
    // a meeting without a date: the errors, focused
    await team.getByRole("button", { name: "Planifier la réunion" }).click();
    await team.locator("#error-summary").waitFor();
    expect(await focusedId(team)).toBe("error-summary");
    await check(team, "new meeting, errors");
    await team.getByLabel("Date").fill(isoDay(new Date(Date.now() + 40 * 86_400_000)));
    await team.getByRole("textbox", { name: /^Lieu/ }).fill("Préfecture de la région Grand Est, Strasbourg");
    await team.getByRole("button", { name: "Planifier la réunion" }).click();
    await team.waitForURL(/\/reunions\/[0-9a-f-]{36}\?planifiee=1$/);
    meetingUrl = new URL(team.url()).pathname;
    // what awaits the committee: the project's gate review, with its dossier
    await team.getByRole("button", { name: `Inscrire à l’ordre du jour\u00a0: ${ADOPTED}` }).click();
    await team.getByRole("heading", { level: 3, name: titled(ADOPTED) }).waitFor();
    for (const [title, summary] of [[REFUSED, "Un outil partagé pour les accueils de l’État et de la Région : 60 000 € la première année."]]) {
      await team.getByRole("textbox", { name: /^Titre/ }).fill(title);
      await team.getByLabel(/^Dossier/).fill(summary);
      await team.getByRole("button", { name: "Ajouter le point" }).click();
      await team.getByText("Le point est ajouté à l’ordre du jour.").waitFor();
      await team.getByRole("heading", { level: 3, name: titled(title) }).waitFor();
    }
    // the agenda is reordered, and an item added by mistake is taken off
    await team.getByRole("textbox", { name: /^Titre/ }).fill("Point ajouté par erreur");
    await team.getByRole("button", { name: "Ajouter le point" }).click();
    await team.getByRole("heading", { level: 3, name: "3. Point ajouté par erreur" }).waitFor();
    await team.getByRole("button", { name: "Retirer de l’ordre du jour «\u00a0Point ajouté par erreur\u00a0»" }).click();
    await team.getByText("Le point est retiré de l’ordre du jour.").waitFor();
    expect(await team.getByRole("heading", { level: 3, name: /Point ajouté par erreur/ }).count()).toBe(0);
    await team.getByRole("button", { name: `Monter «\u00a0${REFUSED}\u00a0»` }).click();
    await team.getByRole("heading", { level: 3, name: `1. ${REFUSED}` }).waitFor();
    await check(team, "meeting page, agenda reordered");
    for (const name of ["Antoine Rieffel", "Myriam Benhamou", "Hélène Strauss", "Bertrand Oberlé"]) await team.locator("label", { hasText: name }).click();
    await team.getByRole("button", { name: "Enregistrer les présences" }).click();
    await team.getByText("Les présences sont enregistrées.").waitFor();
    await team.getByText("Quorum atteint").waitFor();
    await team.getByRole("button", { name: "Envoyer la convocation" }).click();
    await team.getByText(/La convocation est envoyée à 6\u00a0membres/).waitFor();
    await check(team, "meeting page (lab team, convened)");
    const ics = await team.request.get(`${meetingUrl}/invitation.ics`);
    expect(await ics.text()).toContain(`SUMMARY:Comité de pilotage État–Région – Lab’EST`);
  });


  it("the chair votes with JavaScript (the vote form on a phone), after a vote sent empty", async () => {
    await visit(chair, meetingUrl, "meeting page (chair, JS on)", { phone: true });
    await chair.getByRole("button", { name: `Voter sur «\u00a0${ADOPTED}\u00a0»` }).click();
    await chair.locator("#error-summary").waitFor();
    expect(await focusedId(chair)).toBe("error-summary");
    await check(chair, "vote sent empty (JS on)");
    await vote(chair, ADOPTED, "Pour");
    await vote(chair, REFUSED, "Pour");
    await stateMember.goto(meetingUrl);
    await vote(stateMember, ADOPTED, "Pour");
    await vote(stateMember, REFUSED, "Pour");
  });

  it("Région members vote without JavaScript, at 390 px", async () => {
    await visit(regionMember, meetingUrl, "meeting page (Région member, JS off)", { phone: true });
    await regionMember.getByRole("button", { name: `Voter sur «\u00a0${REFUSED}\u00a0»` }).click();
    await regionMember.locator("#error-summary").waitFor();
    await check(regionMember, "vote sent empty (JS off)");
    await vote(regionMember, ADOPTED, "Pour");
    await vote(regionMember, REFUSED, "Contre");
    await check(regionMember, "meeting page after voting (JS off)", { phone: true });
    await regionMember2.goto(meetingUrl);
    await vote(regionMember2, ADOPTED, "Pour");
    await vote(regionMember2, REFUSED, "Contre");
  });

  it("the lab team closes the votes: one adopted, one refused for lack of a Région majority", async () => {
    await team.goto(meetingUrl);
    const adopted = team.locator("article", { has: team.getByRole("heading", { name: titled(ADOPTED) }) });
    const refused = team.locator("article", { has: team.getByRole("heading", { name: titled(REFUSED) }) });
    for (const [title, article, outcome] of [[ADOPTED, adopted, "Adopté"], [REFUSED, refused, "Non adopté"]] as const) {
      await team.getByRole("button", { name: `Clore le vote et enregistrer la décision sur «\u00a0${title}\u00a0»` }).click();
      await article.getByText(outcome, { exact: true }).waitFor();
    }
    await refused.getByText(/^Non adopté\s: pas de majorité du côté de la Région/).waitFor();
    // the tally per side: État 2 pour, Région 2 contre
    expect(await refused.locator("tbody tr").allInnerTexts()).toEqual(["État\t2\t0\t0", "Région\t0\t2\t0"]);
    await check(team, "meeting page with decisions");
  });

  it("the lab team drafts the minutes, the chair validates them and downloads the PDF, a member reads them", async () => {
    await team.getByRole("link", { name: "Compte rendu (projet)" }).click();
    await team.waitForURL(/\/compte-rendu$/);
    await team.getByLabel("Synthèse de la réunion").fill("La séance est ouverte par le secrétaire général adjoint pour les affaires régionales.");
    await team.getByRole("textbox", { name: new RegExp(`Discussion sur «\\s${REFUSED}`) }).fill("La Région souhaite d’abord recenser les besoins des Maisons de la Région.");
    await team.getByRole("button", { name: "Enregistrer le projet de compte rendu" }).click();
    await team.getByText("Le compte rendu est enregistré.").waitFor();
    await check(team, "minutes draft (lab team)");

    await chair.goto(`${meetingUrl}/compte-rendu`);
    await chair.getByText("recenser les besoins").waitFor();
    await chair.getByRole("button", { name: "Valider le compte rendu" }).click();
    await chair.getByText(/Le compte rendu est validé et publié aux membres/).waitFor();
    await chair.getByText(/Validé le .* par Antoine Rieffel/).waitFor();
    await check(chair, "minutes validated (chair)");
    const [download] = await Promise.all([chair.waitForEvent("download"), chair.getByRole("link", { name: "Télécharger le compte rendu (PDF)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^compte-rendu-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(fs.readFileSync((await download.path())!).subarray(0, 5).toString()).toBe("%PDF-");

    await visit(regionMember, `${meetingUrl}/compte-rendu`, "minutes (Région member, JS off)", { phone: true });
    await regionMember.getByText("Décision\u00a0: non adoptée.").waitFor();
    expect(await regionMember.getByRole("button", { name: /Enregistrer/ }).count()).toBe(0);

    // the validated decision applied itself: the project is in experimentation
    await team.goto("/lab/labest/projets");
    // the portfolio says when the lab's committees meet next
    await team.locator("p", { hasText: /^Prochains comités/ }).getByRole("link", { name: "Comité de pilotage État–Région" }).waitFor();
    await team.getByRole("link", { name: PROJECT }).first().click();
    await team.getByRole("heading", { level: 1, name: PROJECT }).waitFor();
    await check(team, "the project after the committee");
    expect(await team.locator("main").innerText()).toMatch(/comité de pilotage, Prototype → Expérimentation\s:\sgo/);
    expect(await team.locator("main").innerText()).toMatch(/À l’étape expérimentation/);
  });
});
