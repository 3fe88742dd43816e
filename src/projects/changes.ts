import type { GateOutcome, MainStage, Stage } from "./stages";

/**
 * Who hears a project's stage change (other modules, registered at boot in src/wiring.ts: the
 * roadmaps recompute their progress). A listener runs inside the transaction that moves the
 * project: if it throws, the change rolls back with it. The projects module never reads the
 * listeners' tables; they call its public face for what they need.
 */
export interface ProjectChange {
  projectId: string;
  labId: string;
  from: Stage;
  to: Stage;
  at: Date;
  /** The gate decision that moved it (or kept it: « à retravailler »), when there was one. */
  gate: { from: MainStage; to: MainStage; outcome: GateOutcome } | null;
}

export type ProjectChangeListener = (change: ProjectChange) => Promise<void>;

// On globalThis, as the committees' registry: the server entry and the bundled app share it.
const KEY = Symbol.for("germoir.projects.changes");
const holder = globalThis as unknown as Record<symbol, Set<ProjectChangeListener> | undefined>;
const listeners: Set<ProjectChangeListener> = (holder[KEY] ??= new Set());

/** Registers a listener of stage changes; returns how to unregister it (tests). */
export function onProjectChange(listener: ProjectChangeListener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Tells every listener, in the caller's transaction. */
export async function announceProjectChange(change: ProjectChange): Promise<void> {
  for (const l of listeners) await l(change);
}
