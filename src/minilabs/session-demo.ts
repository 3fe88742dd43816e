/**
 * The demo's sessions: the running Mini-Lab has held three sessions (attendance, notes, boards
 * full of notes and dots) and has its next one scheduled; the one in preparation has its first;
 * the finished one kept its three sessions of 2021, boards closed.
 */
import { loadPrincipal } from "../labs/labs";
import type { Viewer } from "../kernel/permissions";
import * as minilabs from "./minilabs";
import * as board from "./board";
import { atParisHour } from "../demo/clock";
import { changeBoard, recordAttendance, saveNotes, scheduleSession } from "./session-service";

const DAY = 86_400_000;
type Plan = { title: string; day: number; methods: string[]; agenda: string; notes: string; board: Partial<Record<board.BoardColumn, string[]>> };

const restauration: Plan[] = [
  {
    title: "Séance 1 : ce que l’on jette, et pourquoi",
    day: 3,
    methods: ["Remue-méninges", "Carte d’empathie"],
    agenda: "Tour de table des porteurs d’idées.\nCe que l’on observe au retour des plateaux.\nCarte d’empathie d’un lycéen à la cantine.",
    notes: "Quatorze participants de neuf lycées. Les constats convergent : les restes viennent surtout des accompagnements imposés et des portions identiques pour tous. Prochaine séance : suivre le parcours d’un repas, de la commande au composteur.",
    board: {
      constats: [
        "Les légumes reviennent presque intacts le lundi",
        "Même portion pour un élève de seconde et un apprenti de BTS",
        "Le pain part à la poubelle par sacs entiers",
        "On ne sait pas combien d’élèves mangeront le mercredi",
        "Les élèves n’ont que 25 minutes pour manger",
      ],
      idees: ["Demander la faim : petite ou grande portion", "Pain en libre-service, coupé à la demande", "Peser les restes une semaine par mois"],
      solutions: ["Tableau des pesées affiché à la sortie du self"],
    },
  },
  {
    title: "Séance 2 : le parcours d’un repas",
    day: 13,
    methods: ["Parcours usager", "Personas"],
    agenda: "Parcours d’un repas, de la commande au composteur.\nTrois personas : l’interne, le demi-pensionnaire pressé, le chef de cuisine.",
    notes: "Le parcours montre deux pertes : la commande (effectifs inconnus) et la fin de service (plats préparés en trop). Les personas font ressortir le manque de temps des élèves. Deux pistes à prototyper : la réservation du repas et le service à la demande.",
    board: {
      constats: ["La commande part dix jours avant, sans connaître les effectifs", "Les plats préparés en trop ne peuvent pas être resservis"],
      idees: ["Réserver son repas sur l’ENT la veille avant midi", "Un bar à crudités pour choisir soi-même", "Donner les surplus à une association le soir même"],
      solutions: ["Réservation sur l’ENT, testée dans deux lycées", "Convention type avec une association d’aide alimentaire"],
    },
  },
  {
    title: "Séance 3 : prototyper la réservation",
    day: 24,
    methods: ["Prototypage", "Vote par gommettes"],
    agenda: "Maquette papier de la réservation sur l’ENT.\nTest avec six élèves du lycée hôtelier.\nVote sur les pistes à porter en restitution.",
    notes: "La maquette est comprise en moins d’une minute par cinq élèves sur six. Le vote retient trois pistes pour la restitution : réservation la veille, portions au choix, pesées affichées.",
    board: {
      constats: ["Cinq élèves sur six réservent sans aide", "Les internes n’ont pas besoin de réserver"],
      idees: ["Rappel par SMS à 10 h", "Réservation par défaut pour les internes"],
      solutions: ["Réservation la veille sur l’ENT", "Deux tailles de portion à chaque service", "Pesées affichées chaque semaine"],
    },
  },
];

