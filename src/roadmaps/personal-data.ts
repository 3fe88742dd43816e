import { isUuid } from "../kernel/ids";
import type { PersonalDataSection } from "../kernel/personal-data";
import { evidenceFilesUploadedBy, importsRequestedBy, roadmapsCreatedBy } from "./roadmaps";

/**
 * The roadmaps the agent created, the files they gave as milestones' evidence, the imports they ran. (An item's owner is words the lab team types — a name and a
 * role — tied to no account: it is shown publicly only when its owner agreed.)
 */
export async function personalData(accountId: string): Promise<PersonalDataSection[]> {
  if (!isUuid(accountId)) return [];
  const [rows, files, imports] = await Promise.all([roadmapsCreatedBy(accountId), evidenceFilesUploadedBy(accountId), importsRequestedBy(accountId)]);
  return [
    { key: "roadmaps_created", title: "Les feuilles de route que vous avez créées", rows: rows.map((r) => ({ title: r.title, created_at: r.created_at })) },
    { key: "roadmap_evidence_files", title: "Les fichiers que vous avez déposés comme preuve d’un jalon", rows: files.map((f) => ({ filename: f.filename, created_at: f.created_at })) },
    { key: "roadmap_imports", title: "Les imports de feuille de route que vous avez lancés", rows: imports.map((i) => ({ filename: i.filename, status: i.status, created_at: i.created_at })) },
  ];
}
