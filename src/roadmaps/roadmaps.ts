/**
 * The roadmaps module's data functions: each runs on `db()` (the use case's transaction when there
 * is one) and names only this module's tables.
 */
import { sql, type ExpressionBuilder } from "kysely";
import { db } from "../kernel/runtime";
import { isUuid } from "../kernel/ids";
import { encodeLive } from "../kernel/live/hub";
import { fileTable } from "../kernel/db/files";
import type { MainStage } from "../projects";
import type { CalendarEntry, ImportStatus, Milestone, Roadmap, RoadmapEvent, RoadmapImport, RoadmapItem, RoadmapsTables, Snapshot } from "./db/schema";
import type { ConfidentialDisplay, EventKind, EvidenceKind, ItemKind, ItemStatus, StageShares, StopRule } from "./rules";

const q = () => db().withTables<RoadmapsTables>();

/** The tracker's live channel: a payload's topic is a lab id, its data a bare « something changed ». */
export const ROADMAP_CHANNEL = "germoir_roadmap";

// ---------------------------------------------------------------- roadmaps

export async function insertRoadmap(r: { labId: string; partnerLabId: string | null; title: string; description: string; published: boolean; shares: StageShares; createdBy: string | null; at?: Date }): Promise<Roadmap> {
  const at = r.at ?? new Date();
  return q()
    .insertInto("roadmaps")
    .values({ lab_id: r.labId, partner_lab_id: r.partnerLabId, title: r.title, description: r.description, published: r.published, stage_shares: JSON.stringify(r.shares), created_by: r.createdBy, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getRoadmap(id: string): Promise<Roadmap | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("roadmaps").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The roadmaps a lab keeps, alone or as the partner. */
export async function roadmapsOfLab(labId: string): Promise<Roadmap[]> {
  if (!isUuid(labId)) return [];
  return q()
    .selectFrom("roadmaps")
    .selectAll()
    .where((eb) => eb.or([eb("lab_id", "=", labId), eb("partner_lab_id", "=", labId)]))
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** The published roadmaps, all or those a lab keeps (alone or as the partner). */
export async function publishedRoadmaps(labId?: string): Promise<Roadmap[]> {
  let query = q().selectFrom("roadmaps").selectAll().where("published", "=", true);
  if (labId) query = query.where((eb) => eb.or([eb("lab_id", "=", labId), eb("partner_lab_id", "=", labId)]));
  return query.orderBy("id").execute();
}

export async function updateRoadmap(id: string, f: { title: string; description: string; partnerLabId: string | null; published: boolean; shares: StageShares; stopRule: StopRule; confidentialDisplay: ConfidentialDisplay }): Promise<void> {
  await q()
    .updateTable("roadmaps")
    .set({ title: f.title, description: f.description, partner_lab_id: f.partnerLabId, published: f.published, stage_shares: JSON.stringify(f.shares), stop_rule: f.stopRule, confidential_display: f.confidentialDisplay, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

// ---------------------------------------------------------------- items

export interface ItemFields {
  title: string;
  description: string;
  transversal: boolean;
  projectId: string | null;
  ownerName: string;
  ownerRole: string;
  ownerNamePublic: boolean;
  startsOn: Date | null;
  endsOn: Date | null;
  calendar: string;
  public: boolean;
  weight: number | null;
  status: ItemStatus;
}

export async function insertItem(i: ItemFields & { roadmapId: string; parentId: string | null; kind: ItemKind; at?: Date }): Promise<RoadmapItem> {
  const at = i.at ?? new Date();
  const last = await q()
    .selectFrom("roadmap_items")
    .select((eb) => eb.fn.max("position").as("max"))
    .where("roadmap_id", "=", i.roadmapId)
    .where((eb) => (i.parentId ? eb("parent_id", "=", i.parentId) : eb("parent_id", "is", null)))
    .executeTakeFirst();
  return q()
    .insertInto("roadmap_items")
    .values({
      roadmap_id: i.roadmapId,
      parent_id: i.parentId,
      kind: i.kind,
      position: (last?.max ?? -1) + 1,
      title: i.title,
      description: i.description,
      transversal: i.transversal,
      project_id: i.projectId,
      owner_name: i.ownerName,
      owner_role: i.ownerRole,
      owner_name_public: i.ownerNamePublic,
      starts_on: i.startsOn,
      ends_on: i.endsOn,
      calendar: i.calendar,
      public: i.public,
      weight: i.weight,
      status: i.status,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getItem(id: string): Promise<RoadmapItem | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("roadmap_items").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function itemsOf(roadmapId: string): Promise<RoadmapItem[]> {
  return q().selectFrom("roadmap_items").selectAll().where("roadmap_id", "=", roadmapId).orderBy("position").orderBy("id").execute();
}

export async function updateItem(id: string, f: ItemFields): Promise<void> {
  await q()
    .updateTable("roadmap_items")
    .set({
      title: f.title,
      description: f.description,
      transversal: f.transversal,
      project_id: f.projectId,
      owner_name: f.ownerName,
      owner_role: f.ownerRole,
      owner_name_public: f.ownerNamePublic,
      starts_on: f.startsOn,
      ends_on: f.endsOn,
      calendar: f.calendar,
      public: f.public,
      weight: f.weight,
      status: f.status,
      updated_at: new Date(),
    })
    .where("id", "=", id)
    .execute();
}

export async function deleteItem(id: string): Promise<void> {
  await q().deleteFrom("roadmap_items").where("id", "=", id).execute();
}

/** Moves an item under another parent, after its new siblings. */
export async function moveItem(id: string, parentId: string): Promise<void> {
  const last = await q().selectFrom("roadmap_items").select((eb) => eb.fn.max("position").as("max")).where("parent_id", "=", parentId).executeTakeFirst();
  await q()
    .updateTable("roadmap_items")
    .set({ parent_id: parentId, position: (last?.max ?? -1) + 1, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

/** Sets the order of siblings: each id gets its index. */
export async function setPositions(ids: string[]): Promise<void> {
  for (const [position, id] of ids.entries()) await q().updateTable("roadmap_items").set({ position }).where("id", "=", id).execute();
}

/** The roadmaps that hold this project as a connected item. */
export async function roadmapIdsOfProject(projectId: string): Promise<string[]> {
  if (!isUuid(projectId)) return [];
  return (await q().selectFrom("roadmap_items").select("roadmap_id").distinct().where("project_id", "=", projectId).execute()).map((r) => r.roadmap_id);
}

// ---------------------------------------------------------------- milestones

export interface MilestoneFields {
  title: string;
  plannedOn: Date | null;
  doneOn: Date | null;
  evidenceKind: EvidenceKind | null;
  evidenceUrl: string | null;
  evidenceText: string | null;
  evidenceStage: MainStage | null;
}

export async function insertMilestone(itemId: string, m: MilestoneFields): Promise<Milestone> {
  const last = await q().selectFrom("roadmap_milestones").select((eb) => eb.fn.max("position").as("max")).where("item_id", "=", itemId).executeTakeFirst();
  return q()
    .insertInto("roadmap_milestones")
    .values({ item_id: itemId, title: m.title, planned_on: m.plannedOn, done_on: m.doneOn, evidence_kind: m.evidenceKind, evidence_url: m.evidenceUrl, evidence_text: m.evidenceText, evidence_stage: m.evidenceStage, position: (last?.max ?? -1) + 1 })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getMilestone(id: string): Promise<Milestone | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("roadmap_milestones").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function setMilestoneDone(id: string, doneOn: Date | null, evidence?: { kind: EvidenceKind | null; url: string | null; text: string | null }): Promise<void> {
  await q()
    .updateTable("roadmap_milestones")
    .set({ done_on: doneOn, ...(evidence ? { evidence_kind: evidence.kind, evidence_url: evidence.url, evidence_text: evidence.text } : {}) })
    .where("id", "=", id)
    .execute();
}

export async function updateMilestone(id: string, m: MilestoneFields): Promise<void> {
  await q()
    .updateTable("roadmap_milestones")
    .set({ title: m.title, planned_on: m.plannedOn, done_on: m.doneOn, evidence_kind: m.evidenceKind, evidence_url: m.evidenceUrl, evidence_text: m.evidenceText, evidence_stage: m.evidenceStage })
    .where("id", "=", id)
    .execute();
}

/** The file proving a milestone (one at most: a new one replaces it). */
export const evidenceFiles = fileTable("roadmap_milestone_files", "milestone_id");

/** The evidence files of these milestones, without their bytes. */
export async function evidenceFilesOf(milestoneIds: string[]): Promise<{ id: string; milestone_id: string; filename: string; size: number }[]> {
  if (!milestoneIds.length) return [];
  return q().selectFrom("roadmap_milestone_files").select(["id", "milestone_id", "filename", "size"]).where("milestone_id", "in", milestoneIds).execute();
}

export async function removeEvidenceFiles(milestoneId: string): Promise<void> {
  await q().deleteFrom("roadmap_milestone_files").where("milestone_id", "=", milestoneId).execute();
}

export async function deleteMilestone(id: string): Promise<void> {
  await q().deleteFrom("roadmap_milestones").where("id", "=", id).execute();
}

export async function milestonesOf(itemIds: string[]): Promise<Milestone[]> {
  if (!itemIds.length) return [];
  return q().selectFrom("roadmap_milestones").selectAll().where("item_id", "in", itemIds).orderBy("position").orderBy("id").execute();
}

// ---------------------------------------------------------------- calendar

export async function insertCalendarEntry(e: { roadmapId: string; period: string; startsOn: Date; body: string; public: boolean }): Promise<CalendarEntry> {
  return q().insertInto("roadmap_calendar").values({ roadmap_id: e.roadmapId, period: e.period, starts_on: e.startsOn, body: e.body, public: e.public }).returningAll().executeTakeFirstOrThrow();
}

export async function deleteCalendarEntry(roadmapId: string, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const r = await q().deleteFrom("roadmap_calendar").where("roadmap_id", "=", roadmapId).where("id", "=", id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function calendarOf(roadmapIds: string[]): Promise<CalendarEntry[]> {
  if (!roadmapIds.length) return [];
  return q().selectFrom("roadmap_calendar").selectAll().where("roadmap_id", "in", roadmapIds).orderBy("starts_on").orderBy("id").execute();
}

// ---------------------------------------------------------------- history and feed

export async function insertSnapshots(rows: { roadmapId: string; itemId: string | null; at: Date; percent: number | null; cause: string }[]): Promise<void> {
  if (!rows.length) return;
  await q()
    .insertInto("roadmap_snapshots")
    .values(rows.map((r) => ({ roadmap_id: r.roadmapId, item_id: r.itemId, at: r.at, percent: r.percent === null ? null : Math.round(r.percent * 100) / 100, cause: r.cause })))
    .execute();
}

/** The latest snapshot of each item of a roadmap (and of the whole, item null). */
export async function latestSnapshots(roadmapId: string): Promise<Snapshot[]> {
  return q()
    .selectFrom("roadmap_snapshots")
    .selectAll()
    .distinctOn("item_id")
    .where("roadmap_id", "=", roadmapId)
    .orderBy("item_id")
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .execute();
}

export async function snapshotsOf(roadmapId: string, itemId: string | null): Promise<Snapshot[]> {
  return q()
    .selectFrom("roadmap_snapshots")
    .selectAll()
    .where("roadmap_id", "=", roadmapId)
    .where((eb) => (itemId ? eb("item_id", "=", itemId) : eb("item_id", "is", null)))
    .orderBy("at")
    .orderBy("id")
    .execute();
}

export interface VisibleSnapshots {
  roadmapId: string;
  /** The items whose snapshots may be read. */
  itemIds: string[];
  /** The whole roadmap's own figure too (item null). */
  whole: boolean;
}

function visibleWhere(visible: VisibleSnapshots[]) {
  return (eb: ExpressionBuilder<RoadmapsTables, "roadmap_snapshots">) =>
    eb.or(
      visible.map((v) => {
        const which = [...(v.whole ? [eb("item_id", "is", null)] : []), ...(v.itemIds.length ? [eb("item_id", "in", v.itemIds)] : [])];
        return eb.and([eb("roadmap_id", "=", v.roadmapId), which.length ? eb.or(which) : eb.val(false)]);
      }),
    );
}

/** The snapshots these roadmaps let be read, in id order after `after`. */
export async function publicSnapshotsPage(visible: VisibleSnapshots[], after: string | null, limit: number): Promise<Snapshot[]> {
  if (!visible.length) return [];
  let query = q().selectFrom("roadmap_snapshots").selectAll().where(visibleWhere(visible));
  if (after) query = query.where("id", ">", after);
  return query.orderBy("id").limit(limit).execute();
}

export async function publicSnapshotsStats(visible: VisibleSnapshots[]): Promise<{ count: number; updatedAt: Date | null }> {
  if (!visible.length) return { count: 0, updatedAt: null };
  const r = await q()
    .selectFrom("roadmap_snapshots")
    .select((eb) => [eb.fn.countAll<string>().as("n"), eb.fn.max("at").as("last")])
    .where(visibleWhere(visible))
    .executeTakeFirstOrThrow();
  return { count: Number(r.n), updatedAt: r.last ? new Date(r.last) : null };
}

export async function insertEvent(e: { roadmapId: string; itemId: string | null; at: Date; kind: EventKind; title: string; anonymousTitle: string }): Promise<void> {
  await q().insertInto("roadmap_events").values({ roadmap_id: e.roadmapId, item_id: e.itemId, at: e.at, kind: e.kind, title: e.title, anonymous_title: e.anonymousTitle }).execute();
}

export async function eventsOf(roadmapIds: string[], limit = 50): Promise<RoadmapEvent[]> {
  if (!roadmapIds.length) return [];
  return q().selectFrom("roadmap_events").selectAll().where("roadmap_id", "in", roadmapIds).orderBy("at", "desc").orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).execute();
}

/** Tells the trackers of these labs that something changed; heard by every process once committed. */
export async function notifyTrackers(labIds: (string | null)[]): Promise<void> {
  for (const labId of new Set(labIds.filter((x): x is string => !!x))) {
    await sql`SELECT pg_notify(${ROADMAP_CHANNEL}, ${encodeLive({ topic: labId, data: "{}" })})`.execute(db());
  }
}

export async function roadmapsCreatedBy(accountId: string): Promise<Pick<Roadmap, "title" | "created_at">[]> {
  return q().selectFrom("roadmaps").select(["title", "created_at"]).where("created_by", "=", accountId).orderBy("created_at").execute();
}

export async function evidenceFilesUploadedBy(accountId: string): Promise<{ filename: string; created_at: Date }[]> {
  return q().selectFrom("roadmap_milestone_files").select(["filename", "created_at"]).where("uploaded_by", "=", accountId).orderBy("created_at").execute();
}

// ---------------------------------------------------------------- imports

export interface ImportError {
  line: number;
  column: string;
  message: string;
}

export async function insertImport(i: { roadmapId: string; filename: string; format: "csv" | "xlsx"; content: Buffer; requestedBy: string }): Promise<RoadmapImport> {
  return q().insertInto("roadmap_imports").values({ roadmap_id: i.roadmapId, filename: i.filename, format: i.format, content: i.content, requested_by: i.requestedBy }).returningAll().executeTakeFirstOrThrow();
}

export async function getImport(id: string): Promise<RoadmapImport | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("roadmap_imports").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function importsOf(roadmapId: string, limit = 10): Promise<Omit<RoadmapImport, "content">[]> {
  return q()
    .selectFrom("roadmap_imports")
    .select(["id", "roadmap_id", "filename", "format", "status", "stage", "total", "processed", "created_items", "created_milestones", "errors", "failure", "requested_by", "created_at", "started_at", "finished_at"])
    .where("roadmap_id", "=", roadmapId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** Claims a queued import for the job (false: already taken, or gone). */
export async function claimImport(id: string, at: Date): Promise<boolean> {
  const r = await q().updateTable("roadmap_imports").set({ status: "running", started_at: at, stage: "Lecture du fichier" }).where("id", "=", id).where("status", "=", "queued").executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function reportImport(id: string, p: { stage?: string; total?: number; processed?: number }): Promise<void> {
  await q().updateTable("roadmap_imports").set(p).where("id", "=", id).execute();
}

export async function finishImport(id: string, r: { status: Exclude<ImportStatus, "queued" | "running">; errors?: ImportError[]; failure?: string | null; createdItems?: number; createdMilestones?: number; at?: Date }): Promise<void> {
  await q()
    .updateTable("roadmap_imports")
    .set({
      status: r.status,
      stage: "",
      errors: JSON.stringify(r.errors ?? []),
      failure: r.failure ?? null,
      created_items: r.createdItems ?? 0,
      created_milestones: r.createdMilestones ?? 0,
      ...(r.status === "done" ? { processed: sql<number>`total` } : {}),
      finished_at: r.at ?? new Date(),
      // the file is no longer needed once read
      content: null,
    })
    .where("id", "=", id)
    .execute();
}

/** Imports left running by a stopped server: marked failed, to be sent again. */
export async function failRunningImports(message: string): Promise<number> {
  const r = await q().updateTable("roadmap_imports").set({ status: "failed", failure: message, stage: "", content: null, finished_at: new Date() }).where("status", "=", "running").executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function importsRequestedBy(accountId: string): Promise<{ filename: string; status: string; created_at: Date }[]> {
  return q().selectFrom("roadmap_imports").select(["filename", "status", "created_at"]).where("requested_by", "=", accountId).orderBy("created_at").execute();
}
