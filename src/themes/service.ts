import { onCommit, transaction } from "../kernel/db/transaction";
import { labsWhere, Refusal, type Viewer } from "../kernel/permissions";
import { enqueue } from "../kernel/jobs/jobs";
import { displayName, getUsers } from "../accounts/accounts";
import { getLab, getLabs } from "../labs/labs";
import { requireLabRole } from "../labs/service";
import { getCampaignTitles, listLabCampaigns } from "../campaigns/campaigns";
import { getIdeas } from "../ideas/ideas";
import { type AnalysisScope, analysisScopes, type OutlierReason, type RunKind, runStatuses } from "./model";
import type { Analysis, CurationEvent, Theme, ThemeIdea } from "./db/schema";
import { activeRun, createAnalysis, createRun, getAnalysis, getRun, listAnalyses, listPublishedAnalyses, listRuns, requestCancel, setAnalysisK, setPublished } from "./db/runs";
import { getMembership, getTheme, listMemberships, listThemes, membershipsOfTheme, publishedThemesOf } from "./db/themes";
import * as curation from "./db/curation";
import * as journal from "./db/journal";
import { plural } from "../kernel/format";
import { THEMES_QUEUE } from "./queue";
import { refreshRepresentatives } from "./representatives";
import { analysisRights, type AnalysisRights } from "./permissions";

const UNCLASSIFIED = "a-classer";

export const outlierReasons: Record<OutlierReason, string> = {
  empty: "texte sans mot utilisable",
  language: "texte dans une autre langue",
  far: "loin de tous les thèmes",
  "small-theme": "seule de son genre",
};

/** The analysis, when the viewer has this right on it (404 or 403 otherwise). */
async function requireAnalysis(viewer: Viewer, analysisId: string, right: Exclude<keyof AnalysisRights, "seeMap">): Promise<Analysis> {
  const a = await getAnalysis(analysisId);
  if (!a) throw new Refusal("Cette analyse n’existe pas.", 404);
  if (!analysisRights(viewer.principal, a)[right]) throw new Refusal("Seule l’équipe du lab peut consulter et modifier cette analyse.", 403);
  return a;
}

/** Checks that the viewer is on the analysis's lab team (404 or 403 otherwise). */
export async function authorizeAnalysis(viewer: Viewer, analysisId: string): Promise<void> {
  await requireAnalysis(viewer, analysisId, "curate");
}

async function requireTheme(viewer: Viewer, themeId: string): Promise<{ theme: Theme; analysis: Analysis }> {
  const theme = await getTheme(themeId);
  if (!theme) throw new Refusal("Ce thème n’existe plus : la page a peut-être changé depuis son affichage.", 404);
  const analysis = await requireAnalysis(viewer, theme.analysis_id, "curate");
  return { theme, analysis };
}

async function refuseWhileRunning(analysisId: string): Promise<void> {
  if (await activeRun(analysisId)) throw new Refusal("Une analyse est en cours : attendez sa fin ou annulez-la.", 409);
}

// ---------------------------------------------------------------- analyses of a lab

/** The lab's analyses and the campaigns a new one can cover. */
export async function labAnalysesPage(viewer: Viewer, labSlug: string) {
  const lab = await requireLabRole(labSlug, viewer.principal, "lab_team");
  const [analyses, campaigns] = await Promise.all([listAnalyses([lab.id]), listLabCampaigns([lab.id])]);
  const runs = await Promise.all(analyses.map((a) => (a.last_run_id ? getRun(a.last_run_id) : undefined)));
  return {
    lab: { slug: lab.slug, name: lab.name },
    campaigns: campaigns.filter((c) => c.state !== "draft").map((c) => ({ id: c.id, title: c.title })),
    analyses: analyses.map((a, i) => ({
      id: a.id,
      title: a.title,
      createdAt: a.created_at,
      publishedAt: a.published_at,
      status: runs[i]?.status ?? null,
    })),
  };
}

