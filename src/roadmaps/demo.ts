/**
 * The demo's roadmap: Lab'EST's, exactly as its programme states it (seed 002) — five axes (one
 * transversal, « écoresponsable »), four flagship projects with 5, 4, 4 and 5 levers of
 * transformation and 7, 7, 7 and 13 connected projects, and its « calendrier prévisionnel ». The
 * connected projects that are Lab'EST projects of the demo are linked to them (their stages drive
 * the progress); the others are initiatives with their milestones, DataGrandEst (2021–2027) and the
 * reciprocal training offer among them. The history is replayed from 2021: a snapshot at each date
 * an input changed (a milestone done, a project entering a stage), and the feed says what happened.
 */
import PDFDocument from "pdfkit";
import { getLabBySlug, loadPrincipal, usersWithRole } from "../labs/labs";
import { transaction } from "../kernel/db/transaction";
import { labProjectChoices, projectFacts, stageLabels, type MainStage } from "../projects";
import * as data from "./roadmaps";
import { compute, snapshot } from "./service";
import { defaultStageShares, type ItemKind } from "./rules";

const d = (iso: string) => new Date(`${iso}T10:00:00+01:00`);
const q = (s: string) => `«\u00a0${s}\u00a0»`;

type MilestoneSpec = [title: string, planned: string, done: string | null];
interface Connected {
  title: string;
  /** The start of a demo project's title: the item is that project. */
  project?: RegExp;
  role: string;
  description?: string;
  calendar?: string;
  starts?: string;
  ends?: string;
  milestones: MilestoneSpec[];
  /** For a project: milestones proved by the project entering a stage. */
  stageMilestones?: [string, MainStage][];
  weight?: number;
}
interface Lever {
  title: string;
  connected: Connected[];
}
interface Flagship {
  title: string;
  description: string;
  levers: Lever[];
}
interface Axis {
  title: string;
  description: string;
  transversal?: boolean;
  flagship?: Flagship;
}

const i = (title: string, role: string, milestones: MilestoneSpec[], more: Partial<Connected> = {}): Connected => ({ title, role, milestones, ...more });

