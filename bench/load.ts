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
import { addWorkingDays, type RequestKind, type RequestStatus } from "../src/requests";
import { isMainStage, mainStages, type MainStage, type Stage } from "../src/projects/stages";
import { serviceKindOf } from "../src/projects/service";
import { isoDay } from "../src/kernel/format";
import { generateAgents, generateCampaigns, generateIdeaTexts, rng } from "./generate";

const DAY = 86_400_000;

export interface Loaded {
  viewerId: string;
  /** A member of the Région lab's team (not its admin): the desk queue and the portfolio are its pages. */
  labTeamId: string;
  counts: Record<string, number>;
}

export async function loadData(pool: pg.Pool, sizes: { ideas: number; agents: number; campaigns: number; requests: number; projects: number }, now: Date, log: (m: string) => void): Promise<Loaded> {
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

  await loadDeskAndProjects(
    pool,
    sizes,
    [
      { id: region.id, share: 0.88, team: users.slice(0, 4).map((u) => u.id), answerDays: 10, summary: "Le lab de la Région accompagne les services, les lycées et les collectivités du Grand Est : projets, ateliers, formations." },
      { id: labest.id, share: 0.12, team: users.slice(4, 6).map((u) => u.id), answerDays: 15, summary: "" },
    ],
    users,
    now,
  );
  log(`${sizes.requests} desk requests and their events, ${sizes.projects} projects and their stages`);

  const count = async (t: string) => Number((await pool.query(`SELECT count(*) n FROM ${t}`)).rows[0].n);
  const counts: Record<string, number> = {};
  for (const t of ["users", "campaigns", "ideas", "idea_events", "idea_supports", "idea_comments", "idea_coauthors", "requests", "request_events", "projects", "project_stages", "project_gate_reviews"]) counts[t] = await count(t);
  return { viewerId: users[users.length - 1].id, labTeamId: users[1].id, counts };
}

// ---------------------------------------------------------------- the desk and the projects

const REQUEST_TOPICS = [
  "Simplifier l’accueil des usagers en mairie",
  "Réduire les délais d’instruction des aides aux entreprises",
  "Dématérialiser les demandes de subvention des associations",
  "Améliorer l’orientation des lycéens vers l’apprentissage",
  "Repenser le parcours de l’usager au guichet des cartes grises",
  "Mieux accueillir les nouveaux agents",
  "Rendre lisibles les courriers de relance",
  "Organiser le covoiturage entre sites",
  "Partager les salles de réunion entre services",
  "Faciliter les remplacements dans les cantines des lycées",
  "Accompagner la transition numérique des petites communes",
  "Réduire le gaspillage alimentaire en restauration collective",
  "Coordonner les visites de contrôle entre administrations",
  "Améliorer la prise de rendez-vous à l’hôpital",
  "Concevoir un tableau de bord des transports scolaires",
  "Mieux informer sur les aides à la rénovation énergétique",
  "Former les encadrants à la conduite du changement",
  "Créer un réseau des référents innovation du territoire",
  "Faciliter le recrutement de saisonniers",
  "Simplifier les formulaires de demande de bourse",
];
const KIND_WEIGHTS: [RequestKind, number][] = [["project", 0.35], ["workshop", 0.25], ["method", 0.15], ["training", 0.15], ["network", 0.1]];
const DECLINE_REASONS = [
  "La demande relève d’un prestataire informatique, pas d’un accompagnement du lab.",
  "Le lab n’a pas la capacité d’accompagner ce sujet ce semestre ; à redéposer en septembre.",
  "Le sujet est déjà traité par un projet en cours du lab : rapprochez-vous de son équipe.",
  "Le commanditaire n’a pas confirmé son soutien malgré nos relances.",
];
const FUNDING = ["", "", "Fonds de transformation de l’action publique", "Budget régional de l’innovation", "Crédits du service", "Plan de relance"];
const STATUS_REASONS = { paused: ["Attente d’arbitrage budgétaire", "Équipe du service indisponible jusqu’à la rentrée", "Changement de direction du service"], stopped: ["Le besoin a disparu après réorganisation du service", "Arrêt décidé en comité de pilotage : impact trop faible", "Solution nationale retenue à la place"] };
/** Nominal days in each main stage; the current stage's planned end is its entry plus this. */
const STAGE_DAYS: Record<MainStage, number> = { exploration: 60, prototype: 90, experimentation: 120, evaluation: 60, deployment: 180 };
/** Steering committee for the gates into these stages (the default strategic stages). */
const STEERING = new Set<MainStage>(["experimentation", "deployment"]);

