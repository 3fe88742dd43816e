import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeLab, makeMember, makeUser, viewerOf } from "../../tests/support/fixtures";
import { db } from "../kernel/runtime";
import type { Refusal } from "../kernel/permissions";
import { applyGateOutcome, createProjectFor, projectAction, requestGate, saveProjectSettings } from "../projects";
import { projectSchema } from "../projects/schemas";
import { createRoadmap, itemAction, itemPage, labRoadmaps, roadmapAction, roadmapExport, roadmapPage, trackerFeed, trackerPage } from "./index";
import { addItemSchema, addMilestoneSchema, roadmapSettingsSchema, updateItemSchema } from "./schemas";
import * as data from "./roadmaps";
import { mainStages } from "../projects/stages";
import { personalData } from "./personal-data";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

const refusal = (status: number, message?: RegExp) => (e: Refusal) => e.status === status && (!message || message.test(e.message));
const parse = <T,>(schema: { safeParse(v: unknown): { success: boolean; data?: T; error?: unknown } }, v: Record<string, string>): T => {
  const r = schema.safeParse(v);
  if (!r.success) throw new Error(JSON.stringify(r.error));
  return r.data!;
};
const item = (v: Record<string, string>) => parse(addItemSchema, { intent: "addItem", public: "on", ...v });
type Viewer = Awaited<ReturnType<typeof viewerOf>>;

async function setup() {
  const lab = await makeLab();
  const partner = await makeLab();
  const other = await makeLab();
  const team = await viewerOf(await makeMember(lab.id, "lab_team"));
  const partnerTeam = await viewerOf(await makeMember(partner.id, "lab_team"));
  const otherTeam = await viewerOf(await makeMember(other.id, "lab_team"));
  const agent = await viewerOf(await makeMember(lab.id, "agent"));
  // no deliverable is required, so that a gate may be asked at once
  await saveProjectSettings(team, lab.slug, { template: Object.fromEntries(mainStages.map((s) => [s, []])) as never, strategicStages: [] });
  const newProject = (title: string, confidential = false) => createProjectFor(team, lab.slug, parse(projectSchema, { title, problem: "Un problème assez long pour être décrit.", ...(confidential ? { confidential: "on" } : {}) }));
  return { lab, partner, other, team, partnerTeam, otherTeam, agent, newProject };
}

/** A roadmap: one axis, one flagship, one lever holding a project and an initiative with two milestones. */
async function roadmapWith(s: Awaited<ReturnType<typeof setup>>, opts: { confidential?: boolean } = {}) {
  const roadmap = await createRoadmap(s.team, s.lab.slug, { title: "Feuille de route 2021-2027", description: "", partnerLab: s.partner.id });
  const add = async (v: Record<string, string>) => {
    await roadmapAction(s.team, s.lab.slug, roadmap.id, item(v));
    return (await data.itemsOf(roadmap.id)).find((i) => i.title === v.title)!;
  };
  const axis = await add({ kind: "axis", title: "Axe 1" });
  const flagship = await add({ kind: "flagship", parentId: axis.id, title: "Projet phare 1" });
  const lever = await add({ kind: "lever", parentId: flagship.id, title: "Levier 1" });
  const project = await s.newProject("Projet de service du SGC", opts.confidential);
  const linked = await add({ kind: "project", parentId: lever.id, title: "Projet de service du SGC", projectId: project.id, ownerName: "Claire Martin", ownerRole: "Secrétaire générale du SGC" });
  const initiative = await add({ kind: "initiative", parentId: lever.id, title: "Offre réciproque de formations", ownerName: "Paul Durand", ownerRole: "Plateforme RH", ownerNamePublic: "on" });
  for (const title of ["Catalogue commun publié", "Premières inscriptions croisées"]) {
    await itemAction(s.team, s.lab.slug, roadmap.id, initiative.id, parse(addMilestoneSchema, { intent: "addMilestone", milestoneTitle: title, plannedOn: "2021-12-01" }));
  }
  return { roadmap, axis, flagship, lever, project, linked, initiative };
}

const percentOf = async (roadmapId: string, itemId: string | null) => {
  const rows = await data.snapshotsOf(roadmapId, itemId);
  return rows.at(-1)?.percent ?? null;
};

