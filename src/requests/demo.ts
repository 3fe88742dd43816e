/**
 * The desk's demo: requests in every status at Lab'EST, Innov'Mandie and the Région's lab, one
 * réorientée from Innov'Mandie to Lab'EST, conversations, internal notes, an expert's opinion,
 * each step on a working day at Paris working hours. Played through the services, as the people
 * would have done it.
 */
import { loadPrincipal } from "../labs/labs";
import { getLabBySlug } from "../labs/labs";
import { atWorkingHour } from "../demo/clock";
import type { Viewer } from "../kernel/permissions";
import * as d from "./db/queries";
import { accept, assign, confirmSponsor, createRequest, decline, inviteExpert, postMessage, postNote, postOpinion, proposeToSteering, qualify, reorient } from "./service";
import type { RequestInput } from "./schemas";
import type { RequestKind } from "./db/schema";
import { findUserByEmail } from "../accounts/accounts";
import { agentByKey, labTeam } from "../demo/content";

const DAY = 86_400_000;

type Step =
  | { do: "qualify"; by: string; text?: string }
  | { do: "message"; by: string; text: string }
  | { do: "note"; by: string; text: string }
  | { do: "expert"; by: string; expert: string }
  | { do: "opinion"; by: string; text: string }
  | { do: "confirm" }
  | { do: "assign"; by: string; to: string }
  | { do: "accept"; by: string; outcome: "project" | "workshop"; text?: string }
  | { do: "decline"; by: string; reason: string }
  | { do: "reorient"; by: string; lab: string; text?: string; then?: Step[] }
  | { do: "steering"; by: string };

interface DemoRequest {
  lab: string;
  by: string;
  sponsor?: string;
  kind: RequestKind;
  title: string;
  context: string;
  affected: string;
  success: string;
  timing?: string;
  others?: string;
  /** Days before today it was submitted (calendar days); its steps follow, a few days apart. */
  daysAgo: number;
  draft?: boolean;
  steps?: Step[];
}

const staff = (key: string) => labTeam.find((p) => p.key === key)!.email;
const agent = (key: string) => agentByKey(key)!.email;

/** People by email: the demo's personas (src/demo/content and src/demo/normandie.ts). */
const P = {
  solene: "solene.lefebvre@normandie.gouv.fr",
  julien: "julien.marais@normandie.gouv.fr",
  camille: "camille.leroux@eure.fr",
  bruno: "bruno.guerin@normandie.gouv.fr",
  claire: staff("labest-1"),
  theo: staff("labest-2"),
  mathias: staff("dimap-2"),
  nawel: staff("dimap-3"),
  pierreYves: staff("director-lycees"),
  antoine: staff("juror-3"),
  chloe: agent("a286"),
  francis: agent("a289"),
  aissatou: agent("a295"),
  fatima: agent("a297"),
  marion: agent("a002"),
  fatoumata: agent("a003"),
};

