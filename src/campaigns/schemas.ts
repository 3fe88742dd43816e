import { z } from "zod";
import { dateField, optionalText, requiredText, uuidField } from "../kernel/forms";

const criterion = z.object({
  label: z.string().trim().max(120, "Critère : 120 caractères au maximum."),
  weight: z.string().trim().optional(),
});

/** One schema for the campaign form, shared by creation and editing. */
export const campaignFormSchema = z
  .object({
    title: requiredText("Titre", 160, 5),
    summary: requiredText("Résumé", 400, 10),
    description: requiredText("Description", 8000, 10),
    rules: optionalText("Règlement", 8000),
    opensAt: dateField("Date d’ouverture"),
    closesAt: dateField("Date de clôture"),
    scaleMax: z.coerce
      .number({ error: "Barème : nombre attendu." })
      .int("Barème : nombre entier attendu.")
      .min(2, "Barème : au moins 2 points.")
      .max(20, "Barème : 20 points au maximum."),
    organizationIds: z.array(uuidField("Organisation")).max(200).default([]),
    criteria: z.array(criterion).max(10, "10 critères au maximum."),
  })
  .superRefine((v, ctx) => {
    if (v.closesAt <= v.opensAt) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "Date de clôture : elle doit suivre la date d’ouverture." });
    const filled = v.criteria.filter((c) => c.label);
    if (filled.length === 0) ctx.addIssue({ code: "custom", path: ["criteria.0.label"], message: "Critères : indiquez au moins un critère d’évaluation." });
    v.criteria.forEach((c, i) => {
      if (!c.label) return;
      const w = Number(c.weight);
      if (!c.weight || !Number.isInteger(w) || w < 1 || w > 100)
        ctx.addIssue({ code: "custom", path: ["criteria", i, "weight"], message: `Poids du critère ${i + 1} : entier de 1 à 100.` });
    });
  })
  .transform((v) => ({
    ...v,
    criteria: v.criteria.filter((c) => c.label).map((c) => ({ label: c.label, weight: Number(c.weight) })),
  }));

/** Reads the flat form (criteria.0.label, organizationIds repeated) into the schema's shape. */
export function campaignFormShape(fd: FormData) {
  const criteria: { label: FormDataEntryValue | null; weight: FormDataEntryValue | null }[] = [];
  for (let i = 0; i < 10; i++) {
    if (!fd.has(`criteria.${i}.label`)) continue;
    criteria[i] = { label: fd.get(`criteria.${i}.label`), weight: fd.get(`criteria.${i}.weight`) };
  }
  return {
    title: fd.get("title"),
    summary: fd.get("summary"),
    description: fd.get("description"),
    rules: fd.get("rules") ?? undefined,
    opensAt: fd.get("opensAt"),
    closesAt: fd.get("closesAt"),
    scaleMax: fd.get("scaleMax"),
    organizationIds: fd.getAll("organizationIds"),
    criteria: criteria.filter(Boolean),
  };
}

export const extendSchema = z.object({ closesAt: dateField("Nouvelle date de clôture") });
