/**
 * The demo's trainings: the reciprocal State–Région offer (seeds 002, 003) — a dozen trainings of
 * the Région's lab (DIMAP) opened to the State's agents and of Lab'EST opened to the Région's, a
 * few kept to their own side; each with a session held (attendance taken, attestations) and
 * sessions to come; « Prototyper un service public » full, with a waiting list.
 */
import { getUserContacts, listDemoUsers } from "../accounts/accounts";
import { listOrganizations } from "../organizations/organizations";
import { getLabBySlug, loadPrincipal, usersWithRole } from "../labs/labs";
import { parisTime, parisWall } from "../demo/clock";
import type { Viewer } from "../kernel/permissions";
import { addSession, createTraining, recordAttendance, seatAction, sessionPage, updateTraining } from "./service";
import { sideOfOrganizationKind, type Side } from "./permissions";
import type { TrainingInput } from "./schemas";

const DAY = 86_400_000;

interface SessionSpec {
  /** Days from now (negative: held). */
  inDays: number;
  days?: number;
  start?: [number, number];
  end?: [number, number];
  place: string;
  online?: boolean;
  capacity: number;
  /** Agents registered: of the organising side, and through the reciprocal offer. */
  own: number;
  other: number;
}

interface TrainingSpec {
  lab: "region-grand-est" | "labest";
  title: string;
  objectives: string;
  methods: string[];
  audience: string;
  format: "presentiel" | "distanciel";
  hours: number;
  side: Side;
  openTo: Side[];
  sessions: SessionSpec[];
  approval?: boolean;
}

const HDR = "Hôtel de Région, Strasbourg";
const CITE = "Cité administrative de Strasbourg";
const METZ = "Préfecture de la Moselle, Metz";
const REIMS = "Maison de la Région de Reims";
const ONLINE = "";

