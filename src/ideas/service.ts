import { runtime } from "../kernel/runtime";
import { transaction } from "../kernel/db/transaction";
import { checkUploads } from "../kernel/uploads";
import type { Principal } from "../kernel/permissions";
import { hasRole, labsWhere, Refusal, type Viewer } from "../kernel/permissions";
import { formatNumber } from "../kernel/format";
import { similarPairs } from "../themes/engine";
import { displayName, findUserByEmail, getUser, getUsers } from "../accounts/accounts";
import { getOrganizations, getUnits } from "../organizations/organizations";
import { campaignPhase, getCampaign, getCampaigns, getCampaignTitles, isEligible, type Campaign } from "../campaigns/campaigns";
import { notify } from "../notifications/notifications";
import * as ideas from "./ideas";
import { ideaRights } from "./permissions";

function ownerIds(idea: Pick<ideas.Idea, "author_id">, coauthors: ideas.IdeaCoauthor[]): string[] {
  return [idea.author_id, ...coauthors.filter((c) => c.status === "confirmed").map((c) => c.user_id)];
}

/** Can this viewer submit to this campaign now? Returns a French reason when not. */
export async function submissionBlocker(campaign: Campaign, viewer: Viewer): Promise<string | null> {
  const phase = campaignPhase(campaign);
  if (phase === "draft" || phase === "upcoming") return "Cette campagne n’est pas encore ouverte.";
  if (phase === "closed") return "Cette campagne est clôturée : elle ne reçoit plus d’idées.";
  const user = await getUser(viewer.userId);
  if (!(await isEligible(campaign.id, user?.organization_id ?? null)))
    return "Votre organisation ne fait pas partie des organisations éligibles à cette campagne.";
  return null;
}

export interface IdeaForm extends ideas.IdeaFields {
  coauthorEmails: string[];
  submit: boolean;
}

async function resolveCoauthors(emails: string[], authorId: string): Promise<string[]> {
  const ids: string[] = [];
  for (const email of emails) {
    const u = await findUserByEmail(email);
    if (!u) throw new Refusal(`Co-auteurs : aucun compte n’a l’adresse ${email}.`, 400, "coauthors");
    if (u.id !== authorId && !ids.includes(u.id)) ids.push(u.id);
  }
  return ids;
}

async function inviteAll(idea: ideas.Idea, userIds: string[], actorId: string) {
  for (const uid of userIds) {
    if (await ideas.inviteCoauthor(idea.id, uid, actorId)) {
      await notify({
        userId: uid,
        kind: "coauthor_request",
        title: `Invitation à cosigner l’idée « ${idea.title} »`,
        link: `/idees/${idea.id}`,
      });
    }
  }
}

/** The campaign, if the viewer may submit to it now; 404 or 403 otherwise. Checked before reading the form. */
export async function requireCanSubmit(viewer: Viewer, campaignId: string): Promise<Campaign> {
  const campaign = await getCampaign(campaignId);
  if (!campaign || campaign.state === "draft") throw new Refusal("Cette campagne n’existe pas.", 404);
  const blocker = await submissionBlocker(campaign, viewer);
  if (blocker) throw new Refusal(blocker, 403);
  return campaign;
}

/** An idea with what decides the viewer's rights on it; null when it does not exist. */
async function ideaAccess(ideaId: string, viewer: Viewer) {
  const idea = await ideas.getIdea(ideaId);
  if (!idea) return null;
  const [campaign, coauthors] = await Promise.all([getCampaign(idea.campaign_id), ideas.listCoauthors(idea.id)]);
  const rights = ideaRights(idea, coauthors, viewer, !!campaign && campaignPhase(campaign) === "open");
  const pendingInvite = coauthors.some((c) => c.user_id === viewer.userId && c.status === "pending");
  return { idea, campaign, coauthors, rights, pendingInvite, visible: rights.canView || pendingInvite };
}

/** The idea, if the viewer may see it (invited co-authors included); 404 or 403 otherwise. */
export async function requireVisible(viewer: Viewer, ideaId: string): Promise<ideas.Idea> {
  const access = await ideaAccess(ideaId, viewer);
  if (!access) throw new Refusal("Cette idée n’existe pas.", 404);
  if (!access.visible) throw new Refusal("Cette idée n’est pas visible pour vous.", 403);
  return access.idea;
}

