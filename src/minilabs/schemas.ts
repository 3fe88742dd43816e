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
  emails: z
    .string({ error: "Adresses : texte attendu." })
    .max(5000, "Adresses : liste trop longue.")
    .transform((v, ctx) => {
      const parts = [...new Set(v.split(/[\s,;]+/).map((s) => s.trim().toLowerCase()).filter(Boolean))];
      const bad = parts.find((p) => !z.email().safeParse(p).success);
      if (bad) {
        ctx.addIssue({ code: "custom", message: `Adresses : « ${bad.slice(0, 80)} » n’est pas une adresse électronique valide.` });
        return z.NEVER;
      }
      if (parts.length === 0) {
        ctx.addIssue({ code: "custom", message: "Adresses : indiquez au moins une adresse électronique." });
        return z.NEVER;
      }
      if (parts.length > 50) {
        ctx.addIssue({ code: "custom", message: "Adresses : 50 au maximum à la fois." });
        return z.NEVER;
      }
      return parts;
    }),
});
