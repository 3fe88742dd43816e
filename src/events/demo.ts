/**
 * The demo's network calendar (seed 004): the territorial labs of the national network declared by
 * Lab'EST — Ti-Lab, SIILAB, La Fabrique RH, La Base, Le LabO, InSo Lab, Lab Zéro, Etat'LIN,
 * LabArchipel, and the labs created in 2021 with the préfectures de région (Grand Est and Normandie
 * are Lab'EST and Innov'Mandie, here in the installation; Centre-Val de Loire and
 * Bourgogne-Franche-Comté are declared) — and a Mois de l'innovation publique of 200 events in
 * November 2026: Lab'EST's day of 26 November « Imaginons les services publics de demain, quels
 * impacts pour nos usagers en 2031 ? », its exhibition at the Cité administrative de Strasbourg,
 * a weekly webinar, and the workshops, talks and days of every lab across France. A few events
 * follow in the coming weeks.
 */
import { getLabBySlug, usersWithRole } from "../labs/labs";
import { transaction } from "../kernel/db/transaction";
import { frenchSpaces } from "../kernel/format";
import { mulberry32 } from "../demo/content/agents";
import * as data from "./events";
import * as seats from "../registrations";
import { SEAT_KIND } from "./registration.server";
import { MOIS_INNOVATION, parisDateTime, type Audience, type EventKind } from "./rules";

export const demoNetworkLabs: { name: string; region: string; website: string | null; cities: string[] }[] = [
  { name: "Ti-Lab", region: "Bretagne", website: null, cities: ["Rennes", "Brest", "Quimper", "Vannes"] },
  { name: "SIILAB", region: "Hauts-de-France", website: null, cities: ["Lille", "Amiens", "Arras", "Valenciennes"] },
  { name: "La Fabrique RH", region: "Île-de-France", website: null, cities: ["Paris", "Créteil", "Versailles", "Bobigny"] },
  { name: "La Base", region: "Nouvelle-Aquitaine", website: null, cities: ["Bordeaux", "Poitiers", "Limoges", "Pau"] },
  { name: "Le LabO", region: "Occitanie", website: null, cities: ["Toulouse", "Montpellier", "Nîmes", "Perpignan"] },
  { name: "InSo Lab", region: "Provence-Alpes-Côte d’Azur", website: null, cities: ["Marseille", "Aix-en-Provence", "Avignon"] },
  { name: "Lab Zéro", region: "Provence-Alpes-Côte d’Azur", website: null, cities: ["Marseille", "Nice", "Toulon"] },
  { name: "Etat’LIN", region: "Pays de la Loire", website: null, cities: ["Nantes", "Angers", "Le Mans", "La Roche-sur-Yon"] },
  { name: "LabArchipel", region: "Auvergne-Rhône-Alpes", website: null, cities: ["Lyon", "Clermont-Ferrand", "Grenoble", "Saint-Étienne"] },
  { name: "Lab de la préfecture de région Centre-Val de Loire", region: "Centre-Val de Loire", website: null, cities: ["Orléans", "Tours", "Bourges"] },
  { name: "Lab de la préfecture de région Bourgogne-Franche-Comté", region: "Bourgogne-Franche-Comté", website: null, cities: ["Dijon", "Besançon", "Auxerre"] },
];

const installed: { slug: string; region: string; cities: string[]; count: number }[] = [
  { slug: "labest", region: "Grand Est", cities: ["Strasbourg", "Metz", "Nancy", "Châlons-en-Champagne", "Reims"], count: 18 },
  { slug: "region-grand-est", region: "Grand Est", cities: ["Strasbourg", "Metz", "Châlons-en-Champagne", "Mulhouse"], count: 14 },
  { slug: "innovmandie", region: "Normandie", cities: ["Rouen", "Caen", "Le Havre"], count: 14 },
];

/** The first of the coming weeks' events: a workshop on registration, reserved to agents, nine days after the seeding. */
export const UPCOMING_WORKSHOP = "Atelier d’intelligence collective : préparer 2027 avec les agents";
export const LAB_EST_DAY = "Imaginons les services publics de demain, quels impacts pour nos usagers en 2031 ?";
export const LAB_EST_EXHIBITION = "Imaginons ensemble l’avenir des services de l’État et du Grand Est";
/** The Mois de l'innovation publique's events in the demo (the weekly webinar counts once). */
export const MOIS_EVENTS = 200;

