/** Every roadmap form is one zod schema, with French messages. */
import { z } from "zod";
import { dateField, optionalText, requiredText, uuidField } from "../kernel/forms";
import { isUuid } from "../kernel/ids";
import { mainStages, type MainStage } from "../projects/stages";
import type { StageShares } from "./rules";

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

const optionalId = (label: string) =>
  z
    .string({ error: `${label} : valeur invalide.` })
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || isUuid(v), `${label} : choisissez dans la liste.`)
    .transform((v) => (v === "" ? null : v));

const share = (label: string) =>
  z
    .string({ error: `${label} : nombre attendu.` })
    .trim()
    .regex(/^\d{1,3}$/, `${label} : un nombre entier de 0 à 100.`)
    .transform(Number)
    .refine((n) => n <= 100, `${label} : un nombre entier de 0 à 100.`);

const weight = z
  .string({ error: "Poids : nombre attendu." })
  .optional()
  .transform((v) => (v ?? "").trim().replace(",", "."))
  .refine((v) => v === "" || (/^\d{1,4}(\.\d{1,2})?$/.test(v) && Number(v) > 0 && Number(v) <= 1000), "Poids : un nombre positif jusqu’à 1000 (par exemple 2 ou 0,5), ou vide pour compter comme les autres.")
  .transform((v) => (v === "" ? null : Number(v)));

const url = (label: string) =>
  z
    .string({ error: `${label} : adresse attendue.` })
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || (/^https?:\/\//i.test(v) && z.url().safeParse(v).success && v.length <= 1000), `${label} : une adresse web commençant par https:// ou http://.`)
    .transform((v) => (v === "" ? null : v));

const stageLabels: Record<MainStage, string> = { exploration: "exploration", prototype: "prototype", experimentation: "expérimentation", evaluation: "évaluation", deployment: "déploiement" };

export const roadmapCreateSchema = z.object({
  title: requiredText("Titre de la feuille de route", 200, 3),
  description: optionalText("Présentation", 5000),
  partnerLab: optionalId("Lab partenaire"),
});
export type RoadmapCreateInput = z.infer<typeof roadmapCreateSchema>;

/** The roadmap's settings: its words, the stages' shares, the stop rule, what the public sees. */
export const roadmapSettingsSchema = z
  .object({
    intent: z.literal("settings"),
    title: requiredText("Titre de la feuille de route", 200, 3),
    description: optionalText("Présentation", 5000),
    partnerLab: optionalId("Lab partenaire"),
    published: checkbox,
    stopRule: z.enum(["exclude", "zero"], { error: "Éléments arrêtés : choisissez une règle." }),
    confidentialDisplay: z.enum(["label", "hidden"], { error: "Projets confidentiels : choisissez comment les montrer." }),
    ...Object.fromEntries(mainStages.map((s) => [`share_${s}`, share(`Part de l’étape ${stageLabels[s]}`)])),
  })
  .transform((v) => {
    const r = v as unknown as Record<string, number>;
    const shares = Object.fromEntries(mainStages.map((s) => [s, r[`share_${s}`]])) as StageShares;
    return { intent: "settings" as const, title: v.title, description: v.description, partnerLab: v.partnerLab, published: v.published, stopRule: v.stopRule, confidentialDisplay: v.confidentialDisplay, shares };
  });
export type RoadmapSettingsInput = z.infer<typeof roadmapSettingsSchema>;

/** An item's fields (its kind and parent when it is added). */
const itemFields = {
  title: requiredText("Titre", 300, 2),
  description: optionalText("Description", 5000),
  transversal: checkbox,
  projectId: optionalId("Projet du lab"),
  ownerName: optionalText("Porteur ou porteuse (nom)", 200),
  ownerRole: optionalText("Porteur ou porteuse (fonction ou service)", 200),
  ownerNamePublic: checkbox,
  startsOn: optionalDate("Date de début"),
  endsOn: optionalDate("Date de fin"),
  calendar: optionalText("Calendrier prévisionnel", 2000),
  public: checkbox,
  weight,
  status: z.enum(["active", "done", "stopped"], { error: "Statut : choisissez dans la liste." }).optional().transform((v) => v ?? "active"),
};

const datesInOrder = (v: { startsOn: Date | null; endsOn: Date | null }, ctx: z.RefinementCtx) => {
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "Date de fin : elle suit la date de début." });
};

export const addItemSchema = z
  .object({
    intent: z.literal("addItem"),
    kind: z.enum(["axis", "flagship", "lever", "project", "initiative"], { error: "Type d’élément : choisissez dans la liste." }),
    parentId: optionalId("Rattaché à"),
    ...itemFields,
  })
  .superRefine(datesInOrder)
  .superRefine((v, ctx) => {
    if (v.kind !== "axis" && !v.parentId) ctx.addIssue({ code: "custom", path: ["parentId"], message: "Rattaché à : choisissez l’élément au-dessus (un axe, un projet phare ou un levier)." });
    if (v.kind === "project" && !v.projectId) ctx.addIssue({ code: "custom", path: ["projectId"], message: "Projet du lab : choisissez le projet relié." });
  });
export type AddItemInput = z.infer<typeof addItemSchema>;

export const updateItemSchema = z.object({ intent: z.literal("update"), ...itemFields }).superRefine(datesInOrder);
export type UpdateItemInput = z.infer<typeof updateItemSchema>;

