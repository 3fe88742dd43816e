import { data, type MiddlewareFunction } from "react-router";
import {
  CSRF_COOKIE,
  SESSION_COOKIE,
  csrfMatches,
  csrfTokenFromCookie,
  newCsrfCookieValue,
  parseCookies,
  readSession,
  serializeCookie,
} from "../kernel/auth/sessions";
import { sessionContext, type SessionInfo } from "../kernel/http/context";
import { getUser } from "../accounts/accounts";
import { loadPrincipal } from "../labs/labs";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Runs before every loader and action: resolves the signed-in user and their
 * roles, issues the CSRF cookie, and refuses any mutation without a valid token
 * or from another origin.
 */
export const sessionMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const cookies = parseCookies(request.headers.get("cookie"));
  const setCookies: string[] = [];
  let csrf = csrfTokenFromCookie(cookies[CSRF_COOKIE]);
  const hadCsrf = !!csrf;
  if (!csrf) {
    const fresh = newCsrfCookieValue();
    csrf = fresh.token;
    setCookies.push(serializeCookie(CSRF_COOKIE, fresh.cookieValue, { maxAge: 60 * 60 * 24 * 30 }));
  }

  const info: SessionInfo = { user: null, principal: null, sessionId: null, csrfToken: csrf, setCookies };
  const session = await readSession(cookies[SESSION_COOKIE]);
  if (session) {
    // Both only need the user id: one round trip of latency, not two.
    const [user, principal] = await Promise.all([getUser(session.userId), loadPrincipal(session.userId)]);
    if (user && !user.deleted_at) {
      info.user = {
        id: user.id,
        givenName: user.given_name,
        familyName: user.family_name,
        email: user.email,
        organizationId: user.organization_id,
      };
      info.principal = principal;
      info.sessionId = session.id;
    }
  }
  context.set(sessionContext, info);

  if (!SAFE.has(request.method)) {
    const origin = request.headers.get("origin");
    if (origin && origin !== "null") {
      let sameOrigin = false;
      try {
        sameOrigin = new URL(origin).host === new URL(request.url).host;
      } catch {
        sameOrigin = false;
      }
      if (!sameOrigin) throw data({ message: "Requête refusée : elle ne vient pas de ce site." }, { status: 403 });
    }
    const type = request.headers.get("content-type") ?? "";
    if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) {
      throw data({ message: "Format de requête non pris en charge." }, { status: 415 });
    }
    let token: FormDataEntryValue | null = null;
    try {
      token = (await request.clone().formData()).get("_csrf");
    } catch {
      throw data({ message: "La requête est mal formée." }, { status: 400 });
    }
    if (!hadCsrf || !csrfMatches(csrf, token)) {
      throw data(
        { message: "Le formulaire a expiré ou ne vient pas de ce site. Rechargez la page et recommencez." },
        { status: 403 },
      );
    }
  }

  const response = await next();
  for (const c of setCookies) response.headers.append("Set-Cookie", c);
  return response;
};
