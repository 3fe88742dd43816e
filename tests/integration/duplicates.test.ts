import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";
import { Client } from "../support/http";
import { agents, labTeam } from "../../src/demo/content";

/**
 * Similar ideas while writing (no JavaScript, and the JSON route of the live list), and the lab
 * team's likely duplicates and merge, through the real server.
 */
let server: TestServer;
let agent: Client;
let openCampaign = "";

beforeAll(async () => {
  server = await startServer();
  agent = new Client(server.url);
  await agent.signInAs(agents[10].email);
  const list = await (await agent.get("/campagnes")).text();
  for (const [, id] of list.matchAll(/href="\/campagnes\/([0-9a-f-]{36})"/g)) {
    if ((await (await agent.get(`/campagnes/${id}`)).text()).includes(`/campagnes/${id}/deposer`)) {
      openCampaign = id;
      break;
    }
  }
});
afterAll(async () => {
  await server?.stop();
});

const unescape = (html: string) => html.replace(/<!-- -->/g, "").replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
const typed = {
  title: "Un gâchimètre pour la cantine",
  problem: "On jette beaucoup de pain et des assiettes à moitié pleines au self du lycée, les élèves ne s'en rendent pas compte.",
  proposal: "Peser les restes des plateaux et afficher le gaspillage du jour à l'entrée du self.",
  beneficiaries: "Les demi-pensionnaires",
  coauthors: "",
};