export const labEstRoadmap: { title: string; description: string; axes: Axis[] } = {
  title: "Imaginons ensemble l’avenir des services de l’État du Grand Est",
  description:
    "La feuille de route en 5 axes élaborée avec 7\u00a0286 agents (questionnaire en ligne) et 72 participants aux ateliers, depuis juillet 2020, pour transformer l’administration. Sa concrétisation est l’un des objectifs de la coopération État-Région formalisée par l’accord cadre du CPER 2021-2027.",
  axes: [
    {
      title: "Piloter et partager l’innovation",
      description: "Valoriser et exploiter la donnée pour disposer d’outils de pilotage stratégique et opérationnel, et les mettre à disposition.",
      flagship: {
        title: "Traceur de l’innovation",
        description: "Communiquer et suivre en temps réel les projets et les initiatives partagées autour d’un processus levier d’innovation.",
        levers: [
          {
            title: "Rendre visibles les projets et les initiatives",
            connected: [
              i("Traceur de l’innovation, l’outil de pilotage de la feuille de route", "Équipe du Lab’EST", [], { project: /^Traceur de l’innovation/, calendar: "Mars 2022 : concrétisation du projet phare 1", stageMilestones: [["Ouverture aux porteurs des projets connexes", "experimentation"], ["Déploiement à tous les axes", "deployment"]] }),
              i("Carte des initiatives du réseau d’innovation Grand Est", "Réseau des laboratoires d’innovation publique du Grand Est", [["Recensement des initiatives des membres du réseau", "2021-10-15", "2021-11-30"], ["Carte publiée", "2022-03-31", "2022-04-12"], ["Mise à jour annuelle", "2027-03-31", null]]),
            ],
          },
          {
            title: "Valoriser et exploiter la donnée",
            connected: [
              i("DataGrandEst", "État (SGARE) et Région Grand Est", [
                ["Restitution finale de l’étude de cadrage", "2021-06-30", "2021-06-30"],
                ["Gouvernance stratégique installée", "2022-03-31", "2022-03-17"],
                ["Offre de services d’ouverture des données des acteurs publics", "2023-06-30", "2023-09-14"],
                ["Stratégie territoriale de la donnée adoptée", "2024-12-31", "2025-02-06"],
                ["Ouverture progressive aux données des acteurs privés", "2026-06-30", "2026-05-19"],
                ["Bilan de fin de CPER", "2027-12-31", null],
              ], { description: "Évolution de GeoGrandEst portée par l’État et la Région : l’ouverture de la donnée des acteurs publics territoriaux, puis des acteurs privés, avec une offre de services et une animation, et la gouvernance stratégique des politiques publiques par la donnée.", calendar: "2021-2027 (CPER)", starts: "2021-01-01", ends: "2027-12-31" }),
              i("Données partagées Data Grand Est", "Équipe du Lab’EST", [], { project: /^Données partagées Data Grand Est/ }),
            ],
          },
          { title: "Des outils de pilotage stratégique et opérationnel", connected: [i("Tableaux de bord du comité de pilotage", "SGARE, mission modernisation", [["Indicateurs choisis avec le comité de pilotage", "2022-01-31", "2022-02-08"], ["Premier tableau de bord présenté", "2022-06-30", "2022-06-21"], ["Tableau de bord trimestriel", "2027-06-30", null]])] },
          { title: "Animer le réseau des laboratoires du Grand Est", connected: [i("Événements du réseau d’innovation Grand Est", "Réseau d’innovation Grand Est (métropoles, hôpitaux universitaires, ENA, Pôle emploi)", [["Programme des événements ponctuels", "2021-10-01", "2021-10-05"], ["Mois de l’innovation publique", "2021-11-30", "2021-11-30"]], { calendar: "4e trimestre 2021" })] },
          { title: "Sensibiliser et former les agents publics", connected: [i("Offre réciproque de formations", "Services de formation de l’État et de la Région", [["Catalogues ouverts aux agents des deux fonctions publiques", "2021-01-31", "2021-01-18"], ["Premières inscriptions croisées", "2021-03-31", "2021-03-02"], ["Bilan annuel des inscriptions croisées", "2027-01-31", null]], { description: "Les agents de la fonction publique territoriale accèdent à l’offre proposée aux agents de l’État, et inversement.", calendar: "Déjà en œuvre" })] },
        ],
      },
    },
    {
      title: "Une organisation agile et résiliente",
      description: "Focaliser l’effort de transformation sur des services volontaires pour en tirer des enseignements réplicables.",
      flagship: {
        title: "Expérimentation d’une direction agile et résiliente",
        description: "Focaliser l’effort de transformation sur un endroit précis pour créer des enseignements réplicables.",
        levers: [
          {
            title: "Trois services volontaires expérimentent",
            connected: [
              i("Expérimentation avec la DRAAF Grand Est, la DDT 88 et la préfecture 52", "Directions des trois services volontaires", [], { project: /^Expérimentation d’une direction agile/, calendar: "Septembre à décembre 2021 : concrétisation de l’axe 2 avec la DRAAF Grand Est, la DDT 88 et la préfecture 52", stageMilestones: [["Prototype des binômes de continuité", "prototype"], ["Expérimentation dans les trois services", "experimentation"], ["Bilan de l’expérimentation", "evaluation"]] }),
              i("Binômes de continuité à la DDT des Vosges", "DDT des Vosges", [["Binômes constitués", "2022-03-01", "2022-03-10"], ["Retour d’expérience après six mois", "2022-09-30", "2022-10-20"]]),
            ],
          },
          {
            title: "Accompagner les nouveaux services de l’État (OTE)",
            connected: [
              i("Projet de service du SGC de la Meuse", "Secrétariat général commun de la Meuse", [], { project: /^Projet de service du secrétariat général commun/, calendar: "Fin 2021 : accompagnement financier (FTAP) ou intellectuel des agents du SGARE", stageMilestones: [["Prototype du projet de service", "prototype"], ["Entrée en expérimentation", "experimentation"]] }),
              i("Projet de service de la DDETS de la Marne", "DDETS de la Marne", [], { project: /^Cohésion d’équipe et projet de service de la DDETS/, stageMilestones: [["Prototype du parcours d’accueil des nouveaux arrivants", "prototype"]] }),
            ],
          },
          {
            title: "Des circuits de décision plus courts",
            connected: [
              i("Délégations de signature revues à la préfecture de la Haute-Marne", "Préfecture de la Haute-Marne", [["Cartographie des circuits de signature", "2021-11-30", "2021-12-06"], ["Nouvelles délégations en vigueur", "2022-04-01", "2022-05-02"]]),
              i("Charte des réunions utiles à la DRAAF Grand Est", "DRAAF Grand Est", [["Charte rédigée avec les agents", "2022-02-28", "2022-02-24"], ["Mesure du temps passé en réunion", "2023-02-28", null]]),
            ],
          },
          { title: "Capitaliser des enseignements réplicables", connected: [i("Guide de l’organisation agile et résiliente", "Équipe du Lab’EST", [["Plan du guide", "2023-03-31", "2023-04-11"], ["Guide publié", "2027-03-31", null]])] },
        ],
      },
    },
    {
      title: "Un management collaboratif et par la confiance",
      description: "Favoriser un management collaboratif et par la confiance, associant les services de l’État et du Conseil régional.",
      flagship: {
        title: "Une doctrine du management portée par un réseau de pionniers (managers intermédiaires)",
        description: "Co-concevoir une doctrine du management collaboratif et par la confiance, l’expérimenter et la déployer.",
        levers: [
          { title: "Co-concevoir la doctrine", connected: [i("Ateliers de co-conception avec les managers intermédiaires", "SGARE et DRH de la Région", [["Quatre ateliers tenus", "2021-06-30", "2021-06-29"], ["Synthèse partagée", "2021-09-15", "2021-09-09"]]), i("Charte du management par la confiance", "SGARE et DRH de la Région", [["Projet de charte", "2021-11-30", "2021-12-14"], ["Charte signée par les deux exécutifs", "2022-03-31", "2022-06-08"]])] },
          { title: "Un réseau de managers pionniers", connected: [i("Réseau des managers pionniers État-Région", "Équipe du Lab’EST", [["Trente pionniers volontaires", "2021-10-31", "2021-10-22"], ["Rencontre annuelle du réseau", "2027-06-30", null]]), i("Codéveloppement entre pairs", "Réseau des pionniers", [["Premiers groupes de codéveloppement", "2022-01-31", "2022-02-03"], ["Animateurs formés dans chaque département", "2027-12-31", null]])] },
          { title: "Expérimenter dans les services", connected: [i("Expérimentation de l’axe 3 État-Région", "Services de l’État et du Conseil régional", [["Lancement dans six services", "2021-05-31", "2021-05-17"], ["Fin de l’expérimentation", "2021-12-31", "2021-12-17"]], { calendar: "Fin 2021 : fin de l’expérimentation de l’axe 3" }), i("Management à distance et télétravail", "Directions des ressources humaines", [["Guide du management hybride", "2022-06-30", "2022-07-05"], ["Enquête auprès des équipes", "2023-06-30", "2023-06-27"]])] },
          { title: "Déployer et former", connected: [i("Parcours de formation des managers", "Plateforme RH et DRH de la Région", [["Parcours conçu", "2022-09-30", "2022-11-15"], ["Cent managers formés", "2027-12-31", null]])] },
        ],
      },
    },
    {
      title: "Des services de la vie quotidienne au cœur des transformations",
      description: "Recentrer les missions autour des « objets de la vie quotidienne » des agents et des usagers.",
      flagship: {
        title: "Des services de la vie quotidienne moteurs des transformations internes",
        description: "Une démarche de recherche et développement participative pour recentrer les missions autour des « objets de la vie quotidienne ».",
        levers: [
          { title: "L’accueil des usagers", connected: [i("Accueil unique en sous-préfecture", "Sous-préfectures volontaires", [["Parcours usager observé", "2022-03-31", "2022-03-29"], ["Accueil unique ouvert", "2027-06-30", null]]), i("Prise de rendez-vous en ligne pour les titres", "Préfectures du Grand Est", [["Service ouvert dans deux départements", "2022-06-30", "2022-06-14"], ["Service ouvert dans les dix départements", "2023-12-31", "2024-01-22"]]), i("Signalétique des préfectures", "Préfecture de la région Grand Est", [["Audit de la signalétique", "2022-04-30", "2022-05-10"], ["Nouvelle signalétique posée", "2023-09-30", null]])] },
          { title: "Les outils du quotidien des agents", connected: [i("Un poste de travail qui marche", "SGC et services informatiques", [["Irritants recensés", "2021-12-15", "2021-12-10"], ["Plan d’équipement", "2022-06-30", "2022-09-01"]]), i("Parapheur électronique", "SGC et directions départementales", [["Pilote dans un SGC", "2022-03-31", "2022-04-04"], ["Généralisation", "2027-06-30", null]]), i("Annuaire des compétences", "Plateforme RH", [["Premier annuaire en ligne", "2022-10-31", "2022-12-01"]])] },
          { title: "Les espaces de travail", connected: [i("Bureaux partagés à la DREAL", "DREAL Grand Est", [["Aménagement d’un étage pilote", "2022-09-30", "2022-10-03"]]), i("Tiers-lieux pour les agents en mobilité", "État et Région", [["Trois tiers-lieux ouverts aux deux fonctions publiques", "2023-03-31", "2023-05-15"]]), i("Salles de réunion équipées pour l’hybride", "SGC", [["Vingt salles équipées", "2022-12-31", "2022-12-20"]])] },
          { title: "La vie d’équipe", connected: [i("Accueil des nouveaux arrivants", "Services volontaires", [["Livret d’accueil commun", "2022-05-31", "2022-06-02"], ["Journée d’accueil trimestrielle", "2027-03-31", null]]), i("Journées d’immersion entre services", "État et Région", [["Vingt immersions croisées", "2022-12-31", "2023-01-20"]])] },
          { title: "Une recherche et développement participative", connected: [i("Atelier de travail des préfets du Grand Est", "Préfecture de la région Grand Est", [["Atelier tenu", "2021-11-30", "2021-11-25"]], { calendar: "Automne 2021 : atelier de travail des préfets du Grand Est en vue de construire des services publics cohérents avec les attentes des usagers" }), i("Laboratoire des objets de la vie quotidienne", "Équipe du Lab’EST", [["Dix objets étudiés avec les agents", "2022-12-31", "2023-02-14"], ["Bilan de la démarche", "2027-12-31", null]])] },
        ],
      },
    },
    { title: "Des services publics écoresponsables", description: "L’axe transversal : promouvoir une vision écoresponsable des services publics dans chacun des quatre autres axes.", transversal: true },
  ],
};

