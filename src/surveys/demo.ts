/**
 * The Grand Est demo's questionnaires (seed 002): Lab'EST's « Imaginons ensemble l'avenir des
 * services de l'État du Grand Est », answered by 7,286 State agents in autumn 2020, whose free
 * texts the themes engine groups into themes (as its answers gave the roadmap's 5 axes); an
 * anonymous questionnaire on Lab'EST's day of 26 November, open; and the Région lab's open
 * questionnaire to the lycées' agents, with a question shown only to who answered « Oui ».
 * Answers are generated (deterministic) and inserted in bulk.
 */
import { listOrganizations, createOrganization, type OrganizationKind } from "../organizations/organizations";
import { getLabBySlug } from "../labs/labs";
import { getUsers } from "../accounts/accounts";
import { mulberry32 } from "../demo/content/agents";
import { createSurveyFromTemplate, type SurveyTemplate } from "./service";
import * as data from "./surveys";
import { runSurveyThemes } from "./job";
import type { Answer } from "./questions";

export const LAB_EST_SURVEY_TITLE = "Imaginons ensemble l’avenir des services de l’État du Grand Est";
export const LAB_EST_ANSWERS = 7286;
/** How long the seeding's parts took, for whoever tunes it (nothing reads it otherwise). */
export const timings: string[] = [];

/** The State services that answered, with their share of the answers (the last one answers 3 times: a group of fewer than 5). */
const stateServices: { name: string; kind: OrganizationKind; city: string; weight: number }[] = [
  { name: "Préfecture de la région Grand Est", kind: "prefecture", city: "Strasbourg", weight: 16 },
  { name: "Direction régionale de l’alimentation, de l’agriculture et de la forêt Grand Est", kind: "other", city: "Châlons-en-Champagne", weight: 10 },
  { name: "Direction régionale de l’environnement, de l’aménagement et du logement Grand Est", kind: "other", city: "Metz", weight: 14 },
  { name: "Direction régionale de l’économie, de l’emploi, du travail et des solidarités Grand Est", kind: "other", city: "Strasbourg", weight: 13 },
  { name: "Direction départementale des territoires des Vosges", kind: "ddt", city: "Épinal", weight: 8 },
  { name: "Direction départementale des territoires de la Marne", kind: "ddt", city: "Châlons-en-Champagne", weight: 8 },
  { name: "Direction départementale de l’emploi, du travail et des solidarités de la Marne", kind: "other", city: "Châlons-en-Champagne", weight: 7 },
  { name: "Préfecture de la Haute-Marne", kind: "prefecture", city: "Chaumont", weight: 6 },
  { name: "Préfecture du Bas-Rhin", kind: "prefecture", city: "Strasbourg", weight: 10 },
  { name: "Secrétariat général commun départemental de la Meuse", kind: "other", city: "Bar-le-Duc", weight: 8 },
];
const SMALL_SERVICE = { name: "Sous-préfecture de Saint-Dié-des-Vosges", kind: "prefecture" as OrganizationKind, city: "Saint-Dié-des-Vosges", answers: 3 };

