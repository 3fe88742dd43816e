/**
 * The surveys module's data functions: each runs on `db()` (the use case's transaction when there
 * is one) and names only this module's tables.
 */
import crypto from "node:crypto";
import { sql } from "kysely";
import { db } from "../kernel/runtime";
import { isUuid } from "../kernel/ids";
import { frenchSpaces as fr } from "../kernel/format";
import type { QuestionRow, Section, Survey, SurveysTables, SurveyTheme, ThemeRun } from "./db/schema";
import type { Answer, Audience, Question, QuestionKind, RunStatus, SectionDef, SurveyStatus } from "./questions";

const q = () => db().withTables<SurveysTables>();

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const numbers = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === "number") : []);

export const organizationsOf = (s: Pick<Survey, "organization_ids">) => strings(s.organization_ids);

export function toQuestion(r: QuestionRow): Question {
  return {
    id: r.id,
    sectionId: r.section_id,
    position: r.position,
    kind: r.kind,
    label: r.label,
    help: r.help,
    required: r.required,
    options: strings(r.options),
    rows: strings(r.rows),
    maxChoices: r.max_choices,
    condition: r.condition_question_id ? { questionId: r.condition_question_id, values: numbers(r.condition_values) } : null,
  };
}

const toSection = (s: Section): SectionDef => ({ id: s.id, position: s.position, title: s.title, description: s.description });

// ---------------------------------------------------------------- surveys

export interface SurveyFields {
  title: string;
  description: string;
  audience: Audience;
  organizationIds: string[];
  opensAt: Date | null;
  closesAt: Date | null;
}

export async function insertSurvey(s: SurveyFields & { labId: string; anonymousToken: string | null; createdBy: string | null; version?: number; previousId?: string | null; status?: SurveyStatus }): Promise<Survey> {
  return q()
    .insertInto("surveys")
    .values({
      lab_id: s.labId,
      title: fr(s.title),
      description: fr(s.description),
      audience: s.audience,
      organization_ids: JSON.stringify(s.organizationIds),
      anonymous_token: s.anonymousToken,
      opens_at: s.opensAt,
      closes_at: s.closesAt,
      created_by: s.createdBy,
      version: s.version ?? 1,
      previous_id: s.previousId ?? null,
      status: s.status ?? "draft",
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getSurvey(id: string): Promise<Survey | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("surveys").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function getSurveyByToken(token: string): Promise<Survey | undefined> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return undefined;
  return q().selectFrom("surveys").selectAll().where("anonymous_token", "=", token).executeTakeFirst();
}

export async function surveysOfLab(labId: string): Promise<(Survey & { responses: number })[]> {
  const rows = await q()
    .selectFrom("surveys")
    .selectAll("surveys")
    .select((eb) => eb.selectFrom("survey_responses").select(eb.fn.countAll<string>().as("n")).whereRef("survey_responses.survey_id", "=", "surveys.id").as("responses"))
    .where("lab_id", "=", labId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ ...r, responses: Number(r.responses ?? 0) }));
}

/** The open questionnaires addressed to agents (not anonymous), for « Mes questionnaires ». */
export async function openAgentSurveys(now: Date, userId: string): Promise<(Survey & { recipient: boolean; answered: boolean })[]> {
  const rows = await q()
    .selectFrom("surveys")
    .selectAll("surveys")
    .select((eb) => [
      eb.exists(eb.selectFrom("survey_recipients").select("user_id").whereRef("survey_recipients.survey_id", "=", "surveys.id").where("user_id", "=", userId)).as("recipient"),
      eb.exists(eb.selectFrom("survey_respondents").select("user_id").whereRef("survey_respondents.survey_id", "=", "surveys.id").where("user_id", "=", userId)).as("answered"),
    ])
    .where("status", "=", "open")
    .where("audience", "<>", "anonymous")
    .where((eb) => eb.or([eb("opens_at", "is", null), eb("opens_at", "<=", now)]))
    .where((eb) => eb.or([eb("closes_at", "is", null), eb("closes_at", ">", now)]))
    .orderBy("closes_at")
    .orderBy("id")
    .limit(200)
    .execute();
  return rows.map((r) => ({ ...r, recipient: !!r.recipient, answered: !!r.answered }));
}

