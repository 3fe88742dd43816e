import { hasRole, type Principal } from "../kernel/permissions";
import type { MemberRole, MemberStatus, Visibility } from "./minilabs";

/**
 * Who may do what with a Mini-Lab: pure functions of the viewer (their roles, their membership)
 * and the Mini-Lab. The services call them, and so does every view that shows a Mini-Lab, its
 * proposals or its decisions elsewhere (an idea's trace, « Mes idées », notifications, mails):
 * a private Mini-Lab is shown to whoever `minilabRights(...).see` allows, and to nobody else.
 */
export interface MinilabRights {
  /** Sees the Mini-Lab, its sessions, board and submitted proposals (a private one: its members, invited ones included, and the lab team). */
  see: boolean;
  /** An active member (facilitators included). */
  active: boolean;
  /** Schedules sessions, answers requests, invites: the lab team and active facilitators. */
  manage: boolean;
  /** Writes on the board: active members, facilitators and the lab team. */
  participate: boolean;
}

export type MinilabFacts = { visibility: Visibility; lab_id: string };
export type MembershipFacts = { status: MemberStatus; role: MemberRole } | undefined;

/** A private Mini-Lab is seen by its members (invited or active, facilitators included) and the lab team. */
export function visibleTo(m: Pick<MinilabFacts, "visibility">, myStatus: MemberStatus | undefined, labTeam: boolean): boolean {
  return m.visibility !== "private" || myStatus === "invited" || myStatus === "active" || labTeam;
}

export function minilabRights(principal: Principal | null | undefined, m: MinilabFacts, me: MembershipFacts): MinilabRights {
  const labTeam = hasRole(principal, m.lab_id, "lab_team");
  const active = me?.status === "active";
  const manage = labTeam || (active && me?.role === "facilitator");
  return { see: visibleTo(m, me?.status, labTeam), active, manage, participate: manage || active };
}
