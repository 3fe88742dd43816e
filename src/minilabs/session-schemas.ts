import { z } from "zod";
import { optionalText, parisMidnight, requiredText, uuidField } from "../kernel/forms";
import { boardColumnKeys, NOTE_MAX } from "./board";

const listOf = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A session: title, day and time (Paris), duration, place and/or video link, agenda, methods, dots. */
export const sessionSchema = z
  .object({
    title: requiredText("Titre", 120, 3),
    day: z.string({ error: "Date : ce champ est obligatoire." }).regex(/^\d{4}-\d{2}-\d{2}$/, "Date : date attendue au format jj/mm/aaaa."),
    time: z.string({ error: "Heure : ce champ est obligatoire." }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Heure : heure attendue au format hh:mm."),
    durationMinutes: z.coerce
      .number({ error: "Durée : un nombre de minutes est attendu." })
      .int("Durée : un nombre entier de minutes.")
      .min(15, "Durée : 15 minutes au moins.")
      .max(600, "Durée : 10 heures au plus."),
    place: optionalText("Lieu", 200),
    videoUrl: optionalText("Lien de visioconférence", 500).pipe(
      z.string().refine((v) => v === "" || /^https:\/\/[^\s]+$/.test(v), "Lien de visioconférence : une adresse commençant par https:// est attendue."),
    ),
    agenda: optionalText("Ordre du jour", 4000),
    methods: z.preprocess(listOf, z.array(z.string().max(120, "Méthodes : nom trop long.")).max(12, "Méthodes : 12 au plus.")),
    dots: z.coerce.number({ error: "Gommettes : un nombre est attendu." }).int("Gommettes : un nombre entier.").min(1, "Gommettes : 1 au moins.").max(20, "Gommettes : 20 au plus."),
  })
  .transform((v, ctx) => {
    const midnight = parisMidnight(v.day);
    if (!midnight) {
      ctx.addIssue({ code: "custom", path: ["day"], message: "Date : cette date n’existe pas." });
      return z.NEVER;
    }
    if (!v.place && !v.videoUrl) {
      ctx.addIssue({ code: "custom", path: ["place"], message: "Lieu : indiquez un lieu ou un lien de visioconférence." });
      return z.NEVER;
    }
    const [h, m] = v.time.split(":").map(Number);
    // Paris midnight plus the hours: exact except on the two nights the clocks change.
    const startsAt = new Date(midnight.getTime() + (h * 60 + m) * 60_000);
    return { title: v.title, startsAt, durationMinutes: v.durationMinutes, place: v.place || null, videoUrl: v.videoUrl || null, agenda: v.agenda, methods: [...new Set(v.methods)], dots: v.dots };
  });

export const attendanceSchema = z.object({
  present: z.preprocess(listOf, z.array(uuidField("Présents")).max(2000, "Présents : liste trop longue.")),
});

export const notesSchema = z.object({ notes: optionalText("Compte rendu", 20_000) });

export const methodSchema = z.object({
  label: requiredText("Nom de la méthode", 80, 2),
  description: optionalText("Description", 500),
});

const column = z.enum(boardColumnKeys as [string, ...string[]], { error: "Colonne : choisissez une colonne du tableau." });
const noteText = requiredText("Texte du post-it", NOTE_MAX);

/** Every change to the board, by its intent. */
export const boardIntentSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("add"), column, text: noteText }),
    z.object({ intent: z.literal("edit"), noteId: uuidField("Post-it"), text: noteText }),
    z.object({ intent: z.literal("delete"), noteId: uuidField("Post-it") }),
    z.object({ intent: z.literal("move"), noteId: uuidField("Post-it"), column, index: z.coerce.number().int().min(0).max(100_000).optional() }),
    z.object({ intent: z.literal("up"), noteId: uuidField("Post-it") }),
    z.object({ intent: z.literal("down"), noteId: uuidField("Post-it") }),
    z.object({ intent: z.literal("vote"), noteId: uuidField("Post-it") }),
    z.object({ intent: z.literal("open"), open: z.enum(["true", "false"]) }),
  ],
  { error: "Action inconnue." },
);
export type BoardIntent = z.infer<typeof boardIntentSchema>;
