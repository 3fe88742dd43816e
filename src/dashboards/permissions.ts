/** Who reads a lab's steering dashboards: its team, its directors and administrators, and the members of its committees. Pure. */
export interface DashboardFacts {
  labTeam: boolean;
  director: boolean;
  admin: boolean;
  committeeMember: boolean;
}

export function dashboardRights(f: DashboardFacts): { read: boolean } {
  return { read: f.labTeam || f.director || f.admin || f.committeeMember };
}

/** Who reads the network view (every lab of the installation, figures only): anyone who is on a lab's team, one of its directors or administrators. Pure. */
export function networkRights(f: { labsWithRole: number }): { read: boolean } {
  return { read: f.labsWithRole > 0 };
}
