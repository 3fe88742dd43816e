import { hasRole, type Principal } from "../kernel/permissions";

/**
 * Who may do what with a lab's access tokens, and what a token lets its bearer read. Pure
 * functions, tested as a table.
 */
export interface TokenRights {
  /** See the lab's tokens, create one, revoke one: the lab team of that lab only. */
  mayManage: boolean;
}

export function tokenRights(viewer: { userId: string; principal: Principal } | null | undefined, labId: string): TokenRights {
  return { mayManage: !!viewer && hasRole(viewer.principal, labId, "lab_team") };
}

/** What a reader of the API sees: public rows, plus the non-public rows of the one lab its live token belongs to. */
export interface ReadScope {
  insideLab: string | null;
}

export const publicScope: ReadScope = { insideLab: null };

export function readScope(token: { lab_id: string; revoked_at: Date | null } | null | undefined): ReadScope {
  return token && !token.revoked_at ? { insideLab: token.lab_id } : publicScope;
}

/** Whether a row of some lab, public or not, may be shown in this scope. */
export function mayRead(scope: ReadScope, row: { labId: string; isPublic: boolean }): boolean {
  return row.isPublic || (scope.insideLab !== null && scope.insideLab === row.labId);
}