const labEstTemplate: SurveyTemplate = {
  title: LAB_EST_SURVEY_TITLE,
  description:
    "Une démarche lancée en juillet 2020, après le premier confinement, accompagnée par des designers et des sociologues : vos réponses construiront la feuille de route de la transformation des services de l’État en Grand Est. Une dizaine de minutes.",
  sections: [
    {
      title: "Vous et votre service",
      questions: [
        { kind: "single", label: "Votre catégorie", required: true, options: ["Catégorie A", "Catégorie B", "Catégorie C", "Contractuel ou contractuelle"] },
        { kind: "single", label: "Depuis combien de temps travaillez-vous dans l’administration ?", required: true, options: ["Moins de 5 ans", "De 5 à 15 ans", "Plus de 15 ans"] },
        { key: "manager", kind: "single", label: "Encadrez-vous une équipe ?", required: true, options: ["Oui", "Non"] },
      ],
    },
    {
      title: "Votre quotidien de travail",
      questions: [
        { kind: "scale5", label: "Comment qualifiez-vous votre qualité de vie au travail ?", required: true },
        { kind: "multiple", label: "Ce qui compte le plus pour vous demain", help: "Trois réponses au plus.", required: true, maxChoices: 3, options: ["Le télétravail et le travail hybride", "Des outils numériques qui fonctionnent", "Moins de procédures", "Plus d’autonomie", "Des locaux adaptés", "La formation et les parcours", "La reconnaissance", "Le sens de la mission"] },
        { kind: "ranking", label: "Classez ces priorités pour les services de l’État", required: true, options: ["La qualité du service aux usagers", "La qualité de vie au travail", "La transition écologique", "Le numérique"] },
        { kind: "matrix", label: "Votre avis sur…", required: true, rows: ["L’accueil des usagers", "La coopération entre services", "L’information interne"], options: ["Satisfaisant", "À améliorer", "Insuffisant"] },
      ],
    },
    {
      title: "Pour les managers",
      description: "Cette page ne s’affiche qu’aux agents qui encadrent une équipe.",
      questions: [{ kind: "scale5", label: "Disposez-vous des marges de manœuvre pour faire confiance à votre équipe ?", required: true, condition: { key: "manager", values: [0] } }],
    },
    {
      title: "Imaginons 2031",
      questions: [
        { kind: "scale10", label: "Recommanderiez-vous votre service à un proche qui cherche un emploi ?", required: true },
        { kind: "long_text", label: "Si vous pouviez changer une chose dans le fonctionnement de votre service, ce serait…", help: "Facultatif. Vos mots seront lus tels quels par l’équipe du lab." },
      ],
    },
  ],
};

/** The free texts: each says one of the five axes that came out of the answers, in its own words. */
const axes: { openers: string[]; parts: string[] }[] = [
  {
    // an agile and resilient organisation
    openers: ["Simplifier", "Alléger", "Raccourcir", "Revoir"],
    parts: ["les circuits de validation des dossiers", "les procédures internes trop lourdes", "le nombre de signatures pour une simple décision", "les niveaux hiérarchiques pour décider plus vite", "les délais de validation par la direction", "les allers-retours de validation entre services", "la procédure de validation des congés et des missions"],
  },
  {
    // management by trust
    openers: ["Faire davantage confiance", "Un management plus à l’écoute", "Donner de l’autonomie", "Reconnaître le travail"],
    parts: ["aux agents et aux équipes de terrain", "avec des managers qui écoutent leurs équipes", "aux équipes pour organiser leur travail", "des agents par leurs managers", "et la confiance entre managers et agents", "avec des entretiens réguliers avec son manager", "aux agents qui proposent des idées"],
  },
  {
    // the services of daily life
    openers: ["Des ordinateurs portables", "Des outils informatiques", "Des locaux", "Une salle de pause et des bureaux"],
    parts: ["qui fonctionnent pour le télétravail", "et une visio qui marche enfin", "rénovés et bien chauffés en hiver", "avec une connexion réseau fiable", "adaptés au travail hybride", "et des logiciels métier modernes", "avec le wifi et des écrans pour la visio"],
  },
  {
    // sharing innovation between services (the innovation tracker)
    openers: ["Partager les projets innovants", "Savoir ce que font les autres services", "Mieux connaître les projets", "Faire circuler les bonnes idées"],
    parts: ["entre les services de l’État du territoire", "pour ne pas refaire ce qui existe déjà", "des autres directions et préfectures", "entre les agents des différents services", "grâce à un outil commun pour suivre les projets", "et les expérimentations réussies ailleurs", "entre l’État et la Région"],
  },
  {
    // eco-responsible public services
    openers: ["Réduire le papier", "Trier les déchets", "Développer le covoiturage", "Économiser l’énergie"],
    parts: ["et les impressions dans les bureaux", "et supprimer les gobelets en plastique", "et les véhicules électriques pour les déplacements", "en éteignant le chauffage et les lumières le soir", "pour une administration écoresponsable", "et les déplacements professionnels en train", "avec des poubelles de tri à chaque étage"],
  },
];
const closers = ["", "", "", " Ce serait un vrai progrès.", " Merci de nous demander notre avis.", " C’est urgent.", " Cela changerait notre quotidien."];

/** Adds the State services the questionnaire went to (those the other demos made are kept). */
async function ensureOrganizations(): Promise<Map<string, string>> {
  const existing = new Map((await listOrganizations()).map((o) => [o.name, o.id]));
  for (const s of [...stateServices, SMALL_SERVICE]) if (!existing.has(s.name)) existing.set(s.name, (await createOrganization({ name: s.name, kind: s.kind, city: s.city })).id);
  return existing;
}

