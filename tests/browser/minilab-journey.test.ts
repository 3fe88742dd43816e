/**
 * Issue 4's journey from end to end, in Chromium, on the Grand Est demo: a published theme → the lab
 * team opens a Mini-Lab from it, naming a facilitator and the directorates → an author invited for
 * one of the theme's ideas (found in the lab's outbox) sees the invitation and joins → the
 * facilitator schedules a session whose board is open in two browsers at once → the author writes
 * a proposal addressed to a director's directorate and submits it → the director decides on
 * /arbitrage → the author sees the whole trace in their idea and the status in « Mes idées ».
 *
 * The journey runs twice, each time with its own Mini-Lab from another published theme: with
 * JavaScript (the board is live: a note or a dot appears in the other browser without reloading),
 * then with JavaScript off in every browser (plain forms; on the board each participant adds a
 * note with the form and sees the other's after reloading). axe-core and the French typography
 * check run on every page visited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type TestServer } from "../support/server";
import { check, describeWithBrowser, focusedId, launchBrowser, newContext, settled, signIn, visit } from "../support/browser";
import { formatDate, isoDay } from "../../src/kernel/format";
import { labTeam } from "../../src/demo/content/index";

const LAB_TEAM = "helene.strauss@grandest.fr";
const person = (key: string) => labTeam.find((p) => p.key === key)!;
const day = (d: number) => isoDay(new Date(Date.now() + d * 86_400_000));
/** A pattern for a French text: the pages put no-break spaces where the text has ordinary ones. */
const loose = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s*");
const text = (s: string) => new RegExp(loose(s));

interface Plan {
  js: boolean;
  /** Start of the published theme's label, as in « Problématiques ». */
  theme: string;
  minilab: string;
  question: string;
  facilitator: string;
  directorates: string[];
  /** The directorate the proposal is addressed to, and the director who holds it. */
  addressedTo: string;
  director: string;
  session: { title: string; place?: string; video?: string; method: string };
  notes: { facilitator: string; author: string };
  proposal: { title: string; problem: string; solution: string; impact: string; resources: string };
  decision: { reason: string; followUp: string; dueInDays: number };
}

const plans: Plan[] = [
  {
    js: true,
    theme: "Environnement",
    minilab: "Mini-Lab Sobriété au quotidien",
    question: "Comment trier, moins gaspiller et économiser l’énergie dans les lycées sans alourdir le travail des agents ?",
    facilitator: person("facilitator-2").email,
    directorates: ["Direction des lycées", "Direction de l’environnement"],
    addressedTo: "Direction de l’environnement",
    director: person("director-environnement").email,
    session: { title: "Atelier idées sobriété", video: "https://webconf.numerique.gouv.fr/atelier-sobriete", method: "Remue-méninges" },
    notes: { facilitator: "Les bacs de tri débordent le vendredi", author: "Un relevé des compteurs affiché en salle des agents" },
    proposal: {
      title: "Un défi sobriété entre lycées volontaires",
      problem: "Les lycées ne voient pas ce qu’ils consomment : l’énergie et les déchets restent invisibles pour les équipes.",
      solution: "Afficher chaque mois la consommation et les déchets de chaque lycée volontaire, avec un défi amical entre établissements.",
      impact: "Moins d’énergie et de déchets, des équipes qui voient le résultat de leurs efforts.",
      resources: "Un tableau mensuel par lycée, une demi-journée par mois à la direction de l’environnement.",
    },
    decision: { reason: "Simple à lancer : à essayer dans dix lycées volontaires cette année.", followUp: person("dimap-2").email, dueInDays: 120 },
  },
  {
    js: false,
    theme: "Maintenance des bâtiments",
    minilab: "Mini-Lab Maintenance partagée",
    question: "Comment réparer plus vite dans les lycées en partageant les outils, les pièces et le savoir-faire ?",
    facilitator: person("facilitator-1").email,
    directorates: ["Direction des lycées"],
    addressedTo: "Direction des lycées",
    director: person("director-lycees").email,
    session: { title: "Atelier parcours d’une panne", place: "Maison de la Région, Metz, salle 2", method: "Parcours usager" },
    notes: { facilitator: "Une panne signalée attend trois semaines", author: "Un stock de pièces commun par département" },
    proposal: {
      title: "Un stock de pièces détachées partagé entre lycées",
      problem: "Chaque lycée commande seul ses pièces : les petites pannes attendent des semaines une pièce qu’un voisin a en réserve.",
      solution: "Un inventaire commun des pièces détachées par département, consultable et réservable par les agents de maintenance.",
      impact: "Des réparations plus rapides et moins de commandes en urgence.",
      resources: "Un inventaire partagé et une tournée mensuelle entre lycées voisins.",
    },
    decision: { reason: "Utile et peu coûteux : à lancer dans les Vosges, puis à étendre.", followUp: person("dimap-3").email, dueInDays: 150 },
  },
];

