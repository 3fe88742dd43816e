/**
 * The roadmap's words and its progress rules, pure (no database, no web): progress is computed,
 * never typed. A project's comes from its stage (each main stage stands for a share the roadmap
 * sets), an initiative's from its milestones done, a parent's from its children, weighted
 * (no weight counts as 1), « arrêté » children left out or counted at 0 % by the roadmap's rule.
 * Every figure carries the parts it is made of, and its « pourquoi ce chiffre ? » is written
 * from them, so the words cannot say another figure.
 */
import { mainStages, stageLabels, type MainStage, type Stage } from "../projects/stages";

export type ItemKind = "axis" | "flagship" | "lever" | "project" | "initiative";
export type ItemStatus = "active" | "done" | "stopped";
export type StopRule = "exclude" | "zero";
export type ConfidentialDisplay = "label" | "hidden";
export type EvidenceKind = "link" | "text" | "stage" | "file";
export type EventKind = "gate" | "stage" | "milestone" | "status";

export const itemKinds: Record<ItemKind, string> = { axis: "Axe", flagship: "Projet phare", lever: "Levier de transformation", project: "Projet connexe (projet du lab)", initiative: "Initiative" };
export const itemKindsPlural: Record<ItemKind, [string, string]> = { axis: ["axe", "axes"], flagship: ["projet phare", "projets phares"], lever: ["levier", "leviers"], project: ["projet", "projets"], initiative: ["initiative", "initiatives"] };
/** Which kind of item may sit under which. */
export const childKinds: Record<ItemKind, ItemKind[]> = { axis: ["flagship"], flagship: ["lever"], lever: ["project", "initiative"], project: [], initiative: [] };
export const parentKind: Partial<Record<ItemKind, ItemKind>> = { flagship: "axis", lever: "flagship", project: "lever", initiative: "lever" };
export const itemStatuses: Record<ItemStatus, string> = { active: "En cours", done: "Terminé", stopped: "Arrêté" };
export const stopRules: Record<StopRule, string> = { exclude: "Les éléments arrêtés sont exclus du calcul de leur parent", zero: "Les éléments arrêtés comptent pour 0\u00a0% dans leur parent" };
export const confidentialDisplays: Record<ConfidentialDisplay, string> = { label: "Montrés comme «\u00a0projet interne\u00a0»", hidden: "Pas montrés du tout" };
export const evidenceKinds: Record<EvidenceKind, string> = { link: "Lien", text: "Texte", file: "Fichier (PDF ou image)", stage: "Étape du projet atteinte" };

export type StageShares = Record<MainStage, number>;
/** Sensible defaults: a project in deployment is done; exploration has begun. */
export const defaultStageShares: StageShares = { exploration: 10, prototype: 30, experimentation: 50, evaluation: 75, deployment: 100 };

/** The shares stored for a roadmap, each kept to 0–100, defaults where one is missing. */
export function readStageShares(raw: unknown): StageShares {
  const out = { ...defaultStageShares };
  if (raw && typeof raw === "object") {
    for (const s of mainStages) {
      const v = (raw as Record<string, unknown>)[s];
      if (typeof v === "number" && Number.isFinite(v)) out[s] = Math.min(100, Math.max(0, v));
    }
  }
  return out;
}

const PAST_PROTOTYPE: readonly Stage[] = ["experimentation", "evaluation", "deployment"];

// ---------------------------------------------------------------- the roll-up

export interface RollupNode {
  id: string;
  kind: ItemKind;
  title: string;
  weight: number | null;
  status: ItemStatus;
  /** A connected project's stage (null: the project is gone or not linked). */
  project?: { stage: Stage; resumeStage: MainStage | null } | null;
  milestones: { done: boolean }[];
  children: RollupNode[];
}

export interface RollupSettings {
  shares: StageShares;
  stopRule: StopRule;
}

/** What a figure is made of. */
export type Basis =
  | { kind: "stage"; stage: Stage; resumeStage: MainStage | null; share: number }
  | { kind: "milestones"; done: number; total: number }
  | { kind: "marked"; status: "done" }
  | { kind: "children"; parts: Part[]; weighted: boolean; stoppedExcluded: number; stoppedAsZero: number; unmeasured: number }
  | { kind: "none"; reason: "no-milestone" | "no-project" | "no-child" };

export interface Part {
  id: string;
  percent: number;
  weight: number;
}

export interface Progress {
  id: string;
  /** 0 to 100, unrounded; null when nothing measures it yet. */
  percent: number | null;
  stopped: boolean;
  basis: Basis;
  /** Below it (itself included for a leaf): projects, past the prototype, milestones and done. */
  tally: { projects: number; pastPrototype: number; milestones: number; milestonesDone: number; stopped: number };
}