describe("similar ideas while writing", () => {
  it("« Vérifier les idées proches » shows the list without JavaScript, keeps every field and saves nothing", async () => {
    expect(openCampaign).not.toBe("");
    const mine = async () => [...(await (await agent.get("/mes-idees")).text()).matchAll(/href="\/idees\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    const before = await mine();
    const r = await agent.post(`/campagnes/${openCampaign}/deposer`, { ...typed, intent: "similar" });
    expect(r.status).toBe(200);
    const html = unescape(await r.text());
    // every field as typed
    expect(html).toContain(`value="${typed.title}"`);
    expect(html).toContain(`>${typed.problem}</textarea>`);
    expect(html).toContain(`>${typed.proposal}</textarea>`);
    expect(html).toContain(`value="${typed.beneficiaries}"`);
    // the list: the demo's « gâchimètre » idea, with its campaign, status, supports and author
    const region = /<div id="idees-proches" aria-live="polite"[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? "";
    expect(region).toContain("Idées proches");
    expect(region).toMatch(/href="\/idees\/[0-9a-f-]{36}"[^>]*>Le gâchimètre du self<\/a>/);
    expect(region).toContain("G1ID – Concours d’idées internes");
    expect(region).toMatch(/Primée/);
    expect(region).toMatch(/\d+\u00a0soutiens? – proposée par [A-ZÉ]/);
    expect(html).not.toContain("Le formulaire contient");
    // nothing was saved
    expect(await mine()).toEqual(before);
  });

  it("says so when nothing is close, and asks for a few words when the form is empty", async () => {
    const none = await agent.post(`/campagnes/${openCampaign}/deposer`, { title: "Apiculture urbaine sur les toitures végétalisées", problem: "", proposal: "", intent: "similar" });
    expect(none.status).toBe(200);
    expect(unescape(await none.text())).toContain("Aucune idée proche n’a été trouvée");
    const empty = await agent.post(`/campagnes/${openCampaign}/deposer`, { title: "", problem: "", proposal: "", intent: "similar" });
    expect(empty.status).toBe(400);
    const html = unescape(await empty.text());
    expect(html).toContain("Le formulaire contient une erreur");
    expect(html).toMatch(/fr-input-group--error[\s\S]*12 caractères/);
  });

  it("answers the live list as JSON to signed-in users only", async () => {
    const qs = new URLSearchParams({ titre: typed.title, texte: `${typed.problem}\n${typed.proposal}` });
    const r = await agent.get(`/idees/proches?${qs}`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/json/);
    const body = (await r.json()) as { ideas: { id: string; title: string; campaign: string; status: string; supports: number; author: string }[] };
    expect(body.ideas.length).toBeGreaterThan(0);
    expect(body.ideas.length).toBeLessThanOrEqual(5);
    expect(body.ideas.map((i) => i.title)).toContain("Le gâchimètre du self");
    // the idea being edited is left out
    const self = body.ideas.find((i) => i.title === "Le gâchimètre du self")!;
    const without = (await (await agent.get(`/idees/proches?${qs}&idee=${self.id}`)).json()) as { ideas: { id: string }[] };
    expect(without.ideas.map((i) => i.id)).not.toContain(self.id);
    // too short, malformed: no list, no error
    expect(await (await agent.get("/idees/proches?titre=pain")).json()).toEqual({ ideas: null });
    expect((await agent.get("/idees/proches?titre[]=a&texte=%22'&idee=pas-un-id")).status).toBe(200);
    // a NUL byte is refused with our French message, as JSON (never a 500)
    const nul = await agent.get("/idees/proches?titre[]=a&texte=%00%22'&idee=pas-un-id");
    expect(nul.status).toBe(400);
    expect(JSON.stringify(await nul.json())).toContain("caractère nul");

    const anon = new Client(server.url);
    const refused = await anon.get(`/idees/proches?${qs}`);
    expect(refused.status).toBe(401);
    expect(JSON.stringify(await refused.json())).toContain("Connectez-vous");
  });
});

describe("likely duplicates and merging (lab team)", () => {
  const team = () => {
    const c = new Client(server.url);
    return c;
  };
  let lab: Client;
  let labest: Client;
  const submit = async (c: Client, fields: Record<string, string>) => {
    const r = await c.post(`/campagnes/${openCampaign}/deposer`, { ...fields, beneficiaries: "Les élèves", coauthors: "", intent: "submit" });
    expect(r.status).toBe(302);
    return /\/idees\/([0-9a-f-]{36})/.exec(r.headers.get("location") ?? "")![1];
  };

  beforeAll(async () => {
    lab = team();
    await lab.signInAs(labTeam.find((p) => p.key === "dimap-1")!.email);
    labest = team();
    await labest.signInAs(labTeam.find((p) => p.key === "labest-1")!.email);
  });

  it("lists the pair, merges one idea into the other without JavaScript, and the absorbed page says so", async () => {
    const other = new Client(server.url);
    for (const a of agents.slice(11, 60)) {
      await other.signInAs(a.email);
      if ((await (await other.get(`/campagnes/${openCampaign}`)).text()).includes(`/campagnes/${openCampaign}/deposer`)) break;
    }
    const kept = await submit(agent, {
      title: "Des boîtes à pain pour le self",
      problem: "Au self du lycée, les élèves prennent trois tranches de pain et en jettent deux dans la poubelle du plateau.",
      proposal: "Installer des boîtes à pain en fin de chaîne et proposer des demi-tranches aux élèves du self.",
    });
    const absorbed = await submit(other, {
      title: "Boîtes à pain au self du lycée",
      problem: "Les élèves du self jettent dans la poubelle du plateau deux des trois tranches de pain qu'ils prennent.",
      proposal: "Mettre des boîtes à pain en fin de chaîne du self et des demi-tranches pour les élèves.",
    });
    expect(unescape(await (await lab.get(`/lab/campagnes/${openCampaign}`)).text())).toContain(`href="/lab/campagnes/${openCampaign}/doublons"`);
    const page = unescape(await (await lab.get(`/lab/campagnes/${openCampaign}/doublons`)).text());
    expect(page).toContain("Doublons probables");
    const pair = /<h2 class="fr-h5">Paire 1\u00a0: ressemblance (\d+)\u00a0%<\/h2>([\s\S]*?)<\/form>/.exec(page);
    expect(pair).not.toBeNull();
    expect(Number(pair![1])).toBeGreaterThanOrEqual(35);
    expect(pair![2]).toContain("Des boîtes à pain pour le self");
    expect(pair![2]).toContain("Boîtes à pain au self du lycée");
    expect(pair![2]).toContain(">Fusionner</button>");
    const ideaA = /name="ideaA" value="([^"]+)"/.exec(pair![2])![1];
    const ideaB = /name="ideaB" value="([^"]+)"/.exec(pair![2])![1];
    expect([ideaA, ideaB].sort()).toEqual([kept, absorbed].sort());

    // no choice made: the form asks for one, in French
    const noChoice = await lab.post(`/lab/campagnes/${openCampaign}/doublons`, { intent: "merge", ideaA, ideaB });
    expect(noChoice.status).toBe(400);
    expect(unescape(await noChoice.text())).toContain("choisissez celle qui absorbe l’autre");
    // refused to an agent and to another lab's team
    for (const c of [agent, labest]) {
      expect((await c.get(`/lab/campagnes/${openCampaign}/doublons`)).status).toBe(403);
      expect((await c.post(`/lab/campagnes/${openCampaign}/doublons`, { intent: "merge", ideaA, ideaB, keep: "a" })).status).toBe(403);
    }
    // with itself, or with an idea of another campaign: refused in French
    const self = await lab.post(`/lab/campagnes/${openCampaign}/doublons`, { intent: "merge", ideaA: kept, ideaB: kept, keep: "a" });
    expect(self.status).toBe(400);
    expect(unescape(await self.text())).toContain("Une idée ne peut pas être fusionnée avec elle-même.");
    const closedIdea = /href="\/idees\/([0-9a-f-]{36})"[^>]*>Le gâchimètre du self/.exec(unescape(await (await agent.get("/idees?q=g%C3%A2chim%C3%A8tre")).text()))![1];
    const across = await lab.post(`/lab/campagnes/${openCampaign}/doublons`, { intent: "merge", ideaA: kept, ideaB: closedIdea, keep: "a" });
    expect(across.status).toBe(400);
    expect(unescape(await across.text())).toContain("campagnes différentes");

    const merged = await lab.post(`/lab/campagnes/${openCampaign}/doublons`, { intent: "merge", ideaA: kept, ideaB: absorbed, keep: "a" });
    expect(merged.status).toBe(200);
    expect(unescape(await merged.text())).toContain("leurs auteurs sont prévenus");
    const absorbedPage = unescape(await (await other.get(`/idees/${absorbed}`)).text());
    expect(absorbedPage).toContain("Fusionnée");
    expect(absorbedPage).toMatch(new RegExp(`Cette idée a été fusionnée avec «\u00a0<a href="/idees/${kept}"[^>]*>Des boîtes à pain pour le self</a>`));
    // its author now co-authors the kept idea, and was told
    expect(unescape(await (await other.get("/mes-idees")).text())).toContain(`href="/idees/${kept}"`);
    expect(unescape(await (await other.get("/notifications")).text())).toContain("a été fusionnée avec l’idée");
    // the pair is gone
    expect(unescape(await (await lab.get(`/lab/campagnes/${openCampaign}/doublons`)).text())).not.toContain("Boîtes à pain au self du lycée");
  });
});
