import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeMember, makeUser, viewerOf } from "../../tests/support/fixtures";
import { getLabBySlug } from "../labs/labs";
import { db } from "../kernel/runtime";
import { Refusal } from "../kernel/permissions";
import { createProjectFor, publicProjectsPage } from "../projects";
import { projectSchema } from "../projects/schemas";
import * as minilabs from "../minilabs/minilabs";
import * as arb from "../arbitration/arbitration";
import { hideIdea } from "../ideas/ideas";
import { publicIdeasPage } from "../ideas";
import type { OpendataTables } from "./db/schema";
import { allItems, datasets, datasetByResource, type Dataset } from "./datasets";
import { tableSchema } from "./formats";
import { apiList, openApiDocument, pageSchemaOf } from "./api";
import { catalogue } from "./catalogue";
import { createToken, datasetFile, readerOf, revokeTokenFor, tokensPage } from "./service";
import { publicScope, type ReadScope } from "./permissions";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
const DAY = 86_400_000;
const s: Record<string, string> = {};
let team: Awaited<ReturnType<typeof viewerOf>>;
let otherTeam: Awaited<ReturnType<typeof viewerOf>>;
let agent: Awaited<ReturnType<typeof viewerOf>>;

/** Keys no open data answer may ever hold: people, moderation, internal notes, secrets. */
const INTERNAL = ["author_id", "organization_id", "unit_id", "hidden_at", "hidden_reason", "hidden_by", "merged_into_id", "created_by", "lead_id", "request_id", "decision_id", "status_reason", "decided_by", "follow_up_owner_id", "submitted_by", "moved_by", "published_by", "validated_by", "representative_ids", "secret_hash", "email", "given_name", "family_name", "user_id"];

async function privateMinilabWithDecision(labId: string, byUserId: string, name: string) {
  const m = await minilabs.createMinilab({ labId, themeId: null, themeLabel: null, name, question: "Une question privée ?", joinPolicy: "request", visibility: "private", sessionsFrom: new Date(Date.now() - 90 * DAY), sessionsUntil: new Date(Date.now() - 60 * DAY), restitutionOn: new Date(Date.now() - 50 * DAY), arbitrationOn: new Date(Date.now() - 40 * DAY), directorates: ["Direction des lycées"], createdBy: byUserId }, [], []);
  const p = await arb.createProposal(m.id, byUserId, { title: `Proposition de ${name}`, problem: "Un problème.", solution: "Une solution.", impact: "Un impact.", resources: "Rien", costEur: 1000, directorate: "Direction des lycées" });
  await arb.markSubmitted(p.id, byUserId);
  const d = await arb.insertDecision({ proposalId: p.id, outcome: "rejected", reason: "Pas cette année.", followUpOwnerId: null, followUpDue: null, correctsId: null, decidedBy: byUserId });
  return { minilab: m, decision: d };
}

beforeAll(async () => {
  env = await bootTestRuntime({}, { demo: true });
  const region = (await getLabBySlug("region-grand-est"))!;
  const labest = (await getLabBySlug("labest"))!;
  s.region = region.id;
  s.labest = labest.id;
  team = await viewerOf(await makeMember(region.id, "lab_team"));
  otherTeam = await viewerOf(await makeMember(labest.id, "lab_team"));
  agent = await viewerOf(await makeUser());
  const input = projectSchema.parse({ title: "Projet confidentiel de la Région", problem: "Un problème qu’on ne publie pas encore.", users: "Agents", confidential: "on" });
  s.confidential = (await createProjectFor(team, "region-grand-est", input)).id;
  s.labestConfidential = (await createProjectFor(otherTeam, "labest", { ...input, title: "Projet confidentiel de Lab’EST" })).id;
  const mine = await privateMinilabWithDecision(region.id, team.userId, "Mini-Lab privé de la Région");
  const theirs = await privateMinilabWithDecision(labest.id, otherTeam.userId, "Mini-Lab privé de Lab’EST");
  s.privateMinilab = mine.minilab.id;
  s.privateDecision = mine.decision.id;
  s.labestPrivateMinilab = theirs.minilab.id;
  s.labestPrivateDecision = theirs.decision.id;
  // an idea the moderation hides leaves the open data
  const first = await publicIdeasPage({}, null, 1);
  s.hiddenIdea = first.rows[0].id;
  await hideIdea(s.hiddenIdea, "Propos injurieux", team.userId);
});
afterAll(async () => {
  await env?.dispose();
});