export async function updateSurvey(id: string, f: SurveyFields & { anonymousToken: string | null }): Promise<void> {
  await q()
    .updateTable("surveys")
    .set({ title: fr(f.title), description: fr(f.description), audience: f.audience, organization_ids: JSON.stringify(f.organizationIds), anonymous_token: f.anonymousToken, opens_at: f.opensAt, closes_at: f.closesAt, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

export async function setStatus(id: string, status: SurveyStatus): Promise<void> {
  await q().updateTable("surveys").set({ status, updated_at: new Date() }).where("id", "=", id).execute();
}

export async function isRecipient(surveyId: string, userId: string): Promise<boolean> {
  return !!(await q().selectFrom("survey_recipients").select("user_id").where("survey_id", "=", surveyId).where("user_id", "=", userId).executeTakeFirst());
}

export async function addRecipients(surveyId: string, userIds: string[]): Promise<void> {
  const unique = [...new Set(userIds)];
  for (let i = 0; i < unique.length; i += 500) {
    await q().insertInto("survey_recipients").values(unique.slice(i, i + 500).map((user_id) => ({ survey_id: surveyId, user_id }))).onConflict((oc) => oc.doNothing()).execute();
  }
}

export async function recipientIds(surveyId: string): Promise<string[]> {
  return (await q().selectFrom("survey_recipients").select("user_id").where("survey_id", "=", surveyId).execute()).map((r) => r.user_id);
}

export async function recipientCount(surveyId: string): Promise<number> {
  const r = await q().selectFrom("survey_recipients").select((eb) => eb.fn.countAll<string>().as("n")).where("survey_id", "=", surveyId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

// ---------------------------------------------------------------- structure

export async function structureRows(surveyId: string): Promise<{ sections: SectionDef[]; questions: Question[] }> {
  const [sections, questions] = await Promise.all([
    q().selectFrom("survey_sections").selectAll().where("survey_id", "=", surveyId).orderBy("position").execute(),
    q().selectFrom("survey_questions").selectAll().where("survey_id", "=", surveyId).orderBy("position").execute(),
  ]);
  return { sections: sections.map(toSection), questions: questions.map(toQuestion) };
}

export async function insertSection(surveyId: string, s: { title: string; description: string }): Promise<SectionDef> {
  const last = await q().selectFrom("survey_sections").select((eb) => eb.fn.max("position").as("max")).where("survey_id", "=", surveyId).executeTakeFirst();
  const row = await q()
    .insertInto("survey_sections")
    .values({ survey_id: surveyId, position: (last?.max ?? -1) + 1, title: fr(s.title), description: fr(s.description) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSection(row);
}

export async function deleteSection(surveyId: string, sectionId: string): Promise<boolean> {
  if (!isUuid(sectionId)) return false;
  const r = await q().deleteFrom("survey_sections").where("survey_id", "=", surveyId).where("id", "=", sectionId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export interface QuestionFields {
  sectionId: string;
  kind: QuestionKind;
  label: string;
  help: string;
  required: boolean;
  options: string[];
  rows: string[];
  maxChoices: number | null;
  condition: { questionId: string; values: number[] } | null;
}

export async function insertQuestion(surveyId: string, f: QuestionFields): Promise<Question> {
  const last = await q().selectFrom("survey_questions").select((eb) => eb.fn.max("position").as("max")).where("survey_id", "=", surveyId).executeTakeFirst();
  const row = await q()
    .insertInto("survey_questions")
    .values({
      survey_id: surveyId,
      section_id: f.sectionId,
      position: (last?.max ?? -1) + 1,
      kind: f.kind,
      label: fr(f.label),
      help: fr(f.help),
      required: f.required,
      options: JSON.stringify(f.options.map(fr)),
      rows: JSON.stringify(f.rows.map(fr)),
      max_choices: f.maxChoices,
      condition_question_id: f.condition?.questionId ?? null,
      condition_values: JSON.stringify(f.condition?.values ?? []),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toQuestion(row);
}

export async function deleteQuestion(surveyId: string, questionId: string): Promise<boolean> {
  if (!isUuid(questionId)) return false;
  const r = await q().deleteFrom("survey_questions").where("survey_id", "=", surveyId).where("id", "=", questionId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// ---------------------------------------------------------------- responses

export async function responseCount(surveyId: string): Promise<number> {
  const r = await q().selectFrom("survey_responses").select((eb) => eb.fn.countAll<string>().as("n")).where("survey_id", "=", surveyId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function respondentResponse(surveyId: string, userId: string): Promise<string | undefined> {
  const r = await q().selectFrom("survey_respondents").select("response_id").where("survey_id", "=", surveyId).where("user_id", "=", userId).executeTakeFirst();
  return r?.response_id;
}

export async function answersOf(responseId: string): Promise<Map<string, Answer>> {
  const [choices, texts] = await Promise.all([
    q().selectFrom("survey_choices").select(["question_id", "item", "value"]).where("response_id", "=", responseId).orderBy("question_id").orderBy("item").orderBy("value").execute(),
    q().selectFrom("survey_texts").select(["question_id", "body"]).where("response_id", "=", responseId).execute(),
  ]);
  const out = new Map<string, Answer>();
  const of = (id: string) => out.get(id) ?? (out.set(id, { choices: [], text: null }), out.get(id)!);
  for (const c of choices) of(c.question_id).choices.push({ item: c.item, value: c.value });
  for (const t of texts) of(t.question_id).text = t.body;
  return out;
}

/** Writes the answers of a response (its previous ones replaced). */
export async function writeAnswers(surveyId: string, responseId: string, answers: Map<string, Answer>): Promise<void> {
  await q().deleteFrom("survey_choices").where("response_id", "=", responseId).execute();
  await q().deleteFrom("survey_texts").where("response_id", "=", responseId).execute();
  const choices = [...answers].flatMap(([question_id, a]) => a.choices.map((c) => ({ survey_id: surveyId, response_id: responseId, question_id, item: c.item, value: c.value })));
  const texts = [...answers].flatMap(([question_id, a]) => (a.text ? [{ survey_id: surveyId, response_id: responseId, question_id, body: a.text }] : []));
  if (choices.length) await q().insertInto("survey_choices").values(choices).execute();
  if (texts.length) await q().insertInto("survey_texts").values(texts).execute();
}

export async function insertResponse(surveyId: string, organizationId: string | null, day: string): Promise<string> {
  const r = await q().insertInto("survey_responses").values({ survey_id: surveyId, organization_id: organizationId, answered_on: day }).returning("id").executeTakeFirstOrThrow();
  return r.id;
}

export async function touchResponse(responseId: string, day: string): Promise<void> {
  await q().updateTable("survey_responses").set({ answered_on: day }).where("id", "=", responseId).execute();
}

/** Links an agent to their response; false when they already answered (a second tab, a resent form). */
export async function insertRespondent(surveyId: string, userId: string, responseId: string): Promise<boolean> {
  const r = await q().insertInto("survey_respondents").values({ survey_id: surveyId, user_id: userId, response_id: responseId }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Records that a browser answered; false when it already had. */
export async function insertBrowserToken(surveyId: string, tokenHash: string): Promise<boolean> {
  const r = await q().insertInto("survey_browser_tokens").values({ survey_id: surveyId, token_hash: tokenHash }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function hasBrowserToken(surveyId: string, tokenHash: string): Promise<boolean> {
  return !!(await q().selectFrom("survey_browser_tokens").select("token_hash").where("survey_id", "=", surveyId).where("token_hash", "=", tokenHash).executeTakeFirst());
}

/** Many responses at once (the demo, the bench): ids made here, rows sent as arrays (one statement per table and page). */
export async function insertResponsesBulk(surveyId: string, responses: { organizationId: string | null; day: string; answers: Map<string, Answer> }[]): Promise<void> {
  for (let i = 0; i < responses.length; i += 5000) {
    const page = responses.slice(i, i + 5000);
    const ids = page.map(() => crypto.randomUUID());
    await sql`INSERT INTO survey_responses (id, survey_id, organization_id, answered_on)
      SELECT id, ${surveyId}::uuid, org, day FROM unnest(${ids}::uuid[], ${page.map((r) => r.organizationId)}::uuid[], ${page.map((r) => r.day)}::date[]) AS t(id, org, day)`.execute(q());
    const c = { response: [] as string[], question: [] as string[], item: [] as number[], value: [] as number[] };
    const t = { response: [] as string[], question: [] as string[], body: [] as string[] };
    page.forEach((r, j) => {
      for (const [question, a] of r.answers) {
        for (const ch of a.choices) (c.response.push(ids[j]), c.question.push(question), c.item.push(ch.item), c.value.push(ch.value));
        if (a.text) (t.response.push(ids[j]), t.question.push(question), t.body.push(a.text));
      }
    });
    await sql`INSERT INTO survey_choices (survey_id, response_id, question_id, item, value)
      SELECT ${surveyId}::uuid, r, q, i, v FROM unnest(${c.response}::uuid[], ${c.question}::uuid[], ${c.item}::smallint[], ${c.value}::smallint[]) AS t(r, q, i, v)`.execute(q());
    if (t.body.length) {
      await sql`INSERT INTO survey_texts (survey_id, response_id, question_id, body)
        SELECT ${surveyId}::uuid, r, q, b FROM unnest(${t.response}::uuid[], ${t.question}::uuid[], ${t.body}::text[]) AS t(r, q, b)`.execute(q());
    }
  }
}

// ---------------------------------------------------------------- results

export async function optionCounts(surveyId: string): Promise<{ question_id: string; item: number; value: number; n: number }[]> {
  const rows = await q()
    .selectFrom("survey_choices")
    .select(["question_id", "item", "value", (eb) => eb.fn.countAll<string>().as("n")])
    .where("survey_id", "=", surveyId)
    .groupBy(["question_id", "item", "value"])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** How many responses answered each question (at least one choice or a text). */
export async function answeredCounts(surveyId: string): Promise<Map<string, number>> {
  const rows = await sql<{ question_id: string; n: string }>`
    SELECT question_id, count(DISTINCT response_id) AS n FROM survey_choices WHERE survey_id = ${surveyId} GROUP BY question_id
    UNION ALL
    SELECT question_id, count(*) AS n FROM survey_texts WHERE survey_id = ${surveyId} GROUP BY question_id`.execute(q());
  return new Map(rows.rows.map((r) => [r.question_id, Number(r.n)]));
}

/**
 * A cross-tabulation: for each group (an organisation, or a value of the grouping question) the
 * number of respondents in it, and for the target question the count of each (item, value).
 */
export async function crossCounts(surveyId: string, targetId: string, by: { organization: true } | { questionId: string }): Promise<{ groups: Map<string, number>; cells: { group: string; item: number; value: number; n: number }[] }> {
  const groupExpr =
    "organization" in by
      ? sql`SELECT r.id AS response_id, coalesce(r.organization_id::text, '') AS g FROM survey_responses r WHERE r.survey_id = ${surveyId}`
      : sql`SELECT c.response_id, c.value::text AS g FROM survey_choices c WHERE c.survey_id = ${surveyId} AND c.question_id = ${by.questionId}`;
  const groups = await sql<{ g: string; n: string }>`SELECT g, count(DISTINCT response_id) AS n FROM (${groupExpr}) grp GROUP BY g`.execute(q());
  const cells = await sql<{ g: string; item: number; value: number; n: string }>`
    SELECT grp.g, c.item, c.value, count(*) AS n
    FROM (${groupExpr}) grp JOIN survey_choices c ON c.response_id = grp.response_id AND c.question_id = ${targetId}
    GROUP BY grp.g, c.item, c.value`.execute(q());
  return { groups: new Map(groups.rows.map((r) => [r.g, Number(r.n)])), cells: cells.rows.map((r) => ({ group: r.g, item: r.item, value: r.value, n: Number(r.n) })) };
}

export async function textsOf(surveyId: string, questionId: string): Promise<{ id: string; body: string }[]> {
  return q().selectFrom("survey_texts").select(["id", "body"]).where("survey_id", "=", surveyId).where("question_id", "=", questionId).orderBy("id").execute();
}

export async function latestTexts(surveyId: string, questionId: string, limit: number): Promise<string[]> {
  const rows = await q().selectFrom("survey_texts").select("body").where("survey_id", "=", surveyId).where("question_id", "=", questionId).orderBy("id").limit(limit).execute();
  return rows.map((r) => r.body);
}

/** A page of responses for the export, by id. */
export async function responsesPage(surveyId: string, after: string | null, limit: number): Promise<{ id: string; organization_id: string | null; answered_on: string }[]> {
  let query = q().selectFrom("survey_responses").select(["id", "organization_id", "answered_on"]).where("survey_id", "=", surveyId);
  if (after) query = query.where("id", ">", after);
  const rows = await query.orderBy("id").limit(limit).execute();
  return rows.map((r) => ({ ...r, answered_on: dayString(r.answered_on) }));
}

export function dayString(d: unknown): string {
  if (d instanceof Date) return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  return String(d).slice(0, 10);
}

export async function answersOfResponses(responseIds: string[]): Promise<Map<string, Map<string, Answer>>> {
  const out = new Map<string, Map<string, Answer>>();
  if (!responseIds.length) return out;
  const [choices, texts] = await Promise.all([
    q().selectFrom("survey_choices").select(["response_id", "question_id", "item", "value"]).where("response_id", "in", responseIds).orderBy("item").orderBy("value").execute(),
    q().selectFrom("survey_texts").select(["response_id", "question_id", "body"]).where("response_id", "in", responseIds).execute(),
  ]);
  const of = (r: string, qid: string) => {
    const m = out.get(r) ?? (out.set(r, new Map()), out.get(r)!);
    return m.get(qid) ?? (m.set(qid, { choices: [], text: null }), m.get(qid)!);
  };
  for (const c of choices) of(c.response_id, c.question_id).choices.push({ item: c.item, value: c.value });
  for (const t of texts) of(t.response_id, t.question_id).text = t.body;
  return out;
}

// ---------------------------------------------------------------- themes of the free texts

export async function insertThemeRun(surveyId: string, questionId: string, requestedBy: string | null): Promise<ThemeRun> {
  return q().insertInto("survey_theme_runs").values({ survey_id: surveyId, question_id: questionId, requested_by: requestedBy }).returningAll().executeTakeFirstOrThrow();
}

export async function getThemeRun(id: string): Promise<ThemeRun | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("survey_theme_runs").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function latestRuns(surveyId: string): Promise<ThemeRun[]> {
  return q().selectFrom("survey_theme_runs").selectAll().where("survey_id", "=", surveyId).orderBy("created_at", "desc").orderBy("id").execute();
}

export async function updateRun(id: string, f: { status?: RunStatus; stage?: string; progress?: number; answers?: number; error?: string | null; finishedAt?: Date | null }): Promise<void> {
  await q()
    .updateTable("survey_theme_runs")
    .set({
      ...(f.status ? { status: f.status } : {}),
      ...(f.stage !== undefined ? { stage: f.stage } : {}),
      ...(f.progress !== undefined ? { progress: f.progress } : {}),
      ...(f.answers !== undefined ? { answers: f.answers } : {}),
      ...(f.error !== undefined ? { error: f.error } : {}),
      ...(f.finishedAt !== undefined ? { finished_at: f.finishedAt } : {}),
    })
    .where("id", "=", id)
    .execute();
}

export async function saveThemes(runId: string, themes: { label: string; size: number; representatives: string[] }[]): Promise<void> {
  if (themes.length) await q().insertInto("survey_themes").values(themes.map((t, position) => ({ run_id: runId, position, label: t.label, size: t.size, representatives: JSON.stringify(t.representatives) }))).execute();
}

export async function themesOf(runId: string): Promise<(Omit<SurveyTheme, "representatives"> & { representatives: string[] })[]> {
  const rows = await q().selectFrom("survey_themes").selectAll().where("run_id", "=", runId).orderBy("position").execute();
  return rows.map((r) => ({ ...r, representatives: strings(r.representatives) }));
}

export async function failRunning(error: string): Promise<number> {
  const r = await q().updateTable("survey_theme_runs").set({ status: "failed", error, finished_at: new Date() }).where("status", "in", ["queued", "running"]).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

// ---------------------------------------------------------------- personal data

export async function surveysAnsweredBy(userId: string): Promise<{ title: string; answered_on: string }[]> {
  if (!isUuid(userId)) return [];
  const rows = await q()
    .selectFrom("survey_respondents")
    .innerJoin("surveys", "surveys.id", "survey_respondents.survey_id")
    .innerJoin("survey_responses", "survey_responses.id", "survey_respondents.response_id")
    .select(["surveys.title", "survey_responses.answered_on"])
    .where("survey_respondents.user_id", "=", userId)
    .orderBy("surveys.created_at")
    .execute();
  return rows.map((r) => ({ title: r.title, answered_on: dayString(r.answered_on) }));
}

export async function surveysCreatedBy(userId: string): Promise<{ title: string; created_at: Date }[]> {
  if (!isUuid(userId)) return [];
  return q().selectFrom("surveys").select(["title", "created_at"]).where("created_by", "=", userId).orderBy("created_at").execute();
}

/** An account deleted: its answers stay, tied to no one; it leaves the lists of recipients. */
export async function forgetAccount(userId: string): Promise<void> {
  await q().deleteFrom("survey_respondents").where("user_id", "=", userId).execute();
  await q().deleteFrom("survey_recipients").where("user_id", "=", userId).execute();
  await q().updateTable("surveys").set({ created_by: null }).where("created_by", "=", userId).execute();
  await q().updateTable("survey_theme_runs").set({ requested_by: null }).where("requested_by", "=", userId).execute();
}

/** Publishes (a date) or withdraws (null) an anonymous questionnaire's results as open data. */
export async function setOpenData(surveyId: string, at: Date | null): Promise<void> {
  await q().updateTable("surveys").set({ open_data_at: at, updated_at: new Date() }).where("id", "=", surveyId).where("audience", "=", "anonymous").execute();
}

/** The anonymous questionnaires whose results their lab published, oldest first. */
export async function openDataSurveys(filter: { labId?: string; surveyId?: string } = {}): Promise<Survey[]> {
  let b = q().selectFrom("surveys").selectAll().where("open_data_at", "is not", null).where("audience", "=", "anonymous");
  if (filter.labId) b = b.where("lab_id", "=", filter.labId);
  if (filter.surveyId) b = b.where("id", "=", filter.surveyId);
  return b.orderBy("open_data_at").orderBy("id").execute();
}

/**
 * A lab's questionnaires published (not drafts) whose opening overlaps the period [fromDay, toDay]
 * (days, inclusive), with the answers given in the period (of some organisations when asked) and
 * their lists' sizes: the dashboards.
 */
export async function surveysActiveBetween(labId: string, fromDay: string, toDay: string, organizationIds: string[] | null) {
  const rows = await q()
    .selectFrom("surveys")
    .select(["id", "title", "audience", "organization_ids", "status"])
    .select((eb) => [
      eb
        .selectFrom("survey_responses as r")
        .select(eb.fn.countAll<string>().as("n"))
        .whereRef("r.survey_id", "=", "surveys.id")
        .where(sql<boolean>`r.answered_on BETWEEN ${fromDay}::date AND ${toDay}::date`)
        .$if(!!organizationIds, (b) => (organizationIds!.length ? b.where("r.organization_id", "in", organizationIds!) : b.where(sql<boolean>`false`)))
        .as("responses"),
      eb.selectFrom("survey_recipients as c").select(eb.fn.countAll<string>().as("n")).whereRef("c.survey_id", "=", "surveys.id").as("recipients"),
    ])
    .where("lab_id", "=", labId)
    .where("status", "<>", "draft")
    .where(sql<boolean>`coalesce(opens_at, created_at) < (${toDay}::date + 1)::timestamp AT TIME ZONE 'Europe/Paris'`)
    .where(sql<boolean>`(closes_at IS NULL OR closes_at >= ${fromDay}::date::timestamp AT TIME ZONE 'Europe/Paris')`)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, audience: r.audience, organizationIds: organizationsOf(r), responses: Number(r.responses ?? 0), recipients: Number(r.recipients ?? 0) }));
}
