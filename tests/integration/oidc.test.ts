import crypto from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../support/database";
import { startServer, type TestServer } from "../support/server";
import { Client } from "../support/http";
import { listenTestProvider, type ListeningProvider, type TestAccount, type TestProvider } from "../support/oidc-provider";

/**
 * Sign-in with OpenID Connect against a real provider (oidc-provider 9 on loopback,
 * ProConnect-shaped claims), the built Germoir server in its own process, and a
 * cookie-jar client that follows every redirect by hand.
 */

const CLIENT_ID = "germoir-test";
const CLIENT_SECRET = "a-long-test-client-secret-0123456789";

const agent: TestAccount = {
  sub: "proconnect-sub-maelle",
  email: "Maelle.Testelin-OIDC@grandest.fr",
  given_name: "Maëlle",
  usual_name: "Testelin",
  siret: "20005221600013", // Région Grand Est - Hôtel de Région in the demo
  organizational_unit: "Mission innovation", // not one of the demo's units
  uid: "mtestelin",
};

/** An agent of an organisation Germoir does not know, with no organizational_unit. */
const outsider: TestAccount = {
  sub: "proconnect-sub-jean",
  email: "jean.horsliste@example.gouv.fr",
  given_name: "Jean",
  usual_name: "Horsliste",
  siret: "11000001200010",
};

/** An account whose provider sends no email: Germoir cannot create an account from it. */
const noEmail = { ...outsider, sub: "proconnect-sub-sans-courriel", email: "" } satisfies TestAccount;

let listening: ListeningProvider | undefined;
let provider: TestProvider;
let server: TestServer;
/** On PostgreSQL, the server's database, also opened here to count rows (PGlite is the server's alone). */
let shared: TestDatabase | undefined;

beforeAll(async () => {
  // The provider needs Germoir's callback URL and Germoir the issuer: open the provider's
  // socket first, configure it once Germoir runs (Germoir discovers it at the first sign-in).
  const op = (listening = await listenTestProvider());
  if (process.env.DATABASE_URL) shared = await freshDatabase();
  server = await startServer({
    ...(shared ? { DATABASE_URL: shared.url! } : {}),
    OIDC_ISSUER: op.issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    OIDC_ALLOW_HTTP: "true",
  });
  provider = op.configure({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: `${server.url}/connexion/callback`,
    postLogoutRedirectUri: `${server.url}/`,
    accounts: [agent, outsider, noEmail],
  });
});

afterAll(async () => {
  await server?.stop();
  await listening?.stop();
  await shared?.dispose();
});

const isRedirect = (r: Response) => r.status >= 300 && r.status < 400;

/** Path and query of an absolute URL, for a Client bound to that URL's origin. */
const pathOf = (u: URL) => u.pathname + u.search;

interface FlowStep {
  /** The URL Germoir redirected to when starting the sign-in (the provider's authorization request). */
  authorizeUrl: URL;
  /** The callback URL the provider sent the browser back to (code and state). */
  callbackUrl: URL;
}

/**
 * Drives a browser through Germoir's sign-in up to (not including) the callback: the sign-in
 * page's ProConnect link, /connexion/oidc, then the provider's authorization endpoint, its login
 * form and consent form (skipped when the provider session and grant already exist).
 */
async function runToCallback(germoir: Client, op: Client, login: string, retour?: string): Promise<FlowStep> {
  const q = retour ? `?retour=${encodeURIComponent(retour)}` : "";
  const html = await (await germoir.get(`/connexion${q}`)).text();
  const href = /<a class="fr-connect" href="([^"]+)"/.exec(html)?.[1];
  expect(href).toBe(`/connexion/oidc${q}`);
  const start = await germoir.get(href!);
  expect(start.status).toBe(302);
  expect(germoir.cookies.has("germoir_oidc")).toBe(true);
  const authorizeUrl = new URL(start.headers.get("location")!);
  expect(authorizeUrl.origin).toBe(provider.issuer);
  let url = authorizeUrl;
  for (let hops = 0; hops < 12; hops++) {
    if (url.origin === server.url) return { authorizeUrl, callbackUrl: url };
    expect(url.origin).toBe(provider.issuer);
    let res = await op.get(pathOf(url));
    if (res.status === 200) {
      const html = await res.text();
      const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
      if (!action) throw new Error(`provider page without a form at ${url}:\n${html}\n${provider.errors.join("\n")}`);
      res = await op.post(action, action.endsWith("/login") ? { login } : {}, { csrf: false });
    }
    if (!isRedirect(res)) throw new Error(`provider answered ${res.status} at ${url}:\n${await res.text()}\n${provider.errors.join("\n")}`);
    url = new URL(res.headers.get("location")!, url);
  }
  throw new Error("too many redirects");
}

