import crypto from "node:crypto";
import * as client from "openid-client";
import { runtime } from "../runtime";
import { serializeCookie } from "./sessions";

export const OIDC_COOKIE = "germoir_oidc";

let cached: { key: string; config: client.Configuration } | null = null;

async function configuration(): Promise<client.Configuration> {
  const oidc = runtime().config.oidc;
  if (!oidc) throw new Error("OpenID Connect n’est pas configuré (OIDC_ISSUER, OIDC_CLIENT_ID).");
  const key = `${oidc.issuer}|${oidc.clientId}`;
  if (cached?.key === key) return cached.config;
  const config = await client.discovery(
    new URL(oidc.issuer),
    oidc.clientId,
    oidc.clientSecret,
    undefined,
    oidc.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
  );
  cached = { key, config };
  return config;
}

function sign(value: string): string {
  return crypto.createHmac("sha256", runtime().config.sessionSecret).update(value).digest("base64url");
}

export function redirectUri(): string {
  return new URL("/connexion/callback", runtime().config.baseUrl).toString();
}

/** Builds the provider's authorization URL (code flow + PKCE) and the cookie holding the flow's secrets. */
export async function startSignIn(returnTo: string): Promise<{ url: string; cookie: string }> {
  const config = await configuration();
  const oidc = runtime().config.oidc!;
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(),
    scope: oidc.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
    acr_values: "eidas1",
  });
  const payload = Buffer.from(JSON.stringify({ verifier, state, nonce, returnTo })).toString("base64url");
  return { url: url.toString(), cookie: serializeCookie(OIDC_COOKIE, `${payload}.${sign(payload)}`, { maxAge: 600 }) };
}

export interface OidcClaims {
  sub: string;
  email: string;
  givenName: string;
  familyName: string;
  siret: string | null;
  organizationalUnit: string | null;
  idToken: string | null;
  returnTo: string;
}

function readFlowCookie(value: string | undefined): { verifier: string; state: string; nonce: string; returnTo: string } | null {
  if (!value) return null;
  const [payload, mac] = value.split(".");
  if (!payload || !mac) return null;
  const expected = sign(payload);
  if (mac.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) return null;
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
}

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);

/** Completes the code flow; the email and profile claims come from userinfo. */
export async function finishSignIn(callbackUrl: URL, flowCookie: string | undefined): Promise<OidcClaims> {
  const flow = readFlowCookie(flowCookie);
  if (!flow) throw new Error("La connexion a expiré : recommencez.");
  const config = await configuration();
  // The callback URL as the provider saw it (behind a proxy the request URL may differ).
  const current = new URL(redirectUri());
  current.search = callbackUrl.search;
  const tokens = await client.authorizationCodeGrant(config, current, {
    pkceCodeVerifier: flow.verifier,
    expectedState: flow.state,
    expectedNonce: flow.nonce,
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error("Le fournisseur d’identité n’a pas renvoyé d’ID token.");
  const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
  const claims = { ...idClaims, ...info } as Record<string, unknown>;
  const email = str(claims.email);
  if (!email) throw new Error("Le fournisseur d’identité n’a pas transmis d’adresse électronique.");
  return {
    sub: idClaims.sub,
    email,
    givenName: str(claims.given_name) ?? "",
    familyName: str(claims.usual_name) ?? str(claims.family_name) ?? "",
    siret: str(claims.siret),
    organizationalUnit: str(claims.organizational_unit) ?? str(claims.belonging_population),
    idToken: tokens.id_token ?? null,
    returnTo: flow.returnTo,
  };
}

export async function endSessionUrl(idToken: string | null): Promise<string | null> {
  if (!runtime().config.oidc || !idToken) return null;
  try {
    const config = await configuration();
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client
      .buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: new URL("/", runtime().config.baseUrl).toString() })
      .toString();
  } catch {
    return null;
  }
}
