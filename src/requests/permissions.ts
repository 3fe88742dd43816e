import type { RequestStatus } from "./db/schema";

/**
 * Who may do what with a request of the one-stop desk: pure functions of the viewer and the
 * request, tested as a table (permissions.test.ts). The services call them before anything else.
 *
 * - The requester reads their request (their draft too), edits and submits it while it is a
 *   draft, and talks with the lab.
 * - The sponsor (« commanditaire » in the requester's hierarchy) reads it once submitted and
 *   confirms their support.
 * - The lab team of the request's lab reads everything (internal notes and experts' opinions
 *   included), answers, writes notes, asks experts, and decides while the request is open.
 * - The lab team of the lab a request was sent to (réorientée) keeps reading it: it is the history
 *   of the one they received. They act on their own copy only.
 * - An expert asked for an opinion reads the request and its conversation (never the internal
 *   notes) and gives their opinion.
 * - Anyone else, and the signed-out, nothing.
 */
export interface RequestViewer {
  userId: string;
  /** The labs where the viewer is on the lab team. */
  labTeamOf: readonly string[];
}

export interface RequestFacts {
  status: RequestStatus;
  labId: string;
  requesterId: string | null;
  sponsorId: string | null;
  sponsorConfirmed: boolean;
  reorientedToLabId: string | null;
  experts: readonly string[];
}

export interface RequestRights {
  mayRead: boolean;
  mayEdit: boolean;
  mayConverse: boolean;
  mayReadNotes: boolean;
  mayWriteNote: boolean;
  mayReadOpinions: boolean;
  mayGiveOpinion: boolean;
  mayDecide: boolean;
  mayManage: boolean;
  mayConfirmSponsor: boolean;
}

export const noRights: RequestRights = {
  mayRead: false,
  mayEdit: false,
  mayConverse: false,
  mayReadNotes: false,
  mayWriteNote: false,
  mayReadOpinions: false,
  mayGiveOpinion: false,
  mayDecide: false,
  mayManage: false,
  mayConfirmSponsor: false,
};

export const isOpen = (status: RequestStatus) => status === "submitted" || status === "qualifying";

export function requestRights(viewer: RequestViewer | null | undefined, r: RequestFacts): RequestRights {
  if (!viewer || !viewer.userId) return noRights;
  const draft = r.status === "draft";
  const requester = !!r.requesterId && r.requesterId === viewer.userId;
  if (draft) return requester ? { ...noRights, mayRead: true, mayEdit: true } : noRights;
  const team = viewer.labTeamOf.includes(r.labId);
  const receivingTeam = !!r.reorientedToLabId && viewer.labTeamOf.includes(r.reorientedToLabId);
  const sponsor = !!r.sponsorId && r.sponsorId === viewer.userId;
  const expert = r.experts.includes(viewer.userId);
  return {
    mayRead: requester || sponsor || team || receivingTeam || expert,
    mayEdit: false,
    mayConverse: requester || team,
    mayReadNotes: team || receivingTeam,
    mayWriteNote: team,
    mayReadOpinions: team || receivingTeam || expert,
    mayGiveOpinion: expert,
    mayDecide: team && isOpen(r.status),
    mayManage: team,
    mayConfirmSponsor: sponsor && !r.sponsorConfirmed,
  };
}

/** Who manages a lab's desk (its queue, its answer-time promise): its lab team. */
export function mayManageDesk(viewer: RequestViewer | null | undefined, labId: string): boolean {
  return !!viewer && viewer.labTeamOf.includes(labId);
}
