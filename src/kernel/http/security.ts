import type { Config } from "../config";

/** Security headers with a nonce-based CSP that DSFR and React Router hydration work under. */
export function securityHeaders(config: Config, nonce: string, dev = false): [string, string][] {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    // A form may redirect to the identity provider (sign-out ends the provider's session too).
    `form-action 'self'${config.oidc ? ` ${new URL(config.oidc.issuer).origin}` : ""}`,
    "object-src 'none'",
  ].join("; ");
  const headers: [string, string][] = [
    ["Content-Security-Policy", csp],
    ["X-Content-Type-Options", "nosniff"],
    ["X-Frame-Options", "DENY"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=()"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
  ];
  if (config.production) headers.push(["Strict-Transport-Security", "max-age=31536000; includeSubDomains"]);
  return headers;
}

/**
 * Mutations from another site are refused before anything reads them (React Router
 * would answer a bare 400): the Origin header, when present, must be this host.
 */
export function isCrossSite(method: string, origin: string | undefined, host: string | undefined): boolean {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return false;
  if (!origin || origin === "null") return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
