import { hasRole, type Principal } from "../kernel/permissions";

/**
 * Who may do what with a project: pure functions of the viewer (their roles in the labs, their
 * place in the project's team) and the project.
 *
 * Who sees a project (decided here, used by every view that shows one — the project page, the
 * portfolio, « Mes projets », an idea's trace):
 * - the lab team of the project's lab and the project's team (lead, lab staff, experts) see all of it;
 * - any other signed-in agent sees the summary of a project that is not confidential (title,
 *   problem, stage, carrying administrations, team, journal and deliverables are for the team);
 * - a confidential project is seen by nobody else; nobody signed out sees any project.
 */
export interface ProjectRights {
  /** Sees the project exists: its title, problem, stage, administrations. */
  seeSummary: boolean;
  /** Sees everything: team, budget, journal, deliverables, files, indicators, gate reviews. */
  seeAll: boolean;
  /** Edits the project's fields, deliverables, indicators, files; writes in the journal. */
  edit: boolean;
  /** Writes in the journal and records measurements (experts too). */
  contribute: boolean;
  /** Asks for a gate review. */
  requestGate: boolean;
  /** Records the committee's decision, pauses, stops, resumes, names the team. */
  manage: boolean;
}

export type TeamPlace = { lead: boolean; staff: boolean; expert: boolean };
export const noPlace: TeamPlace = { lead: false, staff: false, expert: false };

export function projectRights(principal: Principal | null | undefined, project: { lab_id: string; confidential: boolean }, me: TeamPlace = noPlace): ProjectRights {
  if (!principal) return { seeSummary: false, seeAll: false, edit: false, contribute: false, requestGate: false, manage: false };
  const labTeam = hasRole(principal, project.lab_id, "lab_team");
  const seeAll = labTeam || me.lead || me.staff || me.expert;
  const edit = labTeam || me.lead || me.staff;
  return {
    seeSummary: seeAll || !project.confidential,
    seeAll,
    edit,
    contribute: seeAll,
    requestGate: edit,
    manage: labTeam,
  };
}
