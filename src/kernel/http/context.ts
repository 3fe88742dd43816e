import { createContext, type RouterContextProvider } from "react-router";
import type { Principal } from "../permissions";

export interface RequestInfo {
  /** CSP nonce for inline scripts of this response. */
  nonce: string;
  requestId: string;
  /** The client's address (the forwarded one behind a trusted proxy), for rate limits. */
  ip?: string;
}

export interface SessionInfo {
  user: {
    id: string;
    givenName: string;
    familyName: string;
    email: string;
    organizationId: string | null;
  } | null;
  principal: Principal | null;
  sessionId: string | null;
  csrfToken: string;
  /** Set-Cookie headers the root middleware must add to the response. */
  setCookies: string[];
  /** Other headers for the response (Retry-After of a 429). */
  responseHeaders: [string, string][];
}

// Context keys are shared through globalThis: the server entry and the bundled
// app each load this file once, and both must agree on the same key objects.
const G = globalThis as unknown as Record<symbol, unknown>;
function sharedContext<T>(name: string) {
  const key = Symbol.for(`germoir.context.${name}`);
  G[key] ??= createContext<T>();
  return G[key] as ReturnType<typeof createContext<T>>;
}

export const requestContext = sharedContext<RequestInfo>("request");
export const sessionContext = sharedContext<SessionInfo>("session");

export function getSession(context: Readonly<RouterContextProvider>): SessionInfo {
  return context.get(sessionContext);
}
