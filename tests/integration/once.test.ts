import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";
import { Client } from "../support/http";
import { agents } from "../../src/demo/content";

/**
 * Defect 8: a submission whose answer was lost (a crash, a dropped connection, a double click) is
 * sent again by the browser with the same body. Each form carries a one-time key: the server
 * answers the second POST with the first result and creates nothing more.
 */
let server: TestServer;
let agent: Client;
let campaignPath: string;

beforeAll(async () => {
  server = await startServer();
  agent = new Client(server.url);
  await agent.signInAs(agents[12].email);
  const campaigns = await (await agent.get("/campagnes")).text();
  const ids = [...campaigns.matchAll(/href="\/campagnes\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
  for (const id of ids) {
    const m = /href="(\/campagnes\/[0-9a-f-]{36}\/deposer)"/.exec(await (await agent.get(`/campagnes/${id}`)).text());
    if (m) {
      campaignPath = m[1];
      break;
    }
  }
  expect(campaignPath).toBeTruthy();
});
afterAll(async () => {
  await server?.stop();
});

/** The rendered form's hidden fields: the CSRF token and the one-time key. */
async function renderedForm(client: Client, path: string) {
  const html = await (await client.get(path)).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const key = /name="_once" value="([^"]+)"/.exec(html)?.[1];
  expect(csrf).toBeTruthy();
  expect(key).toBeTruthy();
  return { csrf: csrf!, key: key! };
}

const ideaBody = (title: string, key: string) => ({
  title,
  problem: "Les bacs de tri de la salle des professeurs débordent chaque vendredi soir.",
  proposal: "Ajouter une levée le jeudi et un bac de plus pour le papier.",
  beneficiaries: "Les agents d’entretien",
  intent: "submit",
  _once: key,
});

/** How many times a text is shown on a page (its markup, not the data the page hydrates from). */
const shown = (html: string, text: string) => html.replace(/<script\b[\s\S]*?<\/script>/g, "").split(text).length - 1;

async function ideasTitled(title: string): Promise<number> {
  return shown(await (await agent.get("/mes-idees")).text(), title);
}

describe("a resent submission creates nothing more", () => {
  it("each rendered form gets its own key", async () => {
    const a = await renderedForm(agent, campaignPath);
    const b = await renderedForm(agent, campaignPath);
    expect(a.key).not.toBe(b.key);
  });

  it("the same POST twice: one idea, both answers lead to it", async () => {
    const title = `Une levée de plus le jeudi ${Date.now()}`;
    const { csrf, key } = await renderedForm(agent, campaignPath);
    const first = await agent.post(campaignPath, ideaBody(title, key), { csrf });
    const second = await agent.post(campaignPath, ideaBody(title, key), { csrf });
    expect(first.status).toBe(302);
    expect(second.status).toBe(302);
    expect(first.headers.get("location")).toMatch(/^\/idees\/[0-9a-f-]{36}\?deposee=1$/);
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    expect(await ideasTitled(title)).toBe(1);
    // a new rendering of the form is a new submission
    const again = await renderedForm(agent, campaignPath);
    const third = await agent.post(campaignPath, ideaBody(title, again.key), { csrf: again.csrf });
    expect(third.status).toBe(302);
    expect(third.headers.get("location")).not.toBe(first.headers.get("location"));
    expect(await ideasTitled(title)).toBe(2);
  });

  it("the same POST twice at once: one idea, both answers lead to it", async () => {
    const title = `Un bac à papier de plus ${Date.now()}`;
    const { csrf, key } = await renderedForm(agent, campaignPath);
    const both = await Promise.all([agent.post(campaignPath, ideaBody(title, key), { csrf }), agent.post(campaignPath, ideaBody(title, key), { csrf })]);
    expect(both.map((r) => r.status)).toEqual([302, 302]);
    expect(both[0].headers.get("location")).toMatch(/^\/idees\/[0-9a-f-]{36}\?deposee=1$/);
    expect(both[1].headers.get("location")).toBe(both[0].headers.get("location"));
    expect(await ideasTitled(title)).toBe(1);
  });

  it("a refused submission keeps its key usable: corrected, it creates the idea once", async () => {
    const title = `Trier le carton ${Date.now()}`;
    const { csrf, key } = await renderedForm(agent, campaignPath);
    const refused = await agent.post(campaignPath, { ...ideaBody(title, key), problem: "" }, { csrf });
    expect(refused.status).toBe(400);
    const ok = await agent.post(campaignPath, ideaBody(title, key), { csrf });
    expect(ok.status).toBe(302);
    const resent = await agent.post(campaignPath, ideaBody(title, key), { csrf });
    expect(resent.headers.get("location")).toBe(ok.headers.get("location"));
    expect(await ideasTitled(title)).toBe(1);
  });

  it("a comment resent with its key is published once", async () => {
    const ideaPath = (await agent.post(campaignPath, ideaBody(`Pour commenter ${Date.now()}`, ""))).headers.get("location")!.split("?")[0];
    const other = new Client(server.url);
    await other.signInAs(agents[13].email);
    const { csrf, key } = await renderedForm(other, ideaPath);
    const text = `Très bonne idée, au lycée aussi ${Date.now()}`;
    const a = await other.post(ideaPath, { intent: "comment", body: text, _once: key }, { csrf });
    const b = await other.post(ideaPath, { intent: "comment", body: text, _once: key }, { csrf });
    expect([a.status, b.status]).toEqual([200, 200]);
    const html = await (await other.get(ideaPath)).text();
    expect(shown(html, text)).toBe(1);
  });
});
