/**
 * The resources library's use cases: the library (search, tags, filters), a sheet, its files,
 * the lab team's pages that write, publish and archive sheets, case studies drafted from projects,
 * and the list of methods that Mini-Lab sessions choose from (the method sheets of the lab).
 * Each checks who asks (./permissions) first and runs in one transaction.
 */
import { getLab, getLabs } from "../labs/labs";
import { requireLabRole } from "../labs/service";
import { Refusal, type Principal, type Viewer } from "../kernel/permissions";
import { transaction } from "../kernel/db/transaction";
import { checkUploads } from "../kernel/uploads";
import { formatDate } from "../kernel/format";
import { caseStudyCandidates, caseStudySource } from "../projects";
import * as data from "./resources";
import { kindFields, resourceKinds, visibilities, type Resource, type ResourceKind } from "./db/schema";
import { resourceRights } from "./permissions";
import type { LibraryFilters, ResourceAction } from "./schemas";

const PAGE = 20;
const MAX_FILE = 10 * 1024 * 1024;

// ---------------------------------------------------------------- method usage, as minilabs reports it

/** How many Mini-Lab sessions of a lab use each method (by name): the minilabs module answers, wired at boot. */
export type MethodUsageSource = (labId: string) => Promise<Map<string, number>>;
// On globalThis, as the committees' registry: the server entry (which wires at boot) and the bundled app hold two copies of this file.
const USAGE = Symbol.for("germoir.resources.methodUsage");
const holder = globalThis as unknown as Record<symbol, MethodUsageSource | undefined>;
export function registerMethodUsage(source: MethodUsageSource): void {
  holder[USAGE] = source;
}
async function usageOf(labId: string): Promise<Map<string, number>> {
  const source = holder[USAGE];
  return source ? source(labId) : new Map();
}

// ---------------------------------------------------------------- the methods Mini-Labs choose from

/** The methods a new lab starts with; the lab team completes the sheets, adds and archives its own. */
export const defaultMethods: { title: string; summary: string }[] = [
  { title: "Remue-méninges", summary: "Produire un maximum d’idées sans les juger, puis les regrouper." },
  { title: "Personas", summary: "Décrire des usagers types pour se mettre à leur place." },
  { title: "Parcours usager", summary: "Suivre une démarche étape par étape, avec ses irritants." },
  { title: "Carte d’empathie", summary: "Ce que l’usager voit, entend, pense, dit et fait." },
  { title: "Prototypage", summary: "Fabriquer vite une maquette ou un test grandeur nature." },
  { title: "Vote par gommettes", summary: "Chacun répartit ses gommettes sur les propositions qu’il préfère." },
];

export interface LabMethod {
  id: string;
  label: string;
  description: string;
  archived_at: Date | null;
}
const asMethod = (r: Resource): LabMethod => ({ id: r.id, label: r.title, description: r.summary, archived_at: r.archived_at });

/**
 * Gives a lab the default method sheets the first time its list is read empty: Mini-Lab sessions
 * may use them at once; they stay drafts in the library until the lab team writes them out and
 * publishes them.
 */
export async function ensureLabMethods(labId: string): Promise<void> {
  if ((await data.countMethods(labId)) > 0) return;
  await data.insertMethodsIfMissing(
    labId,
    defaultMethods.map((m) => ({ ...m, published: false })),
    null,
  );
}

/** A lab's methods, for Mini-Lab sessions: name and one-line description (archived ones on demand). */
export async function labMethods(labId: string, opts: { includeArchived?: boolean } = {}): Promise<LabMethod[]> {
  return (await data.methodsOfLab(labId, opts)).map(asMethod);
}

/** Adds a method sheet (published for agents), or brings back an archived one of the same name with the new description. */
export async function addLabMethod(labId: string, label: string, description: string, createdBy: string | null): Promise<void> {
  await transaction(async () => {
    const existing = await data.methodByName(labId, label);
    if (existing) {
      await data.updateResource(existing.id, { summary: description });
      if (existing.archived_at) await data.setArchived(existing.id, false);
      return;
    }
    await data.createResource({ labId, kind: "method", title: label, summary: description, createdBy, published: true });
  });
}

export async function setLabMethodArchived(labId: string, methodId: string, archived: boolean): Promise<boolean> {
  const r = await data.getResource(methodId);
  if (!r || r.lab_id !== labId || r.kind !== "method") return false;
  await data.setArchived(r.id, archived);
  return true;
}

// ---------------------------------------------------------------- the library

const labelOf = (kind: ResourceKind) => resourceKinds[kind];