/** The idea, if the viewer may edit it now; 404 or 403 otherwise. Checked before reading the form. */
export async function requireEditable(viewer: Viewer, ideaId: string): Promise<ideas.Idea> {
  const access = await ideaAccess(ideaId, viewer);
  if (!access) throw new Refusal("Cette idée n’existe pas.", 404);
  if (!access.rights.canEdit) throw new Refusal("Vous ne pouvez pas modifier cette idée.", 403);
  return access.idea;
}

/**
 * Submits (or saves as a draft) an idea with its attachments and its co-author invitations and
 * their notifications, in one transaction: all of it is written, or none.
 */
export async function createIdeaFor(viewer: Viewer, campaignId: string, form: IdeaForm, files: FormDataEntryValue[]): Promise<ideas.Idea> {
  const campaign = await requireCanSubmit(viewer, campaignId);
  const uploads = await checkUploads(files, runtime().config.uploadMaxBytes, ideas.MAX_ATTACHMENTS);
  if (!uploads.ok) throw new Refusal(uploads.error, 400, "attachments");
  return transaction(async () => {
    const coauthorIds = await resolveCoauthors(form.coauthorEmails, viewer.userId);
    const user = await getUser(viewer.userId);
    const idea = await ideas.createIdea({
      campaignId,
      labId: campaign.lab_id,
      authorId: viewer.userId,
      organizationId: user?.organization_id ?? null,
      unitId: user?.unit_id ?? null,
      title: form.title,
      problem: form.problem,
      proposal: form.proposal,
      beneficiaries: form.beneficiaries,
      submit: form.submit,
    });
    for (const f of uploads.files) await ideas.addAttachment({ ideaId: idea.id, ...f, uploadedBy: viewer.userId });
    await inviteAll(idea, coauthorIds, viewer.userId);
    return idea;
  });
}

export async function updateIdeaFor(viewer: Viewer, ideaId: string, form: IdeaForm, files: FormDataEntryValue[], removeAttachmentIds: string[]): Promise<ideas.Idea> {
  const idea = await requireEditable(viewer, ideaId);
  return transaction(async () => {
    const existing = await ideas.listAttachments(idea.id);
    const keep = existing.filter((a) => !removeAttachmentIds.includes(a.id)).length;
    const uploads = await checkUploads(files, runtime().config.uploadMaxBytes, ideas.MAX_ATTACHMENTS - keep);
    if (!uploads.ok) throw new Refusal(uploads.error, 400, "attachments");
    const coauthorIds = await resolveCoauthors(form.coauthorEmails, idea.author_id);
    const updated = await ideas.updateIdea(idea.id, form, viewer.userId, form.submit);
    for (const id of removeAttachmentIds) await ideas.deleteAttachment(idea.id, id);
    for (const f of uploads.files) await ideas.addAttachment({ ideaId: idea.id, ...f, uploadedBy: viewer.userId });
    await inviteAll(updated, coauthorIds, viewer.userId);
    return updated;
  });
}

