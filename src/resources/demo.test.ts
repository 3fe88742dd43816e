import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { getLabBySlug, loadPrincipal, usersWithRole } from "../labs/labs";
import { labLibrary, libraryPage, resourcePage } from "./index";
import { readLibraryQuery } from "./schemas";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime({}, { demo: true });
});
afterAll(async () => {
  await env?.dispose();
});

const query = (params: Record<string, string>) => readLibraryQuery(new URL(`http://x/ressources?${new URLSearchParams(params)}`));
async function teamOf(slug: string) {
  const lab = (await getLabBySlug(slug))!;
  const [id] = await usersWithRole(lab.id, "lab_team");
  return { userId: id, principal: await loadPrincipal(id) };
}

describe("the demo's library", () => {
  it("holds the Région's Mini-Lab methods as full sheets, used in the demo sessions, and the labs' tools and templates", async () => {
    const team = await teamOf("region-grand-est");
    const lib = await labLibrary(team, "region-grand-est");
    const methods = lib.resources.filter((r) => r.kind === "method");
    expect(methods.map((m) => m.title)).toEqual(expect.arrayContaining(["Remue-méninges", "Personas", "Parcours usager", "Carte d’empathie", "Prototypage", "Vote par gommettes", "World café"]));
    // the demo sessions use them: « utilisée dans N séances »
    expect(methods.find((m) => m.title === "Prototypage")!.sessions).toBeGreaterThan(0);
    expect(lib.resources.some((r) => r.kind === "tool") && lib.resources.some((r) => r.kind === "template")).toBe(true);

    const found = await libraryPage(team, query({ q: "prototypages" }));
    const sheet = found.resources.find((r) => r.title === "Prototypage")!;
    expect(sheet.sessions).toBeGreaterThan(0);
    const page = await resourcePage(null, sheet.id);
    expect(page.resource.steps.split("\n")).toHaveLength(5);
    expect(page.sessions).toBe(sheet.sessions);
    const persona = (await libraryPage(null, query({ q: "persona" }))).resources.find((r) => r.title === "Personas")!;
    expect((await resourcePage(null, persona.id)).files.map((f) => f.filename)).toEqual(["Canevas persona.pdf"]);
  });

  it("gathers Innov’Mandie’s and Lab’EST’s sheets, and keeps agents-only sheets from visitors", async () => {
    const all = await libraryPage(await teamOf("labest"), query({}));
    expect(all.total).toBeGreaterThanOrEqual(15);
    const visitor = await libraryPage(null, query({ q: "co-construction" }));
    expect(visitor.resources.map((r) => r.title)).toContain("Co-construction avec les usagers");
    expect((await libraryPage(null, query({ q: "questionnaire" }))).resources.map((r) => r.title)).not.toContain("Questionnaire aux agents");
    expect((await libraryPage(await teamOf("innovmandie"), query({ q: "questionnaire" }))).resources.map((r) => r.title)).toContain("Questionnaire aux agents");
  });

  it("publishes case studies drafted from the demo projects that reached évaluation or déploiement, for the public", async () => {
    const studies = await libraryPage(null, query({ type: "case_study" }));
    expect(studies.total).toBeGreaterThan(0);
    for (const slug of ["region-grand-est", "labest", "innovmandie"]) {
      const lib = await labLibrary(await teamOf(slug), slug);
      // every candidate project of the demo is told (up to three a lab), and what is told is public
      const told = lib.resources.filter((r) => r.kind === "case_study");
      expect(told.length).toBe(Math.min(3, lib.candidates.length));
      for (const t of told) expect(studies.resources.map((r) => r.id)).toContain(t.id);
    }
  });
});