export const demoRequests: DemoRequest[] = [
  {
    lab: "innovmandie",
    by: P.camille,
    sponsor: P.bruno,
    kind: "project",
    title: "Open data dans le département de l’Eure",
    context:
      "Les données publiques du Département et des services de l’État dans l’Eure sont dispersées : chaque administration publie à sa façon, ou pas du tout. Les citoyens ne s’y retrouvent pas et les services ne réutilisent pas les données des autres.",
    affected: "Les usagers du département, les agents des administrations qui ont besoin des données des autres",
    success: "Une plateforme territoriale où chaque administration publie et réutilise les données, alimentée par un groupe projet de plusieurs administrations",
    timing: "Second semestre",
    others: "Département de l’Eure, DDTM de l’Eure, Préfecture de l’Eure",
    daysAgo: 150,
    steps: [{ do: "confirm" }, { do: "assign", by: P.solene, to: P.solene }, { do: "qualify", by: P.solene, text: "Quelles administrations sont prêtes à ouvrir leurs données dès le départ ?" }, { do: "message", by: P.camille, text: "Le Département, la DDTM et la Préfecture ; l’agence de l’eau y réfléchit." }, { do: "accept", by: P.solene, outcome: "project", text: "Nous incubons le projet : premier comité de projet le mois prochain." }],
  },
  {
    lab: "innovmandie",
    by: P.julien,
    sponsor: P.bruno,
    kind: "project",
    title: "Design de service pour un outil RH à destination des managers",
    context:
      "Les managers des services de l’État en Normandie ne trouvent pas les informations RH dont ils ont besoin : temps de travail, entretiens professionnels, mobilité. Ils appellent la plateforme RH pour des questions simples, qui n’a plus le temps des dossiers complexes.",
    affected: "Environ 400 managers des services de l’État en Normandie, les 12 agents de la plateforme RH",
    success: "Un outil web conçu avec les managers, qui répond aux questions simples ; des appels divisés par deux",
    timing: "Pour la campagne d’entretiens professionnels",
    daysAgo: 75,
    steps: [{ do: "confirm" }, { do: "qualify", by: P.solene }, { do: "note", by: P.solene, text: "Projet porteur ; prévoir des entretiens avec une dizaine de managers avant tout prototype." }, { do: "accept", by: P.solene, outcome: "project" }],
  },
  {
    lab: "innovmandie",
    by: P.julien,
    sponsor: P.bruno,
    kind: "workshop",
    title: "Atelier de cohésion pour la nouvelle équipe de la plateforme RH",
    context: "La plateforme RH régionale a accueilli six agents venus de trois services différents. Les façons de faire diffèrent et des tensions apparaissent sur la répartition des dossiers.",
    affected: "Les 12 agents de la plateforme RH",
    success: "Une charte de fonctionnement écrite ensemble et une répartition des dossiers acceptée de tous",
    daysAgo: 40,
    steps: [{ do: "confirm" }, { do: "accept", by: P.solene, outcome: "workshop", text: "Atelier réalisé le 14 : la charte est en relecture dans l’équipe." }],
  },
  {
    lab: "innovmandie",
    by: P.camille,
    sponsor: P.bruno,
    kind: "method",
    title: "Simplifier l’accueil téléphonique de la direction de l’action sociale",
    context:
      "Le standard de la direction de l’action sociale reçoit 300 appels par jour ; un appel sur trois n’aboutit pas. Les usagers rappellent, les agents d’accueil s’épuisent. Nous voulons comprendre ce qui se passe avant d’acheter un nouvel outil.",
    affected: "Les usagers de l’action sociale, les 8 agents d’accueil",
    success: "Un diagnostic partagé des motifs d’appel et deux ou trois pistes testées en quelques semaines",
    timing: "Avant l’été",
    others: "CAF de l’Eure",
    daysAgo: 12,
    steps: [
      { do: "assign", by: P.solene, to: P.solene },
      { do: "qualify", by: P.solene, text: "Avez-vous des relevés des motifs d’appel, même partiels ? Et la CAF est-elle prête à participer aux ateliers ?" },
      { do: "message", by: P.camille, text: "Nous avons deux semaines de relevés faits à la main en mars. La CAF est d’accord pour un premier atelier." },
      { do: "expert", by: P.solene, expert: P.francis },
      { do: "opinion", by: P.francis, text: "Commencer par une écoute d’appels avec les agents d’accueil : les motifs réels diffèrent souvent des relevés. Une demi-journée suffit pour un premier tri." },
      { do: "note", by: P.solene, text: "À présenter au prochain comité de projet ; prévoir l’écoute d’appels avec l’accord des agents." },
    ],
  },
  {
    lab: "innovmandie",
    by: P.julien,
    kind: "training",
    title: "Former les gestionnaires RH à l’écriture en langage clair",
    context: "Nos courriers aux agents (mutations, promotions) sont jugés incompréhensibles : beaucoup d’agents rappellent pour se les faire expliquer.",
    affected: "Les 12 gestionnaires de la plateforme RH, les agents qui reçoivent leurs courriers",
    success: "Des courriers types réécrits et des gestionnaires à l’aise avec le langage clair",
    daysAgo: 33,
  },
  {
    lab: "innovmandie",
    by: P.chloe,
    sponsor: P.antoine,
    kind: "network",
    title: "Accueillir ensemble les nouveaux arrivants des services de l’État",
    context:
      "Chaque service de l’État accueille seul ses nouveaux arrivants, avec des livrets différents et sans rien sur la vie dans la ville. Plusieurs services aimeraient mutualiser une journée d’accueil interministérielle.",
    affected: "Les nouveaux arrivants des services de l’État, environ 200 par an",
    success: "Une journée d’accueil commune chaque trimestre, préparée par un réseau de référents",
    daysAgo: 26,
    steps: [
      { do: "qualify", by: P.solene, text: "Vos services sont-ils en Normandie ou dans le Grand Est ?" },
      { do: "message", by: P.chloe, text: "Dans le Grand Est : au SGARE à Strasbourg, avec la DDT des Vosges." },
      {
        do: "reorient",
        by: P.solene,
        lab: "labest",
        text: "Lab’EST, le laboratoire de l’État et de la Région Grand Est, connaît vos services : nous lui transmettons votre demande avec notre échange.",
        then: [
          { do: "assign", by: P.theo, to: P.theo },
          { do: "qualify", by: P.theo, text: "Combien de services seraient prêts à tenir la première journée ? Nous pouvons réunir leurs référents." },
          // interministerial and with the Région's agents too: Lab'EST's steering committee will decide
          { do: "steering", by: P.theo },
        ],
      },
    ],
  },
  {
    lab: "labest",
    by: P.aissatou,
    sponsor: P.antoine,
    kind: "project",
    title: "Accompagner le projet de service du nouveau secrétariat général commun",
    context:
      "Le secrétariat général commun départemental rassemble depuis janvier les fonctions support de quatre services. Les agents viennent de cultures différentes et le projet de service reste à écrire ; le dossier de financement FTAP est en cours.",
    affected: "Les 45 agents du SGC, les services qu’il soutient",
    success: "Un projet de service écrit avec les agents, porté par la direction et financé",
    timing: "Dépôt du dossier FTAP avant la fin du trimestre",
    others: "DDT des Vosges, DDETSPP, Préfecture des Vosges",
    daysAgo: 95,
    steps: [{ do: "confirm" }, { do: "assign", by: P.claire, to: P.claire }, { do: "qualify", by: P.claire, text: "Le dossier FTAP est-il déjà rédigé, ou faut-il l’écrire ensemble ?" }, { do: "message", by: P.aissatou, text: "Une première version existe, mais sans la parole des agents." }, { do: "accept", by: P.claire, outcome: "project", text: "Lab’EST accompagne le projet de service ; nous proposerons le dossier au comité de pilotage." }],
  },
  {
    lab: "labest",
    by: P.fatima,
    sponsor: P.aissatou,
    kind: "workshop",
    title: "Atelier d’intelligence collective sur le contrôle des installations classées",
    context: "Les inspecteurs de l’environnement de la DDT trouvent leurs procédures de contrôle lourdes et mal comprises des exploitants.",
    affected: "Les 6 inspecteurs de l’environnement, les exploitants contrôlés",
    success: "Des pistes concrètes pour alléger la préparation des contrôles",
    daysAgo: 55,
    steps: [{ do: "confirm" }, { do: "accept", by: P.theo, outcome: "workshop", text: "L’atelier a eu lieu à Épinal : le compte rendu est joint à votre dossier." }],
  },
  {
    lab: "labest",
    by: P.francis,
    kind: "network",
    title: "Mettre en réseau les référents télétravail des services de l’État",
    context: "Chaque service a son référent télétravail, mais ils ne se connaissent pas et règlent seuls les mêmes questions.",
    affected: "Une trentaine de référents télétravail en Grand Est",
    success: "Un réseau qui se réunit deux fois par an et une foire aux questions commune",
    daysAgo: 24,
  },
  {
    lab: "region-grand-est",
    by: P.marion,
    sponsor: P.pierreYves,
    kind: "training",
    title: "Former l’équipe de la direction des lycées au design de services",
    context: "La direction des lycées refond ses démarches envers les établissements ; l’équipe veut apprendre à interroger les usagers avant de concevoir.",
    affected: "Les 12 chargés de mission de la direction des lycées",
    success: "Une équipe capable de mener seule ses entretiens avec les usagers",
    daysAgo: 70,
    steps: [{ do: "confirm" }, { do: "accept", by: P.mathias, outcome: "workshop", text: "Deux journées de formation réalisées ; les supports sont sur l’espace des méthodes." }],
  },
  {
    lab: "region-grand-est",
    by: P.fatoumata,
    sponsor: P.pierreYves,
    kind: "method",
    title: "Conseil pour une enquête auprès des agents de restauration des lycées",
    context: "Nous voulons interroger les agents de restauration des lycées sur leurs conditions de travail, sans refaire les erreurs du questionnaire de 2019, trop long et peu rempli.",
    affected: "Environ 900 agents de restauration des lycées",
    success: "Un questionnaire court, testé, et un taux de réponse supérieur à 40 %",
    daysAgo: 9,
    steps: [{ do: "confirm" }, { do: "qualify", by: P.nawel, text: "Pouvez-vous nous transmettre le questionnaire de 2019 et ses résultats ?" }],
  },
  {
    lab: "region-grand-est",
    by: P.marion,
    kind: "project",
    title: "Refaire le logiciel de gestion des subventions aux lycées",
    context: "Le logiciel actuel est ancien et lent ; nous voudrions que le lab le remplace.",
    affected: "Les gestionnaires de la direction des lycées",
    success: "Un nouveau logiciel",
    daysAgo: 30,
    steps: [{ do: "decline", by: P.nawel, reason: "Le remplacement d’un logiciel relève de la direction du numérique. Si vous souhaitez d’abord comprendre les besoins des gestionnaires, revenez vers nous pour un conseil méthodologique." }],
  },
  {
    lab: "region-grand-est",
    by: P.fatoumata,
    kind: "workshop",
    title: "Atelier sur l’accueil des apprentis dans les cuisines des lycées",
    context: "Brouillon : à compléter avec le chef de cuisine.",
    affected: "",
    success: "",
    daysAgo: 2,
    draft: true,
  },
];

