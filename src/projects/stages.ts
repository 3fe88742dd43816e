/**
 * The stages of a project and their words, shared by the server and the browser (no server code
 * here): the five stages of the incubation, the two states outside it, the default deliverables
 * of each stage and the gates a lab marks strategic by default.
 */
export const mainStages = ["exploration", "prototype", "experimentation", "evaluation", "deployment"] as const;
export type MainStage = (typeof mainStages)[number];
export type Stage = MainStage | "paused" | "stopped";
export const stageKeys: Stage[] = [...mainStages, "paused", "stopped"];

export const stageLabels: Record<Stage, string> = {
  exploration: "Exploration",
  prototype: "Prototype",
  experimentation: "Expérimentation",
  evaluation: "Évaluation",
  deployment: "Déploiement",
  paused: "En pause",
  stopped: "Arrêté",
};

export const isMainStage = (s: string): s is MainStage => (mainStages as readonly string[]).includes(s);

/** The stage after this one, or null after deployment (the project is deployed). */
export function nextStage(s: MainStage): MainStage | null {
  const i = mainStages.indexOf(s);
  return i >= 0 && i < mainStages.length - 1 ? mainStages[i + 1] : null;
}

export type DeliverableTemplate = Record<MainStage, string[]>;

export const defaultDeliverables: DeliverableTemplate = {
  exploration: ["Énoncé du problème", "Entretiens terrain", "Parcours usager"],
  prototype: ["Prototype", "Protocole de test"],
  experimentation: ["Résultats des tests avec indicateurs mesurés"],
  evaluation: ["Rapport d’évaluation\u00a0: impact, potentiel, suites"],
  deployment: ["Plan de déploiement", "Responsable du déploiement"],
};

/** The gates whose review goes to the steering committee by default: entering these stages. */
export const defaultStrategicStages: MainStage[] = ["experimentation", "deployment"];

export type CommitteeKind = "project" | "steering";
export const committeeKinds: Record<CommitteeKind, string> = { project: "Comité de projet", steering: "Comité de pilotage" };

export type GateOutcome = "go" | "go_with_conditions" | "recycle" | "stop";
export const gateOutcomes: Record<GateOutcome, string> = {
  go: "Go\u00a0: passage à l’étape suivante",
  go_with_conditions: "Go avec conditions",
  recycle: "À retravailler\u00a0: le projet reste à son étape",
  stop: "Arrêt du projet",
};

export type DeliverableKind = "file" | "link" | "text" | "not_required";
export const deliverableKinds: Record<DeliverableKind, string> = { file: "Fichier", link: "Lien", text: "Texte", not_required: "Non requis" };

export type ServiceKind = "etat" | "region" | "collectivite" | "sante";
export const serviceKinds: Record<ServiceKind, string> = { etat: "État", region: "Région", collectivite: "Collectivité", sante: "Santé" };

export type MemberRole = "staff" | "expert";
export const memberRoles: Record<MemberRole, string> = { staff: "Équipe du lab", expert: "Expert ou experte" };

export type ProjectOrigin = "decision" | "request" | "direct";
export const originLabels: Record<ProjectOrigin, string> = { decision: "Décision d’un Mini-Lab", request: "Demande au guichet", direct: "Création par le lab" };

/** Whole days between two instants (time in stage). */
export function daysBetween(from: Date | string, to: Date | string = new Date()): number {
  return Math.max(0, Math.floor((new Date(to).getTime() - new Date(from).getTime()) / 86_400_000));
}

export function durationLabel(days: number): string {
  if (days < 1) return "moins d’un jour";
  if (days === 1) return "1\u00a0jour";
  if (days < 60) return `${days}\u00a0jours`;
  const months = Math.floor(days / 30);
  return `${months}\u00a0mois`;
}
