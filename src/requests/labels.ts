/** The desk's words, in French: shared by the services, the pages and the mails (no server code here). */
import type { RequestKind, RequestOutcome, RequestStatus } from "./db/schema";

export const requestKinds: Record<RequestKind, string> = {
  project: "Accompagnement de projet",
  workshop: "Atelier d’intelligence collective",
  method: "Conseil méthodologique",
  training: "Formation d’une équipe",
  network: "Mise en réseau",
};
export const requestKindKeys = Object.keys(requestKinds) as RequestKind[];

export const requestStatuses: Record<RequestStatus, string> = {
  draft: "Brouillon",
  submitted: "Déposée",
  qualifying: "En qualification",
  accepted: "Acceptée",
  reoriented: "Réorientée",
  declined: "Déclinée",
};
export const requestStatusKeys = Object.keys(requestStatuses) as RequestStatus[];

export const requestOutcomes: Record<RequestOutcome, string> = {
  project: "Le lab accompagne un projet",
  workshop: "Atelier ponctuel réalisé",
};

/** The status in one sentence, for the requester. */
export function statusSentence(r: { status: RequestStatus; outcome: RequestOutcome | null; labName: string; toLabName?: string | null; declineReason?: string | null }): string {
  switch (r.status) {
    case "draft":
      return "Brouillon : la demande n’est pas encore envoyée au lab.";
    case "submitted":
      return `Déposée : ${r.labName} l’a reçue et va l’étudier.`;
    case "qualifying":
      return `En qualification : ${r.labName} l’étudie et peut vous poser des questions.`;
    case "accepted":
      return r.outcome === "workshop" ? `Acceptée : ${r.labName} a réalisé un atelier ponctuel.` : `Acceptée : ${r.labName} accompagne votre projet.`;
    case "reoriented":
      return `Réorientée : ${r.labName} l’a confiée à ${r.toLabName ?? "un autre lab"}, qui la reprend avec son historique.`;
    case "declined":
      return `Déclinée par ${r.labName}${r.declineReason ? ` : ${r.declineReason}` : "."}`;
  }
}

export const statusBadge: Record<RequestStatus, "info" | "success" | "warning" | "error" | "new"> = {
  draft: "new",
  submitted: "info",
  qualifying: "warning",
  accepted: "success",
  reoriented: "info",
  declined: "error",
};
