/**
 * The questionnaires' use cases. Each checks who asks (./permissions) before anything else; each
 * change runs in one transaction; the theme job is queued after COMMIT.
 */
import crypto from "node:crypto";
import { getLabBySlug } from "../labs/labs";
import { requireLabRole } from "../labs/service";
import { getUser } from "../accounts/accounts";
import { getOrganizations, listOrganizations } from "../organizations/organizations";
import { Refusal, type Viewer } from "../kernel/permissions";
import { onCommit, transaction } from "../kernel/db/transaction";
import { enqueue } from "../kernel/jobs/jobs";
import { formatDate, isoDay } from "../kernel/format";
import { untilDatabaseChanges } from "../kernel/cache";
import { fileSlug, pagedRows, type TableExport } from "../kernel/export";
import * as data from "./surveys";
import type { Survey } from "./db/schema";
import { isOpenAt, surveyRights, type SurveyViewer } from "./permissions";
import {
  audiences,
  fieldName,
  isGroupingKind,
  isTextKind,
  nextSection,
  previousSection,
  questionKinds,
  rawFromAnswer,
  readAll,
  shownQuestions,
  structureOf,
  surveyStatuses,
  valueLabels,
  walkedSections,
  type Answer,
  type Audience,
  type Question,
  type QuestionKind,
  type RawAnswers,
  type Structure,
} from "./questions";
import { crossTab, MIN_GROUP, questionResult } from "./results";
import type { AnswerEnvelope, BuilderAction, SurveyCreateInput } from "./schemas";

export const SURVEY_THEMES_QUEUE = "surveys-themes";
const DAY = 86_400_000;

// ---------------------------------------------------------------- who asks

async function surveyViewer(viewer: Viewer | null, survey: Survey): Promise<SurveyViewer | null> {
  if (!viewer) return null;
  const user = await getUser(viewer.userId);
  return { principal: viewer.principal, organizationId: user?.organization_id ?? null, recipient: survey.audience === "agents" ? await data.isRecipient(survey.id, viewer.userId) : false };
}

const factsOf = (s: Survey) => ({ ...s, organization_ids: data.organizationsOf(s) });

async function teamLab(viewer: Viewer, labSlug: string) {
  const lab = await requireLabRole(labSlug, viewer.principal, "lab_team");
  return { id: lab.id, slug: lab.slug, name: lab.name };
}

/** The questionnaire of this lab, for its team; 404 otherwise. */
async function requireManaged(viewer: Viewer, labSlug: string, surveyId: string) {
  const lab = await teamLab(viewer, labSlug);
  const survey = await data.getSurvey(surveyId);
  if (!survey || survey.lab_id !== lab.id) throw new Refusal("Ce questionnaire n’existe pas.", 404);
  if (!surveyRights(await surveyViewer(viewer, survey), factsOf(survey), new Date()).manage) throw new Refusal("Vous ne pouvez pas gérer ce questionnaire.", 403);
  return { lab, survey };
}

async function structure(surveyId: string): Promise<Structure> {
  const { sections, questions } = await data.structureRows(surveyId);
  return structureOf(sections, questions);
}

const newToken = () => crypto.randomBytes(18).toString("base64url");
const closesAtOf = (closesOn: Date | null) => (closesOn ? new Date(closesOn.getTime() + DAY) : null);
export const linkPath = (token: string) => `/questionnaires/lien/${token}`;

function windowWords(s: Pick<Survey, "opens_at" | "closes_at">): string {
  const from = s.opens_at ? `du ${formatDate(s.opens_at)}` : "";
  const to = s.closes_at ? `jusqu’au ${formatDate(new Date(s.closes_at.getTime() - 1))} inclus` : "sans date de clôture";
  return [from, to].filter(Boolean).join(" ");
}

// ---------------------------------------------------------------- the lab's list

export async function labSurveys(viewer: Viewer, labSlug: string) {
  const lab = await teamLab(viewer, labSlug);
  const surveys = await data.surveysOfLab(lab.id);
  const organizations = await listOrganizations();
  return {
    lab,
    surveys: surveys.map((s) => ({
      id: s.id,
      title: s.title,
      version: s.version,
      status: surveyStatuses[s.status],
      audience: audiences[s.audience],
      window: windowWords(s),
      responses: s.responses,
    })),
    organizations: organizations.map((o) => ({ value: o.id, label: o.name })),
  };
}

export async function createSurvey(viewer: Viewer, labSlug: string, input: SurveyCreateInput): Promise<Survey> {
  const lab = await teamLab(viewer, labSlug);
  await checkOrganizations(input.organizationIds);
  return transaction(() =>
    data.insertSurvey({
      labId: lab.id,
      title: input.title,
      description: input.description,
      audience: input.audience,
      organizationIds: input.audience === "organizations" ? input.organizationIds : [],
      opensAt: input.opensOn,
      closesAt: closesAtOf(input.closesOn),
      anonymousToken: input.audience === "anonymous" ? newToken() : null,
      createdBy: viewer.userId,
    }),
  );
}

