/** Every trainings form is one zod schema, with French messages. */
import { z } from "zod";
import { dateField, emailList, optionalText, parisMidnight, requiredText, uuidField } from "../kernel/forms";
import { sides, type Side } from "./permissions";

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "1");

const list = <T,>(item: z.ZodType<T, string>) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(item).max(1000, "Trop de valeurs."));

const side = (label: string) => z.enum(sides as [Side, ...Side[]], { error: `${label} : choisissez dans la liste.` });

const hours = (label: string, max: number) =>
  z
    .string({ error: `${label} : nombre attendu.` })
    .trim()
    .transform((v) => v.replace(",", "."))
    .refine((v) => /^\d{1,3}(\.\d{1,2})?$/.test(v) && Number(v) > 0 && Number(v) <= max, `${label} : un nombre d’heures entre 0,5 et ${max}.`)
    .transform(Number);

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} : nombre attendu.` })
    .trim()
    .refine((v) => /^\d{1,4}$/.test(v) && Number(v) >= min && Number(v) <= max, `${label} : un nombre entier de ${min} à ${max}.`)
    .transform(Number);

export const formatLabels = { presentiel: "Présentiel", distanciel: "Distanciel" } as const;

export const trainingSchema = z.object({
  title: requiredText("Titre", 200, 3),
  objectives: optionalText("Objectifs", 5000),
  methods: z
    .string({ error: "Méthodes enseignées : texte attendu." })
    .max(3000, "Méthodes enseignées : 3000 caractères au maximum.")
    .optional()
    .transform((v) => [...new Set((v ?? "").split(/\r?\n/).map((s) => s.trim()).filter(Boolean))])
    .refine((l) => l.length <= 20, "Méthodes enseignées : 20 au maximum.")
    .refine((l) => l.every((m) => m.length <= 120), "Méthodes enseignées : 120 caractères au maximum par méthode."),
  audience: optionalText("Public", 1000),
  format: z.enum(["presentiel", "distanciel"], { error: "Format : choisissez présentiel ou distanciel." }),
  durationHours: hours("Durée", 500),
  side: side("Administration qui organise"),
  openTo: list(side("Offre réciproque")),
  confirmHours: wholeNumber("Délai pour confirmer une place libérée", 1, 720),
  managerApproval: checkbox,
  published: checkbox,
});
export type TrainingInput = z.infer<typeof trainingSchema>;

const time = (label: string) => z.string({ error: `${label} : heure attendue.` }).trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label} : heure attendue au format hh:mm.`);

const url = (label: string) =>
  z
    .string({ error: `${label} : adresse attendue.` })
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || (/^https?:\/\//i.test(v) && z.url().safeParse(v).success && v.length <= 1000), `${label} : une adresse web commençant par https:// ou http://.`)
    .transform((v) => (v === "" ? null : v));

const at = (day: Date, hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return new Date(day.getTime() + (h * 60 + m) * 60_000);
};

export const sessionSchema = z
  .object({
    startDate: dateField("Date de début"),
    startTime: time("Heure de début"),
    endDate: z
      .string({ error: "Date de fin : date attendue." })
      .optional()
      .transform((v) => (v ?? "").trim()),
    endTime: time("Heure de fin"),
    place: optionalText("Lieu", 300),
    link: url("Lien de la visioconférence"),
    capacity: wholeNumber("Nombre de places", 1, 1000),
    trainers: emailList("Formateurs et formatrices", { max: 10 }),
  })
  .transform((v, ctx) => {
    const endDay = v.endDate ? (/^\d{4}-\d{2}-\d{2}$/.test(v.endDate) ? parisMidnight(v.endDate) : null) : v.startDate;
    if (!endDay) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "Date de fin : date attendue au format jj/mm/aaaa." });
      return z.NEVER;
    }
    const startsAt = at(v.startDate, v.startTime);
    const endsAt = at(endDay, v.endTime);
    if (endsAt <= startsAt) {
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "Heure de fin : la session doit finir après son début." });
      return z.NEVER;
    }
    if (endsAt.getTime() - startsAt.getTime() > 31 * 86_400_000) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "Date de fin : une session dure un mois au plus." });
      return z.NEVER;
    }
    return { startsAt, endsAt, place: v.place, link: v.link, capacity: v.capacity, trainers: v.trainers ?? [] };
  });
export type SessionInput = z.infer<typeof sessionSchema>;

/** An agent's step on a session: register (with their manager's address when the training asks for it), cancel, confirm an offered seat. */
export const seatActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("register"),
    sessionId: uuidField("Session"),
    managerEmail: z
      .string({ error: "Adresse de votre responsable : texte attendu." })
      .trim()
      .toLowerCase()
      .max(320, "Adresse de votre responsable : 320 caractères au maximum.")
      .optional()
      .transform((v) => v ?? "")
      .refine((v) => v === "" || z.email().safeParse(v).success, "Adresse de votre responsable : adresse électronique invalide."),
  }),
  z.object({ intent: z.literal("cancel"), sessionId: uuidField("Session") }),
  z.object({ intent: z.literal("confirm"), sessionId: uuidField("Session") }),
], { error: "Action inconnue." });
export type SeatAction = z.infer<typeof seatActionSchema>;

/** The attendance sheet: the agents present (the others are absent); « clore » closes it and tells the session held. */
export const attendanceSchema = z.object({
  present: list(uuidField("Présents")),
  close: checkbox,
});
export type AttendanceInput = z.infer<typeof attendanceSchema>;

export const approvalDecisionSchema = z.object({
  decision: z.enum(["approve", "refuse"], { error: "Décision : choisissez d’accorder ou de refuser." }),
});

/** The reciprocal offer's balance: a calendar year. */
export const balanceQuerySchema = z.object({
  year: z
    .string()
    .optional()
    .transform((v) => (v && /^\d{4}$/.test(v) ? Number(v) : null))
    .refine((v) => v === null || (v >= 2000 && v <= 2100), "Année invalide."),
});

export const catalogueQuerySchema = z.object({
  ouvertes: z
    .string()
    .optional()
    .transform((v) => v === "1" || v === "on"),
  format: z
    .string()
    .optional()
    .transform((v) => (v === "presentiel" || v === "distanciel" ? v : null)),
  lab: z
    .string()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((v) => v || null),
});
