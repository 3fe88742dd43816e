import { z } from "zod";
import { optionalText, requiredText, uuidField } from "../kernel/forms";
import { isUuid } from "../kernel/ids";
import { expertKinds, levelKeys, type ExpertKind, type Level } from "./db/schema";

/** The directory's filters, from the address: a malformed one is ignored, never an error. */
export function readDirectoryQuery(url: URL) {
  const id = (name: string) => {
    const v = url.searchParams.get(name);
    return v && isUuid(v) ? v : null;
  };
  const site = (url.searchParams.get("site") ?? "").trim().replaceAll("\u0000", "").slice(0, 120);
  const page = Number(url.searchParams.get("page") ?? "1");
  return {
    skill: id("competence"),
    organization: id("organisation"),
    site: site || null,
    willing: url.searchParams.get("aide") === "1",
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}
export type DirectoryFilters = ReturnType<typeof readDirectoryQuery>;

const checkbox = z
  .union([z.literal("on"), z.literal("1"), z.literal(""), z.undefined()], { error: "Case à cocher : valeur invalide." })
  .transform((v) => v === "on" || v === "1");
const body = requiredText("Message", 4000, 2);

export const mySkillsActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("declare"),
      skillId: uuidField("Compétence"),
      level: z.enum(levelKeys as [Level, ...Level[]], { error: "Niveau : choisissez un niveau." }),
      willing: checkbox,
    }),
    z.object({ intent: z.literal("withdraw"), skillId: uuidField("Compétence") }),
    z.object({
      intent: z.literal("profile"),
      expert: checkbox,
      domains: optionalText("Domaines d’expertise", 1000),
      availability: optionalText("Disponibilité", 300),
    }),
  ],
  { error: "Action inconnue." },
);
export type MySkillsAction = z.infer<typeof mySkillsActionSchema>;

export const contactSchema = z.object({ body });
export const replySchema = z.object({ body });

export const labSkillsActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("addSkill"), label: requiredText("Compétence", 80, 2) }),
    z.object({
      intent: z.literal("addExpert"),
      name: requiredText("Nom", 120, 2),
      affiliation: optionalText("Rattachement", 200),
      kind: z.enum(Object.keys(expertKinds) as [ExpertKind, ...ExpertKind[]], { error: "Profil : choisissez un profil." }),
      domains: requiredText("Domaines", 1000, 2),
      availability: optionalText("Disponibilité", 300),
    }),
    z.object({ intent: z.literal("removeExpert"), expertId: uuidField("Expert") }),
  ],
  { error: "Action inconnue." },
);
export type LabSkillsAction = z.infer<typeof labSkillsActionSchema>;
