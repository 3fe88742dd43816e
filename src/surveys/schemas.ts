/** Every form of the questionnaires is one zod schema, with French messages. */
import { z } from "zod";
import { dateField, optionalText, requiredText, uuidField } from "../kernel/forms";
import { isUuid } from "../kernel/ids";
import { questionKindKeys, type RawAnswers } from "./questions";

const optionalDate = (label: string) =>
  z
    .string({ error: `${label} : date attendue.` })
    .optional()
    .transform((v) => (v ? v.trim() : ""))
    .pipe(z.union([z.literal(""), dateField(label)]))
    .transform((v) => (v === "" ? null : v));

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "1");

const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const organizationIds = z
  .preprocess(list, z.array(z.string({ error: "Organisations : valeur invalide." })).max(200, "Organisations : 200 au plus."))
  .refine((ids) => ids.every(isUuid), "Organisations : choisissez dans la liste.")
  .transform((ids) => [...new Set(ids)]);

/** One line a choice (or a row of a matrix). */
const lines = (label: string) =>
  z
    .string({ error: `${label} : texte attendu.` })
    .max(10_000, `${label} : texte trop long.`)
    .optional()
    .transform((v) => (v ?? "").split(/\r?\n/).map((l) => l.trim()).filter(Boolean))
    .refine((l) => l.length <= 30, `${label} : 30 lignes au plus.`)
    .refine((l) => l.every((x) => x.length <= 200), `${label} : 200 caractères au plus par ligne.`)
    .refine((l) => new Set(l).size === l.length, `${label} : chaque ligne une seule fois.`);

const surveyFields = {
  title: requiredText("Titre du questionnaire", 200, 3),
  description: optionalText("Présentation", 5000),
  audience: z.enum(["organizations", "anonymous"], { error: "Public : choisissez les agents des organisations ou le lien anonyme." }),
  organizationIds,
  opensOn: optionalDate("Ouverture"),
  closesOn: optionalDate("Clôture"),
};

const window = <T extends { opensOn: Date | null; closesOn: Date | null }>(s: z.ZodType<T>) =>
  s.refine((v) => !v.opensOn || !v.closesOn || v.closesOn >= v.opensOn, { message: "Clôture : le dernier jour vient après l’ouverture.", path: ["closesOn"] });

export const surveyCreateSchema = window(z.object(surveyFields));
export type SurveyCreateInput = z.infer<typeof surveyCreateSchema>;

const maxChoices = z
  .string({ error: "Nombre de réponses au plus : nombre attendu." })
  .optional()
  .transform((v) => (v ?? "").trim())
  .refine((v) => v === "" || /^\d{1,2}$/.test(v), "Nombre de réponses au plus : un nombre entier, ou vide.")
  .transform((v) => (v === "" ? null : Number(v)))
  .refine((n) => n === null || n >= 1, "Nombre de réponses au plus : au moins 1.");

const conditionValues = z
  .string({ error: "Réponses qui affichent la question : texte attendu." })
  .max(200, "Réponses qui affichent la question : texte trop long.")
  .optional()
  .transform((v) => (v ?? "").split(/[\s,;]+/).filter(Boolean))
  .refine((v) => v.every((x) => /^\d{1,2}$/.test(x)), "Réponses qui affichent la question : des numéros séparés par des virgules (1 pour la première réponse ; pour une échelle, ses valeurs).")
  .transform((v) => [...new Set(v.map(Number))]);

const optionalId = (label: string) =>
  z
    .string({ error: `${label} : valeur invalide.` })
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || isUuid(v), `${label} : choisissez dans la liste.`)
    .transform((v) => (v === "" ? null : v));