/** Column arrays for one `INSERT … SELECT … FROM unnest(…)`, sent in batches. */
class Columns {
  private cols: Record<string, { type: string; values: unknown[] }> = {};
  rows = 0;
  constructor(private table: string, types: Record<string, string>) {
    for (const [k, type] of Object.entries(types)) this.cols[k] = { type, values: [] };
  }
  push(row: Record<string, unknown>) {
    for (const [k, c] of Object.entries(this.cols)) c.values.push(row[k] ?? null);
    this.rows++;
  }
  async insert(pool: pg.Pool, batch = 10_000) {
    const names = Object.keys(this.cols);
    const list = names.join(", ");
    const args = names.map((n, i) => `$${i + 1}::${this.cols[n].type}[]`).join(", ");
    for (let i = 0; i < this.rows; i += batch)
      await pool.query(
        `INSERT INTO ${this.table} (${list}) SELECT * FROM unnest(${args}) AS t(${list})`,
        names.map((n) => this.cols[n].values.slice(i, i + batch)),
      );
  }
}

/**
 * 50,000 desk requests and 5,000 projects over the two labs (most in the Région's), drawn from a
 * seeded generator (the same rows on every run for the same `now`) and written with
 * `INSERT … SELECT … FROM unnest(…)`; the requests' events are derived in SQL. Deadlines use the
 * module's own `addWorkingDays` (working days in Paris time, French public holidays).
 */
