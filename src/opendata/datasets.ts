/**
 * The datasets: for each, its names, its item schema, how to read one page of it through the
 * owning module's public face (never its tables), and its size. The API, the CSV and JSON files
 * and the catalogue all read this one list.
 */
import type { z } from "zod";
import { publicIdeasPage, publicIdeasStats } from "../ideas";
import { publicThemesOfIdeas, publicThemesPage, publicThemesStats } from "../themes";
import { publicMinilabsPage, publicMinilabsStats, readableMinilabs } from "../minilabs";
import { publicDecisionsPage, publicDecisionsStats } from "../arbitration";
import { publicProjectStagesPage, publicProjectsPage, publicProjectsStats } from "../projects";
import { publicRoadmapProgressPage, publicRoadmapProgressStats } from "../roadmaps";
import { publicSurveyResultsPage, publicSurveyResultsStats } from "../surveys";
import { isUuid } from "../kernel/ids";
import { referenceCache } from "../kernel/cache";
import type { ReadScope } from "./permissions";
import { publicScope } from "./permissions";
import * as s from "./schemas";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Row = { [key: string]: any };
export type Page = { rows: readonly object[]; next: string | null };

/** A cursor the API did not give (or gave for another resource). */
export class CursorError extends Error {}

export interface Dataset<Q extends z.ZodObject = z.ZodObject> {
  /** The file names and address under /donnees (French). */
  slug: string;
  /** The API resource under /api/v1 (English, like the code). */
  resource: string;
  title: string;
  description: string;
  keywords: string[];
  item: z.ZodObject;
  query: Q;
  /** One page after the (decoded) cursor; `labId` is the lab filter already resolved. */
  page(query: z.infer<Q> & { labId?: string }, scope: ReadScope, after: string | null, limit: number): Promise<Page>;
  stats(): Promise<{ count: number; updatedAt: Date | null }>;
}

const uuidCursor = (after: string | null) => {
  if (after !== null && !isUuid(after)) throw new CursorError();
  return after;
};

const ideas: Dataset<typeof s.ideasQuery> = {
  slug: "idees",
  resource: "ideas",
  title: "Idées publiées",
  description: "Les idées déposées par les agents dans les campagnes des labs (déposées, en évaluation, primées ou non), avec leur problématique. Sans auteur ni organisation : aucune donnée personnelle. Ni brouillons, ni idées masquées par la modération ou fusionnées.",
  keywords: ["innovation publique", "idées", "participation des agents"],
  item: s.ideaItem,
  query: s.ideasQuery,
  async page(q, _scope, after, limit) {
    const page = await publicIdeasPage({ labId: q.labId, campaignId: q.campaign, status: q.status, since: q.since ? new Date(q.since) : undefined }, uuidCursor(after), limit);
    const themes = await publicThemesOfIdeas(page.rows.map((r) => r.id));
    return { rows: page.rows.map((r) => ({ ...r, theme_id: themes.get(r.id)?.id ?? null, theme_label: themes.get(r.id)?.label ?? null })), next: page.next };
  },
  stats: publicIdeasStats,
};

const themes: Dataset<typeof s.themesQuery> = {
  slug: "problematiques",
  resource: "themes",
  title: "Problématiques",
  description: "Les problématiques de fond que les labs ont dégagées des idées et publiées, avec leurs termes caractéristiques et leur nombre d’idées.",
  keywords: ["innovation publique", "problématiques", "analyse des idées"],
  item: s.themeItem,
  query: s.themesQuery,
  page: (q, _scope, after, limit) => publicThemesPage({ labId: q.labId, analysisId: q.analysis }, uuidCursor(after), limit),
  stats: publicThemesStats,
};

const minilabs: Dataset<typeof s.minilabsQuery> = {
  slug: "minilabs",
  resource: "minilabs",
  title: "Mini-Labs",
  description: "Les Mini-Labs publics : espaces de créativité ouverts sur une problématique, leur question, leur calendrier et les directions qui reçoivent leurs propositions. Sans leurs membres.",
  keywords: ["innovation publique", "Mini-Lab", "créativité"],
  item: s.minilabItem,
  query: s.minilabsQuery,
  page: (q, scope, after, limit) => publicMinilabsPage({ labId: q.labId }, scope.insideLab, uuidCursor(after), limit),
  stats: publicMinilabsStats,
};

const decisions: Dataset<typeof s.decisionsQuery> = {
  slug: "decisions",
  resource: "decisions",
  title: "Décisions d’arbitrage",
  description: "Les décisions des directions sur les propositions des Mini-Labs publics (adoptée, adoptée avec modifications, reportée, refusée), avec leur motif et l’échéance du suivi. Une correction est une nouvelle décision qui renvoie à celle qu’elle corrige.",
  keywords: ["innovation publique", "arbitrage", "décisions"],
  item: s.decisionItem,
  query: s.decisionsQuery,
  async page(q, scope, after, limit) {
    const readable = (await readableMinilabs(scope.insideLab)).filter((m) => (!q.labId || m.lab_id === q.labId) && (!q.minilab || m.id === q.minilab));
    const labOf = new Map(readable.map((m) => [m.id, m.lab_id]));
    const page = await publicDecisionsPage([...labOf.keys()], { outcome: q.outcome }, uuidCursor(after), limit);
    return { rows: page.rows.map((r) => ({ ...r, lab_id: labOf.get(r.minilab_id) })), next: page.next };
  },
  async stats() {
    return publicDecisionsStats((await readableMinilabs(null)).map((m) => m.id));
  },
};