const evidence = {
  evidenceKind: z.enum(["", "link", "text", "file", "stage"], { error: "Preuve : choisissez dans la liste." }).optional().transform((v) => (v ? v : null)),
  evidenceUrl: url("Lien de la preuve"),
  evidenceText: optionalText("Preuve (texte)", 2000),
  evidenceStage: z.enum(["", ...mainStages], { error: "Étape qui prouve le jalon : choisissez dans la liste." }).optional().transform((v) => (v ? (v as MainStage) : null)),
};

const evidenceComplete = (v: { evidenceKind: string | null; evidenceUrl: string | null; evidenceText: string; evidenceStage: MainStage | null }, ctx: z.RefinementCtx) => {
  if (v.evidenceKind === "link" && !v.evidenceUrl) ctx.addIssue({ code: "custom", path: ["evidenceUrl"], message: "Lien de la preuve : indiquez l’adresse." });
  if (v.evidenceKind === "text" && !v.evidenceText) ctx.addIssue({ code: "custom", path: ["evidenceText"], message: "Preuve (texte) : écrivez ce qui prouve le jalon." });
  if (v.evidenceKind === "stage" && !v.evidenceStage) ctx.addIssue({ code: "custom", path: ["evidenceStage"], message: "Étape qui prouve le jalon : choisissez l’étape." });
};

export const addMilestoneSchema = z
  .object({ intent: z.literal("addMilestone"), milestoneTitle: requiredText("Jalon", 300, 2), plannedOn: optionalDate("Date prévue"), alreadyDoneOn: optionalDate("Déjà franchi le"), ...evidence })
  .superRefine(evidenceComplete)
  .transform(({ milestoneTitle, alreadyDoneOn, ...rest }) => ({ ...rest, title: milestoneTitle, doneOn: alreadyDoneOn }));
export type MilestoneInput = z.infer<typeof addMilestoneSchema>;

/** « Franchi »: the day (today when left empty) and, if any, what proves it (a link or a few words). */
export const milestoneDoneSchema = z.object({
  intent: z.literal("milestoneDone"),
  milestoneId: uuidField("Jalon"),
  doneOn: optionalDate("Franchi le"),
  proof: optionalText("Preuve", 2000).refine((v) => !/^https?:\/\//i.test(v) || (z.url().safeParse(v).success && v.length <= 1000), "Preuve : cette adresse web n’est pas valide."),
});

/** A milestone's fields, all of them editable; a file as evidence comes with the form (checked by the service). */
export const editMilestoneSchema = z
  .object({ intent: z.literal("editMilestone"), milestoneId: uuidField("Jalon"), milestoneTitle: requiredText("Jalon", 300, 2), plannedOn: optionalDate("Date prévue"), doneOn: optionalDate("Franchi le"), ...evidence })
  .superRefine(evidenceComplete)
  .transform(({ milestoneTitle, ...rest }) => ({ ...rest, title: milestoneTitle }));
export type EditMilestoneInput = z.infer<typeof editMilestoneSchema>;

/** An item under another parent of the kind above it (a lever under another flagship…). */
export const moveItemSchema = z.object({ intent: z.literal("move"), parentId: uuidField("Nouveau rattachement") });

/** One place up or down among its siblings. */
export const reorderSchema = z.object({
  intent: z.literal("reorder"),
  itemId: uuidField("Élément"),
  direction: z.enum(["up", "down"], { error: "Sens : vers le haut ou vers le bas." }),
});

export const milestoneIdSchema = z.object({ intent: z.enum(["milestoneUndone", "deleteMilestone"], { error: "Action inconnue." }), milestoneId: uuidField("Jalon") });
export const deleteItemSchema = z.object({ intent: z.literal("delete"), confirm: z.literal("on", { error: "Confirmation : cochez la case pour supprimer cet élément et tout ce qui lui est rattaché." }) });

export const calendarSchema = z
  .object({
    intent: z.literal("addCalendar"),
    period: requiredText("Période", 100, 2),
    periodStart: dateField("Premier jour de la période"),
    body: requiredText("Ce qui est prévu", 2000, 3),
    calendarPublic: checkbox,
  })
  .transform((v) => ({ intent: v.intent, period: v.period, startsOn: v.periodStart, body: v.body, public: v.calendarPublic }));
export const deleteCalendarSchema = z.object({ intent: z.literal("deleteCalendar"), entryId: uuidField("Entrée du calendrier") });

/** The roadmap page's forms, by intent (one schema each). */
export const roadmapForms = { settings: roadmapSettingsSchema, addItem: addItemSchema, reorder: reorderSchema, addCalendar: calendarSchema, deleteCalendar: deleteCalendarSchema } as const;
/** The settings page's one form. */
export const settingsForms = { settings: roadmapSettingsSchema } as const;
/** The item page's forms, by intent. */
export const itemForms = { update: updateItemSchema, delete: deleteItemSchema, move: moveItemSchema, addMilestone: addMilestoneSchema, editMilestone: editMilestoneSchema, milestoneDone: milestoneDoneSchema, milestoneUndone: milestoneIdSchema, deleteMilestone: milestoneIdSchema } as const;

export type RoadmapAction = z.infer<(typeof roadmapForms)[keyof typeof roadmapForms]>;
export type ItemAction = z.infer<(typeof itemForms)[keyof typeof itemForms]>;

/** The schema of a form's intent, or null (« Action inconnue »). */
export function formOf<F extends Record<string, z.ZodType>>(forms: F, intent: FormDataEntryValue | null): F[keyof F] | null {
  return typeof intent === "string" && Object.hasOwn(forms, intent) ? forms[intent as keyof F] : null;
}
