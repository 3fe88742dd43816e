import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeLab, makeMember, viewerOf } from "../../tests/support/fixtures";
import type { Refusal } from "../kernel/permissions";
import { createRoadmap, itemAction, itemPage, milestoneEvidenceFile, roadmapAction, roadmapPage, trackerPage } from "./index";
import { addItemSchema, addMilestoneSchema, editMilestoneSchema, itemForms, moveItemSchema, reorderSchema, roadmapSettingsSchema } from "./schemas";
import * as data from "./roadmaps";
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
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const pdf = (name = "compte-rendu.pdf") => new File([new Uint8Array(PDF)], name, { type: "application/pdf" });

/** Two axes, two flagships, two levers under the first flagship, initiatives under them. */
async function setup() {
  const lab = await makeLab();
  const other = await makeLab();
  const team = await viewerOf(await makeMember(lab.id, "lab_team"));
  const otherTeam = await viewerOf(await makeMember(other.id, "lab_team"));
  const agent = await viewerOf(await makeMember(lab.id, "agent"));
  const roadmap = await createRoadmap(team, lab.slug, { title: "Feuille de route à réorganiser", description: "", partnerLab: null });
  const add = async (v: Record<string, string>) => {
    await roadmapAction(team, lab.slug, roadmap.id, parse(addItemSchema, { intent: "addItem", public: "on", ...v }));
    return (await data.itemsOf(roadmap.id)).find((i) => i.title === v.title)!;
  };
  const axis1 = await add({ kind: "axis", title: "Axe 1" });
  const axis2 = await add({ kind: "axis", title: "Axe 2" });
  const axis3 = await add({ kind: "axis", title: "Axe 3" });
  const flagship1 = await add({ kind: "flagship", parentId: axis1.id, title: "Projet phare 1" });
  const flagship2 = await add({ kind: "flagship", parentId: axis2.id, title: "Projet phare 2" });
  const lever1 = await add({ kind: "lever", parentId: flagship1.id, title: "Levier 1" });
  const lever2 = await add({ kind: "lever", parentId: flagship1.id, title: "Levier 2" });
  const initiative = await add({ kind: "initiative", parentId: lever1.id, title: "Initiative partenaire" });
  const initiative2 = await add({ kind: "initiative", parentId: lever2.id, title: "Initiative déjà faite", status: "done" });
  return { lab, other, team, otherTeam, agent, roadmap, axis1, axis2, axis3, flagship1, flagship2, lever1, lever2, initiative, initiative2 };
}
type Setup = Awaited<ReturnType<typeof setup>>;
const titles = async (s: Setup) => (await roadmapPage(s.team, s.lab.slug, s.roadmap.id)).tree.map((a) => [a.title, a.children.map((f) => [f.title, f.children.map((l) => [l.title, l.children.map((x) => x.title)])])]);
const latest = async (roadmapId: string, itemId: string | null) => (await data.snapshotsOf(roadmapId, itemId)).at(-1)!;

