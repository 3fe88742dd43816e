import { z } from "zod";
import { dateField, emailList, optionalText, requiredText, uuidField } from "../kernel/forms";
import { isUuid } from "../kernel/ids";
import { mainStages, stageKeys, type MainStage, type ServiceKind } from "./stages";

const optionalDate = (label: string) =>
  z
    .string({ error: `${label} : date attendue.` })
    .optional()
    .transform((v) => (v ? v.trim() : ""))
    .pipe(z.union([z.literal(""), dateField(label)]))
    .transform((v) => (v === "" ? null : v));

const euros = (label: string) =>
  z
    .string({ error: `${label} : montant attendu.` })
    .optional()
    .transform((v) => (v ?? "").replace(/[\s\u00a0\u202f€]/g, ""))
    .refine((v) => v === "" || /^\d{1,9}$/.test(v), `${label} : indiquez un montant en euros, sans centimes (par exemple 15000).`)
    .transform((v) => (v === "" ? null : Number(v)));

const decimal = (label: string, required: boolean) =>
  z
    .string({ error: `${label} : nombre attendu.` })
    .optional()
    .transform((v) => (v ?? "").trim().replace(",", "."))
    .refine((v) => (required ? v !== "" : true), `${label} : ce champ est obligatoire.`)
    .refine((v) => v === "" || (/^-?\d{1,12}(\.\d{1,6})?$/.test(v) && Number.isFinite(Number(v))), `${label} : nombre attendu (par exemple 12,5).`)
    .transform((v) => (v === "" ? null : Number(v)));

const serviceKind = z.enum(["etat", "region", "collectivite", "sante"], { error: "Fonction publique : choisissez État, Région, collectivité ou santé." });

export const ORG_ROWS = 4;

/** The project's fields, created or edited by the lab team (the form has ORG_ROWS organisation rows). */
export const projectSchema = z
  .object({
    title: requiredText("Titre", 200, 3),
    problem: requiredText("Problème", 5000, 10),
    users: optionalText("Usagers et agents concernés", 2000),
    confidential: z.string().optional().transform((v) => v === "on" || v === "1"),
    lead: emailList("Chef ou cheffe de projet", { max: 1, tooMany: "Chef ou cheffe de projet : une seule adresse." }),
    staff: emailList("Équipe du lab", { max: 10 }),
    experts: emailList("Experts", { max: 10 }),
    budgetRequested: euros("Budget demandé"),
    budgetGranted: euros("Budget accordé"),
    fundingSource: optionalText("Source de financement", 200),
    startsOn: optionalDate("Date de début"),
    endsOn: optionalDate("Date de fin prévue"),
    ...Object.fromEntries(Array.from({ length: ORG_ROWS }, (_, i) => [`org${i}`, z.string().max(100).optional()])),
    ...Object.fromEntries(Array.from({ length: ORG_ROWS }, (_, i) => [`kind${i}`, z.string().max(100).optional()])),
    ...Object.fromEntries(mainStages.flatMap((s) => [[`plannedStart_${s}`, optionalDate("Début prévu")], [`plannedEnd_${s}`, optionalDate("Fin prévue")]])),
  })
  .superRefine((v, ctx) => {
    const r = v as Record<string, unknown>;
    for (let i = 0; i < ORG_ROWS; i++) {
      const org = r[`org${i}`] as string | undefined;
      if (!org) continue;
      if (!isUuid(org)) ctx.addIssue({ code: "custom", path: [`org${i}`], message: "Administration : choisissez une organisation de la liste." });
      if (!serviceKind.safeParse(r[`kind${i}`]).success) ctx.addIssue({ code: "custom", path: [`kind${i}`], message: "Fonction publique : choisissez État, Région, collectivité ou santé." });
    }
    if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "Date de fin prévue : elle doit suivre la date de début." });
    for (const s of mainStages) {
      const a = r[`plannedStart_${s}`] as Date | null;
      const b = r[`plannedEnd_${s}`] as Date | null;
      if (a && b && b < a) ctx.addIssue({ code: "custom", path: [`plannedEnd_${s}`], message: "Fin prévue : elle doit suivre le début prévu." });
    }
  })
  .transform((v) => {
    const r = v as Record<string, unknown>;
    const organizations: { organizationId: string; serviceKind: ServiceKind }[] = [];
    for (let i = 0; i < ORG_ROWS; i++) {
      const org = r[`org${i}`] as string | undefined;
      if (org) organizations.push({ organizationId: org, serviceKind: r[`kind${i}`] as ServiceKind });
    }
    const planned = mainStages.map((s) => ({ stage: s as MainStage, start: (r[`plannedStart_${s}`] as Date | null) ?? null, end: (r[`plannedEnd_${s}`] as Date | null) ?? null }));
    return {
      title: v.title,
      problem: v.problem,
      users: v.users,
      confidential: v.confidential,
      leadEmail: v.lead?.[0] ?? null,
      staffEmails: v.staff ?? [],
      expertEmails: v.experts ?? [],
      budgetRequestedEur: v.budgetRequested,
      budgetGrantedEur: v.budgetGranted,
      fundingSource: v.fundingSource,
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      organizations,
      planned,
    };
  });