/** The published sheets this viewer may read (public ones only without signing in), searched and filtered. */
export async function libraryPage(viewer: { principal: Principal } | null, filters: LibraryFilters) {
  const agents = !!viewer;
  const { rows, total } = await data.searchLibrary({ terms: filters.terms, kind: filters.kind, tag: filters.tag, agents, limit: PAGE, offset: (filters.page - 1) * PAGE });
  const labIds = [...new Set(rows.map((r) => r.lab_id))];
  const [labs, tags] = await Promise.all([getLabs(labIds), data.libraryTags(agents)]);
  const usage = new Map<string, Map<string, number>>();
  for (const labId of new Set(rows.filter((r) => r.kind === "method").map((r) => r.lab_id))) usage.set(labId, await usageOf(labId));
  return {
    signedIn: agents,
    filters,
    total,
    pages: Math.max(1, Math.ceil(total / PAGE)),
    tags,
    kinds: Object.entries(resourceKinds).map(([value, label]) => ({ value, label })),
    resources: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      kindLabel: labelOf(r.kind),
      title: r.title,
      summary: r.summary || r.objective || r.problem,
      tags: r.tags,
      lab: labs.get(r.lab_id)?.name ?? "",
      public: r.visibility === "public",
      sessions: r.kind === "method" ? (usage.get(r.lab_id)?.get(r.title) ?? 0) : null,
    })),
  };
}

async function readable(viewer: { principal: Principal } | null, id: string) {
  const r = await data.getResource(id);
  if (!r) throw new Refusal("Cette ressource n’existe pas.", 404);
  const rights = resourceRights(viewer?.principal, r);
  // an agents-only sheet asks a visitor to sign in; a draft is unknown to whoever may not edit it
  if (!rights.read) {
    if (!viewer && r.published_at && !r.archived_at) throw new Refusal("Cette fiche est réservée aux agents connectés.", 403);
    throw new Refusal("Cette ressource n’existe pas.", 404);
  }
  return { resource: r, rights };
}

/** One sheet: its fields, its attached templates, « utilisée dans N séances » for a method. */
export async function resourcePage(viewer: { principal: Principal } | null, id: string) {
  const { resource: r, rights } = await readable(viewer, id);
  const [lab, files, usage] = await Promise.all([getLab(r.lab_id), data.files.list(r.id), r.kind === "method" ? usageOf(r.lab_id) : Promise.resolve(null)]);
  return {
    rights,
    lab: { name: lab?.name ?? "", slug: lab?.slug ?? "" },
    resource: {
      ...r,
      kindLabel: labelOf(r.kind),
      visibilityLabel: visibilities[r.visibility],
      updated: formatDate(r.updated_at),
      draft: !r.published_at,
      archived: !!r.archived_at,
    },
    sessions: usage ? (usage.get(r.title) ?? 0) : null,
    files: files.map((f) => ({ id: f.id, filename: f.filename, size: f.size })),
  };
}

export async function resourceFile(viewer: { principal: Principal } | null, id: string, fileId: string) {
  const { resource } = await readable(viewer, id);
  const f = await data.files.get(resource.id, fileId);
  if (!f) throw new Refusal("Ce fichier n’existe pas.", 404);
  return f;
}

// ---------------------------------------------------------------- the lab team's pages

async function teamLab(viewer: Viewer, labSlug: string) {
  const lab = await requireLabRole(labSlug, viewer.principal, "lab_team");
  return { id: lab.id, slug: lab.slug, name: lab.name };
}

/** The lab's sheets, drafts included, and the projects that may become case studies. */
export async function labLibrary(viewer: Viewer, labSlug: string) {
  const lab = await teamLab(viewer, labSlug);
  await ensureLabMethods(lab.id);
  const [list, usage, candidates] = await Promise.all([data.labResources(lab.id), usageOf(lab.id), caseStudyCandidates(viewer, lab.id)]);
  const told = new Set((await data.caseStudiesOfProjects(candidates.map((c) => c.id))).map((c) => c.project_id));
  return {
    lab,
    kinds: Object.entries(resourceKinds).map(([value, label]) => ({ value, label })),
    resources: list.map((r) => ({
      id: r.id,
      kind: r.kind,
      kindLabel: labelOf(r.kind),
      title: r.title,
      status: r.archived_at ? "Archivée" : r.published_at ? "Publiée" : "Brouillon",
      visibility: visibilities[r.visibility],
      sessions: r.kind === "method" ? (usage.get(r.title) ?? 0) : null,
    })),
    candidates: candidates.map((c) => ({ value: c.id, label: `${c.title} (${c.stageLabel.toLowerCase()})${told.has(c.id) ? " – déjà racontée" : ""}` })),
  };
}

export async function createResourceFor(viewer: Viewer, labSlug: string, input: { kind: ResourceKind; title: string }): Promise<Resource> {
  const lab = await teamLab(viewer, labSlug);
  return transaction(async () => {
    if (input.kind === "method" && (await data.methodByName(lab.id, input.title))) throw new Refusal("Titre : le lab a déjà une méthode de ce nom.", 409, "title");
    return data.createResource({ labId: lab.id, kind: input.kind, title: input.title, createdBy: viewer.userId });
  });
}

