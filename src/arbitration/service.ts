import { runtime } from "../kernel/runtime";
import { isUniqueViolation, transaction } from "../kernel/db/transaction";
import { isoDay } from "../kernel/format";
import { checkUploads } from "../kernel/uploads";
import { hasRole, labsWhere, Refusal, type Viewer } from "../kernel/permissions";
import { displayName, findUserByEmail, getUser, getUsers } from "../accounts/accounts";
import { getUnits } from "../organizations/organizations";
import { usersWithRole } from "../labs/labs";
import { holdersOf } from "../ideas/ideas";
import { markReadAbout, notify } from "../notifications/notifications";
import { publishedTheme } from "../themes";
import * as minilabs from "../minilabs/minilabs";
import { mayBeToldOf } from "../minilabs/service";
import { mailDecision, mailSubmitted } from "./mails";
import * as arb from "./arbitration";
import { minilabNamed } from "../minilabs/names";

/** Directorates are compared by name: apostrophes (’ ') and case do not matter. */
export function normaliseDirectorate(s: string): string {
  return s
    .normalize("NFC")
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLocaleLowerCase("fr");
}

/** A user's directorate: the name of their unit, when they have one. */
export async function directorateOf(userId: string): Promise<string | null> {
  const u = await getUser(userId);
  if (!u?.unit_id) return null;
  return (await getUnits([u.unit_id])).get(u.unit_id)?.name ?? null;
}

async function requireMinilab(id: string) {
  const m = await minilabs.getMinilab(id);
  if (!m) throw new Refusal("Ce Mini-Lab n’existe pas.", 404);
  return m;
}

async function isActiveMember(viewer: Viewer, minilabId: string): Promise<minilabs.MinilabMember | undefined> {
  const me = await minilabs.getMember(minilabId, viewer.userId);
  return me?.status === "active" ? me : undefined;
}

async function isFollowUpOwner(viewer: Viewer, p: arb.Proposal): Promise<boolean> {
  return arb.currentDecision((await arb.decisionsOf([p.id])).get(p.id))?.follow_up_owner_id === viewer.userId;
}

/** Who may do what with a proposal (its page, its decisions, the exports of decisions). */
export async function rightsOn(viewer: Viewer, p: arb.Proposal, m: minilabs.Minilab) {
  const member = await minilabs.getMember(m.id, viewer.userId);
  const me = member?.status === "active" ? member : undefined;
  const labTeam = hasRole(viewer.principal, m.lab_id, "lab_team");
  const director = p.status === "submitted" && hasRole(viewer.principal, m.lab_id, "director");
  const mine = director ? await directorateOf(viewer.userId) : null;
  const canDecide = director && !!mine && normaliseDirectorate(mine) === normaliseDirectorate(p.directorate);
  const draft = p.status === "draft";
  // A private Mini-Lab's proposals: its members, the lab team, the directorate they are addressed
  // to, and the follow-up owner the director named (told by the decision's notification).
  const visible = minilabs.visibleTo(m, member?.status, labTeam) || canDecide || (p.status === "submitted" && (await isFollowUpOwner(viewer, p)));
  return {
    canView: visible && (!draft || !!me || labTeam),
    canEdit: draft && !!me,
    canSubmit: draft && ((!!me && p.author_id === viewer.userId) || me?.role === "facilitator"),
    canDecide,
  };
}

async function requireProposal(viewer: Viewer, id: string) {
  const p = await arb.getProposal(id);
  if (!p) throw new Refusal("Cette proposition n’existe pas.", 404);
  const m = await requireMinilab(p.minilab_id);
  const rights = await rightsOn(viewer, p, m);
  if (!rights.canView) throw new Refusal("Cette proposition n’existe pas.", 404);
  return { proposal: p, minilab: m, rights };
}

/** The Mini-Lab, if the viewer may write a proposal in it (an active member or facilitator). */
export async function requireCanPropose(viewer: Viewer, minilabId: string) {
  const m = await requireMinilab(minilabId);
  if (!(await isActiveMember(viewer, m.id))) throw new Refusal("Seuls les membres et les animateurs du Mini-Lab rédigent ses propositions.", 403);
  if (minilabs.phaseOf(m) === "done") throw new Refusal("Le cycle de ce Mini-Lab est terminé : il ne reçoit plus de propositions.", 403);
  if (!m.directorates.length) throw new Refusal("Ce Mini-Lab n’a pas de direction concernée : l’équipe du lab doit en indiquer une.", 403);
  return m;
}