/** Everything the idea page shows, or null when the viewer may not see it. */
export async function loadIdeaPage(ideaId: string, viewer: Viewer) {
  const access = await ideaAccess(ideaId, viewer);
  if (!access) return null;
  const { idea, campaign, coauthors, rights, pendingInvite } = access;
  if (!access.visible) return { forbidden: true as const };
  const [events, comments, attachments, supported, mergedInto] = await Promise.all([
    ideas.history(idea.id),
    ideas.listComments(idea.id),
    ideas.listAttachments(idea.id),
    ideas.hasSupported(idea.id, viewer.userId),
    idea.merged_into_id ? ideas.getIdea(idea.merged_into_id) : undefined,
  ]);
  const users = await getUsers([idea.author_id, ...coauthors.map((c) => c.user_id), ...comments.map((c) => c.author_id)]);
  const orgs = await getOrganizations(idea.organization_id ? [idea.organization_id] : []);
  const units = await getUnits(idea.unit_id ? [idea.unit_id] : []);
  const name = (id: string) => {
    const u = users.get(id);
    return u ? displayName(u) : "Agent";
  };
  const owner = rights.isAuthor || rights.isCoauthor;
  return {
    forbidden: false as const,
    idea,
    campaign: campaign ? { id: campaign.id, title: campaign.title, phase: campaignPhase(campaign) } : null,
    author: name(idea.author_id),
    organization: idea.organization_id ? orgs.get(idea.organization_id)?.name ?? null : null,
    unit: idea.unit_id ? units.get(idea.unit_id)?.name ?? null : null,
    coauthors: coauthors
      .filter((c) => c.status === "confirmed" || owner || c.user_id === viewer.userId)
      .map((c) => ({ userId: c.user_id, name: name(c.user_id), status: c.status })),
    pendingInvite,
    mergedInto: mergedInto ? { id: mergedInto.id, title: mergedInto.title } : null,
    events: owner || rights.canModerate ? events : events.filter((e) => e.kind === "status" || e.kind === "merge"),
    comments: comments
      .filter((c) => !c.hidden_at || rights.canModerate || c.author_id === viewer.userId)
      .map((c) => ({ ...c, authorName: name(c.author_id), mine: c.author_id === viewer.userId })),
    attachments,
    supported,
    rights,
  };
}

export async function commentOn(viewer: Viewer, ideaId: string, body: string): Promise<void> {
  const access = await ideaAccess(ideaId, viewer);
  if (!access) throw new Refusal("Cette idée n’existe pas.", 404);
  if (!access.rights.canComment) throw new Refusal("Vous ne pouvez pas commenter cette idée.", 403);
  await transaction(async () => {
    await ideas.addComment(ideaId, viewer.userId, body);
    const recipients = ownerIds(access.idea, access.coauthors).filter((id) => id !== viewer.userId);
    await notify(recipients.map((userId) => ({ userId, kind: "idea_comment" as const, title: `Nouveau commentaire sur « ${access.idea.title} »`, link: `/idees/${ideaId}#commentaires` })));
  });
}

export async function supportIdea(viewer: Viewer, ideaId: string, on: boolean): Promise<number> {
  const access = await ideaAccess(ideaId, viewer);
  if (!access) throw new Refusal("Cette idée n’existe pas.", 404);
  if (!access.rights.canSupport) throw new Refusal("Vous ne pouvez pas soutenir cette idée.", 403);
  return ideas.setSupport(ideaId, viewer.userId, on);
}

export async function answerInvitation(viewer: Viewer, ideaId: string, accept: boolean): Promise<void> {
  const idea = await ideas.getIdea(ideaId);
  if (!idea) throw new Refusal("Cette idée n’existe pas.", 404);
  await transaction(async () => {
    if (!(await ideas.answerCoauthor(ideaId, viewer.userId, accept))) throw new Refusal("Aucune invitation en attente pour cette idée.", 409);
    const me = await getUser(viewer.userId);
    await notify({
      userId: idea.author_id,
      kind: "coauthor_answer",
      title: `${me ? displayName(me) : "Un agent"} a ${accept ? "accepté" : "décliné"} d’être co-auteur de « ${idea.title} »`,
      link: `/idees/${ideaId}`,
    });
  });
}

/** The idea, if the viewer may comment on it; 404 or 403 otherwise. Checked before reading the form. */
export async function requireCanComment(viewer: Viewer, ideaId: string): Promise<ideas.Idea> {
  const access = await ideaAccess(ideaId, viewer);
  if (!access) throw new Refusal("Cette idée n’existe pas.", 404);
  if (!access.rights.canComment) throw new Refusal("Vous ne pouvez pas commenter cette idée.", 403);
  return access.idea;
}

/** The idea, if the viewer may moderate it (the lab team of its lab); 404 or 403 otherwise. Checked before reading the form. */
export async function requireModerator(viewer: Viewer, ideaId: string) {
  const idea = await ideas.getIdea(ideaId);
  if (!idea) throw new Refusal("Cette idée n’existe pas.", 404);
  const rights = ideaRights(idea, [], viewer, false);
  if (!rights.canModerate) throw new Refusal("Seule l’équipe du lab peut modérer.", 403);
  return idea;
}

