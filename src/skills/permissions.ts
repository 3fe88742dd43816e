import { hasRole, type Principal } from "../kernel/permissions";

/**
 * Who may do what in the skills directory: pure functions. Any signed-in agent reads the
 * directory and declares their own skills; an agent is listed only once they declared one
 * (opt-in), and only a listed agent may be contacted — by another agent, never by themself.
 * A conversation is read by its two people only. A lab's team extends the list of skills and
 * lists external experts for its lab.
 */
export function mayContact(viewerId: string | null | undefined, recipient: { id: string; listed: boolean }): boolean {
  return !!viewerId && recipient.listed && viewerId !== recipient.id;
}

export function mayReadMessage(viewerId: string | null | undefined, message: { sender_id: string; recipient_id: string }): boolean {
  return !!viewerId && (viewerId === message.sender_id || viewerId === message.recipient_id);
}

export function mayManageLabSkills(principal: Principal | null | undefined, labId: string): boolean {
  return hasRole(principal, labId, "lab_team");
}

/** How many messages an agent may send through the directory in 24 hours. */
export const DAILY_MESSAGES = 20;