async function everything(dataset: Dataset, scope: ReadScope = publicScope) {
  const rows: Record<string, unknown>[] = [];
  for await (const r of allItems(dataset, 7, scope)) rows.push(r);
  return rows;
}
const ids = (rows: Record<string, unknown>[]) => new Set(rows.map((r) => r.id as string));

describe("every dataset shows its documented fields and nothing else", () => {
  it.each(datasets.map((d) => [d.slug, d] as const))("%s: every key of every row is documented, no internal one, every row valid", async (_, dataset) => {
    const rows = await everything(dataset);
    expect(rows.length, dataset.slug).toBeGreaterThan(0);
    const documented = Object.keys(dataset.item.shape).sort();
    const seen = new Set<string>();
    for (const r of rows) {
      expect(Object.keys(r).sort()).toEqual(documented);
      Object.keys(r).forEach((k) => seen.add(k));
      const parsed = dataset.item.safeParse(r);
      expect(parsed.success, JSON.stringify(parsed.error?.issues?.slice(0, 2))).toBe(true);
    }
    for (const k of INTERNAL) expect(seen.has(k), `${dataset.slug}.${k}`).toBe(false);
    // pages of 7 cover the set once: no row twice
    if (dataset.slug !== "etapes-projets") expect(ids(rows).size).toBe(rows.length);
  });

  it("keeps drafts, hidden and merged ideas out", async () => {
    const rows = await everything(datasetByResource("ideas")!);
    expect(ids(rows).has(s.hiddenIdea)).toBe(false);
    expect(new Set(rows.map((r) => r.status))).not.toContain("draft");
    expect(new Set(rows.map((r) => r.status))).not.toContain("merged");
    // ideas carry their published theme
    expect(rows.some((r) => r.theme_id && r.theme_label)).toBe(true);
  });
});

describe("public and internal: a token reads its own lab's internal rows, never another lab's", () => {
  it("hides confidential projects, private Mini-Labs and their decisions from the public", async () => {
    const projects = ids(await everything(datasetByResource("projects")!));
    expect(projects.has(s.confidential)).toBe(false);
    expect(projects.has(s.labestConfidential)).toBe(false);
    const stages = await everything(datasetByResource("project-stages")!);
    expect(stages.some((r) => r.project_id === s.confidential || r.project_id === s.labestConfidential)).toBe(false);
    const labs = ids(await everything(datasetByResource("minilabs")!));
    expect(labs.has(s.privateMinilab) || labs.has(s.labestPrivateMinilab)).toBe(false);
    const decisions = ids(await everything(datasetByResource("decisions")!));
    expect(decisions.has(s.privateDecision) || decisions.has(s.labestPrivateDecision)).toBe(false);
  });

  it("shows the Région's token the Région's internal rows and nothing of Lab’EST's", async () => {
    const scope = { insideLab: s.region };
    const projects = await everything(datasetByResource("projects")!, scope);
    expect(ids(projects).has(s.confidential)).toBe(true);
    expect(projects.find((p) => p.id === s.confidential)!.confidential).toBe(true);
    expect(ids(projects).has(s.labestConfidential)).toBe(false);
    const stages = await everything(datasetByResource("project-stages")!, scope);
    expect(stages.some((r) => r.project_id === s.confidential)).toBe(true);
    expect(stages.some((r) => r.project_id === s.labestConfidential)).toBe(false);
    const labs = ids(await everything(datasetByResource("minilabs")!, scope));
    expect(labs.has(s.privateMinilab)).toBe(true);
    expect(labs.has(s.labestPrivateMinilab)).toBe(false);
    const decisions = ids(await everything(datasetByResource("decisions")!, scope));
    expect(decisions.has(s.privateDecision)).toBe(true);
    expect(decisions.has(s.labestPrivateDecision)).toBe(false);
    // the module's own face agrees
    const direct = await publicProjectsPage({ labId: s.labest }, s.region, null, 500);
    expect(direct.rows.some((p) => p.confidential)).toBe(false);
  });
});

