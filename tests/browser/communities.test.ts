/**
 * Communities of practice in a real browser: an agent joins a community, shares a problem, a
 * member replies (JavaScript off), the agent sends the problem to the lab as an idea and sees the
 * idea; the director of the lycées asks the panel, a member answers (JavaScript off), the director
 * reads the answer and exports it. The lab team creates a community. axe-core and the French
 * typography check run on every page visited.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type TestServer } from "../support/server";
import { check, describeWithBrowser, focusedId, launchBrowser, newContext, signIn, visit } from "../support/browser";
import { isoDay } from "../../src/kernel/format";
import { agents, labTeam } from "../../src/demo/content/index";
import { demoCommunities, demoMembersOf } from "../../src/communities/demo";

const email = (key: string) => labTeam.find((p) => p.key === key)!.email;
const cleaning = demoCommunities.find((c) => c.name === "Agents d’entretien des lycées")!;
/** An agent of a lycée who is not a cleaning agent: not a member of the community yet. */
const newcomer = agents.find((a) => a.organizationKey.startsWith("lycee-") && /gestionnaire/i.test(a.job) && !/entretien/i.test(a.job))!;
/** A cleaning agent who is a member in the demo. */
const member = demoMembersOf(cleaning, agents)[5];

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let agent: Page;
let peer: Page;
let director: Page;
let lab: Page;

