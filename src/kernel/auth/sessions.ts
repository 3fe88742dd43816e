import crypto from "node:crypto";
import { type Generated } from "kysely";
import { db, runtime } from "../runtime";
import { transaction } from "../db/transaction";
import { announceAccessChange } from "../live/hub";

export type SessionTables = {
  sessions: {
    id: string;
    user_id: string;
    created_at: Generated<Date>;
    expires_at: Date;
    id_token: string | null;
  };
}
const q = () => db().withTables<SessionTables>();

export const SESSION_COOKIE = "germoir_session";
export const CSRF_COOKIE = "germoir_csrf";
export const CSRF_FIELD = "_csrf";

const hash = (token: string) => crypto.createHash("sha256").update(token).digest("base64url");

export function parseCookies(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    const v = part.slice(i + 1).trim();
    if (!k || k in out) continue;
    try {
      out[k] = decodeURIComponent(v);
    } catch {
      out[k] = v;
    }
  }
  return out;
}

export function serializeCookie(name: string, value: string, opts: { maxAge?: number; httpOnly?: boolean } = {}): string {
  const { config } = runtime();
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "SameSite=Lax"];
  if (opts.httpOnly !== false) parts.push("HttpOnly");
  if (config.production) parts.push("Secure");
  if (opts.maxAge !== undefined) parts.push(`Max-Age=${opts.maxAge}`);
  return parts.join("; ");
}

export async function createSession(userId: string, idToken: string | null = null): Promise<{ token: string; cookie: string }> {
  const { config } = runtime();
  const token = crypto.randomBytes(32).toString("base64url");
  const maxAge = config.sessionDays * 24 * 3600;
  await q()
    .insertInto("sessions")
    .values({ id: hash(token), user_id: userId, expires_at: new Date(Date.now() + maxAge * 1000), id_token: idToken })
    .execute();
  return { token, cookie: serializeCookie(SESSION_COOKIE, token, { maxAge }) };
}

export async function readSession(token: string | undefined): Promise<{ id: string; userId: string } | null> {
  if (!token || token.length > 200) return null;
  const row = await q()
    .selectFrom("sessions")
    .select(["id", "user_id", "expires_at"])
    .where("id", "=", hash(token))
    .executeTakeFirst();
  if (!row) return null;
  if (row.expires_at.getTime() < Date.now()) {
    await q().deleteFrom("sessions").where("id", "=", row.id).execute();
    return null;
  }
  return { id: row.id, userId: row.user_id };
}

/** The access key under which live streams opened in a session are guarded (see the live hub). */
export const sessionAccessKey = (sessionId: string) => `session:${sessionId}`;

/**
 * Ends a session (sign-out, a new sign-in in the same browser). Every process is told, once it is
 * committed, so that the live streams opened in that session end too.
 */
export async function destroySession(sessionId: string): Promise<string | null> {
  return transaction(async () => {
    const row = await q().deleteFrom("sessions").where("id", "=", sessionId).returning("id_token").executeTakeFirst();
    if (row) await announceAccessChange(db(), sessionAccessKey(sessionId));
    return row?.id_token ?? null;
  });
}

/** Whether the session is still open (a live stream asks before relaying more). */
export async function sessionIsOpen(sessionId: string): Promise<boolean> {
  const row = await q().selectFrom("sessions").select("expires_at").where("id", "=", sessionId).executeTakeFirst();
  return !!row && row.expires_at.getTime() >= Date.now();
}

export function clearSessionCookie(): string {
  return serializeCookie(SESSION_COOKIE, "", { maxAge: 0 });
}

export async function purgeExpiredSessions(now = new Date()): Promise<number> {
  const r = await q().deleteFrom("sessions").where("expires_at", "<", now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

// CSRF: the cookie holds "<nonce>.<hmac>" (a signed random nonce, the pre-session secret of
// this browser); every form posts back a token derived from that nonce AND the session it was
// served to. A token from another browser or another session never matches, and signing in (a
// new session, and a new nonce: see the session middleware) makes the previous tokens useless.
function sign(value: string): string {
  return crypto.createHmac("sha256", runtime().config.sessionSecret).update(value).digest("base64url");
}

export function newCsrfCookieValue(): { nonce: string; cookieValue: string } {
  const nonce = crypto.randomBytes(24).toString("base64url");
  return { nonce, cookieValue: `${nonce}.${sign(nonce)}` };
}

/** Returns the nonce carried by a valid CSRF cookie, or null. */
export function csrfNonceFromCookie(cookieValue: string | undefined): string | null {
  if (!cookieValue) return null;
  const [nonce, mac] = cookieValue.split(".");
  if (!nonce || !mac) return null;
  const expected = sign(nonce);
  if (mac.length !== expected.length) return null;
  return crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(expected)) ? nonce : null;
}

/** The token forms carry: bound to the browser's nonce and to its session (or to none). */
export function csrfTokenFor(nonce: string, sessionId: string | null): string {
  return sign(`csrf|${nonce}|${sessionId ?? "anonymous"}`);
}

export function csrfMatches(expected: string, submitted: unknown): boolean {
  if (typeof submitted !== "string" || submitted.length !== expected.length) return false;
  return crypto.timingSafeEqual(Buffer.from(submitted), Buffer.from(expected));
}
