import { z } from "zod";
import { requiredText, optionalText } from "../kernel/forms";

const emailList = z
  .string()
  .max(2000, "Co-auteurs : liste trop longue.")
  .optional()
  .transform((v, ctx) => {
    const parts = (v ?? "")
      .split(/[\s,;]+/)
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    const bad = parts.find((p) => !z.email().safeParse(p).success);
    if (bad) {
      ctx.addIssue({ code: "custom", message: `Co-auteurs : « ${bad} » n’est pas une adresse électronique valide.` });
      return z.NEVER;
    }
    if (parts.length > 5) {
      ctx.addIssue({ code: "custom", message: "Co-auteurs : 5 au maximum." });
      return z.NEVER;
    }
    return [...new Set(parts)];
  });

/** The idea form. A draft needs only a title; a submitted idea needs the problem and the proposal. */
export const ideaFormSchema = z
  .object({
    title: requiredText("Titre", 150, 5),
    problem: optionalText("Problème constaté", 4000),
    proposal: optionalText("Proposition", 6000),
    beneficiaries: optionalText("Bénéficiaires", 500),
    coauthors: emailList,
    intent: z.enum(["draft", "submit"], { error: "Action inconnue." }),
  })
  .superRefine((v, ctx) => {
    if (v.intent !== "submit") return;
    if (v.problem.length < 20) ctx.addIssue({ code: "custom", path: ["problem"], message: "Problème constaté : décrivez-le en au moins 20 caractères." });
    if (v.proposal.length < 20) ctx.addIssue({ code: "custom", path: ["proposal"], message: "Proposition : décrivez-la en au moins 20 caractères." });
    if (v.beneficiaries.length < 3) ctx.addIssue({ code: "custom", path: ["beneficiaries"], message: "Bénéficiaires : indiquez à qui l’idée profite." });
  })
  .transform((v) => ({
    title: v.title,
    problem: v.problem,
    proposal: v.proposal,
    beneficiaries: v.beneficiaries,
    coauthorEmails: v.coauthors ?? [],
    submit: v.intent === "submit",
  }));

/**
 * « Vérifier les idées proches » in the idea form (no JavaScript): the texts typed so far, nothing
 * required beyond a few words; the form is shown again with every field kept.
 */
export const similarFormSchema = z
  .object({
    title: optionalText("Titre", 150),
    problem: optionalText("Problème constaté", 4000),
    proposal: optionalText("Proposition", 6000),
  })
  .superRefine((v, ctx) => {
    if ((v.title + v.problem + v.proposal).length < 12)
      ctx.addIssue({ code: "custom", path: ["title"], message: "Titre : écrivez au moins quelques mots (12 caractères) pour chercher des idées proches." });
  });

/** /idees/proches?titre=…&texte=…&idee=… (the live list, with JavaScript). Over-long texts are cut, not refused. */
export const similarQuerySchema = z.object({
  titre: z.string().optional().catch(undefined).transform((v) => (v ?? "").trim().slice(0, 150)),
  texte: z.string().optional().catch(undefined).transform((v) => (v ?? "").trim().slice(0, 10_000)),
  idee: z.uuid().optional().catch(undefined),
});

export const commentSchema = z.object({
  body: requiredText("Commentaire", 3000, 2),
});

export const moderationSchema = z.object({
  reason: requiredText("Motif", 500, 5),
});

export const ideaListSchema = z.object({
  q: z.string().max(200).optional().catch(undefined),
  campagne: z.string().optional().catch(undefined),
  statut: z.enum(["submitted", "under_review", "awarded", "not_awarded"]).optional().catch(undefined),
  organisation: z.string().optional().catch(undefined),
  tri: z.enum(["recent", "supported", "relevance"]).optional().catch(undefined),
  /** Keyset cursors (see listIdeas): the page after this idea, or the page before it. */
  apres: z.string().max(200).regex(/^[A-Za-z0-9_-]+$/).optional().catch(undefined),
  avant: z.string().max(200).regex(/^[A-Za-z0-9_-]+$/).optional().catch(undefined),
});
