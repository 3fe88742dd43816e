import { sql, type Generated, type Selectable } from "kysely";
import { db } from "../kernel/runtime";
import type { MigrationSet } from "../kernel/db/migrate";
import { referenceCache } from "../kernel/cache";

export const organizationKinds = {
  region_hq: "Siège de la Région",
  maison_region: "Maison de la Région",
  lycee: "Lycée",
  prefecture: "Préfecture",
  ddt: "Direction départementale des territoires",
  collectivite: "Collectivité territoriale",
  sante: "Établissement de santé",
  other: "Autre",
} as const;
export type OrganizationKind = keyof typeof organizationKinds;

type OrganizationsTables = {
  organizations: {
    id: Generated<string>;
    name: string;
    kind: OrganizationKind;
    siret: string | null;
    city: string | null;
    created_at: Generated<Date>;
  };
  units: {
    id: Generated<string>;
    organization_id: string;
    name: string;
  };
}
export type Organization = Selectable<OrganizationsTables["organizations"]>;
export type Unit = Selectable<OrganizationsTables["units"]>;

const q = () => db().withTables<OrganizationsTables>();

export const organizationsMigrations: MigrationSet = {
  "2026-11-22-01-organizations": {
    async up(d) {
      await sql`CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        kind text NOT NULL,
        siret text UNIQUE,
        city text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE TABLE units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        name text NOT NULL,
        UNIQUE (organization_id, name)
      )`.execute(d);
    },
  },
};

export async function createOrganization(input: {
  name: string;
  kind: OrganizationKind;
  siret?: string | null;
  city?: string | null;
  units?: string[];
}): Promise<Organization> {
  const org = await q()
    .insertInto("organizations")
    .values({ name: input.name, kind: input.kind, siret: input.siret ?? null, city: input.city ?? null })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (input.units?.length) {
    await q()
      .insertInto("units")
      .values(input.units.map((name) => ({ organization_id: org.id, name })))
      .execute();
  }
  allOrganizations.clear();
  return org;
}

/** Organisations change rarely and are named on most pages: cached for a few seconds. */
const allOrganizations = referenceCache(5_000, () => q().selectFrom("organizations").selectAll().orderBy("name").execute());

export async function listOrganizations(): Promise<Organization[]> {
  return allOrganizations.get();
}

export async function getOrganizations(ids: string[]): Promise<Map<string, Organization>> {
  if (ids.length === 0) return new Map();
  const wanted = new Set(ids);
  return new Map((await allOrganizations.get()).filter((o) => wanted.has(o.id)).map((o) => [o.id, o]));
}

export async function findOrganizationBySiret(siret: string): Promise<Organization | undefined> {
  return q().selectFrom("organizations").selectAll().where("siret", "=", siret).executeTakeFirst();
}

export async function listUnits(organizationId?: string): Promise<Unit[]> {
  let query = q().selectFrom("units").selectAll().orderBy("name");
  if (organizationId) query = query.where("organization_id", "=", organizationId);
  return query.execute();
}

export async function getUnits(ids: string[]): Promise<Map<string, Unit>> {
  if (ids.length === 0) return new Map();
  const rows = await q().selectFrom("units").selectAll().where("id", "in", [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Finds or creates a unit by name inside an organisation (OIDC "organizational_unit" claim). */
export async function ensureUnit(organizationId: string, name: string): Promise<Unit> {
  const existing = await q()
    .selectFrom("units")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("name", "=", name)
    .executeTakeFirst();
  if (existing) return existing;
  return q()
    .insertInto("units")
    .values({ organization_id: organizationId, name })
    .onConflict((oc) => oc.columns(["organization_id", "name"]).doUpdateSet({ name }))
    .returningAll()
    .executeTakeFirstOrThrow();
}
