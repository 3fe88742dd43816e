import { sql, type Generated, type Selectable } from "kysely";
import { db } from "../kernel/runtime";
import type { MigrationSet } from "../kernel/db/migrate";
import { isUuid } from "../kernel/ids";

export type AccountsTables = {
  users: {
    id: Generated<string>;
    email: string;
    given_name: string;
    family_name: string;
    organization_id: string | null;
    unit_id: string | null;
    job: string | null;
    site: string | null;
    siret: string | null;
    oidc_sub: string | null;
    is_demo: Generated<boolean>;
    created_at: Generated<Date>;
    last_login_at: Date | null;
    /** Set when the agent deleted their account: the personal fields are then erased. */
    deleted_at: Date | null;
  };
}
export type User = Selectable<AccountsTables["users"]>;
export type UserSummary = Pick<User, "id" | "given_name" | "family_name" | "organization_id" | "unit_id" | "job">;

const q = () => db().withTables<AccountsTables>();

export const accountsMigrations: MigrationSet = {
  "2026-11-22-02-accounts": {
    async up(d) {
      await sql`CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        given_name text NOT NULL,
        family_name text NOT NULL,
        organization_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
        unit_id uuid REFERENCES units(id) ON DELETE SET NULL,
        job text,
        site text,
        siret text,
        oidc_sub text UNIQUE,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_login_at timestamptz
      )`.execute(d);
      await sql`CREATE UNIQUE INDEX users_email_idx ON users (lower(email))`.execute(d);
      await sql`CREATE INDEX users_org_idx ON users (organization_id)`.execute(d);
      await sql`CREATE INDEX users_family_name_idx ON users (family_name, given_name)`.execute(d);
    },
  },
  "2026-12-04-01-accounts-deleted": {
    async up(d) {
      await sql`ALTER TABLE users ADD COLUMN deleted_at timestamptz`.execute(d);
    },
  },
};

export function displayName(u: Pick<User, "given_name" | "family_name">): string {
  return `${u.given_name} ${u.family_name}`;
}

export interface NewUser {
  email: string;
  givenName: string;
  familyName: string;
  organizationId?: string | null;
  unitId?: string | null;
  job?: string | null;
  site?: string | null;
  siret?: string | null;
  oidcSub?: string | null;
  isDemo?: boolean;
}