describe("roadmaps: moving and ordering items", () => {
  it("moves a lever under another flagship: the figures of both follow, a snapshot records why", async () => {
    const s = await setup();
    // flagship 1: lever 1 (nothing measured yet: left out) and lever 2 (100 %); flagship 2 has nothing
    expect((await latest(s.roadmap.id, s.flagship1.id)).percent).toBe(100);
    await itemAction(s.team, s.lab.slug, s.roadmap.id, s.lever2.id, parse(moveItemSchema, { intent: "move", parentId: s.flagship2.id }));
    expect(await titles(s)).toEqual([
      ["Axe 1", [["Projet phare 1", [["Levier 1", ["Initiative partenaire"]]]]]],
      ["Axe 2", [["Projet phare 2", [["Levier 2", ["Initiative déjà faite"]]]]]],
      ["Axe 3", []],
    ]);
    expect((await latest(s.roadmap.id, s.flagship1.id)).percent).toBeNull();
    const moved = await latest(s.roadmap.id, s.flagship2.id);
    expect(moved.percent).toBe(100);
    expect(moved.cause).toBe("Déplacement\u00a0: Levier 2, de «\u00a0Projet phare 1\u00a0» à «\u00a0Projet phare 2\u00a0»");
    // the item page offers the flagships it is not under
    expect((await itemPage(s.team, s.lab.slug, s.roadmap.id, s.lever2.id)).moveTo.map((o) => o.label)).toEqual(["Axe 1 › Projet phare 1"]);
    expect((await itemPage(s.team, s.lab.slug, s.roadmap.id, s.axis1.id)).moveTo).toEqual([]);
  });

  it("refuses a move out of shape, under itself or its own, into another roadmap, and to whoever is not the lab team", async () => {
    const s = await setup();
    const move = (itemId: string, parentId: string, who = s.team) => itemAction(who, s.lab.slug, s.roadmap.id, itemId, parse(moveItemSchema, { intent: "move", parentId }));
    // same-level rules: a lever goes under a flagship, not an axis nor a lever
    await expect(move(s.lever1.id, s.axis2.id)).rejects.toSatisfy(refusal(400, /se rattache à un projet phare/));
    await expect(move(s.lever1.id, s.lever2.id)).rejects.toSatisfy(refusal(400, /se rattache à un projet phare/));
    await expect(move(s.initiative.id, s.initiative2.id)).rejects.toSatisfy(refusal(400, /se rattache à un levier/));
    // an axis has no parent
    await expect(move(s.axis1.id, s.axis2.id)).rejects.toSatisfy(refusal(400, /un axe n’est rattaché à rien/));
    // a cycle: under itself
    await expect(move(s.flagship1.id, s.flagship1.id)).rejects.toSatisfy(refusal(400));
    // where it already is
    await expect(move(s.lever1.id, s.flagship1.id)).rejects.toSatisfy(refusal(400, /déjà rattaché/));
    // a flagship of another roadmap
    const second = await createRoadmap(s.team, s.lab.slug, { title: "Une seconde feuille", description: "", partnerLab: null });
    await roadmapAction(s.team, s.lab.slug, second.id, parse(addItemSchema, { intent: "addItem", kind: "axis", title: "Axe ailleurs", public: "on" }));
    const elsewhere = (await data.itemsOf(second.id))[0];
    await roadmapAction(s.team, s.lab.slug, second.id, parse(addItemSchema, { intent: "addItem", kind: "flagship", parentId: elsewhere.id, title: "Phare ailleurs", public: "on" }));
    const foreignFlagship = (await data.itemsOf(second.id)).find((i) => i.kind === "flagship")!;
    await expect(move(s.lever1.id, foreignFlagship.id)).rejects.toSatisfy(refusal(400));
    // who may not
    await expect(move(s.lever2.id, s.flagship2.id, s.agent)).rejects.toSatisfy(refusal(403));
    await expect(move(s.lever2.id, s.flagship2.id, s.otherTeam)).rejects.toSatisfy(refusal(403));
    // nothing moved
    expect((await data.getItem(s.lever2.id))!.parent_id).toBe(s.flagship1.id);
    // the form's schema: a parent id is required
    expect(itemForms.move.safeParse({ intent: "move", parentId: "pas-un-id" }).success).toBe(false);
  });

  it("reorders siblings up and down, refuses past the ends, and the public tracker follows the order", async () => {
    const s = await setup();
    const reorder = (itemId: string, direction: string, who = s.team) => roadmapAction(who, s.lab.slug, s.roadmap.id, parse(reorderSchema, { intent: "reorder", itemId, direction }));
    await reorder(s.axis3.id, "up");
    expect((await titles(s)).map((a) => a[0])).toEqual(["Axe 1", "Axe 3", "Axe 2"]);
    await reorder(s.axis1.id, "down");
    expect((await titles(s)).map((a) => a[0])).toEqual(["Axe 3", "Axe 1", "Axe 2"]);
    await reorder(s.lever2.id, "up");
    expect((await roadmapPage(s.team, s.lab.slug, s.roadmap.id)).tree[1].children[0].children.map((l) => l.title)).toEqual(["Levier 2", "Levier 1"]);
    await expect(reorder(s.axis3.id, "up")).rejects.toSatisfy(refusal(409, /déjà le premier/));
    await expect(reorder(s.axis2.id, "down")).rejects.toSatisfy(refusal(409, /déjà le dernier/));
    await expect(reorder(s.axis2.id, "up", s.agent)).rejects.toSatisfy(refusal(403));
    await expect(reorder(s.axis2.id, "up", s.otherTeam)).rejects.toSatisfy(refusal(403));
    await expect(roadmapAction(s.team, s.lab.slug, s.roadmap.id, { intent: "reorder", itemId: "00000000-0000-0000-0000-000000000000", direction: "up" })).rejects.toSatisfy(refusal(404));
    expect(reorderSchema.safeParse({ intent: "reorder", itemId: s.axis2.id, direction: "gauche" }).success).toBe(false);
    await roadmapAction(s.team, s.lab.slug, s.roadmap.id, parse(roadmapSettingsSchema, { intent: "settings", title: "Feuille de route à réorganiser", published: "on", stopRule: "exclude", confidentialDisplay: "label", share_exploration: "10", share_prototype: "30", share_experimentation: "50", share_evaluation: "75", share_deployment: "100" }));
    expect((await trackerPage(s.lab.slug)).roadmaps[0].tree.map((a) => a.title)).toEqual(["Axe 3", "Axe 1", "Axe 2"]);
  });
});

