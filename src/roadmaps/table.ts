/**
 * A roadmap as a table, both ways: the columns the export writes and the import reads (so an
 * export is re-imported as it is), the template, and the reading of an imported file — CSV or
 * XLSX — into checked rows, each error with its line, its column and a French message. Pure
 * but for exceljs reading the bytes: no database here (the import job resolves projects).
 */
import ExcelJS from "exceljs";
import { z } from "zod";
import { readCsv } from "../kernel/csv";
import { parisMidnight } from "../kernel/forms";
import { isoDay } from "../kernel/format";
import { mainStages, stageLabels, type MainStage } from "../projects/stages";
import type { EvidenceKind, ItemKind, ItemStatus } from "./rules";

/** The columns, in order; the last three are written by the export and ignored by the import. */
export const columns = {
  ref: "Référence",
  kind: "Type",
  parent: "Rattaché à (référence)",
  title: "Titre",
  description: "Description",
  transversal: "Transversal",
  project: "Projet du lab",
  ownerName: "Porteur (nom)",
  ownerRole: "Porteur (fonction)",
  ownerNamePublic: "Porteur nommé publiquement",
  startsOn: "Début",
  endsOn: "Fin",
  calendar: "Calendrier prévisionnel",
  public: "Public",
  weight: "Poids",
  status: "Statut",
  milestones: "Jalons",
  percent: "Avancement (%)",
  why: "Pourquoi ce chiffre",
  milestonesDone: "Jalons franchis",
} as const;
export type Column = keyof typeof columns;
export const importedColumns = Object.keys(columns).filter((c) => !["percent", "why", "milestonesDone"].includes(c)) as Column[];
export const header = Object.values(columns) as string[];

/** What each column holds, for the import page. */
export const columnHelp: Record<Exclude<Column, "percent" | "why" | "milestonesDone">, string> = {
  ref: "Obligatoire. Un repère unique dans le fichier (1, 1.2, 1.2.3…) : les autres lignes s’y rattachent.",
  kind: "Obligatoire. axe, projet phare, levier, projet connexe (un projet du lab) ou initiative.",
  parent: "La référence de l’élément au-dessus : un axe pour un projet phare, un projet phare pour un levier, un levier pour un projet connexe ou une initiative. Vide pour un axe.",
  title: "Obligatoire, de 2 à 300 caractères.",
  description: "Facultatif.",
  transversal: "oui ou non (un axe seulement). Vide : non.",
  project: "Pour un projet connexe : le titre exact d’un projet du lab.",
  ownerName: "Facultatif.",
  ownerRole: "Facultatif : sa fonction ou son service (montré sur le traceur à la place du nom).",
  ownerNamePublic: "oui si le porteur accepte d’être nommé sur le traceur. Vide : non.",
  startsOn: "Facultatif, jj/mm/aaaa.",
  endsOn: "Facultatif, jj/mm/aaaa, après le début.",
  calendar: "Facultatif, en toutes lettres (« Septembre à décembre 2021 »).",
  public: "oui ou non. Vide : oui.",
  weight: "Facultatif : un nombre positif jusqu’à 1000 (2 ou 0,5). Vide : compte comme ses voisins.",
  status: "En cours, Terminé ou Arrêté. Vide : en cours.",
  milestones: "Facultatif : un jalon par ligne de la cellule, « Titre | prévu le jj/mm/aaaa | franchi le jj/mm/aaaa | preuve : https://… » (seul le titre est obligatoire ; la preuve peut être un lien, quelques mots, ou « étape : prototype » pour un projet connexe).",
};

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;
/** Columns read in a sheet: the roadmap's are 20; a few more for the sheets that add their own. */
const MAX_IMPORT_COLUMNS = 60;

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, " ")
    .trim();

const kindWords: Record<string, ItemKind> = {
  axe: "axis",
  "projet phare": "flagship",
  levier: "lever",
  "levier de transformation": "lever",
  "projet connexe": "project",
  "projet connecte": "project",
  "projet connexe (projet du lab)": "project",
  "projet du lab": "project",
  initiative: "initiative",
};
const statusWords: Record<string, ItemStatus> = { "": "active", "en cours": "active", actif: "active", termine: "done", "terminé": "done", arrete: "stopped" };
const yes = new Set(["oui", "o", "x", "vrai", "true", "1", "yes"]);
const no = new Set(["non", "n", "faux", "false", "0", "no", ""]);

