import { z } from "zod";
import { optionalText, requiredText, uuidField } from "../kernel/forms";
import { requestKindKeys } from "./labels";
import type { RequestKind } from "./db/schema";

const kind = z.enum(requestKindKeys as [RequestKind, ...RequestKind[]], { error: "Type d’aide : choisissez dans la liste." });
const email = (label: string) =>
  z
    .string({ error: `${label} : ce champ est obligatoire.` })
    .trim()
    .toLowerCase()
    .max(200, `${label} : 200 caractères au maximum.`)
    .pipe(z.email(`${label} : adresse électronique invalide.`));

/** The request form: a draft needs a lab, a kind and a title; submitting needs the rest. */
export const requestSchema = z
  .object({
    labId: uuidField("Lab"),
    kind,
    title: requiredText("Titre", 200, 5),
    context: optionalText("Contexte et problème", 5000),
    affected: optionalText("Qui est concerné", 2000),
    success: optionalText("Ce que serait une réussite", 2000),
    timing: optionalText("Calendrier souhaité", 500),
    sponsorEmail: z
      .string()
      .trim()
      .toLowerCase()
      .max(200, "Commanditaire : 200 caractères au maximum.")
      .optional()
      .transform((v) => v ?? "")
      .refine((v) => v === "" || z.email().safeParse(v).success, "Commanditaire : adresse électronique invalide."),
    otherAdministrations: optionalText("Autres administrations concernées", 1000),
    intent: z.enum(["draft", "submit"], { error: "Action inconnue." }),
  })
  .superRefine((v, ctx) => {
    if (v.intent !== "submit") return;
    if (v.context.length < 30) ctx.addIssue({ code: "custom", path: ["context"], message: "Contexte et problème : décrivez la situation en 30 caractères au moins." });
    if (!v.affected) ctx.addIssue({ code: "custom", path: ["affected"], message: "Qui est concerné : ce champ est obligatoire." });
    if (!v.success) ctx.addIssue({ code: "custom", path: ["success"], message: "Ce que serait une réussite : ce champ est obligatoire." });
    if (!v.sponsorEmail) ctx.addIssue({ code: "custom", path: ["sponsorEmail"], message: "Commanditaire : indiquez l’adresse électronique de la personne qui soutient la demande dans votre hiérarchie." });
  });
export type RequestInput = z.infer<typeof requestSchema>;

export const messageSchema = z.object({ body: requiredText("Message", 10000) });
export const noteSchema = z.object({ note: requiredText("Note interne", 10000) });
export const opinionSchema = z.object({ opinion: requiredText("Avis", 10000) });
export const qualifySchema = z.object({ question: optionalText("Question au demandeur", 10000) });
export const acceptSchema = z.object({
  outcome: z.enum(["project", "workshop"], { error: "Suite donnée : choisissez un projet accompagné ou un atelier ponctuel réalisé." }),
  acceptMessage: optionalText("Message au demandeur", 10000),
});
export const declineSchema = z.object({ reason: requiredText("Motif", 2000, 10) });
export const reorientSchema = z.object({ toLabId: uuidField("Lab destinataire"), reorientMessage: optionalText("Message au demandeur", 10000) });
export const expertSchema = z.object({ email: email("Expert") });
export const assignSchema = z.object({ assigneeId: z.union([z.literal(""), uuidField("Responsable")]) });
export const settingsSchema = z.object({
  answerDays: z.coerce
    .number({ error: "Délai de réponse : nombre de jours ouvrés attendu." })
    .int("Délai de réponse : nombre entier de jours ouvrés.")
    .min(1, "Délai de réponse : au moins 1 jour ouvré.")
    .max(60, "Délai de réponse : 60 jours ouvrés au maximum."),
  summary: optionalText("Ce que fait le lab", 600),
});
