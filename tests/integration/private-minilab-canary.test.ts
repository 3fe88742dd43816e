/**
 * The canary: a private Mini-Lab must not leak through the ideas and themes around it.
 *
 * On the real server with the Grand Est demo, the lab team opens a private Mini-Lab with a unique
 * name on the published theme « Communication interne »; its facilitator writes and submits a
 * proposal with a unique title; the director of the lycées refuses it with a unique reason. After
 * the opening, the lab team moves another agent's idea into the theme: its author holds an idea of
 * the theme but was never invited. Then three outsiders — that author, the team of another lab and
 * a plain agent — visit every page reachable from the theme's ideas and themes (the idea pages,
 * « Mes idées », notifications, the theme maps, the Mini-Labs list, a search, the similar-ideas
 * JSON), HTML and `.data`, following the links they find (same site, bounded), and none of the
 * unique strings, nor the Mini-Lab's or the proposal's id, appears anywhere. A member, crawling
 * the same way, does find them: the crawl sees what it should.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";
import { Client } from "../support/http";
import { isoDay } from "../../src/kernel/format";
import { agents, labTeam } from "../../src/demo/content";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

const token = () => Math.random().toString(36).slice(2, 10) + Math.random().toString(36).slice(2, 10);
const NAME = `Canari${token()}`;
const TITLE = `Proposition${token()}`;
const REASON = `Motif${token()}`;
const person = (key: string) => labTeam.find((p) => p.key === key)!;
const everyone = [...agents, ...labTeam];
const emailOfName = (name: string) => everyone.find((p) => `${p.firstName} ${p.lastName}` === name.trim())?.email;
const day = (d: number) => isoDay(new Date(Date.now() + d * 86_400_000));
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

async function signedIn(email: string): Promise<Client> {
  const c = new Client(server.url);
  await c.signInAs(email);
  return c;
}

async function ok(c: Client, path: string): Promise<string> {
  const res = await c.get(path);
  expect(res.status, `${path}`).toBe(200);
  return res.text();
}

/** The `.data` twin of a page (React Router's single fetch): what a client-side navigation loads. */
function dataUrl(path: string): string {
  const u = new URL(path, "http://x");
  return `${u.pathname === "/" ? "/_root" : u.pathname.replace(/\/$/, "")}.data${u.search}`;
}

// Links a crawler must not follow: they end the session, download files, or stream forever.
const skip = /^\/(deconnexion|connexion)|\/pieces\/|\/flux$|export\.csv|^\/assets\/|^\/favicon|\.(css|js|ico|png|svg|woff2?)$/;

/**
 * Visits the seeds, then the same-site links found on the pages, breadth first, up to `limit`
 * pages: each page's HTML and its `.data`. Returns every body read, by URL.
 */