// ---------------------------------------------------------------- writing

/** « 01/12/2021 », the Paris day. */
export function frenchDay(d: Date | null): string {
  if (!d) return "";
  const [y, m, day] = isoDay(d).split("-");
  return `${day}/${m}/${y}`;
}

export interface MilestoneCell {
  title: string;
  planned_on: Date | null;
  done_on: Date | null;
  evidence_kind: EvidenceKind | null;
  evidence_url: string | null;
  evidence_text: string | null;
  evidence_stage: MainStage | null;
  fileName?: string | null;
}

/** A milestone as one line of the « Jalons » cell. */
export function milestoneLine(m: MilestoneCell): string {
  const parts = [m.title.replace(/\s*\|\s*/g, " / ").replace(/\s*\n\s*/g, " ")];
  if (m.planned_on) parts.push(`prévu le ${frenchDay(m.planned_on)}`);
  if (m.done_on) parts.push(`franchi le ${frenchDay(m.done_on)}`);
  if (m.evidence_kind === "link" && m.evidence_url) parts.push(`preuve : ${m.evidence_url}`);
  if (m.evidence_kind === "text" && m.evidence_text) parts.push(`preuve : ${m.evidence_text.replace(/\s*\|\s*/g, " / ").replace(/\s*\n\s*/g, " ")}`);
  if (m.evidence_kind === "file") parts.push(`preuve : document joint${m.fileName ? ` (${m.fileName})` : ""}`);
  if (m.evidence_kind === "stage" && m.evidence_stage) parts.push(`étape : ${stageLabels[m.evidence_stage].toLowerCase()}`);
  return parts.join(" | ");
}

export const kindWord: Record<ItemKind, string> = { axis: "axe", flagship: "projet phare", lever: "levier", project: "projet connexe", initiative: "initiative" };
export const statusWord: Record<ItemStatus, string> = { active: "En cours", done: "Terminé", stopped: "Arrêté" };
export const yesNo = (b: boolean) => (b ? "oui" : "non");

/** The template: a header and a small example tree (Lab'EST's own words). */
export function templateRows(): string[][] {
  const row = (v: Partial<Record<Column, string>>) => importedColumns.map((c) => v[c] ?? "");
  return [
    row({ ref: "1", kind: "axe", title: "Simplifier les démarches des usagers", public: "oui" }),
    row({ ref: "1.1", kind: "projet phare", parent: "1", title: "Accueil unique dans les sous-préfectures", ownerRole: "SGAR Grand Est", public: "oui" }),
    row({ ref: "1.1.1", kind: "levier", parent: "1.1", title: "Former les agents d’accueil", public: "oui", weight: "2" }),
    row({
      ref: "1.1.1.1",
      kind: "initiative",
      parent: "1.1.1",
      title: "Offre réciproque de formations État–Région",
      ownerName: "Paul Durand",
      ownerRole: "Plateforme RH",
      ownerNamePublic: "oui",
      startsOn: "01/09/2021",
      endsOn: "31/12/2022",
      calendar: "Septembre 2021 à décembre 2022",
      public: "oui",
      status: "En cours",
      milestones: "Catalogue commun publié | prévu le 01/12/2021 | franchi le 15/12/2021 | preuve : https://www.grandest.fr/\nPremières inscriptions croisées | prévu le 01/03/2022",
    }),
  ];
}

// ---------------------------------------------------------------- reading

export interface ImportRow {
  line: number;
  ref: string;
  kind: ItemKind;
  parentRef: string | null;
  title: string;
  description: string;
  transversal: boolean;
  projectTitle: string;
  ownerName: string;
  ownerRole: string;
  ownerNamePublic: boolean;
  startsOn: Date | null;
  endsOn: Date | null;
  calendar: string;
  public: boolean;
  weight: number | null;
  status: ItemStatus;
  milestones: ImportMilestone[];
}

export interface ImportMilestone {
  title: string;
  plannedOn: Date | null;
  doneOn: Date | null;
  evidenceKind: EvidenceKind | null;
  evidenceUrl: string | null;
  evidenceText: string | null;
  evidenceStage: MainStage | null;
}

