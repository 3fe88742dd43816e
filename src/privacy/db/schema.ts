import type { Generated } from "kysely";

export type PrivacyTables = {
  /** One row per deleted account, without any personal data: a pseudonym and the date. */
  account_deletions: {
    id: Generated<string>;
    /** HMAC of the account id with the instance's secret: not reversible without it, never the id. */
    pseudonym: string;
    deleted_at: Date;
  };
};