/** What the new-proposal form needs. */
export async function newProposalForm(viewer: Viewer, minilabId: string) {
  const m = await requireCanPropose(viewer, minilabId);
  return { minilab: { id: m.id, name: m.name }, directorates: m.directorates, maxMb: Math.round(runtime().config.uploadMaxBytes / 1024 / 1024) };
}

function checkDirectorate(m: minilabs.Minilab, directorate: string): string {
  const found = m.directorates.find((d) => normaliseDirectorate(d) === normaliseDirectorate(directorate));
  if (!found) throw new Refusal("Direction concernée : choisissez une des directions du Mini-Lab.", 400, "directorate");
  return found;
}

export async function createProposalFor(viewer: Viewer, minilabId: string, fields: arb.ProposalFields, files: FormDataEntryValue[]): Promise<arb.Proposal> {
  const m = await requireCanPropose(viewer, minilabId);
  const directorate = checkDirectorate(m, fields.directorate);
  const uploads = await checkUploads(files, runtime().config.uploadMaxBytes, arb.MAX_ATTACHMENTS);
  if (!uploads.ok) throw new Refusal(uploads.error, 400, "attachments");
  return transaction(async () => {
    const p = await arb.createProposal(m.id, viewer.userId, { ...fields, directorate });
    for (const f of uploads.files) await arb.addAttachment({ proposalId: p.id, ...f, uploadedBy: viewer.userId });
    return p;
  });
}

/** The draft, if the viewer may edit it now. */
export async function requireEditableProposal(viewer: Viewer, id: string) {
  const r = await requireProposal(viewer, id);
  if (r.proposal.status !== "draft") throw new Refusal("Cette proposition est soumise pour restitution : elle ne se modifie plus.", 403);
  if (!r.rights.canEdit) throw new Refusal("Seuls les membres du Mini-Lab modifient ses propositions.", 403);
  return r;
}

export async function editProposalPage(viewer: Viewer, id: string) {
  const { proposal: p, minilab: m } = await requireEditableProposal(viewer, id);
  const attachments = await arb.listAttachments(p.id);
  return {
    proposal: {
      id: p.id,
      title: p.title,
      problem: p.problem,
      solution: p.solution,
      impact: p.impact,
      resources: p.resources,
      cost: p.cost_eur === null ? "" : String(p.cost_eur),
      directorate: p.directorate,
    },
    minilab: { id: m.id, name: m.name },
    directorates: m.directorates,
    attachments: attachments.map((a) => ({ id: a.id, filename: a.filename })),
    maxMb: Math.round(runtime().config.uploadMaxBytes / 1024 / 1024),
  };
}

export async function updateProposalFor(viewer: Viewer, id: string, fields: arb.ProposalFields, files: FormDataEntryValue[], removeIds: string[]): Promise<arb.Proposal> {
  const { proposal, minilab: m } = await requireEditableProposal(viewer, id);
  const directorate = checkDirectorate(m, fields.directorate);
  const keep = (await arb.listAttachments(proposal.id)).filter((a) => !removeIds.includes(a.id)).length;
  const uploads = await checkUploads(files, runtime().config.uploadMaxBytes, arb.MAX_ATTACHMENTS - keep);
  if (!uploads.ok) throw new Refusal(uploads.error, 400, "attachments");
  return transaction(async () => {
    const updated = await arb.updateDraft(proposal.id, { ...fields, directorate });
    if (!updated) throw new Refusal("Cette proposition vient d’être soumise : elle ne se modifie plus.", 409);
    for (const a of removeIds) await arb.deleteAttachment(proposal.id, a);
    for (const f of uploads.files) await arb.addAttachment({ proposalId: proposal.id, ...f, uploadedBy: viewer.userId });
    return updated;
  });
}

