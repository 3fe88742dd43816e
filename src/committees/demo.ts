/**
 * Lab'EST's two committees in the demo: the paritary État–Région steering committee (3 État and
 * 3 Région members, quarterly since autumn 2021) with two held meetings whose minutes are
 * validated and one to come with its agenda (free items: the lead adds the gate reviews once the
 * projects are wired to the agenda sources), and the project committee (the SGARE's and the
 * Région's innovation teams, an expert).
 */
import { getUserContacts } from "../accounts/accounts";
import { loadPrincipal } from "../labs/labs";
import { isoDay } from "../kernel/format";
import type { Viewer } from "../kernel/permissions";
import { atParisHour } from "../demo/clock";
import {
  addAgendaItem,
  castVote,
  conveneMeeting,
  createCommitteeFor,
  recordAttendance,
  recordDecision,
  saveMinutesFor,
  scheduleMeeting,
  updateCommitteeFor,
  validateMinutes,
} from "./service";
import type { VoteChoice } from "./db/schema";

const DAY = 86_400_000;

export interface DemoCommitteePeople {
  /** Lab'EST's team member who prepares the committees. */
  labTeamId: string;
  /** The État side: the chair first. */
  stateIds: [string, string, string];
  regionIds: [string, string, string];
  /** The project committee: SGARE and Région innovation teams, an expert. */
  projectIds: string[];
}

const viewer = async (userId: string): Promise<Viewer> => ({ userId, principal: await loadPrincipal(userId) });

interface DemoItem {
  title: string;
  summary: string;
  discussion?: string;
  /** Votes of the six members in order (État ×3, Région ×3); absent members skip. */
  votes?: VoteChoice[];
  wording?: string;
}

interface DemoMeeting {
  daysFromNow: number;
  place: string;
  videoUrl: string;
  absent: number[];
  body: string;
  items: DemoItem[];
}

const held: DemoMeeting[] = [
  {
    daysFromNow: -170,
    place: "Préfecture de la région Grand Est, Strasbourg – salle du Conseil",
    videoUrl: "",
    absent: [5],
    body: "La séance est ouverte par le secrétaire général adjoint pour les affaires régionales. Le Lab’EST présente le bilan du trimestre : ateliers menés, services accompagnés, préparation du Mois de l’innovation publique.",
    items: [
      {
        title: "Expérimentation d’une direction agile et résiliente : bilan à mi-parcours",
        summary:
          "Axe 2 de la feuille de route « Imaginons ensemble l’avenir des services de l’État du Grand Est ». Trois services volontaires accompagnés : DRAAF Grand Est, DDT 88, Préfecture 52. Ateliers menés avec les équipes de direction, premiers rituels agiles installés, indicateurs de charge suivis. Proposition : poursuivre l’expérimentation six mois de plus et l’évaluer.",
        discussion: "Les trois services témoignent d’un gain de réactivité ; la DDT 88 demande un appui sur la conduite des réunions d’équipe.",
        votes: ["for", "for", "for", "for", "for"],
        wording: "L’expérimentation est prolongée de six mois ; son évaluation sera présentée au comité.",
      },
      {
        title: "Accompagnement des projets de service des SGC et des DDI (FTAP)",
        summary:
          "Dans le cadre de la réforme de l’organisation territoriale de l’État, les secrétariats généraux communs et les directions départementales interministérielles nouvellement créés bénéficient d’un accompagnement financier (FTAP) ou intellectuel des agents du SGARE pour leur projet de service ou la cohésion de leurs équipes (ateliers, cahier des charges). Proposition : ouvrir l’accompagnement à quatre nouveaux services.",
        discussion: "La Région propose de partager ses facilitateurs formés à l’intelligence collective.",
        votes: ["for", "for", "abstain", "for", "for"],
        wording: "Quatre nouveaux services seront accompagnés ce semestre.",
      },
    ],
  },
  {
    daysFromNow: -78,
    place: "Hôtel de Région, Strasbourg – salle Vauban",
    videoUrl: "https://webconf.exemple.gouv.fr/labest-copil",
    absent: [2],
    body: "Le compte rendu de la réunion précédente est approuvé. Le Lab’EST présente les suites de la démarche « Imaginons ensemble l’avenir des services de l’État du Grand Est » (7 286 agents interrogés, 72 agents en ateliers).",
    items: [
      {
        title: "Suites de « Imaginons ensemble l’avenir des services de l’État du Grand Est »",
        summary: "Feuille de route en cinq axes issue de la démarche lancée en juillet 2020. Proposition : une exposition à la Cité administrative de Strasbourg et un rendez-vous ouvert à tous pendant le Mois de l’innovation publique.",
        discussion: "Le comité souhaite que l’exposition circule ensuite dans les Maisons de la Région.",
        votes: ["for", "for", "for", "for", "for"],
        wording: "Exposition et rendez-vous du Mois de l’innovation publique validés.",
      },
      {
        title: "Financement d’un outil commun de prise de rendez-vous pour les services d’accueil",
        summary: "Proposition issue du réseau des labs : un outil partagé de prise de rendez-vous pour les accueils de l’État et de la Région. Coût estimé : 60 000 € la première année.",
        discussion: "Les représentants de la Région jugent le projet prématuré tant que les besoins des Maisons de la Région ne sont pas recensés.",
        votes: ["for", "for", "for", "against", "against"],
        wording: "",
      },
    ],
  },
];

