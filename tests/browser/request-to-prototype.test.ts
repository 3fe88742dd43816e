/**
 * The whole road from a request to a project in prototype, in a real browser, run twice: once with
 * JavaScript for everyone, once without it for everyone. An agent of the DDT des Vosges asks
 * Lab’EST for help at the desk; the lab team qualifies the request with a question; the agent
 * answers; the lab accepts it as a project (born from the request, in exploration); the team files
 * the exploration deliverables and asks for the gate, which Lab’EST has made strategic, so the gate
 * review awaits the paritary steering committee; the committee meets with that review and a free
 * item on its agenda, two État and two Région members present; the review is adopted by both sides,
 * the free item refused for lack of a majority on the Région side; the lab team drafts the minutes,
 * the chair validates them; the project is in prototype and the agent sees it in « Mes demandes ».
 * axe-core and the French typography check run on every page visited; some also at 390 px.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type TestServer } from "../support/server";
import { titled, vote } from "../support/committees";
import { check, describeWithBrowser, launchBrowser, newContext, signIn, visit } from "../support/browser";
import { isoDay } from "../../src/kernel/format";
import { agents, labTeam } from "../../src/demo/content/index";

const email = (key: string) => labTeam.find((p) => p.key === key)!.email;
const vosges = agents.filter((a) => a.organizationKey === "ddt-vosges");

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

describeWithBrowser("From a request to a project in prototype, through the steering committee (axe + typography on every page)", () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const js of [true, false]) journey(js);
});

function journey(js: boolean) {
  const mode = js ? "JS on" : "JS off";
  const requester = vosges[js ? 0 : 1];
  const TITLE = js ? "Un tableau de bord partagé des contrôles de haies en Vosges" : "Simplifier l’instruction des dossiers de déclaration de travaux en forêt";
  const REVIEW = `Passage en prototype\u00a0: ${TITLE}`;
  const REFUSED = js ? "Guichet commun des aides aux lycées agricoles" : "Navette régionale entre les sous-préfectures";
  const pages: Record<"agent" | "team" | "chair" | "state" | "region1" | "region2", Page> = {} as never;
  let requestUrl = "";
  let projectUrl = "";
  let meetingUrl = "";

  it(`(${mode}) an agent of the DDT des Vosges asks Lab’EST for help; the team qualifies the request with a question`, async () => {
    const make = async () => {
      const ctx = await newContext(browser, server.url, js ? {} : { javaScriptEnabled: false });
      contexts.push(ctx);
      return ctx.newPage();
    };
    for (const key of Object.keys({ agent: 0, team: 0, chair: 0, state: 0, region1: 0, region2: 0 }) as (keyof typeof pages)[]) pages[key] = await make();
    const { agent, team } = pages;
    await Promise.all([
      signIn(agent, requester.email),
      signIn(team, email("labest-1")),
      signIn(pages.chair, email("juror-3")),
      signIn(pages.state, email("committee-1")),
      signIn(pages.region1, email("dimap-1")),
      signIn(pages.region2, email("juror-1")),
    ]);

    await visit(agent, "/guichet/nouvelle", `desk form (${mode})`, { phone: !js });
    await agent.locator("label", { hasText: /^Lab’EST/ }).click();
    await agent.locator("label", { hasText: /^Accompagnement de projet$/ }).click();
    await agent.getByLabel("Titre de la demande").fill(TITLE);
    await agent.getByLabel(/^Contexte et problème/).fill("Chaque service tient ses propres tableaux : personne ne voit l’ensemble et les mêmes exploitations sont contrôlées deux fois.");
    await agent.getByLabel(/^Qui est concerné/).fill("Les inspecteurs de la DDT et les exploitants agricoles");
    await agent.getByLabel(/^Ce que serait une réussite/).fill("Un seul tableau à jour, consulté par tous les services");
    await agent.getByLabel(/^Commanditaire/).fill(vosges[2].email);
    await agent.getByRole("button", { name: "Envoyer la demande au lab" }).click();
    await agent.waitForURL(/\/demandes\/[0-9a-f-]{36}\?envoyee=1$/);
    requestUrl = new URL(agent.url()).pathname;
    await agent.getByText("Déposée\u00a0: Lab’EST l’a reçue").waitFor();
    await check(agent, `request page, just sent (${mode})`);

    await visit(team, "/lab/labest/guichet", `Lab’EST's queue (${mode})`);
    await team.getByRole("link", { name: TITLE }).click();
    await team.waitForURL(`**${requestUrl}`);
    await team.getByLabel("Question au demandeur (facultative)").fill("Quels services tiennent aujourd’hui un tableau de suivi ?");
    await team.getByRole("button", { name: "Passer en qualification" }).click();
    await team.getByText("La demande est en qualification.").waitFor();
    await check(team, `request page, qualified (${mode})`);
  });

  it(`(${mode}) the agent answers; the lab accepts the request as a project, born in exploration`, async () => {
    const { agent, team } = pages;
    await visit(agent, requestUrl, `request page with the lab's question (${mode})`, { phone: true });
    await agent.getByText("Quels services tiennent aujourd’hui").waitFor();
    await agent.getByLabel("Écrire au lab").fill("Le service eau et biodiversité, le service agriculture et l’unité forêt.");
    await agent.getByRole("button", { name: "Envoyer le message" }).click();
    await agent.getByText("Message envoyé.").waitFor();

    await team.goto(requestUrl);
    await team.getByText("Le service eau et biodiversité").waitFor();
    await team.locator("label", { hasText: /^Le lab accompagne un projet/ }).click();
    await team.getByRole("button", { name: "Accepter la demande" }).click();
    await team.waitForURL(/\/projets\/[0-9a-f-]{36}/);
    projectUrl = new URL(team.url()).pathname;
    await team.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    // the request's fields are carried over, no retyping
    await team.getByText("Les inspecteurs de la DDT et les exploitants agricoles").first().waitFor();
    expect(await team.locator(".fr-badges-group").textContent()).toContain("Exploration");
    await check(team, `project born from the request (${mode})`);
  });

  it(`(${mode}) the team files the deliverables and asks for the strategic gate: the review awaits the steering committee`, async () => {
    const { team } = pages;
    if (js) {
      // Lab’EST makes the entry into prototype a strategic gate, decided by its steering committee
      await visit(team, "/lab/labest/projets/modeles", "the lab's deliverables and strategic gates");
      expect(await team.getByLabel("Prototype", { exact: true }).isChecked()).toBe(false);
      await team.locator("label", { hasText: /^Prototype$/ }).click();
      await team.getByRole("button", { name: "Enregistrer" }).click();
      await team.waitForURL(/\?enregistre=1$/);
      expect(await team.getByLabel("Prototype", { exact: true }).isChecked()).toBe(true);
    }
    await team.goto(projectUrl);
    for (const [label, text] of [
      ["Énoncé du problème", "Les contrôles ne sont pas coordonnés entre les services de la DDT."],
      ["Entretiens terrain", "Douze entretiens avec des inspecteurs et quatre exploitants, en octobre."],
      ["Parcours usager", "Le parcours d’un exploitant contrôlé trois fois dans l’année."],
    ]) {
      const form = team.locator("details", { hasText: `le livrable «\u00a0${label}\u00a0»` });
      await form.locator("summary").click();
      await form.getByLabel("Texte, ou motif si non requis").fill(text);
      await form.getByRole("button", { name: "Enregistrer le livrable" }).click();
      await team.getByText("Le livrable est enregistré.").waitFor();
    }
    await team.getByRole("button", { name: "Demander le passage à l’étape prototype" }).click();
    await team.getByText("Le passage à l’étape suivante est demandé au comité.").waitFor();
    await check(team, `project page, gate asked of the steering committee (${mode})`, { phone: true });
    // strategic: the team cannot record the outcome itself, the committee decides
    expect(await team.getByRole("button", { name: "Enregistrer la décision du comité" }).count()).toBe(0);
  });

  it(`(${mode}) the steering committee meets with the review and a free item on its agenda`, async () => {
    const { team } = pages;
    await visit(team, "/lab/labest/comites", `the lab's committees (${mode})`);
    await team.getByRole("link", { name: "Comité de pilotage État–Région" }).click();
    await team.waitForURL(/\/comites\/[0-9a-f-]{36}$/);
    await team.getByLabel("Date").fill(isoDay(new Date(Date.now() + (js ? 45 : 50) * 86_400_000)));
    await team.getByRole("textbox", { name: /^Lieu/ }).fill("Préfecture de la région Grand Est, Strasbourg");
    await team.getByRole("button", { name: "Planifier la réunion" }).click();
    await team.waitForURL(/\/reunions\/[0-9a-f-]{36}\?planifiee=1$/);
    meetingUrl = new URL(team.url()).pathname;
    await team.getByRole("button", { name: `Inscrire à l’ordre du jour\u00a0: ${REVIEW}` }).click();
    await team.getByRole("heading", { level: 3, name: titled(REVIEW) }).waitFor();
    await team.getByRole("textbox", { name: /^Titre/ }).fill(REFUSED);
    await team.getByLabel(/^Dossier/).fill("Un projet porté par la Région seule, présenté pour avis.");
    await team.getByRole("button", { name: "Ajouter le point" }).click();
    await team.getByRole("heading", { level: 3, name: titled(REFUSED) }).waitFor();
    for (const name of ["Antoine Rieffel", "Myriam Benhamou", "Hélène Strauss", "Bertrand Oberlé"]) await team.locator("label", { hasText: name }).click();
    await team.getByRole("button", { name: "Enregistrer les présences" }).click();
    await team.getByText("Quorum atteint").waitFor();
    await team.getByRole("button", { name: "Envoyer la convocation" }).click();
    await team.getByText(/La convocation est envoyée à 6\u00a0membres/).waitFor();
    await check(team, `meeting convened (${mode})`);
  });


  it(`(${mode}) the members vote: the review adopted on both sides, the free item refused by the Région side`, async () => {
    const { team, chair, state, region1, region2 } = pages;
    await visit(chair, meetingUrl, `meeting page, chair (${mode})`, { phone: true });
    for (const [page, side] of [[chair, "Pour"], [state, "Pour"], [region1, "Contre"], [region2, "Contre"]] as const) {
      if (page !== chair) await page.goto(meetingUrl);
      await vote(page, REVIEW, "Pour");
      await vote(page, REFUSED, side);
    }
    await check(region2, `meeting page after voting (${mode})`);

    await team.goto(meetingUrl);
    const refused = team.locator("article", { has: team.getByRole("heading", { name: titled(REFUSED) }) });
    const adopted = team.locator("article", { has: team.getByRole("heading", { name: titled(REVIEW) }) });
    for (const [title, article, outcome] of [[REVIEW, adopted, "Adopté"], [REFUSED, refused, "Non adopté"]] as const) {
      await team.getByRole("button", { name: `Clore le vote et enregistrer la décision sur «\u00a0${title}\u00a0»` }).click();
      await article.getByText(outcome, { exact: true }).waitFor();
    }
    await refused.getByText(/^Non adopté\s: pas de majorité du côté de la Région/).waitFor();
    expect(await refused.locator("tbody tr").allInnerTexts()).toEqual(["État\t2\t0\t0", "Région\t0\t2\t0"]);
    expect(await adopted.locator("tbody tr").allInnerTexts()).toEqual(["État\t2\t0\t0", "Région\t2\t0\t0"]);
    await check(team, `meeting page with decisions (${mode})`);
  });

  it(`(${mode}) the minutes are validated: the project is in prototype and the agent sees it in « Mes demandes »`, async () => {
    const { team, chair, agent } = pages;
    await visit(team, `${meetingUrl}/compte-rendu`, `minutes draft (${mode})`);
    await team.getByLabel("Synthèse de la réunion").fill("Le comité examine le passage en prototype et un projet de la Région.");
    await team.getByRole("button", { name: "Enregistrer le projet de compte rendu" }).click();
    await team.getByText("Le compte rendu est enregistré.").waitFor();

    // until the minutes are validated, the decision is not applied
    await team.goto(projectUrl);
    expect(await team.locator(".fr-badges-group").textContent()).toContain("Exploration");

    await chair.goto(`${meetingUrl}/compte-rendu`);
    await chair.getByRole("button", { name: "Valider le compte rendu" }).click();
    await chair.getByText(/Le compte rendu est validé et publié aux membres/).waitFor();
    await check(chair, `minutes validated (${mode})`);

    await visit(team, projectUrl, `the project in prototype (${mode})`);
    expect(await team.locator(".fr-badges-group").textContent()).toContain("Prototype");
    expect(await team.locator("main").innerText()).toMatch(/comité de pilotage, Exploration → Prototype\s:\sgo/);

    await visit(agent, "/mes-demandes", `Mes demandes (${mode})`, { phone: true });
    const item = agent.locator("li", { has: agent.getByRole("link", { name: TITLE }) });
    await item.getByText("Acceptée\u00a0: Lab’EST accompagne votre projet.").waitFor();
    expect((await item.innerText()).replace(/\s+/g, " ")).toMatch(/Devenue le projet .*, étape : prototype\./);
    await visit(agent, requestUrl, `the request, now a project in prototype (${mode})`);
    expect(await agent.locator("main").innerText()).toMatch(/étape\s:\sprototype/);
  });
}
