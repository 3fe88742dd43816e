/**
 * The roadmaps' use cases. Each checks who asks (./permissions) before anything else and runs in
 * one transaction; every change of an input (an item, a milestone, a weight, a share, a project's
 * stage heard from the projects module) recomputes the roadmap's progress in that transaction,
 * records a snapshot of each figure that moved, and tells the open trackers (NOTIFY, delivered
 * at COMMIT).
 */
import { untilDatabaseChanges } from "../kernel/cache";
import { getLab, getLabBySlug, getLabs, listLabs } from "../labs/labs";
import { requireLabRole } from "../labs/service";
import { Refusal, type Viewer } from "../kernel/permissions";
import { transaction } from "../kernel/db/transaction";
import { formatDate, frenchSpaces as fr, isoDay } from "../kernel/format";
import { liveStream } from "../kernel/live/hub";
import { fileSlug, type TableExport } from "../kernel/export";
import { labProjectChoices, mainStages, projectFacts, stageLabels, type MainStage, type ProjectChange, type ProjectFacts } from "../projects";
import * as data from "./roadmaps";
import type { Milestone, Roadmap, RoadmapItem } from "./db/schema";
import { roadmapRights } from "./permissions";
import {
  childKinds,
  confidentialDisplays,
  defaultStageShares,
  evidenceKinds,
  explain,
  itemKinds,
  itemStatuses,
  parentKind,
  percentLabel,
  readStageShares,
  rollup,
  stopRules,
  type Progress,
  type RollupNode,
  type RollupSettings,
} from "./rules";
import type { AddItemInput, EditMilestoneInput, ItemAction, MilestoneInput, RoadmapAction, RoadmapCreateInput, UpdateItemInput } from "./schemas";
import { checkUploads } from "../kernel/uploads";
import { columns, frenchDay, header, kindWord, milestoneLine, statusWord, yesNo, type Column } from "./table";
import type { StoredFile } from "../kernel/db/files";

const q = (s: string) => `«\u00a0${s}\u00a0»`;
const ROOT = "root";

// ---------------------------------------------------------------- who asks

async function teamLab(viewer: Viewer, labSlug: string) {
  const lab = await requireLabRole(labSlug, viewer.principal, "lab_team");
  return { id: lab.id, slug: lab.slug, name: lab.name };
}

/** The roadmap, kept by this lab (alone or as partner), for its team; 404 otherwise (403 for another lab's team). */
export async function requireRoadmap(viewer: Viewer, labSlug: string, roadmapId: string) {
  const lab = await teamLab(viewer, labSlug);
  const roadmap = await data.getRoadmap(roadmapId);
  if (!roadmap || (roadmap.lab_id !== lab.id && roadmap.partner_lab_id !== lab.id)) throw new Refusal("Cette feuille de route n’existe pas.", 404);
  if (!roadmapRights(viewer.principal, roadmap).edit) throw new Refusal("Vous ne pouvez pas modifier cette feuille de route.", 403);
  return { lab, roadmap };
}

async function requireItem(viewer: Viewer, labSlug: string, roadmapId: string, itemId: string) {
  const { lab, roadmap } = await requireRoadmap(viewer, labSlug, roadmapId);
  const item = await data.getItem(itemId);
  if (!item || item.roadmap_id !== roadmap.id) throw new Refusal("Cet élément n’existe pas.", 404);
  return { lab, roadmap, item };
}

// ---------------------------------------------------------------- computing

export interface Computed {
  roadmap: Roadmap;
  settings: RollupSettings;
  items: RoadmapItem[];
  byId: Map<string, RoadmapItem>;
  milestones: Map<string, Milestone[]>;
  facts: Map<string, ProjectFacts>;
  progress: Map<string, Progress>;
}

const settingsOf = (r: Roadmap): RollupSettings => ({ shares: readStageShares(r.stage_shares), stopRule: r.stop_rule });

/** The stage a project stood at on a date, from the stages it entered (null: not begun then). */
function stageAsOf(f: ProjectFacts, asOf: Date): ProjectFacts["stage"] | null {
  if (f.stage === "stopped" && f.stageSince <= asOf) return "stopped";
  const reached = f.entered.filter((e) => e.at <= asOf).sort((a, b) => +a.at - +b.at);
  if (f.stage === "paused" && f.stageSince <= asOf) return "paused";
  return reached.length ? reached[reached.length - 1].stage : null;
}

function reachedStage(f: ProjectFacts, stage: MainStage): boolean {
  return f.entered.some((e) => e.stage === stage) || f.stage === stage;
}

/** The progress of every item of a roadmap, now or as it stood on a date (for the history). */
export async function compute(roadmap: Roadmap, asOf?: Date): Promise<Computed> {
  const items = await data.itemsOf(roadmap.id);
  const all = await data.milestonesOf(items.map((i) => i.id));
  const milestones = new Map<string, Milestone[]>();
  for (const m of all) milestones.set(m.item_id, [...(milestones.get(m.item_id) ?? []), m]);
  const facts = await projectFacts(items.map((i) => i.project_id).filter((x): x is string => !!x));
  const settings = settingsOf(roadmap);
  const byId = new Map(items.map((i) => [i.id, i]));
  const children = new Map<string | null, RoadmapItem[]>();
  for (const i of items) children.set(i.parent_id, [...(children.get(i.parent_id) ?? []), i]);
  const node = (i: RoadmapItem): RollupNode => {
    const f = i.project_id ? facts.get(i.project_id) : undefined;
    let project: RollupNode["project"] = undefined;
    if (i.kind === "project") {
      const stage = f ? (asOf ? stageAsOf(f, asOf) : f.stage) : null;
      project = f && stage ? { stage, resumeStage: f.resumeStage } : null;
    }
    return {
      id: i.id,
      kind: i.kind,
      title: i.title,
      weight: i.weight,
      status: i.status,
      project,
      milestones: (milestones.get(i.id) ?? []).map((m) => ({ done: !!m.done_on && (!asOf || m.done_on <= asOf) })),
      children: (children.get(i.id) ?? []).map(node),
    };
  };
  const roots = (children.get(null) ?? []).map(node);
  return { roadmap, settings, items, byId, milestones, facts, progress: rollup(roots, settings, ROOT) };
}

