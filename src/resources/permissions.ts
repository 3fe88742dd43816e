import { hasRole, type Principal } from "../kernel/permissions";
import type { Visibility } from "./db/schema";

/**
 * Who may do what with a resource: a pure function of the viewer's roles and the resource.
 * The lab team of its lab writes, publishes, archives it and sees its drafts. Once published,
 * a public sheet is read by anyone (signed in or not); an agents-only sheet by any signed-in
 * agent. A draft, and an archived sheet, is seen by the lab team only.
 */
export interface ResourceRights {
  read: boolean;
  edit: boolean;
}

export interface ResourceFacts {
  lab_id: string;
  visibility: Visibility;
  published_at: Date | null;
  archived_at: Date | null;
}

export function resourceRights(principal: Principal | null | undefined, r: ResourceFacts): ResourceRights {
  const team = !!principal && hasRole(principal, r.lab_id, "lab_team");
  const live = !!r.published_at && !r.archived_at;
  return { edit: team, read: team || (live && (r.visibility === "public" || !!principal)) };
}
