import { db } from "../kernel/runtime";
import { isUuid } from "../kernel/ids";
import { DELETED_ACCOUNT_NAME, type PersonalDataSection } from "../kernel/personal-data";
import type { AccountsTables } from "./accounts";

const q = () => db().withTables<AccountsTables>();

/** The account itself: identity, organisation, job, identity-provider subject, dates. */
export async function personalData(accountId: string): Promise<PersonalDataSection[]> {
  if (!isUuid(accountId)) return [];
  const u = await q().selectFrom("users").selectAll().where("id", "=", accountId).where("deleted_at", "is", null).executeTakeFirst();
  if (!u) return [];
  return [
    {
      key: "account",
      title: "Votre compte",
      rows: [
        {
          id: u.id,
          email: u.email,
          given_name: u.given_name,
          family_name: u.family_name,
          organization_id: u.organization_id,
          unit_id: u.unit_id,
          job: u.job,
          site: u.site,
          siret: u.siret,
          oidc_sub: u.oidc_sub,
          created_at: u.created_at,
          last_login_at: u.last_login_at,
        },
      ],
    },
  ];
}

/** The address the account's mails were sent to (read before the account is erased). */
export async function accountEmail(accountId: string): Promise<string | null> {
  if (!isUuid(accountId)) return null;
  const u = await q().selectFrom("users").select("email").where("id", "=", accountId).where("deleted_at", "is", null).executeTakeFirst();
  return u?.email ?? null;
}

/**
 * Erases the personal fields; the row stays so that contributions keep an author, shown as
 * « Agent supprimé ». The address becomes a unique, undeliverable placeholder (the column is
 * unique and required); the account can no longer be reached by the identity provider nor the
 * demonstration picker. Returns false when there was no live account.
 */
export async function forgetAccount(accountId: string, at = new Date()): Promise<boolean> {
  if (!isUuid(accountId)) return false;
  const r = await q()
    .updateTable("users")
    .set({
      email: `supprime-${accountId}@invalid`,
      given_name: DELETED_ACCOUNT_NAME.givenName,
      family_name: DELETED_ACCOUNT_NAME.familyName,
      organization_id: null,
      unit_id: null,
      job: null,
      site: null,
      siret: null,
      oidc_sub: null,
      is_demo: false,
      last_login_at: null,
      deleted_at: at,
    })
    .where("id", "=", accountId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