/** Plays the demo's requests; returns how many were created. Needs the demo's labs and people. */
export async function seedDemoRequests(now = new Date()): Promise<number> {
  const ids = new Map<string, string>();
  const viewerCache = new Map<string, Viewer>();
  const who = async (email: string): Promise<Viewer> => {
    let v = viewerCache.get(email);
    if (!v) {
      const u = await findUserByEmail(email);
      if (!u) throw new Error(`demo person missing: ${email}`);
      viewerCache.set(email, (v = { userId: u.id, principal: await loadPrincipal(u.id) }));
    }
    return v;
  };
  const lab = async (slug: string) => (await getLabBySlug(slug))!;
  await d.saveAnswerDays((await lab("innovmandie")).id, 15, (await who(P.solene)).userId);
  await d.saveAnswerDays((await lab("region-grand-est")).id, 20, (await who(P.mathias)).userId);
  let count = 0;
  let seed = 7000;
  for (const r of demoRequests) {
    const requester = await who(r.by);
    const start = atWorkingHour(new Date(now.getTime() - r.daysAgo * DAY), seed++, now);
    const input: RequestInput = {
      labId: (await lab(r.lab)).id,
      kind: r.kind,
      title: r.title,
      context: r.context,
      affected: r.affected,
      success: r.success,
      timing: r.timing ?? "",
      sponsorEmail: r.sponsor ?? "",
      otherAdministrations: r.others ?? "",
      intent: r.draft ? "draft" : "submit",
    };
    const created = await createRequest(requester, input, [], start);
    count++;
    ids.set(r.title, created.id);
    // each step a working day or a few later, never after now
    const span = Math.max(1, r.daysAgo - 1);
    const steps = r.steps ?? [];
    const play = async (requestId: string, list: Step[], from: Date, room: number) => {
      for (const [i, step] of list.entries()) {
        const at = atWorkingHour(new Date(from.getTime() + ((i + 1) * room * DAY) / (list.length + 1)), seed++, now);
        switch (step.do) {
          case "confirm":
            await confirmSponsor(await who(r.sponsor!), requestId, at);
            break;
          case "assign":
            await assign(await who(step.by), requestId, (await who(step.to)).userId, at);
            break;
          case "qualify":
            await qualify(await who(step.by), requestId, step.text ?? "", at);
            break;
          case "message":
            await postMessage(await who(step.by), requestId, step.text, [], at);
            break;
          case "note":
            await postNote(await who(step.by), requestId, step.text, at);
            break;
          case "expert":
            await inviteExpert(await who(step.by), requestId, step.expert, at);
            break;
          case "opinion":
            await postOpinion(await who(step.by), requestId, step.text, at);
            break;
          case "accept":
            await accept(await who(step.by), requestId, step.outcome, step.text ?? "", at);
            break;
          case "decline":
            await decline(await who(step.by), requestId, step.reason, at);
            break;
          case "steering":
            await proposeToSteering(await who(step.by), requestId, at);
            break;
          case "reorient": {
            const { continuation } = await reorient(await who(step.by), requestId, (await lab(step.lab)).id, step.text ?? "", at);
            count++;
            if (step.then) await play(continuation.id, step.then, at, Math.max(1, (now.getTime() - at.getTime()) / DAY - 1));
            break;
          }
        }
      }
    };
    await play(created.id, steps, start, span);
  }
  return count;
}