async function checkOrganizations(ids: string[]) {
  const known = await getOrganizations(ids);
  if (ids.some((id) => !known.has(id))) throw new Refusal("Organisations : choisissez dans la liste.", 400, "organizationIds");
}

// ---------------------------------------------------------------- the builder

export async function surveyPage(viewer: Viewer, labSlug: string, surveyId: string) {
  const { lab, survey } = await requireManaged(viewer, labSlug, surveyId);
  const [s, responses, organizations, recipients] = await Promise.all([structure(survey.id), data.responseCount(survey.id), listOrganizations(), survey.audience === "agents" ? data.recipientCount(survey.id) : Promise.resolve(0)]);
  const chosen = new Set(data.organizationsOf(survey));
  const questionNumber = new Map<string, number>();
  s.sections.flatMap((x) => x.questions).forEach((q, i) => questionNumber.set(q.id, i + 1));
  return {
    lab,
    survey: {
      id: survey.id,
      title: survey.title,
      description: survey.description,
      status: survey.status,
      statusLabel: surveyStatuses[survey.status],
      version: survey.version,
      audience: survey.audience,
      audienceLabel: audiences[survey.audience],
      organizations: organizations.filter((o) => chosen.has(o.id)).map((o) => o.name),
      organizationIds: [...chosen],
      recipients,
      link: survey.anonymous_token ? linkPath(survey.anonymous_token) : null,
      openData: survey.open_data_at !== null,
      opensOn: survey.opens_at ? isoDay(survey.opens_at) : "",
      closesOn: survey.closes_at ? isoDay(new Date(survey.closes_at.getTime() - 1)) : "",
      window: windowWords(survey),
      locked: responses > 0,
      responses,
      open: isOpenAt(survey, new Date()),
    },
    sections: s.sections.map((section) => ({
      id: section.id,
      title: section.title,
      description: section.description,
      questions: section.questions.map((q) => ({
        id: q.id,
        number: questionNumber.get(q.id)!,
        kind: questionKinds[q.kind],
        label: q.label,
        help: q.help,
        required: q.required,
        options: q.kind === "matrix" ? [] : valueLabelsOf(q),
        rows: q.rows,
        columns: q.kind === "matrix" ? q.options : [],
        maxChoices: q.maxChoices,
        condition: q.condition ? conditionWords(s, q) : null,
      })),
    })),
    options: {
      kinds: Object.entries(questionKinds).map(([value, label]) => ({ value, label })),
      sections: s.sections.map((x) => ({ value: x.id, label: x.title })),
      conditionQuestions: s.sections.flatMap((x) => x.questions.filter((q) => isGroupingKind(q.kind)).map((q) => ({ value: q.id, label: `${questionNumber.get(q.id)}. ${q.label}` }))),
      organizations: organizations.map((o) => ({ value: o.id, label: o.name })),
    },
  };
}

const valueLabelsOf = (q: Question) => (q.kind === "ranking" ? q.options : valueLabels(q).map((v) => v.label));

function conditionWords(s: Structure, q: Question): string {
  const on = s.byId.get(q.condition!.questionId);
  if (!on) return "";
  const labels = valueLabels(on);
  const values = q.condition!.values.map((v) => labels.find((l) => l.value === v)?.label ?? String(v));
  return `si la réponse à «\u00a0${on.label}\u00a0» est ${values.map((v) => `«\u00a0${v}\u00a0»`).join(" ou ")}`;
}

