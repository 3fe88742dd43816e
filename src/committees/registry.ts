import type { AgendaItemKind, CommitteeKind } from "./db/schema";

/**
 * What other modules plug into the committees, at boot: « what awaits » a committee (agenda
 * sources: a project's pending gate reviews, the requests the project committee proposes to the
 * steering committee…) and what a validated decision does (decision appliers: a gate « go » moves
 * the project, an adopted request becomes a project). The committees module never reads another
 * module's tables: it calls what was registered here.
 */

/** A subject waiting for a committee, with the one-page summary its dossier shows. */
export interface AwaitingSubject {
  subjectId: string;
  title: string;
  summary: string;
}

export type AgendaSource = (ctx: { labId: string; committeeKind: CommitteeKind }) => Promise<AwaitingSubject[]>;

/** A decision as its applier receives it, inside the transaction that validates the minutes. */
export interface DecisionToApply {
  decisionId: string;
  itemId: string;
  meetingId: string;
  committeeId: string;
  committeeKind: CommitteeKind;
  labId: string;
  kind: AgendaItemKind;
  subjectId: string | null;
  adopted: boolean;
  wording: string;
  decidedAt: Date;
  /** Who validated the minutes. */
  validatedBy: string;
}

export type DecisionApplier = (decision: DecisionToApply) => Promise<void>;

type SourceKind = Exclude<AgendaItemKind, "free">;
// The registry lives on globalThis, as the runtime does: the server entry (run by tsx, which wires
// the modules at boot) and the bundled app (whose routes read the registry) hold two copies of
// this module, and must share one registry.
type Registry = { sources: Map<SourceKind, AgendaSource>; appliers: Map<AgendaItemKind, DecisionApplier> };
const KEY = Symbol.for("germoir.committees.registry");
const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
const registry: Registry = (holder[KEY] ??= { sources: new Map(), appliers: new Map() });
const sources = registry.sources;
const appliers = registry.appliers;

/** Registers what awaits a committee for one kind of item; returns how to unregister it (tests). */
export function registerAgendaSource(kind: SourceKind, source: AgendaSource): () => void {
  sources.set(kind, source);
  return () => {
    if (sources.get(kind) === source) sources.delete(kind);
  };
}

/** Registers what a validated decision on an item of this kind does; returns how to unregister it. */
export function registerDecisionApplier(kind: AgendaItemKind, applier: DecisionApplier): () => void {
  appliers.set(kind, applier);
  return () => {
    if (appliers.get(kind) === applier) appliers.delete(kind);
  };
}

export function agendaSource(kind: AgendaItemKind): AgendaSource | undefined {
  return kind === "free" ? undefined : sources.get(kind);
}

export function registeredSourceKinds(): SourceKind[] {
  return [...sources.keys()];
}

export function decisionApplier(kind: AgendaItemKind): DecisionApplier | undefined {
  return appliers.get(kind);
}
