/**
 * Projects and stage gates in a real browser: the Lab'EST team creates a project (errors first,
 * focused), fills the exploration deliverables (a text, a file, one « non requis »), asks for the
 * gate too early (refused, with what is missing) then when all is in, records the committee's
 * « go » without JavaScript: the project is in prototype and the portfolio shows it, as a list and
 * as columns. axe-core and the French typography check run on every page; the portfolio and the
 * project page are also checked 390 px wide.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type TestServer } from "../support/server";
import { check, describeWithBrowser, focusedId, launchBrowser, newContext, signIn, visit } from "../support/browser";
import { agents, labTeam } from "../../src/demo/content/index";

const email = (key: string) => labTeam.find((p) => p.key === key)!.email;
const TITLE = "Accueil unique des usagers en sous-préfecture";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let team: Page;
let teamNoJs: Page;

describeWithBrowser("Projects and stage gates in a browser (axe + typography on every page)", () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const make = async (js: boolean) => {
      const ctx = await newContext(browser, server.url, js ? {} : { javaScriptEnabled: false });
      contexts.push(ctx);
      return ctx.newPage();
    };
    [team, teamNoJs] = await Promise.all([make(true), make(false)]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  let projectUrl = "";

  it("the lab team opens the portfolio and creates a project", async () => {
    await signIn(team, email("labest-1"));
    await visit(team, "/lab", "lab home");
    await team.getByRole("link", { name: /^Projets/ }).first().click();
    await team.waitForURL("**/lab/labest/projets");
    await team.getByRole("table").waitFor();
    await check(team, "portfolio (list)", { phone: true });
    await team.getByRole("link", { name: "Créer un projet" }).click();
    await team.waitForURL("**/projets/nouveau");
    await check(team, "new project");
    await team.getByRole("button", { name: "Créer le projet" }).last().click();
    await team.locator("#error-summary").waitFor();
    expect(await focusedId(team)).toBe("error-summary");
    await check(team, "new project, errors");
    await team.getByLabel("Titre du projet").fill(TITLE);
    await team.getByLabel("Problème à résoudre").fill("Les usagers passent d’un guichet à l’autre sans réponse claire.");
    await team.getByLabel("Administration 1").selectOption({ label: "Direction départementale des territoires des Vosges" });
    await team.getByLabel("Fonction publique 1").selectOption({ label: "État" });
    await team.getByRole("button", { name: "Créer le projet" }).last().click();
    await team.waitForURL(/\/projets\/[0-9a-f-]{36}\?cree=1$/);
    projectUrl = new URL(team.url()).pathname;
    await team.getByText("Le projet est créé.").waitFor();
    await check(team, "project page (new)", { phone: true });
  });

  it("the gate is refused while deliverables are missing; the team fills them", async () => {
    await team.getByRole("button", { name: "Demander le passage à l’étape prototype" }).click();
    await team.locator("#error-summary").waitFor();
    expect(await team.locator("#error-summary").textContent()).toMatch(/il manque les livrables «\u00a0Énoncé du problème\u00a0», «\u00a0Entretiens terrain\u00a0», «\u00a0Parcours usager\u00a0»/);
    await check(team, "project page, gate refused");

    const form = (label: string) => team.locator("details", { hasText: `le livrable «\u00a0${label}\u00a0»` });
    const statement = form("Énoncé du problème");
    await statement.locator("summary").click();
    await statement.getByLabel("Texte, ou motif si non requis").fill("Les usagers ne savent pas à quel guichet s’adresser.");
    await statement.getByRole("button", { name: "Enregistrer le livrable" }).click();
    await team.getByText("Le livrable est enregistré.").waitFor();

    const interviews = form("Entretiens terrain");
    await interviews.locator("summary").click();
    await interviews.locator("label", { hasText: /^Fichier$/ }).click();
    await interviews.locator("input[type=file]").setInputFiles({ name: "entretiens.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% entretiens terrain\n") });
    await interviews.getByRole("button", { name: "Enregistrer le livrable" }).click();
    await team.getByRole("link", { name: "entretiens.pdf" }).first().waitFor();

    const journey = form("Parcours usager");
    await journey.locator("summary").click();
    await journey.locator("label", { hasText: /^Non requis$/ }).click();
    await journey.getByLabel("Texte, ou motif si non requis").fill("Le parcours a été cartographié en 2021 par la préfecture.");
    await journey.getByRole("button", { name: "Enregistrer le livrable" }).click();
    await team.getByText("Non requis", { exact: true }).first().waitFor();
    await check(team, "project page, deliverables in");
  });

  it("without JavaScript, the team asks for the gate and records the committee's « go »: the project is in prototype", async () => {
    await signIn(teamNoJs, email("labest-1"));
    await visit(teamNoJs, projectUrl, "project page (no JS)");
    await teamNoJs.getByRole("button", { name: "Demander le passage à l’étape prototype" }).click();
    await teamNoJs.getByText("Le passage à l’étape suivante est demandé au comité.").waitFor();
    await check(teamNoJs, "project page, gate requested (no JS)");
    await teamNoJs.locator("label", { hasText: /^Go\u00a0: passage à l’étape suivante$/ }).click();
    await teamNoJs.getByRole("button", { name: "Enregistrer la décision du comité" }).click();
    await teamNoJs.getByText("La décision du comité est enregistrée.").waitFor();
    expect(await teamNoJs.locator(".fr-badges-group").textContent()).toContain("Prototype");
    await check(teamNoJs, "project page, in prototype (no JS)", { phone: true });
    // the network of labs: the team proposes it to Innov’Mandie’s steering committee
    await teamNoJs.getByRole("button", { name: "Proposer au réseau" }).click();
    await teamNoJs.locator("#error-summary").waitFor();
    await teamNoJs.getByLabel("Proposer le projet au comité de pilotage de").selectOption({ label: "Innov’Mandie" });
    await teamNoJs.getByLabel(/^Message au comité/).fill("Les sous-préfectures normandes ont le même problème d’accueil.");
    await teamNoJs.getByRole("button", { name: "Proposer au réseau" }).click();
    await teamNoJs.getByText(/Le projet est proposé au comité de pilotage de l’autre lab/).waitFor();
    await teamNoJs.getByText(/au comité de pilotage de Innov’Mandie\s: en attente du comité de pilotage/).waitFor();
    await check(teamNoJs, "project page, proposed to the network (no JS)");
  });

  it("the portfolio shows it in prototype, as a list and as columns", async () => {
    await visit(team, "/lab/labest/projets?stage=prototype", "portfolio filtered on prototype");
    await team.getByRole("link", { name: TITLE }).waitFor();
    await visit(team, "/lab/labest/projets?vue=colonnes", "portfolio (columns)", { phone: true });
    const column = team.locator("section", { has: team.getByRole("heading", { name: /^Prototype \(\d+\)$/ }) });
    await column.getByRole("link", { name: TITLE }).waitFor();
    await visit(team, "/mes-projets", "Mes projets");
    await visit(team, `${projectUrl}/modifier`, "project edit form");
    await visit(team, "/lab/labest/projets/modeles", "the lab's deliverables and strategic gates");
    expect(await team.getByLabel("Expérimentation", { exact: true }).isChecked()).toBe(true);
  });

  it("another agent reads the project's summary only", async () => {
    const ctx = await newContext(browser, server.url);
    contexts.push(ctx);
    const agent = await ctx.newPage();
    await signIn(agent, agents[10].email);
    await visit(agent, projectUrl, "project page (summary, another agent)");
    await agent.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    expect(await agent.getByRole("heading", { name: "Livrables attendus en prototype" }).count()).toBe(0);
    expect(await agent.getByRole("button").filter({ hasText: "Enregistrer" }).count()).toBe(0);
  });
});
