/**
 * The network calendar in Chromium, with JavaScript and without. A visitor without an account
 * opens /evenements, goes back to November 2026 (the Mois de l'innovation publique), reads the
 * month's table and the list, keeps the events « ouvert à tous », opens Lab'EST's day of 26
 * November and downloads its .ics (parsed back with ical.js). A member of Lab'EST's team creates a
 * weekly webinar: the empty form's errors first (summary focused), then the event, whose page lists
 * its next dates. An agent, without JavaScript, registers to Lab'EST's coming workshop, finds it in « Mes
 * événements », creates their private feed's address, reads it, and revokes it. axe-core and the
 * French typography check run on every page; the calendar also at 390 px.
 */
import fs from "node:fs";
import ICAL from "ical.js";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type TestServer } from "../support/server";
import { check, describeWithBrowser, focusedId, launchBrowser, newContext, signIn, visit } from "../support/browser";
import { agents, labTeam } from "../../src/demo/content";
import { LAB_EST_DAY, UPCOMING_WORKSHOP } from "../../src/events/demo";
import { frenchSpaces } from "../../src/kernel/format";

const TEAM = labTeam.find((p) => p.key === "labest-1")!.email;
const STEP_TIMEOUT = 240_000;
const DAY_TITLE = frenchSpaces(LAB_EST_DAY);
const WORKSHOP = frenchSpaces(UPCOMING_WORKSHOP);

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let page: Page;
let plain: Page;

