import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeLab, makeMember, viewerOf } from "../../tests/support/fixtures";
import { applyGateOutcome, createProjectFor, requestGate, saveProjectSettings } from "../projects";
import { projectSchema } from "../projects/schemas";
import { mainStages } from "../projects/stages";
import { allItems, datasetByResource } from "../opendata";
import { createRoadmap, publicRoadmapProgressPage, roadmapAction } from "./index";
import { addItemSchema, roadmapSettingsSchema } from "./schemas";
import * as data from "./roadmaps";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

const parse = <T,>(schema: { safeParse(v: unknown): { success: boolean; data?: T; error?: unknown } }, v: Record<string, string>): T => {
  const r = schema.safeParse(v);
  if (!r.success) throw new Error(JSON.stringify(r.error));
  return r.data!;
};
const settings = (v: Record<string, string>) => parse(roadmapSettingsSchema, { intent: "settings", title: "Feuille de route ouverte", stopRule: "exclude", confidentialDisplay: "label", share_exploration: "10", share_prototype: "30", share_experimentation: "50", share_evaluation: "75", share_deployment: "100", ...v });

describe("open data: the roadmaps' progress history", () => {
  it("publishes the history of published roadmaps, public items only, a confidential project as « Projet interne » or not at all, nothing personal", async () => {
    const lab = await makeLab();
    const team = await viewerOf(await makeMember(lab.id, "lab_team"));
    await saveProjectSettings(team, lab.slug, { template: Object.fromEntries(mainStages.map((s) => [s, []])) as never, strategicStages: [] });
    const secret = await createProjectFor(team, lab.slug, parse(projectSchema, { title: "Projet secret du SGC", problem: "Un problème assez long pour être décrit.", confidential: "on" }));
    const roadmap = await createRoadmap(team, lab.slug, { title: "Feuille de route ouverte", description: "", partnerLab: null });
    const add = async (v: Record<string, string>) => {
      await roadmapAction(team, lab.slug, roadmap.id, parse(addItemSchema, { intent: "addItem", ...v }));
      return (await data.itemsOf(roadmap.id)).find((i) => i.title === v.title)!;
    };
    const axis = await add({ kind: "axis", title: "Axe public", public: "on" });
    const flagship = await add({ kind: "flagship", parentId: axis.id, title: "Phare public", public: "on" });
    const lever = await add({ kind: "lever", parentId: flagship.id, title: "Levier public", public: "on" });
    const hiddenLever = await add({ kind: "lever", parentId: flagship.id, title: "Levier interne" });
    await add({ kind: "initiative", parentId: hiddenLever.id, title: "Sous un levier interne", public: "on", status: "done", ownerName: "Claire Martin" });
    const linked = await add({ kind: "project", parentId: lever.id, title: "Projet secret du SGC", projectId: secret.id, public: "on", ownerName: "Jeanne Petit" });
    const mine = () => publicRoadmapProgressPage({ roadmapId: roadmap.id }, null, null, 200);
    // not published: nothing
    expect((await mine()).rows).toEqual([]);
    await roadmapAction(team, lab.slug, roadmap.id, settings({ published: "on" }));
    const review = await requestGate(team, secret.id);
    await applyGateOutcome(null, review.id, { outcome: "go", decidedBy: team.userId });

    // in time order (the pages are in id order)
    const rows = (await mine()).rows.sort((a, b) => +a.at - +b.at);
    const text = JSON.stringify(rows);
    for (const hidden of ["Levier interne", "Sous un levier interne", "Projet secret du SGC", "Claire Martin", "Jeanne Petit", hiddenLever.id, secret.id, team.userId]) expect(text).not.toContain(hidden);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(["roadmap", "axis", "flagship", "lever", "project"]));
    // the confidential project, by the lab's choice: « Projet interne », with its history (10 then 30)
    expect(rows.filter((r) => r.item_id === linked.id).map((r) => [r.title, r.percent])).toEqual([
      ["Projet interne", 10],
      ["Projet interne", 30],
    ]);
    expect(rows.find((r) => r.item_id === linked.id)!.parent_id).toBe(lever.id);
    // the whole roadmap's figure moved with the gate
    expect(rows.filter((r) => r.kind === "roadmap").map((r) => r.percent).at(-1)).toBe(65);
    // « not at all »
    await roadmapAction(team, lab.slug, roadmap.id, settings({ published: "on", confidentialDisplay: "hidden" }));
    expect((await mine()).rows.some((r) => r.item_id === linked.id)).toBe(false);
    // filters, pages
    expect((await publicRoadmapProgressPage({ roadmapId: roadmap.id, itemId: axis.id }, null, null, 200)).rows.every((r) => r.item_id === axis.id)).toBe(true);
    expect((await publicRoadmapProgressPage({ labId: lab.id }, null, null, 200)).rows.length).toBe((await mine()).rows.length);
    expect((await publicRoadmapProgressPage({ labId: "pas-un-id" }, null, null, 200)).rows).toEqual([]);
    const first = await publicRoadmapProgressPage({ roadmapId: roadmap.id }, null, null, 2);
    const second = await publicRoadmapProgressPage({ roadmapId: roadmap.id }, null, first.next, 2);
    expect(first.rows.length).toBe(2);
    expect(second.rows[0].id > first.rows[1].id).toBe(true);
    // the lab's own token reads its roadmap whole (internal items, the confidential project by its name), another lab's does not
    const other = await makeLab();
    const inside = JSON.stringify((await publicRoadmapProgressPage({ roadmapId: roadmap.id }, lab.id, null, 500)).rows);
    for (const title of ["Levier interne", "Sous un levier interne", "Projet secret du SGC"]) expect(inside).toContain(title);
    for (const name of ["Claire Martin", "Jeanne Petit"]) expect(inside).not.toContain(name);
    expect((await publicRoadmapProgressPage({ roadmapId: roadmap.id }, other.id, null, 500)).rows.length).toBe((await mine()).rows.length);
    // an unpublished roadmap: only its own lab's token reads it
    await roadmapAction(team, lab.slug, roadmap.id, settings({ published: "" }));
    expect((await mine()).rows).toEqual([]);
    expect((await publicRoadmapProgressPage({ roadmapId: roadmap.id }, lab.id, null, 500)).rows.length).toBeGreaterThan(0);
    await roadmapAction(team, lab.slug, roadmap.id, settings({ published: "on", confidentialDisplay: "hidden" }));
    // the dataset streams exactly its documented keys
    const dataset = datasetByResource("roadmap-progress")!;
    for await (const row of allItems(dataset, 3)) expect(Object.keys(row).sort()).toEqual(Object.keys(dataset.item.shape).sort());
  });
});
