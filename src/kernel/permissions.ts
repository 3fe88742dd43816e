import { data } from "react-router";

/** Roles are granted per lab. */
export const roles = {
  agent: "Agent",
  facilitator: "Animateur ou animatrice",
  lab_team: "Équipe du lab",
  expert: "Expert ou experte",
  committee_member: "Membre de comité",
  director: "Direction",
  admin: "Administrateur ou administratrice du lab",
} as const;
export type Role = keyof typeof roles;
export const roleKeys = Object.keys(roles) as Role[];

export interface Principal {
  userId: string;
  /** lab id -> roles held in that lab */
  roles: Map<string, Set<Role>>;
}

export function hasRole(p: Principal | null | undefined, labId: string, ...wanted: Role[]): boolean {
  if (!p) return false;
  const held = p.roles.get(labId);
  if (!held) return false;
  return wanted.some((r) => held.has(r));
}

/** Labs in which the principal holds one of the roles. */
export function labsWhere(p: Principal | null | undefined, ...wanted: Role[]): string[] {
  if (!p) return [];
  return [...p.roles.entries()].filter(([, set]) => wanted.some((r) => set.has(r))).map(([lab]) => lab);
}

export function forbidden(message = "Vous n’avez pas accès à cette page."): never {
  throw data({ message }, { status: 403 });
}

export function notFound(message = "Cette page n’existe pas ou plus."): never {
  throw data({ message }, { status: 404 });
}

export function requireRole(p: Principal | null | undefined, labId: string, ...wanted: Role[]): void {
  if (!hasRole(p, labId, ...wanted)) forbidden();
}

/**
 * A module's refusal, turned into the right answer by the web layer (src/web/errors.ts): a French
 * message next to a field (400, 409) or an error page (403, 404).
 */
/** Who is asking, as the modules' services see it. */
export interface Viewer {
  userId: string;
  principal: Principal;
}

export class Refusal extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 409 = 400,
    readonly field?: string,
  ) {
    super(message);
  }
}