/** « Soumettre pour restitution »: by its author or a facilitator; the proposal is frozen from then on. */
export async function submitProposal(viewer: Viewer, id: string): Promise<arb.Proposal> {
  const { proposal, minilab, rights } = await requireProposal(viewer, id);
  if (proposal.status !== "draft") throw new Refusal("Cette proposition est déjà soumise pour restitution.", 409);
  if (!rights.canSubmit) throw new Refusal("Seuls l’auteur de la proposition et les animateurs du Mini-Lab la soumettent.", 403);
  // Submitted, and the directors told (notifications and mails), together or not at all.
  return transaction(async () => {
    const done = await arb.markSubmitted(proposal.id, viewer.userId);
    if (!done) throw new Refusal("Cette proposition est déjà soumise pour restitution.", 409);
    await notifyDirectors(done, minilab);
    return done;
  });
}

/** The directors of the lab whose directorate the proposal is addressed to: in the application and by email. */
async function notifyDirectors(p: arb.Proposal, m: minilabs.Minilab): Promise<void> {
  const directors = await usersWithRole(m.lab_id, "director");
  const addressed: string[] = [];
  for (const id of directors) {
    const mine = await directorateOf(id);
    if (mine && normaliseDirectorate(mine) === normaliseDirectorate(p.directorate)) addressed.push(id);
  }
  await notify(addressed.map((userId) => ({ userId, kind: "proposal_submitted" as const, title: `Le ${minilabNamed(m.name)} vous soumet la proposition « ${p.title} »`, link: `/propositions/${p.id}` })));
  await mailSubmitted(p, m, addressed);
}

/** An attachment of a proposal the viewer may see. */
export async function proposalAttachment(viewer: Viewer, id: string, attachmentId: string) {
  await requireProposal(viewer, id);
  const att = await arb.getAttachment(id, attachmentId);
  if (!att) throw new Refusal("Cette pièce jointe n’existe pas.", 404);
  return att;
}

const nameOf = (users: Awaited<ReturnType<typeof getUsers>>, id: string | null) => {
  const u = id ? users.get(id) : undefined;
  return u ? displayName(u) : "Agent";
};

/** Everything the proposal page shows, with the decision history (oldest first). */
export async function proposalPage(viewer: Viewer, id: string) {
  const { proposal: p, minilab: m, rights } = await requireProposal(viewer, id);
  const [attachments, chains] = await Promise.all([arb.listAttachments(p.id), arb.decisionsOf([p.id])]);
  const decisions = chains.get(p.id) ?? [];
  const users = await getUsers([p.author_id, ...(p.submitted_by ? [p.submitted_by] : []), ...decisions.flatMap((d) => [d.decided_by, ...(d.follow_up_owner_id ? [d.follow_up_owner_id] : [])])]);
  const current = arb.currentDecision(decisions);
  return {
    proposal: {
      id: p.id,
      title: p.title,
      problem: p.problem,
      solution: p.solution,
      impact: p.impact,
      resources: p.resources,
      costEur: p.cost_eur,
      directorate: p.directorate,
      status: p.status,
      statusLabel: arb.proposalStanding(p, current).label,
      statusTone: arb.proposalStanding(p, current).tone,
      author: nameOf(users, p.author_id),
      createdAt: p.created_at,
      submittedAt: p.submitted_at,
      submittedBy: p.submitted_by ? nameOf(users, p.submitted_by) : null,
    },
    minilab: { id: m.id, name: m.name },
    attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, mime: a.mime, size: a.size })),
    decisions: decisions.map((d) => ({
      id: d.id,
      outcome: d.outcome,
      outcomeLabel: arb.decisionOutcomes[d.outcome],
      reason: d.reason,
      followUpOwner: d.follow_up_owner_id ? nameOf(users, d.follow_up_owner_id) : null,
      followUpDue: d.follow_up_due,
      correctsId: d.corrects_id,
      decidedBy: nameOf(users, d.decided_by),
      decidedAt: d.decided_at,
      current: d.id === current?.id,
    })),
    currentId: current?.id ?? null,
    rights,
  };
}

