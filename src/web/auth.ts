import { redirect, type RouterContextProvider } from "react-router";
import { getSession, type SessionInfo } from "../kernel/http/context";
import type { Principal } from "../kernel/permissions";

export type SignedIn = SessionInfo & { user: NonNullable<SessionInfo["user"]>; principal: Principal; userId: string };

/** The signed-in user, or a redirect to the sign-in page that comes back here. */
export function requireUser(context: Readonly<RouterContextProvider>, request: Request): SignedIn {
  const s = getSession(context);
  if (!s.user || !s.principal) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    if (request.method !== "GET") throw redirect("/connexion");
    throw redirect(`/connexion?retour=${encodeURIComponent(back)}`);
  }
  return { ...s, user: s.user, principal: s.principal, userId: s.user.id };
}

/** One rule for every return path, in the kernel. */
export { safeReturnPath } from "../kernel/http/return-path";

/**
 * Why a sign-in failed, as a code in `/connexion?erreur=<code>`: the page shows our own message
 * for it, never the text of the address (anyone can send a link with any text).
 */
export const signInErrors = {
  interrompue: "La connexion a été interrompue par le fournisseur d’identité.",
  echec: "La connexion n’a pas abouti. Recommencez.",
  indisponible: "Le fournisseur d’identité ne répond pas. Réessayez dans quelques instants.",
} as const;
export type SignInError = keyof typeof signInErrors;

export function signInErrorPath(code: SignInError): string {
  return `/connexion?erreur=${code}`;
}

/** The message for a code; an unknown code gets the generic one; no code, no message. */
export function signInErrorMessage(code: string | null): string | null {
  if (code === null) return null;
  return Object.hasOwn(signInErrors, code) ? signInErrors[code as SignInError] : signInErrors.echec;
}