export interface LineError {
  line: number;
  column: string;
  message: string;
}

/** A day written jj/mm/aaaa (or aaaa-mm-jj, as XLSX dates are read), Paris midnight; undefined: not a date. */
export function readDay(v: string): Date | null | undefined {
  const s = v.trim();
  if (!s) return null;
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (m) return parisMidnight(`${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`) ?? undefined;
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(s);
  if (m) return parisMidnight(`${m[1]}-${m[2]}-${m[3]}`) ?? undefined;
  return undefined;
}

const text = (max: number, label: string, required = false, min = 0) =>
  z
    .string()
    .transform((v) => v.trim())
    .refine((v) => (!required && v === "") || v.length >= Math.max(min, required ? 1 : 0), required ? `${label} : ce champ est obligatoire${min > 1 ? ` (au moins ${min} caractères)` : ""}.` : `${label} : trop court.`)
    .refine((v) => v.length <= max, `${label} : ${max} caractères au plus.`);

const flag = (label: string, empty: boolean) =>
  z
    .string()
    .transform((v) => fold(v))
    .refine((v) => yes.has(v) || no.has(v), `${label} : écrivez oui ou non.`)
    .transform((v) => (v === "" ? empty : yes.has(v)));

const day = (label: string) =>
  z.string().transform((v, ctx) => {
    const d = readDay(v);
    if (d === undefined) {
      ctx.addIssue({ code: "custom", message: `${label} : une date au format jj/mm/aaaa (par exemple 01/09/2021).` });
      return z.NEVER;
    }
    return d;
  });

/** One line of the file, each cell a string; the messages name the column. */
export const importRowSchema = z
  .object({
    ref: text(50, columns.ref, true),
    kind: z
      .string()
      .transform((v) => kindWords[fold(v)])
      .refine((v): v is ItemKind => !!v, `${columns.kind} : axe, projet phare, levier, projet connexe ou initiative.`),
    parent: z.string().transform((v) => v.trim() || null),
    title: text(300, columns.title, true, 2),
    description: text(5000, columns.description),
    transversal: flag(columns.transversal, false),
    project: text(300, columns.project),
    ownerName: text(200, columns.ownerName),
    ownerRole: text(200, columns.ownerRole),
    ownerNamePublic: flag(columns.ownerNamePublic, false),
    startsOn: day(columns.startsOn),
    endsOn: day(columns.endsOn),
    calendar: text(2000, columns.calendar),
    public: flag(columns.public, true),
    weight: z
      .string()
      .transform((v) => v.trim().replace(",", "."))
      .refine((v) => v === "" || (/^\d{1,4}(\.\d{1,2})?$/.test(v) && Number(v) > 0 && Number(v) <= 1000), `${columns.weight} : un nombre positif jusqu’à 1000 (par exemple 2 ou 0,5), ou vide.`)
      .transform((v) => (v === "" ? null : Number(v))),
    status: z
      .string()
      .transform((v) => statusWords[fold(v)])
      .refine((v): v is ItemStatus => !!v, `${columns.status} : En cours, Terminé ou Arrêté.`),
    milestones: z.string().transform((v, ctx) => {
      const out: ImportMilestone[] = [];
      for (const [n, line] of v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).entries()) {
        const r = readMilestone(line);
        if (typeof r === "string") ctx.addIssue({ code: "custom", message: `${columns.milestones} : jalon ${n + 1}, ${r}` });
        else out.push(r);
      }
      if (out.length > 50) ctx.addIssue({ code: "custom", message: `${columns.milestones} : 50 jalons au plus par élément.` });
      return out;
    }),
  });

