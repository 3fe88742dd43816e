/**
 * The questions of a questionnaire, as pure rules: their kinds, how an answer is read from a form
 * and checked (one zod schema per kind, French messages), when a question is shown (conditions on
 * an earlier section's answer) and which sections a respondent walks through.
 */
import { z } from "zod";

export const questionKinds = {
  single: "Choix unique",
  multiple: "Choix multiple",
  scale5: "Échelle de 1 à 5",
  scale10: "Échelle de 0 à 10",
  short_text: "Texte court",
  long_text: "Texte long",
  ranking: "Classement",
  matrix: "Matrice (une réponse par ligne)",
} as const;
export type QuestionKind = keyof typeof questionKinds;
export const questionKindKeys = Object.keys(questionKinds) as QuestionKind[];

export const audiences = {
  organizations: "Les agents des organisations choisies",
  agents: "Une liste d’agents",
  anonymous: "Toute personne qui a le lien, anonymement",
} as const;
export type Audience = keyof typeof audiences;

export const surveyStatuses = { draft: "Brouillon", open: "Publié", closed: "Clos" } as const;
export type SurveyStatus = keyof typeof surveyStatuses;
export type RunStatus = "queued" | "running" | "done" | "failed";

export interface Question {
  id: string;
  sectionId: string;
  position: number;
  kind: QuestionKind;
  label: string;
  help: string;
  required: boolean;
  /** choices, ranked options, or the matrix's columns */
  options: string[];
  /** the matrix's rows */
  rows: string[];
  maxChoices: number | null;
  condition: { questionId: string; values: number[] } | null;
}

export interface SectionDef {
  id: string;
  position: number;
  title: string;
  description: string;
}

/** An answer as stored: choices (item, value) or a text. */
export interface Answer {
  choices: { item: number; value: number }[];
  text: string | null;
}

/** What a form sent, by field name (`q-<question>` or `q-<question>-<n>`). */
export type RawAnswers = Record<string, string[]>;

export const SHORT_TEXT_MAX = 300;
export const LONG_TEXT_MAX = 5000;

export const isChoiceKind = (k: QuestionKind) => k === "single" || k === "multiple";
export const isScaleKind = (k: QuestionKind) => k === "scale5" || k === "scale10";
export const isTextKind = (k: QuestionKind) => k === "short_text" || k === "long_text";
/** Kinds an answer of which can be a condition or a cross-tabulation's groups. */
export const isGroupingKind = (k: QuestionKind) => k === "single" || k === "multiple" || isScaleKind(k);

export function scaleValues(kind: QuestionKind): number[] {
  return kind === "scale5" ? [1, 2, 3, 4, 5] : kind === "scale10" ? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] : [];
}

/** The labels of the values a grouping question can take, by value. */
export function valueLabels(q: Pick<Question, "kind" | "options">): { value: number; label: string }[] {
  if (isChoiceKind(q.kind)) return q.options.map((label, value) => ({ value, label }));
  return scaleValues(q.kind).map((v) => ({ value: v, label: String(v) }));
}

export const fieldName = (questionId: string, n?: number) => (n === undefined ? `q-${questionId}` : `q-${questionId}-${n}`);

const emptyAnswer: Answer = { choices: [], text: null };
export const isEmpty = (a: Answer | undefined) => !a || (a.choices.length === 0 && !a.text);

const index = (count: number, message: string) =>
  z
    .string()
    .regex(/^\d{1,3}$/, message)
    .transform(Number)
    .refine((n) => n < count, message);

/** The zod schema that reads one question's answer from its raw fields; French messages. */
export function answerSchema(q: Question): z.ZodType<Answer> {
  const missing = "Répondez à cette question.";
  const choose = "Choisissez parmi les réponses proposées.";
  const one = (raw: string[] | undefined) => (raw ?? []).filter((v) => v !== "");
  switch (q.kind) {
    case "single":
      return z
        .array(z.string())
        .optional()
        .transform(one)
        .pipe(z.array(index(q.options.length, choose)).max(1, "Une seule réponse."))
        .transform((v) => ({ choices: v.map((value) => ({ item: 0, value })), text: null }))
        .refine((a) => !q.required || a.choices.length > 0, missing);
    case "multiple": {
      const max = q.maxChoices ?? q.options.length;
      return z
        .array(z.string())
        .optional()
        .transform(one)
        .pipe(
          z
            .array(index(q.options.length, choose))
            .max(max, max === 1 ? "Une seule réponse au plus." : `${max}\u00a0réponses au plus.`)
            .refine((v) => new Set(v).size === v.length, choose),
        )
        .transform((v) => ({ choices: v.map((value) => ({ item: 0, value })), text: null }))
        .refine((a) => !q.required || a.choices.length > 0, missing);
    }
    case "scale5":
    case "scale10": {
      const values = scaleValues(q.kind);
      const msg = `Choisissez une valeur de ${values[0]} à ${values[values.length - 1]}.`;
      return z
        .array(z.string())
        .optional()
        .transform(one)
        .pipe(z.array(z.string().regex(/^\d{1,2}$/, msg).transform(Number).refine((n) => values.includes(n), msg)).max(1, msg))
        .transform((v) => ({ choices: v.map((value) => ({ item: 0, value })), text: null }))
        .refine((a) => !q.required || a.choices.length > 0, missing);
    }
    case "short_text":
    case "long_text": {
      const max = q.kind === "short_text" ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
      return z
        .array(z.string())
        .optional()
        .transform((v) => (v ?? []).join("\n").trim())
        .pipe(z.string().max(max, `${max}\u00a0caractères au plus.`))
        .transform((t) => ({ choices: [], text: t || null }))
        .refine((a) => !q.required || !!a.text, missing);
    }
    case "ranking": {
      const n = q.options.length;
      const msg = `Un rang de 1 à ${n} pour chaque réponse, chaque rang une seule fois.`;
      return z
        .array(z.array(z.string()).optional().transform(one).pipe(z.array(z.string().regex(/^\d{1,2}$/, msg).transform(Number).refine((r) => r >= 1 && r <= n, msg)).max(1, msg)))
        .transform((ranks) => ({ choices: ranks.flatMap((r, item) => r.map((value) => ({ item, value }))), text: null }))
        .refine((a) => new Set(a.choices.map((c) => c.value)).size === a.choices.length, "Chaque rang une seule fois.")
        .refine((a) => !q.required || a.choices.length === n, "Classez toutes les réponses.")
        .refine((a) => a.choices.length === 0 || a.choices.every((c) => c.value <= a.choices.length), "Classez à partir de 1, sans sauter de rang.");
    }
    case "matrix": {
      const msg = "Choisissez une réponse par ligne parmi celles proposées.";
      return z
        .array(z.array(z.string()).optional().transform(one).pipe(z.array(index(q.options.length, msg)).max(1, msg)))
        .transform((cells) => ({ choices: cells.flatMap((c, item) => c.map((value) => ({ item, value }))), text: null }))
        .refine((a) => !q.required || a.choices.length === q.rows.length, "Répondez pour chaque ligne.");
    }
  }
}