const same = (a: number | null | undefined, b: number | null) => (a === null || a === undefined ? b === null : b !== null && Math.abs(a - b) < 0.01);

/**
 * Recomputes a roadmap after one of its inputs changed (inside the caller's transaction): a
 * project's milestone proved by a stage it has now reached is marked done, every figure that moved
 * gets a snapshot, and the trackers of its labs hear that something changed.
 */
export async function recompute(roadmap: Roadmap, at: Date, cause: string): Promise<Computed> {
  let c = await compute(roadmap);
  let proved = false;
  for (const item of c.items) {
    const f = item.project_id ? c.facts.get(item.project_id) : undefined;
    if (!f) continue;
    for (const m of c.milestones.get(item.id) ?? []) {
      if (m.done_on || m.evidence_kind !== "stage" || !m.evidence_stage || !reachedStage(f, m.evidence_stage)) continue;
      await data.setMilestoneDone(m.id, at);
      await milestoneEvent(c, item, m, at);
      proved = true;
    }
  }
  if (proved) c = await compute(roadmap);
  await snapshot(c, at, cause);
  await data.notifyTrackers([roadmap.lab_id, roadmap.partner_lab_id]);
  return c;
}

/** A snapshot of each figure that moved since the last one. */
export async function snapshot(c: Computed, at: Date, cause: string): Promise<number> {
  const latest = new Map((await data.latestSnapshots(c.roadmap.id)).map((s) => [s.item_id ?? ROOT, s]));
  const rows = [...c.progress.entries()].filter(([id, p]) => !latest.has(id) || !same(latest.get(id)!.percent, p.percent)).map(([id, p]) => ({ roadmapId: c.roadmap.id, itemId: id === ROOT ? null : id, at, percent: p.percent, cause }));
  await data.insertSnapshots(rows);
  return rows.length;
}

/** Whether the public sees this item, and how: by name, as « projet interne », or not at all (an ancestor hidden hides it). */
export function publicShape(c: Computed, item: RoadmapItem): "shown" | "internal" | "hidden" {
  for (let cur: RoadmapItem | undefined = item; cur; cur = cur.parent_id ? c.byId.get(cur.parent_id) : undefined) {
    if (!cur.public) return "hidden";
  }
  const f = item.project_id ? c.facts.get(item.project_id) : undefined;
  if (item.kind === "project" && (!f || f.confidential)) return c.roadmap.confidential_display === "hidden" ? "hidden" : "internal";
  return "shown";
}

function itemTitleFor(c: Computed, item: RoadmapItem, audience: "team" | "public"): string {
  if (audience === "team") return item.title;
  const shape = publicShape(c, item);
  return shape === "shown" ? item.title : shape === "internal" ? "Projet interne" : "Élément non public";
}

async function milestoneEvent(c: Computed, item: RoadmapItem, m: Milestone, at: Date) {
  await data.insertEvent({
    roadmapId: c.roadmap.id,
    itemId: item.id,
    at,
    kind: "milestone",
    title: `Jalon franchi\u00a0: ${m.title} (${item.title})`,
    anonymousTitle: "Jalon franchi par un projet interne",
  });
}

// ---------------------------------------------------------------- hearing the projects

/**
 * A project's stage changed (or a gate decision kept it where it was): each roadmap that holds it
 * records what happened in its feed and recomputes, inside the transaction that changed the project.
 */
export async function projectChanged(change: ProjectChange): Promise<void> {
  for (const roadmapId of await data.roadmapIdsOfProject(change.projectId)) {
    const roadmap = (await data.getRoadmap(roadmapId))!;
    const items = (await data.itemsOf(roadmap.id)).filter((i) => i.project_id === change.projectId);
    for (const item of items) {
      const { title, anonymous } = changeWords(item.title, change);
      await data.insertEvent({ roadmapId, itemId: item.id, at: change.at, kind: change.gate ? "gate" : "stage", title, anonymousTitle: anonymous });
    }
    await recompute(roadmap, change.at, change.gate ? `Décision de passage\u00a0: ${stageLabels[change.gate.from].toLowerCase()} → ${stageLabels[change.gate.to].toLowerCase()}` : `Le projet passe en ${stageLabels[change.to].toLowerCase()}`);
  }
}

function changeWords(title: string, c: ProjectChange): { title: string; anonymous: string } {
  const say = (subject: string) => {
    if (c.gate?.outcome === "recycle") return `${subject} reste en ${stageLabels[c.gate.from].toLowerCase()}\u00a0: passage à retravailler`;
    if (c.to === "stopped") return `${subject} est arrêté`;
    if (c.to === "paused") return `${subject} est en pause`;
    if (c.gate) return `${subject} passe le cap\u00a0: ${stageLabels[c.gate.from].toLowerCase()} → ${stageLabels[c.to].toLowerCase()}`;
    if (c.from === "paused") return `${subject} reprend en ${stageLabels[c.to].toLowerCase()}`;
    return `${subject} passe en ${stageLabels[c.to].toLowerCase()}`;
  };
  return { title: say(`Le projet ${q(title)}`), anonymous: say("Un projet interne") };
}