export async function moderateIdea(viewer: Viewer, ideaId: string, hide: boolean, reason: string): Promise<void> {
  const idea = await requireModerator(viewer, ideaId);
  if (hide) {
    await transaction(async () => {
      await ideas.hideIdea(ideaId, reason, viewer.userId);
      const coauthors = await ideas.listCoauthors(ideaId);
      await notify(ownerIds(idea, coauthors).map((userId) => ({ userId, kind: "moderation" as const, title: `Votre idée « ${idea.title} » a été masquée : ${reason}`, link: `/idees/${ideaId}` })));
    });
  } else {
    await ideas.unhideIdea(ideaId, viewer.userId);
  }
}

export async function moderateComment(viewer: Viewer, ideaId: string, commentId: string, reason: string): Promise<void> {
  await requireModerator(viewer, ideaId);
  const comment = await ideas.getComment(commentId);
  if (!comment || comment.idea_id !== ideaId) throw new Refusal("Ce commentaire n’existe pas.", 404);
  await transaction(async () => {
    await ideas.hideComment(commentId, reason, viewer.userId);
    await notify({ userId: comment.author_id, kind: "moderation", title: `Votre commentaire a été masqué : ${reason}`, link: `/idees/${ideaId}#commentaires` });
  });
}

/** The public list with names resolved; lab team members also see hidden ideas of their labs. */
export async function browseIdeas(viewer: Viewer | null, query: ideas.IdeaListQuery) {
  const moderatedLabIds = viewer ? labsWhere(viewer.principal, "lab_team") : [];
  const { items, total, next, prev, search } = await ideas.listIdeas({ ...query, moderatedLabIds });
  const [users, orgs, campaigns] = await Promise.all([
    getUsers(items.map((i) => i.author_id)),
    getOrganizations(items.map((i) => i.organization_id).filter((x): x is string => !!x)),
    getCampaignTitles(items.map((i) => i.campaign_id)),
  ]);
  return {
    total,
    next,
    prev,
    search,
    items: items.map((i) => ({
      ...i,
      author: users.get(i.author_id) ? displayName(users.get(i.author_id)!) : "Agent",
      organization: i.organization_id ? orgs.get(i.organization_id)?.name ?? null : null,
      campaign: campaigns.get(i.campaign_id) ?? "",
    })),
  };
}

/** Typed texts shorter than this are not compared: too few words to mean anything. */
export const SIMILAR_MIN_CHARS = 12;

export interface SimilarIdeaView {
  id: string;
  title: string;
  campaign: string;
  status: ideas.IdeaStatus;
  supports: number;
  author: string;
}

/**
 * Published ideas close to what the viewer is writing (any campaign), with names resolved, so
 * that they can support or join one instead of submitting a duplicate. `null` when the text is
 * too short to compare. Every signed-in user may ask: only ideas they may already read come back.
 */
export async function similarIdeasFor(_viewer: Viewer, text: { title: string; problem: string; proposal: string }, excludeId?: string): Promise<SimilarIdeaView[] | null> {
  const body = `${text.problem}\n${text.proposal}`.trim();
  if ((text.title.trim() + body).length < SIMILAR_MIN_CHARS) return null;
  const found = await ideas.findSimilarIdeas({ title: text.title, body }, { excludeId, limit: 5 });
  const [users, campaigns] = await Promise.all([getUsers(found.map((i) => i.author_id)), getCampaignTitles(found.map((i) => i.campaign_id))]);
  return found.map((i) => ({
    id: i.id,
    title: i.title,
    campaign: campaigns.get(i.campaign_id) ?? "",
    status: i.status,
    supports: i.support_count,
    author: users.get(i.author_id) ? displayName(users.get(i.author_id)!) : "Agent",
  }));
}

