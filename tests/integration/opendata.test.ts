/**
 * The open data and the public API through the real server: every route documented in
 * openapi.json answers with a body its own (zod) schema validates, ETag revalidation gives 304,
 * CORS for GET, a lab's token reads through the API and is refused once revoked, the CSV and JSON
 * files stream (chunked), and a burst from one address gets 429 with Retry-After.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";
import { Client } from "../support/http";
import { labTeam } from "../../src/demo/content";
import { pageSchemaOf } from "../../src/opendata/api";
import { apiError } from "../../src/opendata/schemas";
import { datasets } from "../../src/opendata/datasets";

let server: TestServer;
const API_IP_LIMIT = 60;
beforeAll(async () => {
  server = await startServer({ RATE_LIMIT_API: `600,${API_IP_LIMIT}/60` }, { startupMs: 240_000 });
}, 300_000);
afterAll(async () => {
  await server?.stop();
});

const email = (key: string) => labTeam.find((p) => p.key === key)!.email;
const get = (path: string, headers: Record<string, string> = {}) => fetch(server.url + path, { headers });

describe("the API answers what openapi.json documents", () => {
  it("serves an OpenAPI 3.1 document, and every documented route answers 200 with a body its schema validates", async () => {
    const r = await get("/api/v1/openapi.json");
    expect(r.status).toBe(200);
    const doc = (await r.json()) as { openapi: string; servers: { url: string }[]; paths: Record<string, { get: { responses: Record<string, unknown> } }> };
    expect(doc.openapi).toBe("3.1.0");
    const paths = Object.keys(doc.paths);
    expect(paths.sort()).toEqual(datasets.map((d) => `/${d.resource}`).sort());
    for (const path of paths) {
      expect(Object.keys(doc.paths[path].get.responses)).toEqual(expect.arrayContaining(["200", "304", "400", "401", "429"]));
      const res = await get(`/api/v1${path}?limit=3`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("access-control-allow-origin"), path).toBe("*");
      expect(res.headers.get("content-type"), path).toMatch(/^application\/json/);
      expect(res.headers.get("set-cookie"), path).toBeNull();
      const body = (await res.json()) as { data: Record<string, unknown>[] };
      const parsed = pageSchemaOf(path.slice(1))!.safeParse(body);
      expect(parsed.success, `${path}: ${JSON.stringify(parsed.error?.issues?.slice(0, 2))}`).toBe(true);
      expect(parsed.data!.data.length, path).toBeGreaterThan(0);
      // a zod object drops unknown keys when it parses: the answer itself must hold exactly the documented ones
      expect(Object.keys(body).sort(), path).toEqual(["data", "links", "next_cursor"]);
      const documented = Object.keys(datasets.find((d) => `/${d.resource}` === path)!.item.shape).sort();
      for (const item of body.data) expect(Object.keys(item).sort(), path).toEqual(documented);
    }
  });

  it("answers a malformed query on every route with a 400 its error schema validates, in French", async () => {
    for (const d of datasets) {
      const res = await get(`/api/v1/${d.resource}?limit=-1&cursor=%00%27`);
      expect(res.status, d.resource).toBe(400);
      const body = apiError.parse(await res.json());
      expect(body.error.message, d.resource).toMatch(/[’éè]|invalide/);
    }
    const unknown = await get("/api/v1/inconnu");
    expect(unknown.status).toBe(404);
    apiError.parse(await unknown.json());
  });

  it("revalidates with ETag: 304 without a body for the same answer; CORS preflight allows GET with a token", async () => {
    const first = await get("/api/v1/projects?limit=5");
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    await first.body?.cancel();
    const again = await get("/api/v1/projects?limit=5", { "if-none-match": etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const preflight = await fetch(`${server.url}/api/v1/projects`, { method: "OPTIONS", headers: { origin: "https://data.example", "access-control-request-method": "GET", "access-control-request-headers": "authorization" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/Authorization/);
  });
});

describe("a lab team's access token", () => {
  it("is created on the lab's page, shown once, reads the API, and is refused once revoked; another lab's team may not touch it", async () => {
    const team = new Client(server.url);
    await team.signInAs(email("dimap-1"));
    const page = await team.get("/lab/region-grand-est/jetons");
    expect(page.status).toBe(200);
    const created = await team.post("/lab/region-grand-est/jetons", { intent: "create", name: "Tableau de bord" }, { csrf: await team.csrf("/lab/region-grand-est/jetons") });
    expect(created.status).toBe(200);
    const html = await created.text();
    const secret = /data-token-secret="[^"]*"[^>]*>(gmr_[A-Za-z0-9_-]{43})</.exec(html)?.[1];
    expect(secret).toBeTruthy();
    // never shown again
    expect(await (await team.get("/lab/region-grand-est/jetons")).text()).not.toContain(secret!.slice(8));

    const read = await get("/api/v1/projects?lab=region-grand-est&limit=200", { authorization: `Bearer ${secret}` });
    expect(read.status).toBe(200);
    expect(read.headers.get("cache-control")).toMatch(/private/);
    pageSchemaOf("projects")!.parse(await read.json());
    const wrong = await get("/api/v1/projects", { authorization: "Bearer gmr_pas-un-jeton" });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(apiError.parse(await wrong.json()).error.message).toMatch(/révoqué/);

    const other = new Client(server.url);
    await other.signInAs(email("labest-1"));
    expect((await other.get("/lab/region-grand-est/jetons")).status).toBe(403);
    const listed = await (await team.get("/lab/region-grand-est/jetons")).text();
    const tokenId = /name="tokenId" value="([0-9a-f-]{36})"/.exec(listed)![1];
    expect((await other.post("/lab/region-grand-est/jetons", { intent: "revoke", tokenId })).status).toBe(403);
    expect((await team.post("/lab/region-grand-est/jetons", { intent: "revoke", tokenId })).status).toBe(200);
    const revoked = await get("/api/v1/projects", { authorization: `Bearer ${secret}` });
    expect(revoked.status).toBe(401);
  });
});

describe("the datasets", () => {
  it("lists every dataset on /donnees with its size, date and schema, and harvestable DCAT", async () => {
    const html = await (await get("/donnees")).text();
    for (const d of datasets) {
      expect(html).toContain(`/donnees/${d.slug}.csv`);
      expect(html).toContain(`/donnees/${d.slug}/schema.json`);
      const schema = await get(`/donnees/${d.slug}/schema.json`);
      expect(schema.status).toBe(200);
      const ts = (await schema.json()) as { fields: { name: string }[] };
      expect(ts.fields.map((f) => f.name)).toEqual(Object.keys(d.item.shape));
    }
    expect(html).toMatch(/\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}/);
    const cat = await get("/donnees/catalogue.jsonld");
    expect(cat.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    const graph = ((await cat.json()) as { "@graph": { "@type": string }[] })["@graph"];
    expect(graph.filter((n) => n["@type"] === "dcat:Dataset")).toHaveLength(datasets.length);
    expect((await get("/donnees/inconnu.csv")).status).toBe(404);
    expect((await get("/donnees/idees.xlsx")).status).toBe(404);
    expect((await get("/donnees/inconnu/schema.json")).status).toBe(404);
  });

  it("streams the ideas as CSV and JSON (chunked, no length known in advance), every row once", async () => {
    const csv = await get("/donnees/idees.csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("transfer-encoding")).toBe("chunked");
    expect(csv.headers.get("content-length")).toBeNull();
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toBe(Object.keys(datasets[0].item.shape).join(","));
    const json = await get("/donnees/idees.json");
    expect(json.headers.get("transfer-encoding")).toBe("chunked");
    const rows = (await json.json()) as { id: string }[];
    expect(rows.length).toBeGreaterThan(100);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const r of rows) expect(Object.keys(r)).toEqual(Object.keys(datasets[0].item.shape));
  });
});

describe("rate limit", () => {
  it("refuses a burst from one address with 429, Retry-After and a French JSON message (CORS kept)", async () => {
    const responses = await Promise.all(Array.from({ length: API_IP_LIMIT + 20 }, () => get("/api/v1/themes?limit=1")));
    const refused = responses.filter((r) => r.status === 429);
    const accepted = responses.filter((r) => r.status === 200);
    console.log(`[opendata] burst of ${responses.length} API requests: ${accepted.length} accepted, ${refused.length} refused (limit ${API_IP_LIMIT} per IP per minute, earlier requests of this file count)`);
    expect(refused.length).toBeGreaterThanOrEqual(20);
    expect(accepted.length + refused.length).toBe(responses.length);
    for (const r of refused.slice(0, 3)) {
      const wait = Number(r.headers.get("retry-after"));
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBeLessThanOrEqual(60);
      expect(r.headers.get("access-control-allow-origin")).toBe("*");
      expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/^Trop de demandes en peu de temps\u00a0: réessayez dans/);
    }
    await Promise.all(accepted.map((r) => r.body?.cancel()));
  });

  it("logged no server error", () => {
    const errors = server.logs.join("").split("\n").filter((l) => l.includes('"level":"error"') || /^\s+at /.test(l));
    expect(errors).toEqual([]);
  });
});
