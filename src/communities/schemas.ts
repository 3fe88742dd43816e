import { z } from "zod";
import { emailList, optionalText, parisMidnight, requiredText, uuidField } from "../kernel/forms";

const animatorEmails = emailList("Animateurs", { max: 10 });

/** A community, created or edited by the lab team. */
export const communitySchema = z
  .object({
    name: requiredText("Nom", 120, 3),
    profession: requiredText("Métier", 200, 3),
    description: optionalText("Présentation", 3000),
    animators: animatorEmails,
  })
  .transform((v) => ({ name: v.name, profession: v.profession, description: v.description, animatorEmails: v.animators ?? [] }));

export const threadSchema = z.object({
  kind: z.enum(["discussion", "problem", "project"], { error: "Type de message : choisissez discussion, problème ou projet." }),
  title: requiredText("Titre", 150, 5),
  body: requiredText("Message", 4000, 20),
});

/** The community page's forms: join, leave, start a thread. */
export const communityActionSchema = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("join") }), z.object({ intent: z.literal("leave") }), threadSchema.extend({ intent: z.literal("post") })],
  { error: "Action inconnue." },
);

/** The thread page's forms: a reply, a moderation, a send to the lab as an idea. */
export const threadActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("reply"), body: requiredText("Réponse", 4000, 2) }),
    z.object({
      intent: z.literal("hide"),
      replyId: z
        .string()
        .optional()
        .transform((v) => (v ? v : null))
        .pipe(uuidField("Message").nullable()),
      reason: requiredText("Motif", 500, 3),
    }),
    z.object({
      intent: z.literal("sendIdea"),
      campaignId: z
        .string({ error: "Campagne : choisissez une campagne ouverte du lab dans la liste." })
        .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "Campagne : choisissez une campagne ouverte du lab dans la liste."),
      proposal: requiredText("Proposition", 6000, 20),
      beneficiaries: requiredText("Bénéficiaires", 500, 3),
    }),
  ],
  { error: "Action inconnue." },
);

export const directoryFilterSchema = z.object({
  site: z.string().max(200).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
});

/** « Date de clôture » : answers are taken until the end of that day, Paris time. */
const closingDate = z
  .string({ error: "Date de clôture : texte attendu." })
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      ctx.addIssue({ code: "custom", message: "Date de clôture : date attendue au format jj/mm/aaaa." });
      return z.NEVER;
    }
    const day = parisMidnight(v);
    if (!day) {
      ctx.addIssue({ code: "custom", message: "Date de clôture : cette date n’existe pas." });
      return z.NEVER;
    }
    const next = new Date(day.getTime() + 36 * 3600_000);
    const end = parisMidnight(next.toISOString().slice(0, 10));
    return end ?? new Date(day.getTime() + 86_400_000);
  });

export const panelQuestionSchema = z.object({
  question: requiredText("Question", 2000, 10),
  closesAt: closingDate,
});

export const panelAnswerSchema = z.object({
  body: requiredText("Votre réponse", 4000, 2),
});
