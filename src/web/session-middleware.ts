import { data, type MiddlewareFunction } from "react-router";
import {
  CSRF_COOKIE,
  CSRF_FIELD,
  SESSION_COOKIE,
  csrfMatches,
  csrfNonceFromCookie,
  csrfTokenFor,
  newCsrfCookieValue,
  parseCookies,
  readSession,
  serializeCookie,
} from "../kernel/auth/sessions";
import { getSession, requestContext, sessionContext, type SessionInfo } from "../kernel/http/context";
import { rateLimits, tooManyMessage } from "../kernel/http/rate-limit";
import { runtime } from "../kernel/runtime";
import { errorPageHtml } from "../kernel/http/error-page";
import { getUser } from "../accounts/accounts";
import { loadPrincipal } from "../labs/labs";
import { matchRateRule } from "./rate-limits";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
const CSRF_MAX_AGE = 60 * 60 * 24 * 30;

/**
 * Runs first, before every loader and action: resolves the signed-in user and their roles and
 * issues the CSRF cookie; after the response is made, adds the cookies and headers the request
 * gathered, and rotates the CSRF cookie whenever the response opens or ends a session.
 */
export const sessionMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const cookies = parseCookies(request.headers.get("cookie"));
  const setCookies: string[] = [];
  let nonce = csrfNonceFromCookie(cookies[CSRF_COOKIE]);
  const hadCsrf = !!nonce;
  // The public API has no forms: its answers (shared by caches) set no cookie.
  const api = new URL(request.url).pathname.startsWith("/api/v1/");
  if (!nonce && api) nonce = newCsrfCookieValue().nonce;
  if (!nonce) {
    const fresh = newCsrfCookieValue();
    nonce = fresh.nonce;
    setCookies.push(serializeCookie(CSRF_COOKIE, fresh.cookieValue, { maxAge: CSRF_MAX_AGE }));
  }

  const info: SessionInfo & { csrfCookieSent: boolean } = {
    user: null,
    principal: null,
    sessionId: null,
    csrfToken: "",
    setCookies,
    responseHeaders: [],
    csrfCookieSent: hadCsrf,
  };
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
  info.csrfToken = csrfTokenFor(nonce, info.sessionId);
  context.set(sessionContext, info);

  const response = await next();
  // A new session (sign-in) or its end (sign-out): the browser gets a new CSRF nonce, so no
  // token served before, to this session or to none, is accepted afterwards.
  if (response.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`))) {
    const fresh = newCsrfCookieValue();
    for (let i = setCookies.length - 1; i >= 0; i--) if (setCookies[i].startsWith(`${CSRF_COOKIE}=`)) setCookies.splice(i, 1);
    setCookies.push(serializeCookie(CSRF_COOKIE, fresh.cookieValue, { maxAge: CSRF_MAX_AGE }));
  }
  for (const c of setCookies) response.headers.append("Set-Cookie", c);
  for (const [k, v] of info.responseHeaders) response.headers.set(k, v);
  return response;
};

const NUL_MESSAGE = "L’adresse ou la recherche contient un caractère non autorisé (caractère nul). Retirez-le et recommencez.";

/**
 * Runs second: refuses what must not reach any loader or action — a NUL character in the
 * address, a mutation from another origin, of another content type, without this session's
 * CSRF token — then counts the request against its rate limit (src/web/rate-limits.ts).
 */
export const guardMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const info = getSession(context) as SessionInfo & { csrfCookieSent: boolean };
  const url = new URL(request.url);
  let form: FormData | null = null;

  // PostgreSQL refuses NUL in text: a search with one would fail deep in a query.
  let pathname = url.pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    /* left encoded */
  }
  if (pathname.includes("\u0000") || [...url.searchParams].some(([k, v]) => k.includes("\u0000") || v.includes("\u0000"))) {
    const json = matchRateRule("GET", url, null);
    // the public API's error shape: { error: { code, message } }, readable from any origin
    if (json?.cors) return Response.json({ error: { code: "requete_invalide", message: NUL_MESSAGE } }, { status: 400, headers: { "Access-Control-Allow-Origin": "*" } });
    if (json?.json) return Response.json({ error: NUL_MESSAGE }, { status: 400 });
    throw data({ message: NUL_MESSAGE }, { status: 400 });
  }

  if (!SAFE.has(request.method)) {
    const origin = request.headers.get("origin");
    if (origin && origin !== "null") {
      let sameOrigin = false;
      try {
        sameOrigin = new URL(origin).host === url.host;
      } catch {
        sameOrigin = false;
      }
      if (!sameOrigin) throw data({ message: "Requête refusée : elle ne vient pas de ce site." }, { status: 403 });
    }
    const type = request.headers.get("content-type") ?? "";
    if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) {
      throw data({ message: "Format de requête non pris en charge." }, { status: 415 });
    }
    try {
      form = await request.clone().formData();
    } catch {
      throw data({ message: "La requête est mal formée." }, { status: 400 });
    }
    if (!info.csrfCookieSent || !csrfMatches(info.csrfToken, form.get(CSRF_FIELD))) {
      throw data(
        { message: "Le formulaire a expiré ou ne vient pas de ce site. Rechargez la page et recommencez." },
        { status: 403 },
      );
    }
  }

  const rule = runtime().config.rateLimitsEnabled ? matchRateRule(request.method, url, form) : undefined;
  if (!rule) return next();
  const ip = context.get(requestContext)?.ip ?? null;
  const decision = await rateLimits().consume(rule.limit, { ip, account: info.user?.id ?? rule.target?.(form) ?? null }, rule.bucket);
  if (!decision.ok) {
    const message = tooManyMessage(decision.retryAfterSeconds);
    const retryAfter = String(decision.retryAfterSeconds);
    if (rule.json && rule.cors) return Response.json({ error: { code: "trop_de_demandes", message } }, { status: 429, headers: { "Retry-After": retryAfter, "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "Retry-After" } });
    if (rule.json) return Response.json({ error: message }, { status: 429, headers: { "Retry-After": retryAfter } });
    if (rule.bare) {
      return new Response(errorPageHtml(429, "Trop de demandes", message, runtime().config.instance.name), {
        status: 429,
        headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": retryAfter },
      });
    }
    info.responseHeaders.push(["Retry-After", retryAfter]);
    throw data({ message }, { status: 429 });
  }
  const response = await next();
  // A request refused for what it carried (invalid form, not allowed) did nothing: it costs nothing.
  if (response.status >= 400) await decision.refund();
  return response;
};
