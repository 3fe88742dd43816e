/**
 * The public API, read-only JSON: one list per dataset with its filters and cursor pagination,
 * ETag and 304, CORS for GET, errors as JSON in French (a malformed query is a 400, never a 500),
 * and its OpenAPI 3.1 description generated from the same zod schemas (zod-openapi).
 */
import crypto from "node:crypto";
import { z } from "zod";
import { createDocument } from "zod-openapi";
import { runtime } from "../kernel/runtime";
import { frenchSpaces } from "../kernel/format";
import { getLab, getLabBySlug } from "../labs/labs";
import { isUuid } from "../kernel/ids";
import { CursorError, datasetByResource, datasets, publicItem, type Dataset } from "./datasets";
import { apiError, pageOf } from "./schemas";
import { LICENCE } from "./formats";
import type { ReadScope } from "./permissions";

export const API_BASE = "/api/v1";

export const corsHeaders = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Retry-After",
};

/** The preflight answer: GET (and HEAD) from any origin, with a token and a revalidation. */
export const preflightHeaders = {
  ...corsHeaders,
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, If-None-Match",
  "Access-Control-Max-Age": "600",
};

export function apiErrorResponse(status: number, code: string, message: string, details?: { parameter: string; message: string }[], headers: Record<string, string> = {}): Response {
  const body: z.infer<typeof apiError> = { error: { code, message: frenchSpaces(message), ...(details ? { details: details.map((d) => ({ ...d, message: frenchSpaces(d.message) })) } : {}) } };
  return Response.json(body, { status, headers: { ...corsHeaders, "Cache-Control": "no-store", ...headers } });
}

const encodeCursor = (raw: string) => Buffer.from(raw, "utf8").toString("base64url");
function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) throw new CursorError();
  return Buffer.from(cursor, "base64url").toString("utf8");
}

