import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";
import { Client } from "../support/http";
import { agents, labTeam } from "../../src/demo/content";
import { demoCommunities, demoMembersOf } from "../../src/communities/demo";

/**
 * Every action of the application receives malformed, oversized, wrong-type,
 * cross-site, CSRF-less and unauthorized requests: none may answer 500.
 */
let server: TestServer;
const email = (key: string) => labTeam.find((p) => p.key === key)!.email;
const ids: Record<string, string> = {};
const clients: Record<string, Client> = {};

beforeAll(async () => {
  server = await startServer();
  for (const [who, mail] of [
    ["team", email("dimap-1")],
    ["labest", email("labest-1")],
    ["juror", email("juror-1")],
    ["agent", agents[10].email],
    ["director", email("director-lycees")],
    ["otherDirector", email("director-environnement")],
    ["member", demoMembersOf(demoCommunities[0], agents)[0].email],
  ] as const) {
    clients[who] = new Client(server.url);
    await clients[who].signInAs(mail);
  }
  const labHtml = await (await clients.team.get("/lab")).text();
  const campaignIds = [...labHtml.matchAll(/href="\/lab\/campagnes\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
  ids.campaign = campaignIds[0];
  const ideasHtml = await (await clients.agent.get("/idees")).text();
  ids.idea = /href="\/idees\/([0-9a-f-]{36})"/.exec(ideasHtml)![1];
  const juryHtml = await (await clients.juror.get(`/jury`)).text();
  const juryCampaign = /href="\/jury\/campagnes\/([0-9a-f-]{36})"/.exec(juryHtml)![1];
  const jcHtml = await (await clients.juror.get(`/jury/campagnes/${juryCampaign}`)).text();
  ids.juryIdea = /href="\/jury\/idees\/([0-9a-f-]{36})"/.exec(jcHtml)![1];
  // the agent's own idea, for the edit action
  const openCampaign = /href="\/campagnes\/([0-9a-f-]{36})\/deposer"/.exec(await (await clients.agent.get(`/campagnes/${campaignIds.find(Boolean)}`)).text());
  ids.openCampaign = openCampaign?.[1] ?? campaignIds[0];
  // the demo's published theme analysis and one of its themes
  const analyses = await (await clients.team.get("/lab/region-grand-est/problematiques")).text();
  ids.analysis = /href="\/lab\/analyses\/([0-9a-f-]{36})"/.exec(analyses)![1];
  const analysis = await (await clients.team.get(`/lab/analyses/${ids.analysis}`)).text();
  ids.minilab = /href="\/minilabs\/([0-9a-f-]{36})"/.exec(await (await clients.team.get("/lab/region-grand-est/minilabs")).text())![1];
  ids.theme = new RegExp(`href="/lab/analyses/${ids.analysis}/themes/([0-9a-f-]{36})"`).exec(analysis)![1];
  // arbitration: the running Mini-Lab (the agent joins it, to write proposals), its draft, and a decided 2021 proposal for the lycées
  for (const id of new Set([...(await (await clients.team.get("/lab/region-grand-est/minilabs")).text()).matchAll(/href="\/minilabs\/([0-9a-f-]{36})"/g)].map((m) => m[1]))) {
    const html = await (await clients.team.get(`/minilabs/${id}`)).text();
    if (html.includes("Mini-Lab Restauration scolaire</h1>")) {
      ids.runningMinilab = id;
      ids.draftProposal = /href="\/propositions\/([0-9a-f-]{36})"/.exec(html)![1];
      ids.session = new RegExp(`href="/minilabs/${id}/seances/([0-9a-f-]{36})"`).exec(html)![1];
    }
    if (html.includes("Mini-Lab Lycées écoresponsables</h1>")) ids.decidedProposal = /href="\/propositions\/([0-9a-f-]{36})"(?:(?!<\/li>).)*Direction des lycées/s.exec(html)![1];
  }
  expect((await clients.agent.post(`/minilabs/${ids.runningMinilab}`, { intent: "join" })).status).toBe(200);
  // the demo's first community (cleaning: threads and a panel question)
  ids.community = /href="\/communautes\/([0-9a-f-]{36})"/.exec(await (await clients.team.get("/lab/region-grand-est/communautes")).text())![1];
  const communityHtml = await (await clients.team.get(`/communautes/${ids.community}`)).text();
  ids.thread = new RegExp(`href="/communautes/${ids.community}/fils/([0-9a-f-]{36})"`).exec(communityHtml)![1];
  ids.question = new RegExp(`href="/communautes/${ids.community}/panel/([0-9a-f-]{36})"`).exec(communityHtml)![1];
});
afterAll(async () => {
  await server?.stop();
});


/** Every route that has an action, with a valid-looking payload and who may call it. */
type Action = { path: string; as: string; fields: Record<string, string | string[]> };
const actions = (): Action[] => [
  { path: "/connexion/demo", as: "anon", fields: { email: agents[0].email } },
  { path: "/deconnexion", as: "leaver", fields: {} },
  { path: `/campagnes/${ids.openCampaign}/deposer`, as: "agent", fields: { title: "Une idée", problem: "x".repeat(30), proposal: "y".repeat(30), beneficiaries: "tous", intent: "submit" } },
  { path: `/campagnes/${ids.openCampaign}/deposer`, as: "agent", fields: { title: "Moins de pain jeté au self", intent: "similar" } },
  { path: `/idees/${ids.idea}`, as: "agent", fields: { intent: "comment", body: "Bien vu" } },
  { path: `/idees/${ids.idea}/modifier`, as: "agent", fields: { title: "Titre modifié", intent: "draft" } },
  { path: "/notifications", as: "agent", fields: { intent: "readAll" } },
  { path: "/notifications", as: "agent", fields: { intent: "mailPrefs", byMail: "minilab_invitation" } },
  { path: `/jury/idees/${ids.juryIdea}`, as: "juror", fields: { comment: "ok" } },
  { path: "/lab/region-grand-est/campagnes/nouvelle", as: "team", fields: { title: "Nouvelle" } },
  { path: `/lab/campagnes/${ids.campaign}/modifier`, as: "team", fields: { title: "Modifiée" } },
  { path: `/lab/campagnes/${ids.campaign}`, as: "team", fields: { intent: "addJuror", email: "pas-une-adresse" } },
  // a self-merge, refused even when everything else is right: the barrage never merges demo ideas
  { path: `/lab/campagnes/${ids.campaign}/doublons`, as: "team", fields: { intent: "merge", ideaA: ids.idea, ideaB: ids.idea, keep: "a" } },
  { path: "/lab/region-grand-est/roles", as: "team", fields: { intent: "grant", email: "x@y.fr", role: "pape" } },
  { path: "/lab/region-grand-est/problematiques", as: "team", fields: { campaignIds: ids.campaign, scope: "all", k: "5" } },
  { path: `/lab/analyses/${ids.analysis}`, as: "team", fields: { intent: "unpublish" } },
  { path: `/lab/analyses/${ids.analysis}/themes/${ids.theme}`, as: "team", fields: { intent: "rename", themeId: ids.theme, label: "Nouveau nom" } },
  { path: "/lab/region-grand-est/minilabs/nouveau", as: "team", fields: { name: "Mini-Lab", question: "Une question assez longue ?", joinPolicy: "open", sessionsFrom: "2027-01-10", sessionsUntil: "2027-06-30", restitutionOn: "2027-09-15", arbitrationOn: "2027-11-15" } },
  { path: `/minilabs/${ids.minilab}`, as: "agent", fields: { intent: "decline" } },
  { path: `/minilabs/${ids.runningMinilab}/propositions/nouvelle`, as: "agent", fields: { title: "Une proposition", problem: "p".repeat(30), solution: "s".repeat(30), impact: "i".repeat(20), resources: "r".repeat(10), cost: "12000", directorate: "Direction des lycées" } },
  { path: `/propositions/${ids.draftProposal}/modifier`, as: "agent", fields: { title: "Une proposition", problem: "p".repeat(30), solution: "s".repeat(30), impact: "i".repeat(20), resources: "r".repeat(10), cost: "-3", directorate: "Direction des finances" } },
  // the agent is neither the draft's author nor a facilitator: refused, the draft stays a draft
  { path: `/propositions/${ids.draftProposal}`, as: "agent", fields: { intent: "submit" } },
  // already decided: a first decision again is refused (409), a correction would need `corrects`
  { path: `/propositions/${ids.decidedProposal}`, as: "director", fields: { intent: "decide", outcome: "adopted", reason: "Un motif", followUpOwner: "x@y.fr", followUpDue: "2030-01-01" } },
  { path: "/lab/region-grand-est/communautes/nouvelle", as: "team", fields: { name: "Agents d’accueil", profession: "Agents d’accueil des lycées", animators: "pas-une-adresse" } },
  { path: `/lab/region-grand-est/communautes/${ids.community}/modifier`, as: "team", fields: { name: "Entretien", profession: "Agents d’entretien", animators: "pas-une-adresse" } },
  { path: `/communautes/${ids.community}`, as: "agent", fields: { intent: "leave" } },
  { path: `/communautes/${ids.community}`, as: "member", fields: { intent: "post", kind: "discussion", title: "Un", body: "court" } },
  { path: `/communautes/${ids.community}/fils/${ids.thread}`, as: "member", fields: { intent: "sendIdea", campaignId: "pas-un-id", proposal: "courte", beneficiaries: "x" } },
  { path: `/communautes/${ids.community}/fils/${ids.thread}`, as: "member", fields: { intent: "reply", body: "" } },
  { path: `/communautes/${ids.community}/panel/nouvelle`, as: "director", fields: { question: "Trop court", closesAt: "2020-01-01" } },
  { path: `/communautes/${ids.community}/panel/${ids.question}`, as: "member", fields: { body: "" } },
  // inviting by email: the lab team (or a facilitator) only; an unknown address is a field error
  { path: `/minilabs/${ids.minilab}`, as: "team", fields: { intent: "invite", emails: "personne@nulle-part.fr" } },
  { path: "/lab/region-grand-est/minilabs/nouveau", as: "team", fields: { name: "Mini-Lab privé", question: "Une question assez longue ?", joinPolicy: "open", visibility: "secret", sessionsFrom: "2027-01-10", sessionsUntil: "2027-06-30", restitutionOn: "2027-09-15", arbitrationOn: "2027-11-15" } },
  // sessions and their board: methods and sessions are the lab team's (and facilitators'); the agent, a member, writes on the board
  { path: "/lab/region-grand-est/methodes", as: "team", fields: { intent: "add", label: "", description: "d".repeat(600) } },
  { path: `/minilabs/${ids.runningMinilab}/seances/nouvelle`, as: "team", fields: { title: "Séance", day: "2026-02-30", time: "25:00", durationMinutes: "5", place: "", videoUrl: "http://pas-https", dots: "50", methods: "Méthode inconnue" } },
  { path: `/minilabs/${ids.runningMinilab}/seances/${ids.session}/modifier`, as: "team", fields: { title: "", day: "demain", time: "9h", durationMinutes: "beaucoup", place: "Metz", dots: "0" } },
  { path: `/minilabs/${ids.runningMinilab}/seances/${ids.session}`, as: "team", fields: { intent: "attendance", present: "pas-un-id" } },
  { path: `/minilabs/${ids.runningMinilab}/seances/${ids.session}/tableau`, as: "agent", fields: { intent: "add", column: "nulle-part", text: "" } },
  { path: "/une-page-qui-n-existe-pas", as: "agent", fields: { a: "b" } },
];

/** "leaver" is a fresh signed-in agent each time, since signing out ends its session. */
async function client(as: string): Promise<Client> {
  if (as === "anon") return new Client(server.url);
  if (as === "leaver") {
    const c = new Client(server.url);
    await c.signInAs(agents[20].email);
    return c;
  }
  return clients[as];
}

const frenchPage = (html: string) => expect(html).toMatch(/lang="fr"|"message":"[^"]*[’éèà]/);

/** A POST whose body is chunked, with no Content-Length: refused before anything reads it. */
function chunkedPost(path: string, c: Client, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const u = new URL(server.url + path);
    const req = http.request(
      { host: u.hostname, port: u.port, path: u.pathname, method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    req.write(`_csrf=${encodeURIComponent(token)}&`);
    req.end("a=b");
  });
}

describe("no request gets a 500", () => {
  it("refuses a mutation without a CSRF token (403, French message)", async () => {
    for (const a of actions()) {
      const r = await (await client(a.as)).post(a.path, a.fields, { csrf: false });
      expect([403, 404], a.path).toContain(r.status);
      if (r.status === 403) expect(await r.text(), a.path).toMatch(/formulaire a expiré/);
    }
  });

  it("refuses a forged CSRF token and a cross-site origin", async () => {
    for (const a of actions()) {
      const forged = await (await client(a.as)).post(a.path, a.fields, { csrf: "A".repeat(32) });
      expect([403, 404], a.path).toContain(forged.status);
      const cross = await (await client(a.as)).post(a.path, a.fields, { headers: { origin: "https://evil.example" } });
      expect([403, 404], a.path).toContain(cross.status);
      if (cross.status === 403) expect(await cross.text(), a.path).toContain("ne vient pas de ce site");
    }
  });

  it("answers 400, 411, 413 or 415 to malformed, oversized and wrongly typed bodies", async () => {
    for (const a of actions()) {
      const c = await client(a.as);
      const token = await c.csrf(a.as === "anon" ? "/connexion/demo" : "/notifications").catch(() => "");
      const broken = await c.request(a.path, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=zzz" }, body: "--zzz\r\nnot a part" });
      expect([400, 403, 404], a.path).toContain(broken.status);
      const json = await c.request(a.path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ _csrf: token }) });
      expect([415, 404], a.path).toContain(json.status);
      const huge = await c.request(a.path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(1e9) }, body: "a=b" }).catch(() => null);
      if (huge) expect([413, 400], a.path).toContain(huge.status);
      const noLength = await chunkedPost(a.path, c, token);
      expect([411], a.path).toContain(noLength);
    }
  });

  it("answers every malformed field with a French message or a 4xx, keeping pages in French", async () => {
    const garbage: Record<string, string | string[]>[] = [
      {},
      { intent: "nimportequoi" },
      { intent: ["comment", "support"], body: ["a", "b"] },
      { title: "x".repeat(100_000), body: "y".repeat(50_000), email: "z".repeat(5000), intent: "submit" },
      { userId: "not-a-uuid", id: "../../etc/passwd", commentId: "1 OR 1=1", ideaId: "'; DROP TABLE ideas; --", role: "admin" },
      { scaleMax: "-1", opensAt: "2027-13-45", closesAt: "hier", "criteria.0.weight": "NaN", organizationIds: ["a", "b"] },
      { "score.00000000-0000-0000-0000-000000000000": "999", comment: "\u0000\u0001" },
    ];
    for (const a of actions()) {
      for (const g of garbage) {
        const r = await (await client(a.as)).post(a.path, g);
        expect(r.status, `${a.path} ${JSON.stringify(g).slice(0, 80)}`).toBeLessThan(500);
        if (r.status === 400) {
          const html = await r.text();
          expect(/lang="fr"/.test(html), a.path).toBe(true);
          expect(/Le formulaire contient|La requête est mal formée|Action inconnue/.test(html), `${a.path}: French message expected`).toBe(true);
        }
      }
    }
  });

  it("sends anonymous visitors to sign-in and refuses agents the lab's and the jury's actions", async () => {
    for (const a of actions()) {
      if (a.as === "anon" || a.path.startsWith("/une-page")) continue;
      const anon = new Client(server.url);
      const r = await anon.post(a.path, a.fields, { csrf: await anon.csrf("/connexion/demo") });
      expect([302, 404], a.path).toContain(r.status);
      // signing out without a session just goes home; everything else asks to sign in
      if (r.status === 302) expect(r.headers.get("location"), a.path).toMatch(a.path === "/deconnexion" ? /^\/$/ : /^\/connexion/);
    }
    for (const a of actions().filter((x) => x.as === "team" || x.as === "juror")) {
      const r = await clients.agent.post(a.path, a.fields);
      expect(r.status, a.path).toBe(403);
      frenchPage(await r.text());
    }
  });

  it("refuses the lab team of one lab the campaigns and roles of another", async () => {
    for (const a of actions().filter((x) => x.as === "team")) {
      const r = await clients.labest.post(a.path, a.fields);
      expect(r.status, a.path).toBe(403);
    }
    for (const path of [`/lab/campagnes/${ids.campaign}`, `/lab/campagnes/${ids.campaign}/doublons`, "/lab/region-grand-est/roles", "/lab/region-grand-est/campagnes/nouvelle", "/lab/region-grand-est/problematiques", "/lab/region-grand-est/minilabs", "/lab/region-grand-est/minilabs/nouveau", "/lab/region-grand-est/communautes", "/lab/region-grand-est/communautes/nouvelle", `/lab/region-grand-est/communautes/${ids.community}/modifier`, `/lab/analyses/${ids.analysis}`, `/lab/analyses/${ids.analysis}/themes/${ids.theme}`, "/lab/region-grand-est/courriels", "/lab/region-grand-est/methodes"]) {
      expect((await clients.labest.get(path)).status, path).toBe(403);
      expect((await clients.agent.get(path)).status, path).toBe(403);
    }
  });

  it("answers 404, not 500, to unknown and malformed ids in loaders", async () => {
    const unknownSession = `/minilabs/${ids.runningMinilab}/seances/00000000-0000-0000-0000-000000000000`;
    for (const path of ["/minilabs/xyz/seances/abc", unknownSession, `${unknownSession}/modifier`, `${unknownSession}/tableau`, `${unknownSession}/tableau/flux`, `${unknownSession}/tableau/export.csv`, `${unknownSession}/tableau/imprimer`, `/minilabs/00000000-0000-0000-0000-000000000000/seances/nouvelle`]) {
      const r = await clients.team.get(path);
      expect(r.status, path).toBe(404);
    }
    for (const path of ["/idees/pas-un-id", "/idees/00000000-0000-0000-0000-000000000000", "/campagnes/abc", "/jury/idees/xyz", "/lab/campagnes/123", "/lab/campagnes/123/doublons", "/idees/00000000-0000-0000-0000-000000000000/pieces/1", "/lab/inconnu/roles", "/lab/analyses/nope", "/lab/analyses/00000000-0000-0000-0000-000000000000/themes/a-classer", `/lab/analyses/${ids.analysis}/themes/zz`, "/problematiques/xyz", "/minilabs/xyz", "/minilabs/00000000-0000-0000-0000-000000000000", "/communautes/xyz", "/communautes/00000000-0000-0000-0000-000000000000", `/communautes/${ids.community}/fils/xyz`, `/communautes/${ids.community}/fils/00000000-0000-0000-0000-000000000000`, `/communautes/${ids.community}/panel/xyz`, `/communautes/${ids.community}/panel/xyz/reponses.csv`, "/lab/region-grand-est/communautes/xyz/modifier", "/lab/inconnu/courriels", "/lab/region-grand-est/courriels/xyz", "/lab/region-grand-est/courriels/00000000-0000-0000-0000-000000000000"]) {
      const r = await clients.team.get(path);
      expect(r.status, path).toBe(404);
      frenchPage(await r.text());
    }
    // the members only: threads, directory, panel and its export
    for (const path of [`/communautes/${ids.community}/fils/${ids.thread}`, `/communautes/${ids.community}/membres`, `/communautes/${ids.community}/panel/${ids.question}`, `/communautes/${ids.community}/panel/${ids.question}/reponses.csv`, `/communautes/${ids.community}/panel/nouvelle`]) {
      const r = await clients.agent.get(path);
      expect(r.status, path).toBe(403);
      frenchPage(await r.text());
    }
    expect((await clients.member.get(`/communautes/${ids.community}/panel/${ids.question}/reponses.csv`)).status).toBe(403);
    expect((await clients.director.get(`/communautes/${ids.community}/panel/${ids.question}/reponses.csv`)).status).toBe(200);
    expect((await clients.member.get(`/communautes/${ids.community}/membres?site=${"x".repeat(5000)}&q=%27%22`)).status).toBe(200);
    const q = await clients.agent.get("/idees?q=%22%26%7C!(&page=-4&tri=drop&statut=x&campagne=zz&organisation=%27");
    expect(q.status).toBe(200);
    for (const page of ["-4", "abc", "1e9", "99999999999"]) expect((await clients.team.get(`/lab/region-grand-est/courriels?page=${page}`)).status, page).toBe(200);
  });
});

