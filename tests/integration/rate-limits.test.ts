/**
 * Rate limits through the real server, with the default limits of src/kernel/config.ts: a burst of
 * idea submissions, searches, similar-ideas lookups and sign-ins by one agent (or one address)
 * gets its excess refused with 429, Retry-After and a French page (JSON for the JSON endpoint).
 * On PostgreSQL, two web processes (WEB_CONCURRENCY=2) share the counters. The figures are printed
 * so that they can be quoted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";
import { Client } from "../support/http";
import { agents } from "../../src/demo/content";
import { defaultRateLimits } from "../../src/kernel/config";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({}, { startupMs: 240_000 });
}, 300_000);
afterAll(async () => {
  await server?.stop();
});

type Tally = { accepted: number; refused: number; statuses: number[]; retryAfter: number[]; pages: string[] };
async function burst(n: number, send: (i: number) => Promise<Response>, accepted: (r: Response) => boolean): Promise<Tally> {
  // Each answer is read as it arrives: a body left unread while the others come back would be cut
  // by the server's keep-alive timeout (5 s) on a loaded machine.
  const responses = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const r = await send(i);
      const page = r.status === 429 ? await r.text() : (await r.body?.cancel(), "");
      return { r, page };
    }),
  );
  const tally: Tally = { accepted: 0, refused: 0, statuses: [], retryAfter: [], pages: [] };
  for (const { r, page } of responses) {
    tally.statuses.push(r.status);
    if (r.status === 429) {
      tally.refused++;
      tally.retryAfter.push(Number(r.headers.get("retry-after")));
      tally.pages.push(page);
    } else {
      expect(accepted(r), `unexpected ${r.status}`).toBe(true);
      tally.accepted++;
    }
  }
  return tally;
}

function report(what: string, t: Tally, limit: string) {
  console.log(`[rate limits] ${what}: ${t.accepted} accepted, ${t.refused} refused (429, Retry-After ${Math.min(...t.retryAfter)}–${Math.max(...t.retryAfter)} s) — limit ${limit}`);
}

function expectRefusals(t: Tally) {
  for (const s of t.retryAfter) {
    expect(s).toBeGreaterThanOrEqual(1);
    expect(s).toBeLessThanOrEqual(60);
  }
  for (const html of t.pages.slice(0, 3)) {
    expect(html).toContain('lang="fr"');
    expect(html).toMatch(/<title>Trop de demandes – Germoir<\/title>/);
    expect(html).toContain("<h1>Trop de demandes</h1>");
    expect(html).toMatch(/Trop de demandes en peu de temps\u00a0: réessayez dans \d+\u00a0secondes?\./);
  }
}

describe("rate limits with the default configuration", () => {
  it("accepts 10 of 30 idea submissions sent by one agent at once, refuses the rest with 429 and Retry-After", async () => {
    const agent = new Client(server.url);
    await agent.signInAs(agents[30].email);
    const campaigns = await (await agent.get("/campagnes")).text();
    const campaignId = /href="\/campagnes\/([0-9a-f-]{36})"[^>]*>Simplifions notre quotidien/.exec(campaigns)![1];
    const token = await agent.csrf(`/campagnes/${campaignId}/deposer`);
    const t = await burst(
      30,
      (i) =>
        agent.post(
          `/campagnes/${campaignId}/deposer`,
          {
            title: `Rafale ${i} : une navette entre les sites`,
            problem: "Les agents perdent du temps à aller d’un site à l’autre pour les réunions.",
            proposal: "Une navette partagée aux heures des réunions, réservable la veille.",
            beneficiaries: "Les agents des sites éloignés",
            coauthors: "",
            intent: "submit",
          },
          { csrf: token },
        ),
      (r) => r.status === 302,
    );
    report("30 idea submissions by one agent in a burst", t, `${defaultRateLimits.submit.account} per account per minute`);
    expect(t.accepted).toBe(defaultRateLimits.submit.account);
    expect(t.refused).toBe(30 - defaultRateLimits.submit.account);
    expectRefusals(t);
    // Refused means not written: « Mes idées » lists the accepted ones only.
    const mine = await (await agent.get("/mes-idees")).text();
    expect(mine.match(/Rafale \d+ : une navette/g)?.length ?? 0).toBe(defaultRateLimits.submit.account);
  });

  it("does not count a submission refused for its content (the agent may correct it and send again)", async () => {
    const agent = new Client(server.url);
    await agent.signInAs(agents[31].email);
    const campaigns = await (await agent.get("/campagnes")).text();
    const campaignId = /href="\/campagnes\/([0-9a-f-]{36})"[^>]*>Simplifions notre quotidien/.exec(campaigns)![1];
    const token = await agent.csrf(`/campagnes/${campaignId}/deposer`);
    for (let i = 0; i < defaultRateLimits.submit.account + 5; i++) {
      const r = await agent.post(`/campagnes/${campaignId}/deposer`, { title: "", intent: "submit" }, { csrf: token });
      expect(r.status).toBe(400);
    }
  });

  it("accepts 60 of 80 searches by one agent, then answers 429", async () => {
    const agent = new Client(server.url);
    await agent.signInAs(agents[32].email);
    const t = await burst(80, (i) => agent.get(`/idees?q=cantine+${i}`), (r) => r.status === 200);
    report("80 searches by one agent in a burst", t, `${defaultRateLimits.search.account} per account per minute`);
    expect(t.accepted).toBe(defaultRateLimits.search.account);
    expect(t.refused).toBe(80 - defaultRateLimits.search.account);
    expectRefusals(t);
    // Browsing without a search is not a search: still served.
    expect((await agent.get("/idees")).status).toBe(200);
  });

  it("answers the similar-ideas lookup (JSON) with a JSON 429 past its limit", async () => {
    const agent = new Client(server.url);
    await agent.signInAs(agents[33].email);
    const n = defaultRateLimits.similar.account + 10;
    const responses: Response[] = [];
    for (let i = 0; i < n; i += 10) {
      responses.push(...(await Promise.all(Array.from({ length: 10 }, (_, j) => agent.get(`/idees/proches?titre=${encodeURIComponent(`cantine ${i + j}`)}`)))));
    }
    const refused = responses.filter((r) => r.status === 429);
    console.log(`[rate limits] ${n} similar-ideas lookups by one agent: ${n - refused.length} accepted, ${refused.length} refused — limit ${defaultRateLimits.similar.account} per account per minute`);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(defaultRateLimits.similar.account);
    expect(refused).toHaveLength(10);
    expect(refused[0].headers.get("content-type")).toMatch(/application\/json/);
    expect(Number(refused[0].headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused[0].json()).error).toMatch(/^Trop de demandes en peu de temps\u00a0: réessayez dans \d+\u00a0secondes?\.$/);
  });

  it("refuses sign-ins past the per-address limit: demo sign-in, and the OpenID Connect start", async () => {
    // The server trusts the loopback proxy: X-Forwarded-For gives each burst an address of its own.
    const from = { "x-forwarded-for": "198.51.100.20" };
    const t = await burst(
      80,
      async (i) => {
        const c = new Client(server.url);
        const token = await c.csrf("/connexion/demo");
        return c.post("/connexion/demo", { email: agents[40 + i].email }, { csrf: token, headers: from });
      },
      (r) => r.status === 302,
    );
    report("80 demo sign-ins from one address in a burst", t, `${defaultRateLimits.signIn.ip} per address per minute`);
    expect(t.accepted).toBe(defaultRateLimits.signIn.ip);
    expect(t.refused).toBe(80 - defaultRateLimits.signIn.ip);
    expectRefusals(t);

    const oidc = await burst(70, () => new Client(server.url).request("/connexion/oidc", { headers: { "x-forwarded-for": "198.51.100.21" } }), (r) => r.status === 302);
    report("70 OpenID Connect starts from one address", oidc, `${defaultRateLimits.signIn.ip} per address per minute`);
    expect(oidc.accepted).toBe(defaultRateLimits.signIn.ip);
    expect(oidc.refused).toBe(10);
    expectRefusals(oidc);
  });

  it("limits each targeted account at sign-in, whatever the address", async () => {
    const n = defaultRateLimits.signIn.account + 5;
    const t = await burst(
      n,
      async (i) => {
        const c = new Client(server.url);
        const token = await c.csrf("/connexion/demo");
        return c.post("/connexion/demo", { email: agents[150].email }, { csrf: token, headers: { "x-forwarded-for": `203.0.113.${i + 1}` } });
      },
      (r) => r.status === 302,
    );
    report(`${n} sign-ins into one account from ${n} addresses`, t, `${defaultRateLimits.signIn.account} per account per minute`);
    expect(t.accepted).toBe(defaultRateLimits.signIn.account);
    expect(t.refused).toBe(5);
  });
});

describe.runIf(process.env.DATABASE_URL)("rate limits shared by the web processes (PostgreSQL, WEB_CONCURRENCY=2)", () => {
  let cluster: TestServer;
  beforeAll(async () => {
    cluster = await startServer({ WEB_CONCURRENCY: "2", LOG_LEVEL: "info", RATE_LIMIT_SEARCH: "20,1000/60" }, { startupMs: 240_000 });
  }, 300_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it("counts one agent's searches once, whichever process serves them", async () => {
    const agent = new Client(cluster.url);
    await agent.signInAs(agents[35].email);
    const t = await burst(40, (i) => agent.get(`/idees?q=lycee+${i}`), (r) => r.status === 200);
    report("40 searches by one agent over 2 web processes", t, "20 per account per minute");
    expect(t.accepted).toBe(20);
    expect(t.refused).toBe(20);
    // Both processes served some of them (the OS spreads connections over the workers).
    const workers = new Set(
      cluster.logs
        .join("")
        .split("\n")
        .filter((l) => l.includes('"path":"/idees"'))
        .map((l) => /"worker":(\d+)/.exec(l)?.[1])
        .filter(Boolean),
    );
    expect(workers.size).toBe(2);
  });
});