export async function loadDeskAndProjects(
  pool: pg.Pool,
  sizes: { requests: number; projects: number },
  labs: { id: string; share: number; team: string[]; answerDays: number; summary: string }[],
  users: { id: string; org: string | null }[],
  now: Date,
): Promise<void> {
  const { rand, pick, int, uuid } = rng(9002);
  const weighted = <T>(list: [T, number][]): T => {
    let r = rand();
    for (const [v, w] of list) if ((r -= w) <= 0) return v;
    return list[list.length - 1][0];
  };
  const NOW = now.getTime();
  const minTime = (a: number) => Math.min(a, NOW - 3_600_000);
  const agent = () => users[Math.floor(rand() * users.length)];
  // The promise's deadline depends only on the Paris day of submission and the days promised: the
  // module's addWorkingDays (about half a millisecond a call, 50,000 calls) once per distinct day.
  const deadlines = new Map<string, Date>();
  const deadline = (at: number, days: number) => {
    const key = `${isoDay(new Date(at))}|${days}`;
    let due = deadlines.get(key);
    if (!due) deadlines.set(key, (due = addWorkingDays(new Date(at), days)));
    return due;
  };

  for (const l of labs)
    await pool.query(`INSERT INTO request_lab_settings (lab_id, answer_days, summary) VALUES ($1, $2, $3)`, [l.id, l.answerDays, l.summary]);

  const req = new Columns("requests", {
    id: "uuid", lab_id: "uuid", requester_id: "uuid", organization_id: "uuid", status: "text", kind: "text", title: "text", context: "text",
    affected: "text", success: "text", timing: "text", sponsor_email: "text", sponsor_id: "uuid", sponsor_confirmed_at: "timestamptz",
    assignee_id: "uuid", outcome: "text", decline_reason: "text", project_id: "uuid", reoriented_from_id: "uuid", reoriented_to_lab_id: "uuid",
    created_at: "timestamptz", updated_at: "timestamptz", submitted_at: "timestamptz", due_at: "timestamptz", first_answer_at: "timestamptz", decided_at: "timestamptz",
  });
  /** Accepted as « projet »: each gives birth to a project. */
  const born: { id: string; requestId: string; labId: string; title: string; problem: string; users: string; leadId: string; orgId: string | null; at: number }[] = [];
  const sponsorEmail = new Map<string, string>();
  for (const r of (await pool.query<{ id: string; email: string }>(`SELECT id, email FROM users`)).rows) sponsorEmail.set(r.id, r.email);

  /** One request submitted at `submitted` (ms) to `lab`; a reoriented one is continued in the other lab. */
  const request = (lab: (typeof labs)[number], submitted: number, from: { id: string; requester: { id: string; org: string | null }; kind: RequestKind; title: string } | null) => {
    const id = uuid();
    const requester = from?.requester ?? agent();
    const kind = from?.kind ?? weighted(KIND_WEIGHTS);
    const title = from?.title ?? `${pick(REQUEST_TOPICS)} (${pick(["Metz", "Nancy", "Strasbourg", "Reims", "Mulhouse", "Colmar", "Troyes", "Épinal", "Charleville-Mézières", "Châlons-en-Champagne"])})`;
    const ageDays = (NOW - submitted) / DAY;
    const draft = !from && rand() < 0.01;
    // Open while young: the older a request, the likelier the lab has decided it; none open after 25 days.
    const open = !draft && ageDays < 25 && rand() < 1 - ageDays / 25;
    const dueAt = draft ? null : deadline(submitted, lab.answerDays);
    let status: RequestStatus = draft ? "draft" : open ? "submitted" : "accepted";
    let firstAnswer: number | null = null;
    let decided: number | null = null;
    let outcome: string | null = null;
    let declineReason: string | null = null;
    let toLab: (typeof labs)[number] | null = null;
    let projectId: string | null = null;
    if (open) {
      if (ageDays > 2 && rand() < 0.5) {
        status = "qualifying";
        firstAnswer = minTime(submitted + (1 + rand() * Math.min(ageDays - 1, 8)) * DAY);
      }
    } else if (!draft) {
      // Decided within 1 to ~40 days (most within the promise).
      decided = minTime(submitted + (0.5 + -Math.log(1 - rand() * 0.98) * 9) * DAY);
      firstAnswer = rand() < 0.6 ? minTime(submitted + rand() * (decided - submitted)) : decided;
      const r = rand();
      if (r < 0.35) {
        status = "accepted";
        outcome = rand() < 0.18 ? "project" : "workshop";
      } else if (r < 0.85 || labs.length < 2 || from) {
        status = "declined";
        declineReason = pick(DECLINE_REASONS);
      } else {
        status = "reoriented";
        toLab = labs.find((l) => l.id !== lab.id)!;
      }
    }
    // Most requests accepted as « projet » have their project; beyond 60 % of the projects, the lab has not created it yet.
    if (outcome === "project" && born.length < sizes.projects * 0.6) {
      projectId = uuid();
      born.push({ id: projectId, requestId: id, labId: lab.id, title, problem: `Contexte exposé au guichet : ${title.toLowerCase()}.`, users: "Agents et usagers du service demandeur", leadId: requester.id, orgId: requester.org, at: decided! });
    }
    const sponsor = rand() < 0.85 ? agent() : null;
    const sponsorId = sponsor && sponsor.id !== requester.id ? sponsor.id : null;
    const confirmed = sponsorId && rand() < 0.8 ? minTime(submitted + (0.2 + rand() * 3) * DAY) : null;
    const assignee = !draft && rand() < (open ? 0.7 : 0.95) ? pick(lab.team) : null;
    const created = submitted - rand() * 3 * DAY;
    req.push({
      id, lab_id: lab.id, requester_id: requester.id, organization_id: requester.org, status, kind, title,
      context: `Le service constate : ${title.toLowerCase()}. Les agents y passent du temps et les usagers attendent.`,
      affected: pick(["Les usagers du service", "Les agents d’accueil", "Les lycéens et leurs familles", "Les associations du territoire", "Les entreprises de moins de dix salariés"]),
      success: "Des délais réduits de moitié et des usagers qui n’ont plus à revenir.",
      timing: pick(["", "Avant la fin de l’année", "Dans les six mois", "Pour la prochaine rentrée"]),
      sponsor_email: sponsorId ? sponsorEmail.get(sponsorId)! : "", sponsor_id: sponsorId,
      sponsor_confirmed_at: confirmed && !draft ? new Date(confirmed) : null,
      assignee_id: assignee, outcome, decline_reason: declineReason, project_id: projectId,
      reoriented_from_id: from?.id ?? null, reoriented_to_lab_id: toLab?.id ?? null,
      created_at: new Date(draft ? submitted : created),
      updated_at: new Date(decided ?? firstAnswer ?? (draft ? submitted : submitted)),
      submitted_at: draft ? null : new Date(submitted), due_at: dueAt,
      first_answer_at: firstAnswer === null ? null : new Date(firstAnswer), decided_at: decided === null ? null : new Date(decided),
    });
    if (toLab && req.rows < sizes.requests) request(toLab, decided!, { id, requester, kind, title });
  };
  const FOUR_YEARS = 4 * 365.25 * DAY;
  while (req.rows < sizes.requests) {
    const lab = weighted(labs.map((l) => [l, l.share] as [(typeof labs)[number], number]));
    // Submitted over four years, a little more in the recent ones (the desk grows), at office hours.
    const day = Math.floor(NOW / DAY - Math.pow(rand(), 1.15) * (FOUR_YEARS / DAY));
    const at = day * DAY + (7 + rand() * 10) * 3_600_000;
    request(lab, Math.min(at, NOW - 600_000), null);
  }
  await req.insert(pool);

  // Events, derived: created, submitted, the lab's first move (qualification) and its decision.
  await pool.query(`
    INSERT INTO request_events (request_id, actor_id, kind, status, detail, created_at)
    SELECT id, requester_id, 'created', 'draft', '', created_at FROM requests
    UNION ALL SELECT id, requester_id, 'submitted', 'submitted', '', submitted_at FROM requests WHERE submitted_at IS NOT NULL
    UNION ALL SELECT id, assignee_id, 'status', 'qualifying', '', first_answer_at FROM requests
      WHERE first_answer_at IS NOT NULL AND (decided_at IS NULL OR first_answer_at < decided_at)
    UNION ALL SELECT id, assignee_id, 'status', status, '', decided_at FROM requests WHERE decided_at IS NOT NULL AND status <> 'reoriented'
    UNION ALL SELECT id, assignee_id, 'reoriented_to', NULL, reoriented_to_lab_id::text, decided_at FROM requests WHERE status = 'reoriented'
    UNION ALL SELECT r.id, o.assignee_id, 'reoriented_from', NULL, o.lab_id::text, r.submitted_at FROM requests r JOIN requests o ON o.id = r.reoriented_from_id`);

  // Projects: those born from accepted requests, then created directly by the lab up to the total.
  const orgKinds = (await pool.query<{ id: string; kind: string }>(`SELECT id, kind FROM organizations ORDER BY name`)).rows;
  const kindOf = new Map(orgKinds.map((o) => [o.id, serviceKindOf(o.kind)]));
  const prj = new Columns("projects", {
    id: "uuid", lab_id: "uuid", title: "text", problem: "text", users: "text", confidential: "boolean", stage: "text", resume_stage: "text",
    status_reason: "text", stage_entered_at: "timestamptz", lead_id: "uuid", origin: "text", request_id: "uuid", budget_requested_eur: "int",
    budget_granted_eur: "int", funding_source: "text", starts_on: "timestamptz", ends_on: "timestamptz", created_by: "uuid", created_at: "timestamptz", updated_at: "timestamptz",
  });
  const stages = new Columns("project_stages", { project_id: "uuid", stage: "text", planned_start: "timestamptz", planned_end: "timestamptz", entered_at: "timestamptz", left_at: "timestamptz" });
  const porgs = new Columns("project_organizations", { project_id: "uuid", organization_id: "uuid", service_kind: "text" });
  const members = new Columns("project_members", { project_id: "uuid", user_id: "uuid", role: "text", added_at: "timestamptz" });
  const reviews = new Columns("project_gate_reviews", {
    project_id: "uuid", lab_id: "uuid", from_stage: "text", to_stage: "text", committee_kind: "text", status: "text", requested_by: "uuid", requested_at: "timestamptz", outcome: "text", decided_by: "uuid", decided_at: "timestamptz",
  });
  const project = (p: { id: string; labId: string; title: string; problem: string; users: string; leadId: string; orgId: string | null; at: number; requestId: string | null }) => {
    const lab = labs.find((l) => l.id === p.labId)!;
    const staff = [pick(lab.team), ...(rand() < 0.4 ? [pick(lab.team)] : [])];
    // Walk the stages at this project's pace (each takes its nominal time divided by the pace); at
    // each stage, a few are stopped (about one project in four over the whole incubation).
    const pace = 0.3 + rand() * 1.2;
    const entered: number[] = [p.at];
    let reached = 0;
    let stoppedAt: number | null = null;
    while (reached < mainStages.length - 1) {
      const next = entered[reached] + (STAGE_DAYS[mainStages[reached]] / pace) * DAY;
      if (rand() < 0.07) {
        const at = entered[reached] + rand() * (next - entered[reached]);
        if (at < NOW) {
          stoppedAt = at;
          break;
        }
      }
      if (next >= NOW) break;
      reached++;
      entered.push(next);
    }
    let stage: Stage = mainStages[reached];
    let stageAt = entered[reached];
    let reason: string | null = null;
    let leftCurrent: number | null = null;
    if (stoppedAt !== null) {
      stage = "stopped";
      stageAt = leftCurrent = stoppedAt;
      reason = pick(STATUS_REASONS.stopped);
    } else if (stage !== "deployment" && rand() < 0.06) {
      stage = "paused";
      stageAt = entered[reached] + rand() * (NOW - entered[reached]);
      reason = pick(STATUS_REASONS.paused);
    }
    const requested = rand() < 0.8 ? int(10, 400) * 500 : null;
    prj.push({
      id: p.id, lab_id: p.labId, title: p.title.slice(0, 200), problem: p.problem, users: p.users, confidential: rand() < 0.05, stage,
      resume_stage: stage === "paused" ? mainStages[reached] : null, status_reason: reason, stage_entered_at: new Date(stageAt),
      lead_id: p.leadId, origin: p.requestId ? "request" : "direct", request_id: p.requestId, budget_requested_eur: requested,
      budget_granted_eur: requested !== null && reached >= 1 ? Math.round((requested * (0.5 + rand() * 0.5)) / 500) * 500 : null,
      funding_source: pick(FUNDING), starts_on: new Date(p.at), ends_on: rand() < 0.5 ? new Date(p.at + int(180, 900) * DAY) : null,
      created_by: staff[0], created_at: new Date(p.at), updated_at: new Date(Math.max(stageAt, entered[reached])),
    });
    mainStages.forEach((s, i) => {
      const isIn = i <= reached;
      stages.push({
        project_id: p.id, stage: s,
        planned_start: isIn ? new Date(entered[i]) : null,
        planned_end: isIn ? new Date(entered[i] + STAGE_DAYS[s] * DAY) : null,
        entered_at: isIn ? new Date(entered[i]) : null,
        left_at: i < reached ? new Date(entered[i + 1]) : i === reached && leftCurrent !== null ? new Date(leftCurrent) : null,
      });
      // Each gate passed went through its committee, a few days before the next stage.
      if (i > 0 && isIn)
        reviews.push({
          project_id: p.id, lab_id: p.labId, from_stage: mainStages[i - 1], to_stage: s, committee_kind: STEERING.has(s) ? "steering" : "project", status: "decided",
          requested_by: staff[0], requested_at: new Date(entered[i] - int(3, 20) * DAY), outcome: "go", decided_by: lab.team[0], decided_at: new Date(entered[i]),
        });
    });
    // A few wait at their next gate.
    if (isMainStage(stage) && stage !== "deployment" && rand() < 0.08) {
      const to = mainStages[reached + 1];
      reviews.push({ project_id: p.id, lab_id: p.labId, from_stage: stage, to_stage: to, committee_kind: STEERING.has(to) ? "steering" : "project", status: "pending", requested_by: staff[0], requested_at: new Date(NOW - rand() * 20 * DAY), outcome: null, decided_by: null, decided_at: null });
    }
    const orgIds = new Set<string>();
    if (p.orgId) orgIds.add(p.orgId);
    if (!orgIds.size || rand() < 0.3) orgIds.add(pick(orgKinds).id);
    for (const o of orgIds) porgs.push({ project_id: p.id, organization_id: o, service_kind: kindOf.get(o) });
    for (const u of new Set(staff)) members.push({ project_id: p.id, user_id: u, role: "staff", added_at: new Date(p.at) });
    if (rand() < 0.25) members.push({ project_id: p.id, user_id: agent().id, role: "expert", added_at: new Date(p.at + rand() * (NOW - p.at)) });
  };
  for (const b of born) project({ ...b });
  while (prj.rows < sizes.projects) {
    const lab = weighted(labs.map((l) => [l, l.share] as [(typeof labs)[number], number]));
    const lead = rand() < 0.5 ? agent() : { id: pick(lab.team), org: null };
    const title = pick(REQUEST_TOPICS);
    project({ id: uuid(), labId: lab.id, title, problem: `Le lab a repéré ce sujet : ${title.toLowerCase()}.`, users: "Agents et usagers concernés", leadId: lead.id, orgId: lead.org, at: NOW - Math.pow(rand(), 1.15) * FOUR_YEARS, requestId: null });
  }
  await prj.insert(pool);
  await stages.insert(pool);
  await porgs.insert(pool);
  await members.insert(pool);
  await reviews.insert(pool);
}
