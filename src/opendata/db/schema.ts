import type { Generated, Selectable } from "kysely";

export type OpendataTables = {
  /**
   * Personal access tokens of a lab team: the secret is shown once at creation; only its SHA-256
   * is kept. A token reads its own lab's non-public data through the API, nothing else.
   */
  api_tokens: {
    id: Generated<string>;
    lab_id: string;
    name: string;
    /** SHA-256 of the whole secret, in hex. */
    secret_hash: string;
    /** The secret's first characters (« gmr_AbCd »), to tell tokens apart on the page. */
    prefix: string;
    created_by: string | null;
    created_at: Generated<Date>;
    last_used_at: Date | null;
    revoked_at: Date | null;
    revoked_by: string | null;
  };
};

export type ApiToken = Selectable<OpendataTables["api_tokens"]>;
