/**
 * The mail kernel on the real parts: the outbox on the test database (PGlite, and PostgreSQL when
 * DATABASE_URL is set), a real SMTP server on loopback that parses what it receives, and the real
 * job queue (pg-boss) for retries.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../../tests/support/runtime";
import { makeLab, makeMember, makeUser, viewerOf } from "../../../tests/support/fixtures";
import { startSmtp, type TestSmtp } from "../../../tests/support/smtp";
import { startJobs } from "../jobs/jobs";
import { MAIL_QUEUE, MAX_ATTEMPTS, absoluteUrl, closeTransports, deliverMails, mailJob, mailQueueSpec, queueMail, resumePendingMail, type Mail } from "./mail";
import * as outbox from "./outbox";
import { renderMail } from "./render";
import { labOutbox, labOutboxMail } from "./service";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
let smtp: TestSmtp;
beforeAll(async () => {
  [env, smtp] = await Promise.all([bootTestRuntime({ PUBLIC_URL: "https://germoir.exemple.gouv.fr/", MAIL_FROM: "Germoir <ne-pas-repondre@exemple.gouv.fr>" }), startSmtp()]);
}, 60_000);
afterAll(async () => {
  closeTransports();
  await env?.rt.jobs?.stop();
  await env?.dispose();
  await smtp?.close();
});
afterEach(() => {
  env.rt.config.mail.smtpUrl = undefined;
  smtp.refuseNext(0);
});

const invitation = (to: string, name = "Mini-Lab anti-gaspi"): Mail => ({
  to,
  content: {
    subject: `Invitation au Mini-Lab « ${name} »`,
    greeting: "Bonjour Agnès,",
    paragraphs: ["Votre idée rejoint la problématique : venez la travailler !"],
    facts: [{ label: "Sessions", value: "du 1er décembre 2026 au 30 juin 2027" }],
    action: { label: "Rejoindre le Mini-Lab", url: absoluteUrl("/minilabs/abc") },
  },
});

describe("rendering", () => {
  it("writes French text and accessible HTML, escaping what users typed", () => {
    const r = renderMail(
      { subject: "Le Mini-Lab « <b>x</b> » ouvre !", paragraphs: ["Question : <script>alert(1)</script> ?"], action: { label: "Voir", url: "https://a.fr/x?a=1&b=2" } },
      "Germoir",
    );
    expect(r.subject).toBe("Le Mini-Lab «\u00a0<b>x</b>\u00a0» ouvre\u202f!");
    expect(r.text).toContain("Question\u00a0: <script>alert(1)</script>\u202f?");
    expect(r.text).toContain("Voir\u00a0: https://a.fr/x?a=1&b=2");
    expect(r.html).toContain('<html lang="fr">');
    expect(r.html).toContain("<title>Le Mini-Lab «\u00a0&lt;b&gt;x&lt;/b&gt;\u00a0» ouvre\u202f!</title>");
    expect(r.html).not.toContain("<script>");
    expect(r.html).toContain('<a href="https://a.fr/x?a=1&amp;b=2"');
  });

  it("builds absolute links from PUBLIC_URL", () => {
    expect(absoluteUrl("/minilabs/1")).toBe("https://germoir.exemple.gouv.fr/minilabs/1");
    expect(absoluteUrl("minilabs/1")).toBe("https://germoir.exemple.gouv.fr/minilabs/1");
  });
});

describe("the local outbox (no SMTP_URL)", () => {
  it("writes every mail first, then delivery keeps it locally, once", async () => {
    const lab = await makeLab();
    const ids = await queueMail({ kind: "minilab_invitation", labId: lab.id }, [invitation("a@exemple.fr"), invitation("b@exemple.fr")]);
    expect(ids).toHaveLength(2);
    // no queue runs in this process yet: written, pending
    const before = await outbox.getMails(ids);
    expect(before.map((m) => [m.to, m.status, m.attempts, m.lab_id])).toEqual([
      ["a@exemple.fr", "pending", 0, lab.id],
      ["b@exemple.fr", "pending", 0, lab.id],
    ]);
    expect(before[0].subject).toBe("Invitation au Mini-Lab «\u00a0Mini-Lab anti-gaspi\u00a0»");
    expect(before[0].text).toContain("Rejoindre le Mini-Lab\u00a0: https://germoir.exemple.gouv.fr/minilabs/abc");
    expect(await deliverMails(ids)).toEqual({ delivered: 2, retry: 0, failed: 0 });
    const after = await outbox.getMails(ids);
    expect(after.map((m) => [m.status, m.attempts, !!m.sent_at])).toEqual([
      ["kept", 1, true],
      ["kept", 1, true],
    ]);
    // delivering again does nothing: a mail is delivered once
    expect(await deliverMails(ids)).toEqual({ delivered: 0, retry: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
  });

  it("pages the lab's outbox by keyset: mails written at the same instant are listed once each, forward and back", async () => {
    const lab = await makeLab();
    // one statement: all share created_at (the transaction's now())
    const ids = await queueMail({ kind: "minilab_invitation", labId: lab.id }, Array.from({ length: 11 }, (_, i) => invitation(`agent${i}@exemple.fr`)));
    const v = await viewerOf(await makeMember(lab.id, "lab_team"));
    const pages: string[][] = [];
    let page = await outbox.listLabMails(lab.id, { limit: 3 });
    expect(page.prev).toBeNull();
    pages.push(page.mails.map((m) => m.id));
    while (page.next) {
      page = await outbox.listLabMails(lab.id, { limit: 3, after: page.next });
      pages.push(page.mails.map((m) => m.id));
    }
    expect(pages.flat()).toHaveLength(11);
    expect(new Set(pages.flat())).toEqual(new Set(ids));
    const back = [pages[pages.length - 1]];
    while (page.prev) {
      page = await outbox.listLabMails(lab.id, { limit: 3, before: page.prev });
      back.unshift(page.mails.map((m) => m.id));
    }
    expect(back).toEqual(pages);
    // the service pages by 50 and ignores a forged cursor
    const list = await labOutbox(v, lab.id, { after: "bm90LWEtY3Vyc29y" });
    expect(list.mails).toHaveLength(11);
    expect(list.next).toBeNull();
    await deliverMails(ids);
  });

  it("is read by the lab team and the lab's admins only, lab by lab", async () => {
    const lab = await makeLab();
    const other = await makeLab();
    const [id] = await queueMail({ kind: "minilab_invitation", labId: lab.id }, [invitation("c@exemple.fr", "Mini-Lab secret")]);
    const [otherId] = await queueMail({ kind: "minilab_invitation", labId: other.id }, [invitation("d@exemple.fr")]);
    await deliverMails([id, otherId]);
    for (const role of ["lab_team", "admin"] as const) {
      const v = await viewerOf(await makeMember(lab.id, role));
      const list = await labOutbox(v, lab.id);
      expect(list.mails.map((m) => [m.to, m.statusLabel])).toEqual([["c@exemple.fr", "Conservé localement"]]);
      expect(list.smtp).toBe(false);
      const one = await labOutboxMail(v, lab.id, id);
      expect(one.subject).toContain("Mini-Lab secret");
      expect(one.text).toContain("Rejoindre le Mini-Lab");
      expect(one.html).toContain("Mini-Lab secret");
      await expect(labOutboxMail(v, lab.id, otherId)).rejects.toMatchObject({ status: 404 });
      await expect(labOutboxMail(v, lab.id, "pas-un-id")).rejects.toMatchObject({ status: 404 });
    }
    for (const v of [await viewerOf(await makeUser()), await viewerOf(await makeMember(other.id, "lab_team")), await viewerOf(await makeMember(lab.id, "facilitator"))]) {
      await expect(labOutbox(v, lab.id)).rejects.toMatchObject({ status: 403 });
      await expect(labOutboxMail(v, lab.id, id)).rejects.toMatchObject({ status: 403 });
    }
  });
});

describe("SMTP delivery (a real server on loopback)", () => {
  it("sends text and HTML that the server receives and parses, from MAIL_FROM, with the absolute link", async () => {
    env.rt.config.mail.smtpUrl = smtp.url;
    const start = smtp.received.length;
    const [id] = await queueMail({ kind: "minilab_invitation" }, [invitation("agnes.muller@exemple.fr")]);
    expect(await deliverMails([id])).toEqual({ delivered: 1, retry: 0, failed: 0 });
    const [mail] = (await smtp.waitFor(start + 1)).slice(start);
    expect(mail.subject).toBe("Invitation au Mini-Lab «\u00a0Mini-Lab anti-gaspi\u00a0»");
    expect(mail.from?.value[0]).toMatchObject({ address: "ne-pas-repondre@exemple.gouv.fr", name: "Germoir" });
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0].address : "").toBe("agnes.muller@exemple.fr");
    expect(mail.text).toContain("Rejoindre le Mini-Lab\u00a0: https://germoir.exemple.gouv.fr/minilabs/abc");
    expect(mail.html).toContain('<a href="https://germoir.exemple.gouv.fr/minilabs/abc"');
    expect((await outbox.getMail(id))?.status).toBe("sent");
  });

  it("retries after the server refused once, until it accepts; gives up after the last attempt", async () => {
    env.rt.config.mail.smtpUrl = smtp.url;
    const start = smtp.received.length;
    smtp.refuseNext(1);
    const [id] = await queueMail({ kind: "test" }, [invitation("retry@exemple.fr")]);
    await expect(deliverMails([id])).rejects.toThrow(/to retry/);
    const failedOnce = await outbox.getMail(id);
    expect(failedOnce).toMatchObject({ status: "pending", attempts: 1 });
    expect(failedOnce?.error).toMatch(/451/);
    expect(await deliverMails([id])).toEqual({ delivered: 1, retry: 0, failed: 0 });
    expect(await outbox.getMail(id)).toMatchObject({ status: "sent", attempts: 2, error: null });
    expect(smtp.received.length).toBe(start + 1);

    smtp.refuseNext(MAX_ATTEMPTS);
    const [doomed] = await queueMail({ kind: "test" }, [invitation("never@exemple.fr")]);
    for (let i = 1; i < MAX_ATTEMPTS; i++) await expect(deliverMails([doomed])).rejects.toThrow();
    expect(await deliverMails([doomed])).toEqual({ delivered: 0, retry: 0, failed: 1 });
    expect(await outbox.getMail(doomed)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(smtp.received.length).toBe(start + 1);
  });

  it("through the job queue: pg-boss retries the delivery job after a refusal, and a restart resumes what a crash left", async () => {
    env.rt.config.mail.smtpUrl = smtp.url;
    // left "sending" by a process that stopped in the middle of a delivery
    const [crashed] = await queueMail({ kind: "test" }, [invitation("crash@exemple.fr")]);
    await outbox.claimPending([crashed]);
    expect((await outbox.getMail(crashed))?.status).toBe("sending");
    env.rt.jobs = await startJobs({
      db: env.rt.database.db,
      log: env.rt.log,
      queues: { [MAIL_QUEUE]: { ...mailQueueSpec, retryDelay: 1, retryBackoff: false } },
      handlers: { [MAIL_QUEUE]: mailJob },
      migrate: true,
    });
    const start = smtp.received.length;
    expect(await resumePendingMail()).toBeGreaterThanOrEqual(1);
    await smtp.waitFor(start + 1);
    smtp.refuseNext(1);
    const [id] = await queueMail({ kind: "test" }, [invitation("queue@exemple.fr")]);
    const got = await smtp.waitFor(start + 2, 30_000);
    expect(got.slice(start).map((m) => (m.to && !Array.isArray(m.to) ? m.to.value[0].address : "")).sort()).toEqual(["crash@exemple.fr", "queue@exemple.fr"]);
    // the status is written just after the server accepted
    for (let i = 0; i < 50 && (await outbox.getMail(id))?.status !== "sent"; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await outbox.getMail(id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(await outbox.getMail(crashed)).toMatchObject({ status: "sent", attempts: 1 });
  }, 60_000);
});