/** The finished 2021 Mini-Lab (« Lycées écoresponsables »): its sessions, days counted from its first. */
const ecoresponsables: Plan[] = [
  {
    title: "Séance 1 : ce qui se gaspille dans un lycée",
    day: 12,
    methods: ["Remue-méninges", "Carte d’empathie"],
    agenda: "Tour de table.\nInventaire des gaspillages vus au quotidien : énergie, eau, déchets, papier.",
    notes: "Dix-sept participants de douze lycées. Trois gisements ressortent : les équipements allumés la nuit, les restes de cuisine, le papier des photocopieurs.",
    board: {
      constats: ["Les chambres froides vides restent allumées tout l’été", "Les restes de préparation partent à l’incinération", "Des ramettes entières imprimées pour rien"],
      idees: ["Une liste de fermeture tenue par l’équipe d’entretien", "Un composteur par lycée", "Impression recto verso par défaut"],
    },
  },
  {
    title: "Séance 2 : mesurer avant d’agir",
    day: 54,
    methods: ["Parcours usager"],
    agenda: "Relevés de compteurs dans deux lycées.\nParcours d’une journée d’un agent d’entretien.",
    notes: "Les relevés montrent 30 % de la consommation électrique hors des heures d’ouverture. Les agents d’entretien sont prêts à tenir une liste de fermeture si elle est courte.",
    board: {
      constats: ["30 % de l’électricité consommée hors ouverture", "La fermeture du soir prend déjà 20 minutes"],
      solutions: ["Prises programmables sur les équipements de bureau", "Compteurs affichés en salle des personnels"],
    },
  },
  {
    title: "Séance 3 : choisir les propositions",
    day: 130,
    methods: ["Prototypage", "Vote par gommettes"],
    agenda: "Relecture des pistes.\nVote par gommettes.\nRépartition de l’écriture des propositions.",
    notes: "Cinq propositions retenues pour la restitution de septembre, chacune confiée à deux rédacteurs.",
    board: {
      solutions: ["Un composteur par lycée", "Éteindre la nuit les équipements qui tournent à vide", "Impression sobre par défaut", "Récupérer l’eau de pluie pour les espaces verts", "Un challenge énergie entre lycées"],
    },
  },
];

export async function seedDemoSessions(now: Date): Promise<{ sessions: number; notes: number }> {
  const all = await minilabs.listMinilabs();
  let sessions = 0;
  let notes = 0;
  for (const m of all) {
    const members = (await minilabs.listMembers([m.id])).filter((x) => x.status === "active");
    const facilitator = members.find((x) => x.role === "facilitator");
    if (!facilitator) continue;
    const lead: Viewer = { userId: facilitator.user_id, principal: await loadPrincipal(facilitator.user_id) };
    const participants: Viewer[] = [];
    for (const x of members.filter((y) => y.role === "member")) participants.push({ userId: x.user_id, principal: await loadPrincipal(x.user_id) });
    const phase = minilabs.phaseOf(m, now);
    const plans = phase === "sessions" ? restauration : phase === "preparation" ? [] : phase === "done" ? ecoresponsables : null;
    if (plans === null) continue;
    for (const [i, p] of plans.entries()) {
      const startsAt = atParisHour(new Date(m.sessions_from.getTime() + p.day * DAY), i % 2 ? 9 : 14, i % 2 ? 30 : 0);
      if (startsAt > now) break;
      const s = await scheduleSession(lead, m.id, { title: p.title, startsAt, durationMinutes: 150, place: i === 1 ? null : "Maison de la Région, Strasbourg, salle Vauban", videoUrl: i === 1 ? "https://webconf.numerique.gouv.fr/minilab-restauration" : null, agenda: p.agenda, methods: p.methods, dots: 3 });
      sessions++;
      const present = participants.filter((_, k) => (k + i) % 4 !== 0);
      await recordAttendance(lead, m.id, s.id, [lead.userId, ...present.map((v) => v.userId)]);
      await saveNotes(lead, m.id, s.id, p.notes);
      let k = 0;
      for (const [column, texts] of Object.entries(p.board) as [board.BoardColumn, string[]][]) {
        for (const text of texts) {
          const author = present[k++ % Math.max(1, present.length)] ?? lead;
          await changeBoard(author, m.id, s.id, { intent: "add", column, text });
          notes++;
        }
      }
      // Dots: each present member puts theirs on the solutions, then on the ideas.
      const onBoard = (await board.boardNotes(s.id)).filter((n) => !n.deleted);
      const ranked = [...onBoard.filter((n) => n.column === "solutions"), ...onBoard.filter((n) => n.column === "idees")];
      for (const [v, voter] of present.entries()) {
        for (let d = 0; d < 2 && ranked.length; d++) await changeBoard(voter, m.id, s.id, { intent: "vote", noteId: ranked[(v + d * 2) % ranked.length].id });
      }
      if (i < plans.length - 1 || phase === "done") await changeBoard(lead, m.id, s.id, { intent: "open", open: "false" });
    }
    if (phase === "done") continue;
    // The next session, in a fortnight (or the first one, for a Mini-Lab in preparation).
    const next = phase === "sessions" ? new Date(now.getTime() + 14 * DAY) : new Date(m.sessions_from.getTime() + 7 * DAY);
    const nextAt = atParisHour(next, 14);
    await scheduleSession(lead, m.id, {
      title: phase === "sessions" ? "Séance 4 : préparer la restitution" : "Séance 1 : faire connaissance et poser les constats",
      startsAt: nextAt,
      durationMinutes: 120,
      place: "Maison de la Région, Metz, salle Moselle",
      videoUrl: "https://webconf.numerique.gouv.fr/minilab",
      agenda: phase === "sessions" ? "Relire les trois pistes retenues.\nRépartir l’écriture des propositions." : "Présentation des porteurs d’idées.\nPremiers constats au tableau.",
      methods: ["Remue-méninges"],
      dots: 5,
    });
    sessions++;
  }
  return { sessions, notes };
}