/** A JSON answer with its ETag: 304 without a body when the client holds the same one. */
export function jsonWithEtag(body: unknown, request: Request, scope: ReadScope): Response {
  const text = JSON.stringify(body);
  const etag = `"${crypto.createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
  const headers: Record<string, string> = {
    ...corsHeaders,
    ETag: etag,
    // revalidated at each use (cheap: 304); a token's answers are for its holder only
    "Cache-Control": scope.insideLab ? "private, no-cache" : "public, no-cache",
    Vary: "Authorization",
  };
  const held = request.headers.get("if-none-match");
  if (held && held.split(",").some((t) => t.trim().replace(/^W\//, "") === etag || t.trim() === "*")) return new Response(null, { status: 304, headers });
  return new Response(text, { status: 200, headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
}

/** Resolves the `lab` filter (an id or a short address) to a lab id; undefined when not given, null when unknown. */
async function labFilter(lab: string | undefined): Promise<string | undefined | null> {
  if (!lab) return undefined;
  const found = isUuid(lab) ? await getLab(lab) : /^[a-z0-9-]{1,100}$/.test(lab) ? await getLabBySlug(lab) : undefined;
  return found?.id ?? null;
}

/** GET /api/v1/<resource>: one page, filtered, for this scope. */
export async function apiList(resource: string, request: Request, scope: ReadScope): Promise<Response> {
  const dataset = datasetByResource(resource);
  if (!dataset) return apiErrorResponse(404, "ressource_inconnue", `Cette ressource n’existe pas. Ressources : ${datasets.map((d) => d.resource).join(", ")}.`);
  const url = new URL(request.url);
  const params: Record<string, string> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    if (all.length > 1) return apiErrorResponse(400, "requete_invalide", "La requête est invalide.", [{ parameter: key, message: `${key} : une seule valeur attendue.` }]);
    params[key] = all[0];
  }
  const parsed = dataset.query.safeParse(params);
  if (!parsed.success) {
    return apiErrorResponse(400, "requete_invalide", "La requête est invalide.", parsed.error.issues.map((i) => ({ parameter: i.path.map(String).join(".") || "(requête)", message: i.message.startsWith(`${String(i.path[0])} :`) ? i.message : `${String(i.path[0] ?? "requête")} : valeur invalide.` })));
  }
  const query = parsed.data as Record<string, unknown> & { cursor?: string; limit: number; lab?: string };
  const labId = await labFilter(query.lab);
  if (labId === null) return apiErrorResponse(400, "requete_invalide", "La requête est invalide.", [{ parameter: "lab", message: "lab : ce lab n’existe pas." }]);
  let page;
  try {
    page = await dataset.page({ ...query, labId } as never, scope, decodeCursor(query.cursor), query.limit);
  } catch (err) {
    if (err instanceof CursorError) return apiErrorResponse(400, "curseur_invalide", "Le curseur n’est pas valide : reprenez tel quel le next_cursor d’une page précédente.", [{ parameter: "cursor", message: "cursor : valeur invalide." }]);
    throw err;
  }
  const next = page.next === null ? null : encodeCursor(page.next);
  let nextLink: string | null = null;
  if (next) {
    const u = new URL(`${runtime().config.publicUrl}${API_BASE}/${dataset.resource}`);
    for (const [k, v] of Object.entries(params)) if (k !== "cursor") u.searchParams.set(k, v);
    u.searchParams.set("cursor", next);
    nextLink = u.toString();
  }
  const body = { data: page.rows.map((r) => publicItem(dataset.item, r as Record<string, unknown>)), next_cursor: next, links: { next: nextLink } };
  return jsonWithEtag(body, request, scope);
}

// ---------------------------------------------------------------- OpenAPI

/** The OpenAPI component name of each resource's item. */
const componentNames: Record<string, string> = { ideas: "Idee", themes: "Problematique", minilabs: "MiniLab", decisions: "Decision", projects: "Projet", "project-stages": "EtapeProjet", "roadmap-progress": "AvancementFeuilleDeRoute", "survey-results": "ResultatQuestionnaire" };
const componentOf = (d: Dataset) => componentNames[d.resource] ?? d.resource;

function operation(d: Dataset) {
  return {
    operationId: `list_${d.resource.replace(/-/g, "_")}`,
    summary: d.title,
    description: d.description,
    tags: ["Données"],
    security: [{}, { jeton: [] as string[] }] as Record<string, string[]>[],
    requestParams: { query: d.query },
    responses: {
      "200": { description: `Une page de ${d.title.toLowerCase()}.`, headers: z.object({ ETag: z.string() }), content: { "application/json": { schema: pageOf(d.item, componentOf(d)) } } },
      "304": { description: "Inchangé depuis l’ETag envoyé en If-None-Match." },
      "400": { description: "Requête invalide (paramètre, curseur).", content: { "application/json": { schema: apiError } } },
      "401": { description: "Jeton inconnu ou révoqué.", content: { "application/json": { schema: apiError } } },
      "429": { description: "Trop de demandes : réessayer après Retry-After secondes.", content: { "application/json": { schema: apiError } } },
    },
  };
}

let document: ReturnType<typeof createDocument> | undefined;
export function openApiDocument() {
  const base = runtime().config.publicUrl;
  document ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: `API des données ouvertes – ${runtime().config.instance.name}`,
      version: "1.0.0",
      description: "Lecture seule, JSON. Pagination par curseur (next_cursor), ETag et 304, CORS pour GET, limite de débit par adresse IP (429 et Retry-After). Un jeton d’accès personnel d’une équipe de lab (Authorization: Bearer …) donne aussi les données non publiques de ce lab.",
      license: { name: LICENCE.title, url: LICENCE.path },
    },
    servers: [{ url: `${base}${API_BASE}` }],
    components: {
      schemas: Object.fromEntries([...datasets.flatMap((d) => [[componentOf(d), d.item], [`Page${componentOf(d)}`, pageOf(d.item, componentOf(d))]]), ["Erreur", apiError]]),
      securitySchemes: { jeton: { type: "http", scheme: "bearer", description: "Jeton d’accès personnel d’une équipe de lab (page « Jetons d’accès » du lab)." } } },
    paths: Object.fromEntries(datasets.map((d) => [`/${d.resource}`, { get: operation(d) }])),
  });
  return document;
}

/** The schema a documented route's 200 answers with (for the tests and the /api page). */
export function pageSchemaOf(resource: string) {
  const d = datasetByResource(resource);
  return d ? pageOf(d.item, componentOf(d)) : undefined;
}
