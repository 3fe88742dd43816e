/**
 * The projects module's data functions: each takes no executor and runs on `db()`, so that a
 * service calling them inside `transaction(...)` writes everything together. Only this module's
 * tables are named here.
 */
import { sql } from "kysely";
import { db } from "../kernel/runtime";
import { isUuid } from "../kernel/ids";
import { fileTable } from "../kernel/db/files";
import type { NetworkProposal, Condition, Deliverable, GateReview, Indicator, JournalEntry, Measurement, Project, ProjectStageRow, ProjectsTables } from "./db/schema";
import { defaultDeliverables, defaultStrategicStages, isMainStage, mainStages, type CommitteeKind, type DeliverableKind, type DeliverableTemplate, type GateOutcome, type MainStage, type MemberRole, type ProjectOrigin, type ServiceKind, type Stage } from "./stages";
import type { TeamPlace } from "./permissions";

const q = () => db().withTables<ProjectsTables>();

// ---------------------------------------------------------------- per-lab settings

export interface LabSettings {
  template: DeliverableTemplate;
  strategicStages: MainStage[];
}

function cleanTemplate(raw: unknown): DeliverableTemplate {
  const out = { ...defaultDeliverables };
  if (raw && typeof raw === "object") {
    for (const s of mainStages) {
      const list = (raw as Record<string, unknown>)[s];
      if (Array.isArray(list)) out[s] = list.filter((x): x is string => typeof x === "string" && x.trim().length > 0);
    }
  }
  return out;
}

export async function labSettings(labId: string): Promise<LabSettings> {
  const row = isUuid(labId) ? await q().selectFrom("project_lab_settings").selectAll().where("lab_id", "=", labId).executeTakeFirst() : undefined;
  if (!row) return { template: { ...defaultDeliverables }, strategicStages: [...defaultStrategicStages] };
  return { template: cleanTemplate(row.template), strategicStages: row.strategic_stages.filter(isMainStage) };
}

export async function saveLabSettings(labId: string, s: LabSettings): Promise<void> {
  const values = { lab_id: labId, template: JSON.stringify(s.template), strategic_stages: s.strategicStages, updated_at: new Date() };
  await q()
    .insertInto("project_lab_settings")
    .values(values)
    .onConflict((oc) => oc.column("lab_id").doUpdateSet({ template: values.template, strategic_stages: values.strategic_stages, updated_at: values.updated_at }))
    .execute();
}

// ---------------------------------------------------------------- projects

export interface ProjectFields {
  title: string;
  problem: string;
  users: string;
  confidential: boolean;
  budgetRequestedEur: number | null;
  budgetGrantedEur: number | null;
  fundingSource: string;
  startsOn: Date | null;
  endsOn: Date | null;
}

export interface NewProject extends ProjectFields {
  labId: string;
  stage?: MainStage;
  leadId: string | null;
  origin: ProjectOrigin;
  decisionId?: string | null;
  requestId?: string | null;
  createdBy: string | null;
  at?: Date;
}