export const builderForms = {
  settings: window(z.object({ intent: z.literal("settings"), ...surveyFields })),
  addSection: z.object({ intent: z.literal("addSection"), sectionTitle: requiredText("Titre de la section", 200, 2), sectionDescription: optionalText("Présentation de la section", 2000) }),
  deleteSection: z.object({ intent: z.literal("deleteSection"), sectionId: uuidField("Section") }),
  addQuestion: z
    .object({
      intent: z.literal("addQuestion"),
      sectionId: uuidField("Section"),
      kind: z.enum(questionKindKeys as [string, ...string[]], { error: "Type de question : choisissez dans la liste." }),
      label: requiredText("Question", 500, 2),
      help: optionalText("Aide", 1000),
      required: checkbox,
      options: lines("Réponses proposées"),
      rows: lines("Lignes de la matrice"),
      maxChoices,
      conditionQuestion: optionalId("Afficher selon la réponse à"),
      conditionValues,
    })
    .superRefine((v, ctx) => {
      const needsOptions = ["single", "multiple", "ranking", "matrix"].includes(v.kind);
      if (needsOptions && v.options.length < 2) ctx.addIssue({ code: "custom", path: ["options"], message: "Réponses proposées : au moins deux, une par ligne." });
      if (v.kind === "matrix" && v.rows.length < 1) ctx.addIssue({ code: "custom", path: ["rows"], message: "Lignes de la matrice : au moins une, une par ligne." });
      if (v.maxChoices !== null && v.kind !== "multiple") ctx.addIssue({ code: "custom", path: ["maxChoices"], message: "Nombre de réponses au plus : seulement pour un choix multiple." });
      if (v.maxChoices !== null && v.maxChoices > v.options.length) ctx.addIssue({ code: "custom", path: ["maxChoices"], message: "Nombre de réponses au plus : pas plus que de réponses proposées." });
      if (v.conditionQuestion && !v.conditionValues.length) ctx.addIssue({ code: "custom", path: ["conditionValues"], message: "Réponses qui affichent la question : indiquez au moins une réponse." });
      if (!v.conditionQuestion && v.conditionValues.length) ctx.addIssue({ code: "custom", path: ["conditionQuestion"], message: "Afficher selon la réponse à : choisissez la question." });
    }),
  deleteQuestion: z.object({ intent: z.literal("deleteQuestion"), questionId: uuidField("Question") }),
  publish: z.object({ intent: z.literal("publish") }),
  close: z.object({ intent: z.literal("close") }),
  newVersion: z.object({ intent: z.literal("newVersion") }),
  openData: z.object({ intent: z.literal("openData") }),
  closeData: z.object({ intent: z.literal("closeData") }),
};
export type BuilderAction = { [K in keyof typeof builderForms]: z.infer<(typeof builderForms)[K]> }[keyof typeof builderForms];
export type AddQuestionInput = z.infer<typeof builderForms.addQuestion>;

export function formOf<F extends Record<string, z.ZodType>>(forms: F, intent: FormDataEntryValue | null): F[keyof F] | null {
  return typeof intent === "string" && Object.hasOwn(forms, intent) ? forms[intent as keyof F] : null;
}

export const resultsForms = {
  themes: z.object({ intent: z.literal("themes"), questionId: uuidField("Question") }),
};

export const resultsQuerySchema = z.object({
  question: z.string().optional().transform((v) => (v && isUuid(v) ? v : null)),
  par: z.string().optional().transform((v) => (v === "organisation" ? "organisation" : v && isUuid(v) ? v : null)),
});

// ---------------------------------------------------------------- answering

const FIELD = /^q-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(-\d{1,2})?$/;
const rawAnswers = z.record(z.string().regex(FIELD), z.array(z.string().max(6000)).max(40)).refine((r) => Object.keys(r).length <= 2000);

/** The answering form's envelope: which button, which page, the answers of the pages before (JSON). */
export const answerEnvelopeSchema = z.object({
  intent: z.enum(["next", "back", "submit"], { error: "Action inconnue." }),
  section: z
    .string({ error: "Page inconnue." })
    .regex(/^\d{1,3}$/, "Page inconnue.")
    .transform(Number),
  state: z
    .string()
    .max(400_000, "Réponses trop longues.")
    .optional()
    .transform((v, ctx) => {
      if (!v) return {} as RawAnswers;
      try {
        const parsed = rawAnswers.safeParse(JSON.parse(v));
        if (parsed.success) return parsed.data as RawAnswers;
      } catch {
        /* below */
      }
      ctx.addIssue({ code: "custom", message: "Le formulaire est mal formé : rechargez la page." });
      return z.NEVER;
    }),
});
export type AnswerEnvelope = z.infer<typeof answerEnvelopeSchema>;

/** The answer fields of a posted form (`q-…`), each as the list of its values. */
export function rawFromForm(fd: FormData): RawAnswers {
  const out: RawAnswers = {};
  for (const key of new Set(fd.keys())) {
    if (!FIELD.test(key)) continue;
    out[key] = fd
      .getAll(key)
      .filter((v): v is string => typeof v === "string")
      .slice(0, 40)
      .map((v) => v.slice(0, 6000));
  }
  return out;
}
