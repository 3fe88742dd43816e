/**
 * Bulk load of the benchmark data set. Organisations, labs, agents and campaigns go
 * through the modules' own functions; the 100,000 ideas and their events, supports,
 * comments and co-authors are written with set-based SQL (unnest arrays, INSERT … SELECT),
 * which is what a bulk import tool would do.
 */
import type pg from "pg";
import { demoComments } from "../src/demo/content/comments";
import { createDemoOrganizations } from "../src/demo/seed";
import { createUsers, type NewUser } from "../src/accounts/accounts";
import { createLab, grantRole } from "../src/labs/labs";
import { closeCampaignNow, createCampaign, publishCampaign } from "../src/campaigns/campaigns";
import { generateAgents, generateCampaigns, generateIdeaTexts, rng } from "./generate";

const DAY = 86_400_000;

export interface Loaded {
  viewerId: string;
  counts: Record<string, number>;
}

export async function loadData(pool: pg.Pool, sizes: { ideas: number; agents: number; campaigns: number }, now: Date, log: (m: string) => void): Promise<Loaded> {
  // Organisations and units (the 18 demo ones).
  const { orgId, unitId } = await createDemoOrganizations();

  // Agents, through the accounts module, 2,000 per statement.
  const gen = generateAgents(sizes.agents);
  const users: { id: string; org: string | null; unit: string | null }[] = [];
  for (let i = 0; i < gen.length; i += 2000) {
    const batch: NewUser[] = gen.slice(i, i + 2000).map((a) => ({
      email: a.email,
      givenName: a.givenName,
      familyName: a.familyName,
      organizationId: orgId.get(a.orgKey) ?? null,
      unitId: unitId.get(`${a.orgKey}|${a.unit}`) ?? null,
      job: a.job,
    }));
    const created = await createUsers(batch);
    const byEmail = new Map(created.map((u) => [u.email, u]));
    for (const a of batch) {
      const u = byEmail.get(a.email.toLowerCase())!;
      users.push({ id: u.id, org: u.organization_id, unit: u.unit_id });
    }
  }
  log(`${users.length} agents`);

  // Labs; a handful of agents form the lab teams. The viewer (last agent) holds no role.
  const region = await createLab({ slug: "region-grand-est", name: "Lab d’innovation de la Région Grand Est", organizationId: orgId.get("region-hq") });
  const labest = await createLab({ slug: "labest", name: "Lab’EST", organizationId: orgId.get("prefecture-grand-est") });
  for (let i = 0; i < 6; i++) await grantRole(users[i].id, i < 4 ? region.id : labest.id, "lab_team");
  await grantRole(users[0].id, region.id, "admin");

  // Campaigns, through the campaigns module.
  const campaigns = generateCampaigns(sizes.campaigns, now);
  const camp: { id: string; labId: string; opens: number; closes: number; stage: string; weight: number }[] = [];
  for (const c of campaigns) {
    const labId = c.lab === "region" ? region.id : labest.id;
    const created = await createCampaign({
      labId,
      title: c.title,
      summary: c.summary,
      description: `${c.summary}\n\nProposez vos idées, soutenez celles de vos collègues.`,
      rules: "Ouvert à tous les agents.",
      opensAt: c.opensAt,
      closesAt: c.closesAt,
      scaleMax: 5,
      criteria: [
        { label: "Utilité", weight: 3 },
        { label: "Faisabilité", weight: 2 },
      ],
      organizationIds: [],
      createdBy: users[0].id,
    });
    await publishCampaign(created.id);
    if (c.stage !== "open") await closeCampaignNow(created.id);
    camp.push({ id: created.id, labId, opens: c.opensAt.getTime(), closes: Math.min(c.closesAt.getTime(), now.getTime()), stage: c.stage, weight: c.weight });
  }
  log(`${camp.length} campaigns`);

  // Ideas: texts recombined from the demo, metadata drawn from a seeded generator.
  const texts = generateIdeaTexts(sizes.ideas);
  const { rand, uuid } = rng(9001);
  const totalWeight = camp.reduce((s, c) => s + c.weight, 0);
  const pickCampaign = () => {
    let r = rand() * totalWeight;
    for (const c of camp) if ((r -= c.weight) <= 0) return c;
    return camp[camp.length - 1];
  };
  const cols = {
    id: [] as string[],
    campaign_id: [] as string[],
    lab_id: [] as string[],
    author_id: [] as string[],
    organization_id: [] as (string | null)[],
    unit_id: [] as (string | null)[],
    title: [] as string[],
    problem: [] as string[],
    proposal: [] as string[],
    beneficiaries: [] as string[],
    status: [] as string[],
    award_kind: [] as (string | null)[],
    award_citation: [] as (string | null)[],
    support_count: [] as number[],
    comment_count: [] as number[],
    hidden_at: [] as (Date | null)[],
    hidden_reason: [] as (string | null)[],
    submitted_at: [] as (Date | null)[],
    created_at: [] as Date[],
  };
  for (const t of texts) {
    const c = pickCampaign();
    // Authors: a few prolific agents, most agents with one idea or none.
    const author = users[rand() < 0.3 ? Math.floor(rand() * 500) : Math.floor(rand() * users.length)];
    const created = new Date(c.opens + Math.floor(rand() * (c.closes - c.opens)));
    const draft = rand() < (c.stage === "open" ? 0.08 : 0.04);
    let status = "draft";
    let award: string | null = null;
    if (!draft) {
      if (c.stage === "open") status = "submitted";
      else if (c.stage === "review") status = "under_review";
      else {
        const r = rand();
        status = r < 0.01 ? "awarded" : "not_awarded";
        if (status === "awarded") award = rand() < 0.5 ? "prize" : "mention";
      }
    }
    const r = rand();
    const supports = draft ? 0 : r < 0.75 ? Math.floor(rand() * 4) : r < 0.97 ? 4 + Math.floor(rand() * 17) : 20 + Math.floor(rand() * 100);
    const r2 = rand();
    const comments = draft ? 0 : r2 < 0.6 ? 0 : r2 < 0.9 ? 1 + Math.floor(rand() * 3) : 4 + Math.floor(rand() * 12);
    const hidden = !draft && rand() < 0.003;
    cols.id.push(uuid());
    cols.campaign_id.push(c.id);
    cols.lab_id.push(c.labId);
    cols.author_id.push(author.id);
    cols.organization_id.push(author.org);
    cols.unit_id.push(author.unit);
    cols.title.push(t.title);
    cols.problem.push(t.problem);
    cols.proposal.push(t.proposal);
    cols.beneficiaries.push(t.beneficiaries);
    cols.status.push(status);
    cols.award_kind.push(award);
    cols.award_citation.push(award ? "Une idée simple, utile et prête à être testée." : null);
    cols.support_count.push(supports);
    cols.comment_count.push(comments);
    cols.hidden_at.push(hidden ? new Date(created.getTime() + DAY) : null);
    cols.hidden_reason.push(hidden ? "Propos hors charte" : null);
    cols.submitted_at.push(draft ? null : created);
    cols.created_at.push(created);
  }

  const insertIdeas = async (from: number, to: number) => {
    const slice = <T>(a: T[]) => a.slice(from, to);
    await pool.query(
      `INSERT INTO ideas (id, campaign_id, lab_id, author_id, organization_id, unit_id, title, problem, proposal, beneficiaries,
         status, award_kind, award_citation, support_count, comment_count, hidden_at, hidden_reason, hidden_by, submitted_at, created_at, updated_at)
       SELECT id, campaign_id, lab_id, author_id, organization_id, unit_id, title, problem, proposal, beneficiaries,
         status, award_kind, award_citation, support_count, comment_count, hidden_at, hidden_reason,
         CASE WHEN hidden_at IS NULL THEN NULL ELSE $19::uuid END, submitted_at, created_at, created_at
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[],
         $11::text[], $12::text[], $13::text[], $14::int[], $15::int[], $16::timestamptz[], $17::text[], $18::timestamptz[], $20::timestamptz[])
         AS t(id, campaign_id, lab_id, author_id, organization_id, unit_id, title, problem, proposal, beneficiaries,
         status, award_kind, award_citation, support_count, comment_count, hidden_at, hidden_reason, submitted_at, created_at)`,
      [
        slice(cols.id),
        slice(cols.campaign_id),
        slice(cols.lab_id),
        slice(cols.author_id),
        slice(cols.organization_id),
        slice(cols.unit_id),
        slice(cols.title),
        slice(cols.problem),
        slice(cols.proposal),
        slice(cols.beneficiaries),
        slice(cols.status),
        slice(cols.award_kind),
        slice(cols.award_citation),
        slice(cols.support_count),
        slice(cols.comment_count),
        slice(cols.hidden_at),
        slice(cols.hidden_reason),
        slice(cols.submitted_at),
        users[1].id,
        slice(cols.created_at),
      ],
    );
  };
  // Two statements at a time: the generated tsvector is computed by PostgreSQL, one core each.
  const BATCH = 5000;
  const starts: number[] = [];
  for (let i = 0; i < texts.length; i += BATCH) starts.push(i);
  const lanes = [0, 1].map(async (lane) => {
    for (let k = lane; k < starts.length; k += 2) await insertIdeas(starts[k], Math.min(starts[k] + BATCH, texts.length));
  });
  await Promise.all(lanes);
  log(`${texts.length} ideas`);

  // Everything else is derived in SQL from the ideas, deterministically (hash of the id).
  const client = await pool.connect();
  try {
    await client.query(`CREATE TEMP TABLE bench_users AS SELECT (row_number() OVER (ORDER BY email) - 1)::int AS n, id FROM users`);
    await client.query(`CREATE UNIQUE INDEX ON bench_users (n)`);
    const nUsers = users.length;
    const h = (expr: string) => `(hashtext(${expr})::bigint + 2147483648)`;
    // Status history: draft, then submitted, review and result as the status implies.
    await client.query(`
      INSERT INTO idea_events (idea_id, kind, status, actor_id, created_at)
      SELECT id, 'status', 'draft', author_id, created_at FROM ideas
      UNION ALL SELECT id, 'status', 'submitted', author_id, submitted_at FROM ideas WHERE status <> 'draft'
      UNION ALL SELECT i.id, 'status', 'under_review', NULL, c.closes_at + interval '1 hour'
        FROM ideas i JOIN campaigns c ON c.id = i.campaign_id WHERE i.status IN ('under_review','awarded','not_awarded')
      UNION ALL SELECT i.id, 'status', i.status, c.created_by, c.closes_at + interval '30 days'
        FROM ideas i JOIN campaigns c ON c.id = i.campaign_id WHERE i.status IN ('awarded','not_awarded')
      UNION ALL SELECT id, 'hidden', NULL, hidden_by, hidden_at FROM ideas WHERE hidden_at IS NOT NULL`);
    // Supports: support_count distinct agents per idea (stride 7919 is prime with the agent count).
    await client.query(`
      INSERT INTO idea_supports (idea_id, user_id, created_at)
      SELECT i.id, u.id, i.submitted_at + (k || ' hours')::interval
      FROM ideas i CROSS JOIN LATERAL generate_series(1, i.support_count) k
      JOIN bench_users u ON u.n = (${h("i.id::text")} + k * 7919) % ${nUsers}
      ON CONFLICT DO NOTHING`);
    await client.query(`UPDATE ideas i SET support_count = s.n FROM (SELECT idea_id, count(*)::int n FROM idea_supports GROUP BY idea_id) s
      WHERE s.idea_id = i.id AND s.n <> i.support_count`);
    await client.query(
      `INSERT INTO idea_comments (idea_id, author_id, body, created_at, hidden_at, hidden_reason, hidden_by)
       SELECT i.id, u.id, ($1::text[])[1 + (${h("i.id::text || k")} % cardinality($1::text[]))], i.submitted_at + (k || ' days')::interval,
         NULL, NULL, NULL
       FROM ideas i CROSS JOIN LATERAL generate_series(1, i.comment_count) k
       JOIN bench_users u ON u.n = (${h("i.id::text")} + k * 104729) % ${nUsers}`,
      [demoComments],
    );
    // One confirmed co-author on about 5% of the ideas.
    await client.query(`
      INSERT INTO idea_coauthors (idea_id, user_id, status, created_at)
      SELECT i.id, u.id, 'confirmed', i.created_at FROM ideas i
      JOIN bench_users u ON u.n = (${h("i.id::text || 'co'")}) % ${nUsers}
      WHERE ${h("i.id::text")} % 20 = 0 AND u.id <> i.author_id`);
  } finally {
    client.release();
  }
  log("events, supports, comments, co-authors");

  const count = async (t: string) => Number((await pool.query(`SELECT count(*) n FROM ${t}`)).rows[0].n);
  const counts: Record<string, number> = {};
  for (const t of ["users", "campaigns", "ideas", "idea_events", "idea_supports", "idea_comments", "idea_coauthors"]) counts[t] = await count(t);
  return { viewerId: users[users.length - 1].id, counts };
}