export async function surveyAction(viewer: Viewer, labSlug: string, surveyId: string, action: BuilderAction): Promise<{ redirectTo?: string }> {
  const { lab, survey } = await requireManaged(viewer, labSlug, surveyId);
  return transaction(async () => {
    const locked = (await data.responseCount(survey.id)) > 0;
    const refuseLocked = () => {
      if (locked) throw new Refusal("Des réponses sont arrivées : les questions ne changent plus. Créez une nouvelle version pour les modifier.", 409);
    };
    switch (action.intent) {
      case "settings": {
        if (locked && survey.audience !== "agents" && action.audience !== survey.audience) throw new Refusal("Public : des réponses sont arrivées, le public ne change plus.", 400, "audience");
        await checkOrganizations(action.organizationIds);
        // a list of agents (made by another module) stays a list of agents
        const audience: Audience = survey.audience === "agents" ? "agents" : action.audience;
        await data.updateSurvey(survey.id, {
          title: action.title,
          description: action.description,
          audience,
          organizationIds: audience === "organizations" ? action.organizationIds : [],
          opensAt: action.opensOn,
          closesAt: closesAtOf(action.closesOn),
          anonymousToken: audience === "anonymous" ? (survey.anonymous_token ?? newToken()) : null,
        });
        return {};
      }
      case "addSection":
        refuseLocked();
        await data.insertSection(survey.id, { title: action.sectionTitle, description: action.sectionDescription });
        return {};
      case "deleteSection":
        refuseLocked();
        if (!(await data.deleteSection(survey.id, action.sectionId))) throw new Refusal("Cette section n’existe pas.", 404);
        return {};
      case "addQuestion": {
        refuseLocked();
        const s = await structure(survey.id);
        const sectionIndex = s.sections.findIndex((x) => x.id === action.sectionId);
        if (sectionIndex < 0) throw new Refusal("Section : choisissez dans la liste.", 400, "sectionId");
        let condition: { questionId: string; values: number[] } | null = null;
        if (action.conditionQuestion) {
          const on = s.byId.get(action.conditionQuestion);
          const onSection = on ? s.sections.findIndex((x) => x.id === on.sectionId) : -1;
          if (!on || !isGroupingKind(on.kind)) throw new Refusal("Afficher selon la réponse à : choisissez une question à choix ou une échelle.", 400, "conditionQuestion");
          if (onSection >= sectionIndex) throw new Refusal("Afficher selon la réponse à : une question d’une section précédente (la réponse est lue en passant à la section suivante).", 400, "conditionQuestion");
          // numbers typed from 1 for choices, the values themselves for scales
          const values = on.kind === "single" || on.kind === "multiple" ? action.conditionValues.map((n) => n - 1) : action.conditionValues;
          const allowed = new Set(valueLabels(on).map((v) => v.value));
          if (values.some((v) => !allowed.has(v))) throw new Refusal("Réponses qui affichent la question : des numéros de réponses de cette question.", 400, "conditionValues");
          condition = { questionId: on.id, values };
        }
        const kind = action.kind as QuestionKind;
        await data.insertQuestion(survey.id, {
          sectionId: action.sectionId,
          kind,
          label: action.label,
          help: action.help,
          required: action.required,
          options: ["single", "multiple", "ranking", "matrix"].includes(kind) ? action.options : [],
          rows: kind === "matrix" ? action.rows : [],
          maxChoices: kind === "multiple" ? action.maxChoices : null,
          condition,
        });
        return {};
      }
      case "deleteQuestion":
        refuseLocked();
        if (!(await data.deleteQuestion(survey.id, action.questionId))) throw new Refusal("Cette question n’existe pas.", 404);
        return {};
      case "publish": {
        if (survey.status === "open") return {};
        const s = await structure(survey.id);
        if (!s.sections.some((x) => x.questions.length)) throw new Refusal("Ajoutez au moins une question avant de publier.", 409);
        await data.setStatus(survey.id, "open");
        // a new version replaces the one it was made from
        if (survey.previous_id) await data.setStatus(survey.previous_id, "closed");
        return {};
      }
      case "close":
        await data.setStatus(survey.id, "closed");
        return {};
      case "openData": {
        if (survey.audience !== "anonymous") throw new Refusal("Seuls les résultats d’un questionnaire anonyme se publient en données ouvertes.", 409);
        if ((await data.responseCount(survey.id)) < MIN_GROUP) throw new Refusal(`Les résultats se publient à partir de ${MIN_GROUP}\u00a0réponses.`, 409);
        await data.setOpenData(survey.id, new Date());
        return {};
      }
      case "closeData":
        await data.setOpenData(survey.id, null);
        return {};
      case "newVersion": {
        const copy = await copySurvey(survey, viewer.userId);
        return { redirectTo: `/lab/${lab.slug}/questionnaires/${copy.id}?fait=version` };
      }
    }
  });
}

/** A new version: the same questionnaire, as a draft, its questions free to change again. */
async function copySurvey(survey: Survey, by: string): Promise<Survey> {
  const s = await structure(survey.id);
  const copy = await data.insertSurvey({
    labId: survey.lab_id,
    title: survey.title,
    description: survey.description,
    audience: survey.audience,
    organizationIds: data.organizationsOf(survey),
    opensAt: survey.opens_at,
    closesAt: survey.closes_at,
    anonymousToken: survey.anonymous_token ? newToken() : null,
    createdBy: by,
    version: survey.version + 1,
    previousId: survey.id,
  });
  await copyStructure(copy.id, s);
  return copy;
}

async function copyStructure(surveyId: string, s: Structure) {
  const ids = new Map<string, string>();
  for (const section of s.sections) {
    const created = await data.insertSection(surveyId, { title: section.title, description: section.description });
    for (const q of section.questions) {
      const condition = q.condition && ids.has(q.condition.questionId) ? { questionId: ids.get(q.condition.questionId)!, values: q.condition.values } : null;
      const made = await data.insertQuestion(surveyId, { sectionId: created.id, kind: q.kind, label: q.label, help: q.help, required: q.required, options: q.options, rows: q.rows, maxChoices: q.maxChoices, condition });
      ids.set(q.id, made.id);
    }
  }
}

// ---------------------------------------------------------------- from a template (trainings' satisfaction)

export interface TemplateQuestion {
  /** to name it in a later question's condition */
  key?: string;
  kind: QuestionKind;
  label: string;
  help?: string;
  required?: boolean;
  options?: string[];
  rows?: string[];
  maxChoices?: number;
  /** shown when the answer to the question of this key (in an earlier section) is one of these values (option indexes from 0, or scale values) */
  condition?: { key: string; values: number[] };
}

