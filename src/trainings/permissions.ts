import { hasRole, type Principal } from "../kernel/permissions";
import type { OrganizationKind } from "../organizations/organizations";

/**
 * Who may register for a training, and who manages it: pure functions of the viewer's side (told
 * by their organisation) and roles, and of the training's facts.
 *
 * A training is organised by one side of the public service (État, Région, or a collectivité or
 * a health body opened by a lab). The organising side's agents may register; through the
 * **reciprocal offer**, so may the agents of each side the lab opened it to (État ↔ Région, and
 * collectivités, santé where the lab chose so). An agent whose organisation tells no side may not
 * register. The organising lab's team manages the training, its sessions and lists, and takes
 * attendance; a session's trainers take its attendance too.
 */
export type Side = "state" | "region" | "local" | "health";
export const sides: Side[] = ["state", "region", "local", "health"];
export const sideLabels: Record<Side, string> = { state: "État", region: "Région", local: "Collectivités", health: "Santé" };
/** « les agents de … » */
export const sideAgents: Record<Side, string> = { state: "les agents de l’État", region: "les agents de la Région", local: "les agents des collectivités", health: "les agents des établissements de santé" };

/** The side an organisation's agents belong to, when its kind tells it. */
export function sideOfOrganizationKind(kind: OrganizationKind | string | null | undefined): Side | null {
  switch (kind) {
    case "prefecture":
    case "ddt":
      return "state";
    case "region_hq":
    case "maison_region":
    case "lycee":
      return "region";
    case "collectivite":
      return "local";
    case "sante":
      return "health";
    default:
      return null;
  }
}

export interface TrainingFacts {
  lab_id: string;
  side: Side;
  open_to: Side[];
  published: boolean;
}

/** Whether an agent of this side may register, and through what: their own side's training or the reciprocal offer. */
export function registrationRule(agentSide: Side | null, training: Pick<TrainingFacts, "side" | "open_to">): { may: boolean; through: "own" | "reciprocal" | null } {
  if (!agentSide) return { may: false, through: null };
  if (agentSide === training.side) return { may: true, through: "own" };
  if (training.open_to.includes(agentSide)) return { may: true, through: "reciprocal" };
  return { may: false, through: null };
}

export interface TrainingRights {
  /** Reads the training's page (a draft: its lab team only). */
  see: boolean;
  /** Registers for its sessions. */
  register: boolean;
  /** Edits it, its sessions, sees the lists and the log, takes attendance. */
  manage: boolean;
}

export function trainingRights(principal: Principal | null | undefined, agentSide: Side | null, training: TrainingFacts): TrainingRights {
  const manage = !!principal && hasRole(principal, training.lab_id, "lab_team");
  return { see: training.published || manage, register: training.published && registrationRule(agentSide, training).may, manage };
}

/** A session's attendance: its lab team, and its trainers. */
export function mayTakeAttendance(rights: TrainingRights, isTrainer: boolean): boolean {
  return rights.manage || isTrainer;
}
