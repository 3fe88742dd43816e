import type { SeatEventKind, SeatStatus } from "./db/schema";

export const statusLabels: Record<SeatStatus, string> = {
  confirmed: "Inscription confirmée",
  offered: "Place proposée, à confirmer",
  waiting: "Sur liste d’attente",
  cancelled: "Annulée",
  expired: "Place proposée non confirmée à temps",
  withdrawn: "Retirée de la liste (place obtenue dans une autre session)",
};

export const eventLabels: Record<SeatEventKind, string> = {
  confirmed: "Inscription confirmée",
  waiting: "Inscription sur liste d’attente",
  offered: "Place proposée",
  accepted: "Place proposée confirmée",
  cancelled: "Annulation",
  expired: "Délai de confirmation dépassé",
  withdrawn: "Retrait de la liste (place dans une autre session)",
};