export interface SurveyTemplate {
  title: string;
  description?: string;
  sections: { title: string; description?: string; questions: TemplateQuestion[] }[];
}

/**
 * Creates and publishes a questionnaire from a template, addressed to a list of agents (each
 * answers once, and edits their answer until closing), or to organisations, or by anonymous link.
 * For other modules (the trainings' satisfaction questionnaire) and the demo: no viewer, the caller
 * decided. Runs in the caller's transaction when there is one.
 */
export async function createSurveyFromTemplate(input: {
  labId: string;
  template: SurveyTemplate;
  audience: { kind: "agents"; userIds: string[] } | { kind: "organizations"; organizationIds: string[] } | { kind: "anonymous" };
  opensAt?: Date | null;
  closesAt?: Date | null;
  createdBy?: string | null;
  publish?: boolean;
}): Promise<{ id: string; link: string | null; questionIds: Map<string, string> }> {
  return transaction(async () => {
    const token = input.audience.kind === "anonymous" ? newToken() : null;
    const survey = await data.insertSurvey({
      labId: input.labId,
      title: input.template.title,
      description: input.template.description ?? "",
      audience: input.audience.kind as Audience,
      organizationIds: input.audience.kind === "organizations" ? input.audience.organizationIds : [],
      opensAt: input.opensAt ?? null,
      closesAt: input.closesAt ?? null,
      anonymousToken: token,
      createdBy: input.createdBy ?? null,
      status: input.publish === false ? "draft" : "open",
    });
    if (input.audience.kind === "agents") await data.addRecipients(survey.id, input.audience.userIds);
    const byKey = new Map<string, string>();
    for (const section of input.template.sections) {
      const made = await data.insertSection(survey.id, { title: section.title, description: section.description ?? "" });
      for (const q of section.questions) {
        const on = q.condition ? byKey.get(q.condition.key) : undefined;
        if (q.condition && !on) throw new Error(`template condition on an unknown question: ${q.condition.key}`);
        const created = await data.insertQuestion(survey.id, {
          sectionId: made.id,
          kind: q.kind,
          label: q.label,
          help: q.help ?? "",
          required: q.required ?? false,
          options: q.options ?? [],
          rows: q.rows ?? [],
          maxChoices: q.maxChoices ?? null,
          condition: on ? { questionId: on, values: q.condition!.values } : null,
        });
        if (q.key) byKey.set(q.key, created.id);
      }
    }
    return { id: survey.id, link: token ? linkPath(token) : null, questionIds: byKey };
  });
}

// ---------------------------------------------------------------- answering

export interface AnswerState {
  survey: { id: string; title: string; description: string; window: string; anonymous: boolean };
  sections: { title: string; description: string }[];
  /** the page shown */
  section: number;
  questions: PublicQuestion[];
  isFirst: boolean;
  isLast: boolean;
  raw: RawAnswers;
  errors: Record<string, string>;
  /** 1-based place among the pages walked so far, and how many there are at most */
  step: number;
  steps: number;
  editing: boolean;
}

export interface PublicQuestion {
  id: string;
  kind: QuestionKind;
  label: string;
  help: string;
  required: boolean;
  options: string[];
  rows: string[];
  maxChoices: number | null;
  scale: number[];
}

const publicQuestion = (q: Question): PublicQuestion => ({
  id: q.id,
  kind: q.kind,
  label: q.label,
  help: q.help,
  required: q.required,
  options: q.options,
  rows: q.rows,
  maxChoices: q.maxChoices,
  scale: q.kind === "scale5" ? [1, 2, 3, 4, 5] : q.kind === "scale10" ? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] : [],
});

function stateAt(survey: Survey, s: Structure, section: number, raw: RawAnswers, errors: Record<string, string>, editing: boolean): AnswerState {
  const { answers } = readAll(s, raw);
  const walked = walkedSections(s, section, answers);
  let remaining = 0;
  for (let i: number | null = nextSection(s, section, answers); i !== null; i = nextSection(s, i, answers)) remaining++;
  return {
    survey: { id: survey.id, title: survey.title, description: survey.description, window: windowWords(survey), anonymous: survey.audience === "anonymous" },
    sections: s.sections.map((x) => ({ title: x.title, description: x.description })),
    section,
    questions: shownQuestions(s, section, answers).map(publicQuestion),
    isFirst: previousSection(s, section, answers) === null,
    isLast: nextSection(s, section, answers) === null,
    raw,
    errors,
    step: walked.size,
    steps: walked.size + remaining,
    editing,
  };
}

function firstSection(s: Structure, raw: RawAnswers): number {
  const { answers } = readAll(s, raw);
  return shownQuestions(s, 0, answers).length ? 0 : (nextSection(s, 0, answers) ?? 0);
}

