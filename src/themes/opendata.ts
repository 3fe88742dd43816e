/**
 * What the themes module publishes as open data: the themes of published analyses (label, main
 * terms, how many ideas), and for a page of ideas, their theme in the latest published analysis.
 * Curation details (who moved what, scores, coordinates) stay inside. Only this module's tables.
 */
import { sql } from "kysely";
import { db } from "../kernel/runtime";
import { isUuid } from "../kernel/ids";
import type { ThemesTables } from "./db/schema";
import { publishedThemesOf } from "./db/themes";

const q = () => db().withTables<ThemesTables>();

export interface PublicTheme {
  id: string;
  lab_id: string;
  analysis_id: string;
  analysis_title: string;
  label: string;
  terms: string[];
  idea_count: number;
  published_at: Date;
}

export interface PublicThemeFilter {
  labId?: string;
  analysisId?: string;
}

const publishedThemes = () =>
  q()
    .selectFrom("themes")
    .innerJoin("theme_analyses", "theme_analyses.id", "themes.analysis_id")
    .where("theme_analyses.published_at", "is not", null);

export async function publicThemesPage(filter: PublicThemeFilter, after: string | null, limit: number): Promise<{ rows: PublicTheme[]; next: string | null }> {
  let query = publishedThemes().select([
    "themes.id",
    "theme_analyses.lab_id",
    "themes.analysis_id",
    "theme_analyses.title as analysis_title",
    "themes.label",
    "themes.terms",
    "theme_analyses.published_at",
    (eb) => eb.selectFrom("theme_ideas").whereRef("theme_ideas.theme_id", "=", "themes.id").select((e) => e.fn.countAll<string>().as("n")).as("idea_count"),
  ]);
  if (filter.labId) query = isUuid(filter.labId) ? query.where("theme_analyses.lab_id", "=", filter.labId) : query.where(sql<boolean>`false`);
  if (filter.analysisId) query = isUuid(filter.analysisId) ? query.where("themes.analysis_id", "=", filter.analysisId) : query.where(sql<boolean>`false`);
  if (after) query = query.where("themes.id", ">", after);
  const list = await query.orderBy("themes.id").limit(limit).execute();
  const rows = list.map((r) => ({
    id: r.id,
    lab_id: r.lab_id,
    analysis_id: r.analysis_id,
    analysis_title: r.analysis_title,
    label: r.label,
    terms: (r.terms ?? []).slice(0, 8).map((t) => t.term),
    idea_count: Number(r.idea_count ?? 0),
    published_at: new Date(r.published_at!),
  }));
  return { rows, next: rows.length === limit ? rows[rows.length - 1].id : null };
}

export async function publicThemesStats(): Promise<{ count: number; updatedAt: Date | null }> {
  const r = await publishedThemes()
    .select((eb) => [eb.fn.countAll<string>().as("n"), eb.fn.max("theme_analyses.published_at").as("at")])
    .executeTakeFirstOrThrow();
  return { count: Number(r.n), updatedAt: r.at ? new Date(r.at) : null };
}

/** For each of these ideas, its theme in the most recently published analysis that has it (id and label). */
export async function publicThemesOfIdeas(ideaIds: string[]): Promise<Map<string, { id: string; label: string }>> {
  const found = await publishedThemesOf(ideaIds);
  return new Map([...found].map(([ideaId, t]) => [ideaId, { id: t.theme.id, label: t.theme.label }]));
}
