/**
 * Importing an existing roadmap from a CSV or XLSX file (the columns of ./table, those of the
 * export). The lab team sends the file; a background job (queue "roadmap-import") reads it,
 * checks every line — writing its progress in roadmap_imports, which the import's page reads, so
 * it survives a reload — and either adds the whole tree to the roadmap in one transaction, or
 * adds nothing and keeps the per-line error report (line, column, French message).
 */
import type { Viewer } from "../kernel/permissions";
import { Refusal } from "../kernel/permissions";
import { onCommit, transaction } from "../kernel/db/transaction";
import { enqueue } from "../kernel/jobs/jobs";
import { runtime } from "../kernel/runtime";
import { formatDateTime, frenchSpaces as fr, plural } from "../kernel/format";
import { cleanFilename } from "../kernel/uploads";
import type { TableExport } from "../kernel/export";
import { loadPrincipal } from "../labs/labs";
import { labProjectChoices } from "../projects";
import * as data from "./roadmaps";
import type { RoadmapImport } from "./db/schema";
import { roadmapRights } from "./permissions";
import { itemKinds, parentKind } from "./rules";
import { recompute, requireRoadmap } from "./service";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, columnHelp, columns, header, importedColumns, readRows, readTable, templateRows, type ImportRow, type LineError, type LinePlace } from "./table";

export const ROADMAP_IMPORT_QUEUE = "roadmap-import";
/** The report keeps this many errors (the count says how many more). */
const MAX_ERRORS = 500;

const importStatuses: Record<RoadmapImport["status"], string> = { queued: "En attente", running: "En cours", done: "Terminé", failed: "Échoué" };

/** The lab team sends a file: checked (size, kind), kept, and its job queued once committed. */
export async function startImport(viewer: Viewer, labSlug: string, roadmapId: string, entries: FormDataEntryValue[]): Promise<string> {
  const { roadmap } = await requireRoadmap(viewer, labSlug, roadmapId);
  const files = entries.filter((e): e is File => typeof e !== "string" && e.size > 0);
  if (!files.length) throw new Refusal("Fichier : choisissez un fichier CSV ou XLSX.", 400, "file");
  if (files.length > 1) throw new Refusal("Fichier : un seul fichier à la fois.", 400, "file");
  const file = files[0];
  const name = cleanFilename(file.name);
  if (file.size > MAX_IMPORT_BYTES) throw new Refusal(`Fichier : « ${name} » dépasse ${MAX_IMPORT_BYTES / 1024 / 1024} Mo.`, 400, "file");
  const content = Buffer.from(await file.arrayBuffer());
  const zip = content.length >= 4 && content[0] === 0x50 && content[1] === 0x4b && content[2] === 0x03 && content[3] === 0x04;
  const format = /\.xlsx$/i.test(name) ? "xlsx" : /\.(csv|txt)$/i.test(name) ? "csv" : null;
  if (!format || (format === "xlsx") !== zip || (format === "csv" && content.includes(0))) {
    throw new Refusal(`Fichier : « ${name} » n’est ni un CSV ni un classeur XLSX. Enregistrez votre tableau dans l’un de ces formats.`, 400, "file");
  }
  return transaction(async () => {
    const imp = await data.insertImport({ roadmapId: roadmap.id, filename: name, format, content, requestedBy: viewer.userId });
    // the job reads the row on its own connection: sent once it is committed
    await onCommit(() => enqueue(ROADMAP_IMPORT_QUEUE, { importId: imp.id }));
    return imp.id;
  });
}

function importView(i: Omit<RoadmapImport, "content">) {
  const errors = (Array.isArray(i.errors) ? i.errors : []) as (LineError & { more?: number })[];
  const percent = i.status === "done" ? 100 : i.total ? Math.min(99, Math.round((i.processed / i.total) * 100)) : 0;
  return {
    id: i.id,
    filename: i.filename,
    status: i.status,
    statusLabel: importStatuses[i.status],
    active: i.status === "queued" || i.status === "running",
    stage: i.status === "queued" ? "En attente de démarrage" : i.stage,
    percent,
    total: i.total,
    processed: i.processed,
    summary:
      i.status === "done"
        ? `${plural(i.created_items, "élément importé", "éléments importés")}, ${plural(i.created_milestones, "jalon", "jalons")}.`
        : i.status === "failed"
          ? fr(i.failure ?? "")
          : i.status === "running"
            ? `${i.stage}\u00a0: ${i.processed} ${i.processed >= 2 ? "lignes" : "ligne"} sur ${i.total}.`
            : "En attente de démarrage.",
    errors: errors.map((e) => ({ line: e.line, column: e.column, message: fr(e.message) })),
    createdAt: formatDateTime(i.created_at),
  };
}