/** The raw fields of every stored answer (an agent editing their answer). */
function rawOf(s: Structure, answers: Map<string, Answer>): RawAnswers {
  return Object.assign({}, ...[...answers].map(([qid, a]) => (s.byId.has(qid) ? rawFromAnswer(s.byId.get(qid)!, a) : {})));
}

async function requireAnswerable(viewer: Viewer | null, survey: Survey | undefined): Promise<Survey> {
  if (!survey || survey.status === "draft") throw new Refusal("Ce questionnaire n’existe pas.", 404);
  const facts = factsOf(survey);
  const rights = surveyRights(await surveyViewer(viewer, survey), facts, new Date());
  if (rights.answer) return survey;
  if (!isOpenAt(facts, new Date())) throw new Refusal(survey.status === "closed" || (survey.closes_at && survey.closes_at <= new Date()) ? "Ce questionnaire est clos : il ne reçoit plus de réponses." : "Ce questionnaire n’est pas encore ouvert.", 403);
  throw new Refusal("Ce questionnaire ne vous est pas adressé.", 403);
}

/** « Mes questionnaires »: the open ones addressed to this agent, answered or not. */
export async function mySurveys(viewer: Viewer) {
  const user = await getUser(viewer.userId);
  const now = new Date();
  const rows = await data.openAgentSurveys(now, viewer.userId);
  const mine = rows.filter((s) => surveyRights({ principal: viewer.principal, organizationId: user?.organization_id ?? null, recipient: s.recipient }, factsOf(s), now).answer);
  return { surveys: mine.map((s) => ({ id: s.id, title: s.title, window: windowWords(s), answered: s.answered })) };
}

/** The questionnaire for an agent: the first page, their answer given back when they already answered. */
export async function agentAnswerPage(viewer: Viewer, surveyId: string): Promise<AnswerState> {
  const survey = await requireAnswerable(viewer, await data.getSurvey(surveyId));
  if (survey.audience === "anonymous") throw new Refusal("Ce questionnaire se remplit par son lien anonyme.", 404);
  const s = await structure(survey.id);
  const existing = await data.respondentResponse(survey.id, viewer.userId);
  const raw = existing ? rawOf(s, await data.answersOf(existing)) : {};
  return stateAt(survey, s, firstSection(s, raw), raw, {}, !!existing);
}

/**
 * One step of answering: the page's answers merged into those of the pages before, checked when
 * going forward; conditions evaluated here, on the server, to choose the next page. At the last
 * page every shown question is checked again and the answer saved.
 */
async function step(survey: Survey, env: AnswerEnvelope, fields: RawAnswers, save: (answers: Map<string, Answer>) => Promise<void>, editing: boolean): Promise<{ done: true } | { done: false; state: AnswerState }> {
  const s = await structure(survey.id);
  const section = Math.min(env.section, Math.max(0, s.sections.length - 1));
  // the page's own fields replace what the state held for them (an unticked box sends nothing)
  const pageFields = new Set((s.sections[section]?.questions ?? []).flatMap((q) => [fieldName(q.id), ...Array.from({ length: Math.max(q.options.length, q.rows.length) }, (_, i) => fieldName(q.id, i))]));
  const raw: RawAnswers = Object.fromEntries(Object.entries(env.state).filter(([k]) => !pageFields.has(k) && [...s.byId.keys()].some((id) => k.startsWith(`q-${id}`))));
  for (const [k, v] of Object.entries(fields)) if (pageFields.has(k)) raw[k] = v;
  if (env.intent === "back") {
    const { answers } = readAll(s, raw);
    return { done: false, state: stateAt(survey, s, previousSection(s, section, answers) ?? section, raw, {}, editing) };
  }
  const here = readAll(s, raw, new Set([section]));
  if (Object.keys(here.errors).length) return { done: false, state: stateAt(survey, s, section, raw, here.errors, editing) };
  const next = nextSection(s, section, here.answers);
  if (env.intent === "next" && next !== null) return { done: false, state: stateAt(survey, s, next, raw, {}, editing) };
  // the end: every page walked is checked again
  const all = readAll(s, raw);
  const wrong = s.sections.findIndex((x) => x.questions.some((q) => all.errors[fieldName(q.id)]));
  if (wrong >= 0) return { done: false, state: stateAt(survey, s, wrong, raw, Object.fromEntries(Object.entries(all.errors).filter(([k]) => s.sections[wrong].questions.some((q) => fieldName(q.id) === k))), editing) };
  await save(all.answers);
  return { done: true };
}

export async function agentAnswerStep(viewer: Viewer, surveyId: string, env: AnswerEnvelope, fields: RawAnswers) {
  const survey = await requireAnswerable(viewer, await data.getSurvey(surveyId));
  if (survey.audience === "anonymous") throw new Refusal("Ce questionnaire se remplit par son lien anonyme.", 404);
  const existing = await data.respondentResponse(survey.id, viewer.userId);
  return step(
    survey,
    env,
    fields,
    async (answers) => {
      const user = await getUser(viewer.userId);
      const day = isoDay(new Date());
      await transaction(async () => {
        const current = await data.respondentResponse(survey.id, viewer.userId);
        if (current) {
          await data.touchResponse(current, day);
          await data.writeAnswers(survey.id, current, answers);
          return;
        }
        const id = await data.insertResponse(survey.id, user?.organization_id ?? null, day);
        if (!(await data.insertRespondent(survey.id, viewer.userId, id))) throw new Refusal("Vous avez déjà répondu à ce questionnaire : rechargez la page pour modifier votre réponse.", 409);
        await data.writeAnswers(survey.id, id, answers);
      });
    },
    !!existing,
  );
}

