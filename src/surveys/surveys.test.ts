import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeLab, makeMember, makeOrganization, makeUser, viewerOf } from "../../tests/support/fixtures";
import { grantRole, loadPrincipal } from "../labs/labs";
import { db } from "../kernel/runtime";
import type { Refusal } from "../kernel/permissions";
import { agentAnswerPage, agentAnswerStep, createSurvey, createSurveyFromTemplate, linkAnswerPage, linkAnswerStep, mySurveys, newBrowserToken, publicSurveyResultsPage, publicSurveyResultsStats, resultsPage, startThemes, surveyAction, surveyExport, surveyPage } from "./index";
import { builderForms, surveyCreateSchema } from "./schemas";
import { fieldName } from "./questions";
import * as data from "./surveys";
import { runSurveyThemes } from "./job";
import { personalData } from "./personal-data";
import { HIDDEN } from "./results";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

const refusal = (status: number, message?: RegExp) => (e: Refusal) => e.status === status && (!message || message.test(e.message));
const parse = <T,>(schema: { safeParse(v: unknown): { success: boolean; data?: T; error?: unknown } }, v: Record<string, unknown>): T => {
  const r = schema.safeParse(v);
  if (!r.success) throw new Error(JSON.stringify(r.error));
  return r.data!;
};
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function setup() {
  const lab = await makeLab();
  const org = await makeOrganization();
  const otherOrg = await makeOrganization();
  const team = await viewerOf(await makeMember(lab.id, "lab_team"));
  const otherTeam = await viewerOf(await makeMember((await makeLab()).id, "lab_team"));
  const agentIn = async (organizationId: string) => {
    const u = await makeUser({ organizationId });
    await grantRole(u.id, lab.id, "agent");
    return { userId: u.id, principal: await loadPrincipal(u.id) };
  };
  return { lab, org, otherOrg, team, otherTeam, agentIn };
}

/** A questionnaire: a choice, then (if « Oui ») a long text, then a scale. */
async function built(s: Awaited<ReturnType<typeof setup>>, audience: "organizations" | "anonymous" = "organizations") {
  const survey = await createSurvey(s.team, s.lab.slug, parse(surveyCreateSchema, { title: "Imaginons ensemble l’avenir", audience, organizationIds: audience === "organizations" ? [s.org.id, s.otherOrg.id] : [], opensOn: day(-1), closesOn: day(10) }));
  const act = (v: Record<string, unknown>) => surveyAction(s.team, s.lab.slug, survey.id, parse((builderForms as unknown as Record<string, never>)[v.intent as string], v));
  for (const t of ["Votre service", "Vos idées", "Votre avis"]) await act({ intent: "addSection", sectionTitle: t });
  let page = await surveyPage(s.team, s.lab.slug, survey.id);
  const [s1, s2, s3] = page.sections.map((x) => x.id);
  await act({ intent: "addQuestion", sectionId: s1, kind: "single", label: "Travaillez-vous en télétravail ?", required: "on", options: "Oui\nNon" });
  page = await surveyPage(s.team, s.lab.slug, survey.id);
  const q1 = page.sections[0].questions[0].id;
  await act({ intent: "addQuestion", sectionId: s2, kind: "long_text", label: "Qu’est-ce qui vous aiderait ?", required: "on", conditionQuestion: q1, conditionValues: "1" });
  await act({ intent: "addQuestion", sectionId: s3, kind: "scale5", label: "Votre satisfaction", required: "on" });
  await act({ intent: "publish" });
  page = await surveyPage(s.team, s.lab.slug, survey.id);
  return { survey, page, q1, q2: page.sections[1].questions[0].id, q3: page.sections[2].questions[0].id };
}