describe("roadmaps: who may", () => {
  it("lets the lab team of its lab and of its partner lab edit it, and nobody else", async () => {
    const s = await setup();
    const r = await roadmapWith(s);
    await expect(createRoadmap(s.agent, s.lab.slug, { title: "Une autre", description: "", partnerLab: null })).rejects.toSatisfy(refusal(403));
    await expect(createRoadmap(s.otherTeam, s.lab.slug, { title: "Une autre", description: "", partnerLab: null })).rejects.toSatisfy(refusal(403));
    expect((await roadmapPage(s.team, s.lab.slug, r.roadmap.id)).tree).toHaveLength(1);
    // the partner lab's team, from its own lab's pages
    expect((await labRoadmaps(s.partnerTeam, s.partner.slug)).roadmaps.map((x) => x.id)).toContain(r.roadmap.id);
    await roadmapAction(s.partnerTeam, s.partner.slug, r.roadmap.id, item({ kind: "axis", title: "Axe transversal écoresponsable", transversal: "on" }));
    // another lab's team: 403 on its own lab's page for this roadmap is a 404 (not its roadmap), 403 on this lab's pages
    await expect(roadmapPage(s.otherTeam, s.other.slug, r.roadmap.id)).rejects.toSatisfy(refusal(404));
    await expect(roadmapPage(s.otherTeam, s.lab.slug, r.roadmap.id)).rejects.toSatisfy(refusal(403));
    await expect(roadmapPage(s.agent, s.lab.slug, r.roadmap.id)).rejects.toSatisfy(refusal(403));
    await expect(itemAction(s.agent, s.lab.slug, r.roadmap.id, r.initiative.id, { intent: "delete", confirm: "on" })).rejects.toSatisfy(refusal(403));
    await expect(itemPage(s.otherTeam, s.other.slug, r.roadmap.id, r.initiative.id)).rejects.toSatisfy(refusal(404));
    // an item of another roadmap is not found through this one
    const second = await createRoadmap(s.team, s.lab.slug, { title: "Une autre feuille", description: "", partnerLab: null });
    await expect(itemPage(s.team, s.lab.slug, second.id, r.initiative.id)).rejects.toSatisfy(refusal(404));
    // « Mes données »: the roadmaps one created
    expect((await personalData(s.team.userId))[0].rows.map((row) => row.title)).toEqual(["Feuille de route 2021-2027", "Une autre feuille"]);
    expect((await personalData(s.partnerTeam.userId))[0].rows).toEqual([]);
  });

  it("refuses a tree out of shape, a project of another lab, a partner that is the lab itself", async () => {
    const s = await setup();
    const r = await roadmapWith(s);
    await expect(roadmapAction(s.team, s.lab.slug, r.roadmap.id, item({ kind: "lever", parentId: r.axis.id, title: "Levier mal placé" }))).rejects.toSatisfy(refusal(400, /se rattache à un projet phare/));
    const foreign = await createProjectFor(s.otherTeam, s.other.slug, parse(projectSchema, { title: "Projet d’un autre lab", problem: "Un problème assez long pour être décrit." }));
    await expect(roadmapAction(s.team, s.lab.slug, r.roadmap.id, item({ kind: "project", parentId: r.lever.id, title: "Projet d’un autre lab", projectId: foreign.id }))).rejects.toSatisfy(refusal(400, /Projet du lab/));
    await expect(createRoadmap(s.team, s.lab.slug, { title: "Avec soi-même", description: "", partnerLab: s.lab.id })).rejects.toSatisfy(refusal(400, /Lab partenaire/));
  });
});