export const labEstCalendar: [period: string, starts: string, body: string][] = [
  ["2021-2027", "2021-01-01", "DataGrandEst : programmé et financé sur la durée du CPER 2021-2027."],
  ["Déjà en œuvre", "2021-01-02", "L’offre réciproque de formations, ouvrant aux agents de la fonction publique territoriale l’accès à l’offre proposée aux agents de l’État et inversement."],
  ["Septembre à décembre 2021", "2021-09-01", "Concrétisation de l’axe 2 avec l’accompagnement de 3 services de l’État volontaires (DRAAF Grand Est, DDT 88, Préfecture 52) pour développer une organisation agile et résiliente."],
  ["Automne 2021", "2021-09-22", "Atelier de travail des préfets du Grand Est en vue de construire des services publics cohérents avec les attentes des usagers."],
  ["4e trimestre 2021", "2021-10-01", "L’organisation d’événements ponctuels, en collaboration avec les autres membres du réseau d’innovation du Grand Est (Métropoles de Strasbourg, Metz, Nancy, agglomération de Mulhouse, Hôpitaux universitaires de Strasbourg, ENA, Pôle emploi)."],
  ["Fin 2021", "2021-12-01", "Fin de l’expérimentation de l’axe 3 « favoriser un management collaboratif et par la confiance » associant déjà les services de l’État et du Conseil régional."],
  ["Fin 2021", "2021-12-02", "Accompagnement des services de l’État nouvellement créés (secrétariats généraux communs, directions départementales interministérielles) : financement FTAP ou appui des agents du SGARE pour leur projet de service."],
  ["Mars 2022", "2022-03-01", "Concrétisation du projet phare 1 « traceur de l’innovation », outil de pilotage de la feuille de route."],
];