/** Creates an analysis of the chosen campaigns and queues its first run. */
export async function startAnalysis(viewer: Viewer, labSlug: string, input: { title: string; campaignIds: string[]; scope: AnalysisScope; k: number | null }) {
  const lab = await requireLabRole(labSlug, viewer.principal, "lab_team");
  const own = new Map((await listLabCampaigns([lab.id])).filter((c) => c.state !== "draft").map((c) => [c.id, c]));
  const ids = [...new Set(input.campaignIds)];
  if (ids.some((id) => !own.has(id))) throw new Refusal("Campagnes : choisissez parmi les campagnes publiées de ce lab.", 400, "campaignIds");
  const title =
    input.title ||
    `${ids.map((id) => own.get(id)!.title).join(", ")} – ${input.scope === "not_awarded" ? "idées non primées" : "toutes les idées"}`.slice(0, 200);
  return transaction(async () => {
    const analysis = await createAnalysis({ labId: lab.id, title, campaignIds: ids, scope: input.scope, k: input.k, createdBy: viewer.userId });
    await queueRun(analysis.id, { kind: "analyse", k: input.k, requestedBy: viewer.userId });
    return analysis;
  });
}

async function queueRun(analysisId: string, opts: { kind: RunKind; k: number | null; requestedBy: string; splitThemeId?: string }) {
  const run = await createRun({ analysisId, kind: opts.kind, k: opts.k, seed: 1, requestedBy: opts.requestedBy, splitThemeId: opts.splitThemeId });
  // The job is sent once the run's row is committed (the queue reads it on its own connection).
  await onCommit(() => enqueue(THEMES_QUEUE, { runId: run.id }));
  return run;
}

export async function rerun(viewer: Viewer, analysisId: string, k: number | null): Promise<void> {
  const a = await requireAnalysis(viewer, analysisId, "run");
  return transaction(async () => {
    await refuseWhileRunning(a.id);
    await setAnalysisK(a.id, k);
    await queueRun(a.id, { kind: "analyse", k, requestedBy: viewer.userId });
  });
}

export async function cancelRun(viewer: Viewer, analysisId: string): Promise<boolean> {
  const a = await requireAnalysis(viewer, analysisId, "run");
  const run = await activeRun(a.id);
  if (!run) return false;
  await requestCancel(run.id);
  return true;
}

// ---------------------------------------------------------------- the analysis page

const pct = (x: number) => Math.round(x * 100);

export async function analysisPage(viewer: Viewer, analysisId: string) {
  const a = await requireAnalysis(viewer, analysisId, "curate");
  const [lab, runs, list, memberships, log, campaignTitles] = await Promise.all([
    getLab(a.lab_id),
    listRuns(a.id, 8),
    listThemes(a.id),
    listMemberships(a.id),
    journal.listCuration(a.id, 30),
    getCampaignTitles(a.campaign_ids),
  ]);
  const active = runs.find((r) => r.status === "queued" || r.status === "running") ?? null;
  const lastAnalysis = runs.find((r) => r.kind === "analyse" && r.status === "done") ?? null;
  const size = new Map<string | null, number>();
  for (const m of memberships) size.set(m.theme_id, (size.get(m.theme_id) ?? 0) + 1);
  const unclassified = memberships.filter((m) => !m.theme_id);
  const ideaIds = [...list.flatMap((t) => t.representative_ids), ...unclassified.slice(0, 50).map((m) => m.idea_id)];
  const ideas = await getIdeas(ideaIds);
  const users = await getUsers([...[...ideas.values()].map((i) => i.author_id), ...log.map((e) => e.actor_id).filter((x): x is string => !!x), ...runs.map((r) => r.requested_by).filter((x): x is string => !!x)]);
  const name = (id: string | null) => (id && users.get(id) ? displayName(users.get(id)!) : "Quelqu’un");
  const ideaRef = (id: string) => {
    const i = ideas.get(id);
    return i ? { id: i.id, title: i.title, author: name(i.author_id) } : null;
  };
  return {
    analysis: {
      id: a.id,
      title: a.title,
      scope: analysisScopes[a.scope],
      k: a.k,
      campaigns: a.campaign_ids.map((id) => campaignTitles.get(id) ?? "").filter(Boolean),
      publishedAt: a.published_at,
      createdAt: a.created_at,
    },
    lab: lab ? { slug: lab.slug, name: lab.name } : null,
    active: active
      ? { id: active.id, kind: active.kind, status: active.status, stage: active.stage, percent: pct(active.progress), ideas: active.idea_count, cancelRequested: !!active.cancel_requested_at }
      : null,
    runs: runs.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      statusLabel: runStatuses[r.status],
      createdAt: r.created_at,
      finishedAt: r.finished_at,
      seconds: r.started_at && r.finished_at ? Math.max(0, (r.finished_at.getTime() - r.started_at.getTime()) / 1000) : null,
      ideas: r.idea_count,
      chosenK: r.chosen_k,
      error: r.error,
      by: name(r.requested_by),
    })),
    quality: lastAnalysis?.quality ?? [],
    chosenK: lastAnalysis?.chosen_k ?? null,
    automaticK: lastAnalysis ? lastAnalysis.k === null : a.k === null,
    themes: list.map((t) => ({
      id: t.id,
      label: t.label,
      terms: t.terms.map((x) => x.term),
      size: size.get(t.id) ?? 0,
      validated: !!t.validated_at,
      representatives: t.representative_ids.map(ideaRef).filter((x): x is NonNullable<ReturnType<typeof ideaRef>> => !!x),
    })),
    total: memberships.length,
    unclassified: {
      count: unclassified.length,
      sample: unclassified.slice(0, 5).map((m) => ({ ...ideaRef(m.idea_id), reason: m.outlier_reason ? outlierReasons[m.outlier_reason] : "placée ici à la main" })).filter((x) => x.id),
    },
    log: log.map((e) => ({ id: e.id, at: e.created_at, who: name(e.actor_id), what: describe(e) })),
  };
}