// ---------------------------------------------------------------- the anonymous link

export const browserCookieName = (surveyId: string) => `germoir_q_${surveyId.replaceAll("-", "").slice(0, 16)}`;
const hashToken = (t: string) => crypto.createHash("sha256").update(t).digest("base64url");
export const newBrowserToken = () => crypto.randomBytes(24).toString("base64url");
export const isBrowserToken = (t: string | undefined): t is string => !!t && /^[A-Za-z0-9_-]{32}$/.test(t);

export async function linkAnswerPage(token: string, browserToken: string | undefined): Promise<AnswerState | { answered: true; title: string }> {
  const survey = await requireAnswerable(null, await data.getSurveyByToken(token));
  if (isBrowserToken(browserToken) && (await data.hasBrowserToken(survey.id, hashToken(browserToken)))) return { answered: true, title: survey.title };
  const s = await structure(survey.id);
  return stateAt(survey, s, firstSection(s, {}), {}, {}, false);
}

/**
 * A step of an anonymous answer. Nothing about the respondent is stored: no account (even when
 * signed in), no address, the day only; the browser's random token is kept hashed, in a table
 * that names no answer, so that it answers once.
 */
export async function linkAnswerStep(token: string, browserToken: string, env: AnswerEnvelope, fields: RawAnswers) {
  const survey = await requireAnswerable(null, await data.getSurveyByToken(token));
  return step(
    survey,
    env,
    fields,
    async (answers) => {
      await transaction(async () => {
        if (!(await data.insertBrowserToken(survey.id, hashToken(browserToken)))) throw new Refusal("Vous avez déjà répondu à ce questionnaire depuis ce navigateur.", 409);
        const id = await data.insertResponse(survey.id, null, isoDay(new Date()));
        await data.writeAnswers(survey.id, id, answers);
      });
    },
    false,
  );
}

export async function surveyIdOfLink(token: string): Promise<string | null> {
  return (await data.getSurveyByToken(token))?.id ?? null;
}

// ---------------------------------------------------------------- results

/**
 * A questionnaire's counts, and its cross-tabulations, read from every answer: shared by whoever
 * views its results until anything is committed (`untilDatabaseChanges`), then counted again. The
 * right to see them is checked on every view, before.
 */
const resultCounts = untilDatabaseChanges<{ total: number; counts: Awaited<ReturnType<typeof data.optionCounts>>; answered: Awaited<ReturnType<typeof data.answeredCounts>> }>(50);
const crossCounts = untilDatabaseChanges<Awaited<ReturnType<typeof data.crossCounts>>>(100);