describe("roadmaps: editing milestones, a file as evidence", () => {
  it("edits a milestone's words, dates and evidence: done moves the figure and the feed, undone moves it back", async () => {
    const s = await setup();
    await itemAction(s.team, s.lab.slug, s.roadmap.id, s.initiative.id, parse(addMilestoneSchema, { intent: "addMilestone", milestoneTitle: "Convention signée", plannedOn: "2021-10-01" }));
    await itemAction(s.team, s.lab.slug, s.roadmap.id, s.initiative.id, parse(addMilestoneSchema, { intent: "addMilestone", milestoneTitle: "Premier atelier", plannedOn: "2021-11-01" }));
    const [m] = await data.milestonesOf([s.initiative.id]);
    const edit = (v: Record<string, string>) => itemAction(s.team, s.lab.slug, s.roadmap.id, s.initiative.id, parse(editMilestoneSchema, { intent: "editMilestone", milestoneId: m.id, ...v }));
    await edit({ milestoneTitle: "Convention signée avec la DRAAF", plannedOn: "2021-10-15", doneOn: "2021-10-20", evidenceKind: "link", evidenceUrl: "https://draaf.grand-est.agriculture.gouv.fr/convention" });
    const after = (await data.getMilestone(m.id))!;
    expect(after).toMatchObject({ title: "Convention signée avec la DRAAF", evidence_kind: "link", evidence_url: "https://draaf.grand-est.agriculture.gouv.fr/convention" });
    expect(after.done_on?.toISOString()).toBe("2021-10-19T22:00:00.000Z");
    expect((await latest(s.roadmap.id, s.initiative.id)).percent).toBe(50);
    expect((await roadmapPage(s.team, s.lab.slug, s.roadmap.id)).events[0].title).toBe("Jalon franchi\u00a0: Convention signée avec la DRAAF (Initiative partenaire)");
    await edit({ milestoneTitle: "Convention signée avec la DRAAF", plannedOn: "2021-10-15", doneOn: "" });
    expect((await latest(s.roadmap.id, s.initiative.id)).percent).toBe(0);
    // French messages next to the fields
    const bad = editMilestoneSchema.safeParse({ intent: "editMilestone", milestoneId: m.id, milestoneTitle: "", plannedOn: "2021-02-30", evidenceKind: "link", evidenceUrl: "javascript:alert(1)" });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["milestoneTitle", "plannedOn", "evidenceUrl"]));
    // a milestone of another item, and people who may not
    const other = await itemAction(s.team, s.lab.slug, s.roadmap.id, s.initiative2.id, parse(addMilestoneSchema, { intent: "addMilestone", milestoneTitle: "Ailleurs" })).then(async () => (await data.milestonesOf([s.initiative2.id]))[0]);
    await expect(itemAction(s.team, s.lab.slug, s.roadmap.id, s.initiative.id, parse(editMilestoneSchema, { intent: "editMilestone", milestoneId: other.id, milestoneTitle: "Volé" }))).rejects.toSatisfy(refusal(404));
    await expect(itemAction(s.agent, s.lab.slug, s.roadmap.id, s.initiative.id, parse(editMilestoneSchema, { intent: "editMilestone", milestoneId: m.id, milestoneTitle: "Par un agent" }))).rejects.toSatisfy(refusal(403));
    expect((await data.getMilestone(other.id))!.title).toBe("Ailleurs");
  });

  it("keeps a file as a milestone's evidence: uploaded, downloaded by the lab team only, replaced, dropped", async () => {
    const s = await setup();
    await itemAction(s.team, s.lab.slug, s.roadmap.id, s.initiative.id, parse(addMilestoneSchema, { intent: "addMilestone", milestoneTitle: "Compte rendu du comité", alreadyDoneOn: "2021-12-02", evidenceKind: "file" }), new Date(), [pdf()]);
    const [m] = await data.milestonesOf([s.initiative.id]);
    expect(m.evidence_kind).toBe("file");
    const file = await milestoneEvidenceFile(s.team, s.lab.slug, s.roadmap.id, m.id);
    expect(file).toMatchObject({ filename: "compte-rendu.pdf", mime: "application/pdf", size: PDF.length });
    expect(Buffer.compare(file.content, PDF)).toBe(0);
    const shown = (await itemPage(s.team, s.lab.slug, s.roadmap.id, s.initiative.id)).milestones[0];
    expect(shown.file).toEqual({ name: "compte-rendu.pdf", href: `/lab/${s.lab.slug}/feuille-de-route/${s.roadmap.id}/jalons/${m.id}/preuve` });
    expect(shown.evidence).toMatch(/^compte-rendu\.pdf \(1\u00a0ko\)$/);
    // who may not download it
    await expect(milestoneEvidenceFile(s.agent, s.lab.slug, s.roadmap.id, m.id)).rejects.toSatisfy(refusal(403));
    await expect(milestoneEvidenceFile(s.otherTeam, s.lab.slug, s.roadmap.id, m.id)).rejects.toSatisfy(refusal(403));
    await expect(milestoneEvidenceFile(s.otherTeam, s.other.slug, s.roadmap.id, m.id)).rejects.toSatisfy(refusal(404));
    const second = await createRoadmap(s.team, s.lab.slug, { title: "Une autre feuille", description: "", partnerLab: null });
    await expect(milestoneEvidenceFile(s.team, s.lab.slug, second.id, m.id)).rejects.toSatisfy(refusal(404));
    await expect(milestoneEvidenceFile(s.team, s.lab.slug, s.roadmap.id, "pas-un-id")).rejects.toSatisfy(refusal(404));
    // the public tracker says a document proves it, without the file or its name
    await roadmapAction(s.team, s.lab.slug, s.roadmap.id, parse(roadmapSettingsSchema, { intent: "settings", title: "Feuille de route à réorganiser", published: "on", stopRule: "exclude", confidentialDisplay: "label", share_exploration: "10", share_prototype: "30", share_experimentation: "50", share_evaluation: "75", share_deployment: "100" }));
    const tracker = JSON.stringify(await trackerPage(s.lab.slug));
    expect(tracker).toContain("Un document joint");
    expect(tracker).not.toContain("compte-rendu.pdf");
    // « Mes données »: the files one uploaded
    expect((await personalData(s.team.userId)).find((x) => x.key === "roadmap_evidence_files")!.rows.map((r) => r.filename)).toEqual(["compte-rendu.pdf"]);

    const edit = (v: Record<string, string>, uploads: File[] = []) => itemAction(s.team, s.lab.slug, s.roadmap.id, s.initiative.id, parse(editMilestoneSchema, { intent: "editMilestone", milestoneId: m.id, milestoneTitle: "Compte rendu du comité", doneOn: "2021-12-02", ...v }), new Date(), uploads);
    // kept when the form sends no new file
    await edit({ evidenceKind: "file" });
    expect((await data.evidenceFiles.list(m.id)).map((f) => f.filename)).toEqual(["compte-rendu.pdf"]);
    // replaced by a new one
    await edit({ evidenceKind: "file" }, [pdf("compte-rendu-signé.pdf")]);
    expect((await data.evidenceFiles.list(m.id)).map((f) => f.filename)).toEqual(["compte-rendu-signé.pdf"]);
    // not a PDF nor an image: refused, next to the field, the old file kept
    await expect(edit({ evidenceKind: "file" }, [new File(["MZ exécutable"], "preuve.pdf")])).rejects.toSatisfy((e: Refusal) => e.status === 400 && e.field === "evidenceFile" && /n’est ni un PDF ni une image/.test(e.message));
    expect((await data.evidenceFiles.list(m.id)).map((f) => f.filename)).toEqual(["compte-rendu-signé.pdf"]);
    // another evidence: the file goes
    await edit({ evidenceKind: "text", evidenceText: "Relevé de décisions lu en séance" });
    expect(await data.evidenceFiles.list(m.id)).toEqual([]);
    await expect(milestoneEvidenceFile(s.team, s.lab.slug, s.roadmap.id, m.id)).rejects.toSatisfy(refusal(404));
    // a file is asked for, none sent
    await expect(edit({ evidenceKind: "file" })).rejects.toSatisfy((e: Refusal) => e.status === 400 && e.field === "evidenceFile");
    await expect(itemAction(s.team, s.lab.slug, s.roadmap.id, s.initiative.id, parse(addMilestoneSchema, { intent: "addMilestone", milestoneTitle: "Sans fichier", evidenceKind: "file" }))).rejects.toSatisfy((e: Refusal) => e.status === 400 && e.field === "evidenceFile");
    expect((await data.milestonesOf([s.initiative.id])).map((x) => x.title)).toEqual(["Compte rendu du comité"]);
  });
});
