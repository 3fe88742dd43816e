import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
// oidc-provider ships no type declarations.
// @ts-expect-error untyped module
import Provider from "oidc-provider";

/**
 * A real OpenID Connect provider (oidc-provider 9) on loopback, shaped like ProConnect:
 * one confidential client, PKCE required, one scope per claim (given_name, usual_name,
 * siret, organizational_unit…), claims served from userinfo as a signed JWT. Its login and consent
 * interactions are two tiny HTML forms that a test drives over plain HTTP.
 */

export interface TestAccount {
  sub: string;
  email: string;
  given_name: string;
  usual_name: string;
  siret?: string;
  organizational_unit?: string;
  uid?: string;
}

export interface TestProviderOptions {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  accounts: TestAccount[];
}

/** The provider's listening socket, before it knows its client (the relying party may not be running yet). */
export interface ListeningProvider {
  issuer: string;
  /** Sets the provider up on the socket; until then every request gets a 503. */
  configure(opts: TestProviderOptions): TestProvider;
  stop(): Promise<void>;
}

export interface TestProvider {
  issuer: string;
  /** Errors the provider reported (token endpoint, userinfo, authorization…), for assertions and diagnostics. */
  errors: string[];
  /** Requests the provider answered, "METHOD path". */
  requests: string[];
  /** Its answers, in order, with their status and content type. */
  responses: { method: string; path: string; status: number; type: string }[];
  stop(): Promise<void>;
}

/** ProConnect's claims: each one is requested through a scope of the same name (no "profile" scope). */
const claims = {
  openid: ["sub"],
  email: ["email"],
  given_name: ["given_name"],
  usual_name: ["usual_name"],
  siret: ["siret"],
  organizational_unit: ["organizational_unit"],
  uid: ["uid"],
};

const page = (title: string, body: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/** Listens on a free loopback port: the issuer URL is known before the provider is configured. */
export async function listenTestProvider(): Promise<ListeningProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  let handler: http.RequestListener = (_req, res) => {
    res.writeHead(503, { "content-type": "text/plain" }).end("provider not configured yet");
  };
  server.on("request", (req, res) => handler(req, res));
  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    issuer,
    stop,
    configure(opts) {
      const p = configureProvider(issuer, opts);
      handler = p.handler;
      return { ...p.provider, stop };
    },
  };
}

function configureProvider(issuer: string, opts: TestProviderOptions): { handler: http.RequestListener; provider: Omit<TestProvider, "stop"> } {
  const accounts = new Map(opts.accounts.map((a) => [a.sub, a]));
  const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const errors: string[] = [];
  const requests: string[] = [];
  const responses: TestProvider["responses"] = [];

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        redirect_uris: [opts.redirectUri],
        post_logout_redirect_uris: [opts.postLogoutRedirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        // What openid-client sends when given a secret (oidc-provider would accept basic too).
        token_endpoint_auth_method: "client_secret_post",
        id_token_signed_response_alg: "RS256",
        // ProConnect answers userinfo with a signed JWT (application/jwt), not JSON.
        userinfo_signed_response_alg: "RS256",
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test-key", use: "sig", alg: "RS256" }] },
    cookies: { keys: [crypto.randomBytes(32).toString("hex")] },
    claims,
    scopes: Object.keys(claims),
    acrValues: ["eidas1"],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: { body: string }, form: string) => {
          ctx.body = page("Déconnexion", `${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">Se déconnecter</button>`);
        },
        postLogoutSuccessSource: async (ctx: { body: string }) => {
          ctx.body = page("Déconnecté", "<p>Vous êtes déconnecté.</p>");
        },
      },
    },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    renderError: async (ctx: { type: string; body: string }, out: Record<string, string>) => {
      ctx.type = "html";
      ctx.body = page("Erreur", `<pre>${esc(JSON.stringify(out))}</pre>`);
    },
    async findAccount(_ctx: unknown, sub: string) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { ...account };
        },
      };
    },
  });
  for (const event of ["server_error", "authorization.error", "grant.error", "userinfo.error", "end_session.error", "introspection.error"]) {
    provider.on(event, (...args: unknown[]) => {
      const err = args.find((a) => a instanceof Error) as (Error & { error_description?: string }) | undefined;
      errors.push(`${event}: ${err?.message ?? "?"}${err?.error_description ? ` (${err.error_description})` : ""}`);
    });
  }
  const callback = provider.callback();

  // The interaction pages: a login form (choose an account) and a consent form.
  async function interaction(req: http.IncomingMessage, res: http.ServerResponse, uid: string, step: string | undefined) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error("interaction mismatch");
    const prompt: string = details.prompt.name;
    if (req.method === "GET" && !step) {
      const form =
        prompt === "login"
          ? `<form method="post" action="/interaction/${uid}/login"><label>Identifiant <input name="login"></label><button>Se connecter</button></form>`
          : `<form method="post" action="/interaction/${uid}/confirm"><p>Autoriser ${esc(details.params.client_id)} ?</p><button>Autoriser</button></form>`;
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(prompt === "login" ? "Connexion" : "Consentement", form));
      return;
    }
    if (req.method === "POST" && step === "login" && prompt === "login") {
      const login = (await readForm(req)).get("login") ?? "";
      if (!accounts.has(login)) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page("Connexion", "<p>Identifiant inconnu.</p>"));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: login, acr: "eidas1", amr: ["pwd"] } }, { mergeWithLastSubmission: false });
      return;
    }
    if (req.method === "POST" && step === "confirm" && prompt === "consent") {
      await readForm(req);
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { consent: details.grantId ? {} : { grantId } }, { mergeWithLastSubmission: true });
      return;
    }
    res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end(`unexpected ${req.method} ${step ?? ""} for prompt ${prompt}`);
  }

  const handler: http.RequestListener = (req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.on("finish", () => {
      const type = String(res.getHeader("content-type") ?? "").split(";")[0];
      responses.push({ method: req.method ?? "", path: (req.url ?? "").split("?")[0], status: res.statusCode, type });
    });
    const m = /^\/interaction\/([\w-]+)(?:\/(login|confirm))?$/.exec((req.url ?? "").split("?")[0]);
    if (!m) return callback(req, res);
    interaction(req, res, m[1], m[2]).catch((err: Error) => {
      errors.push(`interaction: ${err.message}`);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(err.message);
    });
  };

  return { handler, provider: { issuer, errors, requests, responses } };
}
