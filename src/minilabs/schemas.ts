import { z } from "zod";
import { dateField, requiredText } from "../kernel/forms";

const emails = z
  .string({ error: "Animateurs : texte attendu." })
  .max(2000, "Animateurs : liste trop longue.")
  .optional()
  .transform((v, ctx) => {
    const parts = [...new Set((v ?? "").split(/[\s,;]+/).map((s) => s.trim().toLowerCase()).filter(Boolean))];
    const bad = parts.find((p) => !z.email().safeParse(p).success);
    if (bad) {
      ctx.addIssue({ code: "custom", message: `Animateurs : « ${bad.slice(0, 80)} » n’est pas une adresse électronique valide.` });
      return z.NEVER;
    }
    if (parts.length > 10) {
      ctx.addIssue({ code: "custom", message: "Animateurs : 10 au maximum." });
      return z.NEVER;
    }
    return parts;
  });

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
