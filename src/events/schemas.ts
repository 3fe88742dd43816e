/** Every events form is one zod schema, with French messages; the calendar's filters are read leniently. */
import { z } from "zod";
import { optionalText, requiredText } from "../kernel/forms";
import { isUuid } from "../kernel/ids";
import { audienceKeys, buildRecurrence, eventKindKeys, eventTags, monthBounds, parisDateTime, recurrenceFrequencies, regions, type Audience, type EventKind, type EventTag, type RecurrenceFrequency } from "./rules";

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "1");

const text = (label: string, max: number) => z.string({ error: `${label} : texte attendu.` }).max(max, `${label} : ${max} caractères au maximum.`).optional().transform((v) => (v ?? "").trim());

export const webAddress = (label: string) =>
  z
    .string({ error: `${label} : adresse attendue.` })
    .max(1000, `${label} : 1000 caractères au maximum.`)
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || (/^https?:\/\//i.test(v) && z.url().safeParse(v).success), `${label} : une adresse web commençant par https:// ou http://.`)
    .transform((v) => (v === "" ? null : v));

const optionalId = (label: string) =>
  z
    .string({ error: `${label} : valeur invalide.` })
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || isUuid(v), `${label} : choisissez dans la liste.`)
    .transform((v) => (v === "" ? null : v));

