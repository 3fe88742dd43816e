/** What the lab team does to the themes (rename, validate, merge, move an idea), each act logged. */
import { db } from "../../kernel/runtime";
import { transaction } from "../../kernel/db/transaction";
import { logCuration } from "./journal";
import type { ThemesTables } from "./schema";
import { renumber } from "./themes";

const q = () => db().withTables<ThemesTables>();

export async function renameTheme(themeId: string, label: string, actorId: string): Promise<void> {
  await transaction(async () => {
    const t = q();
    const old = await t.selectFrom("themes").select(["label", "analysis_id"]).where("id", "=", themeId).executeTakeFirstOrThrow();
    await t.updateTable("themes").set({ label }).where("id", "=", themeId).execute();
    await logCuration(old.analysis_id, actorId, "rename", { themeId, from: old.label, to: label }, t);
  });
}

export async function setValidated(themeId: string, on: boolean, actorId: string): Promise<void> {
  await transaction(async () => {
    const t = q();
    const th = await t.selectFrom("themes").select(["label", "analysis_id"]).where("id", "=", themeId).executeTakeFirstOrThrow();
    await t
      .updateTable("themes")
      .set(on ? { validated_at: new Date(), validated_by: actorId } : { validated_at: null, validated_by: null })
      .where("id", "=", themeId)
      .execute();
    await logCuration(th.analysis_id, actorId, on ? "validate" : "unvalidate", { themeId, label: th.label }, t);
  });
}

/** Moves every idea of `absorbedId` into `keptId`, then deletes `absorbedId`. */
export async function mergeThemes(keptId: string, absorbedId: string, actorId: string): Promise<void> {
  await transaction(async () => {
    const t = q();
    const [kept, absorbed] = await Promise.all([
      t.selectFrom("themes").selectAll().where("id", "=", keptId).executeTakeFirstOrThrow(),
      t.selectFrom("themes").selectAll().where("id", "=", absorbedId).executeTakeFirstOrThrow(),
    ]);
    await t.updateTable("theme_ideas").set({ theme_id: keptId }).where("theme_id", "=", absorbedId).execute();
    const reps = [...kept.representative_ids, ...absorbed.representative_ids].slice(0, 3);
    await t.updateTable("themes").set({ representative_ids: reps }).where("id", "=", keptId).execute();
    await t.deleteFrom("themes").where("id", "=", absorbedId).execute();
    await renumber(t, kept.analysis_id);
    await logCuration(kept.analysis_id, actorId, "merge", { into: kept.label, absorbed: absorbed.label, themeId: keptId }, t);
  });
}

/** The theme's most representative ideas, as recomputed from its current members. */
export async function setRepresentatives(themeId: string, ideaIds: string[]): Promise<void> {
  await q().updateTable("themes").set({ representative_ids: ideaIds }).where("id", "=", themeId).execute();
}

/** Puts an idea in a theme, or in « à classer » (null); the next runs leave it there. */
export async function moveIdea(analysisId: string, ideaId: string, themeId: string | null, actorId: string, detail: Record<string, unknown>): Promise<void> {
  await transaction(async () => {
    const t = q();
    await t
      .updateTable("theme_ideas")
      .set({ theme_id: themeId, moved_by: actorId, moved_at: new Date(), outlier_reason: null })
      .where("analysis_id", "=", analysisId)
      .where("idea_id", "=", ideaId)
      .execute();
    await logCuration(analysisId, actorId, "move", { ideaId, themeId, ...detail }, t);
  });
}
