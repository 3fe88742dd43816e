/**
 * The contest journey in a real browser, through the UI only: a lab creates and publishes a
 * campaign and names a juror; two agents submit ideas, one with JavaScript and one without;
 * the lab closes the campaign; the juror scores; the lab awards; the authors see the outcome.
 * axe-core (WCAG 2.1 A/AA) and a French typography check run on every page visited.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type TestServer } from "../support/server";
import { check, checkedPages, describeWithBrowser, focusedId, launchBrowser, newContext, screenshot, signIn, unreadInHeader, waitForHydration } from "../support/browser";
import { agents } from "../../src/demo/content/index";
import { isoDay, formatDate } from "../../src/kernel/format";

const LAB = "helene.strauss@grandest.fr";
const JUROR = "sylvie.marchetti@grandest.fr";
const agentA = agents[0];
const agentB = agents[1];

const campaign = {
  title: "Moins de papier dans les services",
  summary: "Vos idées pour réduire les impressions et les circuits de signature papier.",
  description:
    "Chaque année, les services impriment des millions de pages.\n\nProposez une façon simple d’en imprimer moins, dans votre service ou pour tous.",
};
const ideaA = {
  title: "Un parapheur numérique pour les congés",
  problem: "Les demandes de congés circulent sur papier entre trois bureaux et se perdent.",
  proposal: "Un formulaire en ligne validé par le chef de service, avec un avis automatique à la paie.",
  beneficiaries: "Les agents et les gestionnaires RH",
};
const ideaB = {
  title: "Des ordres de mission sans impression",
  problem: "Chaque ordre de mission est imprimé, signé puis scanné avant le départ.",
  proposal: "Une signature électronique simple dans l’outil de réservation des déplacements.",
  beneficiaries: "Les agents qui se déplacent et les assistants de direction",
};

/** Each step runs several page loads and axe checks. */
const STEP_TIMEOUT = 180_000;

const navLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name, exact: true });

let server: TestServer;
let browser: Browser;
let lab: BrowserContext;
let juror: BrowserContext;
let withJs: BrowserContext;
let noJs: BrowserContext;
let labPage: Page;
let jurorPage: Page;
let pageA: Page;
let pageB: Page;
let campaignId = "";
let labCampaignUrl = "";
const timings: [string, number][] = [];
const timed = async (name: string, fn: () => Promise<void>) => {
  const t0 = Date.now();
  try {
    await fn();
  } finally {
    timings.push([name, Date.now() - t0]);
  }
};