const topics = [
  "simplifier l’accueil des usagers",
  "écrire en langage clair",
  "la donnée au service de l’action publique",
  "l’accessibilité numérique des démarches",
  "le design des politiques publiques",
  "tiers-lieux et services publics",
  "la participation citoyenne",
  "la sobriété énergétique des bâtiments publics",
  "l’expérience usager en préfecture",
  "le management agile",
  "l’intelligence collective en équipe",
  "le prototypage rapide",
  "les sciences comportementales",
  "la commande publique innovante",
  "l’inclusion numérique",
  "les services publics de demain",
  "la qualité de vie au travail des agents",
  "l’accueil des nouveaux arrivants",
];
const formats: { kind: EventKind; title: (t: string) => string; slot: [string, string] | "allday"; online?: boolean }[] = [
  { kind: "workshop", title: (t) => `Atelier design de service : ${t}`, slot: ["09:30", "12:00"] },
  { kind: "workshop", title: (t) => `Atelier d’intelligence collective : ${t}`, slot: ["14:00", "17:00"] },
  { kind: "workshop", title: (t) => `Fresque de l’innovation publique : ${t}`, slot: ["14:00", "16:30"] },
  { kind: "conference", title: (t) => `Conférence : ${t}`, slot: ["18:00", "19:30"] },
  { kind: "conference", title: (t) => `Table ronde : ${t}`, slot: ["10:00", "12:00"] },
  { kind: "webinar", title: (t) => `Webinaire : ${t}`, slot: ["11:00", "12:00"], online: true },
  { kind: "day", title: (t) => `Journée d’innovation publique : ${t}`, slot: ["09:00", "17:00"] },
  { kind: "exhibition", title: (t) => `Exposition des prototypes : ${t}`, slot: "allday" },
];
const venues = ["Préfecture de région", "Tiers-lieu La Fabrique", "Médiathèque centrale", "Maison France services", "Université, salle du conseil", "Cité administrative"];

/** November 2026's working days (11 November is a public holiday). */
function novemberDays(): string[] {
  const out: string[] = [];
  for (let d = 2; d <= 30; d++) {
    const day = `2026-11-${String(d).padStart(2, "0")}`;
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && d !== 11) out.push(day);
  }
  return out;
}

const slug = (s: string) => s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

