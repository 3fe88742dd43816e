import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { getLabBySlug, loadPrincipal, usersWithRole } from "../labs/labs";
import { labSurveys, resultsPage } from "./index";
import { HIDDEN } from "./results";
import { LAB_EST_ANSWERS, LAB_EST_SURVEY_TITLE } from "./demo";
import { recipientIds, respondentResponse } from "./surveys";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime({}, { demo: true });
});
afterAll(async () => {
  await env?.dispose();
});

async function teamOf(slug: string) {
  const lab = (await getLabBySlug(slug))!;
  const [id] = await usersWithRole(lab.id, "lab_team");
  return { userId: id, principal: await loadPrincipal(id) };
}

describe("the demo's questionnaires (seed 002)", () => {
  it("Lab'EST's questionnaire: 7,286 answers, results per option, a cross-tab by service hiding the small one, themes of the free texts", async () => {
    const team = await teamOf("labest");
    const list = await labSurveys(team, "labest");
    const survey = list.surveys.find((s) => s.title === LAB_EST_SURVEY_TITLE)!;
    expect(survey).toMatchObject({ responses: LAB_EST_ANSWERS, status: "Clos" });
    expect(list.surveys.find((s) => s.audience.includes("anonymement"))?.status).toBe("Publié");
    const r = await resultsPage(team, "labest", survey.id, { question: null, par: null });
    expect(r.total).toBe(7286);
    const priorities = r.results.find((x) => x.kind === "multiple")!;
    // per option: the shares add up to more than 100 % (several options each)
    expect(priorities.options.reduce((n, o) => n + o.count, 0)).toBeGreaterThan(priorities.answered);
    const managers = r.results.find((x) => x.label.startsWith("Disposez-vous"))!;
    expect(managers.answered).toBeGreaterThan(1000);
    expect(managers.answered).toBeLessThan(2500);
    const category = r.results.find((x) => x.label === "Votre catégorie")!;
    const cross = (await resultsPage(team, "labest", survey.id, { question: category.id, par: "organisation" })).cross!;
    const small = cross.columns.findIndex((c) => c.label === "Sous-préfecture de Saint-Dié-des-Vosges");
    expect(cross.columns[small].total).toBe(HIDDEN);
    expect(cross.rows.every((row) => row.cells[small] === HIDDEN)).toBe(true);
    expect(cross.columns.filter((c) => c.total !== HIDDEN)).toHaveLength(10);
    // the free texts, in themes: the five axes' words come out
    const text = r.results.find((x) => x.text)!;
    expect(text.run?.status).toBe("done");
    expect(text.themes.length).toBeGreaterThanOrEqual(4);
    const labels = text.themes.map((t) => t.label.toLowerCase()).join(" | ");
    expect(labels).toMatch(/validation|confiance|papier|projets|ordinateurs|locaux|outils|déchets|covoiturage|autonomie/);
    expect(text.themes.every((t) => t.representatives.length > 0)).toBe(true);
  });

  it("the held training sessions' satisfaction questionnaires: about two agents present in three answered, as themselves", async () => {
    const team = await teamOf("labest");
    const satisfaction = (await labSurveys(team, "labest")).surveys.filter((s) => s.title.startsWith("Votre avis\u00a0:"));
    expect(satisfaction.length).toBeGreaterThan(0);
    const results = await Promise.all(satisfaction.map((s) => resultsPage(team, "labest", s.id, { question: null, par: null })));
    const answered = results.reduce((n, r) => n + r.total, 0);
    const asked = (await Promise.all(satisfaction.map((s) => recipientIds(s.id)))).reduce((n, ids) => n + ids.length, 0);
    expect(answered / asked).toBeGreaterThan(0.4);
    expect(answered / asked).toBeLessThan(0.9);
    // each answer is an agent's: one of those asked, once
    for (const s of satisfaction) {
      const ids = await recipientIds(s.id);
      const respondents = (await Promise.all(ids.map((id) => respondentResponse(s.id, id)))).filter(Boolean);
      expect(respondents.length).toBe(results[satisfaction.indexOf(s)].total);
    }
  });

  it("the Région lab's open questionnaire to the lycées", async () => {
    const list = await labSurveys(await teamOf("region-grand-est"), "region-grand-est");
    expect(list.surveys.find((s) => s.title === "Vos outils au quotidien dans les lycées")?.status).toBe("Publié");
  });
});