const projects: Dataset<typeof s.projectsQuery> = {
  slug: "projets",
  resource: "projects",
  title: "Projets",
  description: "Les projets accompagnés par les labs (hors projets confidentiels) : problème, usagers, étape et origine, comme tout agent les voit hors de l’équipe du projet. Sans leur équipe, leur budget ni leurs documents.",
  keywords: ["innovation publique", "projets", "incubation"],
  item: s.projectItem,
  query: s.projectsQuery,
  page: (q, scope, after, limit) => publicProjectsPage({ labId: q.labId, stage: q.stage }, scope.insideLab, uuidCursor(after), limit),
  stats: async () => {
    const st = await publicProjectsStats();
    return { count: st.count, updatedAt: st.updatedAt };
  },
};

const STAGE_CURSOR = /^([0-9a-f-]{36})\|([a-z]{1,20})$/;
const projectStages: Dataset<typeof s.projectStagesQuery> = {
  slug: "etapes-projets",
  resource: "project-stages",
  title: "Étapes des projets",
  description: "Le calendrier de chaque étape des projets publiés (exploration, prototype, expérimentation, évaluation, déploiement) : début et fin prévus, entrée et sortie.",
  keywords: ["innovation publique", "projets", "calendrier"],
  item: s.projectStageItem,
  query: s.projectStagesQuery,
  async page(q, scope, after, limit) {
    let cursor: { projectId: string; stage: string } | null = null;
    if (after !== null) {
      const m = STAGE_CURSOR.exec(after);
      if (!m || !isUuid(m[1])) throw new CursorError();
      cursor = { projectId: m[1], stage: m[2] };
    }
    const page = await publicProjectStagesPage({ labId: q.labId, projectId: q.project }, scope.insideLab, cursor, limit);
    return { rows: page.rows, next: page.next ? `${page.next.projectId}|${page.next.stage}` : null };
  },
  stats: async () => {
    const st = await publicProjectsStats();
    return { count: st.stages, updatedAt: st.updatedAt };
  },
};

const roadmapProgress: Dataset<typeof s.roadmapProgressQuery> = {
  slug: "feuille-de-route",
  resource: "roadmap-progress",
  title: "Avancement des feuilles de route",
  description: "L’historique de l’avancement des feuilles de route publiées (axes, projets phares, leviers, projets connexes et initiatives), mesure par mesure : chaque fois qu’une preuve fait bouger un chiffre (une étape de projet franchie, un jalon, un poids). Seulement les éléments publics ; un projet confidentiel apparaît comme « Projet interne » ou pas du tout, selon le choix du lab (le jeton d’accès d’un lab lit en plus ses propres feuilles de route entières). Sans porteur : aucune donnée personnelle.",
  keywords: ["innovation publique", "feuille de route", "traceur de l’innovation", "avancement"],
  item: s.roadmapProgressItem,
  query: s.roadmapProgressQuery,
  page: (q, scope, after, limit) => publicRoadmapProgressPage({ labId: q.labId, roadmapId: q.roadmap, itemId: q.item }, scope.insideLab, uuidCursor(after), limit),
  stats: publicRoadmapProgressStats,
};

const surveyResults: Dataset<typeof s.surveyResultsQuery> = {
  slug: "resultats-questionnaires",
  resource: "survey-results",
  title: "Résultats des questionnaires anonymes",
  description: "Les résultats des questionnaires anonymes que les labs ont choisi de publier : pour chaque question à réponses proposées (choix, échelles), le nombre de personnes par réponse. Jamais un groupe de moins de 5 (le nombre est laissé vide), ni texte libre, ni répondant : un questionnaire anonyme ne garde ni compte ni adresse IP.",
  keywords: ["innovation publique", "questionnaires", "consultation des agents"],
  item: s.surveyResultItem,
  query: s.surveyResultsQuery,
  page: (q, _scope, after, limit) => publicSurveyResultsPage({ labId: q.labId, surveyId: q.survey }, uuidCursor(after), limit),
  stats: publicSurveyResultsStats,
};

export const datasets: Dataset[] = [ideas, themes, minilabs, decisions, projects, projectStages, roadmapProgress, surveyResults] as unknown as Dataset[];

export const datasetBySlug = (slug: string) => datasets.find((d) => d.slug === slug);
export const datasetByResource = (resource: string) => datasets.find((d) => d.resource === resource);

/** The items of a row, exactly the keys its schema documents, dates in ISO 8601: nothing else leaves. */
export function publicItem(item: z.ZodObject, row: Row): Row {
  const out: Row = {};
  for (const key of Object.keys(item.shape)) {
    const v = row[key];
    out[key] = v instanceof Date ? v.toISOString() : v === undefined ? null : v;
  }
  return out;
}

/** Every row of a dataset, page by page (never the whole set in memory): what the files stream. */
export async function* allItems(dataset: Dataset, pageSize = 1000, scope: ReadScope = publicScope): AsyncGenerator<Row> {
  let after: string | null = null;
  do {
    const page: Page = await dataset.page({} as never, scope, after, pageSize);
    for (const r of page.rows) yield publicItem(dataset.item, r as Row);
    after = page.next;
  } while (after !== null);
}

const statsCache = referenceCache(60_000, async () => {
  const all = await Promise.all(datasets.map((d) => d.stats()));
  return new Map(datasets.map((d, i) => [d.slug, all[i]]));
});

/** Each dataset's row count and last update (kept a minute per process). */
export function datasetStats() {
  return statsCache.get();
}
