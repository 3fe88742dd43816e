/**
 * The open data's one set of schemas: each resource's item (what the API answers, what a
 * dataset's CSV and JSON rows hold, and — converted — its Table Schema), each list's query, the
 * API's errors, and the token form. French titles and messages; zod-openapi reads `.meta()`.
 */
import { z } from "zod";
import "zod-openapi";
import { requiredText } from "../kernel/forms";

const NB = "\u00a0";
const id = (title: string, description: string) => z.uuid().meta({ title, description });
const text = (title: string, description: string) => z.string().meta({ title, description });
const when = (title: string, description: string) => z.iso.datetime({ offset: true }).meta({ title, description });
const count = (title: string, description: string) => z.int().min(0).meta({ title, description });
const euros = (title: string, description: string) => z.int().min(0).nullable().meta({ title, description });

export const ideaStatusValues = ["submitted", "under_review", "awarded", "not_awarded"] as const;
export const decisionOutcomeValues = ["adopted", "adopted_modified", "deferred", "rejected"] as const;
export const mainStageValues = ["exploration", "prototype", "experimentation", "evaluation", "deployment"] as const;
export const stageValues = [...mainStageValues, "paused", "stopped"] as const;

export const ideaItem = z
  .object({
    id: id("Identifiant", "Identifiant stable de l’idée (UUID)."),
    lab_id: id("Lab", "Identifiant du lab qui a lancé la campagne."),
    campaign_id: id("Campagne", "Identifiant de la campagne d’idées."),
    title: text("Titre", "Titre de l’idée."),
    problem: text("Problème", "Le problème auquel l’idée répond."),
    proposal: text("Proposition", "Ce que l’idée propose."),
    beneficiaries: text("Bénéficiaires", "Qui en bénéficierait."),
    status: z.enum(ideaStatusValues).meta({ title: "Statut", description: "submitted (déposée), under_review (en évaluation), awarded (primée), not_awarded (non primée)." }),
    award_kind: z.enum(["prize", "mention"]).nullable().meta({ title: "Distinction", description: "prize (prix) ou mention, pour une idée primée." }),
    support_count: count("Soutiens", "Nombre d’agents qui soutiennent l’idée."),
    comment_count: count("Commentaires", "Nombre de commentaires."),
    submitted_at: when("Déposée le", "Date et heure du dépôt (ISO 8601).").nullable(),
    theme_id: id("Problématique", "Identifiant de sa problématique dans la dernière analyse publiée.").nullable(),
    theme_label: text("Libellé de la problématique", "Libellé de cette problématique.").nullable(),
  })
  .meta({ title: "Idée publiée", description: `Une idée déposée dans une campagne, sans son auteur ni son organisation${NB}; ni brouillon, ni idée masquée ou fusionnée.` });

export const themeItem = z
  .object({
    id: id("Identifiant", "Identifiant stable de la problématique."),
    lab_id: id("Lab", "Identifiant du lab."),
    analysis_id: id("Analyse", "Identifiant de l’analyse publiée qui l’a dégagée."),
    analysis_title: text("Titre de l’analyse", "Titre de l’analyse."),
    label: text("Libellé", "Libellé de la problématique."),
    terms: z.array(z.string()).meta({ title: "Termes", description: "Ses termes les plus caractéristiques (8 au plus)." }),
    idea_count: count("Idées", "Nombre d’idées rattachées."),
    published_at: when("Publiée le", "Date de publication de l’analyse."),
  })
  .meta({ title: "Problématique", description: "Une problématique de fond dégagée des idées par une analyse publiée." });

export const minilabItem = z
  .object({
    id: id("Identifiant", "Identifiant stable du Mini-Lab."),
    lab_id: id("Lab", "Identifiant du lab."),
    theme_id: id("Problématique", "La problématique dont il est né.").nullable(),
    name: text("Nom", "Nom du Mini-Lab."),
    question: text("Question", "La question qu’il travaille."),
    join_policy: z.enum(["open", "request"]).meta({ title: "Adhésion", description: "open (libre) ou request (sur demande)." }),
    visibility: z.enum(["public", "private"]).meta({ title: "Visibilité", description: "public, ou private (seulement avec le jeton de son lab)." }),
    sessions_from: when("Début des séances", "Début des séances."),
    sessions_until: when("Fin des séances", "Fin des séances."),
    restitution_on: when("Restitution", "Date de la restitution."),
    arbitration_on: when("Arbitrage", "Date de l’arbitrage."),
    directorates: z.array(z.string()).meta({ title: "Directions", description: "Les directions qui reçoivent ses propositions." }),
    created_at: when("Créé le", "Date de création."),
  })
  .meta({ title: "Mini-Lab", description: "Un espace de créativité ouvert sur une problématique, sans ses membres." });