describeWithBrowser("Communities of practice in a browser (axe + typography on every page)", () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const make = async (js: boolean) => {
      const ctx = await newContext(browser, server.url, js ? {} : { javaScriptEnabled: false });
      contexts.push(ctx);
      return ctx.newPage();
    };
    [agent, peer, director, lab] = await Promise.all([make(true), make(false), make(true), make(true)]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  let communityUrl = "";
  let threadUrl = "";
  let questionUrl = "";

  it("an agent joins the cleaning community and shares a problem", async () => {
    await signIn(agent, newcomer.email);
    await agent.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Communautés" }).click();
    await agent.waitForURL("**/communautes");
    await check(agent, "communities list", { phone: true });
    await agent.getByRole("link", { name: cleaning.name }).click();
    await agent.waitForURL(/\/communautes\/[0-9a-f-]{36}$/);
    communityUrl = new URL(agent.url()).pathname;
    await agent.getByText("réservés aux membres").waitFor();
    await check(agent, "community page (not a member)");
    await agent.getByRole("button", { name: "Rejoindre la communauté" }).click();
    await agent.getByText("Vous avez rejoint la communauté.").waitFor();
    await check(agent, "community page (member)", { phone: true });
    // an empty message: the errors, focused
    await agent.getByRole("button", { name: "Publier" }).click();
    await agent.locator("#error-summary").waitFor();
    expect(await focusedId(agent)).toBe("error-summary");
    await check(agent, "community page, new thread errors");
    await agent.locator("label", { hasText: /^Problème$/ }).click();
    expect(await agent.getByLabel("Problème", { exact: true }).isChecked()).toBe(true);
    await agent.getByLabel("Titre").fill("Les serpillières s’usent en deux semaines");
    await agent.getByLabel(/^Message/).fill("Les serpillières livrées cette année se déchirent au bout de deux semaines : nous en manquons dès novembre.");
    await agent.getByRole("button", { name: "Publier" }).click();
    await agent.waitForURL(/\/fils\/[0-9a-f-]{36}\?publie=1$/);
    threadUrl = new URL(agent.url()).pathname;
    await agent.getByText("Votre message est publié.").waitFor();
    await check(agent, "thread page (just posted)");
  });

  it("a member replies without JavaScript", async () => {
    await signIn(peer, member.email);
    await visit(peer, threadUrl, "thread page (member, JS off)", { phone: true });
    await peer.getByRole("textbox", { name: /^Votre réponse/ }).fill("Même chose chez nous : les anciennes microfibres tenaient toute l’année.");
    await peer.getByRole("button", { name: "Répondre" }).click();
    await peer.getByText("Votre réponse est publiée.").waitFor();
    await check(peer, "thread page after a reply (JS off)");
    await visit(peer, `${communityUrl}/membres`, "members directory (JS off)", { phone: true });
    const site = await peer.getByLabel("Site").locator("option").nth(1).getAttribute("value");
    await peer.getByLabel("Site").selectOption(site!);
    await peer.getByRole("button", { name: "Filtrer" }).click();
    await peer.waitForURL(/site=/);
    const sites = await peer.locator("tbody tr td:nth-child(4)").allInnerTexts();
    expect(sites.length).toBeGreaterThan(0);
    expect(new Set(sites)).toEqual(new Set([site]));
    await check(peer, "members directory filtered by site (JS off)");
  });

  it("the agent sends the problem to the lab as an idea and sees the idea", async () => {
    await agent.goto(threadUrl);
    await agent.getByText("les anciennes microfibres").waitFor();
    await agent.getByRole("button", { name: "Envoyer au lab comme idée" }).click();
    await agent.locator("#error-summary").waitFor();
    await check(agent, "send as idea, errors");
    await agent.getByLabel(/^Proposition/).fill("Revenir aux serpillières microfibres du précédent marché, plus solides, et tester les nouvelles avant de les commander.");
    await agent.getByRole("button", { name: "Envoyer au lab comme idée" }).click();
    await agent.getByText("Le message est envoyé au lab comme idée.").waitFor();
    await agent.getByText("Envoyée au lab comme idée").first().waitFor();
    expect(await agent.getByRole("button", { name: "Envoyer au lab comme idée" }).count()).toBe(0);
    await check(agent, "thread page (sent as idea)");
    await agent.getByRole("link", { name: "voir l’idée" }).click();
    await agent.waitForURL(/\/idees\/[0-9a-f-]{36}$/);
    await agent.getByRole("heading", { level: 1, name: "Les serpillières s’usent en deux semaines" }).waitFor();
    await agent.getByText("Issue de la communauté de métiers").waitFor();
    await check(agent, "idea page from a community");
    await visit(agent, "/mes-idees", "my ideas (with the community's idea)");
    await agent.getByText("Les serpillières s’usent en deux semaines").first().waitFor();
  });

  it("the director asks the panel, a member answers without JavaScript, the director reads and exports", async () => {
    await signIn(director, email("director-lycees"));
    await visit(director, communityUrl, "community page (director)");
    await director.getByRole("link", { name: "Poser une question au panel" }).click();
    await director.waitForURL("**/panel/nouvelle");
    await check(director, "new panel question");
    await director.getByLabel(/^Question/).fill("Combien de serpillières utilisez-vous par semaine dans votre lycée ?");
    await director.getByLabel(/^Date de clôture/).fill(isoDay(new Date(Date.now() + 14 * 86_400_000)));
    await director.getByRole("button", { name: "Envoyer la question" }).click();
    await director.waitForURL(/\/panel\/[0-9a-f-]{36}\?posee=1$/);
    questionUrl = new URL(director.url()).pathname;
    await check(director, "panel question (director, no answer)");

    await visit(peer, "/notifications", "notifications (member, JS off)");
    await peer.getByText(/Combien de serpillières/).first().waitFor();
    await visit(peer, questionUrl, "panel question (member, JS off)");
    await peer.getByRole("textbox", { name: /^Votre réponse/ }).fill("Une trentaine par semaine pour deux bâtiments.");
    await peer.getByRole("button", { name: "Envoyer ma réponse" }).click();
    await peer.getByText("Votre réponse est enregistrée.").waitFor();
    await check(peer, "panel question answered (JS off)");

    await director.goto(questionUrl);
    await director.getByRole("heading", { name: /^Réponses\s:\s1 sur/ }).waitFor();
    await director.getByText("Une trentaine par semaine pour deux bâtiments.").waitFor();
    await check(director, "panel question (director, one answer)", { phone: true });
    const csvHref = await director.getByRole("link", { name: "Exporter les réponses (CSV)" }).getAttribute("href");
    const csv = await director.request.get(csvHref!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    expect(text).toContain("Une trentaine par semaine pour deux bâtiments.");
    expect(text.trim().split("\r\n")).toHaveLength(2);
    // a member may not export, an outsider may not even read the question
    expect((await peer.request.get(csvHref!)).status()).toBe(403);
  });

  it("the lab team creates a community", async () => {
    await signIn(lab, email("dimap-2"));
    await visit(lab, "/lab/region-grand-est/communautes", "lab communities");
    await lab.getByRole("link", { name: "Créer une communauté" }).click();
    await lab.waitForURL("**/communautes/nouvelle");
    await check(lab, "new community form");
    await lab.getByRole("button", { name: "Créer la communauté" }).click();
    await lab.locator("#error-summary").waitFor();
    await check(lab, "new community form, errors");
    await lab.getByLabel(/^Nom de la communauté/).fill("Agents d’accueil");
    await lab.getByLabel(/^Métier/).fill("Agents d’accueil des lycées et des Maisons de la Région");
    await lab.getByRole("button", { name: "Créer la communauté" }).click();
    await lab.waitForURL(/\/communautes\/[0-9a-f-]{36}\?creee=1$/);
    await lab.getByText("La communauté est créée.").waitFor();
    await check(lab, "community page (just created, lab team)");
    await lab.getByRole("link", { name: "Modifier la communauté" }).click();
    await lab.waitForURL(/\/modifier$/);
    await check(lab, "edit community form");
    // moderation: the lab team hides a reply with a reason, which its author then reads
    await visit(lab, threadUrl, "thread page (lab team)");
    const reply = lab.getByRole("listitem").filter({ hasText: "les anciennes microfibres" });
    await reply.locator("summary").click();
    await reply.getByRole("button", { name: /^Masquer la réponse/ }).click();
    await lab.locator("#error-summary").waitFor();
    await check(lab, "thread page, moderation errors");
    const again = lab.getByRole("listitem").filter({ hasText: "les anciennes microfibres" });
    await again.getByLabel(/^Motif/).fill("Marque citée : restons neutres.");
    await again.getByRole("button", { name: /^Masquer la réponse/ }).click();
    await lab.getByText("La réponse est masquée.").waitFor();
    await check(lab, "thread page (reply hidden, lab team)");
    await peer.goto(threadUrl);
    await peer.getByText(/Réponse masquée par la modération/).waitFor();
    await check(peer, "thread page (own reply hidden, JS off)");
  });
});