describe("a lab builds a questionnaire", () => {
  it("with sections, questions and a condition; only its team may", async () => {
    const s = await setup();
    const { survey, page } = await built(s);
    expect(page.sections.map((x) => x.questions.map((q) => q.kind))).toEqual([["Choix unique"], ["Texte long"], ["Échelle de 1 à 5"]]);
    expect(page.sections[1].questions[0].condition).toBe("si la réponse à «\u00a0Travaillez-vous en télétravail\u202f?\u00a0» est «\u00a0Oui\u00a0»");
    expect(page.survey.statusLabel).toBe("Publié");
    await expect(surveyPage(s.otherTeam, s.lab.slug, survey.id)).rejects.toSatisfy(refusal(403));
    await expect(surveyPage(await s.agentIn(s.org.id), s.lab.slug, survey.id)).rejects.toSatisfy(refusal(403));
    await expect(surveyPage(s.team, s.lab.slug, "00000000-0000-4000-8000-000000000000")).rejects.toSatisfy(refusal(404));
  });

  it("refuses a condition on a question of the same section (it could not be read without JavaScript)", async () => {
    const s = await setup();
    const { survey } = await built(s);
    // a new version of the published questionnaire: a draft whose questions may change
    const copy = await surveyAction(s.team, s.lab.slug, survey.id, { intent: "newVersion" });
    expect(copy.redirectTo).toMatch(/\?fait=version$/);
    const draft = (await data.surveysOfLab(s.lab.id)).find((x) => x.version === 2)!;
    const p2 = await surveyPage(s.team, s.lab.slug, draft.id);
    const q = p2.sections[2].questions[0];
    await expect(
      surveyAction(s.team, s.lab.slug, draft.id, parse(builderForms.addQuestion, { intent: "addQuestion", sectionId: p2.sections[2].id, kind: "short_text", label: "Pourquoi ?", conditionQuestion: q.id, conditionValues: "1" })),
    ).rejects.toSatisfy(refusal(400, /section précédente/));
  });
});