const emptyTally = () => ({ projects: 0, pastPrototype: 0, milestones: 0, milestonesDone: 0, stopped: 0 });

/**
 * Computes the progress of every node of these trees (and of the whole, under the id `root`):
 * a pure function of the nodes and the roadmap's settings.
 */
export function rollup(roots: RollupNode[], settings: RollupSettings, rootId = "root"): Map<string, Progress> {
  const out = new Map<string, Progress>();
  const visit = (n: RollupNode): Progress => {
    const tally = emptyTally();
    const childResults = n.children.map(visit);
    for (const c of childResults) addTally(tally, c.tally);
    let p: Progress;
    if (n.kind === "project") {
      const stage = n.project?.stage;
      tally.projects += 1;
      if (stage && PAST_PROTOTYPE.includes(stage)) tally.pastPrototype += 1;
      addMilestones(tally, n.milestones);
      const stopped = n.status === "stopped" || stage === "stopped";
      if (n.status === "done") p = { id: n.id, percent: 100, stopped: false, basis: { kind: "marked", status: "done" }, tally };
      else if (!n.project) p = { id: n.id, percent: null, stopped, basis: { kind: "none", reason: "no-project" }, tally };
      else {
        const effective = n.project.stage === "paused" ? n.project.resumeStage : n.project.stage === "stopped" ? null : n.project.stage;
        const share = effective ? settings.shares[effective] : 0;
        p = { id: n.id, percent: share, stopped, basis: { kind: "stage", stage: n.project.stage, resumeStage: n.project.resumeStage, share }, tally };
      }
    } else if (n.kind === "initiative") {
      addMilestones(tally, n.milestones);
      const done = n.milestones.filter((m) => m.done).length;
      const stopped = n.status === "stopped";
      if (n.status === "done") p = { id: n.id, percent: 100, stopped, basis: { kind: "marked", status: "done" }, tally };
      else if (!n.milestones.length) p = { id: n.id, percent: null, stopped, basis: { kind: "none", reason: "no-milestone" }, tally };
      else p = { id: n.id, percent: (100 * done) / n.milestones.length, stopped, basis: { kind: "milestones", done, total: n.milestones.length }, tally };
    } else {
      p = parentProgress(n, childResults, settings, tally);
    }
    if (p.stopped) p.tally.stopped += 1;
    out.set(n.id, p);
    return p;
  };
  const top = roots.map(visit);
  const tally = emptyTally();
  for (const c of top) addTally(tally, c.tally);
  out.set(rootId, parentProgress({ id: rootId, kind: "axis", title: "", weight: null, status: "active", milestones: [], children: roots }, top, settings, tally));
  return out;
}

function parentProgress(n: RollupNode, children: Progress[], settings: RollupSettings, tally: Progress["tally"]): Progress {
  const stopped = n.status === "stopped";
  if (n.status === "done") return { id: n.id, percent: 100, stopped, basis: { kind: "marked", status: "done" }, tally };
  const parts: Part[] = [];
  let stoppedExcluded = 0;
  let stoppedAsZero = 0;
  let unmeasured = 0;
  n.children.forEach((child, i) => {
    const c = children[i];
    const weight = child.weight ?? 1;
    if (c.stopped) {
      if (settings.stopRule === "exclude") stoppedExcluded++;
      else {
        stoppedAsZero++;
        parts.push({ id: c.id, percent: 0, weight });
      }
      return;
    }
    if (c.percent === null) {
      unmeasured++;
      return;
    }
    parts.push({ id: c.id, percent: c.percent, weight });
  });
  const weighted = parts.some((x) => x.weight !== 1);
  if (!parts.length) return { id: n.id, percent: null, stopped, basis: { kind: "none", reason: "no-child" }, tally };
  return { id: n.id, percent: weightedMean(parts), stopped, basis: { kind: "children", parts, weighted, stoppedExcluded, stoppedAsZero, unmeasured }, tally };
}

export function weightedMean(parts: Part[]): number {
  const total = parts.reduce((s, x) => s + x.weight, 0);
  return total > 0 ? parts.reduce((s, x) => s + x.percent * x.weight, 0) / total : 0;
}

function addTally(to: Progress["tally"], from: Progress["tally"]) {
  to.projects += from.projects;
  to.pastPrototype += from.pastPrototype;
  to.milestones += from.milestones;
  to.milestonesDone += from.milestonesDone;
  to.stopped += from.stopped;
}

