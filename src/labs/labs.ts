import { sql, type Generated, type Selectable } from "kysely";
import { db } from "../kernel/runtime";
import type { MigrationSet } from "../kernel/db/migrate";
import { roleKeys, type Principal, type Role } from "../kernel/permissions";
import { isUuid } from "../kernel/ids";

export type LabsTables = {
  labs: {
    id: Generated<string>;
    slug: string;
    name: string;
    description: string;
    organization_id: string | null;
    /** What becomes of an agent's contributions in this lab's spaces when they delete their account. */
    deleted_contributions: Generated<DeletedContributions>;
    created_at: Generated<Date>;
  };
  memberships: {
    user_id: string;
    lab_id: string;
    role: Role;
    granted_by: string | null;
    created_at: Generated<Date>;
  };
}
export const deletedContributionsChoices = {
  keep: "Les garder, signées «\u00a0Agent supprimé\u00a0»",
  remove: "Les retirer (idées, commentaires, messages et notes de tableau)",
} as const;
export type DeletedContributions = keyof typeof deletedContributionsChoices;

export type Lab = Selectable<LabsTables["labs"]>;
export type Membership = Selectable<LabsTables["memberships"]>;

const q = () => db().withTables<LabsTables>();

export const labsMigrations: MigrationSet = {
  "2026-11-22-03-labs": {
    async up(d) {
      await sql`CREATE TABLE labs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        organization_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE TABLE memberships (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN (${sql.join(roleKeys.map((r) => sql.lit(r)))})),
        granted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, lab_id, role)
      )`.execute(d);
      await sql`CREATE INDEX memberships_lab_idx ON memberships (lab_id, role)`.execute(d);
    },
  },
  "2026-12-07-01-labs-deleted-contributions": {
    async up(d) {
      await sql`ALTER TABLE labs ADD COLUMN deleted_contributions text NOT NULL DEFAULT 'keep' CHECK (deleted_contributions IN ('keep','remove'))`.execute(d);
    },
  },
};

export async function createLab(input: { slug: string; name: string; description?: string; organizationId?: string | null }): Promise<Lab> {
  return q()
    .insertInto("labs")
    .values({
      slug: input.slug,
      name: input.name,
      description: input.description ?? "",
      organization_id: input.organizationId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listLabs(): Promise<Lab[]> {
  return q().selectFrom("labs").selectAll().orderBy("name").execute();
}

export async function getLab(id: string): Promise<Lab | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("labs").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function getLabBySlug(slug: string): Promise<Lab | undefined> {
  return q().selectFrom("labs").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function getLabs(ids: string[]): Promise<Map<string, Lab>> {
  const unique = [...new Set(ids)].filter(isUuid);
  if (unique.length === 0) return new Map();
  const rows = await q().selectFrom("labs").selectAll().where("id", "in", unique).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function grantRole(userId: string, labId: string, role: Role, grantedBy: string | null = null): Promise<void> {
  await q()
    .insertInto("memberships")
    .values({ user_id: userId, lab_id: labId, role, granted_by: grantedBy })
    .onConflict((oc) => oc.columns(["user_id", "lab_id", "role"]).doNothing())
    .execute();
}

export async function revokeRole(userId: string, labId: string, role: Role): Promise<void> {
  await q()
    .deleteFrom("memberships")
    .where("user_id", "=", userId)
    .where("lab_id", "=", labId)
    .where("role", "=", role)
    .execute();
}

export async function listMembers(labId: string): Promise<Membership[]> {
  return q().selectFrom("memberships").selectAll().where("lab_id", "=", labId).orderBy("created_at").execute();
}

export async function usersWithRole(labId: string, role: Role): Promise<string[]> {
  const rows = await q()
    .selectFrom("memberships")
    .select("user_id")
    .where("lab_id", "=", labId)
    .where("role", "=", role)
    .execute();
  return rows.map((r) => r.user_id);
}

export async function loadPrincipal(userId: string): Promise<Principal> {
  const rows = await q().selectFrom("memberships").select(["lab_id", "role"]).where("user_id", "=", userId).execute();
  const roles = new Map<string, Set<Role>>();
  for (const r of rows) {
    if (!roles.has(r.lab_id)) roles.set(r.lab_id, new Set());
    roles.get(r.lab_id)!.add(r.role);
  }
  return { userId, roles };
}

/** Every user holding at least one role somewhere, with their roles. */
export async function listRoleHolders(): Promise<Map<string, Role[]>> {
  const rows = await q().selectFrom("memberships").select(["user_id", "role"]).execute();
  const out = new Map<string, Role[]>();
  for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.role]);
  return out;
}

/** The lab's choice for the contributions of agents who delete their account. */
export async function setDeletedContributions(labId: string, choice: DeletedContributions): Promise<void> {
  await q().updateTable("labs").set({ deleted_contributions: choice }).where("id", "=", labId).execute();
}

/** The labs that remove a deleted agent's contributions from their spaces. */
export async function labsRemovingContributions(): Promise<string[]> {
  return (await q().selectFrom("labs").select("id").where("deleted_contributions", "=", "remove").execute()).map((r) => r.id);
}