describe("an agent answers", () => {
  it("page by page, the condition read on the server; once, then edits until closing", async () => {
    const s = await setup();
    const { survey, q1, q2, q3 } = await built(s);
    const agent = await s.agentIn(s.org.id);
    expect((await mySurveys(agent)).surveys.map((x) => x.title)).toContain("Imaginons ensemble l’avenir");
    const first = await agentAnswerPage(agent, survey.id);
    expect(first.questions.map((q) => q.id)).toEqual([q1]);
    // a required answer missing: the same page with the message next to the field
    const missing = await agentAnswerStep(agent, survey.id, { intent: "next", section: 0, state: {} }, {});
    expect(missing).toMatchObject({ done: false, state: { section: 0, errors: { [fieldName(q1)]: "Répondez à cette question." } } });
    // « Oui »: the text page comes next
    const yes = await agentAnswerStep(agent, survey.id, { intent: "next", section: 0, state: {} }, { [fieldName(q1)]: ["0"] });
    expect(yes).toMatchObject({ done: false, state: { section: 1 } });
    // « Non » (changed on the way back): straight to the scale, the text dropped
    const no = await agentAnswerStep(agent, survey.id, { intent: "next", section: 0, state: { [fieldName(q2)]: ["Plus de visio"] } }, { [fieldName(q1)]: ["1"] });
    expect(no).toMatchObject({ done: false, state: { section: 2, isLast: true } });
    const state = (no as { state: { raw: Record<string, string[]> } }).state.raw;
    const done = await agentAnswerStep(agent, survey.id, { intent: "submit", section: 2, state }, { [fieldName(q3)]: ["4"] });
    expect(done).toEqual({ done: true });
    const response = (await data.respondentResponse(survey.id, agent.userId))!;
    expect([...(await data.answersOf(response)).keys()].sort()).toEqual([q1, q3].sort());
    // edited: « Oui » and a text
    const again = await agentAnswerPage(agent, survey.id);
    expect(again.editing).toBe(true);
    expect(again.raw[fieldName(q1)]).toEqual(["1"]);
    const edited = await agentAnswerStep(agent, survey.id, { intent: "submit", section: 2, state: { [fieldName(q1)]: ["0"], [fieldName(q2)]: ["Des outils partagés"] } }, { [fieldName(q3)]: ["5"] });
    expect(edited).toEqual({ done: true });
    expect(await data.responseCount(survey.id)).toBe(1);
    expect((await data.answersOf(response)).get(q2)?.text).toBe("Des outils partagés");
    // the questions are locked now
    const page = await surveyPage(s.team, s.lab.slug, survey.id);
    expect(page.survey.locked).toBe(true);
    await expect(surveyAction(s.team, s.lab.slug, survey.id, { intent: "deleteQuestion", questionId: q3 })).rejects.toSatisfy(refusal(409, /nouvelle version/));
    expect((await personalData(agent.userId))[0].rows).toEqual([{ title: "Imaginons ensemble l’avenir", answered_on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);
    // the account deleted: its answer stays in the results, tied to no one
    await data.forgetAccount(agent.userId);
    expect(await data.respondentResponse(survey.id, agent.userId)).toBeUndefined();
    expect(await data.responseCount(survey.id)).toBe(1);
    expect((await personalData(agent.userId))[0].rows).toEqual([]);
  });

  it("refuses an agent of another organisation, a closed questionnaire, a visitor's link to an agents' one", async () => {
    const s = await setup();
    const { survey } = await built(s);
    const stranger = await s.agentIn((await makeOrganization()).id);
    await expect(agentAnswerPage(stranger, survey.id)).rejects.toSatisfy(refusal(403, /pas adressé/));
    await surveyAction(s.team, s.lab.slug, survey.id, { intent: "close" });
    await expect(agentAnswerPage(await s.agentIn(s.org.id), survey.id)).rejects.toSatisfy(refusal(403, /clos/));
  });

  it("a questionnaire from a template, addressed to a list of agents (the trainings' satisfaction)", async () => {
    const s = await setup();
    const listed = await s.agentIn(s.org.id);
    const other = await s.agentIn(s.org.id);
    const made = await createSurveyFromTemplate({
      labId: s.lab.id,
      audience: { kind: "agents", userIds: [listed.userId] },
      template: { title: "Votre avis sur la formation", sections: [{ title: "Satisfaction", questions: [{ key: "note", kind: "scale10", label: "Recommanderiez-vous cette formation ?", required: true }] }, { title: "Pour finir", questions: [{ kind: "long_text", label: "Que faudrait-il améliorer ?", condition: { key: "note", values: [0, 1, 2, 3, 4, 5, 6] } }] }] },
    });
    expect((await agentAnswerPage(listed, made.id)).questions).toHaveLength(1);
    await expect(agentAnswerPage(other, made.id)).rejects.toSatisfy(refusal(403));
  });
});

describe("an anonymous visitor answers through the link", () => {
  it("once per browser; nothing that identifies them is stored", async () => {
    const s = await setup();
    const { survey, q1, q3 } = await built(s, "anonymous");
    const token = (await surveyPage(s.team, s.lab.slug, survey.id)).survey.link!.split("/").pop()!;
    const browser = newBrowserToken();
    const page = await linkAnswerPage(token, browser);
    expect("questions" in page && page.questions.map((q) => q.id)).toEqual([q1]);
    const r = await linkAnswerStep(token, browser, { intent: "submit", section: 2, state: { [fieldName(q1)]: ["1"] } }, { [fieldName(q3)]: ["3"] });
    expect(r).toEqual({ done: true });
    expect(await linkAnswerPage(token, browser)).toEqual({ answered: true, title: "Imaginons ensemble l’avenir" });
    await expect(linkAnswerStep(token, browser, { intent: "submit", section: 2, state: { [fieldName(q1)]: ["1"] } }, { [fieldName(q3)]: ["3"] })).rejects.toSatisfy(refusal(409, /déjà répondu/));
    // another browser answers
    expect(await linkAnswerStep(token, newBrowserToken(), { intent: "submit", section: 2, state: { [fieldName(q1)]: ["1"] } }, { [fieldName(q3)]: ["2"] })).toEqual({ done: true });
    const rows = await db().selectFrom("survey_responses" as never).selectAll().where("survey_id" as never, "=", survey.id as never).execute();
    expect(rows).toHaveLength(2);
    expect(rows.every((x) => (x as { organization_id: unknown }).organization_id === null)).toBe(true);
    expect(await sql`SELECT count(*)::int AS n FROM survey_respondents WHERE survey_id = ${survey.id}`.execute(db()).then((x) => x.rows[0])).toEqual({ n: 0 });
    await expect(linkAnswerPage("inconnu-inconnu-inconnu", browser)).rejects.toSatisfy(refusal(404));
  });

  it("its lab publishes the results as open data: counts per answer offered, never 1 to 4, no free text; withdrawn at will", async () => {
    const s = await setup();
    const { survey, q1, q2, q3 } = await built(s, "anonymous");
    const token = (await surveyPage(s.team, s.lab.slug, survey.id)).survey.link!.split("/").pop()!;
    const answer = async (yes: boolean, satisfaction: string) =>
      expect(await linkAnswerStep(token, newBrowserToken(), { intent: "submit", section: 2, state: yes ? { [fieldName(q1)]: ["0"], [fieldName(q2)]: ["Du temps"] } : { [fieldName(q1)]: ["1"] } }, { [fieldName(q3)]: [satisfaction] })).toEqual({ done: true });
    // four answers: too few to publish
    for (let i = 0; i < 4; i++) await answer(true, "4");
    const act = (viewer: typeof s.team, intent: "openData" | "closeData") => surveyAction(viewer, s.lab.slug, survey.id, { intent });
    await expect(act(s.team, "openData")).rejects.toSatisfy(refusal(409, /5\u00a0réponses/));
    // 8 « Oui » and 2 « Non » (hidden: fewer than 5); satisfaction 4 (×7), 5 (×3, hidden)
    for (let i = 0; i < 4; i++) await answer(true, i < 3 ? "4" : "5");
    for (let i = 0; i < 2; i++) await answer(false, "5");
    await expect(act(s.otherTeam, "openData")).rejects.toSatisfy(refusal(403));
    expect(await publicSurveyResultsPage({ surveyId: survey.id }, null, 50)).toEqual({ rows: [], next: null });
    await act(s.team, "openData");
    expect((await surveyPage(s.team, s.lab.slug, survey.id)).survey.openData).toBe(true);
    const { rows, next } = await publicSurveyResultsPage({ surveyId: survey.id }, null, 50);
    expect(next).toBeNull();
    // the choice and the scale; never the free text
    expect(rows.map((r) => [r.question_id, r.answer, r.respondents, r.answered, r.percent])).toEqual(
      [
        [q1, "Oui", 8, 10, 80],
        [q1, "Non", null, 10, null],
        [q3, "1", 0, 10, 0],
        [q3, "2", 0, 10, 0],
        [q3, "3", 0, 10, 0],
        [q3, "4", 7, 10, 70],
        [q3, "5", null, 10, null],
      ].sort((a, z) => (a[0] === z[0] ? 0 : (a[0] as string) < (z[0] as string) ? -1 : 1)),
    );
    expect(rows.some((r) => r.question_id === q2)).toBe(false);
    expect(rows[0]).toMatchObject({ survey_id: survey.id, survey_title: "Imaginons ensemble l’avenir", lab_id: s.lab.id });
    // paged by question: a page never cuts a question
    const first = await publicSurveyResultsPage({ surveyId: survey.id }, null, 2);
    expect(new Set(first.rows.map((r) => r.question_id)).size).toBe(1);
    const second = await publicSurveyResultsPage({ surveyId: survey.id }, first.next, 50);
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect((await publicSurveyResultsStats()).count).toBeGreaterThanOrEqual(7);
    // an agents' questionnaire is never published; withdrawn, the results leave the dataset
    const agents = await built(s, "organizations");
    await expect(surveyAction(s.team, s.lab.slug, agents.survey.id, { intent: "openData" })).rejects.toSatisfy(refusal(409, /anonyme/));
    await act(s.team, "closeData");
    expect((await publicSurveyResultsPage({ surveyId: survey.id }, null, 50)).rows).toEqual([]);
  });

  it("the answers' tables carry no identifying column: no account, no address, no time of day", async () => {
    const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
      SELECT table_name, column_name, data_type FROM information_schema.columns
      WHERE table_name IN ('survey_responses', 'survey_choices', 'survey_texts', 'survey_browser_tokens') ORDER BY table_name, ordinal_position`.execute(db());
    const byTable = (t: string) => columns.rows.filter((c) => c.table_name === t).map((c) => c.column_name);
    expect(byTable("survey_responses")).toEqual(["id", "survey_id", "organization_id", "answered_on"]);
    expect(columns.rows.find((c) => c.column_name === "answered_on")?.data_type).toBe("date");
    expect(byTable("survey_choices")).toEqual(["survey_id", "response_id", "question_id", "item", "value"]);
    expect(byTable("survey_texts")).toEqual(["id", "survey_id", "response_id", "question_id", "body"]);
    // the browser's token names no answer
    expect(byTable("survey_browser_tokens")).toEqual(["survey_id", "token_hash"]);
    const identifying = /user|account|author|ip|address|email|agent|session|created_at|updated_at|time/i;
    for (const c of columns.rows) expect(c.column_name).not.toMatch(identifying);
  });
});

describe("results", () => {
  async function answered(n: { orgA: number; orgB: number }) {
    const s = await setup();
    const { survey, q1, q2, q3 } = await built(s);
    let i = 0;
    for (const [org, count] of [[s.org.id, n.orgA], [s.otherOrg.id, n.orgB]] as const) {
      for (let k = 0; k < count; k++, i++) {
        const agent = await s.agentIn(org);
        const yes = i % 3 !== 0;
        const state = { [fieldName(q1)]: [yes ? "0" : "1"], ...(yes ? { [fieldName(q2)]: [i % 2 ? "Plus de télétravail et des outils partagés" : "Moins de réunions, plus de temps pour les usagers"] } : {}) };
        expect(await agentAnswerStep(agent, survey.id, { intent: "submit", section: 2, state }, { [fieldName(q3)]: [String(1 + (i % 5))] })).toEqual({ done: true });
      }
    }
    return { s, survey, q1, q2, q3 };
  }

  it("counts and percentages per option; a cross-tab by organisation hides a group of fewer than 5", async () => {
    const { s, survey, q1, q3 } = await answered({ orgA: 12, orgB: 3 });
    const r = await resultsPage(s.team, s.lab.slug, survey.id, { question: null, par: null });
    expect(r.total).toBe(15);
    const yesNo = r.results.find((x) => x.id === q1)!;
    expect(yesNo.options.map((o) => [o.label, o.count, o.percent])).toEqual([["Oui", 10, "67\u00a0%"], ["Non", 5, "33\u00a0%"]]);
    expect(r.results.find((x) => x.id === q3)!.mean).toBe("3,0");
    const cross = (await resultsPage(s.team, s.lab.slug, survey.id, { question: q1, par: "organisation" })).cross!;
    const small = cross.columns.findIndex((c) => c.label === s.otherOrg.name);
    const big = cross.columns.findIndex((c) => c.label === s.org.name);
    expect(cross.columns[small].total).toBe(HIDDEN);
    expect(cross.rows.map((row) => row.cells[small])).toEqual([HIDDEN, HIDDEN]);
    expect(cross.columns[big].total).toBe("12");
    // 12 agents: 8 « Oui », 4 « Non » — 4 is fewer than 5, and then 8 would give it away
    expect(cross.rows.map((row) => row.cells[big])).toEqual([HIDDEN, HIDDEN]);
    expect(cross.hiddenGroups).toBe(1);
    await expect(resultsPage(s.otherTeam, s.lab.slug, survey.id, { question: null, par: null })).rejects.toSatisfy(refusal(403));
  });

  it("a cross-tab by an answer never shows a group of fewer than 5, nor a cell of 1 to 4", async () => {
    const { s, survey, q1, q3 } = await answered({ orgA: 20, orgB: 10 });
    const cross = (await resultsPage(s.team, s.lab.slug, survey.id, { question: q3, par: q1 })).cross!;
    expect(cross.columns.map((c) => c.label)).toEqual(["Oui", "Non"]);
    expect(cross.columns.map((c) => c.total)).toEqual(["20", "10"]);
    // every cell is either « moins de 5 », zero, or a count of 5 or more
    for (const row of cross.rows) for (const cell of row.cells) expect(cell === HIDDEN || /^0 /.test(cell) || Number(cell.split(" ")[0]) >= 5).toBe(true);
    expect(cross.rows.flatMap((r) => r.cells).filter((c) => c === HIDDEN).length).toBeGreaterThan(0);
  });

  it("counts an answer committed since the last view (the counts are shared only until something is committed)", async () => {
    const { s, survey, q1, q3 } = await answered({ orgA: 10, orgB: 0 });
    const view = () => resultsPage(s.team, s.lab.slug, survey.id, { question: null, par: null });
    const crossView = async () => (await resultsPage(s.team, s.lab.slug, survey.id, { question: q3, par: q1 })).cross!;
    expect((await view()).total).toBe(10);
    expect((await view()).results.find((x) => x.id === q1)!.options.map((o) => o.count)).toEqual([6, 4]);
    // « Non » is a group of 4: hidden
    expect((await crossView()).columns.map((c) => c.total)).toEqual(["6", HIDDEN]);
    const agent = await s.agentIn(s.org.id);
    expect(await agentAnswerStep(agent, survey.id, { intent: "submit", section: 2, state: { [fieldName(q1)]: ["1"] } }, { [fieldName(q3)]: ["5"] })).toEqual({ done: true });
    const after = await view();
    expect(after.total).toBe(11);
    expect(after.results.find((x) => x.id === q1)!.options.map((o) => o.count)).toEqual([6, 5]);
    expect((await crossView()).columns.map((c) => c.total)).toEqual(["6", "5"]);
    // and the right to see them is checked on every view, cached counts or not
    await expect(resultsPage(s.otherTeam, s.lab.slug, survey.id, { question: null, par: null })).rejects.toSatisfy(refusal(403));
  });

  it("shows nothing under 5 answers", async () => {
    const { s, survey } = await answered({ orgA: 3, orgB: 1 });
    const r = await resultsPage(s.team, s.lab.slug, survey.id, { question: null, par: null });
    expect(r.enough).toBe(false);
    expect(r.results).toEqual([]);
  });

  it("finds themes in the free texts, as a job with its progress, and exports every answer", async () => {
    const { s, survey, q2 } = await answered({ orgA: 30, orgB: 6 });
    await startThemes(s.team, s.lab.slug, survey.id, q2);
    await expect(startThemes(s.team, s.lab.slug, survey.id, q2)).rejects.toSatisfy(refusal(409));
    const [run] = await data.latestRuns(survey.id);
    expect(run.status).toBe("queued");
    await runSurveyThemes(run.id, { inThread: false });
    const r = await resultsPage(s.team, s.lab.slug, survey.id, { question: null, par: null });
    const text = r.results.find((x) => x.id === q2)!;
    expect(text.run).toMatchObject({ status: "done", percent: 100, answers: 24 });
    expect(text.themes.length).toBeGreaterThan(0);
    expect(text.themes.reduce((n, t) => n + t.size, 0)).toBeLessThanOrEqual(24);
    expect(text.themes[0].representatives[0]).toMatch(/télétravail|réunions/);
    const table = await surveyExport(s.team, s.lab.slug, survey.id);
    const rows = [];
    for await (const row of table.rows) rows.push(row);
    expect(table.header).toEqual(["Réponse", "Jour", "Organisation", "Travaillez-vous en télétravail\u202f?", "Qu’est-ce qui vous aiderait\u202f?", "Votre satisfaction"]);
    expect(rows).toHaveLength(36);
    expect(rows.filter((row) => row[3] === "Oui")).toHaveLength(24);
  });
});