async function crawl(c: Client, seeds: string[], limit: number): Promise<Map<string, string>> {
  const bodies = new Map<string, string>();
  const queue = [...new Set(seeds)];
  const seen = new Set(queue);
  let pages = 0;
  while (queue.length && pages < limit) {
    const path = queue.shift()!;
    pages++;
    const res = await c.get(path);
    const html = await res.text();
    bodies.set(path, html);
    expect(res.status, `${path} answered ${res.status}`).toBeLessThan(500);
    if (res.status === 200 && (res.headers.get("content-type") ?? "").includes("text/html")) {
      const data = await c.get(dataUrl(path));
      bodies.set(dataUrl(path), await data.text());
      expect(data.status, `${dataUrl(path)} answered ${data.status}`).toBeLessThan(500);
      for (const m of html.matchAll(/href="(\/[^"#]*)"/g)) {
        const link = m[1].replace(/&amp;/g, "&");
        if (link.startsWith("//") || skip.test(link) || seen.has(link)) continue;
        seen.add(link);
        queue.push(link);
      }
    }
  }
  return bodies;
}

it("a private Mini-Lab, its proposal and decision appear nowhere an outsider can go from the theme's ideas", async () => {
  const team = await signedIn(person("dimap-1").email);
  // the published theme « Communication interne », its analysis and its ideas
  const form = await ok(team, "/lab/region-grand-est/minilabs/nouveau");
  // (the demo's curation names its themes after the problems their ideas are about; which problems
  // keep a theme of their own depends on the clustering, so any published theme will do)
  const options = [...form.matchAll(new RegExp(`<option value="(${UUID})">([^<]+)</option>`, "g"))];
  expect(options.length).toBeGreaterThan(0);
  const chosen = options.find((m) => m[2].startsWith("Communication interne")) ?? options[options.length - 1];
  const themeId = chosen[1];
  const themeLabel = chosen[2].replace(/&#x27;|&#39;/g, "'").split(" (")[0].trim();
  const maps = await ok(team, "/problematiques");
  let analysisId = "";
  let themePage = "";
  for (const [, id] of maps.matchAll(new RegExp(`href="/problematiques/(${UUID})"`, "g"))) {
    const res = await team.get(`/lab/analyses/${id}/themes/${themeId}`);
    if (res.status === 200) {
      analysisId = id;
      themePage = await res.text();
      break;
    }
  }
  expect(analysisId).not.toBe("");
  const authorsIn = (html: string) => [...html.matchAll(/fr-card__detail">([^<·]+)/g)].map((m) => m[1].trim());
  const themeIdeas = [...new Set([...themePage.matchAll(new RegExp(`href="/idees/(${UUID})"`, "g"))].map((m) => m[1]))];
  const themeAuthors = new Set(authorsIn(themePage));
  expect(themeIdeas.length).toBeGreaterThan(1);

  // the lab team opens the private Mini-Lab on it: the holders of its ideas are invited
  const facilitatorEmail = person("facilitator-1").email;
  const opened = await team.post(
    "/lab/region-grand-est/minilabs/nouveau",
    {
      themeId,
      name: NAME,
      question: "Comment faire circuler l’information utile sans que rien ne s’en échappe ?",
      joinPolicy: "open",
      visibility: "private",
      facilitators: facilitatorEmail,
      sessionsFrom: day(-1),
      sessionsUntil: day(60),
      restitutionOn: day(90),
      arbitrationOn: day(120),
      directorates: "Direction des lycées",
    },
    { csrf: await team.csrf("/lab/region-grand-est/minilabs/nouveau") },
  );
  expect(opened.status).toBe(302);
  const minilab = opened.headers.get("location")!.split("?")[0];
  const minilabId = minilab.split("/").pop()!;

  // then moves into the theme an idea of another theme, whose author holds none of its ideas
  const targets = [...themePage.matchAll(new RegExp(`<option value="(${UUID})"`, "g"))].map((m) => m[1]);
  let moved: { ideaId: string; email: string; from: string } | null = null;
  for (const other of [...new Set(targets)]) {
    const page = await ok(team, `/lab/analyses/${analysisId}/themes/${other}`);
    const cards = [...page.matchAll(new RegExp(`href="/idees/(${UUID})"[\\s\\S]*?fr-card__detail">([^<·]+)`, "g"))];
    const card = cards.find((m) => !themeAuthors.has(m[2].trim()) && emailOfName(m[2]) && !labTeam.some((p) => p.email === emailOfName(m[2])));
    if (card) {
      moved = { ideaId: card[1], email: emailOfName(card[2])!, from: other };
      break;
    }
  }
  expect(moved).not.toBeNull();
  const movedRes = await team.post(`/lab/analyses/${analysisId}/themes/${moved!.from}`, { intent: "move", ideaId: moved!.ideaId, target: themeId }, { csrf: await team.csrf(`/lab/analyses/${analysisId}/themes/${moved!.from}`) });
  expect(movedRes.status).toBe(200);
  expect(await ok(team, `/lab/analyses/${analysisId}/themes/${themeId}`)).toContain(`/idees/${moved!.ideaId}`);

  // the facilitator writes and submits a proposal; the director of the lycées refuses it
  const facilitator = await signedIn(facilitatorEmail);
  const written = await facilitator.post(
    `${minilab}/propositions/nouvelle`,
    {
      title: TITLE,
      problem: "L’information utile se perd entre les sites, noyée dans les courriels de tous.",
      solution: "Une lettre courte par site chaque semaine, écrite par un correspondant désigné.",
      impact: "Des agents mieux informés sans surcharge.",
      resources: "Une heure par semaine et par site.",
      directorate: "Direction des lycées",
    },
    { csrf: await facilitator.csrf(`${minilab}/propositions/nouvelle`) },
  );
  expect(written.status).toBe(302);
  const proposal = written.headers.get("location")!.split("?")[0];
  const proposalId = proposal.split("/").pop()!;
  expect((await facilitator.post(proposal, { intent: "submit" }, { csrf: await facilitator.csrf(proposal) })).status).toBe(302);
  const director = await signedIn(person("director-lycees").email);
  const decided = await director.post(proposal, { intent: "decide", outcome: "rejected", reason: REASON }, { csrf: await director.csrf(proposal) });
  expect(decided.status).toBe(302);
  expect(await ok(director, proposal)).toContain(REASON);

  const secrets = [NAME, TITLE, REASON, minilabId, proposalId];
  const leaks = (bodies: Map<string, string>) => [...bodies].flatMap(([url, body]) => secrets.filter((s) => body.includes(s)).map((s) => `${url} shows ${s}`));
  const seeds = [
    "/",
    "/mes-idees",
    "/notifications",
    "/minilabs",
    "/problematiques",
    `/problematiques/${analysisId}`,
    ...[...themeIdeas, moved!.ideaId].map((id) => `/idees/${id}`),
    "/idees?q=communication",
    "/idees?q=information",
    `/idees/proches?titre=${encodeURIComponent("Faire circuler l’information entre les sites")}&texte=${encodeURIComponent("Les courriels noient l’information utile entre les sites et les services.")}`,
  ];

  // a member crawling the same way does find the Mini-Lab: the crawl can see a leak
  const seenByMember = await crawl(facilitator, seeds, 25);
  expect(leaks(seenByMember).join("\n")).toContain(NAME);
  expect([...seenByMember.values()].some((b) => b.includes(REASON))).toBe(true);

  // the outsiders: the author of the moved idea, another lab's team, a plain agent of no idea of the theme
  // (a plain agent: one to whom the Mini-Lab's own page answers 404 — not a co-author invited with the theme)
  let plain = "";
  for (const a of agents.filter((x) => !themeAuthors.has(`${x.firstName} ${x.lastName}`) && x.email !== moved!.email).slice(0, 10)) {
    if ((await (await signedIn(a.email)).get(minilab)).status === 404) {
      plain = a.email;
      break;
    }
  }
  const outsiders = [moved!.email, person("labest-1").email, plain];
  for (const email of outsiders) {
    const c = await signedIn(email);
    // the Mini-Lab and its proposal answer 404 to them, as if they did not exist
    expect((await c.get(minilab)).status).toBe(404);
    expect((await c.get(proposal)).status).toBe(404);
    const bodies = await crawl(c, seeds, 60);
    expect(bodies.size, `${email} crawled too little`).toBeGreaterThan(60);
    for (const id of [...themeIdeas, moved!.ideaId]) expect(bodies.has(`/idees/${id}`) || bodies.has(`/idees/${id}.data`)).toBe(true);
    expect(leaks(bodies), `leaks to ${email}`).toEqual([]);
  }
  // the moved idea's author sees their idea in the theme, and nothing of the Mini-Lab
  const author = await signedIn(moved!.email);
  const mine = await ok(author, `/idees/${moved!.ideaId}`);
  expect(mine).toContain("Parcours de l’idée");
  expect(mine.replace(/&#x27;|&#39;/g, "'")).toMatch(new RegExp(`Dans la problématique «(\\s|&nbsp;|\u00a0)*${themeLabel.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));

  // no mail of the decision went to an outsider (the lab's outbox lists what was written)
  const outbox = await ok(team, "/lab/region-grand-est/courriels");
  const rows = [...outbox.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((m) => m[0]).filter((r) => r.includes(TITLE) || r.includes(NAME));
  expect(rows.length).toBeGreaterThan(0);
  for (const email of outsiders) expect(rows.filter((r) => r.includes(email))).toEqual([]);
  expect(server.logs.join("")).not.toContain('"level":"error"');
}, 600_000);
