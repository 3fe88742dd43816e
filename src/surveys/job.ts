/**
 * The theme discovery of a questionnaire's free-text answers (queue "surveys-themes"): reads the
 * answers, runs the themes module's engine in a worker thread, writes its stage and percentage in
 * survey_theme_runs (the results page reads them, so progress survives a reload), then the themes
 * with their representative answers. Imported by the process that runs jobs, never by routes.
 */
import { discoverTextThemes } from "../themes";
import { runtime } from "../kernel/runtime";
import * as data from "./surveys";

export { SURVEY_THEMES_QUEUE } from "./service";

const STAGES: Record<string, string> = { analyse: "analyse des textes", vectorise: "vocabulaire", reduce: "réduction", neighbours: "réponses voisines", "choose-k": "choix du nombre de thèmes", cluster: "regroupement", label: "libellés", outliers: "réponses à part" };

export async function runSurveyThemes(runId: string, opts: { inThread?: boolean; k?: number; restarts?: number } = {}): Promise<void> {
  const run = await data.getThemeRun(runId);
  if (!run || run.status !== "queued") return;
  try {
    const texts = await data.textsOf(run.survey_id, run.question_id);
    await data.updateRun(run.id, { status: "running", answers: texts.length, stage: "lecture des réponses", progress: 0 });
    if (texts.length < 10) {
      await data.updateRun(run.id, { status: "failed", error: "Trop peu de réponses libres pour en tirer des thèmes (10 au moins).", finishedAt: new Date() });
      return;
    }
    let last = 0;
    const result = await discoverTextThemes(
      texts.map((t) => ({ id: t.id, text: t.body })),
      {
        inThread: opts.inThread ?? true,
        k: opts.k,
        restarts: opts.restarts,
        onProgress: async (stage, fraction) => {
          if (Date.now() - last < 250 && fraction < 1) return;
          last = Date.now();
          await data.updateRun(run.id, { stage: STAGES[stage] ?? stage, progress: Math.round(fraction * 1000) / 1000 });
        },
      },
    );
    const body = new Map(texts.map((t) => [t.id, t.body]));
    await data.saveThemes(
      run.id,
      result.themes
        .map((t) => ({ label: t.label, size: t.memberIds.length, representatives: t.representativeIds.map((id) => body.get(id) ?? "").filter(Boolean) }))
        .sort((a, b) => b.size - a.size),
    );
    await data.updateRun(run.id, { status: "done", stage: "terminé", progress: 1, finishedAt: new Date() });
  } catch (err) {
    runtime().log.error("survey themes failed", { runId, err });
    await data.updateRun(run.id, { status: "failed", error: "La recherche de thèmes a échoué. Relancez-la.", finishedAt: new Date() });
  }
}

/** The job handler registered with the queue. */
export async function surveyThemesJob(jobData: Record<string, unknown>): Promise<void> {
  if (typeof jobData.runId === "string") await runSurveyThemes(jobData.runId);
}

/** Runs left queued or running by a stopped server are marked failed, to be run again. */
export async function recoverSurveyThemeRuns(): Promise<number> {
  return data.failRunning("La recherche de thèmes a été interrompue par un redémarrage du serveur. Relancez-la.");
}
