/**
 * One transaction per use case, proved by fault injection: each use case below is run again and
 * again with its 1st, 2nd, 3rd… statement failing (then with a failure just before COMMIT), and
 * after every failure the database must be exactly as before — every table of the application,
 * row for row (no idea without its attachments or invitations, no thread claimed, no notification,
 * no mail in the outbox) — and no mail delivery job may have been queued. Then the use case runs
 * without fault and its delivery job is queued, after the commit.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../tests/support/runtime";
import { makeCampaign, makeLab, makeMember, makeOrganization, makeTheme, makeUser, viewerOf } from "../tests/support/fixtures";
import { createUser } from "./accounts/accounts";
import { ensureUnit } from "./organizations/organizations";
import { grantRole } from "./labs/labs";
import { db, rootDb, runtime } from "./kernel/runtime";
import { InjectedFault, injectFaults, onCommit, transaction } from "./kernel/db/transaction";
import { startJobs } from "./kernel/jobs/jobs";
import { MAIL_QUEUE, mailQueueSpec } from "./kernel/mail/mail";
import { createIdeaFor, mergeDuplicate } from "./ideas/service";
import { createCommunityFor, joinCommunity, postThread, sendAsIdea } from "./communities/service";
import { join, openMinilab } from "./minilabs/service";
import { createProposalFor, decide, submitProposal } from "./arbitration/service";
import { listNotifications } from "./notifications/notifications";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
  // The real job queue (pg-boss on the same database), sending only: we count what it was given.
  runtime().jobs = await startJobs({ db: env.rt.database.db, log: env.rt.log, queues: { [MAIL_QUEUE]: mailQueueSpec }, migrate: true });
});
afterAll(async () => {
  await runtime().jobs?.stop();
  await env?.dispose();
});

const DAY = 86_400_000;

/** Every application table, row for row (a digest of each row's text), plus the queued mail jobs. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'kysely_%'
    ORDER BY table_name`.execute(rootDb());
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const r = await sql<{ n: number; digest: string | null }>`
      SELECT count(*)::int AS n, md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) AS digest FROM ${sql.table(name)} t`.execute(rootDb());
    out[name] = `${r.rows[0].n}:${r.rows[0].digest ?? ""}`;
  }
  out["pgboss.job (mail)"] = String(await mailJobs());
  return out;
}

async function mailJobs(): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${MAIL_QUEUE}`.execute(rootDb());
  return r.rows[0].n;
}

/**
 * Fails the use case at each of its statements in turn, then before its COMMIT; checks that each
 * failure leaves the database as it was. Then runs it for real. Returns its result and how many
 * statements it ran in its transaction.
 */
async function sweep<T>(useCase: () => Promise<T>): Promise<{ result: T; statements: number; failures: number }> {
  const before = await snapshot();
  let failures = 0;
  for (let at = 1; ; at++) {
    const faults = injectFaults({ failAt: at });
    let outcome: { ok: true; value: T } | { ok: false; err: unknown };
    try {
      outcome = { ok: true, value: await useCase() };
    } catch (err) {
      outcome = { ok: false, err };
    }
    const statements = faults.stop();
    if (outcome.ok) {
      // Fewer statements than `at`: the use case ran whole. That was the last step; undo nothing,
      // the caller checks the committed result.
      expect(statements).toBe(at - 1);
      expect(failures).toBeGreaterThanOrEqual(3);
      return { result: outcome.value, statements, failures };
    }
    expect(outcome.err, `statement ${at}`).toBeInstanceOf(InjectedFault);
    failures++;
    expect(await snapshot(), `after a failure at statement ${at}`).toEqual(before);
    if (at === 1) {
      // and the same at COMMIT: everything ran, nothing was kept
      const atCommit = injectFaults({ beforeCommit: true });
      await expect(useCase()).rejects.toBeInstanceOf(InjectedFault);
      atCommit.stop();
      expect(await snapshot(), "after a failure before COMMIT").toEqual(before);
    }
    if (at > 400) throw new Error("the use case never completed");
  }
}