describeWithBrowser("contest journey in a browser (axe + typography on every page)", () => {
  beforeAll(async () => {
    const t0 = Date.now();
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    timings.push(["server + browser start", Date.now() - t0]);
    lab = await newContext(browser, server.url);
    juror = await newContext(browser, server.url);
    withJs = await newContext(browser, server.url);
    noJs = await newContext(browser, server.url, { javaScriptEnabled: false });
    [labPage, jurorPage, pageA, pageB] = await Promise.all([lab.newPage(), juror.newPage(), withJs.newPage(), noJs.newPage()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    const failing = checkedPages.filter((p) => p.axeViolations || p.typography.length);
    console.log(
      `[journey] ${checkedPages.length} page checks, ${failing.length} with problems; axe+typography took ${checkedPages.reduce((s, p) => s + p.ms, 0)} ms in all\n` +
        timings.map(([n, ms]) => `  ${n}: ${ms} ms`).join("\n"),
    );
  });

  it("1. the lab creates, previews and publishes a campaign, and names a juror", async () => {
    await timed("1. lab: campaign", async () => {
      const page = labPage;
      await signIn(page, LAB);
      await check(page, "home (lab team)", { phone: true });
      await navLink(page, "Espace lab").click();
      await page.waitForURL("**/lab");
      await check(page, "Espace lab", { phone: true });
      await page.getByRole("link", { name: "Créer une campagne" }).first().click();
      await page.waitForURL("**/campagnes/nouvelle");
      await check(page, "new campaign form");

      // An empty submit first: the error state of the campaign form.
      await waitForHydration(page);
      await page.getByRole("button", { name: "Créer le brouillon" }).click();
      await page.locator("#error-summary").waitFor();
      expect(await page.getByLabel("Titre", { exact: true }).getAttribute("aria-invalid")).toBe("true");
      await check(page, "new campaign form, errors");

      await page.getByLabel("Titre", { exact: true }).fill(campaign.title);
      await page.getByLabel(/^Résumé/).fill(campaign.summary);
      await page.getByLabel(/^Description/).fill(campaign.description);
      const now = Date.now();
      await page.getByLabel("Date d’ouverture").fill(isoDay(new Date(now)));
      await page.getByLabel(/^Date de clôture/).fill(isoDay(new Date(now + 30 * 86400_000)));
      await screenshot(page, "journey-01-lab-campaign-form");
      await page.getByRole("button", { name: "Créer le brouillon" }).click();
      await page.waitForURL(/\/lab\/campagnes\/[0-9a-f-]{36}\?creee=1$/);
      campaignId = /campagnes\/([0-9a-f-]{36})/.exec(page.url())![1];
      labCampaignUrl = `/lab/campagnes/${campaignId}`;
      await page.getByText("Le brouillon de la campagne est créé.").waitFor();
      await check(page, "lab campaign page (draft)");

      await page.getByRole("link", { name: "Prévisualiser" }).click();
      await page.waitForURL(`**/campagnes/${campaignId}`);
      await page.getByText("Aperçu", { exact: false }).first().waitFor();
      await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe(campaign.title);
      await check(page, "campaign preview");

      await page.getByRole("link", { name: "Gérer la campagne" }).click();
      await page.waitForURL(`**${labCampaignUrl}`);
      await page.getByRole("button", { name: "Publier la campagne" }).click();
      await page.getByText("La campagne est publiée.").waitFor();
      await check(page, "lab campaign page (published)");

      await page.getByLabel("Ajouter un juré (adresse électronique)").fill(JUROR);
      await page.getByRole("button", { name: "Ajouter au jury" }).click();
      await page.getByText("Le jury compte une personne de plus, qui en est prévenue.").waitFor();
      await page.getByRole("table", { name: "Avancement des jurés" }).getByRole("cell", { name: "Sylvie Marchetti", exact: true }).waitFor();
      await check(page, "lab campaign page (juror added)");
    });
  }, STEP_TIMEOUT);

  /** Opens the campaign from the list, tries an empty title, then submits the idea. */
  async function submitIdea(page: Page, who: string, idea: typeof ideaA, js: boolean) {
    await navLink(page, "Campagnes").click();
    await page.waitForURL("**/campagnes");
    await check(page, `campaigns list (${who})`, { phone: true });
    await page.getByRole("link", { name: campaign.title }).click();
    await page.waitForURL(`**/campagnes/${campaignId}`);
    await check(page, `campaign page (${who})`);
    await page.getByRole("link", { name: "Déposer une idée" }).click();
    await page.waitForURL(`**/campagnes/${campaignId}/deposer`);
    await check(page, `idea form (${who})`, { phone: true });

    if (js) {
      await waitForHydration(page);
      // marks the document: it survives a client-side submit, not a full page load
      await page.evaluate(() => ((window as unknown as { journeyMarker: number }).journeyMarker = 1));
    }
    await page.getByLabel("Le problème constaté").fill(idea.problem);
    await page.getByLabel("Votre proposition").fill(idea.proposal);
    await page.getByLabel("Qui en bénéficie").fill(idea.beneficiaries);
    await page.getByRole("button", { name: "Déposer mon idée" }).click();
    const summary = page.locator("#error-summary");
    await summary.waitFor();
    if (js) expect(await page.evaluate(() => (window as unknown as { journeyMarker?: number }).journeyMarker), "submitted without reloading the page").toBe(1);
    expect(await summary.getAttribute("role")).toBe("alert");
    await expect.poll(() => focusedId(page), { message: "the error summary takes focus" }).toBe("error-summary");
    await expect.poll(() => page.title()).toMatch(/^Erreur/);
    const title = page.getByLabel(/^Titre de l’idée/);
    expect(await title.getAttribute("aria-invalid")).toBe("true");
    expect(await summary.getByRole("link").first().getAttribute("href")).toBe("#field-title");
    expect(await page.getByLabel("Le problème constaté").inputValue()).toBe(idea.problem);
    expect(await page.getByLabel("Votre proposition").inputValue()).toBe(idea.proposal);
    expect(await page.getByLabel("Qui en bénéficie").inputValue()).toBe(idea.beneficiaries);
    await screenshot(page, `journey-02-idea-form-error-${js ? "js" : "nojs"}`);
    await check(page, `idea form with errors (${who})`);

    await title.fill(idea.title);
    await page.getByRole("button", { name: "Déposer mon idée" }).click();
    await page.waitForURL(/\/idees\/[0-9a-f-]{36}\?deposee=1$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe(idea.title);
    await page.getByText(idea.proposal).waitFor();
    await check(page, `idea page after submit (${who})`, { phone: true });
  }

  it("2. agent A (JavaScript on) submits an idea, after a first try with an empty title", async () => {
    await timed("2. agent A (JS): idea", async () => {
      await signIn(pageA, agentA.email);
      await check(pageA, "home (agent A)");
      await submitIdea(pageA, "agent A, JS", ideaA, true);
    });
  }, STEP_TIMEOUT);

  it("3. agent B (JavaScript off) submits an idea the same way", async () => {
    await timed("3. agent B (no JS): idea", async () => {
      await signIn(pageB, agentB.email);
      await check(pageB, "home (agent B)");
      await submitIdea(pageB, "agent B, no JS", ideaB, false);
    });
  }, STEP_TIMEOUT);

  it("4. the lab closes the campaign now", async () => {
    await timed("4. lab: close", async () => {
      const page = labPage;
      await navLink(page, "Espace lab").click();
      await page.waitForURL("**/lab");
      await page.getByRole("link", { name: campaign.title }).click();
      await page.waitForURL(`**${labCampaignUrl}`);
      await check(page, "lab campaign page (open, 2 ideas)");
      await page.getByRole("button", { name: "Clôturer maintenant" }).click();
      await page.getByText("La campagne est clôturée", { exact: false }).waitFor();
      await check(page, "lab campaign page (closed)");
    });
  }, STEP_TIMEOUT);

  it("5. the juror scores both ideas on every criterion", async () => {
    await timed("5. juror: scores", async () => {
      const page = jurorPage;
      await signIn(page, JUROR);
      await check(page, "home (juror)");
      await navLink(page, "Jury").click();
      await page.waitForURL("**/jury");
      await check(page, "juror home");
      await page.getByRole("link", { name: campaign.title }).click();
      await page.waitForURL(`**/jury/campagnes/${campaignId}`);
      await page.getByRole("heading", { name: /À noter \(2\)/ }).waitFor();
      await check(page, "juror campaign (2 to score)");

      const scores: Record<string, number[]> = { [ideaA.title]: [5, 4, 4], [ideaB.title]: [3, 3, 2] };
      for (const [title, marks] of Object.entries(scores)) {
        await page.getByRole("link", { name: title, exact: true }).click();
        await page.waitForURL(/\/jury\/idees\/[0-9a-f-]{36}$/);
        await page.getByText("Les notes des autres jurés s’affichent une fois les vôtres enregistrées.").waitFor();
        await check(page, `juror idea before scoring (${title})`);
        const groups = page.locator("form fieldset");
        expect(await groups.count()).toBe(3);
        for (let i = 0; i < 3; i++) await groups.nth(i).getByLabel(/^Note de 0 à/).fill(String(marks[i]));
        if (title === ideaA.title) await screenshot(page, "journey-03-jury-idea");
        await page.getByRole("button", { name: "Enregistrer mes notes" }).click();
        await page.getByText("Vos notes sont enregistrées", { exact: false }).waitFor();
        await page.getByText("Aucun autre juré n’a encore noté cette idée.").waitFor();
        await check(page, `juror idea after scoring (${title})`);
        await page.getByRole("navigation", { name: /vous êtes ici/i }).getByRole("link", { name: campaign.title }).click();
        await page.waitForURL(`**/jury/campagnes/${campaignId}`);
      }
      await page.getByRole("heading", { name: /Déjà notées \(2\)/ }).waitFor();
      await check(page, "juror campaign (all scored)");
    });
  }, STEP_TIMEOUT);

  it("6. the lab sees the ranking, awards agent A's idea and closes the awards", async () => {
    await timed("6. lab: awards", async () => {
      const page = labPage;
      await page.goto(labCampaignUrl);
      const ranking = page.getByRole("table", { name: "Idées classées par moyenne pondérée" });
      const rows = ranking.locator("tbody tr");
      expect(await rows.count()).toBe(2);
      expect(await rows.nth(0).innerText()).toContain(ideaA.title);
      expect(await rows.nth(1).innerText()).toContain(ideaB.title);
      // weighted mean: (5×3 + 4×2 + 4×1) / 6 = 4,50 ; (3×3 + 3×2 + 2×1) / 6 = 2,83
      expect(await rows.nth(0).innerText()).toContain("4,50");
      expect(await rows.nth(1).innerText()).toContain("2,83");
      await check(page, "lab ranking", { phone: true });

      const value = await page.locator("#field-ideaId option", { hasText: ideaA.title }).getAttribute("value");
      await page.getByLabel("Idée", { exact: true }).selectOption(value!);
      // DSFR draws the radio on the label, which takes the click, as it does for a user
      await page.locator("fieldset label", { hasText: /^Prix$/ }).click();
      expect(await page.getByRole("radio", { name: "Prix", exact: true }).isChecked()).toBe(true);
      await page.getByLabel(/^Citation du jury/).fill("Une idée simple qui supprime un circuit papier entier.");
      await page.getByRole("button", { name: "Primer l’idée" }).click();
      await page.getByText(/L’idée est primée/).waitFor();
      await check(page, "lab campaign after award");

      await page.getByRole("button", { name: /Marquer les autres idées/ }).click();
      await page.getByText(/1\s+idée passe en/).waitFor();
      await expect.poll(() => rows.nth(1).innerText()).toContain("Non primée");
      expect(await rows.nth(0).innerText()).toContain("Primée (prix)");
      await screenshot(page, "journey-04-lab-ranking");
      await check(page, "lab campaign after closing awards");
    });
  }, STEP_TIMEOUT);

  async function outcome(page: Page, who: string, title: string, status: string) {
    await page.reload();
    const unread = await unreadInHeader(page);
    expect(unread, `${who} has unread notifications in the header`).toBeGreaterThan(0);
    await navLink(page, "Mes idées").click();
    await page.waitForURL("**/mes-idees");
    const card = page.locator("li", { has: page.getByRole("heading", { name: title }) });
    await card.getByText(status, { exact: true }).first().waitFor();
    const history = card.locator("ol.germoir-timeline li");
    const steps = await history.allInnerTexts();
    expect(steps.map((s) => s.split(/\s+–\s+/)[0].trim())).toEqual(expect.arrayContaining(["Déposée", "En évaluation", status]));
    const today = formatDate(new Date());
    for (const s of steps) expect(s).toContain(today);
    expect(await card.locator("ol.germoir-timeline time").count()).toBe(steps.length);
    await check(page, `my ideas (${who})`, { phone: true });
    return unread;
  }

  it("7. the authors see the outcome with a dated history, and have notifications", async () => {
    await timed("7. authors: outcome", async () => {
      const unreadA = await outcome(pageA, "agent A", ideaA.title, "Primée");
      await screenshot(pageA, "journey-05-my-ideas-awarded");
      expect(await pageA.getByText("Une idée simple qui supprime un circuit papier entier.", { exact: false }).count()).toBeGreaterThan(0);
      const unreadB = await outcome(pageB, "agent B", ideaB.title, "Non primée");
      for (const [page, who, n] of [[pageA, "agent A", unreadA], [pageB, "agent B", unreadB]] as const) {
        await page.locator("header").getByRole("link", { name: /^Notifications/ }).click();
        await page.waitForURL("**/notifications");
        // the URL changes before React commits the new page: wait for its heading and first unread item
        await page.getByRole("heading", { name: "Notifications", level: 1 }).waitFor();
        if (n > 0) await page.getByText("Non lue", { exact: true }).first().waitFor();
        expect(await page.getByText("Non lue", { exact: true }).count(), `${who}: unread items listed`).toBe(n);
        await check(page, `notifications (${who})`);
      }
    });
  }, STEP_TIMEOUT);
});
