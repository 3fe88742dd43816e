import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { getLabBySlug, loadPrincipal, usersWithRole } from "../labs/labs";
import { itemPage, milestoneEvidenceFile, roadmapPage, trackerPage } from "./index";
import { labEstCalendar } from "./demo";
import { applyGateOutcome, pendingGateReviews } from "../projects";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime({}, { demo: true });
});
afterAll(async () => {
  await env?.dispose();
});

describe("the demo's roadmap: Lab'EST's, as in its programme (seed 002)", () => {
  it("has 5 axes (one transversal), 4 flagship projects with 5, 4, 4 and 5 levers and 7, 7, 7 and 13 connected projects", async () => {
    const lab = (await getLabBySlug("labest"))!;
    const [teamId] = await usersWithRole(lab.id, "lab_team");
    const team = { userId: teamId, principal: await loadPrincipal(teamId) };
    const page = (await trackerPage("labest")).roadmaps[0];
    expect(page.tree).toHaveLength(5);
    expect(page.tree.filter((a) => a.transversal).map((a) => a.title)).toEqual(["Des services publics écoresponsables"]);
    const flagships = page.tree.flatMap((a) => a.children);
    expect(flagships.map((f) => f.title)).toEqual(["Traceur de l’innovation", "Expérimentation d’une direction agile et résiliente", "Une doctrine du management portée par un réseau de pionniers (managers intermédiaires)", "Des services de la vie quotidienne moteurs des transformations internes"]);
    expect(flagships.map((f) => f.children.length)).toEqual([5, 4, 4, 5]);
    expect(flagships.map((f) => f.children.flatMap((l) => l.children).length)).toEqual([7, 7, 7, 13]);
    // connected items linked to the demo's Lab'EST projects, the rest initiatives (DataGrandEst and the reciprocal training offer among them)
    const connected = flagships.flatMap((f) => f.children.flatMap((l) => l.children));
    expect(connected.filter((c) => c.kind === "project")).toHaveLength(5);
    expect(connected.filter((c) => c.kind === "initiative").map((c) => c.title)).toEqual(expect.arrayContaining(["DataGrandEst", "Offre réciproque de formations"]));
    expect(connected.find((c) => c.title === "DataGrandEst")!.dates).toMatch(/^du 1er janvier 2021 au 31 décembre 2027$/);
    // the calendar, and a history since 2021
    expect((await trackerPage("labest")).calendar.map((c) => c.period)).toEqual(labEstCalendar.map(([p]) => p));
    expect(page.history[0].at.slice(0, 4)).toBe("2021");
    expect(page.history.length).toBeGreaterThan(30);
    expect(page.percent).toBeGreaterThan(40);
    // the lab team sees the same figures
    const lab2 = await roadmapPage(team, "labest", page.id);
    expect(lab2.roadmap.percent).toBe(page.percent);
    // DataGrandEst's framing study is proved by a PDF the lab team downloads; the public reads « un document joint »
    const dge = connected.find((c) => c.title === "DataGrandEst")!;
    expect(dge.milestones.find((m) => m.title === "Restitution finale de l’étude de cadrage")!.evidence).toBe("Un document joint");
    const study = (await itemPage(team, "labest", page.id, dge.id)).milestones.find((m) => m.rawTitle === "Restitution finale de l’étude de cadrage")!;
    const file = await milestoneEvidenceFile(team, "labest", page.id, study.id);
    expect(file.mime).toBe("application/pdf");
    expect(file.content.subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe("the demo's roadmap hears its projects", () => {
  it("a « go » on the DDETS de la Marne project moves its item to 30 % and proves its prototype milestone", async () => {
    const lab = (await getLabBySlug("labest"))!;
    const [review] = (await pendingGateReviews(lab.id, "project")).filter((r) => r.projectTitle.includes("DDETS de la Marne"));
    await applyGateOutcome(null, review.id, { outcome: "go", decidedBy: null });
    const page = await trackerPage("labest");
    const item = page.roadmaps[0].tree.flatMap((a) => a.children.flatMap((f) => f.children.flatMap((l) => l.children))).find((c) => c.title.includes("DDETS de la Marne"))!;
    expect(item.percentLabel).toBe("30\u00a0%");
    expect(item.milestones).toEqual([expect.objectContaining({ title: "Prototype du parcours d’accueil des nouveaux arrivants", doneOn: expect.stringMatching(/\d{4}$/) })]);
    expect(page.feed.slice(0, 2).map((f) => f.title)).toEqual(expect.arrayContaining([expect.stringContaining("passe le cap\u00a0: exploration → prototype"), "Jalon franchi\u00a0: Prototype du parcours d’accueil des nouveaux arrivants (Cohésion d’équipe et projet de service de la DDETS de la Marne)"]));
  });
});