export const demoTrainings: TrainingSpec[] = [
  {
    lab: "region-grand-est",
    title: "Animer un atelier d’intelligence collective",
    objectives: "Préparer, animer et restituer un atelier où chacun contribue : poser une question ouverte, faire émerger les idées, les regrouper et décider ensemble.",
    methods: ["World café", "Brainstorming inversé", "Méthode des 6 chapeaux", "Vote par gommettes"],
    audience: "Agents appelés à animer des réunions ou des ateliers, animateurs de Mini-Labs",
    format: "presentiel",
    hours: 7,
    side: "region",
    openTo: ["state"],
    sessions: [
      { inDays: -40, place: HDR, capacity: 12, own: 7, other: 3 },
      { inDays: 16, place: REIMS, capacity: 12, own: 4, other: 2 },
      { inDays: 58, place: HDR, capacity: 12, own: 1, other: 1 },
    ],
  },
  {
    lab: "region-grand-est",
    title: "Initiation au design de service",
    objectives: "Comprendre la démarche du design de service et l’appliquer à un service de la collectivité : partir des usagers, observer, reformuler le problème, imaginer et tester.",
    methods: ["Entretien utilisateur", "Persona", "Parcours usager", "Carte d’empathie"],
    audience: "Tous les agents porteurs d’un projet de service",
    format: "presentiel",
    hours: 14,
    side: "region",
    openTo: ["state"],
    sessions: [
      { inDays: -70, days: 2, place: HDR, capacity: 14, own: 8, other: 4 },
      { inDays: 23, days: 2, place: CITE, capacity: 14, own: 5, other: 3 },
    ],
  },
  {
    lab: "region-grand-est",
    title: "Prototyper un service public",
    objectives: "Passer de l’idée au prototype en une journée : maquettes papier, jeux de rôle, premiers tests avec des usagers, et ce qu’on en retient avant de déployer.",
    methods: ["Prototypage papier", "Storyboard", "Test utilisateur", "Jeu de rôle"],
    audience: "Équipes projet, agents des lycées et des Maisons de la Région",
    format: "presentiel",
    hours: 7,
    side: "region",
    openTo: ["state"],
    sessions: [
      { inDays: -25, place: HDR, capacity: 10, own: 6, other: 4 },
      // full, with a waiting list
      { inDays: 9, place: CITE, capacity: 10, own: 9, other: 4 },
      { inDays: 44, place: REIMS, capacity: 10, own: 2, other: 1 },
    ],
  },
  {
    lab: "region-grand-est",
    title: "Faciliter un Mini-Lab",
    objectives: "Conduire les séances d’un Mini-Lab de janvier à juillet : réunir les porteurs d’idées, tenir le tableau, préparer la restitution aux directions.",
    methods: ["Tableau de séance", "Brainstorming", "Matrice impact / faisabilité"],
    audience: "Agents volontaires pour animer un Mini-Lab de la Région",
    format: "presentiel",
    hours: 7,
    side: "region",
    openTo: [],
    sessions: [
      { inDays: -55, place: HDR, capacity: 10, own: 6, other: 0 },
      { inDays: 30, place: HDR, capacity: 10, own: 3, other: 0 },
    ],
  },
  {
    lab: "region-grand-est",
    title: "Animer un atelier à distance",
    objectives: "Tenir un atelier participatif en visioconférence : rythme, tableau blanc partagé, sous-groupes, et l’attention de chacun.",
    methods: ["Tableau blanc partagé", "Sous-groupes", "Météo d’équipe"],
    audience: "Tous les agents",
    format: "distanciel",
    hours: 3.5,
    side: "region",
    openTo: ["state", "local"],
    sessions: [
      { inDays: -12, start: [9, 0], end: [12, 30], place: ONLINE, online: true, capacity: 20, own: 6, other: 5 },
      { inDays: 19, start: [14, 0], end: [17, 30], place: ONLINE, online: true, capacity: 20, own: 3, other: 2 },
    ],
  },
  {
    lab: "region-grand-est",
    title: "Écrire simplement pour les usagers",
    objectives: "Rédiger des courriers, formulaires et pages web que les usagers comprennent du premier coup.",
    methods: ["Langage clair", "Test de lisibilité", "UX writing"],
    audience: "Agents en relation avec les usagers, services communication",
    format: "distanciel",
    hours: 3.5,
    side: "region",
    openTo: ["state"],
    sessions: [{ inDays: 37, start: [9, 30], end: [13, 0], place: ONLINE, online: true, capacity: 25, own: 4, other: 3 }],
  },
  {
    lab: "labest",
    title: "Découvrir l’innovation publique",
    objectives: "Ce que font les laboratoires d’innovation territoriale, le réseau des 12 labs, et comment solliciter Lab’EST pour un projet.",
    methods: ["Étude de cas", "Design de politiques publiques"],
    audience: "Tous les agents de l’État et de la Région en Grand Est",
    format: "distanciel",
    hours: 3.5,
    side: "state",
    openTo: ["region"],
    sessions: [
      { inDays: -33, start: [14, 0], end: [17, 30], place: ONLINE, online: true, capacity: 30, own: 5, other: 8 },
      { inDays: 12, start: [14, 0], end: [17, 30], place: ONLINE, online: true, capacity: 30, own: 3, other: 5 },
    ],
  },
  {
    lab: "labest",
    title: "Conduire un projet en mode agile",
    objectives: "Découper un projet en itérations courtes, associer les usagers à chaque étape, rendre visibles les priorités et l’avancement.",
    methods: ["Sprint", "Rétrospective", "Tableau kanban"],
    audience: "Chefs de projet et managers",
    format: "presentiel",
    hours: 14,
    side: "state",
    openTo: ["region"],
    sessions: [
      { inDays: -48, days: 2, place: METZ, capacity: 12, own: 5, other: 5 },
      { inDays: 27, days: 2, place: CITE, capacity: 12, own: 3, other: 4 },
    ],
  },
  {
    lab: "labest",
    title: "Mobiliser la donnée pour piloter",
    objectives: "Construire des tableaux de bord utiles à partir des données ouvertes et de DataGrandEst, et partager les indicateurs.",
    methods: ["Atelier données", "Cartographie des indicateurs"],
    audience: "Agents en charge du pilotage et du contrôle de gestion",
    format: "presentiel",
    hours: 7,
    side: "state",
    openTo: ["region"],
    sessions: [
      { inDays: -18, place: CITE, capacity: 12, own: 4, other: 4 },
      { inDays: 51, place: METZ, capacity: 12, own: 2, other: 2 },
    ],
  },
  {
    lab: "labest",
    title: "Manager en pionnier",
    objectives: "Pour les managers intermédiaires du réseau de pionniers : une doctrine du management partagée, la délégation, l’expérimentation dans son équipe.",
    methods: ["Co-développement", "Codéveloppement professionnel", "Théâtre forum"],
    audience: "Managers intermédiaires de l’État et de la Région",
    format: "presentiel",
    hours: 14,
    side: "state",
    openTo: ["region"],
    approval: true,
    sessions: [{ inDays: 33, days: 2, place: CITE, capacity: 12, own: 3, other: 3 }],
  },
  {
    lab: "labest",
    title: "Animer une communauté de pratique",
    objectives: "Faire vivre un réseau de pairs entre services et entre administrations : rituels, outils, partage des problèmes et des solutions.",
    methods: ["Communauté de pratique", "Retour d’expérience", "Co-développement"],
    audience: "Agents de l’État, de la Région, des collectivités et des établissements de santé",
    format: "presentiel",
    hours: 7,
    side: "state",
    openTo: ["region", "local", "health"],
    sessions: [{ inDays: 40, place: METZ, capacity: 15, own: 2, other: 3 }],
  },
  {
    lab: "labest",
    title: "Imaginer les services publics de demain",
    objectives: "Un atelier de prospective : quels impacts pour nos usagers en 2031 ? Scénarios, signaux faibles, et ce qu’on peut expérimenter dès maintenant.",
    methods: ["Prospective", "Scénarios", "Design fiction"],
    audience: "Tous les agents",
    format: "presentiel",
    hours: 3.5,
    side: "state",
    openTo: [],
    sessions: [{ inDays: -8, start: [9, 0], end: [12, 30], place: CITE, capacity: 20, own: 9, other: 0 }],
  },
];

