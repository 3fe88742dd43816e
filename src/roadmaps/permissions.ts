import { hasRole, type Principal } from "../kernel/permissions";

/**
 * Who may do what with a roadmap: a pure function of the viewer's roles and the roadmap's labs.
 * The lab team of its lab, or of the partner lab it is kept with, sees and edits everything
 * (items, milestones, weights, shares, the calendar, what is public). Nobody else sees the lab's
 * pages (403). Anyone, signed in or not, reads the public tracker of a published roadmap — only
 * its public items and fields (./public.ts decides which).
 */
export interface RoadmapRights {
  /** Sees the whole roadmap, internal items included, on the lab's pages. */
  seeAll: boolean;
  /** Creates, edits, deletes items, milestones, the calendar and the settings. */
  edit: boolean;
  /** Reads the public tracker. */
  readPublic: boolean;
}

export interface RoadmapFacts {
  lab_id: string;
  partner_lab_id: string | null;
  published: boolean;
}

export function roadmapRights(principal: Principal | null | undefined, roadmap: RoadmapFacts): RoadmapRights {
  const team = !!principal && (hasRole(principal, roadmap.lab_id, "lab_team") || (!!roadmap.partner_lab_id && hasRole(principal, roadmap.partner_lab_id, "lab_team")));
  return { seeAll: team, edit: team, readPublic: roadmap.published || team };
}
