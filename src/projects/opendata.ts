/**
 * What the projects module publishes as open data: non-confidential projects (a confidential one
 * only for a reader holding its lab's access token) and their stages. A project's public summary is
 * what any signed-in agent outside its team sees (docs/decisions/who-sees-a-project.md): title,
 * problem, users, stage; never its team, lead, budget, requester or status reason. Only this
 * module's tables.
 */
import { sql } from "kysely";
import { db } from "../kernel/runtime";
import { isUuid } from "../kernel/ids";
import type { ProjectsTables } from "./db/schema";
import type { MainStage, ProjectOrigin, Stage } from "./stages";

const q = () => db().withTables<ProjectsTables>();

export interface PublicProject {
  id: string;
  lab_id: string;
  title: string;
  problem: string;
  users: string;
  confidential: boolean;
  stage: Stage;
  stage_entered_at: Date;
  origin: ProjectOrigin;
  created_at: Date;
}

export interface PublicProjectStage {
  project_id: string;
  lab_id: string;
  stage: MainStage;
  planned_start: Date | null;
  planned_end: Date | null;
  entered_at: Date | null;
  left_at: Date | null;
}

export interface PublicProjectFilter {
  labId?: string;
  stage?: Stage;
  projectId?: string;
}

/** Non-confidential projects, and the confidential ones of `insideLab` (its own token reads them). */
const readable = (insideLab: string | null) =>
  q()
    .selectFrom("projects")
    .where((eb) => (insideLab && isUuid(insideLab) ? eb.or([eb("projects.confidential", "=", false), eb("projects.lab_id", "=", insideLab)]) : eb("projects.confidential", "=", false)));

export async function publicProjectsPage(filter: PublicProjectFilter, insideLab: string | null, after: string | null, limit: number): Promise<{ rows: PublicProject[]; next: string | null }> {
  let query = readable(insideLab).select(["id", "lab_id", "title", "problem", "users", "confidential", "stage", "stage_entered_at", "origin", "created_at"]);
  if (filter.labId) query = isUuid(filter.labId) ? query.where("lab_id", "=", filter.labId) : query.where(sql<boolean>`false`);
  if (filter.stage) query = query.where("stage", "=", filter.stage);
  if (after) query = query.where("id", ">", after);
  const rows = await query.orderBy("id").limit(limit).execute();
  return { rows, next: rows.length === limit ? rows[rows.length - 1].id : null };
}

/** The stage rows of readable projects, in (project, stage) order; the cursor is « project id|stage ». */
export async function publicProjectStagesPage(filter: PublicProjectFilter, insideLab: string | null, after: { projectId: string; stage: string } | null, limit: number): Promise<{ rows: PublicProjectStage[]; next: { projectId: string; stage: string } | null }> {
  let query = readable(insideLab)
    .innerJoin("project_stages", "project_stages.project_id", "projects.id")
    .select(["project_stages.project_id", "projects.lab_id", "project_stages.stage", "project_stages.planned_start", "project_stages.planned_end", "project_stages.entered_at", "project_stages.left_at"]);
  if (filter.labId) query = isUuid(filter.labId) ? query.where("projects.lab_id", "=", filter.labId) : query.where(sql<boolean>`false`);
  if (filter.projectId) query = isUuid(filter.projectId) ? query.where("projects.id", "=", filter.projectId) : query.where(sql<boolean>`false`);
  if (after) query = query.where(sql<boolean>`(project_stages.project_id, project_stages.stage) > (${after.projectId}::uuid, ${after.stage})`);
  const rows = await query.orderBy("project_stages.project_id").orderBy("project_stages.stage").limit(limit).execute();
  const last = rows[rows.length - 1];
  return { rows, next: rows.length === limit ? { projectId: last.project_id, stage: last.stage } : null };
}

export async function publicProjectsStats(): Promise<{ count: number; stages: number; updatedAt: Date | null }> {
  const [p, s] = await Promise.all([
    readable(null)
      .select((eb) => [eb.fn.countAll<string>().as("n"), eb.fn.max("updated_at").as("at")])
      .executeTakeFirstOrThrow(),
    readable(null)
      .innerJoin("project_stages", "project_stages.project_id", "projects.id")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { count: Number(p.n), stages: Number(s.n), updatedAt: p.at ? new Date(p.at) : null };
}
