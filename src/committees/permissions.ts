import { hasRole, type Principal } from "../kernel/permissions";

/**
 * Who may do what with a committee. The lab team of the committee's lab manages it (members,
 * meetings, agenda, attendance, minutes); its members — of either side — see it, its meetings and
 * dossiers, and vote on an item when they are marked present; its chair validates the minutes.
 * Anyone else (another lab's team, other agents, signed out) sees nothing: the pages answer 404.
 */
export interface CommitteeRights {
  maySee: boolean;
  mayManage: boolean;
  /** Votes on an open (non-secret) item of a meeting, when present and the meeting has quorum. */
  mayVote: boolean;
  mayValidateMinutes: boolean;
}

export interface CommitteeFacts {
  labId: string;
  chairId: string | null;
  memberIds: readonly string[];
}

export function committeeRights(viewer: { userId: string; principal: Principal } | null | undefined, committee: CommitteeFacts, meeting?: { presentIds: readonly string[] }): CommitteeRights {
  if (!viewer || !viewer.userId) return { maySee: false, mayManage: false, mayVote: false, mayValidateMinutes: false };
  const labTeam = hasRole(viewer.principal, committee.labId, "lab_team");
  const member = committee.memberIds.includes(viewer.userId);
  const chair = !!committee.chairId && committee.chairId === viewer.userId && member;
  const present = !!meeting && meeting.presentIds.includes(viewer.userId);
  return {
    maySee: labTeam || member,
    mayManage: labTeam,
    mayVote: member && present,
    mayValidateMinutes: chair,
  };
}