function describe(e: CurationEvent): string {
  const d = e.detail as Record<string, unknown>;
  const q = (s: unknown) => `« ${String(s ?? "")} »`;
  switch (e.kind) {
    case "run":
      return `analyse terminée : ${plural(Number(d.themes), "thème", "thèmes")}, ${plural(Number(d.unclassified), "idée", "idées")} à classer`;
    case "split":
      return `a scindé ${q(d.from)} en ${(d.into as string[]).map(q).join(", ")}`;
    case "rename":
      return `a renommé ${q(d.from)} en ${q(d.to)}`;
    case "merge":
      return `a fusionné ${q(d.absorbed)} dans ${q(d.into)}`;
    case "move":
      return `a déplacé l’idée ${q(d.ideaTitle)} vers ${d.themeLabel ? q(d.themeLabel) : "« à classer »"}`;
    case "validate":
      return `a validé ${q(d.label)}`;
    case "unvalidate":
      return `a retiré la validation de ${q(d.label)}`;
    case "publish":
      return "a publié les thèmes";
    case "unpublish":
      return "a retiré la publication";
  }
}

/** One theme (or « à classer ») with its ideas, for curation. */
export async function themePage(viewer: Viewer, analysisId: string, themeKey: string) {
  const a = await requireAnalysis(viewer, analysisId, "curate");
  const list = await listThemes(a.id);
  const theme = themeKey === UNCLASSIFIED ? null : list.find((t) => t.id === themeKey);
  if (themeKey !== UNCLASSIFIED && !theme) throw new Refusal("Ce thème n’existe plus : il a peut-être été fusionné ou scindé.", 404);
  const members = (await listMemberships(a.id)).filter((m) => m.theme_id === (theme?.id ?? null));
  members.sort((x, y) => (y.similarity ?? -1) - (x.similarity ?? -1));
  const ideas = await getIdeas(members.map((m) => m.idea_id));
  const users = await getUsers([...ideas.values()].map((i) => i.author_id));
  return {
    analysis: { id: a.id, title: a.title, publishedAt: a.published_at },
    running: !!(await activeRun(a.id)),
    theme: theme ? { id: theme.id, label: theme.label, terms: theme.terms.map((x) => x.term), validated: !!theme.validated_at } : null,
    others: list.filter((t) => t.id !== theme?.id).map((t) => ({ id: t.id, label: t.label })),
    ideas: members
      .map((m) => {
        const i = ideas.get(m.idea_id);
        if (!i) return null;
        const u = users.get(i.author_id);
        return {
          id: i.id,
          title: i.title,
          excerpt: i.problem.length > 200 ? `${i.problem.slice(0, 200)}…` : i.problem,
          author: u ? displayName(u) : "Agent",
          similarity: m.similarity,
          moved: !!m.moved_by,
          reason: !theme && m.outlier_reason ? outlierReasons[m.outlier_reason] : null,
        };
      })
      .filter((x): x is NonNullable<typeof x> => !!x),
  };
}