describe("roadmaps: progress from evidence, and its history", () => {
  it("moves with a gate « go » heard from the projects module, and with milestones, a snapshot at each change", async () => {
    const s = await setup();
    const r = await roadmapWith(s);
    // a project in exploration (10 %) and an initiative without any milestone done (0 %)
    expect(await percentOf(r.roadmap.id, r.linked.id)).toBe(10);
    expect(await percentOf(r.roadmap.id, r.initiative.id)).toBe(0);
    expect(await percentOf(r.roadmap.id, null)).toBe(5);

    const review = await requestGate(s.team, r.project.id);
    await applyGateOutcome(null, review.id, { outcome: "go", decidedBy: s.team.userId });
    expect(await percentOf(r.roadmap.id, r.linked.id)).toBe(30);
    expect(await percentOf(r.roadmap.id, null)).toBe(15);
    const page = await roadmapPage(s.team, s.lab.slug, r.roadmap.id);
    expect(page.events[0].title).toBe("Le projet «\u00a0Projet de service du SGC\u00a0» passe le cap\u00a0: exploration → prototype");
    expect(page.roadmap.why).toMatch(/^15\u00a0%\u00a0: moyenne de 1\u00a0élément \(Axe 1 15\u00a0%\)\. En tout, 0 projet sur 1 au-delà du prototype, 0 jalon sur 2 franchi\./);

    // a milestone done: the initiative reaches 50 %
    const milestone = (await data.milestonesOf([r.initiative.id]))[0];
    await itemAction(s.team, s.lab.slug, r.roadmap.id, r.initiative.id, { intent: "milestoneDone", milestoneId: milestone.id, doneOn: new Date("2021-12-10T00:00:00Z"), proof: "https://www.grandest.fr/formations" });
    expect(await percentOf(r.roadmap.id, r.initiative.id)).toBe(50);
    expect(await percentOf(r.roadmap.id, null)).toBe(40);
    await expect(itemAction(s.team, s.lab.slug, r.roadmap.id, r.initiative.id, { intent: "milestoneDone", milestoneId: milestone.id, doneOn: null, proof: "" })).rejects.toSatisfy(refusal(409));

    // the whole roadmap's history: one snapshot at each change of its figure
    const history = (await roadmapPage(s.team, s.lab.slug, r.roadmap.id)).history.map((h) => h.percent);
    expect(history.slice(-3)).toEqual([5, 15, 40]);
    // the project's item: 10 then 30, nothing recorded when its figure did not move (the milestone)
    expect((await itemPage(s.team, s.lab.slug, r.roadmap.id, r.linked.id)).history.map((h) => h.percent)).toEqual([10, 30]);
  });

  it("weights, a stopped project excluded by the rule, and a milestone proved by a stage", async () => {
    const s = await setup();
    const r = await roadmapWith(s);
    // the project's own milestone, proved by entering the prototype
    await itemAction(s.team, s.lab.slug, r.roadmap.id, r.linked.id, parse(addMilestoneSchema, { intent: "addMilestone", milestoneTitle: "Prototype en test", evidenceKind: "stage", evidenceStage: "prototype" }));
    const review = await requestGate(s.team, r.project.id);
    await applyGateOutcome(null, review.id, { outcome: "go", decidedBy: s.team.userId });
    const proved = (await data.milestonesOf([r.linked.id]))[0];
    expect(proved.done_on).not.toBeNull();

    // the initiative weighs 3: (30 × 1 + 0 × 3) / 4
    await itemAction(s.team, s.lab.slug, r.roadmap.id, r.initiative.id, parse(updateItemSchema, { intent: "update", title: "Offre réciproque de formations", weight: "3", public: "on" }));
    expect(await percentOf(r.roadmap.id, r.lever.id)).toBe(7.5);
    const why = (await roadmapPage(s.team, s.lab.slug, r.roadmap.id)).tree[0].children[0].children[0].why;
    expect(why).toBe("8\u00a0%\u00a0: moyenne pondérée de 2\u00a0éléments (Projet de service du SGC 30\u00a0% (poids 1)\u202f; Offre réciproque de formations 0\u00a0% (poids 3)). En tout, 0 projet sur 1 au-delà du prototype, 1 jalon sur 3 franchi.");

    // the project stops: left out by the default rule, the lever is its initiative alone
    await projectAction(s.team, r.project.id, { intent: "stop", reason: "Le SGC change de direction." });
    expect(await percentOf(r.roadmap.id, r.lever.id)).toBe(0);
    const feed = (await roadmapPage(s.team, s.lab.slug, r.roadmap.id)).events.map((e) => e.title);
    expect(feed[0]).toBe("Le projet «\u00a0Projet de service du SGC\u00a0» est arrêté");
    expect(feed).toContain("Jalon franchi\u00a0: Prototype en test (Projet de service du SGC)");
    // the rule « counted at 0 % » — shown with the roadmap — changes nothing here but the explanation
    await roadmapAction(s.team, s.lab.slug, r.roadmap.id, parse(roadmapSettingsSchema, { intent: "settings", title: "Feuille de route 2021-2027", stopRule: "zero", confidentialDisplay: "label", share_exploration: "10", share_prototype: "40", share_experimentation: "50", share_evaluation: "75", share_deployment: "100" }));
    const page = await roadmapPage(s.team, s.lab.slug, r.roadmap.id);
    expect(page.roadmap.stopRuleLabel).toBe("Les éléments arrêtés comptent pour 0\u00a0% dans leur parent");
    expect(page.tree[0].children[0].children[0].why).toContain("1\u00a0élément arrêté compté à 0\u00a0%");
  });

  it("exports the whole roadmap as a table, one row per item in the tree's order, for its lab team only", async () => {
    const s = await setup();
    const r = await roadmapWith(s);
    await expect(roadmapExport(s.agent, s.lab.slug, r.roadmap.id)).rejects.toSatisfy(refusal(403));
    await expect(roadmapExport(s.otherTeam, s.lab.slug, r.roadmap.id)).rejects.toSatisfy(refusal(403));
    const table = await roadmapExport(s.team, s.lab.slug, r.roadmap.id);
    expect(table.header.slice(0, 4)).toEqual(["Référence", "Type", "Rattaché à (référence)", "Titre"]);
    const rows = [...(table.rows as Iterable<unknown[]>)];
    const at = (name: string) => table.header.indexOf(name);
    expect(rows.map((row) => [row[0], row[1], row[2], row[3], row[at("Projet du lab")], row[at("Avancement (%)")]])).toEqual([
      ["1", "axe", "", "Axe 1", "", 5],
      ["1.1", "projet phare", "1", "Projet phare 1", "", 5],
      ["1.1.1", "levier", "1.1", "Levier 1", "", 5],
      ["1.1.1.1", "projet connexe", "1.1.1", "Projet de service du SGC", "Projet de service du SGC", 10],
      ["1.1.1.2", "initiative", "1.1.1", "Offre réciproque de formations", "", 0],
    ]);
    expect(rows[4][at("Jalons")]).toBe("Catalogue commun publié | prévu le 01/12/2021\nPremières inscriptions croisées | prévu le 01/12/2021");
    expect(rows[4][at("Porteur nommé publiquement")]).toBe("oui");
  });

  it("an empty lever has no figure and is left out of its flagship", async () => {
    const s = await setup();
    const r = await roadmapWith(s);
    await roadmapAction(s.team, s.lab.slug, r.roadmap.id, item({ kind: "lever", parentId: r.flagship.id, title: "Levier vide" }));
    const flagship = (await roadmapPage(s.team, s.lab.slug, r.roadmap.id)).tree[0].children[0];
    expect(flagship.children[1]).toMatchObject({ title: "Levier vide", percent: null, percentLabel: "–" });
    expect(flagship.why).toContain("1\u00a0élément sans chiffre encore");
    expect(flagship.percent).toBe(5);
  });
});