// ---------------------------------------------------------------- the lab's pages

export async function labRoadmaps(viewer: Viewer, labSlug: string) {
  const lab = await teamLab(viewer, labSlug);
  const roadmaps = await data.roadmapsOfLab(lab.id);
  const computed = await Promise.all(roadmaps.map((r) => compute(r)));
  const partners = await getLabs(roadmaps.flatMap((r) => [r.lab_id, r.partner_lab_id]).filter((x): x is string => !!x));
  return {
    lab,
    roadmaps: computed.map((c) => ({
      id: c.roadmap.id,
      title: c.roadmap.title,
      published: c.roadmap.published,
      labs: [c.roadmap.lab_id, c.roadmap.partner_lab_id].filter((x): x is string => !!x).map((id) => partners.get(id)?.name ?? ""),
      items: c.items.length,
      percent: c.progress.get(ROOT)!.percent,
      percentLabel: percentLabel(c.progress.get(ROOT)!.percent),
    })),
    partnerChoices: await partnerChoices(lab.id),
  };
}

async function partnerChoices(labId: string) {
  return (await listLabs()).filter((l) => l.id !== labId).map((l) => ({ value: l.id, label: l.name }));
}

async function checkPartner(labId: string, partnerId: string | null) {
  if (!partnerId) return;
  if (partnerId === labId || !(await getLab(partnerId))) throw new Refusal("Lab partenaire : choisissez un autre lab de la liste.", 400, "partnerLab");
}

export async function createRoadmap(viewer: Viewer, labSlug: string, input: RoadmapCreateInput, at = new Date()): Promise<Roadmap> {
  const lab = await teamLab(viewer, labSlug);
  await checkPartner(lab.id, input.partnerLab);
  return transaction(async () => {
    const roadmap = await data.insertRoadmap({ labId: lab.id, partnerLabId: input.partnerLab, title: input.title, description: input.description, published: false, shares: defaultStageShares, createdBy: viewer.userId, at });
    await recompute(roadmap, at, "Création de la feuille de route");
    return roadmap;
  });
}

type TreeView = ReturnType<typeof itemView> & { children: TreeView[] };

function itemView(c: Computed, i: RoadmapItem) {
  const p = c.progress.get(i.id)!;
  const f = i.project_id ? c.facts.get(i.project_id) : undefined;
  const ms = c.milestones.get(i.id) ?? [];
  return {
    id: i.id,
    kind: i.kind,
    kindLabel: itemKinds[i.kind],
    title: fr(i.title),
    transversal: i.transversal,
    public: i.public,
    weight: i.weight,
    status: i.status,
    statusLabel: i.kind === "project" && f && i.status === "active" ? stageLabels[f.stage] : itemStatuses[i.status],
    project: f ? { id: f.id, title: f.title, confidential: f.confidential } : null,
    owner: fr([i.owner_name, i.owner_role].filter(Boolean).join(", ")),
    dates: dateRange(i.starts_on, i.ends_on),
    calendar: fr(i.calendar),
    percent: p.percent,
    percentLabel: percentLabel(p.percent),
    why: explain(p, (id) => fr(c.byId.get(id)?.title ?? ""), c.settings),
    milestones: { done: ms.filter((m) => m.done_on).length, total: ms.length },
  };
}

function tree(c: Computed, view: (i: RoadmapItem) => ReturnType<typeof itemView>, keep: (i: RoadmapItem) => boolean = () => true): TreeView[] {
  const build = (parent: string | null): TreeView[] =>
    c.items
      .filter((i) => i.parent_id === parent && keep(i))
      .sort((a, b) => a.position - b.position)
      .map((i) => ({ ...view(i), children: build(i.id) }));
  return build(null);
}

export function dateRange(from: Date | null, to: Date | null): string {
  if (from && to) return `du ${formatDate(from)} au ${formatDate(to)}`;
  if (from) return `à partir du ${formatDate(from)}`;
  if (to) return `jusqu’au ${formatDate(to)}`;
  return "";
}

function historyView(rows: { at: Date; percent: number | null; cause: string }[]) {
  return rows.map((s) => ({ at: s.at.toISOString(), on: formatDate(s.at), percent: s.percent === null ? null : Math.round(s.percent), cause: s.cause }));
}

