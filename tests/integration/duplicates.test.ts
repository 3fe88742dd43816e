import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";
import { Client } from "../support/http";
import { agents } from "../../src/demo/content";

/** Similar ideas while writing (no JavaScript, and the JSON route of the live list). */
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
    expect((await agent.get("/idees/proches?titre[]=a&texte=%00%22'&idee=pas-un-id")).status).toBe(200);

    const anon = new Client(server.url);
    const refused = await anon.get(`/idees/proches?${qs}`);
    expect(refused.status).toBe(401);
    expect(JSON.stringify(await refused.json())).toContain("Connectez-vous");
  });
});