/** A working day (Tuesday or Thursday) near now + days, at a Paris hour. */
function dayAt(now: Date, days: number, [h, m]: [number, number]): Date {
  let d = new Date(now.getTime() + days * DAY);
  for (let i = 0; i < 7; i++) {
    const w = parisWall(d).weekday;
    if (w === "Tue" || w === "Thu") break;
    d = new Date(d.getTime() + DAY);
  }
  const w = parisWall(d);
  return parisTime(w.year, w.month, w.day, h, m);
}

export async function seedDemoTrainings(opts: { now?: Date } = {}): Promise<{ trainings: number; sessions: number; registrations: number }> {
  const now = opts.now ?? new Date();
  const orgs = new Map((await listOrganizations()).map((o) => [o.id, o]));
  const users = (await listDemoUsers()).filter((u) => u.organization_id && !u.deleted_at);
  const bySide = (side: Side) => users.filter((u) => sideOfOrganizationKind(orgs.get(u.organization_id!)?.kind) === side).sort((a, b) => a.email.localeCompare(b.email));
  const pool: Record<Side, string[]> = { state: bySide("state").map((u) => u.id), region: bySide("region").map((u) => u.id), local: [], health: [] };
  const viewers = new Map<string, Viewer>();
  const viewer = async (userId: string) => {
    let v = viewers.get(userId);
    if (!v) viewers.set(userId, (v = { userId, principal: await loadPrincipal(userId) }));
    return v;
  };
  const teamOf = async (slug: string) => Promise.all((await usersWithRole((await getLabBySlug(slug))!.id, "lab_team")).map(viewer));
  const teams = { "region-grand-est": await teamOf("region-grand-est"), labest: await teamOf("labest") };
  let cursor: Record<Side, number> = { state: 0, region: 0, local: 0, health: 0 };
  const next = (side: Side, n: number) => {
    const list = pool[side];
    const out: string[] = [];
    for (let i = 0; i < n && list.length; i++) out.push(list[(cursor[side] + i) % list.length]);
    cursor = { ...cursor, [side]: (cursor[side] + n) % Math.max(1, list.length) };
    return out;
  };
  let sessions = 0;
  let registrations = 0;
  for (const spec of demoTrainings) {
    const team = teams[spec.lab];
    const lead = team[0];
    const input: TrainingInput = {
      title: spec.title,
      objectives: spec.objectives,
      methods: spec.methods,
      audience: spec.audience,
      format: spec.format,
      durationHours: spec.hours,
      side: spec.side,
      openTo: spec.openTo,
      confirmHours: 48,
      managerApproval: false,
      published: true,
    };
    const training = await createTraining(lead, spec.lab, input);
    for (const [i, s] of spec.sessions.entries()) {
      const startsAt = dayAt(now, s.inDays, s.start ?? [9, 0]);
      const lastDay = new Date(startsAt.getTime() + ((s.days ?? 1) - 1) * DAY);
      const w = parisWall(lastDay);
      const [eh, em] = s.end ?? [17, 0];
      const endsAt = parisTime(w.year, w.month, w.day, eh, em);
      const opened = new Date(Math.min(now.getTime(), startsAt.getTime()) - 30 * DAY);
      const trainer = team[(i + 1) % team.length];
      const contacts = await getUserContacts([trainer.userId]);
      const session = await addSession(lead, spec.lab, training.id, { startsAt, endsAt, place: s.place, link: s.online ? "https://webconf.numerique.gouv.fr/labest-formation" : null, capacity: s.capacity, trainers: [...contacts.values()].map((c) => c.email) }, opened);
      sessions++;
      // the organising side's agents first, those of the other side through the reciprocal offer, in turns
      const own = next(spec.side, s.own);
      const other = spec.openTo.length ? next(spec.openTo[0] === spec.side ? "region" : spec.openTo[0], s.other) : [];
      const queue = own.flatMap((id, k) => [id, other[k]]).concat(other.slice(own.length)).filter((x): x is string => !!x);
      for (const [k, userId] of queue.entries()) {
        try {
          await seatAction(await viewer(userId), training.id, { intent: "register", sessionId: session.id, managerEmail: "" }, new Date(opened.getTime() + (k + 1) * 3_600_000));
          registrations++;
        } catch {
          // already holding a seat in another session of this training: skipped
        }
      }
      if (startsAt < now) {
        // held: the trainer took attendance; one in eight missed it
        const page = await sessionPage(lead, spec.lab, training.id, session.id);
        const present = page.confirmed.filter((_, k) => k % 8 !== 5).map((c) => c.userId);
        await recordAttendance(trainer, spec.lab, training.id, session.id, { present, close: true }, new Date(endsAt.getTime() + 2 * 3_600_000));
      }
    }
    if (spec.approval) {
      // asked after the registrations above: the managers' approval applies from now on
      await updateTraining(lead, spec.lab, training.id, { ...input, managerApproval: true });
    }
  }
  return { trainings: demoTrainings.length, sessions, registrations };
}