export async function seedDemoEvents(opts: { now?: Date } = {}): Promise<{ networkLabs: number; events: number }> {
  const now = opts.now ?? new Date();
  const rand = mulberry32(20261101);
  const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)];
  const labEst = (await getLabBySlug("labest"))!;
  const [author] = await usersWithRole(labEst.id, "lab_team");
  return transaction(async () => {
    const network = [];
    for (const n of demoNetworkLabs) network.push({ ...n, row: await data.insertNetworkLab({ name: n.name, region: n.region, website: n.website, icalUrl: null, declaredByLabId: labEst.id }) });
    type Row = Parameters<typeof data.insertEvents>[0][number];
    const rows: Row[] = [];
    const base = { description: "", recurrence: null, registration: "free" as const, capacity: null, onlineUrl: null };
    // Lab'EST's day and exhibition (seed 004), and a weekly webinar of the month
    rows.push({
      ...base,
      labId: labEst.id,
      networkLabId: null,
      createdBy: author ?? null,
      title: frenchSpaces(LAB_EST_DAY),
      description: frenchSpaces("Un rendez-vous ouvert à tous du Lab’EST pour le Mois de l’innovation publique. Cette journée dédiée à l’utilisateur est composée d’une session créative reposant sur le design prospectif et d’une après-midi « ateliers »."),
      kind: "day",
      startsAt: parisDateTime("2026-11-26", "09:30")!,
      endsAt: parisDateTime("2026-11-26", "17:00")!,
      allDay: false,
      region: "Grand Est",
      place: "Strasbourg",
      audience: "all",
      registration: "required",
      capacity: 80,
      tags: [MOIS_INNOVATION],
    });
    rows.push({
      ...base,
      labId: labEst.id,
      networkLabId: null,
      createdBy: author ?? null,
      title: frenchSpaces(`Exposition « ${LAB_EST_EXHIBITION} »`),
      description: "Cette exposition présente la démarche d’innovation publique portée par le Lab’EST et co-construite avec 72 agents issus de différentes administrations.",
      kind: "exhibition",
      startsAt: parisDateTime("2026-11-02", "00:00")!,
      endsAt: parisDateTime("2026-11-30", "23:59")!,
      allDay: true,
      region: "Grand Est",
      place: "Cité administrative de Strasbourg, 14 rue du Maréchal Juin, Strasbourg",
      audience: "all",
      tags: [MOIS_INNOVATION],
    });
    rows.push({
      ...base,
      labId: labEst.id,
      networkLabId: null,
      createdBy: author ?? null,
      title: "Le café de l’innovation publique du Lab’EST",
      description: "Chaque mardi du Mois de l’innovation publique, une heure en ligne pour découvrir un projet du réseau Grand Est et ses méthodes.",
      kind: "webinar",
      startsAt: parisDateTime("2026-11-03", "09:00")!,
      endsAt: parisDateTime("2026-11-03", "10:00")!,
      allDay: false,
      recurrence: "FREQ=WEEKLY;COUNT=4",
      region: "Grand Est",
      place: "",
      onlineUrl: "https://webconf.numerique.gouv.fr/cafe-innovation-labest",
      audience: "all",
      tags: [MOIS_INNOVATION],
    });
    // the rest of the month, spread over every lab
    const organizers = [
      ...(await Promise.all(installed.map(async (l) => ({ labId: (await getLabBySlug(l.slug))!.id, networkLabId: null, region: l.region, cities: l.cities, count: l.count, name: l.slug })))),
      ...network.map((n) => ({ labId: null, networkLabId: n.row.id, region: n.region, cities: n.cities, count: 0, name: n.name })),
    ];
    const remaining = MOIS_EVENTS - rows.length - organizers.reduce((s, o) => s + o.count, 0);
    const perNetwork = network.length ? Math.floor(remaining / network.length) : 0;
    let extra = remaining - perNetwork * network.length;
    for (const o of organizers) if (o.networkLabId) o.count = perNetwork + (extra-- > 0 ? 1 : 0);
    const days = novemberDays();
    for (const o of organizers) {
      for (let i = 0; i < o.count; i++) {
        const f = formats[Math.floor(rand() * formats.length)];
        const topic = pick(topics);
        const day = pick(days);
        const city = pick(o.cities);
        const lastDay = f.slot === "allday" ? days[Math.min(days.length - 1, days.indexOf(day) + 2 + Math.floor(rand() * 6))] : day;
        const r = rand();
        const audience: Audience = f.online ? "all" : r < 0.6 ? "all" : r < 0.85 ? "agents" : "users";
        const registration = f.kind === "workshop" || f.kind === "day" ? "required" : "free";
        rows.push({
          ...base,
          labId: o.labId,
          networkLabId: o.networkLabId,
          createdBy: o.name === "labest" ? (author ?? null) : null,
          title: frenchSpaces(f.title(topic)),
          description: frenchSpaces(`${f.title(topic)}. Dans le cadre du Mois de l’innovation publique, à ${city}${f.online ? " et en ligne" : ""}.`),
          kind: f.kind,
          startsAt: parisDateTime(day, f.slot === "allday" ? "00:00" : f.slot[0])!,
          endsAt: parisDateTime(lastDay, f.slot === "allday" ? "23:59" : f.slot[1])!,
          allDay: f.slot === "allday",
          region: o.region,
          place: f.online ? "" : `${pick(venues)}, ${city}`,
          onlineUrl: f.online ? `https://webconf.numerique.gouv.fr/${slug(o.name)}-${i + 1}` : null,
          audience,
          registration,
          capacity: registration === "required" ? 12 + Math.floor(rand() * 6) * 4 : null,
          tags: [MOIS_INNOVATION],
        });
      }
    }
    // a few events in the coming weeks, after the month
    const DAY = 86_400_000;
    const upcoming: [string, EventKind, number, string, string, Audience][] = [
      [UPCOMING_WORKSHOP, "workshop", 9, "14:00", "17:00", "agents"],
      ["Webinaire : retour sur le Mois de l’innovation publique", "webinar", 12, "11:00", "12:00", "all"],
      ["Conférence : les labs territoriaux, cinq ans après", "conference", 23, "18:00", "19:30", "all"],
      ["Journée du réseau d’innovation Grand Est", "day", 37, "09:30", "17:00", "agents"],
      ["Atelier design de service : l’accueil en Maison France services", "workshop", 44, "09:30", "12:00", "users"],
    ];
    for (const [title, kind, inDays, start, end, audience] of upcoming) {
      const day = new Date(now.getTime() + inDays * DAY).toISOString().slice(0, 10);
      rows.push({
        ...base,
        labId: labEst.id,
        networkLabId: null,
        createdBy: author ?? null,
        title: frenchSpaces(title),
        kind,
        startsAt: parisDateTime(day, start)!,
        endsAt: parisDateTime(day, end)!,
        allDay: false,
        region: "Grand Est",
        place: kind === "webinar" ? "" : "Préfecture de la région Grand Est, Strasbourg",
        onlineUrl: kind === "webinar" ? "https://webconf.numerique.gouv.fr/labest-bilan" : null,
        audience,
        registration: kind === "workshop" || kind === "day" ? "required" : "free",
        capacity: kind === "workshop" || kind === "day" ? 20 : null,
        tags: [],
      });
    }
    await data.insertEvents(rows);
    return { networkLabs: network.length, events: rows.length };
  });
}

/**
 * Registrations to Lab'EST's events of the Mois de l'innovation publique that asked for them, held
 * before the seeding: between half and all of their seats taken by demo agents, a fortnight ahead,
 * through the shared seats (so the dashboards and « Mes événements » count them).
 */
export async function seedDemoEventRegistrations(input: { agentIds: string[]; now: Date }): Promise<number> {
  const labEst = await getLabBySlug("labest");
  if (!labEst || !input.agentIds.length) return 0;
  const rand = mulberry32(1126);
  const held = (await data.labEventsBetween(labEst.id, new Date(input.now.getTime() - 90 * 86_400_000), input.now)).filter((e) => e.registration === "required" && e.ends_at < input.now);
  let registered = 0;
  let next = 0;
  for (const e of held) {
    const at = new Date(e.starts_at.getTime() - 14 * 86_400_000);
    await seats.setOffer(SEAT_KIND, e.id, { capacity: e.capacity }, at);
    const count = Math.round((e.capacity ?? 20) * (0.5 + rand() * 0.5));
    for (let k = 0; k < count; k++) {
      await seats.register(SEAT_KIND, e.id, input.agentIds[next++ % input.agentIds.length], new Date(at.getTime() + k * 3_600_000));
      registered++;
    }
  }
  return registered;
}