const smallInt = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} : nombre attendu.` })
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || (/^\d{1,6}$/.test(v) && Number(v) >= min && Number(v) <= max), `${label} : un nombre entier de ${min} à ${max}.`)
    .transform((v) => (v === "" ? null : Number(v)));

const regionField = z.enum(regions, { error: "Région : choisissez dans la liste." });

/** An event's fields, from the lab team's form. */
export const eventSchema = z
  .object({
    title: requiredText("Titre", 300, 2),
    description: optionalText("Présentation", 10_000),
    kind: z.enum(eventKindKeys as [EventKind, ...EventKind[]], { error: "Type d’événement : choisissez dans la liste." }),
    organizer: optionalId("Organisé par"),
    startDate: text("Date de début", 20),
    startTime: text("Heure de début", 10),
    endDate: text("Date de fin", 20),
    endTime: text("Heure de fin", 10),
    allDay: checkbox,
    repeat: z.enum(Object.keys(recurrenceFrequencies) as [RecurrenceFrequency, ...RecurrenceFrequency[]], { error: "Répétition : choisissez dans la liste." }).optional().default("none"),
    interval: smallInt("Intervalle", 1, 12),
    repeatCount: smallInt("Nombre de fois", 2, 200),
    repeatUntil: text("Jusqu’au", 20),
    region: regionField,
    place: text("Lieu", 300),
    onlineUrl: webAddress("Lien de participation en ligne"),
    audience: z.enum(audienceKeys as [Audience, ...Audience[]], { error: "Public : choisissez dans la liste." }),
    registration: z.enum(["free", "required"], { error: "Inscription : choisissez entrée libre ou sur inscription." }),
    capacity: smallInt("Nombre de places", 1, 100_000),
    moisInnovation: checkbox,
  })
  .transform((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.startDate)) issue("startDate", "Date de début : ce champ est obligatoire (jj/mm/aaaa).");
    const endDay = v.endDate || v.startDate;
    if (v.endDate && !/^\d{4}-\d{2}-\d{2}$/.test(v.endDate)) issue("endDate", "Date de fin : date attendue au format jj/mm/aaaa.");
    if (!v.allDay && !/^\d{2}:\d{2}$/.test(v.startTime)) issue("startTime", "Heure de début : indiquez l’heure (hh:mm), ou cochez « toute la journée ».");
    if (!v.allDay && !/^\d{2}:\d{2}$/.test(v.endTime)) issue("endTime", "Heure de fin : indiquez l’heure (hh:mm), ou cochez « toute la journée ».");
    const startsAt = /^\d{4}-\d{2}-\d{2}$/.test(v.startDate) ? parisDateTime(v.startDate, v.allDay ? "00:00" : v.startTime) : null;
    const endsAt = /^\d{4}-\d{2}-\d{2}$/.test(endDay) ? parisDateTime(endDay, v.allDay ? "23:59" : v.endTime) : null;
    if (/^\d{4}-\d{2}-\d{2}$/.test(v.startDate) && (v.allDay || /^\d{2}:\d{2}$/.test(v.startTime)) && !startsAt) issue("startDate", "Date de début : cette date ou cette heure n’existe pas.");
    if (startsAt && endsAt && endsAt <= startsAt) issue("endDate", "Date de fin : l’événement doit finir après son début.");
    if (startsAt && endsAt && endsAt.getTime() - startsAt.getTime() > 366 * 86_400_000) issue("endDate", "Date de fin : un événement dure au plus un an (pour plus, faites-le se répéter).");
    if (startsAt && (startsAt.getUTCFullYear() < 2000 || startsAt.getUTCFullYear() > 2100)) issue("startDate", "Date de début : une date entre 2000 et 2100.");
    if (!v.place && !v.onlineUrl) issue("place", "Lieu : indiquez un lieu ou un lien de participation en ligne.");
    if (v.registration === "required" && !v.capacity) issue("capacity", "Nombre de places : indiquez combien de personnes peuvent s’inscrire.");
    let until: Date | null = null;
    if (v.repeat !== "none") {
      if (v.repeatCount && v.repeatUntil) issue("repeatCount", "Nombre de fois : indiquez soit un nombre de fois, soit une date de fin de répétition, pas les deux.");
      if (!v.repeatCount && !v.repeatUntil) issue("repeatCount", "Nombre de fois : indiquez combien de fois l’événement a lieu, ou jusqu’à quelle date.");
      if (v.repeatUntil) {
        until = /^\d{4}-\d{2}-\d{2}$/.test(v.repeatUntil) ? parisDateTime(v.repeatUntil, "23:59") : null;
        if (!until) issue("repeatUntil", "Jusqu’au : date attendue au format jj/mm/aaaa.");
        else if (startsAt && until < startsAt) issue("repeatUntil", "Jusqu’au : une date après le début de l’événement.");
        else if (startsAt && until.getTime() - startsAt.getTime() > 5 * 366 * 86_400_000) issue("repeatUntil", "Jusqu’au : au plus cinq ans après le début.");
      }
    }
    if (!startsAt || !endsAt) return z.NEVER;
    const tags: EventTag[] = v.moisInnovation ? ["mois-innovation"] : [];
    return {
      title: v.title,
      description: v.description,
      kind: v.kind,
      organizer: v.organizer,
      startsAt,
      endsAt,
      allDay: v.allDay,
      recurrence: buildRecurrence({ frequency: v.repeat, interval: v.interval ?? 1, count: v.repeatCount, until }),
      region: v.region,
      place: v.place,
      onlineUrl: v.onlineUrl,
      audience: v.audience,
      registration: v.registration,
      capacity: v.registration === "required" ? v.capacity : null,
      tags,
    };
  });
export type EventInput = z.infer<typeof eventSchema>;

/** An agent's buttons on an event that asks for registration. */
export const seatActionSchema = z.object({ intent: z.enum(["register", "confirm", "cancel"], { error: "Action inconnue." }) });

/** The private feed's buttons. */
export const feedActionSchema = z.object({ intent: z.enum(["renew", "revoke"], { error: "Action inconnue." }) });

/** The edit page's other buttons. */
export const eventStatusSchema = z.object({ intent: z.enum(["cancel", "restore"], { error: "Action inconnue." }) });

/** A network lab declared by a lab of the installation, with its public calendar when it has one. */
export const networkLabSchema = z.object({
  intent: z.literal("declare"),
  name: requiredText("Nom du lab", 200, 2),
  region: regionField,
  website: webAddress("Site web"),
  icalUrl: webAddress("Adresse du calendrier iCal"),
});
export type NetworkLabInput = z.infer<typeof networkLabSchema>;

export const followSchema = z.object({
  intent: z.literal("follow"),
  networkLabId: z.string({ error: "Lab : valeur manquante." }).refine(isUuid, "Lab : choisissez dans la liste."),
  icalUrl: webAddress("Adresse du calendrier iCal"),
});
export const fetchSchema = z.object({
  intent: z.literal("fetch"),
  networkLabId: z.string({ error: "Lab : valeur manquante." }).refine(isUuid, "Lab : choisissez dans la liste."),
});

// ---------------------------------------------------------------- the calendar's filters

export interface CalendarFilters {
  view: "month" | "list";
  month: string;
  lab: string | null;
  region: string | null;
  kind: EventKind | null;
  audience: Audience | null;
  open: boolean;
  tag: EventTag | null;
}

/** The calendar's address, read leniently: an unknown value is dropped, never an error. */
export function readFilters(params: URLSearchParams, now: Date, currentMonth: (d: Date) => string): CalendarFilters {
  const get = (k: string) => (params.get(k) ?? "").slice(0, 200);
  const month = get("mois");
  const region = get("region");
  const kind = get("type");
  const audience = get("public");
  const tag = get("tag");
  return {
    view: get("vue") === "liste" ? "list" : "month",
    month: monthBounds(month) ? month : currentMonth(now),
    lab: isUuid(get("lab")) ? get("lab") : null,
    region: (regions as readonly string[]).includes(region) ? region : null,
    kind: (eventKindKeys as string[]).includes(kind) ? (kind as EventKind) : null,
    audience: (audienceKeys as string[]).includes(audience) ? (audience as Audience) : null,
    open: get("ouvert") === "1",
    tag: Object.hasOwn(eventTags, tag) ? (tag as EventTag) : null,
  };
}

/** The calendar's address for these filters (what the filter form sends, and the month links). */
export function filtersQuery(f: CalendarFilters, over: Partial<CalendarFilters> = {}): string {
  const g = { ...f, ...over };
  const q = new URLSearchParams();
  q.set("vue", g.view === "list" ? "liste" : "mois");
  q.set("mois", g.month);
  if (g.lab) q.set("lab", g.lab);
  if (g.region) q.set("region", g.region);
  if (g.kind) q.set("type", g.kind);
  if (g.audience) q.set("public", g.audience);
  if (g.open) q.set("ouvert", "1");
  if (g.tag) q.set("tag", g.tag);
  return q.toString();
}