async function makeDirector(labId: string, unit: string) {
  const org = await makeOrganization();
  const u = await ensureUnit(org.id, unit);
  const user = await createUser({ email: `dir.${Math.random().toString(36).slice(2)}@example.fr`, givenName: "Directrice", familyName: unit, organizationId: org.id, unitId: u.id, isDemo: true });
  await grantRole(user.id, labId, "director");
  return viewerOf(user);
}

const ideaForm = (title: string, coauthorEmails: string[] = []) => ({
  title,
  problem: "Chaque midi, la cantine du lycée jette des kilos de pain entamé.",
  proposal: "Mettre le pain en fin de chaîne au self et proposer des demi-baguettes.",
  beneficiaries: "Les élèves",
  coauthorEmails,
  submit: true,
});
const pdf = (name: string) => new File([Buffer.from(`%PDF-1.4\n% ${name}\n`)], name, { type: "application/pdf" });

describe("the kernel's transaction", () => {
  it("commits together, rolls back together, runs onCommit hooks only after COMMIT, and rolls back a savepoint alone", async () => {
    const user = await makeUser();
    const ran: string[] = [];
    const notes = async () => (await listNotifications(user.id)).map((n) => n.title).sort();
    await expect(
      transaction(async () => {
        await sql`INSERT INTO notifications (user_id, kind, title) VALUES (${user.id}, 'moderation', 'un')`.execute(db());
        await onCommit(() => ran.push("rolled back"));
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await notes()).toEqual([]);
    await transaction(async () => {
      await sql`INSERT INTO notifications (user_id, kind, title) VALUES (${user.id}, 'moderation', 'deux')`.execute(db());
      await onCommit(() => ran.push("committed"));
      await transaction(async () => {
        await sql`INSERT INTO notifications (user_id, kind, title) VALUES (${user.id}, 'moderation', 'savepoint')`.execute(db());
        await onCommit(() => ran.push("savepoint rolled back"));
        throw new Error("inner");
      }).catch(() => undefined);
      // the outer transaction goes on after its savepoint failed
      await sql`INSERT INTO notifications (user_id, kind, title) VALUES (${user.id}, 'moderation', 'trois')`.execute(db());
      expect(ran).toEqual([]);
      // not yet visible outside (PostgreSQL: another connection; PGlite has only one)
      if (env.kind === "postgres") {
        const seen = await sql<{ n: number }>`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${user.id}`.execute(rootDb());
        expect(seen.rows[0].n).toBe(0);
      }
    });
    expect(ran).toEqual(["committed"]);
    expect(await notes()).toEqual(["deux", "trois"]);
  });

  it("refuses fault injection outside tests", async () => {
    const saved = process.env.VITEST;
    delete process.env.VITEST;
    try {
      expect(() => injectFaults({ failAt: 1 })).toThrow(/tests only/);
    } finally {
      process.env.VITEST = saved;
    }
  });
});

describe("each use case is one transaction: a failure at any step leaves nothing half-written", () => {
  it("submitting an idea with attachments and co-author invitations", async () => {
    const lab = await makeLab();
    const c = await makeCampaign(lab.id);
    const author = await viewerOf(await makeUser());
    const [co1, co2] = [await makeUser(), await makeUser()];
    const { result: idea, statements, failures } = await sweep(() => createIdeaFor(author, c.id, ideaForm("Moins de pain jeté", [co1.email, co2.email]), [pdf("a.pdf"), pdf("b.pdf")]));
    expect(statements).toBeGreaterThanOrEqual(6);
    expect(failures).toBe(statements);
    expect((await listNotifications(co1.id)).map((n) => n.link)).toEqual([`/idees/${idea.id}`]);
    expect((await listNotifications(co2.id)).map((n) => n.link)).toEqual([`/idees/${idea.id}`]);
    const atts = await sql<{ n: number }>`SELECT count(*)::int AS n FROM idea_attachments WHERE idea_id = ${idea.id}`.execute(db());
    expect(atts.rows[0].n).toBe(2);
  });

  it("sending a community thread to the lab as an idea (the claim is part of it: no compensation)", async () => {
    const lab = await makeLab();
    const c = await makeCampaign(lab.id);
    const team = await viewerOf(await makeMember(lab.id, "lab_team"));
    const community = await createCommunityFor(team, lab.slug, { name: "Agents d’entretien", profession: "Ménage", description: "Le métier.", animatorEmails: [] });
    const member = await viewerOf(await makeUser());
    await joinCommunity(member, community.id);
    const thread = await postThread(member, community.id, { kind: "problem", title: "Chariots trop lourds", body: "Dans les étages sans ascenseur, on porte les chariots à deux." });
    const { result: idea } = await sweep(() => sendAsIdea(team, community.id, thread.id, { campaignId: c.id, proposal: "Des chariots légers, un par étage.", beneficiaries: "Les agents" }));
    const row = await sql<{ idea_id: string; idea_sent_by: string }>`SELECT idea_id, idea_sent_by FROM community_threads WHERE id = ${thread.id}`.execute(db());
    expect(row.rows[0]).toEqual({ idea_id: idea.id, idea_sent_by: team.userId });
    expect((await listNotifications(member.userId)).some((n) => n.link === `/idees/${idea.id}`)).toBe(true);
  });

  it("opening a Mini-Lab from a theme, with its invitations (notifications and mails), then a proposal submitted and decided", async () => {
    const lab = await makeLab();
    const c = await makeCampaign(lab.id);
    const team = await viewerOf(await makeMember(lab.id, "lab_team"));
    const [a1, a2, facilitator, owner] = [await makeUser(), await makeUser(), await makeUser(), await makeUser()];
    const i1 = await createIdeaFor(await viewerOf(a1), c.id, ideaForm("Composter à la cantine"), []);
    const i2 = await createIdeaFor(await viewerOf(a2), c.id, ideaForm("Peser les restes"), []);
    const theme = await makeTheme({ labId: lab.id, campaignId: c.id, ideaIds: [i1.id, i2.id], label: "Gaspillage", curatorId: team.userId });
    const jobsBefore = await mailJobs();
    const { result: m } = await sweep(() =>
      openMinilab(team, lab.slug, {
        themeId: theme.id,
        name: "Mini-Lab anti-gaspi",
        question: "Comment réduire le gaspillage à la cantine ?",
        joinPolicy: "open",
        facilitatorEmails: [facilitator.email],
        sessionsFrom: new Date(Date.now() - DAY),
        sessionsUntil: new Date(Date.now() + 60 * DAY),
        restitutionOn: new Date(Date.now() + 90 * DAY),
        arbitrationOn: new Date(Date.now() + 120 * DAY),
        directorates: ["Direction de l’environnement"],
      }),
    );
    // committed: the holders are invited, and the mails' delivery was queued after COMMIT
    expect((await listNotifications(a1.id)).some((n) => n.link === `/minilabs/${m.id}`)).toBe(true);
    expect(await mailJobs()).toBeGreaterThan(jobsBefore);

    const member = await viewerOf(a1);
    await join(member, m.id);
    const director = await makeDirector(lab.id, "Direction de l'environnement");
    const p = await createProposalFor(member, m.id, { title: "Un composteur par lycée", problem: "Des tonnes de restes.", solution: "Un composteur par lycée.", impact: "Moins de déchets.", resources: "Un composteur.", costEur: 1000, directorate: "Direction de l’environnement" }, [pdf("etude.pdf")]);
    const submitted = await sweep(() => submitProposal(member, p.id));
    expect(submitted.result.status).toBe("submitted");
    expect((await listNotifications(director.userId)).some((n) => n.link === `/propositions/${p.id}`)).toBe(true);

    const decided = await sweep(() => decide(director, p.id, { outcome: "adopted", reason: "Peu coûteux et utile.", followUpEmail: owner.email, followUpDue: new Date(Date.now() + 30 * DAY), correctsId: null }));
    expect(decided.result.outcome).toBe("adopted");
    expect((await listNotifications(owner.id)).some((n) => n.kind === "follow_up")).toBe(true);
  });

  it("merging two ideas with their notifications", async () => {
    const lab = await makeLab();
    const c = await makeCampaign(lab.id);
    const team = await viewerOf(await makeMember(lab.id, "lab_team"));
    const [ka, aa] = [await makeUser(), await makeUser()];
    const kept = await createIdeaFor(await viewerOf(ka), c.id, ideaForm("Moins de pain jeté à la cantine"), []);
    const absorbed = await createIdeaFor(await viewerOf(aa), c.id, ideaForm("Le pain jeté à la cantine du lycée"), []);
    const { result } = await sweep(() => mergeDuplicate(team, c.id, kept.id, absorbed.id));
    expect(result.absorbed.status).toBe("merged");
    expect((await listNotifications(aa.id)).some((n) => n.kind === "idea_merged")).toBe(true);
  });
});

describe("a database error is never reported as a conflict", () => {
  it("decide: a second first decision is a 409; a failure of the database is not", async () => {
    const lab = await makeLab();
    const c = await makeCampaign(lab.id);
    const team = await viewerOf(await makeMember(lab.id, "lab_team"));
    const a1 = await makeUser();
    const i1 = await createIdeaFor(await viewerOf(a1), c.id, ideaForm("Composter à la cantine"), []);
    const theme = await makeTheme({ labId: lab.id, campaignId: c.id, ideaIds: [i1.id], label: "Compost", curatorId: team.userId });
    const m = await openMinilab(team, lab.slug, {
      themeId: theme.id,
      name: "Mini-Lab compost",
      question: "Comment composter ?",
      joinPolicy: "open",
      facilitatorEmails: [],
      sessionsFrom: new Date(Date.now() - DAY),
      sessionsUntil: new Date(Date.now() + 60 * DAY),
      restitutionOn: new Date(Date.now() + 90 * DAY),
      arbitrationOn: new Date(Date.now() + 120 * DAY),
      directorates: ["Direction des lycées"],
    });
    const member = await viewerOf(a1);
    await join(member, m.id);
    const p = await createProposalFor(member, m.id, { title: "Composter", problem: "Des restes.", solution: "Un composteur.", impact: "Moins de déchets.", resources: "Peu.", costEur: null, directorate: "Direction des lycées" }, []);
    await submitProposal(member, p.id);
    const [d1, d2] = [await makeDirector(lab.id, "Direction des lycées"), await makeDirector(lab.id, "Direction des lycées")];
    const input = { outcome: "rejected" as const, reason: "Pas cette année, faute de budget.", followUpEmail: null, followUpDue: null, correctsId: null };
    // Two directors at once: one decision is kept, the other is told it came second (409).
    const both = await Promise.allSettled([decide(d1, p.id, input), decide(d2, p.id, input)]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = both.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ status: 409 });
    // A database failure inside decide (here: injected at its insert) is not a 409 Refusal.
    const q = await createProposalFor(member, m.id, { title: "Composter encore", problem: "Des restes.", solution: "Un composteur.", impact: "Moins.", resources: "Peu.", costEur: null, directorate: "Direction des lycées" }, []);
    await submitProposal(member, q.id);
    const count = injectFaults({});
    await decide(d1, q.id, input).catch(() => undefined);
    const n = count.stop();
    expect(n).toBeGreaterThan(0);
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM decisions WHERE proposal_id = ${q.id}`.execute(db());
    expect(r.rows[0].n).toBe(1);
    const r2 = await createProposalFor(member, m.id, { title: "Composter toujours", problem: "Des restes.", solution: "Un composteur.", impact: "Moins.", resources: "Peu.", costEur: null, directorate: "Direction des lycées" }, []);
    await submitProposal(member, r2.id);
    for (let at = 1; at <= n; at++) {
      const f = injectFaults({ failAt: at });
      const err = await decide(d1, r2.id, input).then(
        () => null,
        (e: unknown) => e,
      );
      f.stop();
      expect(err).toBeInstanceOf(InjectedFault);
      expect(err).not.toHaveProperty("status", 409);
    }
  });
});
