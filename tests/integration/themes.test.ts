/**
 * Theme analysis through the real server and its job queue, on the Grand Est demo: the lab team
 * starts an analysis of the contest's non-awarded ideas, follows its progress, curates, publishes;
 * an agent is refused the lab's pages until publication, then sees the themes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";
import { Client } from "../support/http";
import { agents } from "../../src/demo/content/index";

const LAB = "helene.strauss@grandest.fr";

let server: TestServer;
let lab: Client;
let agent: Client;
beforeAll(async () => {
  server = await startServer();
  lab = new Client(server.url);
  await lab.signInAs(LAB);
  agent = new Client(server.url);
  await agent.signInAs(agents[5].email);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const text = async (c: Client, path: string) => {
  const r = await c.get(path);
  expect(r.status, path).toBe(200);
  return r.text();
};

async function waitUntilDone(path: string, timeoutMs = 60_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  const stages: string[] = [];
  for (;;) {
    const html = await text(lab, path);
    const status = /id="run-status"[^>]*>([^<]+)</.exec(html)?.[1];
    if (!status) return html;
    stages.push(status);
    if (Date.now() > end) throw new Error(`still running: ${stages.join(" | ")}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("theme analysis through the server", () => {
  let analysisPath = "";

  it("refuses the lab pages to an agent", async () => {
    expect((await agent.get("/lab/region-grand-est/problematiques")).status).toBe(403);
    const r = await agent.post("/lab/region-grand-est/problematiques", { campaignIds: "00000000-0000-0000-0000-000000000000", scope: "all" }, { csrf: await agent.csrf("/idees") });
    expect(r.status).toBe(403);
  });

  it("validates the form with French messages and keeps the input", async () => {
    const r = await lab.post("/lab/region-grand-est/problematiques", { scope: "all", k: "99", title: "Mon analyse" }, { csrf: await lab.csrf("/lab/region-grand-est/problematiques") });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("Campagnes\u00a0: cochez au moins une campagne.");
    expect(html).toContain("Nombre de thèmes\u00a0: un nombre entre 2 et 30");
    expect(html).toContain('value="Mon analyse"');
  });

  it("starts an analysis of the contest's non-awarded ideas and shows its themes when the job is done", async () => {
    const form = await text(lab, "/lab/region-grand-est/problematiques");
    const contest = /<input[^>]*name="campaignIds"[^>]*value="([0-9a-f-]{36})"[^>]*>\s*<label[^>]*>[^<]*G1ID/.exec(form) ?? /value="([0-9a-f-]{36})"[^>]*>\s*<label[^>]*>[^<]*[Cc]oncours/.exec(form);
    const campaignId = contest?.[1] ?? /name="campaignIds"[^>]*value="([0-9a-f-]{36})"/.exec(form)![1];
    const r = await lab.post("/lab/region-grand-est/problematiques", { campaignIds: campaignId, scope: "not_awarded", k: "" }, { csrf: await lab.csrf("/lab/region-grand-est/problematiques") });
    expect(r.status).toBe(302);
    analysisPath = r.headers.get("location")!;
    expect(analysisPath).toMatch(/^\/lab\/analyses\/[0-9a-f-]{36}$/);
    const html = await waitUntilDone(analysisPath);
    expect(html).toContain("Thèmes proposés");
    expect(html).toMatch(/Pourquoi \d+\u00a0thèmes\u00a0\?/);
    expect(html).toContain("(retenu)");
    const labels = [...html.matchAll(/<h3 class="fr-card__title" id="theme-[^"]+"><a[^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(labels.length).toBeGreaterThanOrEqual(5);
    expect(html).toContain("analyse terminée");
  });

  it("renames a theme, publishes, and then an agent sees the themes on the map and on an idea", async () => {
    const html = await text(lab, analysisPath);
    const themePath = /href="(\/lab\/analyses\/[0-9a-f-]{36}\/themes\/[0-9a-f-]{36})"/.exec(html)![1];
    const themeId = themePath.split("/").pop()!;
    const token = await lab.csrf(themePath);
    const renamed = await lab.post(themePath, { intent: "rename", themeId, label: "Propreté des lycées" }, { csrf: token });
    expect(renamed.status).toBe(200);
    expect(await text(lab, themePath)).toContain("Propreté des lycées");
    const empty = await lab.post(themePath, { intent: "rename", themeId, label: "" }, { csrf: token });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Nouveau nom\u00a0: au moins 3 caractères.");

    const mapPath = analysisPath.replace("/lab/analyses/", "/problematiques/");
    expect((await agent.get(mapPath)).status).toBe(404);
    const pub = await lab.post(analysisPath, { intent: "publish" }, { csrf: await lab.csrf(analysisPath) });
    expect(pub.status).toBe(200);
    const map = await text(agent, mapPath);
    expect(map).toContain("Propreté des lycées");
    expect(map).toContain("<svg");
    const ideaId = /href="\/idees\/([0-9a-f-]{36})"/.exec(map)![1];
    const idea = await text(agent, `/idees/${ideaId}`);
    expect(idea).toMatch(/Cette idée rejoint la problématique/);
    // the lab pages stay closed to the agent
    expect((await agent.get(analysisPath)).status).toBe(403);
    expect((await agent.post(themePath, { intent: "rename", themeId, label: "Piratage" }, { csrf: await agent.csrf("/idees") })).status).toBe(403);
  });
});