describeWithBrowser("issue 4's journey, from a published theme to the decision in the idea's trace (axe + typography on every page)", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const plan of plans) journey(plan);

  function journey(plan: Plan) {
    const mode = plan.js ? "JS on" : "JS off";
    describe(`${plan.js ? "with JavaScript" : "with JavaScript off"}: ${plan.minilab}`, () => {
      const contexts: BrowserContext[] = [];
      let lab: Page;
      let facilitator: Page;
      let author: Page;
      let director: Page;
      let minilabPath = "";
      let sessionPath = "";
      let proposalPath = "";
      let authorEmail = "";
      let authorName = "";
      const followUpName = () => {
        const p = labTeam.find((x) => x.email === plan.decision.followUp)!;
        return `${p.firstName} ${p.lastName}`;
      };
      const due = day(plan.decision.dueInDays);
      const column = (page: Page, name: string) => page.getByRole("region", { name: new RegExp(`^${name}`) });

      beforeAll(async () => {
        for (let i = 0; i < 4; i++) contexts.push(await newContext(browser, server.url, { javaScriptEnabled: plan.js }));
        [lab, facilitator, author, director] = await Promise.all(contexts.map((c) => c.newPage()));
      }, 60_000);
      afterAll(async () => {
        await Promise.all(contexts.map((c) => c.close()));
      });

      it(`the lab team opens a Mini-Lab from the published theme « ${plan.theme} », naming a facilitator and the directorates (${mode})`, async () => {
        await signIn(lab, LAB_TEAM);
        // the theme, as everyone sees it among the published ones
        await visit(lab, "/problematiques", "published themes");
        await lab.getByRole("link", { name: /G1ID/ }).first().click();
        await lab.getByRole("table", { name: "Problématiques et idées" }).waitFor();
        await check(lab, "theme map with its ideas and authors");
        const themeRow = lab.getByRole("row").filter({ has: lab.getByRole("rowheader", { name: new RegExp(`^${plan.theme}`) }) });
        expect(await themeRow.getByRole("link").count()).toBeGreaterThan(3);

        await visit(lab, "/lab", "lab home");
        await lab.getByRole("main").getByRole("link", { name: "Mini-Labs", exact: true }).click();
        await lab.waitForURL("**/lab/region-grand-est/minilabs");
        await check(lab, "lab Mini-Labs overview");
        await lab.getByRole("link", { name: "Ouvrir un Mini-Lab" }).click();
        await lab.waitForURL("**/minilabs/nouveau");
        await check(lab, "new Mini-Lab form");
        const theme = lab.getByLabel("Thème publié (facultatif)");
        const option = await theme.locator("option", { hasText: new RegExp(`^${plan.theme}`) }).first().getAttribute("value");
        await theme.selectOption(option!);
        await lab.getByLabel("Nom du Mini-Lab").fill(plan.minilab);
        await lab.getByLabel("Question travaillée").fill(plan.question);
        await lab.getByLabel("Animateurs (adresses électroniques)").fill(plan.facilitator);
        await lab.getByLabel("Début des sessions").fill(day(-1));
        await lab.getByLabel("Fin des sessions").fill(day(90));
        await lab.getByLabel("Restitution", { exact: true }).fill(day(120));
        // the arbitration date before the restitution: refused, the input kept
        await lab.getByLabel("Arbitrage", { exact: true }).fill(day(100));
        await lab.getByLabel("Directions concernées").fill(plan.directorates.join("\n"));
        await lab.getByRole("button", { name: "Ouvrir le Mini-Lab" }).click();
        await lab.locator("#error-summary").waitFor();
        expect(await lab.locator("#error-summary").innerText()).toContain("Arbitrage\u00a0: après la restitution.");
        expect(await focusedId(lab)).toBe("error-summary");
        expect(await lab.getByLabel("Nom du Mini-Lab").inputValue()).toBe(plan.minilab);
        expect(await lab.getByLabel("Animateurs (adresses électroniques)").inputValue()).toBe(plan.facilitator);
        await check(lab, "new Mini-Lab form, errors");
        await lab.getByLabel("Arbitrage", { exact: true }).fill(day(180));
        await lab.getByRole("button", { name: "Ouvrir le Mini-Lab" }).click();
        await lab.waitForURL(/\/minilabs\/[0-9a-f-]{36}\?ouvert=1$/);
        minilabPath = new URL(lab.url()).pathname;
        await lab.getByText(/aux auteurs des idées de son thème/).waitFor();
        await lab.getByRole("heading", { name: "Directions concernées" }).waitFor();
        for (const d of plan.directorates) expect(await lab.locator("main").innerText()).toContain(d);
        await check(lab, "Mini-Lab page (just opened)");
      });

      it(`an invited author, found in the lab's outbox, sees the invitation and joins (${mode})`, async () => {
        // the invitation mails, written to the outbox and delivered by a job that polls every half second
        await visit(lab, "/lab", "lab home");
        await lab.getByRole("main").getByRole("link", { name: "Courriels envoyés" }).click();
        await lab.waitForURL("**/lab/region-grand-est/courriels");
        const rows = () => lab.getByRole("row").filter({ hasText: new RegExp(`Invitation au ${plan.minilab}`) });
        await expect
          .poll(
            async () => {
              await lab.reload();
              return (await rows().count()) > 0 ? await rows().first().innerText() : "";
            },
            { timeout: 20_000 },
          )
          .toContain("Conservé localement");
        await check(lab, "lab outbox", { phone: true });
        await rows().first().getByRole("link").click();
        await lab.waitForURL(/\/courriels\/[0-9a-f-]{36}$/);
        await check(lab, "an invitation mail");
        expect(await lab.locator("main").innerText()).toContain("une de vos idées rejoint sa problématique");
        authorEmail = (await lab.locator("dt:text-is('À') + dd").innerText()).trim();
        expect(authorEmail).toMatch(/@/);

        await signIn(author, authorEmail);
        await visit(author, "/notifications", "notifications (invited author)");
        const invitation = author.getByRole("button", { name: new RegExp(`Votre idée rejoint le ${plan.minilab}\\s*: une invitation à y participer vous attend`) });
        await invitation.first().click();
        await author.waitForURL(`**${minilabPath}`);
        await author.getByRole("heading", { name: "Une invitation à ce Mini-Lab vous attend" }).waitFor();
        await check(author, "Mini-Lab page (invited)");
        await author.getByRole("button", { name: "Rejoindre le Mini-Lab" }).first().click();
        await author.getByText("Vous avez rejoint le Mini-Lab.").waitFor();
        await author.getByText("Vous êtes membre de ce Mini-Lab.").waitFor();
        await check(author, "Mini-Lab page (member)", { phone: true });
        // the author is among the members the lab team sees
        authorName = await signedInAs(author);
        expect(authorName.length).toBeGreaterThan(3);
        await lab.goto(minilabPath);
        const members = lab.locator("h2", { hasText: /^Membres \(/ }).locator("xpath=following-sibling::ul[1]");
        await expect.poll(() => members.innerText()).toContain(authorName);
        await check(lab, "Mini-Lab page (lab team, after the author joined)");
      });

      it(`the facilitator schedules a session (${mode})`, async () => {
        await signIn(facilitator, plan.facilitator);
        await visit(facilitator, "/minilabs", "Mini-Labs (facilitator)");
        await facilitator.getByRole("link", { name: plan.minilab }).click();
        await facilitator.waitForURL(`**${minilabPath}`);
        await check(facilitator, "Mini-Lab page (facilitator)");
        await facilitator.getByRole("link", { name: "Programmer une séance" }).click();
        await facilitator.waitForURL("**/seances/nouvelle");
        await check(facilitator, "new session form");
        await facilitator.getByLabel("Titre de la séance").fill(plan.session.title);
        await facilitator.getByLabel("Date").fill(day(0));
        // neither a place nor a video link: refused, the input kept
        await facilitator.getByRole("button", { name: "Programmer la séance" }).click();
        await facilitator.locator("#error-summary").waitFor();
        expect(await facilitator.locator("#error-summary").innerText()).toContain("Lieu\u00a0: indiquez un lieu ou un lien de visioconférence.");
        expect(await facilitator.getByLabel("Titre de la séance").inputValue()).toBe(plan.session.title);
        await check(facilitator, "new session form, errors");
        if (plan.session.place) await facilitator.getByLabel(/^Lieu/).fill(plan.session.place);
        if (plan.session.video) await facilitator.getByLabel(/^Lien de visioconférence/).fill(plan.session.video);
        await facilitator.locator("label", { hasText: new RegExp(`^${plan.session.method}`) }).click();
        expect(await facilitator.getByLabel(new RegExp(`^${plan.session.method}`)).isChecked()).toBe(true);
        await facilitator.getByRole("button", { name: "Programmer la séance" }).click();
        await facilitator.waitForURL(/\/seances\/[0-9a-f-]{36}\?programmee=1$/);
        sessionPath = new URL(facilitator.url()).pathname;
        await facilitator.getByText("La séance est programmée.").waitFor();
        await check(facilitator, "session page (just scheduled)");
      });

      it(
        plan.js
          ? "the board is open in two browsers: a note added in one appears live in the other, and so does a dot"
          : "without JavaScript the board is a list with forms: each participant adds a note and sees the other's after reloading, and the dot",
        async () => {
          await facilitator.getByRole("link", { name: "Ouvrir le tableau de la séance" }).click();
          await facilitator.waitForURL(`**${sessionPath}/tableau`);
          // the author reaches the same board from the Mini-Lab's page
          await author.goto(minilabPath);
          await author.getByRole("region", { name: /^Séances/ }).getByRole("link", { name: new RegExp(plan.session.title) }).click();
          await author.waitForURL(`**${sessionPath}`);
          await check(author, "session page (author)");
          await author.getByRole("link", { name: "Ouvrir le tableau de la séance" }).click();
          await author.waitForURL(`**${sessionPath}/tableau`);
          const notesIn = (page: Page, col: string, text: string) => column(page, col).getByRole("listitem").filter({ hasText: text });

          if (plan.js) {
            await Promise.all([facilitator, author].map((p) => p.locator('#live-state[data-state="live"]').waitFor()));
            // a mark in each page's memory: it would vanish with a reload, so what follows arrives live
            for (const p of [facilitator, author]) await p.evaluate(() => ((window as unknown as { journeyMark: string }).journeyMark = "same page"));
            const samePage = (p: Page) => p.evaluate(() => (window as unknown as { journeyMark?: string }).journeyMark);
            await check(facilitator, "board, live (facilitator)");
            await check(author, "board, live (author)", { phone: true });
            // a note added by the facilitator appears in the author's browser, without reloading
            await column(facilitator, "Constats").getByLabel(/Nouveau post-it dans/).fill(plan.notes.facilitator);
            await column(facilitator, "Constats").getByRole("button", { name: /^Ajouter/ }).click();
            const seen = notesIn(author, "Constats", plan.notes.facilitator);
            await seen.waitFor();
            expect(await seen.innerText()).toContain("0\u00a0gommette");
            // and the other way round
            await column(author, "Idées").getByLabel(/Nouveau post-it dans/).fill(plan.notes.author);
            await column(author, "Idées").getByRole("button", { name: /^Ajouter/ }).click();
            await notesIn(facilitator, "Idées", plan.notes.author).waitFor();
            // the author's dot shows in the facilitator's browser
            await seen.getByRole("button", { name: /^Voter/ }).click();
            await seen.getByRole("button", { name: /^Retirer ma gommette/ }).waitFor();
            await notesIn(facilitator, "Constats", plan.notes.facilitator).filter({ hasText: "1\u00a0gommette" }).waitFor();
            expect(await facilitator.locator("#live-state").getAttribute("data-state")).toBe("live");
            expect([await samePage(facilitator), await samePage(author)]).toEqual(["same page", "same page"]);
            await check(facilitator, "board after live changes (facilitator)");
            await check(author, "board after live changes (author)");
          } else {
            for (const p of [facilitator, author]) expect(await p.locator("#live-state").innerText()).toContain("Sans JavaScript");
            await check(facilitator, "board without JavaScript (facilitator)");
            await column(facilitator, "Constats").getByLabel(/Nouveau post-it dans/).fill(plan.notes.facilitator);
            await column(facilitator, "Constats").getByRole("button", { name: /^Ajouter/ }).click();
            await facilitator.getByText("Post-it ajouté dans «\u00a0Constats\u00a0».").waitFor();
            await check(facilitator, "board without JavaScript, after adding (facilitator)");
            await column(author, "Idées").getByLabel(/Nouveau post-it dans/).fill(plan.notes.author);
            await column(author, "Idées").getByRole("button", { name: /^Ajouter/ }).click();
            await author.getByText("Post-it ajouté dans «\u00a0Idées\u00a0».").waitFor();
            await notesIn(author, "Constats", plan.notes.facilitator).waitFor(); // the page the form returned to is fresh
            await check(author, "board without JavaScript, after adding (author)");
            // the facilitator sees the author's note after reloading
            expect(await notesIn(facilitator, "Idées", plan.notes.author).count()).toBe(0);
            await facilitator.reload();
            await notesIn(facilitator, "Idées", plan.notes.author).waitFor();
            // the author's dot, with the form, seen by the facilitator after reloading
            await notesIn(author, "Constats", plan.notes.facilitator).getByRole("button", { name: /^Voter/ }).click();
            await notesIn(author, "Constats", plan.notes.facilitator).getByRole("button", { name: /^Retirer ma gommette/ }).waitFor();
            await check(author, "board without JavaScript, after voting (author)");
            await facilitator.reload();
            await notesIn(facilitator, "Constats", plan.notes.facilitator).filter({ hasText: "1\u00a0gommette" }).waitFor();
            await check(facilitator, "board without JavaScript, after reloading (facilitator)");
          }
        },
      );

      it(`the author writes a proposal addressed to « ${plan.addressedTo} » and submits it for restitution (${mode})`, async () => {
        await visit(author, minilabPath, "Mini-Lab page (author, before the proposal)");
        await author.getByRole("link", { name: "Rédiger une proposition" }).click();
        await author.waitForURL("**/propositions/nouvelle");
        await check(author, "new proposal form");
        const select = author.getByLabel("Direction concernée");
        expect(await select.locator("option").allInnerTexts()).toEqual(["Choisissez une direction", ...plan.directorates]);
        await author.getByLabel("Titre de la proposition").fill(plan.proposal.title);
        await author.getByLabel("Le problème").fill(plan.proposal.problem);
        // no solution, no directorate: refused, the input kept
        await author.getByRole("button", { name: "Enregistrer le brouillon" }).click();
        await author.locator("#error-summary").waitFor();
        expect(await focusedId(author)).toBe("error-summary");
        expect(await author.getByLabel("Titre de la proposition").inputValue()).toBe(plan.proposal.title);
        await check(author, "new proposal form, errors");
        await author.getByLabel("La solution proposée").fill(plan.proposal.solution);
        await author.getByLabel("L’impact attendu").fill(plan.proposal.impact);
        await author.getByLabel("Moyens et coût estimé").fill(plan.proposal.resources);
        await author.getByLabel("Montant estimé en euros (facultatif)").fill("3 000");
        await select.selectOption(plan.addressedTo);
        await author.getByRole("button", { name: "Enregistrer le brouillon" }).click();
        await author.waitForURL(/\/propositions\/[0-9a-f-]{36}\?enregistree=1$/);
        proposalPath = new URL(author.url()).pathname;
        await author.getByText("La proposition est enregistrée en brouillon.").waitFor();
        await check(author, "proposal page (draft)");
        await author.getByRole("button", { name: "Soumettre pour restitution" }).click();
        await author.getByText(/soumise pour restitution à la direction concernée/).waitFor();
        await expect.poll(() => author.getByRole("link", { name: "Modifier le brouillon" }).count()).toBe(0);
        await check(author, "proposal page (submitted)");
      });

      it(`the director finds it on /arbitrage and decides: adoptée, with a reason, a follow-up owner and a due date (${mode})`, async () => {
        await signIn(director, plan.director);
        await visit(director, "/arbitrage", "arbitration page (pending)");
        const pending = director.getByRole("table", { name: "Propositions en attente de décision" });
        await pending.getByRole("link", { name: plan.proposal.title }).click();
        await director.waitForURL(`**${proposalPath}`);
        await check(director, "proposal page (director)");
        // adopted without a follow-up: refused, the choice and the reason kept
        await director.locator("label", { hasText: /^Adoptée$/ }).click();
        await director.getByLabel("Motif").fill(plan.decision.reason);
        await director.getByRole("button", { name: "Publier la décision" }).click();
        await director.locator("#error-summary").waitFor();
        await expect.poll(() => director.locator("#error-summary li").count()).toBe(2);
        expect(await director.getByLabel("Adoptée", { exact: true }).isChecked()).toBe(true);
        expect(await director.getByLabel("Motif").inputValue()).toBe(plan.decision.reason);
        await check(director, "decision form, errors");
        await director.getByLabel("Responsable du suivi (adresse électronique)").fill(plan.decision.followUp);
        await director.getByLabel("Échéance du suivi").fill(due);
        await director.getByRole("button", { name: "Publier la décision" }).click();
        await director.getByText(/La décision est publiée/).waitFor();
        await director.getByText("(décision en vigueur)").waitFor();
        await check(director, "proposal page (decided)");
        await visit(director, "/arbitrage", "arbitration page (decided)");
        await director.getByRole("table", { name: "Propositions décidées" }).getByRole("link", { name: plan.proposal.title }).waitFor();
      });

      it(`the author sees the whole trace in their idea, and the status in « Mes idées » (${mode})`, async () => {
        const status = text(`Où elle en est : Une proposition du ${plan.minilab} a été adoptée — suivi par ${followUpName()} d’ici le ${formatDate(due)}`);
        await visit(author, "/mes-idees", "Mes idées (after the decision)");
        const card = author.locator("li", { has: author.getByText(status) }).first();
        await card.waitFor();
        await card.getByRole("heading", { level: 2 }).getByRole("link").click();
        await author.waitForURL(/\/idees\/[0-9a-f-]{36}$/);
        await settled(author);
        const trace = author.getByRole("region", { name: "Parcours de l’idée" });
        await trace.waitFor();
        const steps = await trace.getByRole("listitem").allInnerTexts();
        const expected = [
          text("Déposée dans la campagne"),
          text(`Dans la problématique « ${plan.theme}`),
          text(`Travaillée dans le ${plan.minilab}`),
          text(`Proposition « ${plan.proposal.title} » du Mini-Lab soumise à la ${plan.addressedTo.replace(/^Direction/, "direction")}`),
          text(`Décision sur la proposition « ${plan.proposal.title} » : adoptée`),
          text(`Suivi de la proposition « ${plan.proposal.title} » par ${followUpName()} d’ici le ${formatDate(due)}`),
        ];
        // every step, in this order (other Mini-Labs of the theme, if any, may add their own steps between)
        let at = -1;
        for (const re of expected) {
          const i = steps.findIndex((s, k) => k > at && re.test(s));
          expect(i, `trace step ${re} after step ${at} in:\n${steps.join("\n")}`).toBeGreaterThan(at);
          at = i;
        }
        expect(steps.join("\n")).toMatch(text(`Motif : ${plan.decision.reason}`));
        await check(author, "idea page with its trace");
        // the decision is notified to the authors of the theme's ideas
        await visit(author, "/notifications", "notifications (author, after the decision)");
        await author.getByText(new RegExp(`La proposition «\\s*${plan.proposal.title}\\s*» du ${plan.minilab} est adoptée`)).first().waitFor();
        // the lab follows it on its overview page
        await visit(lab, "/lab/region-grand-est/minilabs", "lab Mini-Labs overview (after the decision)");
        await lab.getByRole("link", { name: plan.minilab }).first().waitFor();
      });
    });
  }
});

/** The signed-in agent's name, as the header gives it. */
async function signedInAs(page: Page): Promise<string> {
  const label = await page.locator("header span.fr-icon-account-circle-line").first().innerText();
  return label.replace(/^Compte connecté\s*:\s*/, "").trim();
}