export const decisionItem = z
  .object({
    id: id("Identifiant", "Identifiant stable de la décision."),
    lab_id: id("Lab", "Identifiant du lab du Mini-Lab."),
    minilab_id: id("Mini-Lab", "Le Mini-Lab qui a fait la proposition."),
    proposal_id: id("Proposition", "Identifiant de la proposition."),
    proposal_title: text("Titre de la proposition", "Titre de la proposition."),
    directorate: text("Direction", "La direction qui a décidé."),
    cost_eur: euros("Coût estimé (€)", "Coût estimé par le Mini-Lab, en euros."),
    outcome: z.enum(decisionOutcomeValues).meta({ title: "Décision", description: "adopted (adoptée), adopted_modified (adoptée avec modifications), deferred (reportée), rejected (refusée)." }),
    reason: text("Motif", "Le motif donné par la direction."),
    follow_up_due: when("Échéance du suivi", "Échéance de la mise en œuvre, pour une proposition adoptée.").nullable(),
    corrects_id: id("Corrige", "La décision que celle-ci corrige (une décision publiée ne change jamais).").nullable(),
    decided_at: when("Décidée le", "Date de la décision."),
  })
  .meta({ title: "Décision d’arbitrage", description: "La décision d’une direction sur une proposition d’un Mini-Lab, sans le nom de qui décide ou suit." });

export const projectItem = z
  .object({
    id: id("Identifiant", "Identifiant stable du projet."),
    lab_id: id("Lab", "Identifiant du lab qui accompagne le projet."),
    title: text("Titre", "Titre du projet."),
    problem: text("Problème", "Le problème qu’il traite."),
    users: text("Usagers", "Qui le projet sert."),
    confidential: z.boolean().meta({ title: "Confidentiel", description: "true seulement avec le jeton de son lab." }),
    stage: z.enum(stageValues).meta({ title: "Étape", description: "exploration, prototype, experimentation, evaluation, deployment, paused (en pause) ou stopped (arrêté)." }),
    stage_entered_at: when("À cette étape depuis", "Date d’entrée dans l’étape."),
    origin: z.enum(["decision", "request", "direct"]).meta({ title: "Origine", description: "decision (d’un Mini-Lab), request (demande au guichet) ou direct (création par le lab)." }),
    created_at: when("Créé le", "Date de création."),
  })
  .meta({ title: "Projet", description: "Le résumé public d’un projet accompagné par un lab (ce qu’en voit tout agent hors de son équipe), sans son équipe, son budget ni ses documents." });

export const projectStageItem = z
  .object({
    project_id: id("Projet", "Identifiant du projet."),
    lab_id: id("Lab", "Identifiant du lab."),
    stage: z.enum(mainStageValues).meta({ title: "Étape", description: "exploration, prototype, experimentation, evaluation ou deployment." }),
    planned_start: when("Début prévu", "Début prévu de l’étape.").nullable(),
    planned_end: when("Fin prévue", "Fin prévue de l’étape.").nullable(),
    entered_at: when("Entrée", "Date d’entrée dans l’étape.").nullable(),
    left_at: when("Sortie", "Date de sortie de l’étape.").nullable(),
  })
  .meta({ title: "Étape de projet", description: "Le calendrier d’une étape d’un projet." });

export const roadmapProgressItem = z
  .object({
    id: id("Identifiant", "Identifiant stable de la mesure."),
    roadmap_id: id("Feuille de route", "Identifiant de la feuille de route publiée."),
    roadmap_title: text("Titre de la feuille de route", "Titre de la feuille de route."),
    lab_id: id("Lab", "Identifiant du lab qui tient la feuille de route."),
    partner_lab_id: id("Lab partenaire", "Identifiant du lab avec qui elle est tenue, s’il y en a un.").nullable(),
    item_id: id("Élément", "Identifiant stable de l’élément mesuré ; vide pour l’avancement d’ensemble de la feuille de route.").nullable(),
    parent_id: id("Rattaché à", "Identifiant de l’élément au-dessus (vide pour un axe et pour l’ensemble).").nullable(),
    kind: z.enum(["roadmap", "axis", "flagship", "lever", "project", "initiative"]).meta({ title: "Type", description: "roadmap (l’ensemble), axis (axe), flagship (projet phare), lever (levier de transformation), project (projet connexe du lab) ou initiative." }),
    title: text("Titre", "Titre de l’élément ; « Projet interne » pour un projet confidentiel que le lab montre sans le nommer."),
    at: when("Mesuré le", "Date et heure où l’avancement a changé (ISO 8601)."),
    percent: z.number().min(0).max(100).nullable().meta({ title: "Avancement (%)", description: "Avancement calculé à partir des preuves (étapes des projets, jalons franchis, moyenne pondérée des éléments rattachés), de 0 à 100 ; vide tant que rien ne le mesure." }),
  })
  .meta({ title: "Avancement d’une feuille de route", description: `Une mesure de l’avancement d’une feuille de route publiée ou d’un de ses éléments publics, à chaque changement${NB}; sans porteur ni élément interne.` });

