/**
 * With WEB_CONCURRENCY=2 on PostgreSQL the server runs a primary process (migrations, scheduler,
 * job handlers) and two web workers that only enqueue: an analysis requested through a web worker
 * is run by the primary, and every worker reads its progress from the database. On PGlite the
 * setting is ignored (one process) and the same journey must hold.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";
import { Client } from "../support/http";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ WEB_CONCURRENCY: "2", LOG_LEVEL: "info" });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

it("runs an analysis requested through any worker and shows its result on every worker", async () => {
  const lab = new Client(server.url);
  await lab.signInAs("helene.strauss@grandest.fr");
  const form = await (await lab.get("/lab/region-grand-est/problematiques")).text();
  const campaignId = /name="campaignIds"[^>]*value="([0-9a-f-]{36})"/.exec(form)![1];
  const r = await lab.post("/lab/region-grand-est/problematiques", { campaignIds: campaignId, scope: "all", k: "4", title: "Analyse en grappe" }, { csrf: await lab.csrf("/lab/region-grand-est/problematiques") });
  expect(r.status).toBe(302);
  const path = r.headers.get("location")!;
  const end = Date.now() + 60_000;
  let html = "";
  for (;;) {
    html = await (await lab.get(path)).text();
    if (!html.includes('id="run-status"')) break;
    if (Date.now() > end) throw new Error("the analysis did not finish");
    await new Promise((res) => setTimeout(res, 300));
  }
  expect(html).toContain("Analyse en grappe");
  expect(html).toContain("4\u00a0thèmes");
  // several reads (spread over the workers by the OS) agree
  for (let i = 0; i < 4; i++) expect(await (await lab.get(path)).text()).toContain("4\u00a0thèmes");
  const logs = server.logs.join("");
  expect(logs).not.toContain('"level":"error"');
  // on PostgreSQL it really ran as a primary and workers
  if (process.env.DATABASE_URL) {
    expect(logs).toContain('"role":"primary"');
    expect(logs).toMatch(/"worker":\d/);
  }
  // the analysis job ran once, in the process that runs jobs (the demo's mails are jobs of their own queue)
  const done = logs.split("\n").filter((l) => l.includes('"msg":"job done"'));
  expect(done.filter((l) => l.includes('"queue":"themes-analyse"'))).toHaveLength(1);
  if (process.env.DATABASE_URL) expect(done.every((l) => l.includes('"role":"primary"'))).toBe(true);
});
