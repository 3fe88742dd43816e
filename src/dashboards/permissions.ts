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