/** The whole sign-in: returns Germoir's answer to the callback. */
async function signIn(germoir: Client, op: Client, login = agent.sub, retour?: string) {
  const { authorizeUrl, callbackUrl } = await runToCallback(germoir, op, login, retour);
  const res = await germoir.get(pathOf(callbackUrl));
  return { authorizeUrl, callbackUrl, res };
}

/** A page's HTML without React's text-node separators. */
const text = (html: string) => html.replaceAll("<!-- -->", "");

/** Writes a draft idea in the demo's open campaign (open to every organisation); returns its URL and page. */
async function writeDraft(germoir: Client, title: string): Promise<{ url: string; html: string }> {
  const campaigns = await (await germoir.get("/campagnes")).text();
  const id = /href="\/campagnes\/([0-9a-f-]{36})"[^>]*>Simplifions notre quotidien/.exec(campaigns)?.[1];
  expect(id).toBeTruthy();
  const form = await germoir.get(`/campagnes/${id}/deposer`);
  expect(form.status).toBe(200);
  const html = await form.text();
  expect(html).not.toContain("Votre organisation ne fait pas partie");
  const token = /name="_csrf" value="([^"]+)"/.exec(html)![1];
  const created = await germoir.post(
    `/campagnes/${id}/deposer`,
    { title, problem: "", proposal: "", beneficiaries: "", coauthors: "", intent: "draft" },
    { csrf: token },
  );
  expect(created.status).toBe(302);
  const url = created.headers.get("location")!.split("?")[0];
  expect(url).toMatch(/^\/idees\/[0-9a-f-]{36}$/);
  return { url, html: text(await (await germoir.get(url)).text()) };
}

/** The signed-in agent's name in the header (after its screen-reader label « Compte connecté : »). */
const headerName = (html: string) => /Compte connecté\u00a0: <\/span>([^<]+)<\/span>/.exec(html)?.[1] ?? null;

