import { transaction } from "../kernel/db/transaction";
import { hasRole, type Principal, Refusal, type Viewer } from "../kernel/permissions";
import { displayName, findUserByEmail, getUsers } from "../accounts/accounts";
import { getOrganizations, getUnits } from "../organizations/organizations";
import { campaignPhase, getCampaign, getCampaigns, getCriteria, getEligibleOrganizationIds, type Campaign } from "../campaigns/campaigns";
import * as ideas from "../ideas/ideas";
import { notifyStatus } from "../ideas/service";
import { notify } from "../notifications/notifications";
import * as jury from "./jury";
import { getLab } from "../labs/labs";

/** The campaign, if the viewer is on its lab's team; 404 or 403 otherwise. */
export async function requireLabCampaign(campaignId: string, viewer: Viewer): Promise<Campaign> {
  const campaign = await getCampaign(campaignId);
  if (!campaign) throw new Refusal("Cette campagne n’existe pas.", 404);
  if (!hasRole(viewer.principal, campaign.lab_id, "lab_team")) throw new Refusal("Seule l’équipe du lab de cette campagne peut faire cela.", 403);
  return campaign;
}

export const RANKING_PAGE_SIZE = 10;

export interface RankedIdea {
  id: string;
  title: string;
  authorId: string;
  organizationId: string | null;
  status: ideas.IdeaStatus;
  awardKind: ideas.AwardKind | null;
  supports: number;
  submittedAt: Date | null;
  /** 1 for the best weighted mean; null while no juror scored the idea */
  rank: number | null;
  mean: number | null;
  spread: number | null;
  count: number;
  /** criterion id -> mean score */
  byCriterion: Map<string, number>;
}

/**
 * The campaign's ideas in the jury's order: weighted mean (unscored ideas last), then supports,
 * then id, so that the order is total and a page never repeats or skips an idea. Hidden ideas are
 * left out (the lab team moderated them away).
 */
