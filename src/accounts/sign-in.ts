import { createSession, destroySession } from "../kernel/auth/sessions";
import { endSessionUrl, finishSignIn } from "../kernel/auth/oidc";
import { ensureUnit, findOrganizationBySiret } from "../organizations/organizations";
import { findUserByEmail, getUser, touchLogin, upsertFromOidc } from "./accounts";

/** OIDC callback: maps the claims (SIRET to organisation, unit) and opens a session. */
/** A new sign-in replaces the browser's previous session, which is destroyed (no session fixation). */
export async function completeOidcSignIn(callbackUrl: URL, flowCookie: string | undefined, previousSessionId: string | null = null) {
  const claims = await finishSignIn(callbackUrl, flowCookie);
  const org = claims.siret ? await findOrganizationBySiret(claims.siret) : undefined;
  const unit = org && claims.organizationalUnit ? await ensureUnit(org.id, claims.organizationalUnit) : undefined;
  const user = await upsertFromOidc({
    sub: claims.sub,
    email: claims.email,
    givenName: claims.givenName || claims.email.split("@")[0],
    familyName: claims.familyName,
    siret: claims.siret,
    organizationId: org?.id ?? null,
    unitId: unit?.id ?? null,
  });
  if (previousSessionId) await destroySession(previousSessionId);
  const session = await createSession(user.id, claims.idToken);
  return { user, cookie: session.cookie, returnTo: claims.returnTo };
}

/** Demo persona picker: only demo accounts, only when the demo sign-in is enabled. */
export async function demoSignIn(who: { userId: string } | { email: string }, previousSessionId: string | null = null) {
  const user = "userId" in who ? await getUser(who.userId) : await findUserByEmail(who.email);
  if (!user || !user.is_demo) return null;
  await touchLogin(user.id);
  if (previousSessionId) await destroySession(previousSessionId);
  return createSession(user.id);
}

export async function signOut(sessionId: string | null): Promise<string | null> {
  if (!sessionId) return null;
  const idToken = await destroySession(sessionId);
  return endSessionUrl(idToken);
}
