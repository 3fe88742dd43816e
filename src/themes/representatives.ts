import { getIdeas } from "../ideas/ideas";
import { rankByCentrality } from "./engine";
import { membershipsOfTheme } from "./db/themes";
import { setRepresentatives } from "./db/curation";

/** How many ideas a theme shows as its most representative. */
export const REPRESENTATIVES = 3;

/** The text of an idea as the theme engine reads it (the same as an analysis run). */
export const themeText = (i: { problem: string; proposal: string; beneficiaries: string }) => `${i.problem}\n${i.proposal}\n${i.beneficiaries}`;

/** The ids of the texts closest to their centroid, closest first. */
export async function representativesOf(docs: readonly { id: string; title: string; text: string }[], count = REPRESENTATIVES): Promise<string[]> {
  const ranked = await rankByCentrality(docs);
  return ranked.slice(0, count).map((r) => docs[r.index].id);
}

/**
 * Recomputes the representative ideas of these themes from their current members (after a move,
 * a merge or a split): the members closest to the theme's centroid. A theme left empty shows none.
 */
export async function refreshRepresentatives(themeIds: readonly (string | null | undefined)[]): Promise<void> {
  for (const themeId of new Set(themeIds.filter((x): x is string => !!x))) {
    const members = await membershipsOfTheme(themeId);
    const ideas = await getIdeas(members.map((m) => m.idea_id));
    const docs = members.flatMap((m) => {
      const i = ideas.get(m.idea_id);
      return i ? [{ id: i.id, title: i.title, text: themeText(i) }] : [];
    });
    await setRepresentatives(themeId, await representativesOf(docs));
  }
}
