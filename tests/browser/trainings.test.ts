/**
 * Trainings and the reciprocal State–Région offer in a real browser, once with JavaScript and once
 * without. The Région's lab team creates a training opened to the State's agents (the form's errors
 * first, focused) and a session of one seat; a Région agent takes the seat; an État agent finds the
 * training through « Ouvertes à mon administration », joins the waiting list; the Région agent
 * cancels; the État agent is offered the seat (notification) and confirms it; « Mes formations »
 * shows it, and the session's log shows the promotion. axe-core and the French typography check
 * run on every page visited; the catalogue and the training's page also 390 px wide.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type TestServer } from "../support/server";
import { check, describeWithBrowser, focusedId, launchBrowser, newContext, signIn, visit } from "../support/browser";
import { agents, labTeam, organizations } from "../../src/demo/content/index";
import { isoDay } from "../../src/kernel/format";

const TEAM = labTeam.find((p) => p.key === "dimap-2")!.email;
const orgKind = (key: string) => organizations.find((o) => o.key === key)!.kind;
// the first agents of the Préfecture and of the Hôtel de Région: no lab role
const stateAgents = agents.filter((a) => orgKind(a.organizationKey) === "prefecture");
const regionAgents = agents.filter((a) => a.organizationKey === "region-hq");

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

describeWithBrowser("Trainings and the reciprocal offer in a browser (axe + typography on every page)", () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const pages = async (js: boolean) => {
    const make = async () => {
      const ctx = await newContext(browser, server.url, js ? {} : { javaScriptEnabled: false });
      contexts.push(ctx);
      return ctx.newPage();
    };
    return Promise.all([make(), make(), make()]);
  };

  for (const js of [true, false]) {
    const mode = js ? "JS" : "JS off";
    const title = js ? "Prototyper en une matinée" : "Prototyper en une matinée, sans écran";
    it(`an État agent gets a Région training's seat through the reciprocal offer and the waiting list (${mode})`, async () => {
      const [team, regionAgent, stateAgent] = await pages(js);
      const region = regionAgents[js ? 0 : 1];
      const state = stateAgents[js ? 0 : 1];

      // the Région's lab team creates the training (errors first) and a session of one seat
      await signIn(team, TEAM);
      await visit(team, "/lab", `lab home (${mode})`);
      await team.locator("main").getByRole("link", { name: "Formations", exact: true }).click();
      await team.waitForURL("**/lab/region-grand-est/formations");
      await check(team, `the lab's trainings (${mode})`);
      await team.getByRole("button", { name: "Créer la formation" }).click();
      await team.locator("#error-summary").waitFor();
      if (js) expect(await focusedId(team)).toBe("error-summary");
      await check(team, `training form with errors (${mode})`);
      await team.getByLabel("Titre", { exact: true }).fill(title);
      await team.getByLabel("Objectifs").fill("Passer de l’idée à un prototype testé avec des usagers en une matinée.");
      await team.getByLabel("Méthodes enseignées").fill("Prototypage papier\nTest utilisateur");
      await team.locator("label", { hasText: /^Présentiel$/ }).click();
      await team.getByLabel("Durée (en heures)").fill("3,5");
      await team.getByLabel("Administration qui organise").selectOption("region");
      await team.locator("label", { hasText: /^Les agents de l’État$/ }).click();
      await team.getByRole("button", { name: "Créer la formation" }).click();
      await team.waitForURL(/\/lab\/region-grand-est\/formations\/[0-9a-f-]{36}\?fait=creee$/);
      await team.getByText("La formation est créée.").waitFor();
      await check(team, `the training's lab page (${mode})`);
      await team.getByLabel("Date de début").fill(isoDay(new Date(Date.now() + 40 * 86_400_000)));
      await team.getByLabel("Heure de début").fill("09:00");
      await team.getByLabel("Heure de fin").fill("12:30");
      await team.getByLabel("Lieu").fill("Cité administrative de Strasbourg");
      await team.getByLabel("Nombre de places").fill("1");
      await team.getByRole("button", { name: "Ajouter la session" }).click();
      await team.getByText("La session est ajoutée.").waitFor();
      const trainingUrl = new URL(team.url()).pathname;

      // a Région agent takes the only seat
      await signIn(regionAgent, region.email);
      await visit(regionAgent, "/formations", `catalogue (Région agent, ${mode})`);
      await regionAgent.getByRole("link", { name: title, exact: true }).click();
      await regionAgent.waitForURL(/\/formations\/[0-9a-f-]{36}$/);
      const publicUrl = new URL(regionAgent.url()).pathname;
      await regionAgent.getByRole("button", { name: "M’inscrire" }).click();
      await regionAgent.getByText("Votre inscription est confirmée.").waitFor();
      await check(regionAgent, `training page, registered (${mode})`);

      // an État agent finds it through « Ouvertes à mon administration » and joins the waiting list
      await signIn(stateAgent, state.email);
      await stateAgent.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Formations" }).click();
      await stateAgent.waitForURL("**/formations");
      await stateAgent.locator("label", { hasText: /^Ouvertes à mon administration$/ }).click();
      await stateAgent.getByRole("button", { name: "Filtrer" }).click();
      await stateAgent.waitForURL(/ouvertes=1/);
      const card = stateAgent.locator("li[data-training]", { has: stateAgent.getByRole("link", { name: title, exact: true }) });
      await card.getByText("Offre réciproque").waitFor();
      await check(stateAgent, `catalogue, open to my administration (${mode})`, { phone: true });
      // a training kept to the Région's agents is not listed
      expect(await stateAgent.getByRole("link", { name: "Faciliter un Mini-Lab" }).count()).toBe(0);
      await card.getByRole("link", { name: title, exact: true }).click();
      await stateAgent.waitForURL(`**${publicUrl}`);
      await stateAgent.getByText("Vous pouvez vous inscrire grâce à l’offre réciproque.").waitFor();
      await stateAgent.getByRole("button", { name: "M’inscrire sur la liste d’attente" }).click();
      await stateAgent.getByText(/vous êtes inscrit ou inscrite sur la liste d’attente/).waitFor();
      await stateAgent.getByText("Liste d’attente\u00a0: position 1").waitFor();
      await check(stateAgent, `training page, on the waiting list (${mode})`, { phone: true });

      // the Région agent cancels: the seat is offered to the État agent, who confirms it
      await regionAgent.getByRole("button", { name: "Annuler mon inscription" }).click();
      await regionAgent.getByText("Votre inscription est annulée.").waitFor();
      await visit(stateAgent, "/notifications", `notifications, a seat offered (${mode})`);
      await stateAgent.getByText(new RegExp(`Une place s’est libérée\u00a0: «\u00a0${title}`)).first().waitFor();
      await visit(stateAgent, publicUrl, `training page, a seat offered (${mode})`);
      await stateAgent.getByText(/Une place vous est proposée/).waitFor();
      await stateAgent.getByRole("button", { name: "Confirmer ma place" }).click();
      await stateAgent.getByText("Votre place est confirmée.").waitFor();
      await check(stateAgent, `training page, seat confirmed (${mode})`);
      await visit(stateAgent, "/mes-formations", `Mes formations (${mode})`);
      await stateAgent.locator("li", { has: stateAgent.getByRole("link", { name: title }) }).getByText("Inscription confirmée").waitFor();

      // the lab team sees the promotion in the session's log
      await team.goto(trainingUrl);
      await team.locator("tbody tr a").first().click();
      await team.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
      await team.getByRole("cell", { name: "Place proposée confirmée" }).waitFor();
      await team.getByRole("cell", { name: "Annulation" }).waitFor();
      await check(team, `session page with its log (${mode})`);
    });
  }
});
