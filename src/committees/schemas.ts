import { z } from "zod";
import { optionalText, requiredText, uuidField } from "../kernel/forms";
import type { Side } from "./db/schema";

/** A new committee (lab team). */
export const committeeSchema = z.object({
  kind: z.enum(["project", "steering"], { error: "Type : choisissez comité de projet ou comité de pilotage." }),
  name: requiredText("Nom", 150, 3),
  rhythm: optionalText("Rythme", 100),
});

const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;
/**
 * « Membres »: one a line, an address optionally followed by the side (« État » or « Région »):
 * without one, a paritary committee's member sits for the side their organisation tells.
 */
export const membersField = z
  .string({ error: "Membres : texte attendu." })
  .max(5000, "Membres : liste trop longue.")
  .optional()
  .transform((v, ctx) => {
    const out: { email: string; side: Side | null }[] = [];
    for (const raw of (v ?? "").split(/\r?\n/)) {
      const line = raw.trim();
      if (!line) continue;
      const [email, ...rest] = line.split(/[\s,;]+/);
      const sideWord = rest.join(" ").trim().toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      if (!EMAIL.test(email) || email.length > 200) {
        ctx.addIssue({ code: "custom", message: `Membres : « ${email.slice(0, 80)} » n’est pas une adresse électronique valide.` });
        return z.NEVER;
      }
      let side: Side | null = null;
      if (sideWord === "etat") side = "state";
      else if (sideWord === "region") side = "region";
      else if (sideWord) {
        ctx.addIssue({ code: "custom", message: `Membres : après l’adresse ${email}, écrivez « État » ou « Région », ou rien.` });
        return z.NEVER;
      }
      out.push({ email: email.toLowerCase(), side });
    }
    if (out.length > 60) {
      ctx.addIssue({ code: "custom", message: "Membres : 60 au maximum." });
      return z.NEVER;
    }
    return out;
  });

/** The committee's settings (lab team). */
export const committeeSettingsSchema = z
  .object({
    name: requiredText("Nom", 150, 3),
    rhythm: optionalText("Rythme", 100),
    quorumPercent: z.coerce
      .number({ error: "Quorum : nombre attendu." })
      .int("Quorum : nombre entier attendu.")
      .min(1, "Quorum : entre 1 et 100 %.")
      .max(100, "Quorum : entre 1 et 100 %."),
    quorumPerSide: z.literal("on").optional(),
    chair: z
      .string({ error: "Président ou présidente : texte attendu." })
      .trim()
      .max(200, "Président ou présidente : adresse trop longue.")
      .optional()
      .refine((v) => !v || EMAIL.test(v), "Président ou présidente : adresse électronique attendue."),
    members: membersField,
  })
  .transform((v) => ({ name: v.name, rhythm: v.rhythm, quorumPercent: v.quorumPercent, quorumPerSide: v.quorumPerSide === "on", chairEmail: v.chair ? v.chair.toLowerCase() : null, members: v.members ?? [] }));

const time = (label: string) => z.string({ error: `${label} : heure attendue.` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label} : heure attendue au format hh:mm.`);

/** A new meeting. */
export const meetingSchema = z.object({
  day: z.string({ error: "Date : ce champ est obligatoire." }).regex(/^\d{4}-\d{2}-\d{2}$/, "Date : date attendue au format jj/mm/aaaa."),
  startTime: time("Début"),
  endTime: time("Fin"),
  place: optionalText("Lieu", 300),
  videoUrl: z
    .string({ error: "Lien de visioconférence : texte attendu." })
    .trim()
    .max(500, "Lien de visioconférence : 500 caractères au maximum.")
    .optional()
    .transform((v) => v ?? "")
    .refine((v) => !v || /^https:\/\/[^\s]+$/.test(v), "Lien de visioconférence : adresse attendue, commençant par https://."),
});

const count = (label: string) =>
  z
    .string({ error: `${label} : nombre attendu.` })
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? 0 : /^\d+$/.test(v.trim()) ? Number(v.trim()) : -1))
    .pipe(z.number({ error: `${label} : nombre attendu.` }).int(`${label} : nombre entier attendu.`).min(0, `${label} : nombre entier positif ou nul attendu.`).max(500, `${label} : 500 au maximum.`));

const itemId = uuidField("Point");

/** The meeting page's forms, by intent. */
export const meetingActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("addItem"),
      kind: z.enum(["gate_review", "request", "network_project", "free"], { error: "Type de point : choisissez dans la liste." }),
      title: requiredText("Titre", 200, 3),
      summary: optionalText("Dossier", 6000),
      secret: z.literal("on").optional(),
    }),
    z.object({ intent: z.literal("addAwaiting"), kind: z.enum(["gate_review", "request", "network_project"], { error: "Type de point : inconnu." }), subjectId: uuidField("Dossier"), secret: z.literal("on").optional() }),
    z.object({ intent: z.literal("convene") }),
    z.object({
      intent: z.literal("attendance"),
      present: z
        .union([z.string(), z.array(z.string())], { error: "Présents : valeur invalide." })
        .optional()
        .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
        .pipe(z.array(uuidField("Présents")).max(200, "Présents : trop de valeurs.")),
    }),
    z.object({ intent: z.literal("vote"), itemId, choice: z.enum(["for", "against", "abstain"], { error: "Vote : choisissez pour, contre ou abstention." }) }),
    z.object({
      intent: z.literal("secretCounts"),
      itemId,
      state_for: count("Pour (État)"),
      state_against: count("Contre (État)"),
      state_abstain: count("Abstentions (État)"),
      region_for: count("Pour (Région)"),
      region_against: count("Contre (Région)"),
      region_abstain: count("Abstentions (Région)"),
      all_for: count("Pour"),
      all_against: count("Contre"),
      all_abstain: count("Abstentions"),
    }),
    z.object({ intent: z.literal("decide"), itemId, wording: optionalText("Décision", 2000) }),
    z.object({ intent: z.literal("moveItem"), itemId, direction: z.enum(["up", "down"], { error: "Sens : vers le haut ou vers le bas." }) }),
    z.object({ intent: z.literal("removeItem"), itemId }),
    z.object({ intent: z.literal("setSecret"), itemId, secret: z.enum(["on", "off"], { error: "Mode de vote : à main levée ou à bulletin secret." }) }),
  ],
  { error: "Action inconnue." },
);

/** The minutes page's forms. */
export const minutesActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("save"), body: optionalText("Synthèse", 20000) }).catchall(z.unknown()),
    z.object({ intent: z.literal("validate") }),
    z.object({ intent: z.literal("approveNext") }),
    z.object({
      intent: z.literal("correct"),
      decisionId: uuidField("Décision"),
      adopted: z.enum(["yes", "no"], { error: "Correction : dites si la décision est adoptée ou non." }),
      wording: requiredText("Décision corrigée", 2000, 3),
    }),
  ],
  { error: "Action inconnue." },
);

/** Each item's discussion, from the fields « discussion-<itemId> » of the minutes form. */
export function discussionsOf(fd: FormData): { ok: true; value: Record<string, string> } | { ok: false; field: string } {
  const out: Record<string, string> = {};
  for (const [key, value] of fd.entries()) {
    if (!key.startsWith("discussion-")) continue;
    if (typeof value !== "string" || value.length > 10000 || value.includes("\u0000")) return { ok: false, field: key };
    out[key.slice("discussion-".length)] = value.trim();
  }
  return { ok: true, value: out };
}