/** The proposals shown on a Mini-Lab's page: submitted ones to everyone, drafts to its members and the lab team. */
export async function minilabProposals(viewer: Viewer, minilabId: string) {
  const m = await requireMinilab(minilabId);
  const member = await minilabs.getMember(m.id, viewer.userId);
  if (!minilabs.visibleTo(m, member?.status, hasRole(viewer.principal, m.lab_id, "lab_team"))) throw new Refusal("Ce Mini-Lab n’existe pas.", 404);
  const me = member?.status === "active" ? member : undefined;
  const seeDrafts = !!me || hasRole(viewer.principal, m.lab_id, "lab_team");
  const list = (await arb.proposalsOfMinilabs([m.id])).filter((p) => p.status === "submitted" || seeDrafts);
  const chains = await arb.decisionsOf(list.map((p) => p.id));
  const users = await getUsers(list.map((p) => p.author_id));
  return {
    canPropose: !!me && minilabs.phaseOf(m) !== "done" && m.directorates.length > 0,
    proposals: list.map((p) => {
      const current = arb.currentDecision(chains.get(p.id));
      return {
        id: p.id,
        title: p.title,
        author: nameOf(users, p.author_id),
        directorate: p.directorate,
        status: p.status,
        statusLabel: arb.proposalStanding(p, current).label,
        decision: current ? arb.decisionOutcomes[current.outcome] : null,
      };
    }),
  };
}

/** « Arbitrage »: the submitted proposals addressed to the director's directorate, pending first. */
export async function arbitrationPage(viewer: Viewer) {
  const labIds = labsWhere(viewer.principal, "director");
  if (!labIds.length) throw new Refusal("Cette page est réservée aux directions.", 403);
  const directorate = await directorateOf(viewer.userId);
  if (!directorate) return { directorate: null, pending: [], decided: [] };
  const key = normaliseDirectorate(directorate);
  const labs = await minilabs.listMinilabs(labIds);
  const byId = new Map(labs.map((m) => [m.id, m]));
  const list = (await arb.submittedProposalsOfMinilabs(labs.map((m) => m.id))).filter((p) => normaliseDirectorate(p.directorate) === key);
  const chains = await arb.decisionsOf(list.map((p) => p.id));
  const rows = list
    .map((p) => {
      const current = arb.currentDecision(chains.get(p.id));
      return {
        id: p.id,
        title: p.title,
        minilab: byId.get(p.minilab_id)?.name ?? "",
        minilabId: p.minilab_id,
        submittedAt: p.submitted_at,
        costEur: p.cost_eur,
        decision: current ? { label: arb.decisionOutcomes[current.outcome], at: current.decided_at, corrections: (chains.get(p.id)?.length ?? 1) - 1 } : null,
      };
    })
    .sort((a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0));
  return { directorate, pending: rows.filter((r) => !r.decision), decided: rows.filter((r) => r.decision) };
}

export interface DecisionInput {
  outcome: arb.DecisionOutcome;
  reason: string;
  followUpEmail: string | null;
  followUpDue: Date | null;
  /** The current decision this one corrects; null for the first decision. */
  correctsId: string | null;
}

/**
 * Records a director's decision on a submitted proposal addressed to their directorate, in a lab
 * where they hold the role. The first decision has no `correctsId`; any later one must correct the
 * current one. Notified to the Mini-Lab's members, the proposal's author, the holders of every idea
 * of the Mini-Lab's theme, and the follow-up owner.
 */
