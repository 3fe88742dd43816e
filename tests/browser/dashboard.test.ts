/**
 * Lab'EST's steering dashboards in a real browser: the lab team opens them from the lab's space
 * (JavaScript on), filters by period and organisation, meets a malformed period said next to its
 * field; a member of Lab'EST's steering committee reads them without JavaScript on a phone. axe-core
 * and the French typography check run on every page; each chart is followed by its table.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startServer, type TestServer } from "../support/server";
import { check, describeWithBrowser, focusedId, launchBrowser, newContext, signIn, visit } from "../support/browser";
import { labTeam } from "../../src/demo/content/index";

const email = (key: string) => labTeam.find((p) => p.key === key)!.email;
let server: TestServer;
let browser: Browser;
let team: Page;
let member: Page;

describeWithBrowser("Steering dashboards in a browser (axe + typography on every page)", () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    [team, member] = await Promise.all([newContext(browser, server.url).then((c) => c.newPage()), newContext(browser, server.url, { javaScriptEnabled: false }).then((c) => c.newPage())]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("the lab team opens the dashboards, filters them, and reads each chart's table", async () => {
    await signIn(team, email("labest-1"));
    await visit(team, "/lab", "lab home");
    await team.getByRole("link", { name: "Pilotage" }).first().click();
    await team.waitForURL("**/lab/labest/pilotage");
    await team.getByRole("heading", { level: 2, name: "Demandes au guichet" }).waitFor();
    await check(team, "dashboards (Lab’EST, last twelve months)", { phone: true });
    // the demo's desk and projects are counted
    expect(await team.locator("section", { has: team.getByRole("heading", { name: "Projets par étape" }) }).locator("tbody tr").count()).toBeGreaterThan(0);
    // Lab'EST's events of the Mois de l'innovation publique and the questionnaire of its 26 November day are counted
    for (const name of ["Événements", "Questionnaires"]) {
      expect(await team.locator("section", { has: team.getByRole("heading", { level: 2, name, exact: true }) }).locator("tbody tr").count(), name).toBeGreaterThan(0);
    }
    await team.getByRole("heading", { level: 2, name: "Formations", exact: true }).waitFor();
    // every chart is followed by its table
    const charts = team.locator("section:has(svg.germoir-chart)");
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    expect(await team.locator("section:has(svg.germoir-chart):has(table)").count()).toBe(await charts.count());
    // each table as CSV, with the page's period
    const link = team.getByRole("link", { name: /^Télécharger le tableau « Demandes reçues par statut » \(CSV\)$/ });
    const href = (await link.getAttribute("href"))!;
    expect(href).toMatch(/^\/lab\/labest\/pilotage\/export\/guichet\.csv\?du=\d{4}-\d{2}-\d{2}&au=\d{4}-\d{2}-\d{2}$/);
    const csv = await team.request.get(href);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split("\r\n")[0]).toBe("\uFEFFStatut;Demandes");

    await team.getByLabel("Du", { exact: true }).fill("2021-01-01");
    await team.getByLabel("Au", { exact: true }).fill("2021-12-31");
    await team.getByRole("button", { name: "Afficher" }).click();
    await team.waitForURL(/du=2021-01-01/);
    await team.getByText("du 1er janvier 2021 au 31 décembre 2021").waitFor();
    await check(team, "dashboards, 2021");

    await team.goto("/lab/labest/pilotage?du=2026-05-01&au=2026-04-01");
    await team.locator("#error-summary").waitFor();
    expect(await focusedId(team)).toBe("error-summary");
    expect(await team.getByLabel("Au", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await check(team, "dashboards, a period that ends before it starts");

    // a site: the towns of the organisations; Strasbourg's ideas only
    await team.goto("/lab/labest/pilotage");
    await team.getByRole("combobox", { name: /^Site/ }).selectOption("Strasbourg");
    await Promise.all([team.waitForURL(/site=Strasbourg/), team.getByRole("button", { name: "Afficher" }).click()]);
    await team.getByText(/pour toutes les organisations de Strasbourg\./).waitFor();
    await check(team, "dashboards, one site");
    await team.goto("/lab/labest/pilotage?site=Atlantide");
    await team.locator("#error-summary").waitFor();
    expect(await team.getByRole("combobox", { name: /^Site/ }).getAttribute("aria-invalid")).toBe("true");
  });

  it("a member of the steering committee reads them without JavaScript, on a phone", async () => {
    await signIn(member, email("dimap-1"));
    await visit(member, "/lab/labest/pilotage", "dashboards (committee member, JS off)", { phone: true });
    await member.getByRole("heading", { level: 2, name: "Budgets des projets" }).waitFor();
    expect(await member.getByText(/Budget demandé/).count()).toBeGreaterThan(0);
  });

  it("the lab team sees the network of labs side by side, on a phone too", async () => {
    await visit(team, "/reseau", "network of labs", { phone: true });
    await team.getByRole("heading", { level: 2, name: "Projets par lab" }).waitFor();
    const projects = team.locator("section", { has: team.getByRole("heading", { name: "Projets par lab" }) });
    expect(await projects.locator("tbody tr").filter({ hasText: "Lab’EST" }).count()).toBe(1);
    // ideas, decisions, desk, projects, and trainings, events and questionnaires
    expect(await team.locator("svg.germoir-chart").count()).toBe(5);
    expect(await team.locator("section", { has: team.getByRole("heading", { name: "Formations, événements et questionnaires par lab" }) }).locator("tbody tr").filter({ hasText: "Lab’EST" }).count()).toBe(1);
    await team.getByRole("link", { name: "Lab’EST" }).first().click();
    await team.waitForURL("**/lab/labest/pilotage");
  });
});
