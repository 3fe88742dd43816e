import type { RateLimitName } from "../kernel/config";

/**
 * Which requests count against which limit: the whole list, in one place, so that no route has
 * to remember it. `bucket` keeps apart two counters under one configured limit (the two halves
 * of an OpenID Connect sign-in). JSON endpoints get a JSON 429.
 */
export interface RateRule {
  limit: RateLimitName;
  bucket?: string;
  method: "GET" | "POST";
  path: RegExp;
  when?: (url: URL, form: FormData | null) => boolean;
  json?: boolean;
  /** A public API answer: its 429 carries the CORS header too. */
  cors?: boolean;
  /** A route without a page of its own (a redirect): the 429 is the server's plain French page. */
  bare?: boolean;
  /** At sign-in, the account aimed at (there is no session yet). */
  target?: (form: FormData | null) => string | null;
}

const intent = (form: FormData | null) => {
  const v = form?.get("intent");
  return typeof v === "string" ? v : "";
};
const ID = "[^/]+";

export const rateRules: RateRule[] = [
  {
    limit: "signIn",
    method: "POST",
    path: /^\/connexion\/demo$/,
    target: (form) => {
      const v = form?.get("userId") ?? form?.get("email");
      return typeof v === "string" && v ? v.trim().toLowerCase() : null;
    },
  },
  { limit: "signIn", method: "GET", path: /^\/connexion\/oidc$/, bare: true },
  { limit: "signIn", bucket: "signInCallback", method: "GET", path: /^\/connexion\/callback$/, bare: true },
  { limit: "search", method: "GET", path: /^\/idees$/, when: (url) => !!url.searchParams.get("q")?.trim() },
  { limit: "similar", method: "GET", path: /^\/idees\/proches$/, json: true },
  // the public tracker's live stream, open to anyone: opening streams counts like searching (its own counter)
  { limit: "search", bucket: "trackerStream", method: "GET", path: new RegExp(`^/traceur/${ID}/direct$`), bare: true },
  { limit: "similar", method: "POST", path: new RegExp(`^/campagnes/${ID}/deposer$`), when: (_, form) => intent(form) === "similar" },
  { limit: "submit", method: "POST", path: new RegExp(`^/campagnes/${ID}/deposer$`), when: (_, form) => intent(form) !== "similar" },
  { limit: "comment", method: "POST", path: new RegExp(`^/idees/${ID}$`), when: (_, form) => intent(form) === "comment" },
  { limit: "message", method: "POST", path: new RegExp(`^/communautes/${ID}$`), when: (_, form) => intent(form) === "post" },
  { limit: "message", method: "POST", path: new RegExp(`^/communautes/${ID}/fils/${ID}$`), when: (_, form) => intent(form) === "reply" },
  { limit: "message", method: "POST", path: new RegExp(`^/communautes/${ID}/panel/${ID}$`) },
  { limit: "api", method: "GET", path: /^\/api\/v1\/(?!openapi\.json$)[^/]+$/, json: true, cors: true },
  { limit: "api", bucket: "datasets", method: "GET", path: /^\/donnees\/[^/]+\.(csv|json)$/, json: true, cors: true },
  {
    limit: "boardNote",
    method: "POST",
    path: new RegExp(`^/minilabs/${ID}/seances/${ID}/tableau$`),
    when: (_, form) => ["add", "edit"].includes(intent(form)),
  },
];

/** The path a rule is matched against (a `.data` request is its page's). */
export function routePath(url: URL): string {
  const p = url.pathname;
  if (p === "/_root.data") return "/";
  return p.endsWith(".data") ? p.slice(0, -5) : p;
}

export function matchRateRule(method: string, url: URL, form: FormData | null): RateRule | undefined {
  const path = routePath(url);
  const m = method === "HEAD" ? "GET" : method;
  return rateRules.find((r) => r.method === m && r.path.test(path) && (!r.when || r.when(url, form)));
}