/** Every key of a value, at any depth (arrays looked into). */
function keysOf(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) for (const x of v) keysOf(x, out);
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) out.add(k), keysOf(x, out);
  return out;
}

describe("the public tracker", () => {
  const allowed = ["lab", "slug", "name", "roadmaps", "id", "title", "description", "percent", "percentLabel", "why", "rule", "shares", "stage", "tree", "kind", "kindLabel", "transversal", "status", "owner", "dates", "calendar", "milestones", "plannedOn", "doneOn", "evidence", "children", "nextMilestones", "item", "late", "history", "at", "on", "period", "body", "feed", "entries"];

  it("is 404 until the lab publishes a roadmap, then shows only public items and fields", async () => {
    const s = await setup();
    const r = await roadmapWith(s, { confidential: true });
    await expect(trackerPage(s.lab.slug)).rejects.toSatisfy(refusal(404));
    await roadmapAction(s.team, s.lab.slug, r.roadmap.id, parse(roadmapSettingsSchema, { intent: "settings", title: "Feuille de route 2021-2027", partnerLab: s.partner.id, published: "on", stopRule: "exclude", confidentialDisplay: "label", share_exploration: "10", share_prototype: "30", share_experimentation: "50", share_evaluation: "75", share_deployment: "100" }));
    await roadmapAction(s.team, s.lab.slug, r.roadmap.id, item({ kind: "initiative", parentId: r.lever.id, title: "Chantier interne secret", public: "", status: "done" }));
    await roadmapAction(s.team, s.lab.slug, r.roadmap.id, { intent: "addCalendar", period: "Automne 2021", startsOn: new Date("2021-09-22T00:00:00Z"), body: "Atelier des préfets", public: true });
    await roadmapAction(s.team, s.lab.slug, r.roadmap.id, { intent: "addCalendar", period: "Hiver 2021", startsOn: new Date("2021-12-01T00:00:00Z"), body: "Note interne au comité", public: false });
    const review = await requestGate(s.team, r.project.id);
    await applyGateOutcome(null, review.id, { outcome: "go", decidedBy: s.team.userId });

    const page = await trackerPage(s.lab.slug);
    const keys = keysOf(page);
    expect([...keys].filter((k) => !allowed.includes(k))).toEqual([]);
    const text = JSON.stringify(page);
    // the confidential project: « projet interne », no title, no owner; the internal item and calendar entry: absent
    for (const secret of ["Projet de service du SGC", "Claire Martin", "Secrétaire générale du SGC", "Chantier interne secret", "Note interne au comité", s.team.userId, r.project.id]) expect(text).not.toContain(secret);
    expect(text).toContain("Projet interne");
    // owners: named when they agreed
    expect(text).toContain("Paul Durand, Plateforme RH");
    expect(page.feed[0].title).toBe("Un projet interne passe le cap\u00a0: exploration → prototype");
    expect(page.calendar.map((c) => c.period)).toEqual(["Automne 2021"]);
    // the figure counts the internal item; its explanation does not name it
    const lever = page.roadmaps[0].tree[0].children[0].children[0];
    expect(lever.why).toContain("Élément non public 100\u00a0%");
    expect(lever.children.map((c) => c.title)).toEqual(["Projet interne", "Offre réciproque de formations"]);
    // the partner lab's tracker shows it too
    expect((await trackerPage(s.partner.slug)).roadmaps[0].id).toBe(r.roadmap.id);

    const feed = await trackerFeed(s.lab.slug);
    expect([...keysOf(feed)].filter((k) => !allowed.includes(k))).toEqual([]);
    expect(JSON.stringify(feed)).not.toContain("Projet de service du SGC");

    // « not at all »: the confidential project disappears, from the tree and from the feed
    await roadmapAction(s.team, s.lab.slug, r.roadmap.id, parse(roadmapSettingsSchema, { intent: "settings", title: "Feuille de route 2021-2027", published: "on", stopRule: "exclude", confidentialDisplay: "hidden", share_exploration: "10", share_prototype: "30", share_experimentation: "50", share_evaluation: "75", share_deployment: "100" }));
    const hidden = await trackerPage(s.lab.slug);
    expect(JSON.stringify(hidden)).not.toContain("Projet interne");
    expect(hidden.feed.filter((f) => f.kind === "gate")).toEqual([]);
  });
});

describe("roadmaps: everything a change writes commits together", () => {
  it("rolls back the project's gate and the roadmap's snapshot together when the listener fails", async () => {
    const s = await setup();
    const r = await roadmapWith(s);
    const before = (await data.snapshotsOf(r.roadmap.id, r.linked.id)).length;
    const review = await requestGate(s.team, r.project.id);
    // an item whose snapshot cannot be written: the roadmap's listener throws inside the gate's transaction
    const { onProjectChange } = await import("../projects");
    const off = onProjectChange(async () => {
      throw new Error("listener down");
    });
    await expect(applyGateOutcome(null, review.id, { outcome: "go", decidedBy: s.team.userId })).rejects.toThrow("listener down");
    off();
    expect((await data.snapshotsOf(r.roadmap.id, r.linked.id)).length).toBe(before);
    const stage = await db().withTables<{ projects: { id: string; stage: string } }>().selectFrom("projects").select("stage").where("id", "=", r.project.id).executeTakeFirstOrThrow();
    expect(stage.stage).toBe("exploration");
  });
});