/** The import page: what the file holds (the columns), the template, the last imports. */
export async function importsPage(viewer: Viewer, labSlug: string, roadmapId: string) {
  const { lab, roadmap } = await requireRoadmap(viewer, labSlug, roadmapId);
  return {
    lab,
    roadmap: { id: roadmap.id, title: fr(roadmap.title) },
    columns: importedColumns.map((c) => ({ name: columns[c], help: fr(columnHelp[c as keyof typeof columnHelp]) })),
    maxRows: MAX_IMPORT_ROWS,
    maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024,
    imports: (await data.importsOf(roadmap.id)).map(importView),
  };
}

/** One import: its progress while it runs, then what it added or its error report. */
export async function importPage(viewer: Viewer, labSlug: string, roadmapId: string, importId: string) {
  const { lab, roadmap } = await requireRoadmap(viewer, labSlug, roadmapId);
  const imp = await data.getImport(importId);
  if (!imp || imp.roadmap_id !== roadmap.id) throw new Refusal("Cet import n’existe pas.", 404);
  const { content: _, ...rest } = imp;
  return { lab, roadmap: { id: roadmap.id, title: fr(roadmap.title) }, import: importView(rest) };
}

/** The template (modele-import.csv, .xlsx): the columns and a small example tree. */
export async function importTemplate(viewer: Viewer, labSlug: string, roadmapId: string): Promise<TableExport> {
  await requireRoadmap(viewer, labSlug, roadmapId);
  return { filename: "modele-import-feuille-de-route", sheet: "Feuille de route", header: header.slice(0, importedColumns.length), rows: templateRows() };
}

// ---------------------------------------------------------------- the job

/** The tree the rows make, checked against each other and the lab's projects: the order to add them in, or errors. */
function plan(rows: ImportRow[], places: LinePlace[], projects: { id: string; title: string }[]): { ordered: ImportRow[]; projectOf: Map<ImportRow, string>; errors: LineError[] } {
  const errors: LineError[] = [];
  const byRef = new Map<string, LinePlace>();
  for (const r of places) {
    const first = byRef.get(r.ref);
    if (first) errors.push({ line: r.line, column: columns.ref, message: `${columns.ref} : « ${r.ref} » est déjà celle de la ligne ${first.line}.` });
    else byRef.set(r.ref, r);
  }
  const byTitle = new Map<string, { id: string; title: string }[]>();
  for (const p of projects) byTitle.set(p.title.trim().toLowerCase(), [...(byTitle.get(p.title.trim().toLowerCase()) ?? []), p]);
  const projectOf = new Map<ImportRow, string>();
  for (const r of places) {
    if (r.kind && r.kind !== "axis" && r.parentRef) {
      const parent = byRef.get(r.parentRef);
      const want = parentKind[r.kind]!;
      if (!parent) errors.push({ line: r.line, column: columns.parent, message: `${columns.parent} : aucune ligne n’a la référence « ${r.parentRef} ».` });
      else if (parent.kind && parent.kind !== want) errors.push({ line: r.line, column: columns.parent, message: `${columns.parent} : un élément de type « ${itemKinds[r.kind].toLowerCase()} » se rattache à un ${itemKinds[want].toLowerCase()} ; « ${r.parentRef} » (ligne ${parent.line}) est un ${itemKinds[parent.kind].toLowerCase()}.` });
    }
  }
  for (const r of rows) {
    if (r.kind === "project") {
      const found = byTitle.get(r.projectTitle.toLowerCase()) ?? [];
      if (found.length === 1) projectOf.set(r, found[0].id);
      else errors.push({ line: r.line, column: columns.project, message: found.length ? `${columns.project} : plusieurs projets du lab s’appellent « ${r.projectTitle} ».` : `${columns.project} : aucun projet du lab ne s’appelle « ${r.projectTitle} ».` });
    }
  }
  // parents first: the kinds' levels make the tree acyclic once each parent is of the level above
  const depth = { axis: 0, flagship: 1, lever: 2, project: 3, initiative: 3 } as const;
  const ordered = [...rows].sort((a, b) => depth[a.kind] - depth[b.kind] || a.line - b.line);
  return { ordered, projectOf, errors };
}

