import { roles } from "../kernel/permissions";
import { displayName, listDemoUsers } from "../accounts/accounts";
import { listOrganizations } from "../organizations/organizations";
import { listRoleHolders } from "../labs/labs";
import { listAllJurorIds } from "../jury/jury";

/** The demo accounts for the persona picker: people with a role first, then every agent. */
export async function demoPersonas() {
  const [users, orgs, holders, jurors] = await Promise.all([listDemoUsers(), listOrganizations(), listRoleHolders(), listAllJurorIds()]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const describe = (id: string) => {
    const r: string[] = (holders.get(id) ?? []).filter((x) => x !== "admin").map((x) => roles[x]);
    if (jurors.has(id)) r.push("Juré");
    return r.join(", ");
  };
  const personas = users
    .filter((u) => holders.has(u.id) || jurors.has(u.id))
    .map((u) => ({ id: u.id, name: displayName(u), roles: describe(u.id), job: u.job ?? "", org: u.organization_id ? orgName.get(u.organization_id) ?? "" : "" }));
  const options = users.map((u) => ({
    value: u.id,
    label: `${u.family_name} ${u.given_name} – ${u.job ?? "agent"}${u.organization_id ? `, ${orgName.get(u.organization_id) ?? ""}` : ""}`,
  }));
  return { personas, options };
}
