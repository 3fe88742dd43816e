import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";
import { startSmtp, type TestSmtp } from "../support/smtp";
import { Client } from "../support/http";
import { agents, labTeam } from "../../src/demo/content";

/**
 * Through the real server, with SMTP_URL pointing at a real SMTP server on loopback: the lab team
 * opens a private Mini-Lab, invites an agent by email; the invitation arrives by mail with the
 * absolute link, which opens the Mini-Lab for the invited agent and answers 404 to the others.
 */
let server: TestServer;
let smtp: TestSmtp;
const team = new Client("");
const invited = new Client("");
const stranger = new Client("");
const otherTeam = new Client("");
const addressOf = (m: { to?: unknown }) => {
  const to = m.to as { value: { address?: string }[] } | undefined;
  return to?.value[0]?.address ?? "";
};

beforeAll(async () => {
  smtp = await startSmtp();
  // seeded here: the demo's own invitations must go out through this server's SMTP
  server = await startServer({ SMTP_URL: smtp.url, MAIL_FROM: "Germoir Grand Est <ne-pas-repondre@grandest.fr>" }, { seedHere: true });
  for (const [c, email] of [
    [team, labTeam.find((p) => p.key === "dimap-1")!.email],
    [invited, agents[12].email],
    [stranger, agents[13].email],
    [otherTeam, labTeam.find((p) => p.key === "labest-1")!.email],
  ] as const) {
    (c as { base: string }).base = server.url;
    await c.signInAs(email);
  }
}, 180_000);
afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

describe("a private Mini-Lab and its invitation by mail", () => {
  let id = "";

  it("the lab team opens it; nobody else sees it", async () => {
    const r = await team.post("/lab/region-grand-est/minilabs/nouveau", {
      name: "Mini-Lab confidentiel",
      question: "Comment préparer la réorganisation des sites sans inquiéter les équipes ?",
      joinPolicy: "open",
      visibility: "private",
      sessionsFrom: "2027-01-10",
      sessionsUntil: "2027-06-30",
      restitutionOn: "2027-09-15",
      arbitrationOn: "2027-11-15",
    });
    expect(r.status).toBe(302);
    id = /\/minilabs\/([0-9a-f-]{36})/.exec(r.headers.get("location") ?? "")![1];
    const page = await team.get(`/minilabs/${id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Ce Mini-Lab est privé");
    for (const c of [invited, stranger, otherTeam]) {
      expect((await c.get(`/minilabs/${id}`)).status).toBe(404);
      expect(await (await c.get("/minilabs")).text()).not.toContain(id);
      const join = await c.post(`/minilabs/${id}`, { intent: "join" }, { csrf: await c.csrf("/notifications") });
      expect(join.status).toBe(404);
    }
    expect(await (await team.get("/minilabs")).text()).toContain(id);
  });

  it("the invitation arrives by mail; its link opens the Mini-Lab for the invited agent only", async () => {
    const bad = await team.post(`/minilabs/${id}`, { intent: "invite", emails: "pas-une-adresse" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("n’est pas une adresse électronique valide");
    const r = await team.post(`/minilabs/${id}`, { intent: "invite", emails: agents[12].email });
    expect(r.status).toBe(200);
    expect(await r.text()).toContain("1\u00a0invitation envoyée");
    const deadline = Date.now() + 30_000;
    let mail = smtp.received.find((m) => addressOf(m) === agents[12].email && m.subject?.includes("Mini-Lab confidentiel"));
    while (!mail && Date.now() < deadline) {
      await smtp.waitFor(smtp.received.length + 1, Math.max(1, deadline - Date.now())).catch(() => undefined);
      mail = smtp.received.find((m) => addressOf(m) === agents[12].email && m.subject?.includes("Mini-Lab confidentiel"));
    }
    expect(mail, "invitation mail received").toBeDefined();
    expect(mail!.subject).toBe("Invitation au Mini-Lab confidentiel");
    expect(mail!.from?.value[0].address).toBe("ne-pas-repondre@grandest.fr");
    const link = /Rejoindre le Mini-Lab\u00a0: (\S+)/.exec(mail!.text ?? "")![1];
    expect(link).toBe(`${server.url}/minilabs/${id}`);
    expect(mail!.html).toContain(`href="${link}"`);
    const page = await invited.get(new URL(link).pathname);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Une invitation à ce Mini-Lab vous attend");
    expect((await stranger.get(new URL(link).pathname)).status).toBe(404);
    const joined = await invited.post(`/minilabs/${id}`, { intent: "join" });
    expect(await joined.text()).toContain("Vous avez rejoint le Mini-Lab.");
    // the lab's outbox shows it as sent; another lab's team may not read it
    const outbox = await (await team.get("/lab/region-grand-est/courriels")).text();
    const mailId = new RegExp(`href="/lab/region-grand-est/courriels/([0-9a-f-]{36})"[^>]*>Invitation au Mini-Lab confidentiel`).exec(outbox)![1];
    const one = await team.get(`/lab/region-grand-est/courriels/${mailId}`);
    expect(one.status).toBe(200);
    const html = await one.text();
    expect(html).toContain(agents[12].email);
    expect(html).toContain("Envoyé");
    expect((await otherTeam.get(`/lab/region-grand-est/courriels/${mailId}`)).status).toBe(403);
    expect((await invited.get("/lab/region-grand-est/courriels")).status).toBe(403);
  });

  it("the demo's own invitations, written at seeding, went out through SMTP at start", async () => {
    // the outbox is paged, newest first: walk its pages, by their « Page suivante » links
    let path: string | null = "/lab/region-grand-est/courriels";
    let found = false;
    for (let pages = 0; path && !found && pages < 50; pages++) {
      const outbox: string = await (await team.get(path)).text();
      found = /Invitation au Mini-Lab Restauration scolaire/.test(outbox);
      const next: RegExpExecArray | null = /<a[^>]*href="([^"]*apres=[^"]*)"[^>]*>[^<]*Page suivante/.exec(outbox) ?? /href="([^"]*apres=[^"]*)"/.exec(outbox);
      path = next ? next[1].replaceAll("&amp;", "&") : null;
    }
    expect(found).toBe(true);
    expect(smtp.received.some((m) => m.subject === "Invitation au Mini-Lab Restauration scolaire")).toBe(true);
  });
});
