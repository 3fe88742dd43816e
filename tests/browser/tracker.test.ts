/**
 * The roadmap and its public tracker in a real browser. The Lab'EST team reads its roadmap (the
 * tree, « pourquoi ce chiffre ? », the history as a line and a table), meets the add-item form's
 * errors (focused, input kept), adds a milestone to an item and marks it done. Two anonymous
 * visitors open the public tracker, one with JavaScript and one without; the team records the
 * project committee's « go » on the DDETS de la Marne project: the open page with JavaScript moves
 * its bar and its feed without a reload (server-sent events), the plain page shows it after a
 * reload. Then the team imports a roadmap from a CSV file (a faulty line reported, then the
 * corrected file added), reorders its axes without JavaScript and moves a lever under another
 * flagship, with JavaScript and without. axe-core and the French typography check run on every
 * page; the tracker, the import and the edited pages also at 390 px.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type TestServer } from "../support/server";
import { check, describeWithBrowser, focusedId, launchBrowser, newContext, signIn, visit } from "../support/browser";
import { labTeam } from "../../src/demo/content/index";

const email = (key: string) => labTeam.find((p) => p.key === key)!.email;
const DDETS = "Cohésion d’équipe et projet de service de la DDETS de la Marne";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let team: Page;
let visitor: Page;
let visitorNoJs: Page;
let teamNoJs: Page;

describeWithBrowser("The roadmap and its public tracker in a browser (axe + typography on every page)", () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const make = async (js: boolean) => {
      const ctx = await newContext(browser, server.url, js ? {} : { javaScriptEnabled: false });
      contexts.push(ctx);
      return ctx.newPage();
    };
    [team, visitor, visitorNoJs, teamNoJs] = await Promise.all([make(true), make(true), make(false), make(false)]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The add-milestone form (each milestone on the page has its own edit form, with the same labels). */
  const addMilestone = (page: Page) => page.locator("form", { has: page.getByRole("button", { name: "Ajouter le jalon" }) });
  const ddetsItem = (page: Page) => page.locator("li[data-item]", { hasText: DDETS }).last();
  const figureOf = async (page: Page) => (await ddetsItem(page).locator(".germoir-progress__figure").first().textContent())?.trim();

  it("the lab team reads its roadmap, adds an item (errors first, focused) and marks a milestone done", async () => {
    await signIn(team, email("labest-1"));
    await visit(team, "/lab", "lab home");
    await team.getByRole("link", { name: "Feuille de route" }).click();
    await team.waitForURL("**/lab/labest/feuille-de-route");
    await check(team, "the lab's roadmaps");
    await team.getByRole("link", { name: /^Imaginons ensemble/ }).click();
    await team.waitForURL(/\/feuille-de-route\/[0-9a-f-]{36}$/);
    await team.getByRole("heading", { name: "Axes, projets phares, leviers et projets connexes" }).waitFor();
    await team.locator("details summary", { hasText: "Pourquoi ce chiffre" }).first().click();
    await expect.poll(() => team.locator("details[open] p").first().textContent()).toMatch(/^\d+\u00a0%\u00a0: moyenne de 4\u00a0éléments/);
    await check(team, "roadmap page", { phone: true });

    // the add-item form: a connected project without its parent nor its project
    await team.getByLabel("Type d’élément").selectOption({ label: "Projet connexe (projet du lab)" });
    await team.getByLabel("Titre", { exact: true }).fill("Un projet connexe de plus");
    await team.getByRole("button", { name: "Ajouter l’élément" }).click();
    await team.locator("#error-summary").waitFor();
    expect(await focusedId(team)).toBe("error-summary");
    expect(await team.locator("#error-summary").textContent()).toContain("Rattaché à\u00a0: choisissez l’élément au-dessus");
    expect(await team.getByLabel("Titre", { exact: true }).inputValue()).toBe("Un projet connexe de plus");
    await check(team, "roadmap page, add-item errors");

    // an initiative's page: a milestone added, then marked done
    await team.getByRole("link", { name: "Événements du réseau d’innovation Grand Est" }).click();
    await team.waitForURL(/\/elements\/[0-9a-f-]{36}$/);
    await check(team, "item page");
    await addMilestone(team).getByLabel("Jalon", { exact: true }).fill("Rencontre du réseau à Metz");
    await addMilestone(team).getByLabel("Date prévue").fill("2027-03-15");
    await team.getByRole("button", { name: "Ajouter le jalon" }).click();
    await team.getByText("Le jalon est ajouté.").waitFor();
    await expect.poll(() => team.locator("h1 ~ .germoir-progress .germoir-progress__figure").first().textContent()).toContain("67\u00a0%");
    await team.getByRole("button", { name: "Marquer «\u00a0Rencontre du réseau à Metz\u00a0» franchi" }).click();
    await team.getByText("Le jalon est marqué franchi.").waitFor();
    await expect.poll(() => team.locator("h1 ~ .germoir-progress .germoir-progress__figure").first().textContent()).toContain("100\u00a0%");
    await team.getByText("Tableau de l’historique").click();
    await check(team, "item page, milestone done, history table");
    await visit(team, `${new URL(team.url()).pathname.replace(/\/elements\/.*$/, "")}/reglages`, "roadmap settings");
  });

  it("without JavaScript, the team adds a milestone (errors first, input kept) and marks it done with its proof", async () => {
    await signIn(teamNoJs, email("labest-1"));
    await visit(teamNoJs, "/lab/labest/feuille-de-route", "the lab's roadmaps (no JS)");
    await teamNoJs.getByRole("link", { name: /^Imaginons ensemble/ }).click();
    await teamNoJs.getByRole("link", { name: "Charte des réunions utiles à la DRAAF Grand Est" }).click();
    await check(teamNoJs, "item page (no JS)", { phone: true });
    const form = addMilestone(teamNoJs);
    await form.getByLabel("Date prévue").fill("2027-02-28");
    await form.getByLabel("Ce qui le prouve").selectOption({ label: "Lien" });
    await form.getByLabel("Lien de la preuve").fill("pas-une-adresse");
    await teamNoJs.getByRole("button", { name: "Ajouter le jalon" }).click();
    await teamNoJs.locator("#error-summary").waitFor();
    const summary = await teamNoJs.locator("#error-summary").textContent();
    expect(summary).toContain("Jalon\u00a0: au moins 2 caractères.");
    expect(summary).toContain("Lien de la preuve\u00a0: une adresse web commençant par https:// ou http://.");
    expect(await form.getByLabel("Date prévue").inputValue()).toBe("2027-02-28");
    await check(teamNoJs, "item page, milestone errors (no JS)");
    await form.getByLabel("Jalon", { exact: true }).fill("Charte affichée dans chaque salle");
    await form.getByLabel("Ce qui le prouve").selectOption({ label: "À préciser plus tard" });
    await form.getByLabel("Lien de la preuve").fill("");
    await teamNoJs.getByRole("button", { name: "Ajouter le jalon" }).click();
    await teamNoJs.getByText("Le jalon est ajouté.").waitFor();
    const row = teamNoJs.locator("li", { hasText: "Charte affichée dans chaque salle" }).last();
    await row.locator('input[name="proof"]').fill("https://www.grand-est.gouv.fr/charte-reunions");
    await row.getByRole("button", { name: "Marquer « Charte affichée dans chaque salle » franchi" }).click();
    await teamNoJs.getByText("Le jalon est marqué franchi.").waitFor();
    expect(await teamNoJs.locator("li", { hasText: "Charte affichée dans chaque salle" }).last().textContent()).toContain("Preuve : https://www.grand-est.gouv.fr/charte-reunions");
    await check(teamNoJs, "item page, milestone done (no JS)");
  });

  it("the public tracker opens without signing in, with JavaScript and without", async () => {
    await visit(visitor, "/traceur/labest", "public tracker", { phone: true });
    await visitor.getByText("Mis à jour en direct.").waitFor();
    expect(await figureOf(visitor)).toBe("10\u00a0%");
    await visit(visitorNoJs, "/traceur/labest", "public tracker (no JS)", { phone: true });
    expect(await figureOf(visitorNoJs)).toBe("10\u00a0%");
    const atom = await visitor.request.get("/traceur/labest/flux.atom");
    expect(atom.headers()["content-type"]).toContain("application/atom+xml");
    expect(await atom.text()).toContain("Jalon franchi\u00a0: Rencontre du réseau à Metz");
  });

  it("a gate « go » moves the open tracker's bar and feed without a reload; the plain page after one", async () => {
    const before = await visitor.locator("[data-roadmap-progress]").first().getAttribute("data-roadmap-progress");
    await visit(team, "/lab/labest/projets", "portfolio");
    await team.getByRole("link", { name: DDETS }).first().click();
    await team.waitForURL(/\/projets\/[0-9a-f-]{36}$/);
    await team.locator("label", { hasText: /^Go\u00a0: passage à l’étape suivante$/ }).click();
    await team.getByRole("button", { name: "Enregistrer la décision du comité" }).click();
    await team.getByText("La décision du comité est enregistrée.").waitFor();

    // JavaScript on: no reload, the figures and the feed follow
    const navigations: string[] = [];
    visitor.on("framenavigated", (f) => f === visitor.mainFrame() && navigations.push(f.url()));
    await expect.poll(() => figureOf(visitor), { timeout: 15_000 }).toBe("30\u00a0%");
    await expect.poll(() => visitor.locator("#tracker-feed li").nth(0).textContent().then(async (a) => `${a} ${await visitor.locator("#tracker-feed li").nth(1).textContent()}`)).toContain(`Le projet «\u00a0${DDETS}\u00a0» passe le cap\u00a0: exploration → prototype`);
    expect(await visitor.locator("#tracker-feed").textContent()).toContain("Jalon franchi\u00a0: Prototype du parcours d’accueil des nouveaux arrivants");
    expect(await visitor.locator("[data-roadmap-progress]").first().getAttribute("data-roadmap-progress")).not.toBe(before);
    expect(navigations).toEqual([]);
    await check(visitor, "public tracker, after the gate (live)");

    // JavaScript off: as of its load, until reloaded
    expect(await figureOf(visitorNoJs)).toBe("10\u00a0%");
    await visitorNoJs.reload();
    expect(await figureOf(visitorNoJs)).toBe("30\u00a0%");
    expect(`${await visitorNoJs.locator("#tracker-feed li").nth(0).textContent()} ${await visitorNoJs.locator("#tracker-feed li").nth(1).textContent()}`).toContain(`Le projet «\u00a0${DDETS}\u00a0» passe le cap\u00a0: exploration → prototype`);
    await check(visitorNoJs, "public tracker, after the gate (no JS, reloaded)");
  });

  const csv = (lines: string[]) => ({ name: "feuille-de-route.csv", mimeType: "text/csv", buffer: Buffer.from("\ufeff" + lines.join("\r\n") + "\r\n") });
  const header = "Référence;Type;Rattaché à (référence);Titre;Public;Jalons";
  const good = [
    header,
    "A;axe;;Axe importé A;oui;",
    "B;axe;;Axe importé B;oui;",
    "A1;projet phare;A;Phare importé A1;oui;",
    "B1;projet phare;B;Phare importé B1;oui;",
    "L1;levier;A1;Levier importé;oui;",
    "I1;initiative;L1;Initiative importée;oui;Convention signée | prévu le 01/03/2027",
  ];
  let importedRoadmap = "";

  it("imports a roadmap from a CSV file: a faulty line reported (line, column, message), then the corrected file added", async () => {
    await visit(team, "/lab/labest/feuille-de-route", "the lab's roadmaps, before the import");
    await team.getByLabel("Titre", { exact: true }).fill("Feuille de route importée");
    await team.getByRole("button", { name: "Créer la feuille de route" }).click();
    await team.getByRole("heading", { level: 1, name: "Feuille de route importée" }).waitFor();
    importedRoadmap = new URL(team.url()).pathname;
    await team.getByRole("link", { name: "Importer un fichier" }).click();
    await team.waitForURL("**/import");
    await team.getByRole("heading", { name: "Les colonnes attendues" }).waitFor();
    expect(await team.getByRole("link", { name: "Télécharger le modèle CSV" }).getAttribute("href")).toBe(`${importedRoadmap}/export/modele-import.csv`);
    await check(team, "import page", { phone: true });

    // a file whose third line has an unknown type: nothing imported, the report says where
    await team.getByLabel("Fichier CSV ou XLSX").setInputFiles(csv([...good.slice(0, 2), "B;bidule;;Axe importé B;oui;", ...good.slice(3)]));
    await team.getByRole("button", { name: "Importer" }).click();
    await team.waitForURL(/\/import\/[0-9a-f-]{36}$/);
    await team.getByRole("heading", { name: "Rien n’a été importé" }).waitFor({ timeout: 15_000 });
    const report = team.locator("table", { has: team.getByText("Les erreurs du fichier, ligne par ligne") });
    await expect.poll(() => report.locator("tbody tr").count()).toBeGreaterThan(0);
    const first = (await report.locator("tbody tr").first().locator("td").allTextContents()).map((t) => t.trim());
    expect(first).toEqual(["3", "Type", "Type\u00a0: axe, projet phare, levier, projet connexe ou initiative."]);
    await check(team, "import report", { phone: true });

    // the corrected file
    await team.getByRole("link", { name: "Importer un autre fichier" }).click();
    await team.getByLabel("Fichier CSV ou XLSX").setInputFiles(csv(good));
    await team.getByRole("button", { name: "Importer" }).click();
    await team.getByRole("heading", { name: "Import terminé" }).waitFor({ timeout: 15_000 });
    expect(await team.locator(".fr-alert--success").textContent()).toContain("6\u00a0éléments importés, 1\u00a0jalon.");
    await check(team, "import done");
    await team.getByRole("link", { name: "Voir la feuille de route" }).click();
    await team.getByRole("link", { name: "Initiative importée" }).waitFor();
  });

  const axes = (page: Page) => page.locator("#arbre + ul > li > p > a").allTextContents();

  it("without JavaScript, the team reorders the axes and follows an import until its end", async () => {
    await visit(teamNoJs, importedRoadmap, "imported roadmap (no JS)", { phone: true });
    expect(await axes(teamNoJs)).toEqual(["Axe importé A", "Axe importé B"]);
    await teamNoJs.getByRole("button", { name: "Descendre «\u00a0Axe importé A\u00a0»" }).click();
    await teamNoJs.getByText("L’ordre est modifié.").waitFor();
    expect(await axes(teamNoJs)).toEqual(["Axe importé B", "Axe importé A"]);
    expect(new URL(teamNoJs.url()).hash).toMatch(/^#element-[0-9a-f-]{36}$/);
    await check(teamNoJs, "roadmap reordered (no JS)");
    await teamNoJs.getByRole("button", { name: "Monter «\u00a0Axe importé A\u00a0»" }).click();
    await teamNoJs.getByText("L’ordre est modifié.").waitFor();
    expect(await axes(teamNoJs)).toEqual(["Axe importé A", "Axe importé B"]);

    // an import, followed by reloading its page
    await visit(teamNoJs, `${importedRoadmap}/import`, "import page (no JS)");
    await teamNoJs.getByLabel("Fichier CSV ou XLSX").setInputFiles(csv([header, "X;axe;;;oui;"]));
    await teamNoJs.getByRole("button", { name: "Importer" }).click();
    await teamNoJs.waitForURL(/\/import\/[0-9a-f-]{36}$/);
    for (let n = 0; n < 30 && !(await teamNoJs.getByRole("heading", { name: "Rien n’a été importé" }).count()); n++) {
      await new Promise((r) => setTimeout(r, 500));
      await teamNoJs.reload();
    }
    expect(await teamNoJs.locator("tbody tr").first().locator("td").allTextContents()).toEqual(["2", "Titre", "Titre\u00a0: ce champ est obligatoire (au moins 2 caractères)."]);
    await check(teamNoJs, "import report (no JS)", { phone: true });
  });

  it("moves a lever under another flagship, with JavaScript and without", async () => {
    await visit(team, importedRoadmap, "imported roadmap");
    await team.getByRole("link", { name: "Levier importé" }).click();
    await team.waitForURL(/\/elements\/[0-9a-f-]{36}$/);
    await check(team, "lever page, move form");
    await team.getByLabel("Nouveau rattachement").selectOption({ label: "Axe importé B › Phare importé B1" });
    await team.getByRole("button", { name: "Déplacer" }).click();
    await team.getByText("L’élément est déplacé.").waitFor();
    expect(await team.locator(".fr-breadcrumb").textContent()).toContain("Phare importé B1");
    await check(team, "lever moved", { phone: true });

    // back under its first flagship, without JavaScript
    await visit(teamNoJs, new URL(team.url()).pathname, "lever page (no JS)");
    await teamNoJs.getByLabel("Nouveau rattachement").selectOption({ label: "Axe importé A › Phare importé A1" });
    await teamNoJs.getByRole("button", { name: "Déplacer" }).click();
    await teamNoJs.getByText("L’élément est déplacé.").waitFor();
    await visit(teamNoJs, importedRoadmap, "imported roadmap after the moves (no JS)");
    const a1 = teamNoJs.locator("li[data-item]", { hasText: "Phare importé A1" }).first();
    expect(await a1.textContent()).toContain("Levier importé");
  });
});