describe("personal access tokens", () => {
  it("creates a token whose secret is shown once and kept only as its SHA-256", async () => {
    const { id, secret } = await createToken(team, "region-grand-est", { name: "Tableau de bord" });
    expect(secret).toMatch(/^gmr_[A-Za-z0-9_-]{43}$/);
    const row = await db().withTables<OpendataTables>().selectFrom("api_tokens").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.secret_hash).toBe(crypto.createHash("sha256").update(secret).digest("hex"));
    expect(Object.values(row).some((v) => typeof v === "string" && v.includes(secret.slice(8)))).toBe(false);
    expect(row.prefix).toBe(secret.slice(0, 8));
    const page = await tokensPage(team, "region-grand-est");
    const listed = page.tokens.find((t) => t.id === id)!;
    expect(JSON.stringify(page)).not.toContain(secret.slice(8));
    expect(Object.keys(listed).sort()).toEqual(["createdAt", "id", "lastUsedAt", "mine", "name", "prefix", "revokedAt"]);
  });

  it("reads a live token as its lab, refuses a wrong, malformed or revoked one", async () => {
    const { id, secret } = await createToken(team, "region-grand-est", { name: "Éphémère" });
    expect(await readerOf(`Bearer ${secret}`)).toEqual({ insideLab: s.region });
    expect(await readerOf(null)).toEqual(publicScope);
    expect(await readerOf(`Bearer gmr_${"A".repeat(43)}`)).toBe("refused");
    expect(await readerOf(`Basic ${secret}`)).toBe("refused");
    expect(await readerOf(`Bearer ${secret}x`)).toBe("refused");
    await revokeTokenFor(team, "region-grand-est", id);
    expect(await readerOf(`Bearer ${secret}`)).toBe("refused");
    await expect(revokeTokenFor(team, "region-grand-est", id)).rejects.toMatchObject({ status: 409 });
  });

  it("lets only the lab's own team see, create and revoke its tokens", async () => {
    const { id } = await createToken(team, "region-grand-est", { name: "Pour l’observatoire" });
    for (const who of [otherTeam, agent]) {
      await expect(tokensPage(who, "region-grand-est")).rejects.toBeInstanceOf(Refusal);
      await expect(createToken(who, "region-grand-est", { name: "Intrus" })).rejects.toMatchObject({ status: 403 });
      await expect(revokeTokenFor(who, "region-grand-est", id)).rejects.toMatchObject({ status: 403 });
    }
    // Lab’EST's team cannot revoke the Région's token through its own lab either
    await expect(revokeTokenFor(otherTeam, "labest", id)).rejects.toMatchObject({ status: 404 });
    await expect(tokensPage(team, "lab-inconnu")).rejects.toMatchObject({ status: 404 });
    expect((await tokensPage(otherTeam, "labest")).tokens.some((t) => t.id === id)).toBe(false);
  });
});

const get = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });

describe("the API's lists", () => {
  it("pages by cursor to the end, each page valid against its documented schema", async () => {
    const schema = pageSchemaOf("ideas")!;
    const seen = new Set<string>();
    let path: string | null = "/api/v1/ideas?limit=50&lab=region-grand-est";
    let pages = 0;
    while (path) {
      const r = await apiList("ideas", get(path), publicScope);
      expect(r.status).toBe(200);
      const body = schema.parse(await r.json());
      for (const item of body.data) {
        expect(seen.has(String(item.id))).toBe(false);
        seen.add(String(item.id));
        expect(item.lab_id).toBe(s.region);
      }
      path = body.next_cursor ? `/api/v1/ideas?limit=50&lab=region-grand-est&cursor=${body.next_cursor}` : null;
      pages++;
    }
    expect(pages).toBeGreaterThan(1);
    const all = (await everything(datasetByResource("ideas")!)).filter((r) => r.lab_id === s.region);
    expect(seen.size).toBe(all.length);
  });

  it("answers 304 to the ETag it gave, 200 when it changed", async () => {
    const first = await apiList("projects", get("/api/v1/projects?limit=5"), publicScope);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await apiList("projects", get("/api/v1/projects?limit=5", { "if-none-match": etag }), publicScope);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const other = await apiList("projects", get("/api/v1/projects?limit=6", { "if-none-match": etag }), publicScope);
    expect(other.status).toBe(200);
  });

  it("answers a malformed query with a French 400 in JSON, never an exception", async () => {
    const bad = ["limit=0", "limit=abc", "limit=201", "status=draft", "since=hier", "campaign=pas-un-id", "cursor=%21%21", `cursor=${Buffer.from("pas-un-id").toString("base64url")}`, "lab=inconnu", "lab=%27%3B--", "limit=1&limit=2", `cursor=${"A".repeat(500)}`];
    for (const q of bad) {
      const r = await apiList("ideas", get(`/api/v1/ideas?${q}`), publicScope);
      expect(r.status, q).toBe(400);
      const body = (await r.json()) as { error: { code: string; message: string; details?: { parameter: string; message: string }[] } };
      expect(body.error.code, q).toMatch(/^(requete|curseur)_invalide$/);
      expect(body.error.message, q).toMatch(/n’est pas valide|est invalide/);
      // « <parameter> : <what is expected> », in French
      expect(body.error.details?.[0]?.message, q).toMatch(/^[a-z]+\u00a0: \S/);
    }
    const stageCursor = Buffer.from("pas|un|curseur").toString("base64url");
    expect((await apiList("project-stages", get(`/api/v1/project-stages?cursor=${stageCursor}`), publicScope)).status).toBe(400);
    expect((await apiList("nothing", get("/api/v1/nothing"), publicScope)).status).toBe(404);
  });
});

