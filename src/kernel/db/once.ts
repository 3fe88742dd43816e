import { sql } from "kysely";
import { db } from "../runtime";
import type { MigrationSet } from "./migrate";
import { transaction } from "./transaction";

/**
 * One-time keys of forms that create something. Each rendered form carries a fresh key (the
 * hidden field `_once`, added by the kernel's form component); the server records
 * (account, form, key) → result in the same transaction as the creation. A submission repeated
 * with the same key — the browser resending a POST whose answer was lost, a double click — gets
 * the first result (the same redirect) and creates nothing.
 */
export const ONCE_FIELD = "_once";
const KEY = /^[0-9A-Za-z-]{16,100}$/;

export const onceMigrations: MigrationSet = {
  "2026-12-04-00-form-submissions": {
    async up(d) {
      // account_id is a plain uuid: the kernel does not depend on the accounts module's table.
      await sql`CREATE TABLE form_submissions (
        account_id uuid NOT NULL,
        scope text NOT NULL CHECK (length(scope) <= 200),
        key text NOT NULL CHECK (length(key) <= 100),
        result text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, scope, key)
      )`.execute(d);
      await sql`CREATE INDEX form_submissions_created_idx ON form_submissions (created_at)`.execute(d);
    },
  },
};

/** The submission's one-time key, if it carries a well-formed one. */
export function onceKey(form: FormData): string | null {
  const v = form.get(ONCE_FIELD);
  return typeof v === "string" && KEY.test(v) ? v : null;
}

/**
 * Runs `create` once per (account, scope, key): in one transaction with the record of its result,
 * so both are committed or neither is. A concurrent submission with the same key waits for the
 * first one's transaction, then returns its result. Without a key (a client that sends none), it
 * simply runs. `create` returns what to answer (a redirect location).
 */
export async function once(accountId: string, form: FormData, scope: string, create: () => Promise<string>): Promise<string> {
  const key = onceKey(form);
  if (!key) return create();
  const where = sql`account_id = ${accountId} AND scope = ${scope} AND key = ${key}`;
  return transaction(async () => {
    const claimed = await sql`INSERT INTO form_submissions (account_id, scope, key) VALUES (${accountId}, ${scope}, ${key})
      ON CONFLICT DO NOTHING RETURNING key`.execute(db());
    if (!claimed.rows.length) {
      const first = await sql<{ result: string | null }>`SELECT result FROM form_submissions WHERE ${where}`.execute(db());
      const result = first.rows[0]?.result;
      if (result) return result;
    }
    const result = await create();
    await sql`UPDATE form_submissions SET result = ${result} WHERE ${where}`.execute(db());
    return result;
  });
}

/** Forgets keys older than `days` (a resent form older than that creates again). */
export async function purgeOnceKeys(days = 7): Promise<number> {
  const r = await sql`DELETE FROM form_submissions WHERE created_at < now() - make_interval(days => ${days})`.execute(db());
  return Number(r.numAffectedRows ?? 0);
}
