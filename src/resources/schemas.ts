import { z } from "zod";
import { optionalText, requiredText, uuidField } from "../kernel/forms";
import { resourceKindKeys, type ResourceKind } from "./db/schema";

const kind = z.enum(resourceKindKeys as [ResourceKind, ...ResourceKind[]], { error: "Type : choisissez un type de ressource." });

/** The library's filters, from the address: a malformed one is ignored, never an error. */
export function readLibraryQuery(url: URL) {
  const text = (name: string, max: number) => {
    const v = (url.searchParams.get(name) ?? "").trim().replaceAll("\u0000", "");
    return v ? v.slice(0, max) : null;
  };
  const k = url.searchParams.get("type");
  const page = Number(url.searchParams.get("page") ?? "1");
  return {
    terms: text("q", 200),
    kind: k && (resourceKindKeys as string[]).includes(k) ? (k as ResourceKind) : null,
    tag: text("etiquette", 40),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}
export type LibraryFilters = ReturnType<typeof readLibraryQuery>;

export const createResourceSchema = z.object({
  intent: z.literal("create"),
  kind,
  title: requiredText("Titre", 200, 2),
});

/** Tags typed in one field, separated by commas: lower-cased, without repeats, 12 at most. */
const tags = z
  .string({ error: "Étiquettes : texte attendu." })
  .max(600, "Étiquettes : liste trop longue.")
  .optional()
  .transform((v, ctx) => {
    const list = [...new Set((v ?? "").split(",").map((t) => t.trim().toLowerCase().replace(/\s+/g, " ")).filter(Boolean))];
    if (list.some((t) => t.length > 40)) {
      ctx.addIssue({ code: "custom", message: "Étiquettes : 40 caractères au plus chacune." });
      return z.NEVER;
    }
    if (list.length > 12) {
      ctx.addIssue({ code: "custom", message: "Étiquettes : 12 au plus." });
      return z.NEVER;
    }
    return list;
  });

export const saveResourceSchema = z.object({
  intent: z.literal("save"),
  title: requiredText("Titre", 200, 2),
  summary: optionalText("En bref", 1000),
  objective: optionalText("Objectif", 3000),
  when_to_use: optionalText("Quand l’utiliser", 3000),
  duration: optionalText("Durée", 100),
  group_size: optionalText("Taille du groupe", 100),
  material: optionalText("Matériel", 3000),
  steps: optionalText("Déroulé", 10_000),
  variants: optionalText("Variantes", 5000),
  body: optionalText("Description", 10_000),
  problem: optionalText("Problème", 5000),
  result: optionalText("Résultat", 5000),
  indicators: optionalText("Indicateurs", 5000),
  tags,
  visibility: z.enum(["agents", "public"], { error: "Visibilité : choisissez qui peut lire la fiche." }),
});
export type SaveResourceInput = z.infer<typeof saveResourceSchema>;

export const resourceActionSchema = z.discriminatedUnion(
  "intent",
  [
    saveResourceSchema,
    z.object({ intent: z.literal("publish") }),
    z.object({ intent: z.literal("unpublish") }),
    z.object({ intent: z.literal("archive") }),
    z.object({ intent: z.literal("restore") }),
    z.object({ intent: z.literal("upload") }),
    z.object({ intent: z.literal("removeFile"), fileId: uuidField("Fichier") }),
  ],
  { error: "Action inconnue." },
);
export type ResourceAction = z.infer<typeof resourceActionSchema>;

export const caseStudySchema = z.object({
  intent: z.literal("caseStudy"),
  projectId: uuidField("Projet"),
});

export const labLibraryActionSchema = z.discriminatedUnion("intent", [createResourceSchema, caseStudySchema], { error: "Action inconnue." });