export type ProjectInput = z.infer<typeof projectSchema>;

const stageField = z.enum(mainStages, { error: "Étape inconnue." });
const reason = (label: string) => requiredText(label, 2000, 3);

/** The project page's forms. */
export const projectActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("deliverable"),
      stage: stageField,
      label: requiredText("Livrable", 200),
      kind: z.enum(["file", "link", "text", "not_required"], { error: "Forme du livrable : choisissez fichier, lien, texte ou non requis." }),
      body: optionalText("Texte", 10000),
      url: optionalText("Lien", 2000),
    }),
    z.object({ intent: z.literal("journal"), entryOn: dateField("Date"), body: requiredText("Entrée du journal", 5000, 3) }),
    z.object({ intent: z.literal("indicator"), name: requiredText("Nom de l’indicateur", 200, 2), unit: optionalText("Unité", 50), baseline: decimal("Valeur de départ", false), target: decimal("Cible", false) }),
    z.object({ intent: z.literal("measure"), indicatorId: uuidField("Indicateur"), measuredOn: dateField("Date de la mesure"), value: decimal("Valeur mesurée", true) }),
    z.object({ intent: z.literal("attach") }),
    z.object({ intent: z.literal("requestGate") }),
    z.object({
      intent: z.literal("outcome"),
      reviewId: uuidField("Revue"),
      outcome: z.enum(["go", "go_with_conditions", "recycle", "stop"], { error: "Décision : choisissez go, go avec conditions, à retravailler ou arrêt." }),
      conditions: optionalText("Conditions", 3000),
      missing: optionalText("Ce qui manque", 3000),
      reason: optionalText("Motif", 2000),
    }),
    z.object({ intent: z.literal("conditionMet"), conditionId: uuidField("Condition") }),
    z.object({ intent: z.literal("pause"), reason: reason("Motif de la pause") }),
    z.object({ intent: z.literal("stop"), reason: reason("Motif de l’arrêt") }),
    z.object({ intent: z.literal("resume") }),
    z.object({ intent: z.literal("proposeNetwork"), labSlug: requiredText("Lab", 100), message: optionalText("Message au comité", 2000) }),
  ],
  { error: "Action inconnue." },
);
export type ProjectAction = z.infer<typeof projectActionSchema>;

/** A project born from an adopted decision (the lab team's button). */
export const fromDecisionSchema = z.object({ intent: z.literal("fromDecision", { error: "Action inconnue." }), decisionId: uuidField("Décision") });

/** The portfolio's filters, from the query string; anything malformed is ignored. */
export const portfolioQuerySchema = z.object({
  stage: z.enum(stageKeys as [string, ...string[]]).optional().catch(undefined),
  org: z.string().refine(isUuid).optional().catch(undefined),
  staff: z.string().refine(isUuid).optional().catch(undefined),
  overdue: z.literal("1").optional().catch(undefined),
  after: z.string().max(100).optional().catch(undefined),
  before: z.string().max(100).optional().catch(undefined),
  vue: z.enum(["liste", "colonnes"]).optional().catch(undefined),
});

/** The lab's template: one textarea per stage (one deliverable a line) and the strategic gates. */
export const settingsSchema = z
  .object({
    ...Object.fromEntries(mainStages.map((s) => [`template_${s}`, z.string({ error: "Livrables attendus : champ manquant." }).max(3000, "Livrables attendus : 3000 caractères au maximum.")])),
    strategic: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .transform((v, ctx) => {
    const r = v as Record<string, string>;
    const template = Object.fromEntries(mainStages.map((s) => [s, [...new Set((r[`template_${s}`] ?? "").split(/\r?\n/).map((x) => x.trim()).filter(Boolean))].slice(0, 12)])) as Record<MainStage, string[]>;
    const raw = v.strategic === undefined ? [] : Array.isArray(v.strategic) ? v.strategic : [v.strategic];
    const strategic = raw.filter((x): x is MainStage => (mainStages as readonly string[]).includes(x) && x !== "exploration");
    if (strategic.length !== raw.length) {
      ctx.addIssue({ code: "custom", path: ["strategic"], message: "Étapes stratégiques : choisissez des étapes de la liste." });
      return z.NEVER;
    }
    return { template, strategicStages: strategic };
  });