export async function roadmapPage(viewer: Viewer, labSlug: string, roadmapId: string) {
  const { lab, roadmap } = await requireRoadmap(viewer, labSlug, roadmapId);
  const c = await compute(roadmap);
  const [history, calendar, events, projects, partners] = await Promise.all([
    data.snapshotsOf(roadmap.id, null),
    data.calendarOf([roadmap.id]),
    data.eventsOf([roadmap.id], 30),
    labProjectChoices(viewer, roadmap.lab_id),
    partnerChoices(roadmap.lab_id),
  ]);
  const whole = c.progress.get(ROOT)!;
  return {
    lab,
    roadmap: {
      id: roadmap.id,
      title: fr(roadmap.title),
      description: fr(roadmap.description),
      published: roadmap.published,
      partnerLab: roadmap.partner_lab_id ?? "",
      stopRule: roadmap.stop_rule,
      stopRuleLabel: stopRules[roadmap.stop_rule],
      confidentialDisplay: roadmap.confidential_display,
      shares: c.settings.shares,
      percent: whole.percent,
      percentLabel: percentLabel(whole.percent),
      why: explain(whole, (id) => fr(c.byId.get(id)?.title ?? ""), c.settings),
    },
    tree: tree(c, (i) => itemView(c, i)),
    history: historyView(history),
    calendar: calendar.map((e) => ({ id: e.id, period: fr(e.period), body: fr(e.body), public: e.public })),
    events: events.map((e) => ({ id: e.id, on: formatDate(e.at), title: fr(e.title) })),
    options: {
      parents: c.items.filter((i) => childKinds[i.kind].length).map((i) => ({ value: i.id, label: `${itemKinds[i.kind]}\u00a0: ${i.title}` })),
      projects: projects.map((p) => ({ value: p.id, label: `${p.title} (${p.stageLabel.toLowerCase()})` })),
      partners,
      stages: mainStages.map((s) => ({ value: s, label: stageLabels[s] })),
      kinds: Object.entries(itemKinds).map(([value, label]) => ({ value, label })),
      stopRules: Object.entries(stopRules).map(([value, label]) => ({ value, label })),
      confidentialDisplays: Object.entries(confidentialDisplays).map(([value, label]) => ({ value, label })),
    },
  };
}

/** The roadmap page's forms: its settings, a new item, the calendar. Returns what to say. */
export async function roadmapAction(viewer: Viewer, labSlug: string, roadmapId: string, action: RoadmapAction, at = new Date()): Promise<string> {
  const { roadmap } = await requireRoadmap(viewer, labSlug, roadmapId);
  return transaction(async () => {
    switch (action.intent) {
      case "settings": {
        await checkPartner(roadmap.lab_id, action.partnerLab);
        await data.updateRoadmap(roadmap.id, { title: action.title, description: action.description, partnerLabId: action.partnerLab, published: action.published, shares: action.shares, stopRule: action.stopRule, confidentialDisplay: action.confidentialDisplay });
        await recompute((await data.getRoadmap(roadmap.id))!, at, "Réglages de la feuille de route");
        return "settings";
      }
      case "addItem": {
        await addItem(viewer, roadmap, action, at);
        return "addItem";
      }
      case "reorder": {
        const item = await data.getItem(action.itemId);
        if (!item || item.roadmap_id !== roadmap.id) throw new Refusal("Cet élément n’existe pas.", 404);
        const siblings = (await data.itemsOf(roadmap.id)).filter((i) => i.parent_id === item.parent_id).sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
        const from = siblings.findIndex((i) => i.id === item.id);
        const to = action.direction === "up" ? from - 1 : from + 1;
        if (to < 0 || to >= siblings.length) throw new Refusal(action.direction === "up" ? "Cet élément est déjà le premier." : "Cet élément est déjà le dernier.", 409);
        [siblings[from], siblings[to]] = [siblings[to], siblings[from]];
        await data.setPositions(siblings.map((i) => i.id));
        await recompute(roadmap, at, `Ordre modifié : ${item.title}`);
        return "reorder";
      }
      case "addCalendar":
        await data.insertCalendarEntry({ roadmapId: roadmap.id, period: action.period, startsOn: action.startsOn, body: action.body, public: action.public });
        await data.notifyTrackers([roadmap.lab_id, roadmap.partner_lab_id]);
        return "addCalendar";
      case "deleteCalendar":
        if (!(await data.deleteCalendarEntry(roadmap.id, action.entryId))) throw new Refusal("Cette entrée du calendrier n’existe pas.", 404);
        await data.notifyTrackers([roadmap.lab_id, roadmap.partner_lab_id]);
        return "deleteCalendar";
    }
  });
}

async function checkProject(viewer: Viewer, roadmap: Roadmap, projectId: string | null) {
  if (!projectId) return;
  const f = (await projectFacts([projectId])).get(projectId);
  const labs = [roadmap.lab_id, roadmap.partner_lab_id];
  if (!f || !labs.includes(f.labId) || !(await labProjectChoices(viewer, f.labId)).some((p) => p.id === projectId)) throw new Refusal("Projet du lab : choisissez un projet du lab dans la liste.", 400, "projectId");
}

async function addItem(viewer: Viewer, roadmap: Roadmap, input: AddItemInput, at: Date): Promise<RoadmapItem> {
  const parent = input.parentId ? await data.getItem(input.parentId) : null;
  if (input.kind === "axis") {
    if (input.parentId) throw new Refusal("Rattaché à : un axe n’est rattaché à rien.", 400, "parentId");
  } else if (!parent || parent.roadmap_id !== roadmap.id || parentKind[input.kind] !== parent.kind) {
    throw new Refusal(`Rattaché à : un élément de type ${q(itemKinds[input.kind].toLowerCase())} se rattache à un ${itemKinds[parentKind[input.kind]!].toLowerCase()} de cette feuille de route.`, 400, "parentId");
  }
  await checkProject(viewer, roadmap, input.kind === "project" ? input.projectId : null);
  const item = await data.insertItem({ ...fieldsOf(input, input.kind), roadmapId: roadmap.id, parentId: input.kind === "axis" ? null : parent!.id, kind: input.kind, at });
  await recompute(roadmap, at, `Ajout\u00a0: ${item.title}`);
  return item;
}

