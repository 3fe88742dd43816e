import { z } from "zod";
import { dateField, optionalText, requiredText } from "../kernel/forms";
import { outcomeKeys } from "./arbitration";

/** A proposal of a Mini-Lab: every text is required, the cost amount is optional (whole euros). */
export const proposalSchema = z
  .object({
    title: requiredText("Titre", 150, 5),
    problem: requiredText("Problème", 4000, 20),
    solution: requiredText("Solution proposée", 6000, 20),
    impact: requiredText("Impact attendu", 3000, 10),
    resources: requiredText("Moyens et coût estimé", 3000, 5),
    cost: z
      .string({ error: "Montant estimé : nombre attendu." })
      .optional()
      .transform((v, ctx) => {
        const s = (v ?? "").replace(/[\s\u00a0\u202f]/g, "").replace(/€$/, "");
        if (!s) return null;
        if (!/^\d{1,10}$/.test(s) || Number(s) > 1_000_000_000) {
          ctx.addIssue({ code: "custom", message: "Montant estimé : un nombre entier d’euros, sans décimales (par exemple 12000)." });
          return z.NEVER;
        }
        return Number(s);
      }),
    directorate: requiredText("Direction concernée", 200),
  })
  .transform((v) => ({
    title: v.title,
    problem: v.problem,
    solution: v.solution,
    impact: v.impact,
    resources: v.resources,
    costEur: v.cost ?? null,
    directorate: v.directorate,
  }));

export const proposalIntentSchema = z.object({ intent: z.enum(["submit", "decide"], { error: "Action inconnue." }) });

/** A director's decision: a reason always; a follow-up owner and a due date when adopted. */
export const decisionSchema = z
  .object({
    outcome: z.enum(outcomeKeys as [string, ...string[]], { error: "Décision : choisissez une option." }),
    reason: requiredText("Motif", 4000, 5),
    followUpOwner: optionalText("Responsable du suivi", 254),
    followUpDue: z.string({ error: "Échéance du suivi : date attendue." }).optional(),
    corrects: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(
        z
          .string()
          .regex(/^[0-9a-f-]{36}$/i, "Décision corrigée : valeur invalide.")
          .nullable(),
      ),
  })
  .superRefine((v, ctx) => {
    if (v.outcome !== "adopted" && v.outcome !== "adopted_modified") return;
    if (!v.followUpOwner) ctx.addIssue({ code: "custom", path: ["followUpOwner"], message: "Responsable du suivi : obligatoire quand la proposition est adoptée." });
    else if (!z.email().safeParse(v.followUpOwner.toLowerCase()).success) ctx.addIssue({ code: "custom", path: ["followUpOwner"], message: "Responsable du suivi : adresse électronique invalide." });
    if (!v.followUpDue) ctx.addIssue({ code: "custom", path: ["followUpDue"], message: "Échéance du suivi : obligatoire quand la proposition est adoptée." });
    else if (!dateField("Échéance du suivi").safeParse(v.followUpDue).success)
      ctx.addIssue({ code: "custom", path: ["followUpDue"], message: "Échéance du suivi : date attendue au format jj/mm/aaaa." });
  })
  .transform((v) => {
    const adopted = v.outcome === "adopted" || v.outcome === "adopted_modified";
    const due = adopted && v.followUpDue ? dateField("Échéance du suivi").parse(v.followUpDue) : null;
    return {
      outcome: v.outcome as (typeof outcomeKeys)[number],
      reason: v.reason,
      followUpEmail: adopted ? v.followUpOwner.toLowerCase() : null,
      followUpDue: due,
      correctsId: v.corrects,
    };
  });
