/**
 * The live board of a Mini-Lab session, in real browsers. On PostgreSQL two server processes share
 * the database: the browsers follow the board through process B while notes are added through
 * process A, so the changes must travel through LISTEN/NOTIFY, not one process's memory. On PGlite
 * (one process by nature) the same journey runs on one server. axe-core and the typography check
 * run on every page; a participant without JavaScript uses the list and forms.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type TestServer } from "../support/server";
import { check, describeWithBrowser, launchBrowser, newContext, signIn, visit } from "../support/browser";
import { Client } from "../support/http";
import { labTeam } from "../../src/demo/content/index";

const email = (key: string) => labTeam.find((p) => p.key === key)!.email;
const FACILITATOR = email("facilitator-1");
const TEAM = email("dimap-2");
const TEAM_2 = email("dimap-3");

let a: TestServer;
let b: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let facilitator: Page;
let team: Page;
let boardPath = "";
let sessionPath = "";

const column = (page: Page, name: string) => page.getByRole("region", { name: new RegExp(`^${name}`) });

describeWithBrowser("the live board in two browsers, across two server processes", () => {
  beforeAll(async () => {
    [a, browser] = await Promise.all([startServer(), launchBrowser()]);
    b = a.databaseUrl ? await startServer({ DATABASE_URL: a.databaseUrl }) : a;
    for (let i = 0; i < 3; i++) contexts.push(await newContext(browser, b.url, i === 2 ? { javaScriptEnabled: false } : {}));
    [facilitator, team] = await Promise.all([contexts[0].newPage(), contexts[1].newPage()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    if (b !== a) await b?.stop();
    await a?.stop();
  });

  it("runs on two processes when the database is PostgreSQL", () => {
    if (process.env.DATABASE_URL) expect([a.port !== b.port, a.databaseUrl === b.databaseUrl]).toEqual([true, true]);
    else expect(b).toBe(a);
  });

  it("the facilitator schedules a session from the Mini-Lab's page; the lab's methods are offered", async () => {
    await signIn(facilitator, FACILITATOR);
    await visit(facilitator, "/minilabs", "Mini-Labs");
    await facilitator.getByRole("link", { name: "Mini-Lab Restauration scolaire" }).click();
    await facilitator.waitForURL(/\/minilabs\/[0-9a-f-]{36}$/);
    await check(facilitator, "Mini-Lab page with its sessions");
    expect(await facilitator.getByRole("region", { name: /^Séances/ }).getByRole("listitem").count()).toBe(4);
    await facilitator.getByRole("link", { name: "Programmer une séance" }).click();
    await facilitator.waitForURL("**/seances/nouvelle");
    await check(facilitator, "new session form");
    await facilitator.getByLabel("Titre de la séance").fill("Séance en direct");
    await facilitator.getByLabel("Date").fill(new Date().toISOString().slice(0, 10));
    await facilitator.getByRole("button", { name: "Programmer la séance" }).click();
    await facilitator.locator("#error-summary").waitFor();
    expect(await facilitator.locator("#error-summary").textContent()).toContain("Lieu\u00a0: indiquez un lieu ou un lien de visioconférence.");
    await check(facilitator, "new session form, errors");
    expect(await facilitator.getByLabel("Titre de la séance").inputValue()).toBe("Séance en direct");
    await facilitator.getByLabel(/^Lien de visioconférence/).fill("https://webconf.numerique.gouv.fr/seance-en-direct");
    await facilitator.locator("label", { hasText: /^Prototypage/ }).click();
    expect(await facilitator.getByLabel(/^Prototypage/).isChecked()).toBe(true);
    await facilitator.getByRole("button", { name: "Programmer la séance" }).click();
    await facilitator.waitForURL(/\/seances\/[0-9a-f-]{36}\?programmee=1$/);
    sessionPath = new URL(facilitator.url()).pathname;
    boardPath = `${sessionPath}/tableau`;
    await check(facilitator, "session page", { phone: true });
    expect(await facilitator.getByRole("status").first().textContent()).toContain("La séance est programmée.");
  });

  it("two browsers on the board see each other's notes, dots and moves live", async () => {
    await signIn(team, TEAM);
    await Promise.all([facilitator.goto(boardPath), team.goto(boardPath)]);
    await Promise.all([facilitator, team].map((p) => p.locator('#live-state[data-state="live"]').waitFor()));
    await check(facilitator, "board, live", { phone: true });

    await column(facilitator, "Constats").getByLabel(/Nouveau post-it dans/).fill("Les élèves de BTS finissent tard le mercredi");
    await column(facilitator, "Constats").getByRole("button", { name: /^Ajouter/ }).click();
    const note = column(team, "Constats").getByRole("listitem").filter({ hasText: "Les élèves de BTS finissent tard le mercredi" });
    await note.waitFor();
    expect(await note.textContent()).toContain("0\u00a0gommette");

    await note.getByRole("button", { name: /^Voter/ }).click();
    await column(facilitator, "Constats").getByRole("listitem").filter({ hasText: "1\u00a0gommette" }).waitFor();

    const mine = column(facilitator, "Constats").getByRole("listitem").filter({ hasText: "Les élèves de BTS" });
    await mine.getByRole("combobox").selectOption("solutions");
    await mine.getByRole("button", { name: /^Déplacer/ }).click();
    await column(team, "Solutions").getByRole("listitem").filter({ hasText: "Les élèves de BTS" }).waitFor();
    expect(await column(team, "Constats").getByRole("listitem").filter({ hasText: "Les élèves de BTS" }).count()).toBe(0);
    await check(team, "board after live changes");
  });

  it("a note added through the other server process reaches both browsers", async () => {
    const other = new Client(a.url);
    await other.signInAs(TEAM_2);
    const res = await other.post(boardPath, { intent: "add", column: "idees", text: "Ouvrir le self dix minutes plus tôt" }, { csrf: await other.csrf(boardPath) });
    expect(res.status).toBe(200);
    await Promise.all([facilitator, team].map((p) => column(p, "Idées").getByRole("listitem").filter({ hasText: "Ouvrir le self dix minutes plus tôt" }).waitFor({ timeout: 5_000 })));
  });

  it("without JavaScript the board is a list with forms; it exports to CSV and prints", async () => {
    const nojs = await contexts[2].newPage();
    await signIn(nojs, TEAM_2);
    await visit(nojs, boardPath, "board without JavaScript", { phone: true });
    expect(await nojs.locator("#live-state").textContent()).toContain("Sans JavaScript");
    await column(nojs, "Idées").getByLabel(/Nouveau post-it dans/).fill("Un menu unique le vendredi");
    await column(nojs, "Idées").getByRole("button", { name: /^Ajouter/ }).click();
    await nojs.waitForLoadState();
    expect(await nojs.getByRole("status").first().textContent()).toContain("Post-it ajouté dans «\u00a0Idées\u00a0».");
    await check(nojs, "board without JavaScript, after adding");
    await column(team, "Idées").getByRole("listitem").filter({ hasText: "Un menu unique le vendredi" }).waitFor();

    const csv = await (await contexts[1].request.get(`${b.url}${boardPath}/export.csv`)).text();
    expect(csv).toContain("Solutions;1;Les élèves de BTS finissent tard le mercredi;Nadège Thiébault;1;");
    expect(csv).toContain("Un menu unique le vendredi");
    await visit(nojs, `${boardPath}/imprimer`, "printable board");
    expect(await nojs.getByRole("heading", { level: 2, name: /^Idées \(2\)/ }).count()).toBe(1);
  });

  it("a session's attendance and notes are recorded by the facilitator", async () => {
    await facilitator.goto(sessionPath);
    const group = facilitator.getByRole("group", { name: "Cochez les membres présents" });
    expect(await group.getByRole("checkbox").count()).toBeGreaterThan(3);
    await group.locator("label").nth(0).click();
    await group.locator("label").nth(1).click();
    await facilitator.getByRole("button", { name: "Enregistrer les présences" }).click();
    await facilitator.getByText("Présences enregistrées\u00a0: 2\u00a0présents.").waitFor();
    await facilitator.getByLabel("Compte rendu de la séance").fill("Trois pistes retenues pour la restitution.");
    await facilitator.getByRole("button", { name: "Enregistrer le compte rendu" }).click();
    await facilitator.getByText("Le compte rendu est enregistré.").waitFor();
    await check(facilitator, "session page after recording");
    await team.goto(sessionPath);
    expect(await team.getByText("Trois pistes retenues pour la restitution.").count()).toBe(1);
    expect(await team.getByRole("button", { name: "Enregistrer les présences" }).count()).toBe(1); // the lab team manages too
  });
});