// ---------------------------------------------------------------- curation acts

// Every act on the themes waits for the end of a run: a run's result replaces the themes it did
// not keep at its start, so a rename or a validation made meanwhile would silently disappear.

export async function renameTheme(viewer: Viewer, themeId: string, label: string): Promise<void> {
  const { theme, analysis } = await requireTheme(viewer, themeId);
  await refuseWhileRunning(analysis.id);
  if (theme.label !== label) await curation.renameTheme(theme.id, label, viewer.userId);
}

export async function validateTheme(viewer: Viewer, themeId: string, on: boolean): Promise<void> {
  const { theme, analysis } = await requireTheme(viewer, themeId);
  await refuseWhileRunning(analysis.id);
  if (!!theme.validated_at !== on) await curation.setValidated(theme.id, on, viewer.userId);
}

export async function mergeThemes(viewer: Viewer, keptId: string, absorbedId: string): Promise<void> {
  if (keptId === absorbedId) throw new Refusal("Thème à fusionner : choisissez un autre thème que celui-ci.", 400, "otherId");
  const { analysis } = await requireTheme(viewer, keptId);
  const other = await getTheme(absorbedId);
  if (!other || other.analysis_id !== analysis.id) throw new Refusal("Thème à fusionner : choisissez un thème de cette analyse.", 400, "otherId");
  await refuseWhileRunning(analysis.id);
  await curation.mergeThemes(keptId, absorbedId, viewer.userId);
  await refreshRepresentatives([keptId]);
}

export async function splitTheme(viewer: Viewer, themeId: string): Promise<void> {
  const { theme, analysis } = await requireTheme(viewer, themeId);
  await refuseWhileRunning(analysis.id);
  const count = (await membershipsOfTheme(theme.id)).length;
  if (count < 4) throw new Refusal("Ce thème a trop peu d’idées pour être scindé (4 au moins).", 409);
  await queueRun(analysis.id, { kind: "split", k: null, requestedBy: viewer.userId, splitThemeId: theme.id });
}

export async function moveIdea(viewer: Viewer, analysisId: string, ideaId: string, target: string): Promise<void> {
  const a = await requireAnalysis(viewer, analysisId, "curate");
  await refuseWhileRunning(a.id);
  const m = await getMembership(a.id, ideaId);
  if (!m) throw new Refusal("Cette idée ne fait pas partie de l’analyse.", 404);
  const theme = target === UNCLASSIFIED ? null : await getTheme(target);
  if (target !== UNCLASSIFIED && (!theme || theme.analysis_id !== a.id)) throw new Refusal("Thème de destination : choisissez un thème de cette analyse.", 400, "target");
  if ((theme?.id ?? null) === m.theme_id) return;
  const idea = (await getIdeas([ideaId])).get(ideaId);
  await curation.moveIdea(a.id, ideaId, theme?.id ?? null, viewer.userId, { ideaTitle: idea?.title ?? "", themeLabel: theme?.label ?? null });
  await refreshRepresentatives([m.theme_id, theme?.id]);
}

export async function publishAnalysis(viewer: Viewer, analysisId: string, on: boolean): Promise<void> {
  const a = await requireAnalysis(viewer, analysisId, "publish");
  if (on) {
    await refuseWhileRunning(a.id);
    if (!(await listThemes(a.id)).length) throw new Refusal("Il n’y a encore aucun thème à publier : lancez d’abord l’analyse.", 409);
  }
  if (!!a.published_at === on) return;
  await setPublished(a.id, viewer.userId, on);
  await journal.logCuration(a.id, viewer.userId, on ? "publish" : "unpublish", {});
}

// ---------------------------------------------------------------- published themes

/** Published analyses (anyone signed in), plus the unpublished ones of the viewer's labs: the maps `analysisRights` lets them see. */
export async function themeMapsIndex(viewer: Viewer) {
  const [published, own] = await Promise.all([listPublishedAnalyses(), listAnalyses(labsWhere(viewer.principal, "lab_team"))]);
  const all = [...new Map([...published, ...own].map((a) => [a.id, a])).values()];
  const labs = await getLabs(all.map((a) => a.lab_id));
  return all.map((a) => ({ id: a.id, title: a.title, lab: labs.get(a.lab_id)?.name ?? "", publishedAt: a.published_at }));
}

