import { describe, expect, it } from "vitest";
import { defaultStageShares, explain, percentLabel, readStageShares, rollup, weightedMean, type RollupNode, type RollupSettings } from "./rules";
import type { Stage } from "../projects/stages";

const settings: RollupSettings = { shares: defaultStageShares, stopRule: "exclude" };
let n = 0;
const project = (stage: Stage, over: Partial<RollupNode> = {}): RollupNode => ({ id: `p${n++}`, kind: "project", title: `Projet ${n}`, weight: null, status: "active", project: { stage, resumeStage: stage === "paused" ? "prototype" : null }, milestones: [], children: [], ...over });
const initiative = (done: number, total: number, over: Partial<RollupNode> = {}): RollupNode => ({ id: `i${n++}`, kind: "initiative", title: `Initiative ${n}`, weight: null, status: "active", milestones: Array.from({ length: total }, (_, i) => ({ done: i < done })), children: [], ...over });
const lever = (children: RollupNode[], over: Partial<RollupNode> = {}): RollupNode => ({ id: `l${n++}`, kind: "lever", title: `Levier ${n}`, weight: null, status: "active", milestones: [], children, ...over });

describe("leaves", () => {
  it.each([
    // what, node, percent
    ["a project in exploration", project("exploration"), 10],
    ["a project in prototype", project("prototype"), 30],
    ["a project in experimentation", project("experimentation"), 50],
    ["a project in deployment", project("deployment"), 100],
    ["a paused project counts at the stage it resumes at", project("paused"), 30],
    ["a project marked done by the lab", project("prototype", { status: "done" }), 100],
    ["a linked project that is gone", project("prototype", { project: null }), null],
    ["an initiative, 3 milestones of 4", initiative(3, 4), 75],
    ["an initiative, none of 2", initiative(0, 2), 0],
    ["an initiative without milestones", initiative(0, 0), null],
    ["an initiative marked done", initiative(1, 4, { status: "done" }), 100],
  ] as const)("%s", (_what, node, percent) => {
    expect(rollup([lever([node])], settings).get(node.id)!.percent).toBe(percent);
  });

  it("uses the roadmap's own stage shares", () => {
    const p = project("experimentation");
    expect(rollup([lever([p])], { ...settings, shares: { ...defaultStageShares, experimentation: 60 } }).get(p.id)!.percent).toBe(60);
  });

  it("keeps stored shares within 0–100 and fills missing ones with the defaults", () => {
    expect(readStageShares({ exploration: 5, prototype: 250, experimentation: -3, evaluation: "x" })).toEqual({ exploration: 5, prototype: 100, experimentation: 0, evaluation: 75, deployment: 100 });
    expect(readStageShares(null)).toEqual(defaultStageShares);
  });
});