export async function insertProject(p: NewProject): Promise<Project> {
  const at = p.at ?? new Date();
  const stage = p.stage ?? "exploration";
  const row = await q()
    .insertInto("projects")
    .values({
      lab_id: p.labId,
      title: p.title,
      problem: p.problem,
      users: p.users,
      confidential: p.confidential,
      stage,
      resume_stage: null,
      status_reason: null,
      stage_entered_at: at,
      lead_id: p.leadId,
      origin: p.origin,
      decision_id: p.decisionId ?? null,
      request_id: p.requestId ?? null,
      budget_requested_eur: p.budgetRequestedEur,
      budget_granted_eur: p.budgetGrantedEur,
      funding_source: p.fundingSource,
      starts_on: p.startsOn,
      ends_on: p.endsOn,
      created_by: p.createdBy,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const reached = mainStages.indexOf(stage);
  await q()
    .insertInto("project_stages")
    .values(mainStages.map((s, i) => ({ project_id: row.id, stage: s, planned_start: null, planned_end: null, entered_at: i <= reached ? at : null, left_at: i < reached ? at : null })))
    .execute();
  return row;
}

export async function getProject(id: string): Promise<Project | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("projects").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The project row locked for this transaction (a stage change waits for another one). */
export async function lockProject(id: string): Promise<Project | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("projects").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function getProjects(ids: string[]): Promise<Project[]> {
  const list = ids.filter(isUuid);
  if (!list.length) return [];
  return q().selectFrom("projects").selectAll().where("id", "in", list).execute();
}

export async function projectsOfDecisions(decisionIds: string[]): Promise<Project[]> {
  const list = decisionIds.filter(isUuid);
  if (!list.length) return [];
  return q().selectFrom("projects").selectAll().where("decision_id", "in", list).execute();
}

export async function projectOfRequest(requestId: string): Promise<Project | undefined> {
  if (!isUuid(requestId)) return undefined;
  return q().selectFrom("projects").selectAll().where("request_id", "=", requestId).executeTakeFirst();
}

export async function updateProject(id: string, f: ProjectFields & { leadId: string | null }, at = new Date()): Promise<void> {
  await q()
    .updateTable("projects")
    .set({
      title: f.title,
      problem: f.problem,
      users: f.users,
      confidential: f.confidential,
      lead_id: f.leadId,
      budget_requested_eur: f.budgetRequestedEur,
      budget_granted_eur: f.budgetGrantedEur,
      funding_source: f.fundingSource,
      starts_on: f.startsOn,
      ends_on: f.endsOn,
      updated_at: at,
    })
    .where("id", "=", id)
    .execute();
}

/**
 * Moves a project to a stage (a main stage, or « en pause », « arrêté » with their reason): the
 * stage rows keep when each was entered and left. The caller holds the project's lock.
 */
export async function moveStage(p: Project, to: Stage, reason: string | null, at = new Date()): Promise<void> {
  const from = p.stage;
  await q()
    .updateTable("projects")
    .set({
      stage: to,
      stage_entered_at: at,
      status_reason: to === "paused" || to === "stopped" ? reason : null,
      resume_stage: to === "paused" ? (isMainStage(from) ? from : p.resume_stage) : null,
      updated_at: at,
    })
    .where("id", "=", p.id)
    .execute();
  if (isMainStage(to) && to !== from) {
    await q().updateTable("project_stages").set({ entered_at: at, left_at: null }).where("project_id", "=", p.id).where("stage", "=", to).execute();
  }
  if (isMainStage(from) && from !== to && (isMainStage(to) || to === "stopped")) {
    await q().updateTable("project_stages").set({ left_at: at }).where("project_id", "=", p.id).where("stage", "=", from).execute();
  }
}

// ---------------------------------------------------------------- administrations and team

export async function setOrganizations(projectId: string, orgs: { organizationId: string; serviceKind: ServiceKind }[]): Promise<void> {
  await q().deleteFrom("project_organizations").where("project_id", "=", projectId).execute();
  const unique = [...new Map(orgs.map((o) => [o.organizationId, o])).values()];
  if (unique.length) await q().insertInto("project_organizations").values(unique.map((o) => ({ project_id: projectId, organization_id: o.organizationId, service_kind: o.serviceKind }))).execute();
}

export async function organizationsOf(projectIds: string[]) {
  const list = projectIds.filter(isUuid);
  if (!list.length) return [];
  return q().selectFrom("project_organizations").selectAll().where("project_id", "in", list).execute();
}

export async function setMembers(projectId: string, role: MemberRole, userIds: string[]): Promise<void> {
  await q().deleteFrom("project_members").where("project_id", "=", projectId).where("role", "=", role).execute();
  const unique = [...new Set(userIds)];
  if (unique.length) await q().insertInto("project_members").values(unique.map((user_id) => ({ project_id: projectId, user_id, role }))).execute();
}

export async function membersOf(projectIds: string[]) {
  const list = projectIds.filter(isUuid);
  if (!list.length) return [];
  return q().selectFrom("project_members").selectAll().where("project_id", "in", list).orderBy("added_at").execute();
}

/** The viewer's place in each project's team. */
export async function placesOf(userId: string, projects: Pick<Project, "id" | "lead_id">[]): Promise<Map<string, TeamPlace>> {
  const out = new Map<string, TeamPlace>();
  for (const p of projects) out.set(p.id, { lead: p.lead_id === userId, staff: false, expert: false });
  if (!isUuid(userId) || !projects.length) return out;
  const rows = await q().selectFrom("project_members").select(["project_id", "role"]).where("user_id", "=", userId).where("project_id", "in", projects.map((p) => p.id)).execute();
  for (const r of rows) {
    const place = out.get(r.project_id)!;
    if (r.role === "staff") place.staff = true;
    else place.expert = true;
  }
  return out;
}

/** Projects where the agent is lead, lab staff or expert. */
export async function projectsOfUser(userId: string): Promise<Project[]> {
  if (!isUuid(userId)) return [];
  return q()
    .selectFrom("projects")
    .selectAll()
    .where((eb) => eb.or([eb("lead_id", "=", userId), eb("id", "in", eb.selectFrom("project_members").select("project_id").where("user_id", "=", userId))]))
    .orderBy("updated_at", "desc")
    .orderBy("id")
    .execute();
}

/** Everyone in the team: the lead, lab staff, experts (for notifications). */
export async function teamOf(p: Pick<Project, "id" | "lead_id">): Promise<string[]> {
  const members = await membersOf([p.id]);
  return [...new Set([...(p.lead_id ? [p.lead_id] : []), ...members.map((m) => m.user_id)])];
}

// ---------------------------------------------------------------- stages, deliverables, files

export async function stagesOf(projectId: string): Promise<ProjectStageRow[]> {
  const rows = await q().selectFrom("project_stages").selectAll().where("project_id", "=", projectId).execute();
  return mainStages.map((s) => rows.find((r) => r.stage === s)).filter((r): r is ProjectStageRow => !!r);
}

export async function setPlannedDates(projectId: string, stage: MainStage, start: Date | null, end: Date | null): Promise<void> {
  await q().updateTable("project_stages").set({ planned_start: start, planned_end: end }).where("project_id", "=", projectId).where("stage", "=", stage).execute();
}

/** The planned end of each project's current stage (for « overdue gate »). */
export async function currentPlannedEnds(projects: Pick<Project, "id" | "stage">[]): Promise<Map<string, Date | null>> {
  const out = new Map<string, Date | null>();
  const ids = projects.filter((p) => isMainStage(p.stage)).map((p) => p.id);
  if (!ids.length) return out;
  const rows = await q().selectFrom("project_stages").select(["project_id", "stage", "planned_end"]).where("project_id", "in", ids).execute();
  for (const p of projects) out.set(p.id, rows.find((r) => r.project_id === p.id && r.stage === p.stage)?.planned_end ?? null);
  return out;
}

export async function deliverablesOf(projectId: string): Promise<Deliverable[]> {
  return q().selectFrom("project_deliverables").selectAll().where("project_id", "=", projectId).orderBy("updated_at").execute();
}

export async function saveDeliverable(d: { projectId: string; stage: MainStage; label: string; kind: DeliverableKind; body: string | null; url: string | null; fileId: string | null; by: string | null; at?: Date }): Promise<void> {
  const values = { project_id: d.projectId, stage: d.stage, label: d.label, kind: d.kind, body: d.body, url: d.url, file_id: d.fileId, updated_by: d.by, updated_at: d.at ?? new Date() };
  await q()
    .insertInto("project_deliverables")
    .values(values)
    .onConflict((oc) => oc.columns(["project_id", "stage", "label"]).doUpdateSet({ kind: values.kind, body: values.body, url: values.url, file_id: values.file_id, updated_by: values.updated_by, updated_at: values.updated_at }))
    .execute();
}

export const files = fileTable("project_files", "project_id");
export const MAX_FILES = 30;
export async function countFiles(projectId: string): Promise<number> {
  const r = await q().selectFrom("project_files").select((eb) => eb.fn.countAll<number>().as("n")).where("project_id", "=", projectId).executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---------------------------------------------------------------- journal and indicators

export async function addJournal(projectId: string, authorId: string | null, entryOn: Date, body: string): Promise<void> {
  await q().insertInto("project_journal").values({ project_id: projectId, author_id: authorId, entry_on: entryOn, body }).execute();
}

export async function journalOf(projectId: string, limit = 200): Promise<JournalEntry[]> {
  return q().selectFrom("project_journal").selectAll().where("project_id", "=", projectId).orderBy("entry_on", "desc").orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).execute();
}

export async function addIndicator(projectId: string, i: { name: string; unit: string; baseline: number | null; target: number | null }): Promise<Indicator> {
  return q().insertInto("project_indicators").values({ project_id: projectId, name: i.name, unit: i.unit, baseline: i.baseline, target: i.target }).returningAll().executeTakeFirstOrThrow();
}

export async function indicatorsOf(projectId: string): Promise<Indicator[]> {
  return q().selectFrom("project_indicators").selectAll().where("project_id", "=", projectId).orderBy("created_at").orderBy("id").execute();
}

export async function addMeasurement(indicatorId: string, measuredOn: Date, value: number, by: string | null): Promise<void> {
  await q().insertInto("project_measurements").values({ indicator_id: indicatorId, measured_on: measuredOn, value, recorded_by: by }).execute();
}

export async function measurementsOf(indicatorIds: string[]): Promise<Measurement[]> {
  const list = indicatorIds.filter(isUuid);
  if (!list.length) return [];
  return q().selectFrom("project_measurements").selectAll().where("indicator_id", "in", list).orderBy("measured_on").orderBy("created_at").execute();
}

// ---------------------------------------------------------------- gate reviews and conditions

export async function insertReview(r: { projectId: string; labId: string; from: MainStage; to: MainStage; kind: CommitteeKind; by: string | null; at?: Date }): Promise<GateReview> {
  return q()
    .insertInto("project_gate_reviews")
    .values({ project_id: r.projectId, lab_id: r.labId, from_stage: r.from, to_stage: r.to, committee_kind: r.kind, status: "pending", requested_by: r.by, requested_at: r.at ?? new Date() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getReview(id: string): Promise<GateReview | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("project_gate_reviews").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function reviewsOf(projectId: string): Promise<GateReview[]> {
  return q().selectFrom("project_gate_reviews").selectAll().where("project_id", "=", projectId).orderBy("requested_at", "desc").orderBy("id").execute();
}

export async function pendingReviewsOfProjects(projectIds: string[]): Promise<GateReview[]> {
  const list = projectIds.filter(isUuid);
  if (!list.length) return [];
  return q().selectFrom("project_gate_reviews").selectAll().where("project_id", "in", list).where("status", "=", "pending").execute();
}

export async function pendingReviews(labId: string, kind: CommitteeKind): Promise<GateReview[]> {
  if (!isUuid(labId)) return [];
  return q().selectFrom("project_gate_reviews").selectAll().where("lab_id", "=", labId).where("committee_kind", "=", kind).where("status", "=", "pending").orderBy("requested_at").orderBy("id").execute();
}

/**
 * Closes a pending review with its outcome, once: the UPDATE matches only while the review is
 * pending, so of two racing calls the second (which waits for the first's row lock, then sees
 * it decided) gets nothing back.
 */
export async function closeReview(id: string, o: { outcome: GateOutcome; missing: string | null; reason: string | null; by: string | null; at: Date }): Promise<GateReview | undefined> {
  if (!isUuid(id)) return undefined;
  return q()
    .updateTable("project_gate_reviews")
    .set({ status: "decided", outcome: o.outcome, missing: o.missing, reason: o.reason, decided_by: o.by, decided_at: o.at })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .returningAll()
    .executeTakeFirst();
}

export async function addConditions(reviewId: string, projectId: string, labels: string[]): Promise<void> {
  if (labels.length) await q().insertInto("project_conditions").values(labels.map((label, position) => ({ review_id: reviewId, project_id: projectId, label, position }))).execute();
}

export async function conditionsOf(projectId: string): Promise<Condition[]> {
  return q().selectFrom("project_conditions").selectAll().where("project_id", "=", projectId).orderBy("review_id").orderBy("position").execute();
}

export async function markConditionMet(projectId: string, conditionId: string, by: string, at = new Date()): Promise<boolean> {
  if (!isUuid(conditionId)) return false;
  const r = await q().updateTable("project_conditions").set({ met_at: at, met_by: by }).where("id", "=", conditionId).where("project_id", "=", projectId).where("met_at", "is", null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ---------------------------------------------------------------- the portfolio

export interface PortfolioFilter {
  stage?: Stage;
  organizationId?: string;
  staffId?: string;
  overdue?: boolean;
}
export interface PortfolioCursor {
  at: Date;
  id: string;
}

function filtered(labId: string, f: PortfolioFilter, now: Date) {
  let query = q().selectFrom("projects").where("lab_id", "=", labId);
  if (f.stage) query = query.where("stage", "=", f.stage);
  if (f.organizationId) query = query.where("id", "in", (eb) => eb.selectFrom("project_organizations").select("project_id").where("organization_id", "=", f.organizationId!));
  if (f.staffId) query = query.where("id", "in", (eb) => eb.selectFrom("project_members").select("project_id").where("user_id", "=", f.staffId!).where("role", "=", "staff"));
  if (f.overdue)
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("project_stages")
          .select(sql`1`.as("one"))
          .whereRef("project_stages.project_id", "=", "projects.id")
          .whereRef("project_stages.stage", "=", "projects.stage")
          .where("project_stages.planned_end", "<", now),
      ),
    );
  return query;
}

/** A page of the lab's projects (newest first), by keyset: rows after the cursor. */
export async function portfolioPage(labId: string, f: PortfolioFilter, after: PortfolioCursor | null, limit: number, now = new Date()): Promise<Project[]> {
  let query = filtered(labId, f, now).selectAll("projects");
  if (after) query = query.where((eb) => eb.or([eb("created_at", "<", after.at), eb.and([eb("created_at", "=", after.at), eb("id", "<", after.id)])]));
  return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).execute();
}

/** The rows before the cursor (for « page précédente »), oldest first, at most `limit`. */
export async function portfolioBefore(labId: string, f: PortfolioFilter, before: PortfolioCursor, limit: number, now = new Date()): Promise<Project[]> {
  return filtered(labId, f, now)
    .selectAll("projects")
    .where((eb) => eb.or([eb("created_at", ">", before.at), eb.and([eb("created_at", "=", before.at), eb("id", ">", before.id)])]))
    .orderBy("created_at", "asc")
    .orderBy("id", "asc")
    .limit(limit)
    .execute();
}

/** Counts and the first projects of each stage, for the board's columns. */
export async function stageColumns(labId: string, f: PortfolioFilter, perColumn: number, now = new Date()): Promise<{ stage: Stage; count: number; projects: Project[] }[]> {
  const counts = await filtered(labId, f, now).select(["stage", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("stage").execute();
  const out = [];
  for (const stage of [...mainStages, "paused", "stopped"] as Stage[]) {
    const count = Number(counts.find((c) => c.stage === stage)?.n ?? 0);
    const projects = count && perColumn > 0 ? await filtered(labId, { ...f, stage }, now).selectAll("projects").orderBy("stage_entered_at").orderBy("id").limit(perColumn).execute() : [];
    out.push({ stage, count, projects });
  }
  return out;
}

/** Every project of the lab, in pages of ids, for exports. */
export async function labProjectIdsAfter(labId: string, after: string | null, limit: number): Promise<Project[]> {
  let query = q().selectFrom("projects").selectAll().where("lab_id", "=", labId);
  if (after) query = query.where("id", ">", after);
  return query.orderBy("id").limit(limit).execute();
}

// ---------------------------------------------------------------- personal data

export async function personalRows(userId: string) {
  const [led, memberships, journal, reviews, proposals] = await Promise.all([
    q().selectFrom("projects").select(["id", "title", "stage", "created_at"]).where("lead_id", "=", userId).orderBy("created_at").execute(),
    q().selectFrom("project_members").select(["project_id", "role", "added_at"]).where("user_id", "=", userId).orderBy("added_at").execute(),
    q().selectFrom("project_journal").select(["id", "project_id", "entry_on", "body", "created_at"]).where("author_id", "=", userId).orderBy("created_at").execute(),
    q().selectFrom("project_gate_reviews").select(["id", "project_id", "from_stage", "to_stage", "requested_at", "outcome", "decided_at"]).where((eb) => eb.or([eb("requested_by", "=", userId), eb("decided_by", "=", userId)])).orderBy("requested_at").execute(),
    q().selectFrom("project_network_proposals").select(["id", "project_id", "to_lab_id", "message", "proposed_at", "status"]).where("proposed_by", "=", userId).orderBy("proposed_at").execute(),
  ]);
  return { led, memberships, journal, reviews, proposals };
}

export async function forgetUser(userId: string): Promise<void> {
  await q().deleteFrom("project_members").where("user_id", "=", userId).execute();
  await q().updateTable("projects").set({ lead_id: null }).where("lead_id", "=", userId).execute();
}

/** For the demo: when a stage was entered and left (history seeded after the fact). */
export async function setStageHistory(projectId: string, stage: MainStage, enteredAt: Date | null, leftAt: Date | null): Promise<void> {
  await q().updateTable("project_stages").set({ entered_at: enteredAt, left_at: leftAt }).where("project_id", "=", projectId).where("stage", "=", stage).execute();
}

export async function setStageEnteredAt(projectId: string, at: Date): Promise<void> {
  await q().updateTable("projects").set({ stage_entered_at: at, updated_at: at }).where("id", "=", projectId).execute();
}

// ---------------------------------------------------------------- proposals to the network of labs

export async function addNetworkProposal(input: { projectId: string; fromLabId: string; toLabId: string; message: string; proposedBy: string | null; at: Date }): Promise<NetworkProposal> {
  return q()
    .insertInto("project_network_proposals")
    .values({ project_id: input.projectId, from_lab_id: input.fromLabId, to_lab_id: input.toLabId, message: input.message, proposed_by: input.proposedBy, proposed_at: input.at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function networkProposalsOf(projectId: string): Promise<NetworkProposal[]> {
  return q().selectFrom("project_network_proposals").selectAll().where("project_id", "=", projectId).orderBy("proposed_at", "desc").orderBy("id").execute();
}

export async function pendingNetworkProposalsTo(labId: string): Promise<NetworkProposal[]> {
  if (!isUuid(labId)) return [];
  return q().selectFrom("project_network_proposals").selectAll().where("to_lab_id", "=", labId).where("status", "=", "pending").orderBy("proposed_at").orderBy("id").execute();
}

export async function getNetworkProposal(id: string): Promise<NetworkProposal | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("project_network_proposals").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Records the committee's answer, once: only a pending proposal is updated. */
export async function decideNetworkProposal(id: string, supported: boolean, wording: string, at: Date): Promise<NetworkProposal | undefined> {
  if (!isUuid(id)) return undefined;
  return q()
    .updateTable("project_network_proposals")
    .set({ status: supported ? "supported" : "declined", decision_wording: wording, decided_at: at })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .returningAll()
    .executeTakeFirst();
}

export async function stagesOfProjects(projectIds: string[]): Promise<ProjectStageRow[]> {
  const list = projectIds.filter(isUuid);
  if (!list.length) return [];
  return q().selectFrom("project_stages").selectAll().where("project_id", "in", list).execute();
}

export async function decidedReviewsOfProjects(projectIds: string[]): Promise<GateReview[]> {
  const list = projectIds.filter(isUuid);
  if (!list.length) return [];
  return q().selectFrom("project_gate_reviews").selectAll().where("project_id", "in", list).where("status", "=", "decided").orderBy("decided_at").orderBy("id").execute();
}

export async function projectsOfLab(labId: string): Promise<Project[]> {
  if (!isUuid(labId)) return [];
  return q().selectFrom("projects").selectAll().where("lab_id", "=", labId).orderBy("title").execute();
}