describe("proposals and arbitration: who may and who may not", () => {
  it("lets only the addressed directorate decide, and only members write and read drafts", async () => {
    const decide = { intent: "decide", outcome: "deferred", reason: "Pas cette année.", corrects: "00000000-0000-0000-0000-000000000000" };
    for (const who of ["agent", "team", "labest", "juror", "otherDirector"]) {
      const r = await clients[who].post(`/propositions/${ids.decidedProposal}`, decide);
      expect(r.status, who).toBe(403);
      frenchPage(await r.text());
    }
    // the right director: a stale correction is a conflict, shown in the form
    expect((await clients.director.post(`/propositions/${ids.decidedProposal}`, decide)).status).toBe(409);
    expect((await clients.director.get("/arbitrage")).status).toBe(200);
    for (const who of ["agent", "team", "labest"]) expect((await clients[who].get("/arbitrage")).status, who).toBe(403);
    // drafts: the lab team and members read them; others get 404; only members write
    expect((await clients.team.get(`/propositions/${ids.draftProposal}`)).status).toBe(200);
    expect((await clients.agent.get(`/propositions/${ids.draftProposal}/modifier`)).status).toBe(200);
    expect((await clients.labest.get(`/propositions/${ids.draftProposal}`)).status).toBe(404);
    expect((await clients.team.get(`/propositions/${ids.draftProposal}/modifier`)).status).toBe(403);
    expect((await clients.team.get(`/minilabs/${ids.runningMinilab}/propositions/nouvelle`)).status).toBe(403);
    expect((await clients.labest.post(`/minilabs/${ids.runningMinilab}/propositions/nouvelle`, { title: "x" })).status).toBe(403);
    // a submitted proposal is read by anyone signed in, not edited by anyone
    expect((await clients.labest.get(`/propositions/${ids.decidedProposal}`)).status).toBe(200);
    expect((await clients.director.get(`/propositions/${ids.decidedProposal}/modifier`)).status).toBe(403);
    for (const path of ["/propositions/xyz", "/propositions/00000000-0000-0000-0000-000000000000", "/propositions/xyz/modifier", `/propositions/${ids.decidedProposal}/pieces/1`, `/propositions/${ids.decidedProposal}/pieces/00000000-0000-0000-0000-000000000000`, "/minilabs/xyz/propositions/nouvelle"]) {
      const r = await clients.team.get(path);
      expect(r.status, path).toBe(404);
      frenchPage(await r.text());
    }
  });
});