export async function decide(viewer: Viewer, proposalId: string, input: DecisionInput): Promise<arb.Decision> {
  const { proposal: p, minilab: m, rights } = await requireProposal(viewer, proposalId);
  if (p.status !== "submitted") throw new Refusal("Cette proposition n’est pas encore soumise pour restitution.", 409);
  if (!rights.canDecide) throw new Refusal("Seule la direction à laquelle la proposition est adressée, dans le lab du Mini-Lab, décide.", 403);
  const reason = input.reason.trim();
  if (reason.length < 5) throw new Refusal("Motif : obligatoire, au moins 5 caractères.", 400, "reason");
  let ownerId: string | null = null;
  let due: Date | null = null;
  if (arb.isAdoption(input.outcome)) {
    if (!input.followUpEmail) throw new Refusal("Responsable du suivi : obligatoire quand la proposition est adoptée.", 400, "followUpOwner");
    const owner = await findUserByEmail(input.followUpEmail);
    if (!owner) throw new Refusal(`Responsable du suivi : aucun compte n’a l’adresse ${input.followUpEmail}.`, 400, "followUpOwner");
    if (!input.followUpDue) throw new Refusal("Échéance du suivi : obligatoire quand la proposition est adoptée.", 400, "followUpDue");
    if (isoDay(input.followUpDue) < isoDay(new Date())) throw new Refusal("Échéance du suivi : choisissez une date à venir.", 400, "followUpDue");
    ownerId = owner.id;
    due = input.followUpDue;
  }
  return transaction(async () => {
    const current = arb.currentDecision((await arb.decisionsOf([p.id])).get(p.id));
    if (current && input.correctsId !== current.id)
      throw new Refusal(
        input.correctsId ? "La décision a été corrigée entre-temps : relisez l’historique avant de la corriger." : "Une décision est déjà publiée : enregistrez une correction qui la remplace.",
        409,
      );
    if (!current && input.correctsId) throw new Refusal("Il n’y a pas encore de décision à corriger.", 409);
    let decision: arb.Decision;
    try {
      // In a savepoint: a refused insert leaves the use case's transaction usable to report it.
      decision = await transaction(() =>
        arb.insertDecision({ proposalId: p.id, outcome: input.outcome, reason, followUpOwnerId: ownerId, followUpDue: due, correctsId: input.correctsId, decidedBy: viewer.userId }),
      );
    } catch (err) {
      // Two directors at once: the unique indexes (one first decision, one correction of each)
      // keep one chain — a real conflict. Any other database error is not the user's: it goes up
      // as a server error, logged, never shown as « someone decided first ».
      if (isUniqueViolation(err)) throw new Refusal("Une autre décision vient d’être enregistrée : relisez l’historique.", 409);
      throw err;
    }
    await notifyDecision(p, m, decision, viewer.userId);
    // the director's « proposition soumise » notification announced this task: it is done
    await markReadAbout(viewer.userId, "proposal_submitted", `/propositions/${p.id}`);
    return decision;
  });
}

/**
 * Who is told of a decision: the Mini-Lab's active members, the proposal's author and the holders
 * of its theme's ideas — of a private Mini-Lab, only those of them who may see it (its members,
 * invited ones included, and the lab team): a holder outside a private Mini-Lab is told nothing,
 * neither in the application nor by mail. The follow-up owner named by the director is told in any
 * case, and may then read the proposal.
 */
async function notifyDecision(p: arb.Proposal, m: minilabs.Minilab, d: arb.Decision, deciderId: string): Promise<void> {
  const members = (await minilabs.listMembers([m.id])).filter((x) => x.status === "active").map((x) => x.user_id);
  const theme = m.theme_id ? await publishedTheme(m.theme_id, m.lab_id) : null;
  const holders = theme ? [...(await holdersOf(theme.ideaIds)).values()].flat() : [];
  const label = arb.decisionOutcomes[d.outcome].toLowerCase();
  const correction = d.corrects_id ? " (décision corrigée)" : "";
  const link = `/propositions/${p.id}`;
  const candidates = [...new Set([p.author_id, ...members, ...holders])].filter((u) => u !== deciderId);
  const everyone = await mayBeToldOf(m, candidates, m.visibility === "private" ? await usersWithRole(m.lab_id, "lab_team") : []);
  const owner = d.follow_up_owner_id ? await getUser(d.follow_up_owner_id) : undefined;
  await mailDecision(p, m, d, { everyone, holders: new Set(holders) }, owner ? displayName(owner) : null);
  await notify([
    ...everyone.map((userId) => ({ userId, kind: "proposal_decision" as const, title: `La proposition « ${p.title} » du ${minilabNamed(m.name)} est ${label}${correction}`, link })),
    ...(d.follow_up_owner_id ? [{ userId: d.follow_up_owner_id, kind: "follow_up" as const, title: `Vous êtes responsable du suivi de la proposition adoptée « ${p.title} »`, link }] : []),
  ]);
}

/** Per Mini-Lab: proposals written (drafts included), submitted, and those still awaiting their decision. For the lab's overview. */
export async function proposalCounts(minilabIds: string[]): Promise<Map<string, { written: number; submitted: number; pending: number }>> {
  const list = await arb.proposalsOfMinilabs(minilabIds);
  const chains = await arb.decisionsOf(list.filter((p) => p.status === "submitted").map((p) => p.id));
  const out = new Map<string, { written: number; submitted: number; pending: number }>();
  for (const p of list) {
    const c = out.get(p.minilab_id) ?? { written: 0, submitted: 0, pending: 0 };
    c.written++;
    if (p.status === "submitted") {
      c.submitted++;
      if (!chains.get(p.id)?.length) c.pending++;
    }
    out.set(p.minilab_id, c);
  }
  return out;
}
