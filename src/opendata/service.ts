/**
 * The open data's use cases: the datasets page, a dataset's files and schema, the API's reader
 * (its bearer token), and the lab team's access tokens (created with a secret shown once,
 * hashed at rest, revoked). Permissions come from ./permissions.
 */
import crypto from "node:crypto";
import { runtime } from "../kernel/runtime";
import { Refusal, type Viewer } from "../kernel/permissions";
import { getLabBySlug, type Lab } from "../labs/labs";
import { transaction } from "../kernel/db/transaction";
import { allItems, datasetBySlug, datasets, datasetStats } from "./datasets";
import { csvResponse, jsonResponse, LICENCE, tableSchema, tableSchemaFields } from "./formats";
import { publicScope, readScope, tokenRights, type ReadScope } from "./permissions";
import * as tokens from "./db/tokens";

// ---------------------------------------------------------------- datasets

export async function datasetsPage() {
  const stats = await datasetStats();
  return {
    licence: LICENCE,
    datasets: datasets.map((d) => ({
      slug: d.slug,
      resource: d.resource,
      title: d.title,
      description: d.description,
      count: stats.get(d.slug)?.count ?? 0,
      updatedAt: stats.get(d.slug)?.updatedAt ?? null,
      fields: tableSchemaFields(d.item).map((f) => ({ name: f.name, title: f.title, type: f.type })),
      /** The API's filters for this resource (its query's parameters, without the paging ones). */
      filters: Object.keys(d.query.shape).filter((k) => k !== "cursor" && k !== "limit"),
    })),
  };
}

const notFound = () => new Refusal("Ce jeu de données n’existe pas.", 404);

/** `idees.csv`, `idees.json`: the dataset streamed from the database, page by page. */
export function datasetFile(file: string): Response {
  const m = /^([a-z-]{1,40})\.(csv|json)$/.exec(file);
  const dataset = m ? datasetBySlug(m[1]) : undefined;
  if (!m || !dataset) throw notFound();
  const rows = allItems(dataset, 1000, publicScope);
  return m[2] === "csv" ? csvResponse(dataset, rows) : jsonResponse(dataset, rows);
}

export function datasetSchema(slug: string) {
  const dataset = datasetBySlug(slug);
  if (!dataset) throw notFound();
  return tableSchema(dataset, runtime().config.publicUrl);
}

// ---------------------------------------------------------------- the API's reader

export const TOKEN_PREFIX = "gmr_";
const hashSecret = (secret: string) => crypto.createHash("sha256").update(secret, "utf8").digest("hex");

/**
 * Who reads the API: without `Authorization`, the public; with `Bearer <live token>`, the public
 * and that token's lab. A header that is not a live token is refused (401), never read as public.
 */
export async function readerOf(authorization: string | null): Promise<ReadScope | "refused"> {
  if (authorization === null || authorization.trim() === "") return publicScope;
  const m = /^Bearer\s+(gmr_[A-Za-z0-9_-]{43})\s*$/.exec(authorization);
  if (!m) return "refused";
  const token = await tokens.tokenByHash(hashSecret(m[1]));
  if (!token || token.revoked_at) return "refused";
  await tokens.touchToken(token.id);
  return readScope(token);
}

// ---------------------------------------------------------------- tokens

async function labForTokens(viewer: Viewer, labSlug: string): Promise<Lab> {
  const lab = /^[a-z0-9-]{1,100}$/.test(labSlug) ? await getLabBySlug(labSlug) : undefined;
  if (!lab) throw new Refusal("Ce lab n’existe pas.", 404);
  if (!tokenRights(viewer, lab.id).mayManage) throw new Refusal("Seule l’équipe du lab gère ses jetons d’accès.", 403);
  return lab;
}

export async function tokensPage(viewer: Viewer, labSlug: string) {
  const lab = await labForTokens(viewer, labSlug);
  const list = await tokens.tokensOfLab(lab.id);
  return {
    lab: { id: lab.id, slug: lab.slug, name: lab.name },
    tokens: list.map((t) => ({ id: t.id, name: t.name, prefix: t.prefix, createdAt: t.created_at, lastUsedAt: t.last_used_at, revokedAt: t.revoked_at, mine: t.created_by === viewer.userId })),
  };
}

/** Creates a token; its secret is returned here once and never kept (only its SHA-256). */
export async function createToken(viewer: Viewer, labSlug: string, input: { name: string }): Promise<{ id: string; secret: string }> {
  const lab = await labForTokens(viewer, labSlug);
  const secret = `${TOKEN_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
  const token = await transaction(() => tokens.insertToken({ labId: lab.id, name: input.name, secretHash: hashSecret(secret), prefix: secret.slice(0, 8), createdBy: viewer.userId }));
  runtime().log.info("api token created", { lab: lab.slug, token: token.id });
  return { id: token.id, secret };
}

export async function revokeTokenFor(viewer: Viewer, labSlug: string, tokenId: string): Promise<void> {
  const lab = await labForTokens(viewer, labSlug);
  const token = await tokens.getToken(tokenId);
  if (!token || token.lab_id !== lab.id) throw new Refusal("Ce jeton n’existe pas.", 404);
  if (!(await tokens.revokeToken(token.id, viewer.userId))) throw new Refusal("Ce jeton est déjà révoqué.", 409);
  runtime().log.info("api token revoked", { lab: lab.slug, token: token.id });
}