const pickWeighted = <T,>(rand: () => number, items: { item: T; weight: number }[]): T => {
  const total = items.reduce((s, i) => s + i.weight, 0);
  let r = rand() * total;
  for (const i of items) if ((r -= i.weight) < 0) return i.item;
  return items[items.length - 1].item;
};

const dayOf = (start: Date, offsetDays: number) => new Date(start.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoSurveys(input: { now: Date; labEstTeamId: string | null; regionTeamId: string | null }): Promise<{ surveys: number; answers: number; themes: number }> {
  const labEst = await getLabBySlug("labest");
  const region = await getLabBySlug("region-grand-est");
  if (!labEst || !region) return { surveys: 0, answers: 0, themes: 0 };
  const t0 = Date.now();
  const orgs = await ensureOrganizations();
  const rand = mulberry32(2020);

  // Lab'EST's questionnaire, autumn 2020, closed
  const made = await createSurveyFromTemplate({
    labId: labEst.id,
    template: labEstTemplate,
    audience: { kind: "organizations", organizationIds: [...stateServices, SMALL_SERVICE].map((s) => orgs.get(s.name)!) },
    opensAt: new Date("2020-09-01T06:00:00Z"),
    closesAt: new Date("2020-10-16T22:00:00Z"),
    createdBy: input.labEstTeamId,
  });
  await data.setStatus(made.id, "closed");
  const { questions } = await data.structureRows(made.id);
  const [category, seniority, manager, qvt, priorities, ranking, matrix, trust, nps, text] = questions.sort((a, b) => a.position - b.position);
  const one = (value: number): Answer => ({ choices: [{ item: 0, value }], text: null });
  const weighted = stateServices.map((s) => ({ item: orgs.get(s.name)!, weight: s.weight }));
  const responses: { organizationId: string | null; day: string; answers: Map<string, Answer> }[] = [];
  const start = new Date("2020-09-01T12:00:00Z");
  for (let i = 0; i < LAB_EST_ANSWERS; i++) {
    const organizationId = i < SMALL_SERVICE.answers ? orgs.get(SMALL_SERVICE.name)! : pickWeighted(rand, weighted);
    const answers = new Map<string, Answer>();
    const isManager = rand() < 0.22;
    answers.set(category.id, one(pickWeighted(rand, [0, 1, 2, 3].map((v, k) => ({ item: v, weight: [30, 32, 28, 10][k] })))));
    answers.set(seniority.id, one(pickWeighted(rand, [0, 1, 2].map((v, k) => ({ item: v, weight: [22, 38, 40][k] })))));
    answers.set(manager.id, one(isManager ? 0 : 1));
    answers.set(qvt.id, one(pickWeighted(rand, [1, 2, 3, 4, 5].map((v, k) => ({ item: v, weight: [8, 20, 36, 28, 8][k] })))));
    const chosen = new Set<number>();
    const wanted = 1 + Math.floor(rand() * 3);
    while (chosen.size < wanted) chosen.add(pickWeighted(rand, [0, 1, 2, 3, 4, 5, 6, 7].map((v, k) => ({ item: v, weight: [30, 26, 22, 16, 10, 9, 12, 8][k] }))));
    answers.set(priorities.id, { choices: [...chosen].sort((a, b) => a - b).map((value) => ({ item: 0, value })), text: null });
    const order = [0, 1, 2, 3].sort(() => rand() - 0.5 + (rand() < 0.3 ? -0.2 : 0));
    answers.set(ranking.id, { choices: order.map((item, rank) => ({ item, value: rank + 1 })).sort((a, b) => a.item - b.item), text: null });
    answers.set(matrix.id, { choices: [0, 1, 2].map((item) => ({ item, value: pickWeighted(rand, [0, 1, 2].map((v, k) => ({ item: v, weight: [[45, 40, 15], [20, 50, 30], [25, 45, 30]][item][k] }))) })), text: null });
    if (isManager) answers.set(trust.id, one(pickWeighted(rand, [1, 2, 3, 4, 5].map((v, k) => ({ item: v, weight: [10, 25, 35, 22, 8][k] })))));
    answers.set(nps.id, one(Math.min(10, Math.max(0, Math.round(6 + (rand() - 0.5) * 7)))));
    if (rand() < 0.6) {
      const axis = axes[pickWeighted(rand, [0, 1, 2, 3, 4].map((v, k) => ({ item: v, weight: [24, 22, 24, 14, 16][k] })))];
      const part = () => axis.parts[Math.floor(rand() * axis.parts.length)];
      const opener = axis.openers[Math.floor(rand() * axis.openers.length)];
      const first = part();
      let second = part();
      if (second === first) second = axis.parts[(axis.parts.indexOf(first) + 1) % axis.parts.length];
      const body = `${opener} ${first}${rand() < 0.5 ? `, et ${second}` : ""}.${closers[Math.floor(rand() * closers.length)]}`;
      answers.set(text.id, { choices: [], text: body });
    }
    responses.push({ organizationId, day: dayOf(start, Math.floor(Math.pow(rand(), 1.8) * 45)), answers });
  }
  const generated = Date.now();
  await data.insertResponsesBulk(made.id, responses);
  const inserted = Date.now();
  // the free texts grouped by the themes engine, as the job does
  const run = await data.insertThemeRun(made.id, text.id, input.labEstTeamId);
  // five themes, as the answers gave Lab'EST five axes; fewer restarts keep the seeding short
  await runSurveyThemes(run.id, { inThread: false, k: 5, restarts: 3 });
  const themes = (await data.themesOf(run.id)).length;
  timings.push(`questionnaire and answers made ${generated - t0} ms, inserted ${inserted - generated} ms, themes ${Date.now() - inserted} ms`);

  // Lab'EST's day of 26 November: an anonymous questionnaire, open for a few more weeks
  const DAY = 86_400_000;
  const day = await createSurveyFromTemplate({
    labId: labEst.id,
    template: {
      title: "Votre avis sur la journée «\u00a0Imaginons les services publics de demain\u00a0»",
      description: "La journée du 26 novembre à la Cité administrative de Strasbourg : dites-nous ce que vous en avez pensé. Anonyme, deux minutes.",
      sections: [
        {
          title: "La journée",
          questions: [
            { kind: "scale5", label: "Dans l’ensemble, la journée vous a-t-elle plu ?", required: true },
            { kind: "multiple", label: "Ce que vous avez préféré", maxChoices: 2, options: ["Les ateliers de prospective", "L’exposition", "Les témoignages d’usagers", "Les rencontres entre services"] },
            { kind: "short_text", label: "Un mot pour la prochaine édition ?" },
          ],
        },
      ],
    },
    audience: { kind: "anonymous" },
    opensAt: new Date(input.now.getTime() - 10 * DAY),
    closesAt: new Date(input.now.getTime() + 20 * DAY),
    createdBy: input.labEstTeamId,
  });
  const dayQuestions = (await data.structureRows(day.id)).questions.sort((a, b) => a.position - b.position);
  const words = ["Plus d’ateliers, moins de discours", "Bravo pour l’exposition", "Inviter davantage d’usagers", "Une journée trop courte", "Refaire la même chose à Metz"];
  await data.insertResponsesBulk(
    day.id,
    Array.from({ length: 42 }, (_, i) => ({
      organizationId: null,
      day: dayOf(new Date(input.now.getTime() - 10 * DAY), Math.floor(rand() * 3)),
      answers: new Map<string, Answer>([
        [dayQuestions[0].id, one(pickWeighted(rand, [1, 2, 3, 4, 5].map((v, k) => ({ item: v, weight: [2, 4, 10, 20, 14][k] }))))],
        [dayQuestions[1].id, { choices: [...new Set([Math.floor(rand() * 4), Math.floor(rand() * 4)])].sort().map((value) => ({ item: 0, value })), text: null }],
        ...(i % 3 === 0 ? [[dayQuestions[2].id, { choices: [], text: words[i % words.length] }] as [string, Answer]] : []),
      ]),
    })),
  );
  // Lab'EST publishes the day's results as open data (/donnees, « Résultats des questionnaires anonymes »)
  await data.setOpenData(day.id, new Date(input.now.getTime() - DAY));

  // the Région lab asks the lycées' agents, open now: a page shown to who answered « Oui »
  const lycees = (await listOrganizations()).filter((o) => o.kind === "lycee").map((o) => o.id);
  await createSurveyFromTemplate({
    labId: region.id,
    template: {
      title: "Vos outils au quotidien dans les lycées",
      description: "La Région prépare le renouvellement des équipements des agents des lycées. Dites-nous ce qui vous aiderait. Cinq minutes ; vous pourrez modifier votre réponse jusqu’à la clôture.",
      sections: [
        {
          title: "Votre travail",
          questions: [
            { kind: "single", label: "Votre métier", required: true, options: ["Agent d’entretien", "Restauration", "Accueil", "Maintenance", "Administration"] },
            { key: "equipment", kind: "single", label: "Un équipement vous manque-t-il pour bien travailler ?", required: true, options: ["Oui", "Non"] },
          ],
        },
        {
          title: "L’équipement qui vous manque",
          questions: [
            { kind: "short_text", label: "Lequel ?", required: true, condition: { key: "equipment", values: [0] } },
            { kind: "scale5", label: "À quel point vous manque-t-il ?", required: true, condition: { key: "equipment", values: [0] } },
          ],
        },
        {
          title: "Pour finir",
          questions: [{ kind: "ranking", label: "Classez ce qui compte le plus pour vous", options: ["Des équipements plus légers", "Moins de bruit", "Des produits moins irritants"] }],
        },
      ],
    },
    audience: { kind: "organizations", organizationIds: lycees },
    opensAt: new Date(input.now.getTime() - 5 * DAY),
    closesAt: new Date(input.now.getTime() + 30 * DAY),
    createdBy: input.regionTeamId,
  });
  return { surveys: 3, answers: LAB_EST_ANSWERS + 42, themes };
}

/**
 * Answers to the satisfaction questionnaires the demo's held training sessions sent (wired from the
 * trainings module): about two agents present in three answered, in the days after the session,
 * mostly satisfied. Run once the trainings are seeded; each answer as an agent's (their
 * organisation, their respondent row), so « Mes questionnaires » shows it answered.
 */
export async function seedDemoSatisfactionAnswers(input: { now: Date }): Promise<number> {
  const rand = mulberry32(26);
  const labs = (await Promise.all(["labest", "region-grand-est"].map((slug) => getLabBySlug(slug)))).filter((l) => !!l);
  let answered = 0;
  for (const lab of labs) {
    for (const survey of (await data.surveysOfLab(lab!.id)).filter((s) => s.audience === "agents" && s.title.startsWith("Votre avis\u00a0:"))) {
      const { questions } = await data.structureRows(survey.id);
      const [overall, goals, nps, practice] = questions;
      const recipients = await data.recipientIds(survey.id);
      const users = await getUsers(recipients);
      const start = survey.created_at;
      for (const userId of recipients) {
        if (rand() > 0.66) continue;
        const answers = new Map<string, Answer>();
        const mood = rand();
        answers.set(overall.id, { choices: [{ item: 0, value: mood < 0.1 ? 3 : mood < 0.5 ? 4 : 5 }], text: null });
        answers.set(goals.id, { choices: [{ item: 0, value: mood < 0.15 ? 1 : 0 }], text: null });
        answers.set(nps.id, { choices: [{ item: 0, value: Math.min(10, 6 + Math.floor(mood * 5)) }], text: null });
        if (rand() < 0.4) answers.set(practice.id, { choices: [], text: practices[Math.floor(rand() * practices.length)] });
        const day = dayOf(start, Math.min(Math.floor(rand() * 6), Math.max(0, Math.floor((input.now.getTime() - start.getTime()) / 86_400_000))));
        const responseId = await data.insertResponse(survey.id, users.get(userId)?.organization_id ?? null, day);
        await data.insertRespondent(survey.id, userId, responseId);
        await data.writeAnswers(survey.id, responseId, answers);
        answered++;
      }
    }
  }
  return answered;
}

const practices = [
  "Organiser un atelier avec mon équipe pour repartir des usagers.",
  "Tester une première version avant de tout écrire.",
  "Faire des entretiens avec quelques usagers de l’accueil.",
  "Partager les outils de la formation avec mes collègues.",
  "Animer nos réunions de service autrement.",
];