describe("sign-in with OpenID Connect", () => {
  let draftUrl = "";

  it("offers ProConnect as a link, since the CSP (form-action 'self') would block a form redirecting to the provider", async () => {
    const germoir = new Client(server.url);
    const res = await germoir.get("/connexion?retour=%2Fidees%3Fq%3Dcantine");
    // the sign-out form redirects to the provider's end-session endpoint: its origin is allowed, nothing else
    const formAction = /form-action ([^;]+)/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
    expect(formAction).toBe(`'self' ${new URL(provider.issuer).origin}`);
    const html = await res.text();
    expect(html).toContain('<a class="fr-connect" href="/connexion/oidc?retour=%2Fidees%3Fq%3Dcantine">');
    expect(html).not.toMatch(/<form[^>]*action="\/connexion\/oidc"/);
  });

  it("sends an authorization-code request with PKCE (S256), state, nonce and the ProConnect scopes", async () => {
    const germoir = new Client(server.url);
    const start = await germoir.get("/connexion/oidc");
    expect(start.status).toBe(302);
    const u = new URL(start.headers.get("location")!);
    expect(u.origin + u.pathname).toBe(`${provider.issuer}/auth`);
    const p = u.searchParams;
    expect(p.get("response_type")).toBe("code");
    expect(p.get("client_id")).toBe(CLIENT_ID);
    expect(p.get("redirect_uri")).toBe(`${server.url}/connexion/callback`);
    expect(p.get("code_challenge_method")).toBe("S256");
    expect(p.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(p.get("state")).toBeTruthy();
    expect(p.get("nonce")).toBeTruthy();
    expect(p.get("scope")!.split(" ")).toEqual(expect.arrayContaining(["openid", "email", "given_name", "usual_name", "siret", "organizational_unit"]));
    // The flow's secrets (PKCE verifier, state, nonce) travel in a signed, HttpOnly, short-lived cookie.
    const setCookie = start.headers.getSetCookie().find((c) => c.startsWith("germoir_oidc="))!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/); // sent back on the provider's top-level redirect
    expect(setCookie).toMatch(/Max-Age=600/);
    const [payload, mac] = germoir.cookies.get("germoir_oidc")!.split(".");
    expect(mac).toMatch(/^[\w-]{43}$/);
    const flow = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    expect(flow).toMatchObject({ state: p.get("state"), nonce: p.get("nonce"), returnTo: "/" });
    expect(flow.verifier).toMatch(/^[\w-]{43,128}$/);
    expect(crypto.createHash("sha256").update(flow.verifier).digest("base64url")).toBe(p.get("code_challenge"));

    // The provider really requires PKCE: the same request without it is refused.
    const op = new Client(provider.issuer);
    const noPkce = new URL(u);
    noPkce.searchParams.delete("code_challenge");
    noPkce.searchParams.delete("code_challenge_method");
    const refused = await op.get(pathOf(noPkce));
    expect(refused.status).toBe(303);
    const back = new URL(refused.headers.get("location")!);
    expect(back.origin + back.pathname).toBe(`${server.url}/connexion/callback`);
    expect(back.searchParams.get("error")).toBe("invalid_request");
    expect(provider.errors.splice(0)).toEqual([expect.stringMatching(/^authorization\.error: /)]);
  });

  it("signs a new agent in, creates the account from the claims and shows their name", async () => {
    const germoir = new Client(server.url);
    const op = new Client(provider.issuer);
    const { res, callbackUrl } = await signIn(germoir, op, agent.sub, "/mes-idees");
    expect(callbackUrl.searchParams.get("code")).toBeTruthy();
    expect(res.status, server.logs.join("")).toBe(302);
    expect(res.headers.get("location")).toBe("/mes-idees");
    expect(germoir.cookies.has("germoir_session")).toBe(true);
    expect(germoir.cookies.has("germoir_oidc")).toBe(false); // the flow cookie is spent
    // The provider saw Germoir's interactions: login, consent, token and userinfo.
    expect(provider.requests.some((r) => r.startsWith("POST /token"))).toBe(true);
    // userinfo answered as ProConnect does, with a signed JWT
    expect(provider.responses.filter((r) => r.path === "/me")).toEqual([{ method: "GET", path: "/me", status: 200, type: "application/jwt" }]);
    expect(provider.errors).toEqual([]);

    const home = await germoir.get("/");
    expect(home.status).toBe(200);
    // given_name and usual_name from the (JWT) userinfo; accents survive the trip.
    expect(headerName(await home.text())).toBe("Maëlle Testelin");

    const mine = await germoir.get("/mes-idees");
    expect(mine.status).toBe(200);
    expect(await mine.text()).toContain("Vous n’avez encore proposé aucune idée.");
  });

  it("maps the SIRET to the organisation and creates the unit named by organizational_unit", async () => {
    const germoir = new Client(server.url);
    const op = new Client(provider.issuer);
    const { res } = await signIn(germoir, op);
    expect(res.status).toBe(302);

    // The idea carries its author's organisation and unit, as the page shows them.
    const draft = await writeDraft(germoir, "Un guichet unique pour les demandes de matériel");
    draftUrl = draft.url;
    const idea = draft.html;
    expect(idea).toContain("Proposée par Maëlle Testelin – Région Grand Est - Hôtel de Région, Mission innovation");
  });

  it("finds the same account at the next sign-in (no duplicate), even with a fresh provider session", async () => {
    expect(draftUrl).not.toBe("");
    // Another browser: new Germoir jar, new provider jar (full login and consent again).
    const germoir = new Client(server.url);
    const op = new Client(provider.issuer);
    const { res } = await signIn(germoir, op);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/");
    // The draft written under the first account is still this agent's: same account.
    const mine = await (await germoir.get("/mes-idees")).text();
    expect(mine).toContain(`href="${draftUrl}"`);
    expect(mine).toContain("Un guichet unique pour les demandes de matériel");
    const idea = await germoir.get(draftUrl);
    expect(idea.status).toBe(200); // a draft is visible to its authors only
    // The unit was created once: the idea still names it once, in the same organisation.
    expect(text(await idea.text())).toContain("Région Grand Est - Hôtel de Région, Mission innovation");
    if (shared) {
      // On PostgreSQL, the rows say the same: one account, one new unit.
      const users = await sql<{ n: number; org: string; unit: string; sub: string }>`
        SELECT count(*)::int AS n, min(o.name) AS org, min(un.name) AS unit, min(u.oidc_sub) AS sub
        FROM users u LEFT JOIN organizations o ON o.id = u.organization_id LEFT JOIN units un ON un.id = u.unit_id
        WHERE lower(u.email) = lower(${agent.email})`.execute(shared.database.db);
      expect(users.rows).toEqual([{ n: 1, org: "Région Grand Est - Hôtel de Région", unit: "Mission innovation", sub: agent.sub }]);
      const units = await sql<{ n: number }>`SELECT count(*)::int AS n FROM units WHERE name = 'Mission innovation'`.execute(shared.database.db);
      expect(units.rows[0].n).toBe(1);
    }
    // A demo sign-in with the agent's email is refused: the account is a real (OIDC) one, not a second demo copy.
    const demo = new Client(server.url);
    const refused = await demo.post("/connexion/demo", { email: agent.email }, { csrf: await demo.csrf("/connexion/demo") });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Ce profil de démonstration n’existe pas.");
    expect(demo.cookies.has("germoir_session")).toBe(false);
  });

  it("signs in again without a login prompt while the provider session lives (SSO)", async () => {
    const op = new Client(provider.issuer);
    const first = new Client(server.url);
    expect((await signIn(first, op)).res.status).toBe(302);
    const before = provider.requests.filter((r) => r.startsWith("POST /interaction/")).length;
    const second = new Client(server.url);
    const { res } = await signIn(second, op);
    expect(res.status).toBe(302);
    expect(provider.requests.filter((r) => r.startsWith("POST /interaction/")).length).toBe(before);
    expect(headerName(await (await second.get("/")).text())).toBe("Maëlle Testelin");
    // Two browsers, two distinct sessions.
    expect(second.cookies.get("germoir_session")).not.toBe(first.cookies.get("germoir_session"));
  });

  it("signs in an agent of an organisation Germoir does not know, without organisation nor unit", async () => {
    const germoir = new Client(server.url);
    const op = new Client(provider.issuer);
    // a desk request already names this address as its sponsor, before any account has it
    let requestId: string | null = null;
    if (shared) {
      const r = await sql<{ id: string }>`
        INSERT INTO requests (lab_id, requester_id, status, kind, title, context, affected, success, timing, other_administrations, sponsor_email, submitted_at)
        SELECT l.id, u.id, 'submitted', 'method', 'Une demande au commanditaire sans compte', 'Un contexte.', 'Des agents', 'Une réussite', '', '', ${outsider.email.toUpperCase()}, now()
        FROM labs l, users u WHERE l.slug = 'labest' AND u.email <> ${outsider.email} ORDER BY u.created_at LIMIT 1
        RETURNING id`.execute(shared.database.db);
      requestId = r.rows[0].id;
    }
    const { res } = await signIn(germoir, op, outsider.sub);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/");
    expect(headerName(await (await germoir.get("/")).text())).toBe("Jean Horsliste");
    // No organisation, no unit: the idea's byline names the author and the campaign only.
    const { html } = await writeDraft(germoir, "Une idée venue d’ailleurs");
    expect(html).toMatch(/Proposée par Jean Horsliste – <a href="\/campagnes\/[0-9a-f-]{36}"[^>]*>Simplifions notre quotidien/);
    if (shared) {
      const r = await sql<{ organization_id: string | null; unit_id: string | null; siret: string }>`
        SELECT organization_id, unit_id, siret FROM users WHERE oidc_sub = ${outsider.sub}`.execute(shared.database.db);
      expect(r.rows).toEqual([{ organization_id: null, unit_id: null, siret: outsider.siret }]);
      // the first sign-in linked the request to its sponsor, through the listener wired at boot by the server's entry
      const linked = await sql<{ sponsor: string | null }>`
        SELECT (SELECT id FROM users WHERE oidc_sub = ${outsider.sub}) = sponsor_id AS sponsor FROM requests WHERE id = ${requestId}`.execute(shared.database.db);
      expect(linked.rows).toEqual([{ sponsor: true }]);
      expect((await germoir.get("/notifications")).status).toBe(200);
      expect(await (await germoir.get("/notifications")).text()).toContain("vous indique comme commanditaire");
    }
  });

  it("refuses an identity without an email address, and opens no session", async () => {
    const germoir = new Client(server.url);
    const op = new Client(provider.issuer);
    const { res } = await signIn(germoir, op, noEmail.sub);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/connexion\?erreur=/);
    expect(germoir.cookies.has("germoir_session")).toBe(false);
    expect(await (await germoir.get(res.headers.get("location")!)).text()).toContain("La connexion n’a pas abouti. Recommencez.");
  });

  describe("refuses a callback that does not belong to the browser's flow", () => {
    async function expectRefused(germoir: Client, res: Response) {
      expect(res.status).toBe(302);
      const location = res.headers.get("location")!;
      expect(location).toMatch(/^\/connexion\?erreur=/);
      expect(germoir.cookies.has("germoir_session")).toBe(false);
      expect(germoir.cookies.has("germoir_oidc")).toBe(false);
      const page = await (await germoir.get(location)).text();
      expect(page).toContain('role="alert"');
      expect(page).toMatch(/La connexion (n’a pas abouti|a été interrompue)/);
      expect(headerName(page)).toBeNull();
      const protectedPage = await germoir.get("/mes-idees");
      expect(protectedPage.status).toBe(302);
      expect(protectedPage.headers.get("location")).toBe("/connexion?retour=%2Fmes-idees");
    }

    it("on a state mismatch", async () => {
      const germoir = new Client(server.url);
      const op = new Client(provider.issuer);
      const { callbackUrl } = await runToCallback(germoir, op, agent.sub);
      const forged = new URL(callbackUrl);
      forged.searchParams.set("state", "not-the-state-of-this-flow");
      const res = await germoir.get(pathOf(forged));
      await expectRefused(germoir, res);
      // The genuine state is no use afterwards either: the flow cookie was cleared.
      await expectRefused(germoir, await germoir.get(pathOf(callbackUrl)));
    });

    it("without the flow cookie", async () => {
      const germoir = new Client(server.url);
      const op = new Client(provider.issuer);
      const { callbackUrl } = await runToCallback(germoir, op, agent.sub);
      germoir.cookies.delete("germoir_oidc");
      await expectRefused(germoir, await germoir.get(pathOf(callbackUrl)));
    });

    it("with another browser's flow cookie", async () => {
      const victim = new Client(server.url);
      const op = new Client(provider.issuer);
      const { callbackUrl } = await runToCallback(victim, op, agent.sub);
      // An attacker's browser started its own flow, then is sent the victim's code.
      const attacker = new Client(server.url);
      await attacker.get("/connexion/oidc");
      expect(attacker.cookies.has("germoir_oidc")).toBe(true);
      await expectRefused(attacker, await attacker.get(pathOf(callbackUrl)));
    });

    it("with a tampered flow cookie", async () => {
      const germoir = new Client(server.url);
      const op = new Client(provider.issuer);
      const { callbackUrl } = await runToCallback(germoir, op, agent.sub);
      const [payload, mac] = germoir.cookies.get("germoir_oidc")!.split(".");
      const flow = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
      const forged = Buffer.from(JSON.stringify({ ...flow, returnTo: "/lab" })).toString("base64url");
      germoir.cookies.set("germoir_oidc", `${forged}.${mac}`);
      await expectRefused(germoir, await germoir.get(pathOf(callbackUrl)));
    });

    it("when the provider reports an error", async () => {
      const germoir = new Client(server.url);
      await germoir.get("/connexion/oidc");
      const res = await germoir.get("/connexion/callback?error=access_denied&state=x");
      await expectRefused(germoir, res);
      expect(decodeURIComponent(res.headers.get("location")!)).toContain("interrompue");
    });
  });

  describe("keeps the return path on the site (open redirect, issue 9)", () => {
    /** An attacker's link straight to /connexion/oidc, then a real sign-in at the provider. */
    async function signInFrom(germoir: Client, op: Client, retourQuery: string) {
      const start = await germoir.get(`/connexion/oidc?retour=${retourQuery}`);
      expect(start.status).toBe(302);
      let url = new URL(start.headers.get("location")!);
      for (let hops = 0; hops < 12 && url.origin !== server.url; hops++) {
        let res = await op.get(pathOf(url));
        if (res.status === 200) {
          const action = /<form method="post" action="([^"]+)"/.exec(await res.text())![1];
          res = await op.post(action, action.endsWith("/login") ? { login: agent.sub } : {}, { csrf: false });
        }
        url = new URL(res.headers.get("location")!, url);
      }
      expect(url.pathname).toBe("/connexion/callback");
      return germoir.get(pathOf(url));
    }

    // Raw query strings, as an attacker would write them in a link.
    const attacks = [
      "%2F%09%2F127.0.0.1%3A4199%2Fphish", // the report: "/\t/127.0.0.1:4199/phish"
      "%2F%0D%0A%2Fevil.example",
      "%2F%0D%0ASet-Cookie%3A%20x%3D1",
      "%2F%2Fevil.example",
      "%2F%5Cevil.example",
      "%2F%252F%252Fevil.example",
      "https%3A%2F%2Fevil.example%2F",
      "javascript%3Aalert(1)",
      "%2F%E3%80%80%2Fevil.example",
    ];

    it.each(attacks)("retour=%s comes back to the home page, never off-site, never a 500", async (attack) => {
      const germoir = new Client(server.url);
      const op = new Client(provider.issuer);
      const res = await signInFrom(germoir, op, attack);
      expect(res.status, server.logs.join("")).toBe(302);
      const location = res.headers.get("location")!;
      expect(location).toBe("/");
      expect(germoir.cookies.has("germoir_session")).toBe(true);
    });

    it("keeps a genuine return path, query included", async () => {
      const germoir = new Client(server.url);
      const op = new Client(provider.issuer);
      const res = await signInFrom(germoir, op, encodeURIComponent("/idees?q=cantine+scolaire"));
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe("/idees?q=cantine+scolaire");
      expect(new URL(res.headers.get("location")!, server.url).origin).toBe(server.url);
    });
  });

  it("signs out: destroys the session and sends the browser to the provider's end-session endpoint", async () => {
    const germoir = new Client(server.url);
    const op = new Client(provider.issuer);
    expect((await signIn(germoir, op)).res.status).toBe(302);
    const stolen = germoir.cookies.get("germoir_session")!;
    expect((await germoir.get("/mes-idees")).status).toBe(200);

    const res = await germoir.post("/deconnexion", {}, { csrf: await germoir.csrf("/") });
    expect(res.status).toBe(302);
    const end = new URL(res.headers.get("location")!);
    expect(end.origin + end.pathname).toBe(`${provider.issuer}/session/end`);
    expect(end.searchParams.get("id_token_hint")).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(end.searchParams.get("post_logout_redirect_uri")).toBe(`${server.url}/`);
    expect(end.searchParams.get("client_id")).toBe(CLIENT_ID);
    expect(germoir.cookies.has("germoir_session")).toBe(false);

    // The session is gone on the server, not just forgotten by the browser.
    const replay = new Client(server.url);
    replay.cookies.set("germoir_session", stolen);
    const denied = await replay.get("/mes-idees");
    expect(denied.status).toBe(302);
    expect(denied.headers.get("location")).toBe("/connexion?retour=%2Fmes-idees");
    expect((await germoir.get("/mes-idees")).status).toBe(302);

    // The provider accepts the logout request (valid id_token_hint, registered redirect)
    // and, once confirmed, sends the browser back to Germoir's home page.
    const confirm = await op.get(pathOf(end));
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    expect(action).toBeTruthy();
    expect(xsrf).toBeTruthy();
    const done = await op.post(new URL(action!, provider.issuer).pathname, { xsrf: xsrf!, logout: "yes" }, { csrf: false });
    expect(done.status).toBe(303);
    expect(new URL(done.headers.get("location")!).toString()).toBe(`${server.url}/`);
    expect(provider.errors).toEqual([]);

    // Signed out from the provider too: the next sign-in asks for the login again.
    const again = new Client(server.url);
    const before = provider.requests.filter((r) => /^POST \/interaction\/[\w-]+\/login$/.test(r)).length;
    expect((await signIn(again, op)).res.status).toBe(302);
    expect(provider.requests.filter((r) => /^POST \/interaction\/[\w-]+\/login$/.test(r)).length).toBe(before + 1);
  });
});
