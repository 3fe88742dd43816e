/**
 * The theme-curation journey in a real browser, through the UI only, on the Grand Est demo:
 * the lab team analyses the contest's non-awarded ideas, follows the run, curates the themes
 * (rename, merge, move an idea, validate), runs the analysis again with another number of
 * themes and finds its curation kept, publishes; the author of the moved idea then sees its
 * theme in « Mes idées » and on the map. The lab forms also work with JavaScript off, and an
 * empty rename shows the DSFR error summary. axe-core (WCAG 2.1 A/AA) and a French typography
 * check run on every page visited.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { startServer, type TestServer } from "../support/server";
import { check, checkedPages, describeWithBrowser, focusedId, launchBrowser, newContext, screenshot, signIn, waitForHydration } from "../support/browser";
import { agentByKey, closedCampaignIdeas } from "../../src/demo/content/index";

const LAB = "helene.strauss@grandest.fr";
const LAB_NAME = "Hélène Strauss";
const LAB_SLUG = "region-grand-est";
const CONTEST = /G1ID/;
const RENAMED = "Propreté et entretien des lycées";
const RENAMED_NO_JS = "Outils et démarches des agents";

/** Each step runs several page loads, axe checks and, for some, an analysis run. */
const STEP_TIMEOUT = 240_000;
/** An analysis of the 240 ideas takes a few seconds; the machine may be busy. */
const RUN_TIMEOUT = 120_000;

const UUID = "[0-9a-f-]{36}";
/** Spaces as a reader sees them: non-breaking ones count as spaces. */
const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ").trim();
/** A string as a literal in a RegExp. */
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const numberIn = (s: string) => Number(/(\d[\d\u202f\u00a0]*)/.exec(s)![1].replace(/\D/g, ""));

const navLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name, exact: true });

let server: TestServer;
let browser: Browser;
let lab: BrowserContext;
let author: BrowserContext;
let noJs: BrowserContext;
let labPage: Page;
let authorPage: Page;
let noJsPage: Page;
const timings: [string, number][] = [];
const timed = async (name: string, fn: () => Promise<void>) => {
  const t0 = Date.now();
  try {
    await fn();
  } finally {
    timings.push([name, Date.now() - t0]);
  }
};

/** What the journey learns along the way. */
let analysisPath = "";
let analysisId = "";
interface ThemeCard {
  id: string;
  label: string;
  size: number;
  terms: string;
}
let renamed: ThemeCard; // A: renamed, then validated
let absorbed: ThemeCard; // B: merged into C
let destination: ThemeCard; // C: absorbs B, receives the moved idea, validated
let source: ThemeCard; // D: the moved idea comes from here
let renamedIdeas: string[] = [];
let destinationIdeas: string[] = [];
const moved = { id: "", title: "", authorEmail: "" };

// ---------------------------------------------------------------- page helpers

/** The theme cards of the analysis page, in order. */
async function themeCards(page: Page): Promise<ThemeCard[]> {
  const cards = page.locator("section.fr-card[aria-labelledby^='theme-']");
  const out: ThemeCard[] = [];
  for (const card of await cards.all()) {
    const link = card.locator("h3 a");
    const href = (await link.getAttribute("href"))!;
    const desc = await card.locator(".fr-card__desc").innerText();
    out.push({ id: href.split("/").pop()!, label: await link.innerText(), size: numberIn(desc), terms: desc.split(/mots clés/)[1] ?? "" });
  }
  return out;
}

/** The runs table: one line per run, newest first. */
const runRows = (page: Page) => page.getByRole("table", { name: "Exécutions" }).locator("tbody tr");

/** Waits until the newest run has ended, then returns its state. */
async function waitForRunEnd(page: Page, runs: number): Promise<string> {
  await expect
    .poll(async () => ((await runRows(page).count()) === runs ? norm(await runRows(page).first().innerText()) : "not yet listed"), {
      timeout: RUN_TIMEOUT,
      interval: 500,
      message: "the run ends",
    })
    .toMatch(/Terminée|Échouée|Annulée/);
  await page.locator("#run-status").waitFor({ state: "detached" });
  return norm(await runRows(page).first().innerText());
}

/** The journal of curation acts, as read. */
const journal = async (page: Page) => (await page.getByRole("heading", { name: "Journal", level: 2 }).locator("xpath=..").locator("ol li").allInnerTexts()).map(norm);