/** The raw fields of one question, shaped for its schema (a list per row or option for ranking and matrix). */
function rawOf(q: Question, raw: RawAnswers): unknown {
  if (q.kind === "ranking") return q.options.map((_, i) => raw[fieldName(q.id, i)]);
  if (q.kind === "matrix") return q.rows.map((_, i) => raw[fieldName(q.id, i)]);
  return raw[fieldName(q.id)];
}

/** Reads and checks one question's answer. */
export function readAnswer(q: Question, raw: RawAnswers): { ok: true; answer: Answer } | { ok: false; error: string } {
  const parsed = answerSchema(q).safeParse(rawOf(q, raw));
  if (parsed.success) return { ok: true, answer: parsed.data };
  return { ok: false, error: parsed.error.issues[0]?.message ?? "Réponse invalide." };
}

/** The raw fields that give back a stored answer (to edit it). */
export function rawFromAnswer(q: Question, a: Answer): RawAnswers {
  if (isTextKind(q.kind)) return a.text ? { [fieldName(q.id)]: [a.text] } : {};
  if (q.kind === "ranking" || q.kind === "matrix") return Object.fromEntries(a.choices.map((c) => [fieldName(q.id, c.item), [String(c.value)]]));
  return a.choices.length ? { [fieldName(q.id)]: a.choices.map((c) => String(c.value)) } : {};
}

/** Whether a question is shown, given the answers so far: its condition's question shown and answered with one of its values. */
export function isShown(q: Question, byId: Map<string, Question>, answers: Map<string, Answer>, depth = 0): boolean {
  if (!q.condition) return true;
  const on = byId.get(q.condition.questionId);
  if (!on || depth > 20) return true;
  if (!isShown(on, byId, answers, depth + 1)) return false;
  const a = answers.get(on.id);
  return !!a && a.choices.some((c) => q.condition!.values.includes(c.value));
}

/** A survey's structure: sections in order, each with its questions in order. */
export interface Structure {
  sections: (SectionDef & { questions: Question[] })[];
  byId: Map<string, Question>;
}

export function structureOf(sections: SectionDef[], questions: Question[]): Structure {
  const ordered = [...sections].sort((a, b) => a.position - b.position);
  return {
    sections: ordered.map((s) => ({ ...s, questions: questions.filter((q) => q.sectionId === s.id).sort((a, b) => a.position - b.position) })),
    byId: new Map(questions.map((q) => [q.id, q])),
  };
}

/** The shown questions of a section. */
export function shownQuestions(s: Structure, sectionIndex: number, answers: Map<string, Answer>): Question[] {
  return (s.sections[sectionIndex]?.questions ?? []).filter((q) => isShown(q, s.byId, answers));
}

/** The next section (after `from`) with a question shown, or null at the end. */
export function nextSection(s: Structure, from: number, answers: Map<string, Answer>): number | null {
  for (let i = from + 1; i < s.sections.length; i++) if (shownQuestions(s, i, answers).length) return i;
  return null;
}

export function previousSection(s: Structure, from: number, answers: Map<string, Answer>): number | null {
  for (let i = from - 1; i >= 0; i--) if (shownQuestions(s, i, answers).length) return i;
  return null;
}

/**
 * Reads every answer from the raw fields: each shown question checked (a hidden one is dropped,
 * whatever was sent for it). `only` restricts the errors to some sections (a page being left).
 */
export function readAll(s: Structure, raw: RawAnswers, only?: Set<number>): { answers: Map<string, Answer>; errors: Record<string, string> } {
  const answers = new Map<string, Answer>();
  const errors: Record<string, string> = {};
  s.sections.forEach((section, i) => {
    for (const q of section.questions) {
      if (!isShown(q, s.byId, answers)) continue;
      const r = readAnswer(q, raw);
      if (r.ok) {
        if (!isEmpty(r.answer)) answers.set(q.id, r.answer);
      } else if (!only || only.has(i)) errors[fieldName(q.id)] = r.error;
    }
  });
  return { answers, errors };
}

/** The sections from the first to `upTo` that a respondent walked through (with a shown question). */
export function walkedSections(s: Structure, upTo: number, answers: Map<string, Answer>): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i <= upTo && i < s.sections.length; i++) if (shownQuestions(s, i, answers).length) out.add(i);
  return out;
}

export { emptyAnswer };