export async function rankCampaign(campaign: Campaign): Promise<{ criteria: Awaited<ReturnType<typeof getCriteria>>; ranked: RankedIdea[] }> {
  const [criteria, list] = await Promise.all([getCriteria(campaign.id), ideas.listCampaignIdeas(campaign.id)]);
  const rank = await jury.ranking(campaign.id, new Map(criteria.map((c) => [c.id, c.weight])));
  const rankById = new Map(rank.map((r) => [r.ideaId, r]));
  const ranked: RankedIdea[] = list
    .filter((i) => !i.hidden_at)
    .map((i) => {
      const r = rankById.get(i.id);
      return {
        id: i.id,
        title: i.title,
        authorId: i.author_id,
        organizationId: i.organization_id,
        status: i.status,
        awardKind: i.award_kind,
        supports: i.support_count,
        submittedAt: i.submitted_at,
        rank: null,
        mean: r?.mean ?? null,
        spread: r?.spread ?? null,
        count: r?.count ?? 0,
        byCriterion: r?.byCriterion ?? new Map(),
      };
    })
    .sort((a, b) => (b.mean ?? -1) - (a.mean ?? -1) || b.supports - a.supports || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  ranked.forEach((r, i) => (r.rank = r.mean !== null ? i + 1 : null));
  return { criteria, ranked };
}

export interface RankingQuery {
  q?: string;
  status?: "submitted" | "under_review" | "awarded" | "not_awarded";
  organizationId?: string;
  awarded?: "yes" | "no";
  page?: number;
}

/** Lower case, without accents: « Cantine » finds « cantine », « Hélène » finds « helene ». */
const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("fr");

/** The lab team's view of a campaign: actions, ranking (filtered, one page of it), jury, participation. */
export async function labCampaignPage(campaignId: string, viewer: Viewer, query: RankingQuery = {}) {
  const campaign = await requireLabCampaign(campaignId, viewer);
  const [eligible, stats, jurorIds, { criteria, ranked }] = await Promise.all([
    getEligibleOrganizationIds(campaign.id),
    ideas.participation(campaign.id),
    jury.listJurors(campaign.id),
    rankCampaign(campaign),
  ]);
  const orgIds = [...eligible, ...stats.byOrganization.map((o) => o.organizationId).filter((x): x is string => !!x)];
  const [orgs, units, users] = await Promise.all([
    getOrganizations(orgIds),
    getUnits(stats.byUnit.map((u) => u.unitId).filter((x): x is string => !!x)),
    getUsers([...jurorIds, ...ranked.map((i) => i.authorId)]),
  ]);
  const name = (id: string) => (users.get(id) ? displayName(users.get(id)!) : "Agent");
  const progress = await Promise.all(jurorIds.map(async (j) => ({ userId: j, name: name(j), scored: (await jury.scoredBy(campaign.id, j)).size })));
  const words = fold(query.q ?? "").split(/\s+/).filter(Boolean);
  const matching = ranked.filter(
    (r) =>
      (!query.status || r.status === query.status) &&
      (!query.organizationId || r.organizationId === query.organizationId) &&
      (!query.awarded || (query.awarded === "yes") === (r.status === "awarded")) &&
      (!words.length || ((text) => words.every((w) => text.includes(w)))(fold(`${r.title} ${name(r.authorId)}`))),
  );
  const pages = Math.max(1, Math.ceil(matching.length / RANKING_PAGE_SIZE));
  const page = Math.min(Math.max(1, query.page ?? 1), pages);
  return {
    campaign,
    labSlug: (await getLab(campaign.lab_id))?.slug ?? null,
    phase: campaignPhase(campaign),
    criteria,
    eligible: eligible.map((id) => orgs.get(id)?.name ?? "?"),
    stats: {
      ...stats,
      byOrganization: stats.byOrganization.map((o) => ({ ...o, name: o.organizationId ? orgs.get(o.organizationId)?.name ?? "?" : "Sans organisation" })),
      byUnit: stats.byUnit.map((u) => ({
        ...u,
        name: u.unitId ? units.get(u.unitId)?.name ?? "?" : "Sans service",
        organization: u.organizationId ? orgs.get(u.organizationId)?.name ?? "" : "",
      })),
    },
    jurors: progress,
    ideaCount: ranked.length,
    /** in the jury's order, for the award form */
    awardable: ranked.filter((r) => r.status === "submitted" || r.status === "under_review").map((r) => ({ id: r.id, title: r.title, mean: r.mean })),
    ranking: {
      total: matching.length,
      page,
      pages,
      rows: matching.slice((page - 1) * RANKING_PAGE_SIZE, page * RANKING_PAGE_SIZE).map((r) => ({
        id: r.id,
        rank: r.rank,
        title: r.title,
        author: name(r.authorId),
        status: r.status,
        awardKind: r.awardKind,
        supports: r.supports,
        mean: r.mean,
        spread: r.spread,
        count: r.count,
      })),
    },
    /** organisations that have ideas in the campaign, for the filter */
    organizations: stats.byOrganization.filter((o) => o.organizationId).map((o) => ({ value: o.organizationId!, label: orgs.get(o.organizationId!)?.name ?? "?" })),
  };
}

export async function assignJurorByEmail(campaignId: string, email: string, viewer: Viewer): Promise<void> {
  const campaign = await requireLabCampaign(campaignId, viewer);
  const user = await findUserByEmail(email);
  if (!user) throw new Refusal(`Aucun compte n’a l’adresse ${email}.`, 400, "email");
  return transaction(async () => {
    if (await jury.assignJuror(campaign.id, user.id, viewer.userId)) {
      await notify({ userId: user.id, kind: "jury_assignment", title: `Vous êtes membre du jury de « ${campaign.title} »`, link: `/jury/campagnes/${campaign.id}` });
    }
  });
}

export async function removeJuror(campaignId: string, userId: string, viewer: Viewer): Promise<void> {
  const campaign = await requireLabCampaign(campaignId, viewer);
  await jury.unassignJuror(campaign.id, userId);
}

export async function awardIdea(campaignId: string, ideaId: string, kind: ideas.AwardKind, citation: string, viewer: Viewer): Promise<void> {
  const campaign = await requireLabCampaign(campaignId, viewer);
  const idea = await ideas.getIdea(ideaId);
  if (!idea || idea.campaign_id !== campaign.id) throw new Refusal("Cette idée n’appartient pas à la campagne.", 404);
  if (idea.status === "draft") throw new Refusal("Un brouillon ne peut pas être primé.", 409);
  return transaction(async () => {
    await ideas.award(idea.id, kind, citation, viewer.userId);
    await notifyStatus([idea], "awarded");
  });
}

export async function closeAwards(campaignId: string, viewer: Viewer): Promise<number> {
  const campaign = await requireLabCampaign(campaignId, viewer);
  if (campaignPhase(campaign) !== "closed") throw new Refusal("Clôturez d’abord la campagne.", 409);
  return transaction(async () => {
    const rows = await ideas.markOthersNotAwarded(campaign.id, viewer.userId);
    await notifyStatus(rows, "not_awarded");
    return rows.length;
  });
}

// ---------------------------------------------------------------- juror side

export async function jurorHome(viewer: Viewer) {
  const ids = await jury.campaignsJudgedBy(viewer.userId);
  const campaigns = await getCampaigns(ids);
  return Promise.all(
    [...campaigns.values()].map(async (c) => {
      const list = (await ideas.listCampaignIdeas(c.id)).filter((i) => !i.hidden_at);
      const scored = await jury.scoredBy(c.id, viewer.userId);
      return { id: c.id, title: c.title, phase: campaignPhase(c), total: list.length, scored: list.filter((i) => scored.has(i.id)).length };
    }),
  );
}

async function requireJuror(campaignId: string, viewer: Viewer): Promise<Campaign> {
  const campaign = await getCampaign(campaignId);
  if (!campaign) throw new Refusal("Cette campagne n’existe pas.", 404);
  if (!(await jury.isJuror(campaign.id, viewer.userId))) throw new Refusal("Vous n’êtes pas membre du jury de cette campagne.", 403);
  return campaign;
}

export async function jurorCampaignPage(campaignId: string, viewer: Viewer) {
  const campaign = await requireJuror(campaignId, viewer);
  const list = (await ideas.listCampaignIdeas(campaign.id)).filter((i) => !i.hidden_at);
  const scored = await jury.scoredBy(campaign.id, viewer.userId);
  return {
    campaign: { id: campaign.id, title: campaign.title, phase: campaignPhase(campaign) },
    ideas: list.map((i) => ({ id: i.id, title: i.title, scored: scored.has(i.id) })),
    scored: list.filter((i) => scored.has(i.id)).length,
  };
}

/** A juror sees other jurors' scores on an idea only once they submitted their own. */
export async function jurorIdeaPage(ideaId: string, viewer: Viewer) {
  const idea = await ideas.getIdea(ideaId);
  if (!idea || idea.status === "draft" || idea.status === "merged" || idea.hidden_at) throw new Refusal("Cette idée n’existe pas.", 404);
  const campaign = await requireJuror(idea.campaign_id, viewer);
  const criteria = await getCriteria(campaign.id);
  const mine = await jury.getEvaluation(idea.id, viewer.userId);
  const others = mine ? (await jury.evaluationsOf(idea.id)).filter((e) => e.juror_id !== viewer.userId) : [];
  const users = await getUsers([idea.author_id, ...others.map((o) => o.juror_id)]);
  const name = (id: string) => (users.get(id) ? displayName(users.get(id)!) : "Juré");
  const list = (await ideas.listCampaignIdeas(campaign.id)).filter((i) => !i.hidden_at);
  const scored = await jury.scoredBy(campaign.id, viewer.userId);
  const next = list.find((i) => !scored.has(i.id) && i.id !== idea.id);
  return {
    campaign: { id: campaign.id, title: campaign.title, scaleMax: campaign.scale_max },
    scoringOpen: campaignPhase(campaign) === "closed",
    idea: { id: idea.id, title: idea.title, problem: idea.problem, proposal: idea.proposal, beneficiaries: idea.beneficiaries, author: name(idea.author_id) },
    criteria: criteria.map((c) => ({ id: c.id, label: c.label, description: c.description, weight: c.weight })),
    mine: mine ? { comment: mine.comment, scores: Object.fromEntries(mine.scores.map((s) => [s.criterion_id, { score: s.score, comment: s.comment }])) } : null,
    others: others.map((o) => ({
      juror: name(o.juror_id),
      comment: o.comment,
      scores: Object.fromEntries(o.scores.map((s) => [s.criterion_id, { score: s.score, comment: s.comment }])),
    })),
    progress: { scored: list.filter((i) => scored.has(i.id)).length, total: list.length },
    nextId: next?.id ?? null,
  };
}

const SCORING_CLOSED = "Le jury note les idées une fois la campagne clôturée : jusque-là, leurs auteurs peuvent encore les modifier.";

/** What a juror needs to score an idea (the grid and the scale), once their right to score it is checked. */
export async function scoringContext(ideaId: string, viewer: Viewer) {
  const idea = await ideas.getIdea(ideaId);
  if (!idea || idea.status === "draft" || idea.status === "merged" || idea.hidden_at) throw new Refusal("Cette idée n’existe pas.", 404);
  const campaign = await requireJuror(idea.campaign_id, viewer);
  if (campaignPhase(campaign) !== "closed") throw new Refusal(SCORING_CLOSED, 409);
  const criteria = await getCriteria(campaign.id);
  return { ideaId: idea.id, scaleMax: campaign.scale_max, criteria: criteria.map((c) => ({ id: c.id, label: c.label })) };
}

export async function scoreIdea(
  ideaId: string,
  viewer: Viewer,
  input: { comment: string; scores: Record<string, { score: number; comment: string }> },
): Promise<void> {
  const idea = await ideas.getIdea(ideaId);
  if (!idea || idea.status === "draft" || idea.status === "merged" || idea.hidden_at) throw new Refusal("Cette idée n’existe pas.", 404);
  const campaign = await requireJuror(idea.campaign_id, viewer);
  if (campaignPhase(campaign) !== "closed") throw new Refusal(SCORING_CLOSED, 409);
  const criteria = await getCriteria(campaign.id);
  const scores = criteria.map((c) => {
    const s = input.scores[c.id];
    if (!s) throw new Refusal(`Note manquante pour le critère « ${c.label} ».`, 400, `score.${c.id}`);
    if (s.score < 0 || s.score > campaign.scale_max) throw new Refusal(`« ${c.label} » : note de 0 à ${campaign.scale_max}.`, 400, `score.${c.id}`);
    return { criterionId: c.id, score: s.score, comment: s.comment };
  });
  await jury.submitEvaluation({ campaignId: campaign.id, ideaId: idea.id, jurorId: viewer.userId, comment: input.comment, scores });
}