export async function seedDemoRoadmaps(opts: { labSlug?: string; now?: Date } = {}): Promise<{ roadmaps: number; items: number }> {
  const lab = await getLabBySlug(opts.labSlug ?? "labest");
  if (!lab) return { roadmaps: 0, items: 0 };
  const now = opts.now ?? new Date();
  const [teamId] = await usersWithRole(lab.id, "lab_team");
  const team = teamId ? { userId: teamId, principal: await loadPrincipal(teamId) } : null;
  const projects = team ? await labProjectChoices(team, lab.id) : [];
  const facts = await projectFacts(projects.map((p) => p.id));
  let count = 0;
  const spec = labEstRoadmap;
  const roadmap = await transaction(async () => {
    const roadmap = await data.insertRoadmap({ labId: lab.id, partnerLabId: null, title: spec.title, description: spec.description, published: true, shares: defaultStageShares, createdBy: teamId ?? null, at: d("2021-01-04") });
    const add = (kind: ItemKind, parentId: string | null, f: { title: string; description?: string; transversal?: boolean; projectId?: string | null; role?: string; calendar?: string; starts?: string; ends?: string; weight?: number }) => {
      count++;
      return data.insertItem({
        roadmapId: roadmap.id,
        parentId,
        kind,
        title: f.title,
        description: f.description ?? "",
        transversal: !!f.transversal,
        projectId: f.projectId ?? null,
        ownerName: "",
        ownerRole: f.role ?? "",
        ownerNamePublic: false,
        startsOn: f.starts ? d(f.starts) : null,
        endsOn: f.ends ? d(f.ends) : null,
        calendar: f.calendar ?? "",
        public: true,
        weight: f.weight ?? null,
        status: "active",
        at: d("2021-01-04"),
      });
    };
    for (const axis of spec.axes) {
      const a = await add("axis", null, { title: axis.title, description: axis.description, transversal: axis.transversal });
      if (!axis.flagship) continue;
      const f = await add("flagship", a.id, { title: axis.flagship.title, description: axis.flagship.description });
      for (const lever of axis.flagship.levers) {
        const l = await add("lever", f.id, { title: lever.title });
        for (const c of lever.connected) {
          const project = c.project ? projects.find((p) => c.project!.test(p.title)) : undefined;
          const pf = project ? facts.get(project.id) : undefined;
          const item = await add(project ? "project" : "initiative", l.id, { title: project ? project.title : c.title, description: c.description, projectId: project?.id ?? null, role: c.role, calendar: c.calendar, starts: c.starts, ends: c.ends, weight: c.weight });
          for (const [title, planned, done] of c.milestones) {
            const m = await data.insertMilestone(item.id, { title, plannedOn: d(planned), doneOn: done ? d(done) : null, evidenceKind: done ? "text" : null, evidenceUrl: null, evidenceText: done ? "Relevé par l’équipe du Lab’EST." : null, evidenceStage: null });
            if (m.done_on) await data.insertEvent({ roadmapId: roadmap.id, itemId: item.id, at: m.done_on, kind: "milestone", title: `Jalon franchi\u00a0: ${title} (${item.title})`, anonymousTitle: "Jalon franchi par un projet interne" });
          }
          for (const [title, stage] of c.stageMilestones ?? []) {
            const entered = pf?.entered.find((e) => e.stage === stage)?.at ?? null;
            await data.insertMilestone(item.id, { title, plannedOn: null, doneOn: entered, evidenceKind: "stage", evidenceUrl: null, evidenceText: null, evidenceStage: stage });
            if (entered) await data.insertEvent({ roadmapId: roadmap.id, itemId: item.id, at: entered, kind: "milestone", title: `Jalon franchi\u00a0: ${title} (${item.title})`, anonymousTitle: "Jalon franchi par un projet interne" });
          }
          // the project's stages since it began, as the feed would have told them
          const stages = [...(pf?.entered ?? [])].sort((x, y) => +x.at - +y.at);
          for (let k = 1; k < stages.length; k++) {
            await data.insertEvent({ roadmapId: roadmap.id, itemId: item.id, at: stages[k].at, kind: "gate", title: `Le projet ${q(item.title)} passe le cap\u00a0: ${stageLabels[stages[k - 1].stage].toLowerCase()} → ${stageLabels[stages[k].stage].toLowerCase()}`, anonymousTitle: `Un projet interne passe le cap\u00a0: ${stageLabels[stages[k - 1].stage].toLowerCase()} → ${stageLabels[stages[k].stage].toLowerCase()}` });
          }
        }
      }
    }
    for (const [period, starts, body] of labEstCalendar) await data.insertCalendarEntry({ roadmapId: roadmap.id, period, startsOn: d(starts), body, public: true });
    return roadmap;
  });
  // a milestone proved by a file: the DataGrandEst framing study's final report, as the team would upload it
  const dge = (await data.itemsOf(roadmap.id)).find((i) => i.title === "DataGrandEst");
  const study = dge ? (await data.milestonesOf([dge.id])).find((m) => m.title === "Restitution finale de l’étude de cadrage") : undefined;
  if (study && teamId) {
    await transaction(async () => {
      await data.updateMilestone(study.id, { title: study.title, plannedOn: study.planned_on, doneOn: study.done_on, evidenceKind: "file", evidenceUrl: null, evidenceText: null, evidenceStage: null });
      await data.evidenceFiles.add(study.id, { filename: "DataGrandEst – restitution de l’étude de cadrage (30 juin 2021).pdf", mime: "application/pdf", content: await demoPdf("DataGrandEst – restitution de l’étude de cadrage", ["Comité de pilotage État (SGARE) – Région Grand Est, 30 juin 2021.", "L’étude de cadrage propose une plateforme régionale de la donnée partagée par l’État, la Région et les collectivités du Grand Est, une gouvernance stratégique à installer début 2022 et une offre de services d’ouverture des données des acteurs publics."]), uploadedBy: teamId });
    });
  }

  // the history since 2021: a snapshot at each date an input changed
  const dates = new Set<number>([+d("2021-01-04")]);
  for (const f of facts.values()) for (const e of f.entered) dates.add(+e.at);
  for (const m of await data.milestonesOf((await data.itemsOf(roadmap.id)).map((x) => x.id))) if (m.done_on) dates.add(+m.done_on);
  await transaction(async () => {
    for (const t of [...dates].filter((t) => t >= +d("2021-01-04") && t <= +now).sort((a, b) => a - b)) {
      const at = new Date(t);
      await snapshot(await compute(roadmap, at), at, "Historique reconstitué");
    }
    await snapshot(await compute(roadmap), now, "État actuel");
  });
  return { roadmaps: 1, items: count };
}

/** A one-page PDF for the demo's evidence (pdfkit's Helvetica: no font file). */
function demoPdf(title: string, paragraphs: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: "A4", margin: 56, info: { Title: title, Author: "Lab’EST" }, lang: "fr-FR" });
    const chunks: Buffer[] = [];
    pdf.on("data", (c: Buffer) => chunks.push(c));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
    pdf.font("Helvetica-Bold").fontSize(16).text(title);
    pdf.font("Helvetica").fontSize(11);
    for (const p of paragraphs) pdf.moveDown(0.6).text(p);
    pdf.end();
  });
}