/** « Mes idées »: each idea with its status, dated history and pending invitations. */
export async function myIdeas(viewer: Viewer) {
  const list = await ideas.listIdeasOf(viewer.userId);
  const [histories, campaigns] = await Promise.all([
    ideas.historiesOf(list.map((i) => i.id)),
    getCampaigns(list.map((i) => i.campaign_id)),
  ]);
  return list.map((i) => ({
    ...i,
    campaign: campaigns.get(i.campaign_id)?.title ?? "",
    events: (histories.get(i.id) ?? []).filter((e) => e.kind === "status" || e.kind === "hidden" || e.kind === "unhidden" || e.kind === "merge"),
  }));
}

export async function notifyStatus(rows: Pick<ideas.Idea, "id" | "author_id" | "title">[], status: ideas.IdeaStatus): Promise<void> {
  const label = ideas.ideaStatuses[status].toLowerCase();
  const recipients: { userId: string; kind: "idea_status"; title: string; link: string }[] = [];
  for (const r of rows) {
    const co = await ideas.listCoauthors(r.id);
    for (const userId of ownerIds(r, co)) recipients.push({ userId, kind: "idea_status", title: `Votre idée « ${r.title} » est ${label}`, link: `/idees/${r.id}` });
  }
  await notify(recipients);
}

// ---------------------------------------------------------------- likely duplicates and merging (lab team)

/** Cosine of TF-IDF vectors above which two ideas of a campaign are shown as likely duplicates. */
export const DUPLICATE_THRESHOLD = 0.35;
const MAX_PAIRS = 100;

/** The campaign, if the viewer is on its lab's team; 404 or 403 otherwise (as the jury's requireLabCampaign). */
export async function requireCampaignLabTeam(viewer: Viewer, campaignId: string): Promise<Campaign> {
  const campaign = await getCampaign(campaignId);
  if (!campaign) throw new Refusal("Cette campagne n’existe pas.", 404);
  if (!hasRole(viewer.principal, campaign.lab_id, "lab_team")) throw new Refusal("Seule l’équipe du lab de cette campagne peut faire cela.", 403);
  return campaign;
}

/** « 87 % » */
export function formatSimilarity(s: number): string {
  return `${formatNumber(Math.round(s * 100))}\u00a0%`;
}

/**
 * The likely duplicate pairs among a campaign's published ideas (no drafts, hidden or merged
 * ideas), most similar first. One pair is shown when either measure flags it:
 * - the theme engine's cosine of their TF-IDF vectors (words and pairs of words) is at least
 *   DUPLICATE_THRESHOLD;
 * - or the hint shown while typing an idea (findSimilarIdeas: the rarest words of one idea's text,
 *   ranked with ts_rank, at least SIMILAR_MIN_SCORE) lists the other among its five closest ideas
 *   of the campaign, from either side. What the hint flagged while an agent typed, the lab sees.
 */
export async function duplicatesPage(viewer: Viewer, campaignId: string) {
  const campaign = await requireCampaignLabTeam(viewer, campaignId);
  const list = (await ideas.listCampaignIdeas(campaign.id)).filter((i) => !i.hidden_at);
  const started = performance.now();
  const cosines = await similarPairs(
    list.map((i) => ({ id: i.id, title: i.title, text: `${i.problem}\n${i.proposal}` })),
    { threshold: 0.05, limit: 100_000 },
  );
  const key = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
  const cosineOf = new Map(cosines.map((p) => [key(p.a, p.b), p.similarity]));
  const hinted = new Set<string>();
  // the hint's own query for each idea, a few at a time
  for (let i = 0; i < list.length; i += 4) {
    await Promise.all(
      list.slice(i, i + 4).map(async (idea) => {
        const near = await ideas.findSimilarIdeas({ title: idea.title, body: `${idea.problem}\n${idea.proposal}` }, { excludeId: idea.id, campaignId: campaign.id, limit: 5 });
        for (const other of near) hinted.add(key(idea.id, other.id));
      }),
    );
  }
  const order = new Map(list.map((idea, n) => [idea.id, n]));
  const pairs = [...new Set([...cosines.filter((p) => p.similarity >= DUPLICATE_THRESHOLD).map((p) => key(p.a, p.b)), ...hinted])]
    .map((k) => {
      const [x, y] = k.split(" ");
      const [a, b] = (order.get(x) ?? 0) < (order.get(y) ?? 0) ? [x, y] : [y, x];
      return { a, b, similarity: cosineOf.get(k) ?? 0, hinted: hinted.has(k) };
    })
    .filter((p) => order.has(p.a) && order.has(p.b))
    .sort((p, q) => q.similarity - p.similarity || Number(q.hinted) - Number(p.hinted) || (p.a + p.b < q.a + q.b ? -1 : 1))
    .slice(0, MAX_PAIRS);
  const seconds = (performance.now() - started) / 1000;
  const byId = new Map(list.map((i) => [i.id, i]));
  const users = await getUsers(list.filter((i) => pairs.some((p) => p.a === i.id || p.b === i.id)).map((i) => i.author_id));
  const view = (id: string) => {
    const i = byId.get(id)!;
    const u = users.get(i.author_id);
    return { id: i.id, title: i.title, author: u ? displayName(u) : "Agent", status: i.status, supports: i.support_count, comments: i.comment_count };
  };
  return {
    campaign: { id: campaign.id, title: campaign.title },
    ideaCount: list.length,
    seconds,
    threshold: formatSimilarity(DUPLICATE_THRESHOLD),
    pairs: pairs.map((p) => ({
      a: view(p.a),
      b: view(p.b),
      similarity: p.similarity,
      percent: formatSimilarity(p.similarity),
      /** Above the engine's threshold. */
      close: p.similarity >= DUPLICATE_THRESHOLD,
      /** Flagged by the hint shown while typing. */
      hinted: p.hinted,
    })),
  };
}