export async function resultsPage(viewer: Viewer, labSlug: string, surveyId: string, query: { question: string | null; par: string | null }) {
  const { lab, survey } = await requireManaged(viewer, labSlug, surveyId);
  const countAll = async () => {
    const [total, counts, answered] = await Promise.all([data.responseCount(survey.id), data.optionCounts(survey.id), data.answeredCounts(survey.id)]);
    return { total, counts, answered };
  };
  const [s, { total, counts, answered }, runs] = await Promise.all([structure(survey.id), resultCounts(survey.id, countAll), data.latestRuns(survey.id)]);
  const questions = s.sections.flatMap((x) => x.questions);
  const enough = total >= MIN_GROUP;
  const results = enough
    ? questions.map((q) => questionResult(q, answered.get(q.id) ?? 0, counts.filter((c) => c.question_id === q.id)))
    : [];
  // the theme runs: the latest of each free-text question, and its themes when done
  const latest = new Map<string, (typeof runs)[number]>();
  for (const r of runs) if (!latest.has(r.question_id)) latest.set(r.question_id, r);
  const themes = new Map<string, { label: string; size: number; representatives: string[] }[]>();
  for (const [qid, r] of latest) if (r.status === "done") themes.set(qid, (await data.themesOf(r.id)).map((t) => ({ label: t.label, size: t.size, representatives: t.representatives })));
  // the cross-tabulation asked for
  const targets = questions.filter((q) => isGroupingKind(q.kind));
  const byOptions = [
    ...(survey.audience === "anonymous" ? [] : [{ value: "organisation", label: "Organisation" }]),
    ...targets.map((q) => ({ value: q.id, label: `Réponse à «\u00a0${q.label}\u00a0»` })),
  ];
  let cross = null;
  const target = query.question ? targets.find((q) => q.id === query.question) : undefined;
  const by = query.par === "organisation" ? (survey.audience === "anonymous" ? null : "organisation") : query.par ? targets.find((q) => q.id === query.par && q.id !== target?.id) : undefined;
  if (target && by && enough) {
    const raw = await crossCounts(`${survey.id} ${target.id} ${by === "organisation" ? "organisation" : by.id}`, () =>
      data.crossCounts(survey.id, target.id, by === "organisation" ? { organization: true } : { questionId: by.id }),
    );
    let groups: { key: string; label: string; total: number }[];
    if (by === "organisation") {
      const orgs = await getOrganizations([...raw.groups.keys()].filter(Boolean));
      groups = [...raw.groups].map(([key, n]) => ({ key, label: orgs.get(key)?.name ?? "Sans organisation", total: n })).sort((a, b) => a.label.localeCompare(b.label, "fr"));
    } else {
      groups = valueLabels(by).map((v) => ({ key: String(v.value), label: v.label, total: raw.groups.get(String(v.value)) ?? 0 }));
    }
    cross = crossTab({ caption: `«\u00a0${target.label}\u00a0» selon ${by === "organisation" ? "l’organisation" : `la réponse à «\u00a0${by.label}\u00a0»`}`, target, groups, cells: raw.cells });
  }
  return {
    lab,
    survey: { id: survey.id, title: survey.title, version: survey.version, status: surveyStatuses[survey.status], window: windowWords(survey), anonymous: survey.audience === "anonymous" },
    total,
    enough,
    minGroup: MIN_GROUP,
    results: results.map((r) => ({
      id: r.question.id,
      kind: r.question.kind,
      label: r.question.label,
      answered: r.answered,
      options: r.options,
      mean: r.mean,
      ranking: r.ranking,
      matrix: r.matrix,
      columns: r.question.kind === "matrix" ? r.question.options : [],
      text: isTextKind(r.question.kind),
      run: latest.has(r.question.id) ? runView(latest.get(r.question.id)!) : null,
      themes: themes.get(r.question.id) ?? [],
    })),
    cross,
    crossOptions: { targets: targets.map((q) => ({ value: q.id, label: q.label })), by: byOptions, question: target?.id ?? "", par: by === "organisation" ? "organisation" : (by?.id ?? "") },
  };
}

const runStatusWords = { queued: "en attente", running: "en cours", done: "terminée", failed: "échouée" } as const;
function runView(r: { id: string; status: keyof typeof runStatusWords; stage: string; progress: number; answers: number; error: string | null; finished_at: Date | null }) {
  return { id: r.id, status: r.status, statusLabel: runStatusWords[r.status], percent: Math.round(r.progress * 100), stage: r.stage, answers: r.answers, error: r.error, finishedOn: r.finished_at ? formatDate(r.finished_at) : null };
}

/** Queues the theme discovery of a free-text question's answers (the job runs the themes engine). */
export async function startThemes(viewer: Viewer, labSlug: string, surveyId: string, questionId: string): Promise<void> {
  const { survey } = await requireManaged(viewer, labSlug, surveyId);
  const s = await structure(survey.id);
  const q = s.byId.get(questionId);
  if (!q || !isTextKind(q.kind)) throw new Refusal("Question : choisissez une question à réponse libre.", 400, "questionId");
  await transaction(async () => {
    const active = (await data.latestRuns(survey.id)).find((r) => r.question_id === q.id && (r.status === "queued" || r.status === "running"));
    if (active) throw new Refusal("Une recherche de thèmes est déjà en cours pour cette question.", 409);
    const run = await data.insertThemeRun(survey.id, q.id, viewer.userId);
    await onCommit(() => enqueue(SURVEY_THEMES_QUEUE, { runId: run.id }));
  });
}

// ---------------------------------------------------------------- export

/** Every answer, one row a response, one column a question (a column per row of a matrix, per option of a ranking). */
export async function surveyExport(viewer: Viewer, labSlug: string, surveyId: string): Promise<TableExport> {
  const { survey } = await requireManaged(viewer, labSlug, surveyId);
  const s = await structure(survey.id);
  const questions = s.sections.flatMap((x) => x.questions);
  const anonymous = survey.audience === "anonymous";
  const header = ["Réponse", "Jour", ...(anonymous ? [] : ["Organisation"])];
  const columns: { q: Question; item?: number }[] = [];
  for (const q of questions) {
    if (q.kind === "matrix") q.rows.forEach((row, item) => (columns.push({ q, item }), header.push(`${q.label} – ${row}`)));
    else if (q.kind === "ranking") q.options.forEach((option, item) => (columns.push({ q, item }), header.push(`${q.label} – rang de «\u00a0${option}\u00a0»`)));
    else (columns.push({ q }), header.push(q.label));
  }
  let n = 0;
  const orgs = new Map((await listOrganizations()).map((o) => [o.id, o.name]));
  const cell = (col: { q: Question; item?: number }, a: Answer | undefined): string | number | null => {
    if (!a) return null;
    const { q } = col;
    if (isTextKind(q.kind)) return a.text;
    if (q.kind === "matrix") {
      const c = a.choices.find((x) => x.item === col.item);
      return c ? (q.options[c.value] ?? null) : null;
    }
    if (q.kind === "ranking") return a.choices.find((x) => x.item === col.item)?.value ?? null;
    if (q.kind === "scale5" || q.kind === "scale10") return a.choices[0]?.value ?? null;
    return a.choices.map((c) => q.options[c.value]).join(" ; ");
  };
  return {
    filename: `questionnaire-${fileSlug(survey.title)}`,
    sheet: "Réponses",
    header,
    rows: pagedRows<string>(async (after) => {
      const page = await data.responsesPage(survey.id, after, 500);
      const answers = await data.answersOfResponses(page.map((r) => r.id));
      const rows = page.map((r) => {
        const mine = answers.get(r.id) ?? new Map<string, Answer>();
        return [++n, r.answered_on, ...(anonymous ? [] : [r.organization_id ? (orgs.get(r.organization_id) ?? "") : ""]), ...columns.map((c) => cell(c, mine.get(c.q.id)))];
      });
      return { rows, next: page.length === 500 ? page[page.length - 1].id : null };
    }),
  };
}

