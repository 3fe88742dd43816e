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