/** The idea ids listed on a theme page. */
async function ideasOnThemePage(page: Page): Promise<string[]> {
  const hrefs = await page.locator("ul.germoir-card-list h3 a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.map((h) => h.split("/").pop()!);
}

const ideaCard = (page: Page, ideaId: string): Locator => page.locator("ul.germoir-card-list > li", { has: page.locator(`h3 a[href="/idees/${ideaId}"]`) });

async function openTheme(page: Page, t: { id: string; label: string }) {
  await page.getByRole("link", { name: `Organiser le thème ${t.label}`, exact: true }).click();
  await page.waitForURL(`**${analysisPath}/themes/${t.id}`);
  await page.getByRole("heading", { level: 1, name: t.label }).waitFor();
}

async function backToAnalysis(page: Page) {
  await page.getByRole("navigation", { name: /vous êtes ici/i }).getByRole("link", { name: /G1ID/ }).click();
  await page.waitForURL(`**${analysisPath}`);
  await page.getByRole("heading", { name: "Thèmes proposés" }).waitFor();
}

/** The demo author of an idea, by its title (the demo content is the seed). */
function demoAuthorOf(title: string): string | undefined {
  const idea = closedCampaignIdeas.find((i) => norm(i.title) === norm(title));
  return idea && idea.coAuthorKeys.length === 0 ? agentByKey(idea.authorKey)?.email : undefined;
}

describeWithBrowser("theme-curation journey in a browser (axe + typography on every page)", () => {
  beforeAll(async () => {
    const t0 = Date.now();
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    timings.push(["server + browser start", Date.now() - t0]);
    lab = await newContext(browser, server.url);
    author = await newContext(browser, server.url);
    noJs = await newContext(browser, server.url, { javaScriptEnabled: false });
    [labPage, authorPage, noJsPage] = await Promise.all([lab.newPage(), author.newPage(), noJs.newPage()]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    // the server logs warnings and errors only: shown when there are any, to explain a failure
    const logs = server?.logs.join("").trim();
    if (logs) console.log(`[themes journey] server log (last 4000 characters):\n${logs.slice(-4000)}`);
    const failing = checkedPages.filter((p) => p.axeViolations || p.typography.length);
    console.log(
      `[themes journey] ${checkedPages.length} page checks, ${failing.length} with problems; axe+typography took ${checkedPages.reduce((s, p) => s + p.ms, 0)} ms in all\n` +
        timings.map(([n, ms]) => `  ${n}: ${ms} ms`).join("\n"),
    );
  });

  it("1. the lab team launches an analysis of the contest's non-awarded ideas, follows it, then sees the themes", async () => {
    await timed("1. lab: analysis", async () => {
      const page = labPage;
      await signIn(page, LAB);
      await navLink(page, "Espace lab").click();
      await page.waitForURL("**/lab");
      await check(page, "Espace lab");
      await page.getByRole("link", { name: "Problématiques (analyse des thèmes)" }).first().click();
      await page.waitForURL(`**/lab/${LAB_SLUG}/problematiques`);
      await page.getByRole("heading", { name: "Nouvelle analyse" }).waitFor();
      await check(page, "lab analyses (none yet)");

      // DSFR draws the boxes on the labels, which take the click, as they do for a user
      await page.locator("fieldset label", { hasText: CONTEST }).click();
      expect(await page.getByRole("checkbox", { name: CONTEST }).isChecked()).toBe(true);
      expect(await page.getByRole("radio", { name: "Les idées non primées", exact: true }).isChecked()).toBe(true);
      await page.getByLabel(/^Nombre de thèmes/).fill("6");
      await screenshot(page, "themes-01-new-analysis");
      await page.getByRole("button", { name: "Lancer l’analyse" }).click();
      await page.waitForURL(new RegExp(`/lab/analyses/${UUID}$`));
      analysisPath = new URL(page.url()).pathname;
      analysisId = analysisPath.split("/").pop()!;

      // Progress, or the finished themes when the run was quicker than the page: never a timing bet.
      const running = page.locator("#run-status");
      // the first run has no themes before it: a theme card means it is done
      const finished = page.locator("section.fr-card[aria-labelledby^='theme-']").first();
      await running.or(finished).first().waitFor();
      const snapshot = await page.evaluate(() => ({
        status: document.getElementById("run-status")?.textContent ?? null,
        progress: document.querySelector("progress.germoir-progress")?.getAttribute("value") ?? null,
        cancel: [...document.querySelectorAll("button")].some((b) => b.textContent?.trim() === "Annuler l’analyse"),
      }));
      if (snapshot.status !== null) {
        expect(snapshot.status).toMatch(/^(En attente de démarrage|Annulation en cours|[A-ZÉ][a-zéèê ]+\u00a0: \d+\u00a0%)$/);
        expect(Number(snapshot.progress)).toBeGreaterThanOrEqual(0);
        expect(Number(snapshot.progress)).toBeLessThanOrEqual(100);
        expect(snapshot.cancel, "a running analysis can be cancelled").toBe(true);
        await screenshot(page, "themes-02-progress");
      }
      console.log(`[themes journey] first view of the run: ${snapshot.status ?? "already finished"}`);
      await check(page, snapshot.status !== null ? "analysis (running)" : "analysis (already done)");

      // A reload keeps showing the run: its progress, or its outcome; never an empty page.
      await page.reload();
      await running.or(finished).first().waitFor();
      expect(await runRows(page).count()).toBe(1);
      const row = norm(await runRows(page).first().innerText());
      expect(row).toContain(LAB_NAME);
      expect(row).toMatch(/Analyse (En attente|En cours|Terminée)/);

      expect(await waitForRunEnd(page, 1)).toContain("Terminée");
      await finished.waitFor();
      const cards = await themeCards(page);
      expect(cards.map((c) => c.label)).toHaveLength(6);
      const total = numberIn(norm(await page.locator("h1 + p").innerText()).split("·")[1]);
      expect(total, "the contest's 244 ideas less the awarded ones").toBe(240);
      expect(cards.every((c) => c.size > 0)).toBe(true);
      expect((await journal(page))[0]).toMatch(new RegExp(`^.+ ${LAB_NAME} analyse terminée\\s: 6\\sthèmes, \\d+\\sidées? à classer$`)); // counts in French plural, with a no-break space
      await screenshot(page, "themes-03-themes");
      await check(page, "analysis (themes)");

      // The analysis is listed on the lab's page.
      await page.getByRole("navigation", { name: /vous êtes ici/i }).getByRole("link", { name: "Problématiques" }).click();
      await page.waitForURL(`**/lab/${LAB_SLUG}/problematiques`);
      const listed = page.getByRole("table", { name: "Analyses du lab" }).locator("tbody tr");
      // the URL changes before React commits the new page: wait for its table
      await listed.first().waitFor();
      // the demo's curated, published analysis, and this one, newest first
      expect(await listed.count()).toBe(2);
      expect(norm(await listed.first().innerText())).toMatch(/G1ID.*Terminée.*Non publiée/);
      expect(norm(await listed.nth(1).innerText())).toMatch(/problématiques de fond.*Publiée le/);
      await check(page, "lab analyses (one done)");
      await listed.first().getByRole("link").click();
      await page.waitForURL(`**${analysisPath}`);
      await page.getByRole("heading", { name: "Thèmes proposés" }).waitFor();
    });
  }, STEP_TIMEOUT);

  it("2. the team renames, merges, moves an idea and validates; the journal shows each act", async () => {
    await timed("2. lab: curation", async () => {
      const page = labPage;
      const cards = await themeCards(page);
      // the cleaning theme is the natural one to rename; any theme would do
      const cleaning = cards.find((c) => /ménage|entretien|nettoy|sols|chariot|frange/i.test(c.terms)) ?? cards[0];
      const rest = cards.filter((c) => c.id !== cleaning.id);
      renamed = cleaning;
      [destination, absorbed] = [rest[0], rest[1]];

      // Rename
      await openTheme(page, renamed);
      await check(page, "theme page");
      await waitForHydration(page);
      const field = page.getByLabel("Nouveau nom", { exact: true });
      expect(await field.inputValue()).toBe(renamed.label);
      await field.fill(RENAMED);
      await page.getByRole("button", { name: "Renommer", exact: true }).click();
      await page.getByText("Le thème est renommé.").waitFor();
      await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe(RENAMED);
      renamedIdeas = await ideasOnThemePage(page);
      expect(renamedIdeas).toHaveLength(renamed.size);
      await check(page, "theme page (renamed)");

      // Validate it here
      await page.getByRole("button", { name: "Valider ce thème" }).click();
      await page.getByText("Le thème est validé.").waitFor();
      await page.getByRole("heading", { level: 1 }).getByText("Validé", { exact: true }).waitFor();
      await check(page, "theme page (validated)");

      // Merge B into C
      await backToAnalysis(page);
      await openTheme(page, destination);
      await waitForHydration(page);
      const merge = page.getByLabel(/^Thème à fusionner dans celui-ci/);
      expect(await merge.locator("option").allInnerTexts()).toContain(absorbed.label);
      await merge.selectOption({ label: absorbed.label });
      await page.getByRole("button", { name: "Fusionner", exact: true }).click();
      await page.getByText("Les deux thèmes sont fusionnés.").waitFor();
      await expect.poll(async () => numberIn(await page.getByRole("heading", { level: 2 }).filter({ hasText: /^\d[\d\s]*idées?$/ }).innerText())).toBe(destination.size + absorbed.size);
      expect(await merge.locator("option").allInnerTexts()).not.toContain(absorbed.label);
      await check(page, "theme page (merged)");

      // Move one idea from a fourth theme D into C
      await backToAnalysis(page);
      const now = await themeCards(page);
      expect(now.map((c) => c.id)).not.toContain(absorbed.id);
      expect(now).toHaveLength(5);
      source = now.find((c) => ![renamed.id, destination.id].includes(c.id))!;
      await openTheme(page, source);
      await waitForHydration(page);
      const before = await ideasOnThemePage(page);
      for (const id of before) {
        const title = await ideaCard(page, id).locator("h3").innerText();
        const email = demoAuthorOf(title);
        if (email) {
          Object.assign(moved, { id, title: norm(title), authorEmail: email });
          break;
        }
      }
      expect(moved.id, "an idea of the theme with a single demo author").not.toBe("");
      const card = ideaCard(page, moved.id);
      await card.getByRole("combobox").selectOption({ label: destination.label });
      await card.getByRole("button", { name: "Déplacer cette idée" }).click();
      await page.getByText(/L’idée est déplacée/).waitFor();
      await expect.poll(() => ideasOnThemePage(page)).not.toContain(moved.id);
      expect(await ideasOnThemePage(page)).toHaveLength(before.length - 1);
      await check(page, "theme page (idea moved out)");

      // Validate C from the analysis page, and see the move there
      await backToAnalysis(page);
      await page.getByRole("button", { name: `Valider le thème ${destination.label}`, exact: true }).click();
      await page.getByText("Le thème est validé", { exact: false }).waitFor();
      const cCard = page.locator("section.fr-card", { has: page.locator(`#theme-${destination.id}`) });
      await cCard.getByText("Validé", { exact: true }).waitFor();
      expect(await page.locator("section.fr-card", { has: page.locator(`#theme-${renamed.id}`) }).getByText("Validé", { exact: true }).count()).toBe(1);
      await check(page, "analysis (curated)", { phone: true });

      await openTheme(page, destination);
      destinationIdeas = await ideasOnThemePage(page);
      expect(destinationIdeas).toContain(moved.id);
      expect(destinationIdeas).toHaveLength(destination.size + absorbed.size + 1);
      expect(norm(await ideaCard(page, moved.id).locator(".fr-card__detail").innerText())).toContain("placée à la main");
      await check(page, "theme page (destination)", { phone: true });
      await backToAnalysis(page);

      const acts = (await journal(page)).join("\n");
      expect(acts).toContain(`${LAB_NAME} a renommé « ${renamed.label} » en « ${RENAMED} »`);
      expect(acts).toContain(`${LAB_NAME} a validé « ${RENAMED} »`);
      expect(acts).toContain(`${LAB_NAME} a fusionné « ${absorbed.label} » dans « ${destination.label} »`);
      expect(acts).toContain(`${LAB_NAME} a déplacé l’idée « ${moved.title} » vers « ${destination.label} »`);
      expect(acts).toContain(`${LAB_NAME} a validé « ${destination.label} »`);
      await screenshot(page, "themes-04-curated");
    });
  }, STEP_TIMEOUT);

  it("3. a re-run with 8 new themes keeps the validated themes, their names, their ideas and the moved idea", async () => {
    await timed("3. lab: re-run", async () => {
      const page = labPage;
      await waitForHydration(page);
      const k = page.getByLabel(/^Nombre de nouveaux thèmes/);
      expect(await k.inputValue()).toBe("6");
      await k.fill("8");
      await page.getByRole("button", { name: "Relancer l’analyse" }).click();
      await page.getByText("L’analyse est relancée.").waitFor();
      // While it runs, the themes cannot be validated (the run's result would replace them).
      const during = await page.evaluate(() => ({
        running: !!document.getElementById("run-status"),
        validate: [...document.querySelectorAll("button")].filter((b) => /^(Valider|Retirer la validation) le thème/.test((b.textContent ?? "").trim())).length,
      }));
      if (during.running) expect(during.validate, "no validation buttons during a run").toBe(0);
      console.log(`[themes journey] re-run ${during.running ? "seen running" : "already finished"} after the submit`);
      expect(await waitForRunEnd(page, 2)).toContain("Terminée");
      const cards = await themeCards(page);
      expect(cards).toHaveLength(2 + 8);
      const a = cards.find((c) => c.id === renamed.id);
      const c = cards.find((x) => x.id === destination.id);
      expect(a?.label).toBe(RENAMED);
      expect(c?.label).toBe(destination.label);
      for (const id of [renamed.id, destination.id]) {
        expect(await page.locator("section.fr-card", { has: page.locator(`#theme-${id}`) }).getByText("Validé", { exact: true }).count()).toBe(1);
      }
      expect(await page.getByText("Proposé", { exact: true }).count()).toBe(8);
      expect((await journal(page))[0]).toMatch(/analyse terminée : 10 thèmes/);
      await check(page, "analysis (re-run)");

      await openTheme(page, { id: renamed.id, label: RENAMED });
      const nowA = await ideasOnThemePage(page);
      for (const id of renamedIdeas) expect(nowA, "the renamed theme keeps its ideas").toContain(id);
      await check(page, "renamed theme after re-run");
      await backToAnalysis(page);
      await openTheme(page, destination);
      const nowC = await ideasOnThemePage(page);
      for (const id of destinationIdeas) expect(nowC, "the destination theme keeps its ideas").toContain(id);
      expect(norm(await ideaCard(page, moved.id).locator(".fr-card__detail").innerText())).toContain("placée à la main");
      destinationIdeas = nowC;
      await check(page, "destination theme after re-run");
      await backToAnalysis(page);
    });
  }, STEP_TIMEOUT);

  it("4. the team publishes; the author of the moved idea sees its theme in « Mes idées » and on the map", async () => {
    await timed("4. publish, author", async () => {
      const page = labPage;
      await page.getByRole("button", { name: "Publier les thèmes" }).click();
      await page.getByText(/Les thèmes sont publiés/).waitFor();
      await page.getByRole("button", { name: "Retirer la publication" }).waitFor();
      expect((await journal(page))[0]).toContain(`${LAB_NAME} a publié les thèmes`);
      await check(page, "analysis (published)");

      const p = authorPage;
      await signIn(p, moved.authorEmail);
      await navLink(p, "Mes idées").click();
      await p.waitForURL("**/mes-idees");
      const card = p.locator("ul.germoir-card-list > li", { has: p.locator(`h2 a[href="/idees/${moved.id}"]`) });
      const notice = card.getByRole("heading", { level: 3, name: /^Votre idée rejoint la problématique/ });
      await notice.waitFor();
      expect(norm(await notice.innerText())).toBe(`Votre idée rejoint la problématique « ${destination.label} »`);
      const others = await notice.locator("xpath=..").locator("ul li a").evaluateAll((as) => as.map((a) => (a.getAttribute("href") ?? "").split("/").pop()!));
      expect(others.length).toBeGreaterThan(0);
      expect(others).not.toContain(moved.id);
      for (const id of others) expect(destinationIdeas, "the other ideas are those of the theme").toContain(id);
      await screenshot(p, "themes-05-my-ideas");
      await check(p, "my ideas (author of the moved idea)");

      await navLink(p, "Problématiques").click();
      await p.waitForURL("**/problematiques");
      await p.getByRole("heading", { level: 1, name: "Problématiques" }).waitFor();
      await check(p, "published analyses (author)");
      // this analysis, beside the demo's own published one
      await p.locator(`a[href="/problematiques/${analysisId}"]`).click();
      await p.waitForURL(`**/problematiques/${analysisId}`);
      const table = p.getByRole("table", { name: "Problématiques et idées" });
      await table.waitFor();
      const row = table.locator("tbody tr", { has: p.locator(`a[href="/idees/${moved.id}"]`) });
      expect(norm(await row.locator("th").innerText())).toMatch(new RegExp(`^${esc(destination.label)} \\d+ idées$`));
      expect(await table.getByRole("rowheader", { name: RENAMED }).count()).toBe(1);
      expect(await p.locator("svg[role=img] circle").count()).toBe(240);
      expect(await p.getByRole("link", { name: "Organiser les thèmes" }).count(), "no lab link for an agent").toBe(0);
      await screenshot(p, "themes-06-map");
      await check(p, "theme map (author)", { phone: true });
    });
  }, STEP_TIMEOUT);

  it("5. with JavaScript off, the team renames a theme and moves an idea", async () => {
    await timed("5. lab, no JS: rename, move", async () => {
      const page = noJsPage;
      await signIn(page, LAB);
      await page.goto(analysisPath);
      const cards = await themeCards(page);
      const target = cards.find((c) => ![renamed.id, destination.id].includes(c.id))!;
      await check(page, "analysis (no JS)");
      await openTheme(page, target);
      await check(page, "theme page (no JS)", { phone: true });

      await page.getByLabel("Nouveau nom", { exact: true }).fill(RENAMED_NO_JS);
      await page.getByRole("button", { name: "Renommer", exact: true }).click();
      await page.getByText("Le thème est renommé.").waitFor();
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe(RENAMED_NO_JS);
      await check(page, "theme page renamed (no JS)");

      const [first] = await ideasOnThemePage(page);
      const card = ideaCard(page, first);
      await card.getByRole("combobox").selectOption({ label: RENAMED });
      await card.getByRole("button", { name: "Déplacer cette idée" }).click();
      await page.getByText(/L’idée est déplacée/).waitFor();
      expect(await ideasOnThemePage(page)).not.toContain(first);
      await check(page, "theme page, idea moved (no JS)");

      await backToAnalysis(page);
      expect((await journal(page)).slice(0, 2)).toEqual([
        expect.stringMatching(new RegExp(`${LAB_NAME} a déplacé l’idée « .+ » vers « ${RENAMED} »$`)),
        expect.stringMatching(new RegExp(`${LAB_NAME} a renommé « ${esc(target.label)} » en « ${RENAMED_NO_JS} »$`)),
      ]);
      await openTheme(page, { id: renamed.id, label: RENAMED });
      expect(await ideasOnThemePage(page)).toContain(first);
      await check(page, "renamed theme with the idea moved in (no JS)");

      // An empty name, without JavaScript: the server answers with the error summary.
      await page.getByLabel("Nouveau nom", { exact: true }).fill("");
      await page.getByRole("button", { name: "Renommer", exact: true }).click();
      const summary = page.locator("#error-summary");
      await summary.waitFor();
      expect(norm(await summary.innerText())).toContain("Nouveau nom : au moins 3 caractères.");
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toContain(RENAMED);
      await check(page, "theme page, empty name (no JS)");
    });
  }, STEP_TIMEOUT);

  it("6. an empty rename shows the DSFR error summary, which takes focus", async () => {
    await timed("6. lab: rename error", async () => {
      const page = labPage;
      await openTheme(page, { id: renamed.id, label: RENAMED });
      await waitForHydration(page);
      const field = page.getByLabel("Nouveau nom", { exact: true });
      await field.fill("");
      await page.getByRole("button", { name: "Renommer", exact: true }).click();
      const summary = page.locator("#error-summary");
      await summary.waitFor();
      expect(await summary.getAttribute("role")).toBe("alert");
      await expect.poll(() => focusedId(page), { message: "the error summary takes focus" }).toBe("error-summary");
      await expect.poll(() => page.title()).toMatch(/^Erreur/);
      const link = summary.getByRole("link");
      expect(await link.innerText()).toBe("Nouveau nom\u00a0: au moins 3 caractères.");
      const target = (await link.getAttribute("href"))!;
      expect(await page.locator(target).getAttribute("aria-invalid")).toBe("true");
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toContain(RENAMED);
      await screenshot(page, "themes-07-rename-error");
      await check(page, "theme page, empty name");
    });
  }, STEP_TIMEOUT);
});