export async function labOfSlug(slug: string) {
  return getLabBySlug(slug);
}

// ---------------------------------------------------------------- open data

/** One row of the open dataset: a question of a published anonymous questionnaire and one answer offered. */
export interface PublicSurveyResultRow {
  id: string;
  survey_id: string;
  survey_title: string;
  lab_id: string;
  question_id: string;
  question: string;
  question_kind: "single" | "multiple" | "scale5" | "scale10";
  answer: string;
  position: number;
  respondents: number | null;
  answered: number;
  percent: number | null;
  published_at: string;
}

const OPEN_KINDS = new Set(["single", "multiple", "scale5", "scale10"]);

/**
 * The results of the anonymous questionnaires their labs published (`open_data_at`), for the open
 * data: per question with answers offered (choices and scales), the respondents of each answer,
 * never fewer than 5 (a count of 1 to 4 is left empty, as « moins de 5 » on the results page);
 * a questionnaire under 5 answers publishes nothing. Free texts, rankings and matrices stay out.
 * Paged by question (`after`: the last question id of the previous page).
 */
export async function publicSurveyResultsPage(filter: { labId?: string; surveyId?: string }, after: string | null, limit: number): Promise<{ rows: PublicSurveyResultRow[]; next: string | null }> {
  const byQuestion: { questionId: string; rows: PublicSurveyResultRow[] }[] = [];
  for (const survey of await data.openDataSurveys(filter)) {
    if ((await data.responseCount(survey.id)) < MIN_GROUP) continue;
    const [s, counts, answered] = await Promise.all([structure(survey.id), data.optionCounts(survey.id), data.answeredCounts(survey.id)]);
    for (const q of s.sections.flatMap((x) => x.questions)) {
      if (!OPEN_KINDS.has(q.kind)) continue;
      const r = questionResult(q, answered.get(q.id) ?? 0, counts.filter((c) => c.question_id === q.id));
      byQuestion.push({
        questionId: q.id,
        rows: r.options.map((o, position) => {
          const shown = o.count === 0 || o.count >= MIN_GROUP ? o.count : null;
          return {
            id: `${q.id}-${position + 1}`,
            survey_id: survey.id,
            survey_title: survey.title,
            lab_id: survey.lab_id,
            question_id: q.id,
            question: q.label,
            question_kind: q.kind as PublicSurveyResultRow["question_kind"],
            answer: o.label,
            position: position + 1,
            respondents: shown,
            answered: r.answered,
            percent: shown === null || !r.answered ? null : Math.round((1000 * shown) / r.answered) / 10,
            published_at: survey.open_data_at!.toISOString(),
          };
        }),
      });
    }
  }
  byQuestion.sort((a, z) => (a.questionId < z.questionId ? -1 : a.questionId > z.questionId ? 1 : 0));
  const rest = after ? byQuestion.filter((x) => x.questionId > after) : byQuestion;
  const rows: PublicSurveyResultRow[] = [];
  let taken = 0;
  while (taken < rest.length && (rows.length === 0 || rows.length + rest[taken].rows.length <= limit)) rows.push(...rest[taken++].rows);
  return { rows, next: taken < rest.length ? rest[taken - 1].questionId : null };
}

export async function publicSurveyResultsStats(): Promise<{ count: number; updatedAt: Date | null }> {
  let count = 0;
  let updatedAt: Date | null = null;
  for (const survey of await data.openDataSurveys()) {
    if ((await data.responseCount(survey.id)) < MIN_GROUP) continue;
    const s = await structure(survey.id);
    count += s.sections.flatMap((x) => x.questions).filter((q) => OPEN_KINDS.has(q.kind)).reduce((n, q) => n + valueLabels(q).length, 0);
    if (!updatedAt || survey.updated_at > updatedAt) updatedAt = survey.updated_at;
  }
  return { count, updatedAt };
}