/** The checks across a line's cells, made whatever else is wrong with it (so the report lists them all). */
function crossChecks(cells: Record<string, string>, line: number): LineError[] {
  const out: LineError[] = [];
  const kind = kindWords[fold(cells.kind ?? "")] as ItemKind | undefined;
  const parent = (cells.parent ?? "").trim();
  const starts = readDay(cells.startsOn ?? "");
  const ends = readDay(cells.endsOn ?? "");
  if (starts && ends && ends < starts) out.push({ line, column: columns.endsOn, message: `${columns.endsOn} : elle suit la date de début.` });
  if (yes.has(fold(cells.transversal ?? "")) && kind && kind !== "axis") out.push({ line, column: columns.transversal, message: `${columns.transversal} : seul un axe peut être transversal.` });
  if (kind === "axis" && parent) out.push({ line, column: columns.parent, message: `${columns.parent} : un axe n’est rattaché à rien (laissez vide).` });
  if (kind && kind !== "axis" && !parent) out.push({ line, column: columns.parent, message: `${columns.parent} : indiquez la référence de l’élément au-dessus.` });
  if (kind === "project" && !(cells.project ?? "").trim()) out.push({ line, column: columns.project, message: `${columns.project} : le titre du projet du lab relié.` });
  return out;
}

const stageWords = Object.fromEntries(mainStages.map((s) => [fold(stageLabels[s]), s])) as Record<string, MainStage>;

/** « Titre | prévu le 01/12/2021 | franchi le 15/12/2021 | preuve : … » — or what is wrong with it. */
export function readMilestone(line: string): ImportMilestone | string {
  const [title, ...rest] = line.split("|").map((p) => p.trim());
  if (title.length < 2 || title.length > 300) return "le titre fait de 2 à 300 caractères.";
  const m: ImportMilestone = { title, plannedOn: null, doneOn: null, evidenceKind: null, evidenceUrl: null, evidenceText: null, evidenceStage: null };
  for (const part of rest) {
    const f = fold(part);
    let x: RegExpExecArray | null;
    if ((x = /^(prevu|franchi)(?: le)? (.+)$/.exec(f))) {
      const d = readDay(x[2]);
      if (!d) return `« ${part} » : une date au format jj/mm/aaaa.`;
      if (x[1] === "prevu") m.plannedOn = d;
      else m.doneOn = d;
    } else if ((x = /^etape ?: ?(.+)$/.exec(f))) {
      const stage = stageWords[x[1]];
      if (!stage) return `« ${part} » : une étape parmi ${mainStages.map((s) => stageLabels[s].toLowerCase()).join(", ")}.`;
      m.evidenceKind = "stage";
      m.evidenceStage = stage;
    } else if (/^preuve ?:/.test(f)) {
      const proof = part.replace(/^[^:]*:\s*/, "");
      if (!proof) continue;
      if (/^https?:\/\//i.test(proof)) {
        if (!URL.canParse(proof) || proof.length > 1000 || /\s/.test(proof)) return `« ${proof} » : cette adresse web n’est pas valide.`;
        m.evidenceKind = "link";
        m.evidenceUrl = proof;
      } else {
        if (proof.length > 2000) return "la preuve fait 2000 caractères au plus.";
        m.evidenceKind = "text";
        m.evidenceText = proof;
      }
    } else return `« ${part} » : écrivez « prévu le jj/mm/aaaa », « franchi le jj/mm/aaaa », « preuve : … » ou « étape : … ».`;
  }
  return m;
}

export type Table = { header: string[]; rows: { line: number; cells: string[] }[] };

/** The header's columns recognised (accents, case and spaces aside); what is missing or unknown. */
function columnIndex(head: string[]): { index: Partial<Record<Column, number>>; missing: string[] } {
  const byName = new Map(Object.entries(columns).map(([k, v]) => [fold(v), k as Column]));
  // a few other words people use
  byName.set(fold("Rattaché à"), "parent");
  byName.set(fold("Parent"), "parent");
  byName.set(fold("Porteur ou porteuse (nom)"), "ownerName");
  byName.set(fold("Porteur ou porteuse (fonction ou service)"), "ownerRole");
  const index: Partial<Record<Column, number>> = {};
  head.forEach((h, i) => {
    const c = byName.get(fold(h));
    if (c && index[c] === undefined) index[c] = i;
  });
  const missing = (["ref", "kind", "title"] as Column[]).filter((c) => index[c] === undefined).map((c) => columns[c]);
  return { index, missing };
}

/** Where a line sits in the tree, as far as it can be read (for the checks between lines, faulty lines included). */
export interface LinePlace {
  line: number;
  ref: string;
  kind: ItemKind | undefined;
  parentRef: string | null;
}

