import { z } from "zod";
import { dateField, emailList, requiredText } from "../kernel/forms";

const emails = emailList("Animateurs", { max: 10 });

/** A new Mini-Lab: from a published theme (or none), its question, facilitators, cycle and directorates. */
export const newMinilabSchema = z.object({
  themeId: z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.string().regex(/^[0-9a-f-]{36}$/i, "Thème : choisissez un thème de la liste.").nullable()),
  name: requiredText("Nom", 120, 3),
  question: requiredText("Question travaillée", 1000, 10),
  joinPolicy: z.enum(["open", "request"], { error: "Adhésion : choisissez une option." }),
  visibility: z.enum(["public", "private"], { error: "Visibilité : choisissez une option." }).default("public"),
  facilitators: emails,
  sessionsFrom: dateField("Début des sessions"),
  sessionsUntil: dateField("Fin des sessions"),
  restitutionOn: dateField("Restitution"),
  arbitrationOn: dateField("Arbitrage"),
  directorates: z
    .string({ error: "Directions concernées : texte attendu." })
    .max(2000, "Directions concernées : liste trop longue.")
    .optional()
    .transform((v) => [...new Set((v ?? "").split(/\n|;/).map((s) => s.trim()).filter(Boolean))].slice(0, 20)),
});

export const memberIntentSchema = z.object({
  intent: z.enum(["join", "decline", "leave", "accept", "refuse"], { error: "Action inconnue." }),
  userId: z.string().regex(/^[0-9a-f-]{36}$/i, "Agent : valeur invalide.").optional(),
});

/** The lab team or a facilitator invites agents by email (up to 50 at once). */
export const inviteSchema = z.object({
  intent: z.literal("invite"),
  emails: emailList("Adresses", { max: 50, min: 1, maxLength: 5000, tooMany: "Adresses : 50 au maximum à la fois." }),
});