function fieldsOf(input: UpdateItemInput | AddItemInput, kind: RoadmapItem["kind"]): data.ItemFields {
  return {
    title: input.title,
    description: input.description,
    transversal: kind === "axis" && input.transversal,
    projectId: kind === "project" ? input.projectId : null,
    ownerName: input.ownerName,
    ownerRole: input.ownerRole,
    ownerNamePublic: input.ownerNamePublic,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    calendar: input.calendar,
    public: input.public,
    weight: input.weight,
    status: input.status,
  };
}

export async function itemPage(viewer: Viewer, labSlug: string, roadmapId: string, itemId: string) {
  const { lab, roadmap, item } = await requireItem(viewer, labSlug, roadmapId, itemId);
  const c = await compute(roadmap);
  const ms = c.milestones.get(item.id) ?? [];
  const [history, projects, files] = await Promise.all([data.snapshotsOf(roadmap.id, item.id), labProjectChoices(viewer, roadmap.lab_id), data.evidenceFilesOf(ms.map((m) => m.id))]);
  const fileOf = new Map(files.map((f) => [f.milestone_id, f]));
  const above = parentKind[item.kind];
  const titled = (i: RoadmapItem) => {
    const trail: string[] = [];
    for (let cur: RoadmapItem | undefined = i; cur; cur = cur.parent_id ? c.byId.get(cur.parent_id) : undefined) trail.unshift(cur.title);
    return trail.join(" › ");
  };
  const path: { id: string; title: string }[] = [];
  for (let cur = item.parent_id ? c.byId.get(item.parent_id) : undefined; cur; cur = cur.parent_id ? c.byId.get(cur.parent_id) : undefined) path.unshift({ id: cur.id, title: cur.title });
  return {
    lab,
    roadmap: { id: roadmap.id, title: roadmap.title },
    path,
    item: {
      ...itemView(c, item),
      description: item.description,
      ownerName: item.owner_name,
      ownerRole: item.owner_role,
      ownerNamePublic: item.owner_name_public,
      startsOn: item.starts_on?.toISOString() ?? null,
      endsOn: item.ends_on?.toISOString() ?? null,
      projectId: item.project_id ?? "",
    },
    children: childrenOf(c, item.id),
    milestones: ms.map((m) => {
      const file = fileOf.get(m.id);
      return {
        id: m.id,
        title: fr(m.title),
        rawTitle: m.title,
        plannedOn: m.planned_on ? formatDate(m.planned_on) : "",
        doneOn: m.done_on ? formatDate(m.done_on) : "",
        plannedDay: m.planned_on ? isoDay(m.planned_on) : "",
        doneDay: m.done_on ? isoDay(m.done_on) : "",
        evidenceKind: m.evidence_kind ?? "",
        evidenceUrlValue: m.evidence_url ?? "",
        evidenceText: m.evidence_text ?? "",
        evidenceStage: m.evidence_stage ?? "",
        evidence: m.evidence_kind === "file" ? (file ? `${file.filename} (${fileSize(file.size)})` : "fichier manquant") : evidenceLabel(m),
        evidenceUrl: m.evidence_kind === "link" ? m.evidence_url : null,
        file: m.evidence_kind === "file" && file ? { name: file.filename, href: `/lab/${lab.slug}/feuille-de-route/${roadmap.id}/jalons/${m.id}/preuve` } : null,
      };
    }),
    /** Where it may move: the items of the kind above it, but its own parent. */
    moveTo: above ? c.items.filter((i) => i.kind === above && i.id !== item.parent_id).map((i) => ({ value: i.id, label: titled(i) })) : [],
    history: historyView(history),
    options: {
      projects: projects.map((p) => ({ value: p.id, label: `${p.title} (${p.stageLabel.toLowerCase()})` })),
      stages: mainStages.map((s) => ({ value: s, label: stageLabels[s] })),
      statuses: Object.entries(itemStatuses).map(([value, label]) => ({ value, label })),
      evidenceKinds: Object.entries(evidenceKinds).map(([value, label]) => ({ value, label })),
    },
  };
}

function childrenOf(c: Computed, id: string) {
  return c.items.filter((i) => i.parent_id === id).sort((a, b) => a.position - b.position).map((i) => itemView(c, i));
}