function addMilestones(t: Progress["tally"], ms: { done: boolean }[]) {
  t.milestones += ms.length;
  t.milestonesDone += ms.filter((m) => m.done).length;
}

// ---------------------------------------------------------------- the words

/** « 62 % » (rounded, a non-breaking space), or « – » when nothing measures it. */
export function percentLabel(percent: number | null): string {
  return percent === null ? "–" : `${Math.round(percent)}\u00a0%`;
}

const count = (n: number, [one, many]: [string, string]) => `${n}\u00a0${n >= 2 ? many : one}`;

/**
 * « Pourquoi ce chiffre ? »: the figure, then what it is made of. `nameOf` names a child
 * (the public tracker gives « projet interne » for one it does not show by name).
 */
export function explain(p: Progress, nameOf: (id: string) => string, settings: RollupSettings): string {
  const figure = percentLabel(p.percent);
  const b = p.basis;
  const stoppedNote = p.stopped ? (settings.stopRule === "exclude" ? " Arrêté\u00a0: exclu du calcul de son parent (règle de la feuille de route)." : " Arrêté\u00a0: compte pour 0\u00a0% dans son parent (règle de la feuille de route).") : "";
  switch (b.kind) {
    case "marked":
      return `${figure}\u00a0: marqué terminé par l’équipe du lab.${stoppedNote}`;
    case "none":
      return `Pas encore de chiffre\u00a0: ${b.reason === "no-milestone" ? "aucun jalon n’est encore prévu" : b.reason === "no-project" ? "le projet relié n’existe plus" : "aucun élément mesuré n’y est rattaché"}.${stoppedNote}`;
    case "stage": {
      if (b.stage === "stopped") return `Le projet est arrêté.${stoppedNote}`;
      const where = b.stage === "paused" ? `en pause (il reprendra en ${stageLabels[b.resumeStage ?? "exploration"].toLowerCase()})` : `en ${stageLabels[b.stage].toLowerCase()}`;
      return `${figure}\u00a0: le projet est ${where}\u00a0; cette étape vaut ${b.share}\u00a0% dans cette feuille de route.${stoppedNote}`;
    }
    case "milestones":
      return `${figure}\u00a0: ${b.done}\u00a0jalon${b.done >= 2 ? "s" : ""} franchi${b.done >= 2 ? "s" : ""} sur ${b.total}.${stoppedNote}`;
    case "children": {
      const list = b.parts.map((x) => `${nameOf(x.id)} ${percentLabel(x.percent)}${b.weighted ? ` (poids ${formatWeight(x.weight)})` : ""}`).join("\u202f; ");
      const notes = [
        b.stoppedExcluded ? `${count(b.stoppedExcluded, ["élément arrêté exclu", "éléments arrêtés exclus"])}` : "",
        b.stoppedAsZero ? `${count(b.stoppedAsZero, ["élément arrêté compté à 0\u00a0%", "éléments arrêtés comptés à 0\u00a0%"])}` : "",
        b.unmeasured ? `${count(b.unmeasured, ["élément sans chiffre encore", "éléments sans chiffre encore"])}` : "",
      ].filter(Boolean);
      const t = p.tally;
      const facts = [t.projects ? `${t.pastPrototype} projet${t.pastPrototype >= 2 ? "s" : ""} sur ${t.projects} au-delà du prototype` : "", t.milestones ? `${t.milestonesDone} jalon${t.milestonesDone >= 2 ? "s" : ""} sur ${t.milestones} franchi${t.milestonesDone >= 2 ? "s" : ""}` : ""].filter(Boolean);
      return `${figure}\u00a0: ${b.weighted ? "moyenne pondérée" : "moyenne"} de ${count(b.parts.length, ["élément", "éléments"])} (${list})${notes.length ? `\u202f; ${notes.join(", ")}` : ""}.${facts.length ? ` En tout, ${facts.join(", ")}.` : ""}${stoppedNote}`;
    }
  }
}

function formatWeight(w: number): string {
  return String(Math.round(w * 100) / 100).replace(".", ",");
}

/** The items of a roadmap as trees (children in position order). */
export function buildTrees<T extends { id: string; parent_id: string | null; position: number }>(items: T[]): (T & { children: (T & { children: unknown[] })[] })[] {
  type N = T & { children: N[] };
  const nodes = new Map<string, N>(items.map((i) => [i.id, { ...i, children: [] as N[] }]));
  const roots: N[] = [];
  for (const n of nodes.values()) {
    const parent = n.parent_id ? nodes.get(n.parent_id) : undefined;
    if (parent) parent.children.push(n);
    else if (!n.parent_id) roots.push(n);
  }
  const sort = (list: N[]) => {
    list.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}
