import { z } from "zod";
import { optionalText, requiredText, uuidField } from "../kernel/forms";

const kField = z
  .string({ error: "Nombre de thèmes : valeur attendue." })
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v || v === "auto") return null;
    if (!/^\d{1,2}$/.test(v) || Number(v) < 2 || Number(v) > 30) {
      ctx.addIssue({ code: "custom", message: "Nombre de thèmes : un nombre entre 2 et 30, ou « automatique »." });
      return z.NEVER;
    }
    return Number(v);
  });

/** New analysis: which campaigns, which ideas, how many themes. */
export const newAnalysisSchema = z.object({
  title: optionalText("Titre", 200),
  campaignIds: z.array(uuidField("Campagne")).min(1, "Campagnes : cochez au moins une campagne.").max(50, "Campagnes : 50 au maximum."),
  scope: z.enum(["not_awarded", "all"], { error: "Idées analysées : choisissez une option." }),
  k: kField,
});
export const readNewAnalysis = (fd: FormData) => ({
  title: fd.get("title") ?? undefined,
  campaignIds: fd.getAll("campaignIds"),
  scope: fd.get("scope") ?? undefined,
  k: fd.get("k") ?? undefined,
});

export const rerunSchema = z.object({ intent: z.literal("rerun"), k: kField });
export const renameSchema = z.object({ intent: z.literal("rename"), themeId: uuidField("Thème"), label: requiredText("Nouveau nom", 120, 3) });
export const mergeSchema = z.object({
  intent: z.literal("merge"),
  themeId: uuidField("Thème"),
  otherId: uuidField("Thème à fusionner"),
});
export const moveSchema = z.object({
  intent: z.literal("move"),
  ideaId: uuidField("Idée"),
  target: z.union([z.literal("a-classer"), uuidField("Thème de destination")], { error: "Thème de destination : choisissez un thème." }),
});
export const themeIntentSchema = z.object({ intent: z.enum(["validate", "unvalidate", "split"]), themeId: uuidField("Thème") });