/** Runs one queued import to its end: added, or refused with its report. */
export async function runImport(importId: string, at = new Date()): Promise<void> {
  const imp = await data.getImport(importId);
  if (!imp || imp.status !== "queued" || !imp.content) return;
  if (!(await data.claimImport(imp.id, at))) return;
  const fail = (failure: string, errors: LineError[] = []) => data.finishImport(imp.id, { status: "failed", failure, errors: errors.slice(0, MAX_ERRORS) });
  try {
    const roadmap = await data.getRoadmap(imp.roadmap_id);
    if (!roadmap) return;
    // who sent it must still be of the lab team when it runs
    const principal = imp.requested_by ? await loadPrincipal(imp.requested_by) : null;
    if (!principal || !roadmapRights(principal, roadmap).edit) return void (await fail("Vous ne faites plus partie de l’équipe du lab : l’import n’a rien ajouté."));
    const viewer: Viewer = { userId: imp.requested_by!, principal };
    const table = await readTable(imp.format, imp.content);
    if (typeof table === "string") return void (await fail(table));
    await data.reportImport(imp.id, { stage: "Vérification des lignes", total: table.rows.length, processed: 0 });
    // the lines are checked by slices, the progress written after each
    const rows: ImportRow[] = [];
    const places: LinePlace[] = [];
    const errors: LineError[] = [];
    const SLICE = 100;
    for (let n = 0; n < table.rows.length; n += SLICE) {
      const r = readRows({ header: table.header, rows: table.rows.slice(n, n + SLICE) });
      if (r.errors.some((e) => e.line === 1)) return void (await fail(r.errors[0].message, r.errors));
      rows.push(...r.rows);
      places.push(...r.places);
      errors.push(...r.errors);
      await data.reportImport(imp.id, { processed: Math.min(table.rows.length, n + SLICE) });
    }
    const labs = [roadmap.lab_id, roadmap.partner_lab_id].filter((x): x is string => !!x);
    const projects = (await Promise.all(labs.map((l) => labProjectChoices(viewer, l)))).flat();
    const p = plan(rows, places, projects);
    errors.push(...p.errors);
    if (errors.length) {
      // by line, each line's errors in the order found (its cells, then its place in the tree)
      errors.sort((a, b) => a.line - b.line);
      const lines = new Set(errors.map((e) => e.line)).size;
      return void (await fail(`${plural(errors.length, "erreur", "erreurs")} sur ${plural(lines, "ligne", "lignes")} : rien n’a été importé. Corrigez le fichier et envoyez-le de nouveau.`, errors));
    }
    await data.reportImport(imp.id, { stage: "Enregistrement des éléments", processed: 0 });
    const created = await transaction(async () => {
      const idOf = new Map<string, string>();
      let milestones = 0;
      for (const r of p.ordered) {
        const item = await data.insertItem({
          roadmapId: roadmap.id,
          parentId: r.parentRef ? idOf.get(r.parentRef)! : null,
          kind: r.kind,
          title: r.title,
          description: r.description,
          transversal: r.transversal,
          projectId: r.kind === "project" ? p.projectOf.get(r)! : null,
          ownerName: r.ownerName,
          ownerRole: r.ownerRole,
          ownerNamePublic: r.ownerNamePublic,
          startsOn: r.startsOn,
          endsOn: r.endsOn,
          calendar: r.calendar,
          public: r.public,
          weight: r.weight,
          status: r.status,
          at,
        });
        idOf.set(r.ref, item.id);
        for (const m of r.milestones) {
          await data.insertMilestone(item.id, m);
          milestones++;
        }
      }
      await recompute(roadmap, at, `Import du fichier ${imp.filename}`);
      return { items: p.ordered.length, milestones };
    });
    await data.finishImport(imp.id, { status: "done", createdItems: created.items, createdMilestones: created.milestones });
  } catch (err) {
    runtime().log.error("roadmap import failed", { importId, err });
    await fail("L’import a échoué. Envoyez le fichier de nouveau ; si l’échec se répète, signalez-le.");
  }
}

/** The job handler registered with the queue (server/main.ts). */
export async function roadmapImportJob(jobData: Record<string, unknown>): Promise<void> {
  if (typeof jobData.importId === "string") await runImport(jobData.importId);
}

/** Imports left running by a stopped server cannot resume: marked failed, to be sent again. */
export function recoverInterruptedImports(): Promise<number> {
  return data.failRunningImports("L’import a été interrompu par un redémarrage du serveur : rien n’a été importé. Envoyez le fichier de nouveau.");
}
