import { sql } from "kysely";
import { db } from "../kernel/runtime";
import { isUuid } from "../kernel/ids";
import { fileTable } from "../kernel/db/files";
import type { Resource, ResourceKind, ResourcesTables, Visibility } from "./db/schema";

/** The library's queries: each takes the ambient executor (a service's transaction joins it). */
const q = () => db().withTables<ResourcesTables>();

export const files = fileTable("resource_files", "resource_id");

export type ResourceFields = Pick<
  Resource,
  "title" | "summary" | "objective" | "when_to_use" | "duration" | "group_size" | "material" | "steps" | "variants" | "body" | "problem" | "result" | "indicators" | "tags" | "visibility"
>;

export async function getResource(id: string): Promise<Resource | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("resources").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function createResource(v: { labId: string; kind: ResourceKind; title: string; createdBy: string | null; projectId?: string | null; published?: boolean } & Partial<ResourceFields>): Promise<Resource> {
  const { labId, kind, createdBy, projectId, published, ...fields } = v;
  return q()
    .insertInto("resources")
    .values({
      lab_id: labId,
      kind,
      summary: "",
      objective: "",
      when_to_use: "",
      duration: "",
      group_size: "",
      material: "",
      steps: "",
      variants: "",
      body: "",
      problem: "",
      result: "",
      indicators: "",
      tags: [],
      ...fields,
      project_id: projectId ?? null,
      published_at: published ? new Date() : null,
      archived_at: null,
      created_by: createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateResource(id: string, fields: Partial<ResourceFields>): Promise<void> {
  await q()
    .updateTable("resources")
    .set({ ...fields, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

export async function setPublished(id: string, published: boolean): Promise<void> {
  await q()
    .updateTable("resources")
    .set({ published_at: published ? new Date() : null, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

export async function setArchived(id: string, archived: boolean): Promise<void> {
  await q()
    .updateTable("resources")
    .set({ archived_at: archived ? new Date() : null, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

export async function deleteResource(id: string): Promise<void> {
  await q().deleteFrom("resources").where("id", "=", id).execute();
}

/** A lab's methods (the sheets Mini-Lab sessions choose from), by name. */
export async function methodsOfLab(labId: string, opts: { includeArchived?: boolean } = {}): Promise<Resource[]> {
  if (!isUuid(labId)) return [];
  let query = q().selectFrom("resources").selectAll().where("lab_id", "=", labId).where("kind", "=", "method");
  if (!opts.includeArchived) query = query.where("archived_at", "is", null);
  return query.orderBy("title").execute();
}

export async function methodByName(labId: string, title: string): Promise<Resource | undefined> {
  return q().selectFrom("resources").selectAll().where("lab_id", "=", labId).where("kind", "=", "method").where("title", "=", title).executeTakeFirst();
}

/** Method sheets of any lab whose title is one of these (compared without case), not archived. */
export async function methodsTitled(titles: string[]): Promise<Resource[]> {
  const lowered = [...new Set(titles.map((t) => t.trim().toLowerCase()).filter(Boolean))];
  if (!lowered.length) return [];
  return q().selectFrom("resources").selectAll().where("kind", "=", "method").where("archived_at", "is", null).where(sql<string>`lower(title)`, "in", lowered).orderBy("created_at").orderBy("id").execute();
}

export async function countMethods(labId: string): Promise<number> {
  const r = await q().selectFrom("resources").select((e) => e.fn.countAll<number>().as("n")).where("lab_id", "=", labId).where("kind", "=", "method").executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Inserts methods that are not there yet (by name); never touches an existing one. */
export async function insertMethodsIfMissing(labId: string, list: { title: string; summary: string; published: boolean }[], createdBy: string | null): Promise<void> {
  for (const m of list) {
    await sql`INSERT INTO resources (lab_id, kind, title, summary, visibility, published_at, created_by)
      VALUES (${labId}, 'method', ${m.title}, ${m.summary}, 'agents', ${m.published ? new Date() : null}, ${createdBy})
      ON CONFLICT (lab_id, title) WHERE kind = 'method' DO NOTHING`.execute(db());
  }
}

export async function labResources(labId: string): Promise<Resource[]> {
  if (!isUuid(labId)) return [];
  return q().selectFrom("resources").selectAll().where("lab_id", "=", labId).orderBy("kind").orderBy("title").execute();
}

export async function caseStudiesOfProjects(projectIds: string[]): Promise<{ id: string; project_id: string | null; title: string }[]> {
  const ids = projectIds.filter(isUuid);
  if (!ids.length) return [];
  return q().selectFrom("resources").select(["id", "project_id", "title"]).where("project_id", "in", ids).execute();
}

export interface LibraryQuery {
  /** Words typed: French, accent- and plural-insensitive (the `germoir_fr` configuration). */
  terms: string | null;
  kind: ResourceKind | null;
  tag: string | null;
  /** Whether agents-only sheets are shown (a signed-in viewer). */
  agents: boolean;
  /** Labs whose drafts the viewer sees (their lab team): not listed here, the library shows published sheets. */
  limit: number;
  offset: number;
}

const published = sql.raw(`published_at IS NOT NULL AND archived_at IS NULL`);

/** The published sheets a viewer may read, best match first when words are typed. */
export async function searchLibrary(query: LibraryQuery): Promise<{ rows: (Resource & { rank: number })[]; total: number }> {
  const tsq = query.terms ? sql`websearch_to_tsquery('germoir_fr', ${query.terms})` : null;
  const where = [published];
  if (!query.agents) where.push(sql`visibility = 'public'`);
  if (query.kind) where.push(sql`kind = ${query.kind}`);
  if (query.tag) where.push(sql`${query.tag} = ANY(tags)`);
  if (tsq) where.push(sql`search @@ ${tsq}`);
  const cond = sql.join(where, sql` AND `);
  const rank = tsq ? sql`ts_rank(search, ${tsq})` : sql`0`;
  const cols = sql.raw(
    "id, lab_id, kind, title, summary, objective, when_to_use, duration, group_size, material, steps, variants, body, problem, result, indicators, project_id, tags, visibility, published_at, archived_at, created_by, created_at, updated_at",
  );
  const rows = await sql<Resource & { rank: number }>`SELECT ${cols}, ${rank}::real AS rank FROM resources WHERE ${cond}
    ORDER BY rank DESC, title, id LIMIT ${query.limit} OFFSET ${query.offset}`.execute(db());
  const total = await sql<{ n: string }>`SELECT count(*) AS n FROM resources WHERE ${cond}`.execute(db());
  return { rows: rows.rows, total: Number(total.rows[0]?.n ?? 0) };
}

/** The tags of the published sheets a viewer may read, most used first. */
export async function libraryTags(agents: boolean): Promise<{ tag: string; n: number }[]> {
  const vis = agents ? sql`` : sql`AND visibility = 'public'`;
  const r = await sql<{ tag: string; n: string }>`SELECT t AS tag, count(*) AS n FROM resources, unnest(tags) t WHERE ${published} ${vis} GROUP BY t ORDER BY count(*) DESC, t LIMIT 40`.execute(db());
  return r.rows.map((x) => ({ tag: x.tag, n: Number(x.n) }));
}

export async function resourcesCreatedBy(userId: string) {
  return q().selectFrom("resources").select(["id", "kind", "title", "created_at"]).where("created_by", "=", userId).orderBy("created_at").orderBy("id").execute();
}

export type { Visibility };
