import { sql } from "kysely";
import { db } from "../../kernel/runtime";
import { isUuid } from "../../kernel/ids";
import type { ApiToken, OpendataTables } from "./schema";

const q = () => db().withTables<OpendataTables>();

export async function insertToken(input: { labId: string; name: string; secretHash: string; prefix: string; createdBy: string }): Promise<ApiToken> {
  return q()
    .insertInto("api_tokens")
    .values({ lab_id: input.labId, name: input.name, secret_hash: input.secretHash, prefix: input.prefix, created_by: input.createdBy, last_used_at: null, revoked_at: null, revoked_by: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function tokensOfLab(labId: string): Promise<ApiToken[]> {
  return q().selectFrom("api_tokens").selectAll().where("lab_id", "=", labId).orderBy("created_at", "desc").orderBy("id").execute();
}

export async function getToken(id: string): Promise<ApiToken | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("api_tokens").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Revokes a live token; false when it was already revoked. */
export async function revokeToken(id: string, by: string, at = new Date()): Promise<boolean> {
  const r = await q().updateTable("api_tokens").set({ revoked_at: at, revoked_by: by }).where("id", "=", id).where("revoked_at", "is", null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function tokenByHash(secretHash: string): Promise<ApiToken | undefined> {
  return q().selectFrom("api_tokens").selectAll().where("secret_hash", "=", secretHash).executeTakeFirst();
}

/** Notes a use, at most once a minute per token (no write per request). */
export async function touchToken(id: string, at = new Date()): Promise<void> {
  await q()
    .updateTable("api_tokens")
    .set({ last_used_at: at })
    .where("id", "=", id)
    .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<", sql<Date>`${at}::timestamptz - interval '1 minute'`)]))
    .execute();
}