describeWithBrowser("the network calendar and its events in a browser", () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const make = async (js: boolean) => {
      const ctx = await newContext(browser, server.url, js ? {} : { javaScriptEnabled: false });
      contexts.push(ctx);
      return ctx.newPage();
    };
    [page, plain] = await Promise.all([make(true), make(false)]);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    "a visitor without an account browses November's month and list, keeps « ouvert à tous », opens Lab'EST's day and downloads its .ics",
    async () => {
      for (const [p, mode] of [[page, "JS"], [plain, "no JS"]] as const) {
        await visit(p, "/evenements", `calendar (${mode})`, { phone: true });
        expect(await p.getByRole("heading", { level: 1 }).textContent()).toBe("Calendrier des événements du réseau");
        // back to November, month by month
        // each step waits for the heading to change: waiting for « mois= » in the address would be
        // satisfied at once from the second step on, and a second click could go on to October
        for (let heading = await p.locator("#month-heading").textContent(); !heading!.startsWith("Novembre 2026"); ) {
          const before = heading;
          await p.getByRole("link", { name: "Mois précédent" }).click();
          await expect.poll(() => p.locator("#month-heading").textContent(), { timeout: 15_000 }).not.toBe(before);
          heading = await p.locator("#month-heading").textContent();
        }
        const table = p.getByRole("table", { name: "Événements de novembre 2026, une ligne par semaine" });
        await table.waitFor();
        // a row a week, Monday first: the 30 days of November, each with its date for screen readers
        expect(await p.locator(".germoir-calendar th abbr").first().getAttribute("title")).toBe("lundi");
        expect(await p.locator(".germoir-calendar .germoir-calendar__day").count()).toBe(30);
        expect(await p.locator(".germoir-calendar .germoir-calendar__day .fr-sr-only").first().textContent()).toBe("1er novembre 2026");
        // a busy day shows three events and links to the others in the list
        const more = table.locator("a[href*='vue=liste']", { hasText: /autres?/ });
        expect(await more.count()).toBeGreaterThan(5);
        expect(await more.first().textContent()).toMatch(/^\+ \d+\u00a0autres? le \d+ novembre 2026$/);
        await check(p, `calendar, November's month (${mode})`, { phone: true });

        // the list: each day with its events; the agents-only ones are not there for a visitor
        await Promise.all([p.waitForURL(/vue=liste/), p.getByRole("link", { name: "Vue en liste" }).click()]);
        await p.getByRole("heading", { name: "Jeudi 26 novembre 2026" }).waitFor();
        expect(await p.locator("li[data-event]", { hasText: "Réservé aux agents" }).count()).toBe(0);
        expect(await p.locator("li[data-event]", { hasText: "Le café de l’innovation publique du Lab’EST" }).count()).toBe(4);
        const all = await p.locator("li[data-event]").count();
        expect(all).toBeGreaterThan(120);
        await check(p, `calendar, November's list (${mode})`, { phone: true });

        // « ouvert à tous »
        await p.getByLabel("Ouvert à tous").check({ force: true });
        await Promise.all([p.waitForURL(/ouvert=1/), p.getByRole("button", { name: "Filtrer" }).click()]);
        await expect.poll(() => p.locator("li[data-event]").count()).toBeLessThan(all);
        const audiences = await p.locator("li[data-event] .fr-badges-group").allTextContents();
        expect(audiences.length).toBeGreaterThan(50);
        expect(audiences.every((t) => t.includes("Ouvert à tous"))).toBe(true);
        expect(await p.getByLabel("Ouvert à tous").isChecked()).toBe(true);
        await check(p, `calendar, open to all (${mode})`);

        // Lab'EST's day of 26 November, and its .ics
        await Promise.all([p.waitForURL(/\/evenements\/[0-9a-f-]{36}$/), p.getByRole("link", { name: DAY_TITLE }).click()]);
        await check(p, `event page (${mode})`, { phone: true });
        expect(await p.getByRole("heading", { level: 1 }).textContent()).toBe(DAY_TITLE);
        expect(await p.locator("dl").textContent()).toContain("26 novembre 2026, de 09\u00a0h\u00a030 à 17\u00a0h\u00a000");
        const [download] = await Promise.all([p.waitForEvent("download"), p.getByRole("link", { name: "Ajouter à mon agenda (.ics)" }).click()]);
        expect(download.suggestedFilename()).toBe("imaginons-les-services-publics-de-demain-quels-impacts-pour.ics");
        const cal = new ICAL.Component(ICAL.parse(fs.readFileSync((await download.path())!, "utf8")));
        const event = new ICAL.Event(cal.getFirstSubcomponent("vevent")!);
        expect(event.summary).toBe(DAY_TITLE);
        expect([event.startDate.year, event.startDate.month, event.startDate.day, event.startDate.hour, event.startDate.minute]).toEqual([2026, 11, 26, 9, 30]);
        expect(cal.getFirstSubcomponent("vevent")!.getFirstPropertyValue("url")).toBe(p.url());
      }
    },
    STEP_TIMEOUT,
  );

  it(
    "a member of Lab'EST's team creates a weekly webinar, the empty form's errors first",
    async () => {
      await signIn(page, TEAM);
      await visit(page, "/lab", "lab home");
      await Promise.all([page.waitForURL("**/lab/labest/evenements"), page.locator("a[href='/lab/labest/evenements']").click()]);
      await check(page, "the lab's events");
      await Promise.all([page.waitForURL("**/evenements/nouveau"), page.getByRole("link", { name: "Créer un événement" }).click()]);
      await check(page, "new event form", { phone: true });
      await page.getByLabel(/^Titre/).fill("Les jeudis du design");
      await page.getByRole("button", { name: "Créer l’événement" }).click();
      await page.locator("#error-summary").waitFor();
      expect(await focusedId(page)).toBe("error-summary");
      expect(await page.locator("#error-summary").textContent()).toContain("Date de début\u00a0: ce champ est obligatoire");
      expect(await page.getByLabel(/^Titre/).inputValue()).toBe("Les jeudis du design");
      await check(page, "new event form, errors");

      await page.getByLabel("Type d’événement").selectOption({ label: "Webinaire" });
      await page.getByLabel(/^Date de début/).fill("2027-01-14");
      await page.getByLabel(/^Heure de début/).fill("12:30");
      await page.getByLabel(/^Heure de fin/).fill("13:30");
      await page.getByLabel("Se répète").selectOption({ label: "Chaque semaine" });
      await page.getByLabel(/^Nombre de fois/).fill("6");
      await page.getByLabel("Région").selectOption("Grand Est");
      await page.getByLabel(/^Lien de participation en ligne/).fill("https://webconf.numerique.gouv.fr/jeudis-du-design");
      await page.getByLabel("Ouvert à tous").check({ force: true });
      await Promise.all([page.waitForURL(/\/evenements\/[0-9a-f-]{36}$/), page.getByRole("button", { name: "Créer l’événement" }).click()]);
      await check(page, "the new event's page");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Les jeudis du design");
      expect(await page.locator("dl").textContent()).toContain("14 janvier 2027, de 12\u00a0h\u00a030 à 13\u00a0h\u00a030, puis chaque semaine, 6\u00a0fois");
      const next = await page.getByRole("heading", { name: "Prochaines dates" }).locator("xpath=following-sibling::ul[1]/li").allTextContents();
      expect(next).toEqual(["14 janvier 2027", "21 janvier 2027", "28 janvier 2027", "4 février 2027", "11 février 2027", "18 février 2027"].map((d) => `${d}, de 12\u00a0h\u00a030 à 13\u00a0h\u00a030`));
      // it is in January's calendar, every Thursday
      await visit(page, "/evenements?vue=liste&mois=2027-01", "January's list");
      expect(await page.locator("li[data-event]", { hasText: "Les jeudis du design" }).count()).toBe(3);
    },
    STEP_TIMEOUT,
  );

  it(
    "an agent registers to Lab'EST's coming workshop, finds it in « Mes événements » and in their private feed, without JavaScript",
    async () => {
      await signIn(plain, agents[12].email);
      // the demo's workshop nine days after its seeding, reserved to agents, 20 seats
      const month = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 7);
      await visit(plain, `/evenements?vue=liste&mois=${month}`, "a month's list, signed in (no JS)");
      await Promise.all([plain.waitForURL(/\/evenements\/[0-9a-f-]{36}$/), plain.getByRole("link", { name: WORKSHOP }).click()]);
      const seats = await plain.locator("#inscription p").first().textContent();
      expect(seats).toMatch(/^20\u00a0places libres sur 20\./);
      await Promise.all([plain.waitForURL(/fait=inscrit/), plain.getByRole("button", { name: "S’inscrire" }).click()]);
      await plain.getByText("Vous êtes inscrit\u00a0: votre place est confirmée.").waitFor();
      expect(await plain.locator("#inscription").textContent()).toContain("Inscription confirmée");
      await check(plain, "event page, registered (no JS)");
      await visit(plain, "/mes-evenements", "my events (no JS)");
      expect(await plain.locator("li[data-registration]").first().textContent()).toContain(WORKSHOP);
      await plain.getByRole("button", { name: "Créer mon adresse privée" }).click();
      const url = (await plain.locator("[data-feed-url]").textContent())!;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/evenements\/mes-inscriptions\/[A-Za-z0-9_-]{43}\/calendrier\.ics$/);
      await check(plain, "my events, the private address (no JS)", { phone: true });
      const feed = await plain.request.get(url);
      expect(feed.status()).toBe(200);
      const cal = new ICAL.Component(ICAL.parse(await feed.text()));
      expect(cal.getAllSubcomponents("vevent").map((v) => v.getFirstPropertyValue("summary"))).toEqual([WORKSHOP]);
      // revoked, the address gives nothing
      await Promise.all([plain.waitForURL(/fait=revoque/), plain.getByRole("button", { name: "Révoquer l’adresse" }).click()]);
      expect((await plain.request.get(url)).status()).toBe(404);
    },
    STEP_TIMEOUT,
  );
});
