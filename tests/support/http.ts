/** A minimal browser-like HTTP client: cookie jar, CSRF token from forms, no redirects followed. */
export class Client {
  cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  private cookieHeader() {
    return [...this.cookies.entries()].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private store(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (attrs.some((a) => /max-age=0/i.test(a.trim())) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const res = await fetch(this.base + path, { ...init, headers, redirect: "manual" });
    this.store(res);
    return res;
  }

  get(path: string) {
    return this.request(path);
  }

  /** Fetches a page and returns its CSRF token (from the first form). */
  async csrf(path = "/"): Promise<string> {
    const html = await (await this.get(path)).text();
    const m = /name="csrf-token" content="([^"]+)"/.exec(html) ?? /name="_csrf" value="([^"]+)"/.exec(html);
    if (!m) throw new Error(`no CSRF token on ${path}`);
    return m[1];
  }

  async post(path: string, fields: Record<string, string | string[]> | FormData, opts: { csrf?: string | false; headers?: Record<string, string> } = {}) {
    let body: URLSearchParams | FormData;
    if (fields instanceof FormData) body = fields;
    else {
      body = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    }
    if (opts.csrf !== false) {
      const token = opts.csrf ?? (await this.csrf());
      body.append("_csrf", token);
    }
    return this.request(path, { method: "POST", body, headers: opts.headers });
  }

  async signInAs(email: string): Promise<void> {
    const res = await this.post("/connexion/demo", { email }, { csrf: await this.csrf("/connexion/demo") });
    if (res.status !== 302 && res.status !== 303 && res.status !== 204) throw new Error(`demo sign-in failed for ${email}: ${res.status} ${await res.text()}`);
    if (!this.cookies.has("germoir_session")) throw new Error(`no session cookie after signing in as ${email}`);
  }
}
