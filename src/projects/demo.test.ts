/** The demo's projects: Lab'EST's programme at its stages, the Région's adopted decisions as projects, Innov'Mandie's incubator when the lab exists. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeMember, viewerOf } from "../../tests/support/fixtures";
import { labTeam } from "../demo/content";
import { findUserByEmail } from "../accounts/accounts";
import { createLab, getLabBySlug, loadPrincipal } from "../labs/labs";
import { listMinilabs } from "../minilabs/minilabs";
import { ideaTraces } from "../arbitration/trace";
import { labPortfolio, pendingGateReviews, projectPage } from "./service";
import { seedDemoProjects } from "./demo";
import { requestsAcceptedForProject } from "../requests";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime({}, { demo: true });
}, 240_000);
afterAll(async () => {
  await env?.dispose();
});

const member = async (key: string) => {
  const u = (await findUserByEmail(labTeam.find((p) => p.key === key)!.email))!;
  return { userId: u.id, principal: await loadPrincipal(u.id) };
};

describe("demo projects", () => {
  it("Lab'EST's projects are at their real stages, with their administrations and FTAP funding", async () => {
    const team = await member("labest-1");
    const portfolio = await labPortfolio(team, "labest", {});
    const agile = portfolio.rows.find((r) => r.title === "Expérimentation d’une direction agile et résiliente")!;
    expect(agile.stage).toBe("experimentation");
    expect(agile.organizations).toEqual(expect.arrayContaining(["Direction départementale des territoires des Vosges", "Préfecture de la Haute-Marne", "Direction régionale de l’alimentation, de l’agriculture et de la forêt Grand Est"]));
    const page = await projectPage(team, agile.id);
    expect(page.details?.conditions).toHaveLength(1);
    expect(page.details?.indicators.length).toBe(2);
    expect(portfolio.rows.filter((r) => r.fundingSource === "FTAP").map((r) => r.title)).toEqual(expect.arrayContaining(["Projet de service du secrétariat général commun de la Meuse"]));
    expect(portfolio.rows.some((r) => r.title.includes("Imaginons ensemble l’avenir des services de l’État du Grand Est"))).toBe(true);
    const labEst = (await getLabBySlug("labest"))!;
    expect((await pendingGateReviews(labEst.id, "project")).map((r) => r.projectTitle)).toEqual(["Cohésion d’équipe et projet de service de la DDETS de la Marne"]);
  });

  it("the Région's adopted decisions of « Lycées écoresponsables » are projects: the ideas' trace goes down to the project and its stage", async () => {
    const done = (await listMinilabs()).find((m) => m.name === "Mini-Lab Lycées écoresponsables")!;
    const { publishedTheme } = await import("../themes");
    const theme = (await publishedTheme(done.theme_id!, done.lab_id))!;
    const anyone = { userId: "00000000-0000-4000-8000-000000000000", principal: { userId: "00000000-0000-4000-8000-000000000000", roles: new Map() } };
    const traces = [...(await ideaTraces(anyone, theme.ideaIds)).values()];
    const kinds = new Set(traces.flatMap((t) => t.steps.map((s) => s.kind)));
    expect(kinds.has("project")).toBe(true);
    expect(kinds.has("deployed")).toBe(true);
    expect(traces[0].steps.find((s) => s.kind === "project_stage")?.title).toMatch(/expérimentation|exploration/);
  });

  it("seeds Innov'Mandie's incubator; the projects its desk accepted are born from their requests, which link to them", async () => {
    const lab = (await getLabBySlug("innovmandie"))!;
    const team = await viewerOf(await makeMember(lab.id, "lab_team"));
    const rows = (await labPortfolio(team, "innovmandie", {})).rows;
    expect(Object.fromEntries(rows.map((r) => [r.title, r.stage]))).toEqual({
      "Open data dans le département de l’Eure": "prototype",
      "Design de service pour un outil RH et managers": "exploration",
      "Médiathèque d’Alençon en tiers-lieu": "deployment",
    });
    const accepted = await requestsAcceptedForProject(lab.id);
    expect(accepted.map((r) => r.title).sort()).toEqual(["Design de service pour un outil RH à destination des managers", "Open data dans le département de l’Eure"]);
    for (const r of accepted) {
      expect(r.projectId).not.toBeNull();
      const project = (await projectPage(team, r.projectId!)).project;
      expect(project.title).toMatch(/^(Open data|Design de service)/);
    }
    // every request a desk of the demo accepted as « projet » has its project (Lab'EST's too)
    const labEst = (await getLabBySlug("labest"))!;
    expect((await requestsAcceptedForProject(labEst.id)).every((r) => r.projectId)).toBe(true);
  });

  it("seeds an Innov'Mandie lab of another installation too (the seeder only needs the lab)", async () => {
    const lab = await createLab({ slug: "innovmandie-bis", name: "Innov’Mandie bis" });
    const team = await viewerOf(await makeMember(lab.id, "lab_team"));
    expect(await seedDemoProjects({ labEstSlug: "absent", regionLabSlug: "absent", innovmandieSlug: "innovmandie-bis" })).toEqual({ projects: 3 });
    expect((await labPortfolio(team, "innovmandie-bis", {})).rows).toHaveLength(3);
  });
});
