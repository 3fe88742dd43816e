import { labsWhere, roles, type Principal, type Role, Refusal } from "../kernel/permissions";
import { displayName, findUserByEmail, getUsers } from "../accounts/accounts";
import { getLabBySlug, getLabs, grantRole, listMembers, revokeRole, setDeletedContributions, type DeletedContributions, type Lab } from "./labs";

/** Labs the principal works in as lab team or admin. */
export async function myLabs(p: Principal): Promise<(Lab & { labTeam: boolean; admin: boolean })[]> {
  const ids = labsWhere(p, "lab_team", "admin");
  const labs = await getLabs(ids);
  return [...labs.values()].map((l) => ({ ...l, labTeam: labsWhere(p, "lab_team").includes(l.id), admin: labsWhere(p, "admin").includes(l.id) }));
}

export async function requireLabRole(slug: string, p: Principal, ...wanted: Role[]): Promise<Lab> {
  const lab = await getLabBySlug(slug);
  if (!lab) throw new Refusal("Ce lab n’existe pas.", 404);
  if (!labsWhere(p, ...wanted).includes(lab.id)) throw new Refusal("Vous n’avez pas ce rôle dans ce lab.", 403);
  return lab;
}

export async function labMembers(lab: Lab) {
  const members = await listMembers(lab.id);
  const users = await getUsers(members.map((m) => m.user_id));
  return members.map((m) => ({ userId: m.user_id, role: m.role, roleLabel: roles[m.role], name: users.get(m.user_id) ? displayName(users.get(m.user_id)!) : "?" }));
}

export async function grantByEmail(slug: string, p: Principal, email: string, role: Role): Promise<void> {
  const lab = await requireLabRole(slug, p, "admin");
  const user = await findUserByEmail(email);
  if (!user) throw new Refusal(`Aucun compte n’a l’adresse ${email}.`, 400, "email");
  await grantRole(user.id, lab.id, role, p.userId);
}

export async function revoke(slug: string, p: Principal, userId: string, role: Role): Promise<void> {
  const lab = await requireLabRole(slug, p, "admin");
  if (userId === p.userId && role === "admin") throw new Refusal("Vous ne pouvez pas retirer votre propre rôle d’administrateur.", 409);
  await revokeRole(userId, lab.id, role);
}

/** The lab's administrators choose what becomes of a deleted agent's contributions in the lab's spaces. */
export async function chooseDeletedContributions(slug: string, p: Principal, choice: DeletedContributions): Promise<void> {
  const lab = await requireLabRole(slug, p, "admin");
  await setDeletedContributions(lab.id, choice);
}