export async function createUser(u: NewUser): Promise<User> {
  return q()
    .insertInto("users")
    .values({
      email: u.email.toLowerCase(),
      given_name: u.givenName,
      family_name: u.familyName,
      organization_id: u.organizationId ?? null,
      unit_id: u.unitId ?? null,
      job: u.job ?? null,
      site: u.site ?? null,
      siret: u.siret ?? null,
      oidc_sub: u.oidcSub ?? null,
      is_demo: u.isDemo ?? false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createUsers(users: NewUser[]): Promise<User[]> {
  if (users.length === 0) return [];
  return q()
    .insertInto("users")
    .values(
      users.map((u) => ({
        email: u.email.toLowerCase(),
        given_name: u.givenName,
        family_name: u.familyName,
        organization_id: u.organizationId ?? null,
        unit_id: u.unitId ?? null,
        job: u.job ?? null,
        site: u.site ?? null,
        siret: u.siret ?? null,
        is_demo: u.isDemo ?? false,
      })),
    )
    .returningAll()
    .execute();
}

export async function getUser(id: string): Promise<User | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function getUsers(ids: string[]): Promise<Map<string, UserSummary>> {
  const unique = [...new Set(ids)].filter(isUuid);
  if (unique.length === 0) return new Map();
  const rows = await q()
    .selectFrom("users")
    .select(["id", "given_name", "family_name", "organization_id", "unit_id", "job"])
    .where("id", "in", unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findUserByEmail(email: string): Promise<User | undefined> {
  return q()
    .selectFrom("users")
    .selectAll()
    .where(sql<string>`lower(email)`, "=", email.toLowerCase())
    .executeTakeFirst();
}

/** Users whose name or email matches, for pickers (co-authors, jurors, roles). */
export async function searchUsers(term: string, limit = 20): Promise<UserSummary[]> {
  const t = term.trim();
  if (t.length < 2) return [];
  const like = `%${t.replace(/[%_\\]/g, (c) => "\\" + c)}%`;
  return q()
    .selectFrom("users")
    .select(["id", "given_name", "family_name", "organization_id", "unit_id", "job"])
    .where("deleted_at", "is", null)
    .where((eb) =>
      eb.or([
        eb(sql`unaccent(given_name || ' ' || family_name)`, "ilike", sql`unaccent(${like})`),
        eb("email", "ilike", like),
      ]),
    )
    .orderBy("family_name")
    .orderBy("given_name")
    .limit(limit)
    .execute();
}

export async function listDemoUsers(): Promise<User[]> {
  return q().selectFrom("users").selectAll().where("is_demo", "=", true).orderBy("family_name").execute();
}

export async function countUsers(): Promise<number> {
  const r = await q().selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * The accounts of agents of these organisations (every account when none is given), among `among`
 * when given: the reach of a questionnaire.
 */
export async function countUsersIn(organizationIds: string[], among?: string[]): Promise<number> {
  if (among && !among.length) return 0;
  let b = q().selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n"));
  if (organizationIds.length) b = b.where("organization_id", "in", organizationIds);
  if (among) b = b.where("id", "in", among);
  return Number((await b.executeTakeFirstOrThrow()).n);
}

export interface OidcProfile {
  sub: string;
  email: string;
  givenName: string;
  familyName: string;
  siret?: string | null;
  organizationId?: string | null;
  unitId?: string | null;
}

/** What other modules do when an account is created at first sign-in (registered at boot, `src/wiring.ts`): e.g. the desk links the requests that named this address as their sponsor. */
type AccountCreatedListener = (user: { id: string; email: string }) => Promise<void>;
// On globalThis, as the committees' registry: the server entry (which wires at boot) and the bundled app hold two copies of this file.
const LISTENERS = Symbol.for("germoir.accounts.created");
const holder = globalThis as unknown as Record<symbol, AccountCreatedListener[] | undefined>;
const createdListeners: AccountCreatedListener[] = (holder[LISTENERS] ??= []);
export function onAccountCreated(listener: AccountCreatedListener): void {
  createdListeners.push(listener);
}

/** Accounts are created at first sign-in; later sign-ins refresh what the provider says. */
export async function upsertFromOidc(p: OidcProfile): Promise<User> {
  const bySub = await q().selectFrom("users").selectAll().where("oidc_sub", "=", p.sub).executeTakeFirst();
  const existing = bySub ?? (await findUserByEmail(p.email));
  if (existing) {
    const organizationId = p.organizationId ?? existing.organization_id;
    return q()
      .updateTable("users")
      .set({
        oidc_sub: p.sub,
        email: p.email.toLowerCase(),
        given_name: p.givenName || existing.given_name,
        family_name: p.familyName || existing.family_name,
        siret: p.siret ?? existing.siret,
        organization_id: organizationId,
        // a unit belongs to an organisation: a move without a unit claim leaves none
        unit_id: p.unitId ?? (organizationId === existing.organization_id ? existing.unit_id : null),
        // an account reached through the identity provider is a real one: the demo picker may no longer open it
        is_demo: false,
        last_login_at: new Date(),
      })
      .where("id", "=", existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  const created = await createUser({ ...p, oidcSub: p.sub });
  await touchLogin(created.id);
  for (const listener of createdListeners) await listener({ id: created.id, email: created.email });
  return created;
}

export async function touchLogin(userId: string): Promise<void> {
  await q().updateTable("users").set({ last_login_at: new Date() }).where("id", "=", userId).execute();
}

export async function findUsersEmails(ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)].filter(isUuid);
  if (!unique.length) return [];
  const rows = await q().selectFrom("users").select("email").where("id", "in", unique).where("deleted_at", "is", null).execute();
  return rows.map((r) => r.email);
}

export type UserProfile = Pick<User, "id" | "given_name" | "family_name" | "organization_id" | "unit_id" | "job" | "site">;

/** Names, jobs and sites, for directories (communities' members). */
export async function getUserProfiles(ids: string[]): Promise<Map<string, UserProfile>> {
  const unique = [...new Set(ids)].filter(isUuid);
  if (unique.length === 0) return new Map();
  const rows = await q()
    .selectFrom("users")
    .select(["id", "given_name", "family_name", "organization_id", "unit_id", "job", "site"])
    .where("id", "in", unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Name and address of each user, to write to them (mail). */
export async function getUserContacts(ids: string[]): Promise<Map<string, { email: string; givenName: string; familyName: string }>> {
  const unique = [...new Set(ids)].filter(isUuid);
  if (!unique.length) return new Map();
  const rows = await q().selectFrom("users").select(["id", "email", "given_name", "family_name"]).where("id", "in", unique).where("deleted_at", "is", null).execute();
  return new Map(rows.map((r) => [r.id, { email: r.email, givenName: r.given_name, familyName: r.family_name }]));
}