describe("files, schemas, catalogue and OpenAPI", () => {
  it("streams each dataset as CSV and JSON with every row", async () => {
    const dataset = datasetByResource("projects")!;
    const count = (await everything(dataset)).length;
    const json = (await (await datasetFile("projets.json")).json()) as unknown[];
    expect(json.length).toBe(count);
    const csv = await (await datasetFile("projets.csv")).text();
    expect(csv.split("\r\n")[0]).toBe(Object.keys(dataset.item.shape).join(","));
    expect(() => datasetFile("projets.xlsx")).toThrow(Refusal);
    expect(() => datasetFile("../secrets.csv")).toThrow(Refusal);
  });

  it("derives each Table Schema from the item: the same fields, each with a French title and description, and the Licence Ouverte", () => {
    for (const d of datasets) {
      const ts = tableSchema(d, "https://germoir.example");
      expect(ts.fields.map((f) => f.name)).toEqual(Object.keys(d.item.shape));
      for (const f of ts.fields) {
        expect(f.title.length, `${d.slug}.${f.name}`).toBeGreaterThan(2);
        expect(f.description.length, `${d.slug}.${f.name}`).toBeGreaterThan(5);
        expect(["string", "integer", "number", "boolean", "datetime", "array"]).toContain(f.type);
      }
      expect(ts.licenses[0].name).toBe("etalab-2.0");
    }
    const ideas = tableSchema(datasetByResource("ideas")!, "x").fields;
    expect(ideas.find((f) => f.name === "submitted_at")).toMatchObject({ type: "datetime" });
    expect(ideas.find((f) => f.name === "support_count")).toMatchObject({ type: "integer", constraints: { required: true } });
    expect(ideas.find((f) => f.name === "status")?.constraints?.enum).toEqual(["submitted", "under_review", "awarded", "not_awarded"]);
  });

  it("lists every dataset in the DCAT-AP catalogue with its CSV and JSON distributions and its schema", async () => {
    const cat = (await catalogue()) as { "@graph": Record<string, unknown>[] };
    const byType = (t: string) => cat["@graph"].filter((n) => n["@type"] === t);
    expect(byType("dcat:Catalog")).toHaveLength(1);
    expect(byType("dcat:Dataset").map((d) => d["dct:identifier"])).toEqual(datasets.map((d) => d.slug));
    expect(byType("dcat:Distribution")).toHaveLength(datasets.length * 2);
    for (const d of byType("dcat:Dataset")) expect((d["dct:conformsTo"] as { "@id": string })["@id"]).toMatch(/\/donnees\/[a-z-]+\/schema\.json$/);
  });

  it("describes every resource in OpenAPI 3.1, generated from the same schemas", () => {
    const doc = openApiDocument() as { openapi: string; paths: Record<string, { get: { parameters?: { name: string }[] } }> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(datasets.map((d) => `/${d.resource}`).sort());
    const params = doc.paths["/ideas"].get.parameters!.map((p) => p.name).sort();
    expect(params).toEqual(Object.keys((datasetByResource("ideas")!.query as z.ZodObject).shape).sort());
  });
});