export const surveyResultItem = z
  .object({
    id: text("Identifiant", "Identifiant stable de la ligne : la question et la position de la réponse proposée."),
    survey_id: id("Questionnaire", "Identifiant du questionnaire anonyme."),
    survey_title: text("Titre du questionnaire", "Titre du questionnaire."),
    lab_id: id("Lab", "Identifiant du lab qui a posé le questionnaire."),
    question_id: id("Question", "Identifiant de la question."),
    question: text("Question", "Libellé de la question."),
    question_kind: z.enum(["single", "multiple", "scale5", "scale10"]).meta({ title: "Type de question", description: "single (choix unique), multiple (choix multiple), scale5 (échelle de 1 à 5) ou scale10 (de 0 à 10)." }),
    answer: text("Réponse proposée", "Libellé de la réponse proposée (ou valeur de l’échelle)."),
    position: z.int().min(1).meta({ title: "Position", description: "Rang de la réponse proposée dans la question." }),
    respondents: z.int().min(0).nullable().meta({ title: "Répondants", description: "Nombre de personnes qui ont donné cette réponse ; vide quand il y en a de 1 à 4 (jamais un groupe de moins de 5)." }),
    answered: count("Ont répondu", "Nombre de personnes qui ont répondu à la question."),
    percent: z.number().min(0).max(100).nullable().meta({ title: "Part (%)", description: "Part des personnes qui ont répondu à la question, à un dixième près ; vide quand le nombre l’est." }),
    published_at: when("Publié le", "Date et heure où le lab a publié ces résultats (ISO 8601)."),
  })
  .meta({ title: "Résultat d’un questionnaire anonyme", description: `Pour une question à réponses proposées d’un questionnaire anonyme dont le lab a publié les résultats, le nombre de personnes par réponse${NB}; ni texte libre, ni répondant, jamais un groupe de moins de 5.` });

// ---------------------------------------------------------------- queries

const cursor = z.string().max(400).optional().meta({ description: "Le curseur `next_cursor` de la page précédente, tel quel." });
const limit = z.coerce.number({ error: "limit : nombre entier attendu." }).int("limit : nombre entier attendu.").min(1, "limit : 1 au moins.").max(200, "limit : 200 au plus.").default(50).meta({ description: "Nombre d’éléments par page (1 à 200, 50 par défaut)." });
const lab = z.string().max(100, "lab : 100 caractères au plus.").optional().meta({ description: "Le lab, par son identifiant ou son adresse courte (ex. region-grand-est)." });
const uuidParam = (name: string, description: string) => z.uuid({ error: `${name} : identifiant (UUID) attendu.` }).optional().meta({ description });
const oneOf = <T extends readonly [string, ...string[]]>(name: string, values: T) => z.enum(values, { error: `${name} : une de ces valeurs attendue : ${values.join(", ")}.` }).optional().meta({ description: `Une de ces valeurs : ${values.join(", ")}.` });

export const ideasQuery = z.object({
  cursor,
  limit,
  lab,
  campaign: uuidParam("campaign", "Seulement les idées de cette campagne."),
  status: oneOf("status", ideaStatusValues),
  since: z.iso.datetime({ offset: true, error: "since : date ISO 8601 attendue (ex. 2026-01-31T00:00:00Z)." }).optional().meta({ description: "Seulement les idées déposées depuis cette date (ISO 8601)." }),
});
export const themesQuery = z.object({ cursor, limit, lab, analysis: uuidParam("analysis", "Seulement les problématiques de cette analyse.") });
export const minilabsQuery = z.object({ cursor, limit, lab });
export const decisionsQuery = z.object({ cursor, limit, lab, minilab: uuidParam("minilab", "Seulement les décisions de ce Mini-Lab."), outcome: oneOf("outcome", decisionOutcomeValues) });
export const projectsQuery = z.object({ cursor, limit, lab, stage: oneOf("stage", stageValues) });
export const projectStagesQuery = z.object({ cursor, limit, lab, project: uuidParam("project", "Seulement les étapes de ce projet.") });
export const roadmapProgressQuery = z.object({ cursor, limit, lab, roadmap: uuidParam("roadmap", "Seulement cette feuille de route."), item: uuidParam("item", "Seulement cet élément.") });

export const surveyResultsQuery = z.object({ cursor, limit, lab, survey: uuidParam("survey", "Seulement ce questionnaire.") });

const pages = new Map<string, z.ZodObject>();
/**
 * A page of items, as the API answers it (one schema per item). No `id` in `.meta()`: zod's global
 * registry would refuse it when the built app and the server both load this file; the OpenAPI
 * document names its components itself (./api).
 */
export function pageOf<T extends z.ZodType>(item: T, name: string) {
  const make = () =>
    z
      .object({
        data: z.array(item),
        next_cursor: z.string().nullable().meta({ description: "À passer en `cursor` pour la page suivante ; null à la dernière." }),
        links: z.object({ next: z.string().nullable() }),
      })
      .meta({ title: `Page ${name}` });
  let page = pages.get(name) as ReturnType<typeof make> | undefined;
  if (!page) pages.set(name, (page = make()));
  return page;
}

export const apiError = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ parameter: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ description: "Une erreur, avec un message en français." });

// ---------------------------------------------------------------- the token form

export const tokenFormSchema = z.object({
  name: requiredText("Nom du jeton", 80, 3),
});
export const revokeFormSchema = z.object({
  tokenId: z.uuid({ error: "Jeton : valeur invalide." }),
});