/** Reads the checked rows of a table; every error with its line and column, none thrown. */
export function readRows(table: Table): { rows: ImportRow[]; errors: LineError[]; places: LinePlace[] } {
  const { index, missing } = columnIndex(table.header);
  if (missing.length) return { rows: [], places: [], errors: [{ line: 1, column: missing.join(", "), message: `Colonnes obligatoires absentes de la première ligne : ${missing.join(", ")}. Partez du modèle.` }] };
  const rows: ImportRow[] = [];
  const errors: LineError[] = [];
  const places: LinePlace[] = [];
  for (const r of table.rows) {
    const cells = Object.fromEntries(importedColumns.map((c) => [c, index[c] === undefined ? "" : (r.cells[index[c]!] ?? "")]));
    if (cells.ref.trim()) places.push({ line: r.line, ref: cells.ref.trim(), kind: kindWords[fold(cells.kind)], parentRef: cells.parent.trim() || null });
    const p = importRowSchema.safeParse(cells);
    const cross = crossChecks(cells, r.line);
    if (!p.success) {
      for (const issue of p.error.issues) errors.push({ line: r.line, column: columns[(issue.path[0] as Column) ?? "ref"] ?? "", message: issue.message });
    }
    errors.push(...cross);
    if (!p.success || cross.length) continue;
    const v = p.data;
    rows.push({ line: r.line, ref: v.ref, kind: v.kind, parentRef: v.parent, title: v.title, description: v.description, transversal: v.transversal, projectTitle: v.project, ownerName: v.ownerName, ownerRole: v.ownerRole, ownerNamePublic: v.ownerNamePublic, startsOn: v.startsOn, endsOn: v.endsOn, calendar: v.calendar, public: v.public, weight: v.weight, status: v.status, milestones: v.milestones });
  }
  errors.sort((a, b) => a.line - b.line || importedColumns.findIndex((c) => columns[c] === a.column) - importedColumns.findIndex((c) => columns[c] === b.column));
  return { rows, errors, places };
}

/** A cell of exceljs as the text a person sees. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return `${v.getUTCFullYear()}-${String(v.getUTCMonth() + 1).padStart(2, "0")}-${String(v.getUTCDate()).padStart(2, "0")}`;
  if (typeof v === "number") return String(v).replace(".", ",");
  if (typeof v === "string" || typeof v === "boolean") return String(v);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("text" in v && typeof v.text === "string") return v.text;
    if ("result" in v) return cellText(v.result as ExcelJS.CellValue);
    if ("error" in v) return "";
  }
  return "";
}

/** The file's first sheet (XLSX) or its records (CSV) as a table; a French message when it cannot be read. */
export async function readTable(format: "csv" | "xlsx", bytes: Uint8Array): Promise<Table | string> {
  let grid: string[][];
  if (format === "csv") grid = readCsv(bytes);
  else {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(Buffer.from(bytes) as never);
    } catch {
      return "Ce fichier n’est pas un classeur XLSX lisible. Enregistrez-le au format Excel (.xlsx) ou CSV.";
    }
    const sheet = wb.worksheets[0];
    if (!sheet) return "Ce classeur n’a aucune feuille.";
    grid = [];
    for (let n = 1; n <= Math.min(sheet.rowCount, MAX_IMPORT_ROWS + 2); n++) {
      const row = sheet.getRow(n);
      const cells: string[] = [];
      // a sheet formatted to its last column (16 384) is read on its first columns only
      for (let c = 1; c <= Math.min(MAX_IMPORT_COLUMNS, Math.max(row.cellCount, sheet.columnCount)); c++) cells.push(cellText(row.getCell(c).value));
      grid.push(cells.every((x) => x === "") ? [] : cells);
    }
  }
  const headAt = grid.findIndex((r) => r.length > 0);
  if (headAt < 0) return "Ce fichier est vide.";
  const rows = grid
    .map((cells, i) => ({ line: i + 1, cells }))
    .slice(headAt + 1)
    .filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (!rows.length) return "Ce fichier n’a que sa ligne d’en-tête : aucun élément à importer.";
  if (rows.length > MAX_IMPORT_ROWS) return `Ce fichier a plus de ${MAX_IMPORT_ROWS} lignes : découpez-le.`;
  return { header: grid[headAt], rows };
}
