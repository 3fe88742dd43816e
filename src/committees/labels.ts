import type { AgendaItemKind, CommitteeKind, VoteChoice } from "./db/schema";
export { sideLabels } from "./rules";

export const committeeKindLabels: Record<CommitteeKind, string> = {
  project: "Comité de projet",
  steering: "Comité de pilotage (paritaire)",
};

export const itemKindLabels: Record<AgendaItemKind, string> = {
  gate_review: "Passage d’étape d’un projet",
  request: "Demande proposée par le comité de projet",
  network_project: "Projet proposé par le réseau des labs",
  free: "Point libre",
};

export const choiceLabels: Record<VoteChoice, string> = { for: "Pour", against: "Contre", abstain: "Abstention" };
