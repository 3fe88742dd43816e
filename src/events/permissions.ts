import { hasRole, type Principal } from "../kernel/permissions";
import type { Audience, EventStatus } from "./rules";

/**
 * Who may do what with an event: pure functions of the viewer's roles and the event's facts.
 * An event open to all or for the usagers is seen by anyone, signed in or not (public pages,
 * public feeds); an event reserved to agents only by signed-in agents. The team of the lab that
 * holds it edits and cancels it — for a network lab's event entered by hand, the team of the lab
 * that declared that network lab. An event imported from a followed calendar is edited in its
 * source, never here.
 */
export interface EventRights {
  see: boolean;
  edit: boolean;
}

export interface EventFacts {
  audience: Audience;
  status: EventStatus;
  /** The installation's lab whose team keeps it (its own lab, or the lab that declared its network lab). */
  keeperLabId: string;
  imported: boolean;
}

export function isPublicAudience(audience: Audience): boolean {
  return audience !== "agents";
}

export function eventRights(principal: Principal | null | undefined, e: EventFacts): EventRights {
  const team = !!principal && hasRole(principal, e.keeperLabId, "lab_team");
  return { see: isPublicAudience(e.audience) || !!principal, edit: team && !e.imported };
}

/** The audiences a viewer may see in the calendar and the feeds. */
export function visibleAudiences(principal: Principal | null | undefined): Audience[] {
  return principal ? ["agents", "all", "users"] : ["all", "users"];
}

/** A network lab (and its followed calendar) is kept by the team of the lab that declared it. */
export function networkLabRights(principal: Principal | null | undefined, n: { declared_by_lab_id: string }): { manage: boolean } {
  return { manage: !!principal && hasRole(principal, n.declared_by_lab_id, "lab_team") };
}
