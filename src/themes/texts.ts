/**
 * The theme engine for other modules' free texts (a questionnaire's answers): texts in, themes out,
 * with their labels, sizes and representative texts. `inThread` runs the engine in a worker thread
 * (a job beside a web server); without it, in this thread (a seeding script).
 */
import { discoverThemes, type Stage } from "./engine/index";

export interface TextTheme {
  label: string;
  memberIds: string[];
  /** Up to 3 texts nearest the theme's centre, nearest first. */
  representativeIds: string[];
}

export async function discoverTextThemes(
  docs: readonly { id: string; text: string }[],
  opts: { k?: number | "auto"; seed?: number; /** k-means++ starts for the final themes (the engine's default: 10) */ restarts?: number; inThread?: boolean; onProgress?: (stage: string, fraction: number) => Promise<void> } = {},
): Promise<{ themes: TextTheme[]; unclassified: number }> {
  const input = docs.map((d) => ({ id: d.id, text: d.text }));
  const options = { k: opts.k ?? "auto", seed: opts.seed ?? 1, ...(opts.restarts ? { restarts: opts.restarts } : {}) };
  // loaded only by the process that runs jobs: the web bundle does not carry the thread's runner
  const result = opts.inThread
    ? await (await import("./runner")).runEngine(input, options, async (stage, fraction) => {
        await opts.onProgress?.(stage, fraction);
        return false;
      })
    : await discoverThemes(input, { ...options, onProgress: (stage: Stage, fraction: number) => void opts.onProgress?.(stage, fraction) });
  return {
    themes: result.themes.map((t) => ({ label: t.label, memberIds: t.memberIds, representativeIds: t.representativeIds })),
    unclassified: result.outliers.length,
  };
}