/**
 * Merges two ideas of a campaign (lab team of its lab only): the kept idea absorbs the other
 * (authors, supports, comments), which becomes « fusionnée » and points to it. Both ideas'
 * authors and confirmed co-authors are told.
 */
export async function mergeDuplicate(viewer: Viewer, campaignId: string, keptId: string, absorbedId: string): Promise<{ kept: ideas.Idea; absorbed: ideas.Idea }> {
  const campaign = await requireCampaignLabTeam(viewer, campaignId);
  if (keptId === absorbedId) throw new Refusal("Une idée ne peut pas être fusionnée avec elle-même.", 400, "keep");
  const found = await ideas.getIdeas([keptId, absorbedId]);
  const kept = found.get(keptId);
  const absorbed = found.get(absorbedId);
  if (!kept || !absorbed) throw new Refusal("Cette idée n’existe pas.", 404);
  if (kept.campaign_id !== campaign.id || absorbed.campaign_id !== campaign.id)
    throw new Refusal("Seules deux idées de cette campagne peuvent être fusionnées : ces idées appartiennent à des campagnes différentes.", 400, "keep");
  const [keptCo, absorbedCo, me] = await Promise.all([ideas.listCoauthors(kept.id), ideas.listCoauthors(absorbed.id), getUser(viewer.userId)]);
  // The merge and its notifications: one transaction (a merge nobody is told about never commits).
  return transaction(async () => {
    let result: { kept: ideas.Idea; absorbed: ideas.Idea };
    try {
      result = await ideas.mergeIdeas(kept.id, absorbed.id, { id: viewer.userId, name: me ? displayName(me) : "l’équipe du lab" });
    } catch (err) {
      if (err instanceof ideas.MergeConflict) throw new Refusal(err.message, 409);
      throw err;
    }
    const keptOwners = ownerIds(kept, keptCo);
    const absorbedOwners = ownerIds(absorbed, absorbedCo).filter((id) => !keptOwners.includes(id));
    await notify([
      ...keptOwners.map((userId) => ({
        userId,
        kind: "idea_merged" as const,
        title: `L’idée « ${absorbed.title} » a été fusionnée avec votre idée « ${kept.title} » : ses auteurs, soutiens et commentaires la rejoignent`,
        link: `/idees/${kept.id}`,
      })),
      ...absorbedOwners.map((userId) => ({
        userId,
        kind: "idea_merged" as const,
        title: `Votre idée « ${absorbed.title} » a été fusionnée avec l’idée « ${kept.title} », dont vous êtes désormais co-auteur`,
        link: `/idees/${kept.id}`,
      })),
    ]);
    return result;
  });
}