describe("parents", () => {
  it.each([
    // what, children, stop rule, parent percent
    ["no weights: every child counts equally", () => [project("prototype"), project("deployment")], "exclude", 65],
    ["weights: 3 × 100 and 1 × 0", () => [initiative(2, 2, { weight: 3 }), initiative(0, 2, { weight: 1 })], "exclude", 75],
    ["a child with no weight counts as 1 beside a weighted one", () => [initiative(2, 2, { weight: 2 }), initiative(0, 2)], "exclude", (200 / 3)],
    ["a stopped project is left out by the rule « exclude »", () => [project("deployment"), project("stopped")], "exclude", 100],
    ["a stopped project counts at 0 % by the rule « zero »", () => [project("deployment"), project("stopped")], "zero", 50],
    ["a stopped initiative is left out whatever its milestones", () => [initiative(1, 2), initiative(2, 2, { status: "stopped" })], "exclude", 50],
    ["a child without a figure is left out", () => [initiative(1, 2), initiative(0, 0)], "exclude", 50],
    ["an empty lever has no figure", () => [], "exclude", null],
    ["only stopped children: no figure", () => [project("stopped")], "exclude", null],
  ] as const)("%s", (_what, children, stopRule, percent) => {
    const l = lever(children());
    const got = rollup([l], { ...settings, stopRule }).get(l.id)!.percent;
    if (percent === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(percent, 6);
  });

  it("an empty lever is left out of its flagship, which counts its other levers", () => {
    const empty = lever([]);
    const full = lever([initiative(1, 1)]);
    const flagship: RollupNode = { id: "f", kind: "flagship", title: "Phare", weight: null, status: "active", milestones: [], children: [empty, full] };
    const result = rollup([{ id: "a", kind: "axis", title: "Axe", weight: null, status: "active", milestones: [], children: [flagship] }], settings);
    expect(result.get("f")!.percent).toBe(100);
    expect(result.get("root")!.percent).toBe(100);
    expect(explain(result.get("f")!, () => "x", settings)).toContain("1\u00a0élément sans chiffre encore");
  });

  it("rolls up through axes to the whole roadmap, counting projects and milestones below", () => {
    const tree: RollupNode = {
      id: "axe",
      kind: "axis",
      title: "Axe",
      weight: null,
      status: "active",
      milestones: [],
      children: [{ id: "ph", kind: "flagship", title: "Phare", weight: null, status: "active", milestones: [], children: [lever([project("experimentation"), project("prototype")]), lever([initiative(3, 4)])] }],
    };
    const result = rollup([tree], settings);
    expect(result.get("root")!.percent).toBeCloseTo((40 + 75) / 2, 6);
    expect(result.get("root")!.tally).toEqual({ projects: 2, pastPrototype: 1, milestones: 4, milestonesDone: 3, stopped: 0 });
  });
});

describe("« pourquoi ce chiffre ? »", () => {
  const cases: [string, () => RollupNode[], RollupSettings][] = [
    ["equal children", () => [project("prototype"), project("evaluation"), initiative(1, 3)], settings],
    ["weights", () => [initiative(2, 2, { weight: 3 }), project("exploration", { weight: 0.5 }), initiative(1, 4)], settings],
    ["stopped, excluded", () => [project("stopped"), project("deployment"), initiative(1, 3)], settings],
    ["stopped, at zero", () => [project("stopped"), project("deployment"), initiative(1, 3)], { ...settings, stopRule: "zero" }],
  ];
  it.each(cases)("states the figure and the parts that make it: %s", (_what, children, s) => {
    const l = lever(children());
    const p = rollup([l], s).get(l.id)!;
    const names = new Map(l.children.map((c) => [c.id, c.title]));
    const text = explain(p, (id) => names.get(id)!, s);
    // the figure first, then parts whose weighted mean is that figure
    expect(text.startsWith(`${percentLabel(p.percent)}\u00a0:`)).toBe(true);
    if (p.basis.kind !== "children") throw new Error("a parent's figure comes from its children");
    expect(Math.round(weightedMean(p.basis.parts))).toBe(Math.round(p.percent!));
    for (const part of p.basis.parts) expect(text).toContain(`${names.get(part.id)} ${percentLabel(part.percent)}`);
    if (s.stopRule === "exclude" && l.children.some((c) => c.project?.stage === "stopped")) expect(text).toContain("élément arrêté exclu");
    if (s.stopRule === "zero" && l.children.some((c) => c.project?.stage === "stopped")) expect(text).toContain("compté à 0\u00a0%");
  });

  it("reads like the lab's own summary", () => {
    const l = lever([project("experimentation"), project("deployment"), project("prototype"), initiative(3, 4)]);
    const p = rollup([l], settings).get(l.id)!;
    const text = explain(p, () => "x", settings);
    expect(text).toMatch(/^64\u00a0%\u00a0: moyenne de 4\u00a0éléments/);
    expect(text).toContain("En tout, 2 projets sur 3 au-delà du prototype, 3 jalons sur 4 franchis.");
  });

  it.each([
    ["a project", project("experimentation"), "50\u00a0%\u00a0: le projet est en expérimentation\u00a0; cette étape vaut 50\u00a0% dans cette feuille de route."],
    ["a paused project", project("paused"), "30\u00a0%\u00a0: le projet est en pause (il reprendra en prototype)\u00a0; cette étape vaut 30\u00a0% dans cette feuille de route."],
    ["an initiative", initiative(3, 4), "75\u00a0%\u00a0: 3\u00a0jalons franchis sur 4."],
    ["an initiative without milestones", initiative(0, 0), "Pas encore de chiffre\u00a0: aucun jalon n’est encore prévu."],
  ] as const)("%s", (_what, node, text) => {
    const p = rollup([lever([node])], settings).get(node.id)!;
    expect(explain(p, () => "x", settings)).toBe(text);
  });
});