describe("exports and the campaign ranking's filters: bad input", () => {
  const exportPaths = () => [
    `/lab/campagnes/${ids.campaign}/export/idees.csv`,
    `/lab/campagnes/${ids.campaign}/export/classement.xlsx`,
    `/minilabs/${ids.runningMinilab}/export/membres.csv`,
    "/lab/region-grand-est/minilabs/export/decisions.xlsx",
    "/arbitrage/export/decisions.csv",
  ];

  it("answers malformed export paths with 404 (403 to whoever may not), never 500", async () => {
    const malformed = [
      "/lab/campagnes/123/export/idees.csv",
      "/lab/campagnes/00000000-0000-0000-0000-000000000000/export/classement.xlsx",
      `/lab/campagnes/${ids.campaign}/export/..%2F..%2Fetc%2Fpasswd`,
      `/lab/campagnes/${ids.campaign}/export/${"a".repeat(5000)}.csv`,
      `/lab/campagnes/${ids.campaign}/export/idees.csv%00.xlsx`,
      `/lab/campagnes/${ids.campaign}/export/idees.CSV`,
      `/lab/campagnes/${ids.campaign}/export/%E2%80%AEvsc.xlsx`,
      "/minilabs/xyz/export/membres.csv",
      `/minilabs/${ids.runningMinilab}/export/membres.ods`,
      "/lab/inconnu/minilabs/export/decisions.csv",
      "/lab/region-grand-est/minilabs/export/decisions.json",
      "/arbitrage/export/%00.csv",
      "/arbitrage/export/decisions",
    ];
    for (const path of malformed) {
      expect((await clients.team.get(path)).status, path).toBe(404);
      expect([403, 404], path).toContain((await clients.agent.get(path)).status);
      expect([403, 404], path).toContain((await clients.labest.get(path)).status);
    }
    for (const path of exportPaths()) {
      const anon = await new Client(server.url).get(path);
      expect(anon.status, path).toBe(302);
      // an export has no action: a POST is refused, never run
      const post = await clients.team.post(path, { intent: "x" });
      expect([403, 404, 405], path).toContain(post.status);
      expect((await clients.agent.get(path)).status, path).toBe(403);
    }
  });

  it("ignores malformed ranking filters for the lab team, and refuses them to everyone else (403)", async () => {
    const garbage = [
      `q=%00%01${"x".repeat(5000)}&statut=pape&organisation=%27%3B--&primee=peut-etre&page=-3`,
      "page=1e99&page=abc&q=&statut=&primee=oui&primee=non",
      "organisation=00000000-0000-0000-0000-000000000000&statut=draft&q=%22%26%7C!(",
      `q=${encodeURIComponent("\u202e\u0000<script>")}&page=99999999999`,
    ];
    for (const qs of garbage) {
      const path = `/lab/campagnes/${ids.campaign}?${qs}`;
      const r = await clients.team.get(path);
      expect(r.status, qs).toBe(200);
      expect(await r.text(), qs).not.toContain("<script>");
      for (const who of ["agent", "labest", "juror"]) expect((await clients[who].get(path)).status, `${who} ${qs}`).toBe(403);
    }
  });
});

// Runs last (tests run in file order): the server's log of the whole barrage above.
it("logged no server error while receiving all of it", () => {
  // 5xx responses are logged at level "error"; the test server logs warnings and errors.
  const errors = server.logs.join("").split("\n").filter((l) => l.includes('"level":"error"') || /^\s+at /.test(l));
  expect(errors).toEqual([]);
});