export async function seedDemoCommittees(input: { labSlug: string; people: DemoCommitteePeople; now: Date }): Promise<{ committees: number; meetings: number }> {
  const { labSlug, people, now } = input;
  const team = await viewer(people.labTeamId);
  const contacts = await getUserContacts([...people.stateIds, ...people.regionIds, ...people.projectIds]);
  const email = (id: string) => contacts.get(id)!.email;
  const seats = [...people.stateIds, ...people.regionIds];

  const steering = await createCommitteeFor(team, labSlug, { kind: "steering", name: "Comité de pilotage État–Région", rhythm: "Trimestriel, depuis l’automne 2021" });
  await updateCommitteeFor(team, labSlug, steering.id, {
    name: steering.name,
    rhythm: steering.rhythm,
    quorumPercent: 50,
    quorumPerSide: true,
    chairEmail: email(people.stateIds[0]),
    // Sides come from the members' organisations (Préfecture, DDT: État; Région).
    members: seats.map((id) => ({ email: email(id), side: null })),
  });
  const project = await createCommitteeFor(team, labSlug, { kind: "project", name: "Comité de projet du Lab’EST", rhythm: "Mensuel" });
  await updateCommitteeFor(team, labSlug, project.id, {
    name: project.name,
    rhythm: project.rhythm,
    quorumPercent: 50,
    quorumPerSide: false,
    chairEmail: email(people.projectIds[0]),
    members: people.projectIds.map((id) => ({ email: email(id), side: null })),
  });

  const chair = await viewer(people.stateIds[0]);
  const voters = await Promise.all(seats.map(viewer));
  let meetings = 0;
  for (const m of held) {
    const day = atParisHour(new Date(now.getTime() + m.daysFromNow * DAY), 14);
    const meeting = await scheduleMeeting(team, labSlug, steering.id, { day: isoDay(day), startTime: "14:00", endTime: "16:30", place: m.place, videoUrl: m.videoUrl });
    meetings++;
    const items: { id: string }[] = [];
    for (const it of m.items) items.push(await addAgendaItem(team, labSlug, steering.id, meeting.id, { kind: "free", title: it.title, summary: it.summary, secret: false }));
    const present = seats.filter((_, i) => !m.absent.includes(i));
    await recordAttendance(team, labSlug, steering.id, meeting.id, present);
    for (const [k, it] of m.items.entries()) {
      const here = voters.filter((_, i) => !m.absent.includes(i));
      for (const [j, choice] of (it.votes ?? []).entries()) await castVote(here[j], labSlug, steering.id, meeting.id, items[k].id, choice);
      await recordDecision(team, labSlug, steering.id, meeting.id, items[k].id, it.wording ?? "");
    }
    await saveMinutesFor(team, labSlug, steering.id, meeting.id, { body: m.body, discussions: Object.fromEntries(m.items.map((it, k) => [items[k].id, it.discussion ?? ""])) });
    await validateMinutes(chair, labSlug, steering.id, meeting.id, "chair", new Date(day.getTime() + 7 * DAY));
  }

  // The next meeting, convened, with its agenda.
  const last = held.at(-1)!;
  const nextDay = atParisHour(new Date(now.getTime() + 12 * DAY), 14);
  const next = await scheduleMeeting(team, labSlug, steering.id, { day: isoDay(nextDay), startTime: "14:00", endTime: "16:30", place: "Préfecture de la région Grand Est, Strasbourg – salle du Conseil", videoUrl: "https://webconf.exemple.gouv.fr/labest-copil" });
  meetings++;
  const lastDay = atParisHour(new Date(now.getTime() + last.daysFromNow * DAY), 14);
  for (const item of [
    { title: `Approbation du compte rendu de la réunion du ${new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" }).format(lastDay)}`, summary: "Le compte rendu validé par le président est joint au dossier de la réunion précédente." },
    {
      title: "Point d’étape : projets de service des SGC et des DDI accompagnés (FTAP)",
      summary: "Quatre services accompagnés ce semestre : ateliers de cohésion d’équipe, rédaction de deux cahiers des charges. Consommation des crédits FTAP : 62 %. Proposition : présenter les premiers résultats au prochain séminaire des directeurs.",
    },
    { title: "Orientations 2027 du Lab’EST", summary: "Trois pistes soumises au comité : prolonger l’appui aux services en réorganisation, ouvrir le guichet unique aux collectivités, renforcer la mise en réseau avec les labs du Grand Est." },
  ]) {
    await addAgendaItem(team, labSlug, steering.id, next.id, { kind: "free", title: item.title, summary: item.summary, secret: false });
  }
  await conveneMeeting(team, labSlug, steering.id, next.id, now);

  // The project committee meets monthly: its next meeting.
  const projectDay = atParisHour(new Date(now.getTime() + 5 * DAY), 10);
  const projectMeeting = await scheduleMeeting(team, labSlug, project.id, { day: isoDay(projectDay), startTime: "10:00", endTime: "12:00", place: "", videoUrl: "https://webconf.exemple.gouv.fr/labest-projets" });
  meetings++;
  await addAgendaItem(team, labSlug, project.id, projectMeeting.id, {
    kind: "free",
    title: "Qualification des demandes reçues au guichet",
    summary: "Revue des demandes d’accompagnement reçues depuis la dernière réunion, et choix de celles à proposer au comité de pilotage.",
    secret: false,
  });
  return { committees: 2, meetings };
}