function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} Mo` : `${Math.max(1, Math.round(bytes / 1024))} ko`;
}

function evidenceLabel(m: Milestone): string {
  if (m.evidence_kind === "link") return m.evidence_url ?? "";
  if (m.evidence_kind === "text") return m.evidence_text ?? "";
  if (m.evidence_kind === "stage" && m.evidence_stage) return `Le projet entre en ${stageLabels[m.evidence_stage].toLowerCase()}`;
  if (m.evidence_kind === "file") return "Un document joint";
  return "";
}

/** A milestone's file evidence: 10 MB at most, a PDF or an image recognised from its bytes. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

async function evidenceUpload(uploads: FormDataEntryValue[]) {
  const checked = await checkUploads(uploads, MAX_EVIDENCE_BYTES, 1);
  if (!checked.ok) throw new Refusal(checked.error.replace(/^Pièces jointes/, "Fichier de la preuve"), 400, "evidenceFile");
  return checked.files[0] ?? null;
}

/** The file proving a milestone, for the lab team of its roadmap (always a download). */
export async function milestoneEvidenceFile(viewer: Viewer, labSlug: string, roadmapId: string, milestoneId: string): Promise<StoredFile> {
  const { roadmap } = await requireRoadmap(viewer, labSlug, roadmapId);
  const m = await data.getMilestone(milestoneId);
  const item = m ? await data.getItem(m.item_id) : undefined;
  const file = m && item?.roadmap_id === roadmap.id && m.evidence_kind === "file" ? (await data.evidenceFiles.list(m.id))[0] : undefined;
  const stored = file ? await data.evidenceFiles.get(m!.id, file.id) : undefined;
  if (!stored) throw new Refusal("Ce fichier n’existe pas.", 404);
  return stored;
}

/** The item page's forms: its fields, its deletion, its milestones. Returns what to say. */
export async function itemAction(viewer: Viewer, labSlug: string, roadmapId: string, itemId: string, action: ItemAction, at = new Date(), uploads: FormDataEntryValue[] = []): Promise<string> {
  const { roadmap, item } = await requireItem(viewer, labSlug, roadmapId, itemId);
  // a file is read and checked before the transaction opens
  const upload = action.intent === "addMilestone" || action.intent === "editMilestone" ? (action.evidenceKind === "file" ? await evidenceUpload(uploads) : null) : null;
  if (action.intent === "addMilestone" && action.evidenceKind === "file" && !upload) throw new Refusal("Fichier de la preuve : choisissez un fichier (PDF ou image).", 400, "evidenceFile");
  return transaction(async () => {
    const c = await compute(roadmap);
    switch (action.intent) {
      case "update": {
        await checkProject(viewer, roadmap, item.kind === "project" ? action.projectId : null);
        if (item.kind === "project" && !action.projectId) throw new Refusal("Projet du lab : choisissez le projet relié.", 400, "projectId");
        await data.updateItem(item.id, fieldsOf(action, item.kind));
        if (action.status !== item.status && action.status !== "active") {
          const words = action.status === "done" ? "est terminé" : "est arrêté";
          await data.insertEvent({ roadmapId: roadmap.id, itemId: item.id, at, kind: "status", title: `${itemKinds[item.kind]} ${q(action.title)} ${words}`, anonymousTitle: `Un projet interne ${words}` });
        }
        await recompute(roadmap, at, `Modification\u00a0: ${action.title}`);
        return "update";
      }
      case "delete":
        await data.deleteItem(item.id);
        await recompute(roadmap, at, `Suppression\u00a0: ${item.title}`);
        return "delete";
      case "move": {
        const parent = await data.getItem(action.parentId);
        const above = parentKind[item.kind];
        if (!above) throw new Refusal("Rattachement : un axe n’est rattaché à rien ; changez plutôt son ordre dans l’arbre.", 400, "parentId");
        if (!parent || parent.roadmap_id !== roadmap.id || parent.kind !== above) {
          throw new Refusal(`Nouveau rattachement : un élément de type ${q(itemKinds[item.kind].toLowerCase())} se rattache à un ${itemKinds[above].toLowerCase()} de cette feuille de route.`, 400, "parentId");
        }
        // an item never goes under itself or under one of its own descendants
        for (let cur: RoadmapItem | undefined = parent; cur; cur = cur.parent_id ? c.byId.get(cur.parent_id) : undefined) {
          if (cur.id === item.id) throw new Refusal("Nouveau rattachement : un élément ne peut pas être rattaché à lui-même ni à ce qui lui est rattaché.", 400, "parentId");
        }
        if (parent.id === item.parent_id) throw new Refusal("Nouveau rattachement : l’élément y est déjà rattaché.", 400, "parentId");
        await data.moveItem(item.id, parent.id);
        const from = item.parent_id ? c.byId.get(item.parent_id) : undefined;
        await recompute(roadmap, at, `Déplacement : ${item.title}, de ${q(from?.title ?? "")} à ${q(parent.title)}`);
        return "move";
      }
      case "editMilestone": {
        const m = await data.getMilestone(action.milestoneId);
        if (!m || m.item_id !== item.id) throw new Refusal("Ce jalon n’existe pas.", 404);
        const hadFile = m.evidence_kind === "file" && (await data.evidenceFiles.list(m.id)).length > 0;
        if (action.evidenceKind === "file" && !upload && !hadFile) throw new Refusal("Fichier de la preuve : choisissez un fichier (PDF ou image).", 400, "evidenceFile");
        await data.updateMilestone(m.id, milestoneFields(action));
        if (action.evidenceKind !== "file" || upload) await data.removeEvidenceFiles(m.id);
        if (upload) await data.evidenceFiles.add(m.id, { ...upload, uploadedBy: viewer.userId });
        if (action.doneOn && !m.done_on) await milestoneEvent(c, item, { ...m, title: action.title }, action.doneOn);
        await recompute(roadmap, at, `Jalon modifié : ${action.title}`);
        return "editMilestone";
      }
      case "addMilestone": {
        const m = await data.insertMilestone(item.id, milestoneFields(action));
        if (upload) await data.evidenceFiles.add(m.id, { ...upload, uploadedBy: viewer.userId });
        if (m.done_on) await milestoneEvent(c, item, m, at);
        await recompute(roadmap, at, `Jalon ajouté\u00a0: ${m.title}`);
        return "addMilestone";
      }
      case "milestoneDone":
      case "milestoneUndone":
      case "deleteMilestone": {
        const m = await data.getMilestone(action.milestoneId);
        if (!m || m.item_id !== item.id) throw new Refusal("Ce jalon n’existe pas.", 404);
        if (action.intent === "deleteMilestone") {
          await data.deleteMilestone(m.id);
        } else if (action.intent === "milestoneUndone") {
          if (!m.done_on) throw new Refusal("Ce jalon n’est pas encore franchi.", 409);
          await data.setMilestoneDone(m.id, null);
        } else {
          const done = action as Extract<ItemAction, { intent: "milestoneDone" }>;
          if (m.done_on) throw new Refusal("Ce jalon est déjà franchi.", 409);
          const doneOn = done.doneOn ?? at;
          const proof = done.proof ? (/^https?:\/\//i.test(done.proof) ? { kind: "link" as const, url: done.proof, text: null } : { kind: "text" as const, url: null, text: done.proof }) : undefined;
          const keep = m.evidence_kind === "stage" || (m.evidence_kind === "file" && !proof);
          await data.setMilestoneDone(m.id, doneOn, keep ? undefined : proof);
          if (!keep && m.evidence_kind === "file") await data.removeEvidenceFiles(m.id);
          await milestoneEvent(c, item, m, doneOn);
        }
        await recompute(roadmap, at, `Jalon ${action.intent === "milestoneDone" ? "franchi" : action.intent === "milestoneUndone" ? "rouvert" : "supprimé"}\u00a0: ${m.title}`);
        return action.intent;
      }
    }
  });
}

function milestoneFields(m: MilestoneInput | EditMilestoneInput): data.MilestoneFields {
  return { title: m.title, plannedOn: m.plannedOn, doneOn: m.doneOn, evidenceKind: m.evidenceKind, evidenceUrl: m.evidenceKind === "link" ? m.evidenceUrl : null, evidenceText: m.evidenceKind === "text" ? m.evidenceText : null, evidenceStage: m.evidenceKind === "stage" ? m.evidenceStage : null };
}

/**
 * The whole roadmap as a table (feuille-de-route.csv, .xlsx), for its lab team: one row per item in
 * the tree's order, with its reference and its parent's, its fields and its milestones in the
 * columns the import reads (./table: an export is re-imported as it is), then its figure and why.
 */
export async function roadmapExport(viewer: Viewer, labSlug: string, roadmapId: string): Promise<TableExport> {
  const { roadmap } = await requireRoadmap(viewer, labSlug, roadmapId);
  const c = await compute(roadmap);
  const files = new Map((await data.evidenceFilesOf([...c.milestones.values()].flat().map((m) => m.id))).map((f) => [f.milestone_id, f.filename]));
  const rows: (string | number | Date | null)[][] = [];
  const walk = (parent: string | null, parentRef: string) => {
    const children = c.items.filter((x) => x.parent_id === parent).sort((a, b) => a.position - b.position);
    for (const [n, i] of children.entries()) {
      const ref = parentRef ? `${parentRef}.${n + 1}` : String(n + 1);
      const p = c.progress.get(i.id)!;
      const ms = c.milestones.get(i.id) ?? [];
      const f = i.project_id ? c.facts.get(i.project_id) : undefined;
      const row: Record<Column, string | number | null> = {
        ref,
        kind: kindWord[i.kind],
        parent: parentRef,
        title: i.title,
        description: i.description,
        transversal: i.kind === "axis" ? yesNo(i.transversal) : "",
        project: f?.title ?? "",
        ownerName: i.owner_name,
        ownerRole: i.owner_role,
        ownerNamePublic: yesNo(i.owner_name_public),
        startsOn: frenchDay(i.starts_on),
        endsOn: frenchDay(i.ends_on),
        calendar: i.calendar,
        public: yesNo(i.public),
        weight: i.weight,
        status: statusWord[i.status],
        milestones: ms.map((m) => milestoneLine({ ...m, fileName: files.get(m.id) })).join("\n"),
        percent: p.percent === null ? null : Math.round(p.percent * 10) / 10,
        why: explain(p, (id) => c.byId.get(id)?.title ?? "", c.settings),
        milestonesDone: ms.filter((m) => m.done_on).length,
      };
      rows.push((Object.keys(columns) as Column[]).map((k) => row[k]));
      walk(i.id, ref);
    }
  };
  walk(null, "");
  return { filename: `feuille-de-route-${fileSlug(roadmap.title, 40)}`, sheet: "Feuille de route", header, rows };
}

// ---------------------------------------------------------------- the public tracker

/**
 * The public tracker of a lab: its published roadmaps (its own and those kept with a partner),
 * only public items and fields. A confidential project shows as « projet interne » or not at all
 * (the roadmap's choice); owners are named only when they agreed, by their role otherwise. The
 * figures are those of the whole roadmap; a hidden child is named « élément non public » in them.
 * Anyone, signed in or not; 404 for a lab without a published roadmap.
 */
/**
 * The public tracker of a lab: computed once and shared by every visitor until anything is
 * committed, and again every ten minutes (milestones fall late with the clock).
 */
const trackers = untilDatabaseChanges<Awaited<ReturnType<typeof computeTrackerPage>>>(50);
export function trackerPage(labSlug: string, now = new Date()) {
  return trackers(`${labSlug}|${Math.floor(now.getTime() / 600_000)}`, () => computeTrackerPage(labSlug, now));
}

async function computeTrackerPage(labSlug: string, now: Date) {
  const { lab, roadmaps } = await publishedRoadmaps(labSlug);
  const computed = await Promise.all(roadmaps.map((r) => compute(r)));
  const [calendar, feed] = await Promise.all([data.calendarOf(roadmaps.map((r) => r.id)), publicFeed(computed, 30)]);
  return {
    lab: { slug: lab.slug, name: lab.name },
    roadmaps: await Promise.all(
      computed.map(async (c) => {
        const whole = c.progress.get(ROOT)!;
        const history = await data.snapshotsOf(c.roadmap.id, null);
        const nameOf = (id: string) => {
          const i = c.byId.get(id);
          return i ? fr(itemTitleFor(c, i, "public")) : "";
        };
        const shown = (i: RoadmapItem) => publicShape(c, i) !== "hidden";
        return {
          id: c.roadmap.id,
          title: fr(c.roadmap.title),
          description: fr(c.roadmap.description),
          percent: whole.percent,
          percentLabel: percentLabel(whole.percent),
          why: explain(whole, nameOf, c.settings),
          rule: stopRules[c.roadmap.stop_rule],
          shares: mainStages.map((s) => ({ stage: stageLabels[s], percent: c.settings.shares[s] })),
          tree: publicTree(c, null, shown, nameOf),
          nextMilestones: c.items
            .filter((i) => publicShape(c, i) === "shown")
            .flatMap((i) => (c.milestones.get(i.id) ?? []).filter((m) => !m.done_on && m.planned_on).map((m) => ({ m, i })))
            .sort((a, b) => +a.m.planned_on! - +b.m.planned_on!)
            .filter(({ m }) => m.planned_on! >= new Date(now.getTime() - 365 * 86_400_000))
            .slice(0, 8)
            .map(({ m, i }) => ({ id: m.id, title: fr(m.title), item: fr(i.title), plannedOn: formatDate(m.planned_on), late: m.planned_on! < now })),
          history: historyView(history).map(({ at, on, percent }) => ({ at, on, percent })),
        };
      }),
    ),
    calendar: calendar.filter((e) => e.public).map((e) => ({ id: e.id, period: fr(e.period), body: fr(e.body) })),
    feed,
  };
}
export type TrackerPage = Awaited<ReturnType<typeof computeTrackerPage>>;

interface PublicItem {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  description: string;
  transversal: boolean;
  status: string;
  owner: string;
  dates: string;
  calendar: string;
  percent: number | null;
  percentLabel: string;
  why: string;
  milestones: { id: string; title: string; plannedOn: string; doneOn: string; evidence: string }[];
  children: PublicItem[];
}

function publicTree(c: Computed, parent: string | null, shown: (i: RoadmapItem) => boolean, nameOf: (id: string) => string): PublicItem[] {
  return c.items
    .filter((i) => i.parent_id === parent && shown(i))
    .sort((a, b) => a.position - b.position)
    .map((i) => {
      const p = c.progress.get(i.id)!;
      const f = i.project_id ? c.facts.get(i.project_id) : undefined;
      const internal = publicShape(c, i) === "internal";
      return {
        id: i.id,
        kind: i.kind,
        kindLabel: itemKinds[i.kind],
        title: internal ? "Projet interne" : fr(i.title),
        description: internal ? "" : fr(i.description),
        transversal: i.transversal,
        status: i.kind === "project" && f && i.status === "active" ? stageLabels[f.stage] : itemStatuses[i.status],
        owner: internal ? "" : fr(i.owner_name_public && i.owner_name ? [i.owner_name, i.owner_role].filter(Boolean).join(", ") : i.owner_role),
        dates: internal ? "" : dateRange(i.starts_on, i.ends_on),
        calendar: internal ? "" : fr(i.calendar),
        percent: p.percent,
        percentLabel: percentLabel(p.percent),
        why: explain(p, nameOf, c.settings),
        milestones: internal
          ? []
          : (c.milestones.get(i.id) ?? []).map((m) => ({ id: m.id, title: fr(m.title), plannedOn: m.planned_on ? formatDate(m.planned_on) : "", doneOn: m.done_on ? formatDate(m.done_on) : "", evidence: fr(evidenceLabel(m)) })),
        children: publicTree(c, i.id, shown, nameOf),
      };
    });
}

async function publishedRoadmaps(labSlug: string) {
  const lab = await getLabBySlug(labSlug);
  if (!lab) throw new Refusal("Ce lab n’existe pas.", 404);
  const roadmaps = (await data.roadmapsOfLab(lab.id)).filter((r) => r.published);
  if (!roadmaps.length) throw new Refusal("Ce lab ne publie pas encore de feuille de route.", 404);
  return { lab, roadmaps };
}

/** What changed, newest first, as the public may read it. */
async function publicFeed(computed: Computed[], limit: number) {
  const byRoadmap = new Map(computed.map((c) => [c.roadmap.id, c]));
  const events = await data.eventsOf([...byRoadmap.keys()], limit * 2);
  return events
    .flatMap((e) => {
      const c = byRoadmap.get(e.roadmap_id)!;
      const item = e.item_id ? c.byId.get(e.item_id) : undefined;
      const shape = item ? publicShape(c, item) : "shown";
      if (shape === "hidden") return [];
      return [{ id: e.id, at: e.at.toISOString(), on: formatDate(e.at), kind: e.kind, title: fr(shape === "internal" ? e.anonymous_title : e.title) }];
    })
    .slice(0, limit);
}

/** The tracker's feed for the Atom route. */
export async function trackerFeed(labSlug: string) {
  const { lab, roadmaps } = await publishedRoadmaps(labSlug);
  const computed = await Promise.all(roadmaps.map((r) => compute(r)));
  return { lab: { slug: lab.slug, name: lab.name }, entries: await publicFeed(computed, 50) };
}

/** The tracker's live stream (server-sent events): « something changed », for an open page to reload its figures. */
export async function trackerStream(labSlug: string, signal: AbortSignal): Promise<Response> {
  const { lab } = await publishedRoadmaps(labSlug);
  return liveStream({ channel: data.ROADMAP_CHANNEL, topic: lab.id, signal, snapshot: async () => "{}" });
}