/** The map and table of an analysis: published, or the viewer's lab's own. */
export async function themeMap(viewer: Viewer, analysisId: string) {
  const a = await getAnalysis(analysisId);
  if (!a) throw new Refusal("Cette carte n’existe pas.", 404);
  const rights = analysisRights(viewer.principal, a);
  if (!rights.seeMap) throw new Refusal("Ces thèmes ne sont pas encore publiés.", 404);
  const [list, memberships, lab] = await Promise.all([listThemes(a.id), listMemberships(a.id), getLab(a.lab_id)]);
  const ideas = await getIdeas(memberships.map((m) => m.idea_id));
  const users = await getUsers([...ideas.values()].map((i) => i.author_id));
  const index = new Map(list.map((t, i) => [t.id, i]));
  const visible = memberships.filter((m) => {
    const i = ideas.get(m.idea_id);
    return i && !i.hidden_at && i.status !== "merged";
  });
  const ideaOf = (m: ThemeIdea) => {
    const i = ideas.get(m.idea_id)!;
    const u = users.get(i.author_id);
    return { id: i.id, title: i.title, author: u ? displayName(u) : "Agent" };
  };
  return {
    analysis: { id: a.id, title: a.title, publishedAt: a.published_at, lab: lab?.name ?? "" },
    team: rights.curate,
    themes: list.map((t) => ({
      id: t.id,
      label: t.label,
      terms: t.terms.slice(0, 5).map((x) => x.term),
      ideas: visible.filter((m) => m.theme_id === t.id).map(ideaOf),
    })),
    unclassified: visible.filter((m) => !m.theme_id).map(ideaOf),
    points: visible
      .filter((m) => m.x !== null && m.y !== null)
      .map((m) => ({ id: m.idea_id, x: m.x!, y: m.y!, theme: m.theme_id ? (index.get(m.theme_id) ?? -1) : -1, title: ideas.get(m.idea_id)!.title })),
  };
}

/**
 * « Votre idée rejoint la problématique … »: for each idea, its theme in the latest published
 * analysis, with up to `others` other ideas of that theme and their authors.
 */
export async function publishedThemesFor(ideaIds: string[], others = 8) {
  const found = await publishedThemesOf(ideaIds);
  const out = new Map<string, { analysisId: string; themeId: string; label: string; others: { id: string; title: string; author: string }[]; total: number }>();
  for (const [ideaId, { theme, analysis }] of found) {
    const members = (await membershipsOfTheme(theme.id)).filter((m) => m.idea_id !== ideaId);
    const ideas = await getIdeas(members.map((m) => m.idea_id));
    const shown = members.map((m) => ideas.get(m.idea_id)).filter((i): i is NonNullable<typeof i> => !!i && !i.hidden_at && i.status !== "merged");
    const users = await getUsers(shown.slice(0, others).map((i) => i.author_id));
    out.set(ideaId, {
      analysisId: analysis.id,
      themeId: theme.id,
      label: theme.label,
      total: shown.length,
      others: shown.slice(0, others).map((i) => ({ id: i.id, title: i.title, author: users.get(i.author_id) ? displayName(users.get(i.author_id)!) : "Agent" })),
    });
  }
  return out;
}

/** A published theme of a lab's analysis, with its ideas: what a Mini-Lab is opened from. */
export async function publishedTheme(themeId: string, labId: string): Promise<{ id: string; label: string; analysisId: string; ideaIds: string[] } | null> {
  const theme = await getTheme(themeId);
  if (!theme) return null;
  const analysis = await getAnalysis(theme.analysis_id);
  if (!analysis || analysis.lab_id !== labId || !analysis.published_at) return null;
  const members = await membershipsOfTheme(theme.id);
  return { id: theme.id, label: theme.label, analysisId: analysis.id, ideaIds: members.map((m) => m.idea_id) };
}

/** The published themes of a lab, for choosing one. */
export async function publishedThemesOfLab(labId: string): Promise<{ id: string; label: string; analysis: string }[]> {
  const analyses = (await listAnalyses([labId])).filter((a) => a.published_at);
  const out: { id: string; label: string; analysis: string }[] = [];
  for (const a of analyses) for (const t of await listThemes(a.id)) out.push({ id: t.id, label: t.label, analysis: a.title });
  return out;
}