/** Drafts a case study from a project at évaluation or déploiement: the lab team edits, then publishes it. */
export async function generateCaseStudy(viewer: Viewer, labSlug: string, projectId: string): Promise<Resource> {
  const lab = await teamLab(viewer, labSlug);
  return transaction(async () => {
    const source = await caseStudySource(viewer, projectId);
    if (source.labId !== lab.id) throw new Refusal("Projet : choisissez un projet du lab.", 400, "projectId");
    return data.createResource({
      labId: lab.id,
      kind: "case_study",
      title: source.title.length >= 2 ? source.title.slice(0, 200) : `Étude de cas : ${source.title}`,
      projectId: source.id,
      summary: source.problem.split("\n")[0].slice(0, 1000),
      problem: source.problem.slice(0, 5000),
      body: source.method.slice(0, 10_000),
      result: source.result.slice(0, 5000),
      indicators: source.indicators.slice(0, 5000),
      tags: ["étude de cas"],
      createdBy: viewer.userId,
    });
  });
}

async function teamResource(viewer: Viewer, labSlug: string, id: string) {
  const lab = await teamLab(viewer, labSlug);
  const r = await data.getResource(id);
  if (!r || r.lab_id !== lab.id) throw new Refusal("Cette ressource n’existe pas.", 404);
  return { lab, resource: r };
}

export async function resourceEditPage(viewer: Viewer, labSlug: string, id: string) {
  const { lab, resource: r } = await teamResource(viewer, labSlug, id);
  const [files, usage] = await Promise.all([data.files.list(r.id), r.kind === "method" ? usageOf(lab.id) : Promise.resolve(null)]);
  return {
    lab,
    resource: { ...r, kindLabel: labelOf(r.kind), draft: !r.published_at, archived: !!r.archived_at },
    sessions: usage ? (usage.get(r.title) ?? 0) : null,
    files: files.map((f) => ({ id: f.id, filename: f.filename, size: f.size })),
  };
}

/** Applies one change to a sheet; returns a French confirmation. */
export async function resourceAction(viewer: Viewer, labSlug: string, id: string, action: ResourceAction, uploads: FormDataEntryValue[] = []): Promise<string> {
  const { lab, resource: r } = await teamResource(viewer, labSlug, id);
  return transaction(async () => {
    switch (action.intent) {
      case "save": {
        const { intent: _intent, ...all } = action;
        const fields = Object.fromEntries(Object.entries(all).filter(([k]) => (["title", "summary", "tags", "visibility", ...kindFields[r.kind]] as string[]).includes(k)));
        fields.title = all.title;
        if (r.kind === "method" && all.title !== r.title) {
          const used = (await usageOf(lab.id)).get(r.title) ?? 0;
          if (used > 0) throw new Refusal(`Titre : cette méthode est utilisée dans ${used} séance${used > 1 ? "s" : ""} de Mini-Lab sous ce nom ; créez plutôt une nouvelle fiche.`, 409, "title");
          if (await data.methodByName(lab.id, all.title)) throw new Refusal("Titre : le lab a déjà une méthode de ce nom.", 409, "title");
        }
        await data.updateResource(r.id, fields);
        return "La fiche est enregistrée.";
      }
      case "publish":
        await data.setPublished(r.id, true);
        return r.visibility === "public" ? "La fiche est publiée pour tous." : "La fiche est publiée pour les agents connectés.";
      case "unpublish":
        await data.setPublished(r.id, false);
        return "La fiche est redevenue un brouillon.";
      case "archive":
        await data.setArchived(r.id, true);
        return "La fiche est archivée : elle ne paraît plus dans la bibliothèque.";
      case "restore":
        await data.setArchived(r.id, false);
        return "La fiche est de retour.";
      case "upload": {
        const check = await checkUploads(uploads, MAX_FILE, 5);
        if (!check.ok) throw new Refusal(check.error, 400, "files");
        if (!check.files.length) throw new Refusal("Fichiers : choisissez au moins un fichier.", 400, "files");
        const already = await data.files.list(r.id);
        if (already.length + check.files.length > 20) throw new Refusal("Fichiers : 20 au plus par fiche.", 400, "files");
        for (const f of check.files) await data.files.add(r.id, { filename: f.filename, mime: f.mime, content: f.content, uploadedBy: viewer.userId });
        return check.files.length > 1 ? "Les fichiers sont joints à la fiche." : "Le fichier est joint à la fiche.";
      }
      case "removeFile": {
        const f = await data.files.get(r.id, action.fileId);
        if (!f) throw new Refusal("Ce fichier n’existe plus.", 404);
        await data.files.remove(r.id, f.id);
        return "Le fichier est retiré.";
      }
    }
  });
}

/**
 * The library's sheets for method names written elsewhere (a training's « méthodes enseignées »):
 * for each name, the method sheet of that title (case aside) this viewer may read — the given
 * lab's first, then any lab's — or nothing. One list of methods: names that match link to it.
 */
export async function methodSheetsFor(viewer: { principal: Principal } | null, names: string[], preferLabId: string | null): Promise<Map<string, string>> {
  const sheets = (await data.methodsTitled(names)).filter((r) => resourceRights(viewer?.principal, r).read);
  const out = new Map<string, string>();
  for (const name of names) {
    const key = name.trim().toLowerCase();
    const same = sheets.filter((r) => r.title.trim().toLowerCase() === key);
    const pick = same.find((r) => r.lab_id === preferLabId) ?? same[0];
    if (pick) out.set(name, pick.id);
  }
  return out;
}
