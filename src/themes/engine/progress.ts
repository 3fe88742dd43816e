/** The stages of a run, in order, with their share of the progress bar. */
export const STAGES = ["analyse", "vectorise", "reduce", "neighbours", "choose-k", "cluster", "label"] as const;
export type Stage = (typeof STAGES)[number];

const WEIGHTS: Record<Stage, number> = { analyse: 0.25, vectorise: 0.1, reduce: 0.15, neighbours: 0.1, "choose-k": 0.25, cluster: 0.1, label: 0.05 };

export type ProgressListener = (stage: Stage, fraction: number) => void;

/**
 * Cooperative progress: reports (stage, overall fraction in [0, 1], never decreasing), checks the
 * abort signal, and yields to the event loop about every 25 ms so a job runner stays responsive and
 * a cancellation is noticed.
 */
export class Progress {
  private lastYield = Date.now();
  private lastReported = -1;

  constructor(
    private readonly listener?: ProgressListener,
    private readonly signal?: AbortSignal,
  ) {}

  /** Overall fraction for a position inside a stage. */
  static overall(stage: Stage, within: number): number {
    let before = 0;
    for (const s of STAGES) {
      if (s === stage) break;
      before += WEIGHTS[s];
    }
    return Math.min(1, before + WEIGHTS[stage] * Math.min(1, Math.max(0, within)));
  }

  /** Call often: cheap unless it is time to yield. */
  async at(stage: Stage, within: number): Promise<void> {
    this.throwIfAborted();
    const now = Date.now();
    if (now - this.lastYield < 25) return;
    this.report(stage, within);
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    this.lastYield = Date.now();
    this.throwIfAborted();
  }

  report(stage: Stage, within: number): void {
    const f = Progress.overall(stage, within);
    if (f > this.lastReported) {
      this.lastReported = f;
      this.listener?.(stage, f);
    }
  }

  throwIfAborted(): void {
    if (this.signal?.aborted) {
      const reason = this.signal.reason;
      throw reason instanceof Error ? reason : new DOMException("Theme discovery was cancelled", "AbortError");
    }
  }
}
