/**
 * The projects' use cases: each checks who asks (./permissions) before anything else, then runs
 * in one transaction; notifications and mails are written with it and delivered after it commits.
 */
import { displayName, findUserByEmail, getUserContacts, getUsers } from "../accounts/accounts";
import { getLab, getLabBySlug, getLabs, listLabs, usersWithRole } from "../labs/labs";
import { requireLabRole } from "../labs/service";
import { getOrganizations, listOrganizations } from "../organizations/organizations";
import * as arb from "../arbitration/arbitration";
import * as minilabs from "../minilabs/minilabs";
import * as requests from "../requests";
import { hasRole, Refusal, type Viewer } from "../kernel/permissions";
import { transaction } from "../kernel/db/transaction";
import { db } from "../kernel/runtime";
import type { AnyDb } from "../kernel/db/connect";
import { isUuid } from "../kernel/ids";
import { checkUploads } from "../kernel/uploads";
import { formatDate, formatNumber, isoDay } from "../kernel/format";
import { absoluteLink, fileSlug, pagedRows, type TableExport } from "../kernel/export";
import type { GateReview, Project } from "./db/schema";
import * as data from "./projects";
import { projectRights, noPlace, type ProjectRights, type TeamPlace } from "./permissions";
import type { ProjectAction, ProjectInput } from "./schemas";
import { tellTeam } from "./mails";
import { announceProjectChange } from "./changes";
import {
  committeeKinds,
  daysBetween,
  deliverableKinds,
  durationLabel,
  gateOutcomes,
  isMainStage,
  mainStages,
  memberRoles,
  nextStage,
  originLabels,
  serviceKinds,
  stageLabels,
  type CommitteeKind,
  type GateOutcome,
  type MainStage,
  type Stage,
} from "./stages";

const q = (s: string) => `«\u00a0${s}\u00a0»`;
const MAX_FILE_BYTES = 10 * 1024 * 1024;

// ---------------------------------------------------------------- who asks

async function rightsFor(viewer: Viewer | null, p: Project): Promise<{ rights: ProjectRights; place: TeamPlace }> {
  const place = viewer ? ((await data.placesOf(viewer.userId, [p])).get(p.id) ?? noPlace) : noPlace;
  return { rights: projectRights(viewer?.principal, p, place), place };
}

async function requireProject(viewer: Viewer, id: string, right: keyof ProjectRights): Promise<{ project: Project; rights: ProjectRights }> {
  const project = await data.getProject(id);
  if (!project) throw new Refusal("Ce projet n’existe pas.", 404);
  const { rights } = await rightsFor(viewer, project);
  if (!rights.seeSummary) throw new Refusal("Ce projet n’existe pas.", 404);
  if (!rights[right]) throw new Refusal("Vous n’avez pas ce droit sur ce projet.", 403);
  return { project, rights };
}

/** Which of these projects the viewer may see at all (the rule of ./permissions, for views elsewhere). */
export async function projectsVisibleTo(viewer: Viewer | null, list: Project[]): Promise<Project[]> {
  if (!viewer || !list.length) return [];
  const places = await data.placesOf(viewer.userId, list);
  return list.filter((p) => projectRights(viewer.principal, p, places.get(p.id)).seeSummary);
}

export async function labOf(viewer: Viewer, labSlug: string) {
  const lab = await requireLabRole(labSlug, viewer.principal, "lab_team");
  return { id: lab.id, slug: lab.slug, name: lab.name };
}

async function resolveEmails(emails: string[], field: string, label: string): Promise<string[]> {
  const ids: string[] = [];
  for (const email of emails) {
    const u = await findUserByEmail(email);
    if (!u || u.deleted_at) throw new Refusal(`${label} : aucun compte n’a l’adresse ${email}.`, 400, field);
    if (!ids.includes(u.id)) ids.push(u.id);
  }
  return ids;
}

/** The form's organisation rows hold existing organisations (the first unknown one is named beside its row). */
async function checkOrganizations(orgs: { organizationId: string }[]) {
  if (!orgs.length) return;
  const found = await getOrganizations(orgs.map((o) => o.organizationId));
  const i = orgs.findIndex((o) => !found.has(o.organizationId));
  if (i >= 0) throw new Refusal("Administration : cette organisation n’existe pas.", 400, `org${i}`);
}

// ---------------------------------------------------------------- birth

async function journal(projectId: string, authorId: string | null, body: string, at = new Date()) {
  await data.addJournal(projectId, authorId, at, body);
}

/** The lab team creates a project directly (`/lab/<lab>/projets/nouveau`). */
export async function createProjectFor(viewer: Viewer, labSlug: string, input: ProjectInput): Promise<Project> {
  const lab = await labOf(viewer, labSlug);
  return transaction(async () => {
    const [lead] = input.leadEmail ? await resolveEmails([input.leadEmail], "lead", "Chef ou cheffe de projet") : [null];
    const staff = await resolveEmails(input.staffEmails, "staff", "Équipe du lab");
    const experts = await resolveEmails(input.expertEmails, "experts", "Experts");
    await checkOrganizations(input.organizations);
    const project = await data.insertProject({ ...input, labId: lab.id, leadId: lead, origin: "direct", createdBy: viewer.userId });
    await data.setOrganizations(project.id, input.organizations);
    await data.setMembers(project.id, "staff", staff);
    await data.setMembers(project.id, "expert", experts);
    for (const p of input.planned) if (p.start || p.end) await data.setPlannedDates(project.id, p.stage, p.start, p.end);
    await journal(project.id, viewer.userId, "Projet créé par l’équipe du lab, en exploration.");
    await tellTeam(project, "project_stage", [lead, ...staff, ...experts].filter((x): x is string => !!x && x !== viewer.userId), `Vous faites partie de l’équipe du projet ${q(project.title)}`, [`Le projet ${q(project.title)} commence son exploration.`]);
    return project;
  });
}

/**
 * A project born from an adopted decision of a Mini-Lab's proposal: the decision's follow-up
 * becomes the project (its owner the lead), the proposal's words its title, problem and users.
 * For the lab team of the Mini-Lab's lab (and the demo, with `viewer` null).
 */
export async function projectFromDecision(decisionId: string, by: { userId: string | null; labId?: string; at?: Date; stage?: MainStage }): Promise<Project> {
  return transaction(async () => {
    const decision = await arb.getDecision(decisionId);
    if (!decision) throw new Refusal("Cette décision n’existe pas.", 404);
    const chain = (await arb.decisionsOf([decision.proposal_id])).get(decision.proposal_id);
    if (arb.currentDecision(chain)?.id !== decision.id) throw new Refusal("Cette décision a été corrigée : partez de la décision en vigueur.", 409);
    if (!arb.isAdoption(decision.outcome)) throw new Refusal("Seule une proposition adoptée devient un projet.", 409);
    const proposal = await arb.getProposal(decision.proposal_id);
    const minilab = proposal && (await minilabs.getMinilab(proposal.minilab_id));
    if (!proposal || !minilab) throw new Refusal("Cette décision n’existe pas.", 404);
    if (by.labId && minilab.lab_id !== by.labId) throw new Refusal("Cette décision ne relève pas de ce lab.", 404);
    if ((await data.projectsOfDecisions([decision.id])).length) throw new Refusal("Cette décision a déjà son projet.", 409);
    const at = by.at ?? new Date();
    const project = await data.insertProject({
      labId: minilab.lab_id,
      title: proposal.title.slice(0, 200),
      problem: proposal.problem,
      users: proposal.impact,
      confidential: false,
      budgetRequestedEur: proposal.cost_eur,
      budgetGrantedEur: null,
      fundingSource: "",
      startsOn: null,
      endsOn: decision.follow_up_due,
      leadId: decision.follow_up_owner_id,
      origin: "decision",
      decisionId: decision.id,
      createdBy: by.userId,
      stage: by.stage,
      at,
    });
    await journal(project.id, by.userId, `Projet né de la décision de la ${proposal.directorate.replace(/^Direction/, "direction")} du ${formatDate(decision.decided_at)} (${arb.decisionOutcomes[decision.outcome].toLowerCase()}) sur la proposition ${q(proposal.title)}.`, at);
    if (decision.follow_up_owner_id && decision.follow_up_owner_id !== by.userId)
      await tellTeam(project, "project_stage", [decision.follow_up_owner_id], `La proposition adoptée ${q(proposal.title)} devient un projet`, [`Vous en suivez la décision : vous en êtes le chef ou la cheffe de projet.`]);
    return project;
  });
}

export async function createProjectFromDecision(viewer: Viewer, labSlug: string, decisionId: string): Promise<Project> {
  const lab = await labOf(viewer, labSlug);
  return projectFromDecision(decisionId, { userId: viewer.userId, labId: lab.id });
}

export interface ProjectFromRequest {
  labId: string;
  requestId: string;
  title: string;
  problem: string;
  users: string;
  organizationIds: string[];
  leadEmail?: string | null;
  createdBy: string | null;
  /** When the project was born (the demo's past); now by default. */
  at?: Date;
}

function joined(tx: AnyDb | null | undefined) {
  if (tx && tx !== db()) throw new Error("pass the executor of the running transaction (db() inside transaction(...)), or null");
}

/**
 * For the one-stop desk: an accepted request becomes a project, its fields carried over. `tx` is
 * the caller's transaction (`db()` inside `transaction(...)`), or null: the project joins it, so
 * the request's acceptance and the project are committed together. `requestId` is a reference
 * only (the desk's own module owns requests); a request gives one project at most.
 */
export async function createProjectFromRequest(tx: AnyDb | null, input: ProjectFromRequest): Promise<Project> {
  joined(tx);
  if (!isUuid(input.requestId) || !isUuid(input.labId)) throw new Refusal("Demande inconnue.", 404);
  return transaction(async () => {
    const lab = await getLab(input.labId);
    if (!lab) throw new Refusal("Ce lab n’existe pas.", 404);
    if (await data.projectOfRequest(input.requestId)) throw new Refusal("Cette demande a déjà son projet.", 409);
    const lead = input.leadEmail ? await findUserByEmail(input.leadEmail) : undefined;
    const orgs = await getOrganizations(input.organizationIds);
    const project = await data.insertProject({
      labId: lab.id,
      title: input.title.trim().slice(0, 200),
      problem: input.problem,
      users: input.users,
      confidential: false,
      budgetRequestedEur: null,
      budgetGrantedEur: null,
      fundingSource: "",
      startsOn: null,
      endsOn: null,
      leadId: lead?.id ?? null,
      origin: "request",
      requestId: input.requestId,
      createdBy: input.createdBy,
      at: input.at,
    });
    await data.setOrganizations(
      project.id,
      [...orgs.values()].map((o) => ({ organizationId: o.id, serviceKind: serviceKindOf(o.kind) })),
    );
    await journal(project.id, input.createdBy, "Projet né d’une demande acceptée au guichet du lab.");
    if (lead) await tellTeam(project, "project_stage", [lead.id], `Votre demande devient le projet ${q(project.title)}`, ["Le lab accompagne votre projet : il commence son exploration, et vous en êtes le chef ou la cheffe de projet."]);
    return project;
  });
}

/** The kind of public service an organisation belongs to, by default (the team may change it). */
export function serviceKindOf(kind: string): keyof typeof serviceKinds {
  if (kind === "prefecture" || kind === "ddt") return "etat";
  if (kind === "region_hq" || kind === "maison_region" || kind === "lycee") return "region";
  if (kind === "hospital" || kind === "sante") return "sante";
  return "collectivite";
}

/** The « new project » page: the lab, its organisations, and the adopted decisions still without a project. */
export async function newProjectForm(viewer: Viewer, labSlug: string) {
  const lab = await labOf(viewer, labSlug);
  const [orgs, decisions] = await Promise.all([listOrganizations(), adoptedWithoutProject(lab.id)]);
  return { lab, organizations: orgs.map((o) => ({ value: o.id, label: o.name, serviceKind: serviceKindOf(o.kind) })), decisions };
}

async function adoptedWithoutProject(labId: string) {
  const labs = await minilabs.listMinilabs([labId]);
  const proposals = await arb.submittedProposalsOfMinilabs(labs.map((m) => m.id));
  const chains = await arb.decisionsOf(proposals.map((p) => p.id));
  const current = proposals.map((p) => ({ p, d: arb.currentDecision(chains.get(p.id)) })).filter((x): x is { p: arb.Proposal; d: arb.Decision } => !!x.d && arb.isAdoption(x.d.outcome));
  const taken = new Set((await data.projectsOfDecisions(current.map((x) => x.d.id))).map((p) => p.decision_id));
  return current
    .filter((x) => !taken.has(x.d.id))
    .map((x) => ({ decisionId: x.d.id, title: x.p.title, directorate: x.p.directorate, outcome: arb.decisionOutcomes[x.d.outcome], decidedOn: formatDate(x.d.decided_at), minilab: labs.find((m) => m.id === x.p.minilab_id)?.name ?? "" }));
}

// ---------------------------------------------------------------- the project page

const nameOf = (users: Map<string, { given_name: string; family_name: string }>, id: string | null) => {
  const u = id ? users.get(id) : undefined;
  return u ? displayName(u) : null;
};

export async function projectPage(viewer: Viewer, id: string, now = new Date()) {
  const { project: p, rights } = await requireProject(viewer, id, "seeSummary");
  const [lab, orgRows] = await Promise.all([getLab(p.lab_id), data.organizationsOf([p.id])]);
  const orgs = await getOrganizations(orgRows.map((o) => o.organization_id));
  const summary = {
    id: p.id,
    title: p.title,
    problem: p.problem,
    users: p.users,
    confidential: p.confidential,
    stage: p.stage,
    stageLabel: stageLabels[p.stage],
    deployed: p.stage === "deployment",
    statusReason: p.status_reason,
    resumeStage: p.resume_stage ? stageLabels[p.resume_stage] : null,
    timeInStage: durationLabel(daysBetween(p.stage_entered_at, now)),
    stageSince: formatDate(p.stage_entered_at),
    lab: { name: lab?.name ?? "", slug: lab?.slug ?? "" },
    origin: originLabels[p.origin],
    organizations: orgRows.map((o) => ({ name: orgs.get(o.organization_id)?.name ?? "", kind: serviceKinds[o.service_kind] })),
  };
  if (!rights.seeAll) return { rights, project: summary, details: null };

  const [members, stages, deliverables, fileList, journalRows, indicators, reviews, conditions, settings, network] = await Promise.all([
    data.membersOf([p.id]),
    data.stagesOf(p.id),
    data.deliverablesOf(p.id),
    data.files.list(p.id),
    data.journalOf(p.id),
    data.indicatorsOf(p.id),
    data.reviewsOf(p.id),
    data.conditionsOf(p.id),
    data.labSettings(p.lab_id),
    networkView(p, rights.manage),
  ]);
  const measurements = await data.measurementsOf(indicators.map((i) => i.id));
  const users = await getUsers([p.lead_id, ...members.map((m) => m.user_id), ...journalRows.map((j) => j.author_id), ...reviews.map((r) => r.decided_by)].filter((x): x is string => !!x));
  const fileName = new Map(fileList.map((f) => [f.id, f.filename]));
  const current = isMainStage(p.stage) ? p.stage : p.resume_stage;
  const expected = current ? settings.template[current] : [];
  const byKey = new Map(deliverables.map((d) => [`${d.stage}|${d.label}`, d]));
  const pending = reviews.find((r) => r.status === "pending") ?? null;
  const next = isMainStage(p.stage) ? nextStage(p.stage) : null;
  const deliverableView = (stage: MainStage, label: string) => {
    const d = byKey.get(`${stage}|${label}`);
    return {
      stage,
      label,
      done: !!d,
      kind: d?.kind ?? null,
      kindLabel: d ? deliverableKinds[d.kind] : null,
      body: d?.body ?? null,
      url: d?.url ?? null,
      file: d?.file_id ? { id: d.file_id, name: fileName.get(d.file_id) ?? "fichier" } : null,
      updated: d ? formatDate(d.updated_at) : null,
    };
  };
  return {
    rights,
    project: summary,
    details: {
      lead: nameOf(users, p.lead_id),
      staff: members.filter((m) => m.role === "staff").map((m) => nameOf(users, m.user_id) ?? ""),
      experts: members.filter((m) => m.role === "expert").map((m) => nameOf(users, m.user_id) ?? ""),
      budgetRequested: p.budget_requested_eur,
      budgetGranted: p.budget_granted_eur,
      fundingSource: p.funding_source,
      startsOn: formatDate(p.starts_on),
      endsOn: formatDate(p.ends_on),
      stages: stages.map((s) => ({
        stage: s.stage,
        label: stageLabels[s.stage],
        plannedStart: formatDate(s.planned_start),
        plannedEnd: formatDate(s.planned_end),
        enteredAt: formatDate(s.entered_at),
        leftAt: formatDate(s.left_at),
        current: s.stage === p.stage,
        days: s.entered_at ? durationLabel(daysBetween(s.entered_at, s.left_at ?? now)) : null,
        overdue: s.stage === p.stage && !!s.planned_end && s.planned_end < now,
      })),
      currentStage: current,
      currentStageLabel: current ? stageLabels[current] : null,
      expected: current ? expected.map((label) => deliverableView(current, label)) : [],
      earlier: deliverables.filter((d) => d.stage !== current).map((d) => deliverableView(d.stage, d.label)),
      nextStageLabel: next ? stageLabels[next] : null,
      nextIsStrategic: !!next && settings.strategicStages.includes(next),
      pendingReview: pending && {
        id: pending.id,
        committee: committeeKinds[pending.committee_kind],
        /** the project committee's outcome may be recorded here; a strategic gate only by the steering committee's minutes */
        recordable: pending.committee_kind === "project",
        to: stageLabels[pending.to_stage],
        requestedOn: formatDate(pending.requested_at),
      },
      reviews: reviews
        .filter((r) => r.status === "decided")
        .map((r) => ({
          id: r.id,
          committee: committeeKinds[r.committee_kind],
          gate: `${stageLabels[r.from_stage]} → ${stageLabels[r.to_stage]}`,
          outcome: r.outcome ? gateOutcomes[r.outcome] : "",
          missing: r.missing,
          reason: r.reason,
          decidedOn: formatDate(r.decided_at),
          decidedBy: nameOf(users, r.decided_by),
        })),
      conditions: conditions.map((c) => ({ id: c.id, label: c.label, met: !!c.met_at, metOn: formatDate(c.met_at) })),
      files: fileList.map((f) => ({ id: f.id, name: f.filename, size: f.size, date: formatDate(f.created_at) })),
      journal: journalRows.map((j) => ({ id: j.id, date: formatDate(j.entry_on), body: j.body, author: nameOf(users, j.author_id) })),
      indicators: indicators.map((i) => ({
        id: i.id,
        name: i.name,
        unit: i.unit,
        baseline: i.baseline,
        target: i.target,
        measurements: measurements.filter((m) => m.indicator_id === i.id).map((m) => ({ date: formatDate(m.measured_on), value: m.value })),
      })),
      network,
    },
  };
}
export type ProjectPage = Awaited<ReturnType<typeof projectPage>>;

// ---------------------------------------------------------------- editing

export async function projectForEdit(viewer: Viewer, id: string) {
  const { project: p, rights } = await requireProject(viewer, id, "edit");
  const [members, orgRows, stages, all, lab] = await Promise.all([data.membersOf([p.id]), data.organizationsOf([p.id]), data.stagesOf(p.id), listOrganizations(), getLab(p.lab_id)]);
  const contacts = await getUserContacts([p.lead_id, ...members.map((m) => m.user_id)].filter((x): x is string => !!x));
  const emails = new Map([...contacts].map(([id, c]) => [id, c.email]));
  const iso = (d: Date | null) => (d ? isoDay(d) : "");
  return {
    manage: rights.manage,
    lab: { name: lab?.name ?? "", slug: lab?.slug ?? "" },
    organizations: all.map((o) => ({ value: o.id, label: o.name, serviceKind: serviceKindOf(o.kind) })),
    project: {
      id: p.id,
      title: p.title,
      problem: p.problem,
      users: p.users,
      confidential: p.confidential,
      lead: p.lead_id ? (emails.get(p.lead_id) ?? "") : "",
      staff: members.filter((m) => m.role === "staff").map((m) => emails.get(m.user_id) ?? "").join("\n"),
      experts: members.filter((m) => m.role === "expert").map((m) => emails.get(m.user_id) ?? "").join("\n"),
      budgetRequested: p.budget_requested_eur?.toString() ?? "",
      budgetGranted: p.budget_granted_eur?.toString() ?? "",
      fundingSource: p.funding_source,
      startsOn: iso(p.starts_on),
      endsOn: iso(p.ends_on),
      orgs: orgRows.map((o) => ({ org: o.organization_id, kind: o.service_kind })),
      planned: Object.fromEntries(stages.flatMap((s) => [[`plannedStart_${s.stage}`, iso(s.planned_start)], [`plannedEnd_${s.stage}`, iso(s.planned_end)]])) as Record<string, string>,
    },
  };
}

export async function updateProjectFor(viewer: Viewer, id: string, input: ProjectInput): Promise<void> {
  const { project: p, rights } = await requireProject(viewer, id, "edit");
  await transaction(async () => {
    const [lead] = input.leadEmail ? await resolveEmails([input.leadEmail], "lead", "Chef ou cheffe de projet") : [null];
    const staff = await resolveEmails(input.staffEmails, "staff", "Équipe du lab");
    const experts = await resolveEmails(input.expertEmails, "experts", "Experts");
    await checkOrganizations(input.organizations);
    // only the lab team names the team: a lead or staff member edits the rest
    const teamChanged = lead !== p.lead_id || !sameSet(staff, (await data.membersOf([p.id])).filter((m) => m.role === "staff").map((m) => m.user_id)) || !sameSet(experts, (await data.membersOf([p.id])).filter((m) => m.role === "expert").map((m) => m.user_id));
    if (teamChanged && !rights.manage) throw new Refusal("Seule l’équipe du lab compose l’équipe du projet.", 403);
    const before = new Set(await data.teamOf(p));
    await data.updateProject(p.id, { ...input, leadId: lead });
    await data.setOrganizations(p.id, input.organizations);
    await data.setMembers(p.id, "staff", staff);
    await data.setMembers(p.id, "expert", experts);
    for (const s of input.planned) await data.setPlannedDates(p.id, s.stage, s.start, s.end);
    const added = [lead, ...staff, ...experts].filter((x): x is string => !!x && !before.has(x) && x !== viewer.userId);
    await tellTeam(p, "project_stage", added, `Vous faites partie de l’équipe du projet ${q(input.title)}`, [`Le projet ${q(input.title)} est à l’étape ${q(stageLabels[p.stage])}.`]);
  });
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

// ---------------------------------------------------------------- the page's actions

export async function projectAction(viewer: Viewer, id: string, action: ProjectAction, uploads: FormDataEntryValue[] = []): Promise<string> {
  switch (action.intent) {
    case "deliverable":
      return saveDeliverableFor(viewer, id, action, uploads);
    case "journal": {
      const { project } = await requireProject(viewer, id, "contribute");
      await data.addJournal(project.id, viewer.userId, action.entryOn, action.body);
      return "Entrée ajoutée au journal.";
    }
    case "indicator": {
      const { project } = await requireProject(viewer, id, "edit");
      await data.addIndicator(project.id, action);
      return "Indicateur ajouté.";
    }
    case "measure": {
      const { project } = await requireProject(viewer, id, "contribute");
      const ind = (await data.indicatorsOf(project.id)).find((i) => i.id === action.indicatorId);
      if (!ind) throw new Refusal("Cet indicateur n’existe pas dans ce projet.", 400, "indicatorId");
      await data.addMeasurement(ind.id, action.measuredOn, action.value!, viewer.userId);
      return "Mesure enregistrée.";
    }
    case "attach": {
      const { project } = await requireProject(viewer, id, "edit");
      const checked = await checkUploads(uploads, MAX_FILE_BYTES, 5);
      if (!checked.ok) throw new Refusal(checked.error, 400, "files");
      if (!checked.files.length) throw new Refusal("Pièces jointes : choisissez au moins un fichier.", 400, "files");
      if ((await data.countFiles(project.id)) + checked.files.length > data.MAX_FILES) throw new Refusal(`Pièces jointes : ${data.MAX_FILES} fichiers au plus par projet.`, 400, "files");
      await transaction(async () => {
        for (const f of checked.files) await data.files.add(project.id, { ...f, uploadedBy: viewer.userId });
      });
      return checked.files.length === 1 ? "Pièce jointe ajoutée." : `${checked.files.length} pièces jointes ajoutées.`;
    }
    case "requestGate": {
      const review = await requestGate(viewer, id);
      return `Passage à l’étape ${q(stageLabels[review.to_stage])} demandé au ${committeeKinds[review.committee_kind].toLowerCase()}.`;
    }
    case "outcome": {
      const { project } = await requireProject(viewer, id, "manage");
      const review = await data.getReview(action.reviewId);
      if (!review || review.project_id !== project.id) throw new Refusal("Cette demande de passage n’existe pas pour ce projet.", 404);
      // a strategic gate is the paritary steering committee's: only its validated minutes decide it
      if (review.committee_kind === "steering") throw new Refusal("Ce passage d’étape est stratégique : seul le comité de pilotage le décide, en réunion, et sa décision s’applique quand le compte rendu est validé.", 409);
      const conditions = action.conditions.split(/\r?\n/).map((x) => x.trim()).filter(Boolean);
      await applyGateOutcome(null, review.id, { outcome: action.outcome, conditions, missing: action.missing || undefined, reason: action.reason || undefined, decidedBy: viewer.userId });
      return `Décision du comité enregistrée : ${gateOutcomes[action.outcome].toLowerCase()}.`;
    }
    case "conditionMet": {
      const { project } = await requireProject(viewer, id, "edit");
      if (!(await data.markConditionMet(project.id, action.conditionId, viewer.userId))) throw new Refusal("Cette condition n’existe pas ou est déjà remplie.", 409);
      return "Condition marquée comme remplie.";
    }
    case "pause":
      await setStatus(viewer, id, "paused", action.reason);
      return "Projet mis en pause.";
    case "stop":
      await setStatus(viewer, id, "stopped", action.reason);
      return "Projet arrêté.";
    case "resume":
      await setStatus(viewer, id, "resume", null);
      return "Projet repris.";
    case "proposeNetwork":
      await proposeToNetwork(viewer, id, { labSlug: action.labSlug, message: action.message });
      return "Le projet est proposé au comité de pilotage de l’autre lab.";
  }
}

async function saveDeliverableFor(viewer: Viewer, id: string, a: Extract<ProjectAction, { intent: "deliverable" }>, uploads: FormDataEntryValue[]): Promise<string> {
  const { project } = await requireProject(viewer, id, "edit");
  const settings = await data.labSettings(project.lab_id);
  if (!settings.template[a.stage].includes(a.label)) throw new Refusal("Ce livrable n’est pas attendu à cette étape.", 400, "label");
  let fileId: string | null = null;
  let body: string | null = null;
  let url: string | null = null;
  if (a.kind === "file") {
    const checked = await checkUploads(uploads, MAX_FILE_BYTES, 1);
    if (!checked.ok) throw new Refusal(checked.error, 400, "file");
    if (!checked.files.length) throw new Refusal("Fichier : choisissez un fichier (PDF ou image).", 400, "file");
    if ((await data.countFiles(project.id)) >= data.MAX_FILES) throw new Refusal(`Pièces jointes : ${data.MAX_FILES} fichiers au plus par projet.`, 400, "file");
    return transaction(async () => {
      const f = await data.files.add(project.id, { ...checked.files[0], uploadedBy: viewer.userId });
      await data.saveDeliverable({ projectId: project.id, stage: a.stage, label: a.label, kind: "file", body: null, url: null, fileId: f.id, by: viewer.userId });
      return `Livrable ${q(a.label)} déposé.`;
    });
  }
  if (a.kind === "link") {
    if (!/^https?:\/\/[^\s]+$/i.test(a.url) || !URL.canParse(a.url)) throw new Refusal("Lien : indiquez une adresse qui commence par https://.", 400, "url");
    url = a.url;
  } else if (a.kind === "text") {
    if (a.body.length < 3) throw new Refusal("Texte : écrivez le livrable (au moins 3 caractères).", 400, "body");
    body = a.body;
  } else {
    if (a.body.length < 3) throw new Refusal("Motif : dites pourquoi ce livrable n’est pas requis.", 400, "body");
    body = a.body;
  }
  await data.saveDeliverable({ projectId: project.id, stage: a.stage, label: a.label, kind: a.kind, body, url, fileId, by: viewer.userId });
  return a.kind === "not_required" ? `Livrable ${q(a.label)} marqué non requis.` : `Livrable ${q(a.label)} enregistré.`;
}

/**
 * The team asks to pass the gate to the next stage: refused, with the list, while a deliverable
 * of the current stage is missing. The request waits for its committee: the steering committee
 * for the gates the lab marks strategic, else the project committee.
 */
export async function requestGate(viewer: Viewer, id: string, at = new Date()): Promise<GateReview> {
  const { project: p0 } = await requireProject(viewer, id, "requestGate");
  return transaction(async () => {
    const p = (await data.lockProject(p0.id))!;
    if (!isMainStage(p.stage)) throw new Refusal(`Un projet ${stageLabels[p.stage].toLowerCase()} ne peut pas demander de passage d’étape.`, 409);
    const to = nextStage(p.stage);
    if (!to) throw new Refusal("Le projet est en déploiement : il n’y a plus d’étape à franchir.", 409);
    if ((await data.pendingReviewsOfProjects([p.id])).length) throw new Refusal("Un passage d’étape est déjà demandé : il attend la décision du comité.", 409);
    const settings = await data.labSettings(p.lab_id);
    const done = new Set((await data.deliverablesOf(p.id)).filter((d) => d.stage === p.stage).map((d) => d.label));
    const missing = settings.template[p.stage].filter((l) => !done.has(l));
    if (missing.length)
      throw new Refusal(
        `Le passage à l’étape ${q(stageLabels[to])} ne peut pas être demandé : ${missing.length === 1 ? "il manque le livrable" : "il manque les livrables"} ${missing.map(q).join(", ")}. Déposez-les ou marquez-les « non requis » avec un motif.`,
        409,
      );
    const kind: CommitteeKind = settings.strategicStages.includes(to) ? "steering" : "project";
    const review = await data.insertReview({ projectId: p.id, labId: p.lab_id, from: p.stage, to, kind, by: viewer.userId, at });
    await journal(p.id, viewer.userId, `Passage à l’étape ${q(stageLabels[to])} demandé au ${committeeKinds[kind].toLowerCase()}.`, at);
    const labTeam = await usersWithRole(p.lab_id, "lab_team");
    await tellTeam(p, "project_gate", [...(await data.teamOf(p)), ...labTeam].filter((u) => u !== viewer.userId), `Le projet ${q(p.title)} demande à passer en ${stageLabels[to].toLowerCase()}`, [`La demande attend la décision du ${committeeKinds[kind].toLowerCase()}.`]);
    return review;
  });
}

/**
 * The gate reviews waiting for a lab's committee of this kind, oldest first (the committees module
 * builds its agendas from them). A review whose project was paused or stopped since it asked waits
 * off the agenda: it comes back when the project resumes at that stage.
 */
export async function pendingGateReviews(labId: string, kind: CommitteeKind) {
  return (await waitingReviews(labId, kind)).map(({ review, project }) => ({ ...review, projectTitle: project.title }));
}

/** The pending reviews whose project still stands at the gate's stage (a paused or stopped project's waits), with their project. */
async function waitingReviews(labId: string, kind: CommitteeKind) {
  const reviews = await data.pendingReviews(labId, kind);
  const projects = new Map((await data.getProjects(reviews.map((r) => r.project_id))).map((p) => [p.id, p]));
  return reviews.flatMap((review) => {
    const project = projects.get(review.project_id);
    return project?.stage === review.from_stage ? [{ review, project }] : [];
  });
}

export interface GateOutcomeInput {
  outcome: GateOutcome;
  conditions?: string[];
  missing?: string;
  reason?: string;
  decidedBy: string | null;
}

/**
 * Applies a committee's outcome to a pending gate review, exactly once: go moves the project to
 * the next stage; go with conditions too, the conditions listed and tracked; recycle keeps it
 * where it is, with what is missing; stop stops it, with the reason. Of two calls racing on the
 * same review, one applies and the other is refused (409): the review is closed by an UPDATE that
 * only matches a pending review. `tx`: the caller's transaction (`db()` inside `transaction(...)`)
 * or null.
 */
export async function applyGateOutcome(tx: AnyDb | null, reviewId: string, input: GateOutcomeInput, at = new Date()): Promise<GateReview> {
  joined(tx);
  const conditions = (input.conditions ?? []).map((c) => c.trim()).filter(Boolean);
  const missing = input.missing?.trim() || null;
  const reason = input.reason?.trim() || null;
  if (input.outcome === "go_with_conditions" && !conditions.length) throw new Refusal("Conditions : indiquez au moins une condition, une par ligne.", 400, "conditions");
  if (input.outcome === "recycle" && !missing) throw new Refusal("Ce qui manque : dites ce que le projet doit encore apporter.", 400, "missing");
  if (input.outcome === "stop" && !reason) throw new Refusal("Motif : l’arrêt d’un projet se motive.", 400, "reason");
  return transaction(async () => {
    const review = await data.closeReview(reviewId, { outcome: input.outcome, missing, reason, by: input.decidedBy, at });
    if (!review) {
      const existing = await data.getReview(reviewId);
      if (!existing) throw new Refusal("Cette demande de passage n’existe pas.", 404);
      throw new Refusal("Cette demande de passage a déjà reçu sa décision.", 409);
    }
    const p = (await data.lockProject(review.project_id))!;
    const gate = `${stageLabels[review.from_stage]} → ${stageLabels[review.to_stage]}`;
    let title: string;
    const gateChange = { from: review.from_stage, to: review.to_stage, outcome: input.outcome };
    if (input.outcome === "go" || input.outcome === "go_with_conditions") {
      if (p.stage === review.from_stage) await data.moveStage(p, review.to_stage, null, at);
      await announceProjectChange({ projectId: p.id, labId: p.lab_id, from: p.stage, to: p.stage === review.from_stage ? review.to_stage : p.stage, at, gate: gateChange });
      await data.addConditions(review.id, p.id, conditions);
      title = `Le projet ${q(p.title)} passe en ${stageLabels[review.to_stage].toLowerCase()}`;
    } else if (input.outcome === "recycle") {
      await announceProjectChange({ projectId: p.id, labId: p.lab_id, from: p.stage, to: p.stage, at, gate: gateChange });
      title = `Le projet ${q(p.title)} reste en ${stageLabels[review.from_stage].toLowerCase()} : à retravailler`;
    } else {
      await data.moveStage(p, "stopped", reason, at);
      await announceProjectChange({ projectId: p.id, labId: p.lab_id, from: p.stage, to: "stopped", at, gate: gateChange });
      title = `Le projet ${q(p.title)} est arrêté`;
    }
    const detail = [
      `Décision du ${committeeKinds[review.committee_kind].toLowerCase()} sur le passage ${gate}\u00a0: ${gateOutcomes[input.outcome].toLowerCase()}.`,
      ...(conditions.length ? [`Conditions\u00a0: ${conditions.join(" ; ")}.`] : []),
      ...(missing ? [`Ce qui manque\u00a0: ${missing}`] : []),
      ...(reason ? [`Motif\u00a0: ${reason}`] : []),
    ];
    await journal(p.id, input.decidedBy, detail.join(" "), at);
    await tellTeam(p, "project_gate", (await data.teamOf(p)).filter((u) => u !== input.decidedBy), title, detail, [{ label: "Passage", value: gate }, { label: "Décision", value: gateOutcomes[input.outcome] }]);
    return review;
  });
}

/** Pause (reason), stop (reason), resume (back to the stage it was paused at): the lab team. */
async function setStatus(viewer: Viewer, id: string, to: "paused" | "stopped" | "resume", reason: string | null, at = new Date()): Promise<void> {
  const { project: p0 } = await requireProject(viewer, id, "manage");
  if (to !== "resume" && !reason?.trim()) throw new Refusal("Motif : ce changement se motive.", 400, "reason");
  await transaction(async () => {
    const p = (await data.lockProject(p0.id))!;
    if (p.stage === "stopped") throw new Refusal("Ce projet est arrêté.", 409);
    let target: Stage;
    if (to === "resume") {
      if (p.stage !== "paused" || !p.resume_stage) throw new Refusal("Ce projet n’est pas en pause.", 409);
      target = p.resume_stage;
    } else {
      if (to === "paused" && p.stage === "paused") throw new Refusal("Ce projet est déjà en pause.", 409);
      target = to;
    }
    await data.moveStage(p, target, reason, at);
    await announceProjectChange({ projectId: p.id, labId: p.lab_id, from: p.stage, to: target, at, gate: null });
    const title = to === "resume" ? `Le projet ${q(p.title)} reprend en ${stageLabels[target].toLowerCase()}` : to === "paused" ? `Le projet ${q(p.title)} est en pause` : `Le projet ${q(p.title)} est arrêté`;
    await journal(p.id, viewer.userId, `${title.replace(/^Le projet «\u00a0.*\u00a0» /, "Le projet ")}${reason ? `. Motif\u00a0: ${reason}` : "."}`, at);
    await tellTeam(p, "project_stage", (await data.teamOf(p)).filter((u) => u !== viewer.userId), title, reason ? [`Motif\u00a0: ${reason}`] : [`Le projet reprend à l’étape ${q(stageLabels[target])}.`]);
  });
}

export async function projectFile(viewer: Viewer, id: string, fileId: string) {
  const { project } = await requireProject(viewer, id, "seeAll");
  const f = await data.files.get(project.id, fileId);
  if (!f) throw new Refusal("Ce fichier n’existe pas.", 404);
  return f;
}

// ---------------------------------------------------------------- the lab's portfolio

export interface PortfolioQuery {
  stage?: string;
  org?: string;
  staff?: string;
  overdue?: string;
  after?: string;
  before?: string;
  vue?: string;
}
const PAGE = 25;

const encodeCursor = (p: Pick<Project, "created_at" | "id">) => `${p.created_at.toISOString()}_${p.id}`;
function decodeCursor(s: string | undefined): data.PortfolioCursor | null {
  if (!s) return null;
  const [iso, id] = s.split("_");
  const at = new Date(iso);
  return isUuid(id) && !Number.isNaN(at.getTime()) ? { at, id } : null;
}

async function rowsOf(list: Project[], now: Date) {
  const [orgRows, members, ends, pending] = await Promise.all([data.organizationsOf(list.map((p) => p.id)), data.membersOf(list.map((p) => p.id)), data.currentPlannedEnds(list), data.pendingReviewsOfProjects(list.map((p) => p.id))]);
  const [orgs, users] = await Promise.all([getOrganizations(orgRows.map((o) => o.organization_id)), getUsers([...list.map((p) => p.lead_id), ...members.map((m) => m.user_id)].filter((x): x is string => !!x))]);
  return list.map((p) => {
    const end = ends.get(p.id) ?? null;
    const review = pending.find((r) => r.project_id === p.id);
    return {
      id: p.id,
      title: p.title,
      stage: p.stage,
      stageLabel: stageLabels[p.stage],
      organizations: orgRows.filter((o) => o.project_id === p.id).map((o) => orgs.get(o.organization_id)?.name ?? ""),
      lead: nameOf(users, p.lead_id) ?? "",
      staff: members.filter((m) => m.project_id === p.id && m.role === "staff").map((m) => nameOf(users, m.user_id) ?? ""),
      days: daysBetween(p.stage_entered_at, now),
      timeInStage: durationLabel(daysBetween(p.stage_entered_at, now)),
      plannedEnd: formatDate(end),
      overdue: !!end && end < now && isMainStage(p.stage),
      pendingGate: review ? `${stageLabels[review.to_stage]} (${committeeKinds[review.committee_kind].toLowerCase()})` : "",
      budgetGranted: p.budget_granted_eur,
      fundingSource: p.funding_source,
    };
  });
}

export async function labPortfolio(viewer: Viewer, labSlug: string, query: PortfolioQuery, now = new Date()) {
  const lab = await labOf(viewer, labSlug);
  const filter: data.PortfolioFilter = {
    stage: (query.stage as Stage | undefined) ?? undefined,
    organizationId: query.org,
    staffId: query.staff,
    overdue: query.overdue === "1",
  };
  const before = decodeCursor(query.before);
  const after = before ? null : decodeCursor(query.after);
  let list: Project[];
  let hasPrev: boolean;
  let hasNext: boolean;
  if (before) {
    const back = await data.portfolioBefore(lab.id, filter, before, PAGE + 1, now);
    hasPrev = back.length > PAGE;
    list = back.slice(0, PAGE).reverse();
    hasNext = true;
  } else {
    const page = await data.portfolioPage(lab.id, filter, after, PAGE + 1, now);
    hasNext = page.length > PAGE;
    list = page.slice(0, PAGE);
    hasPrev = !!after;
  }
  const columns = query.vue === "colonnes" ? await data.stageColumns(lab.id, filter, 20, now) : null;
  const [rows, columnRows, orgs, staff] = await Promise.all([
    rowsOf(list, now),
    columns ? rowsOf(columns.flatMap((c) => c.projects), now) : Promise.resolve([]),
    listOrganizations(),
    usersWithRole(lab.id, "lab_team").then((ids) => getUsers(ids)),
  ]);
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ stage: query.stage, org: query.org, staff: query.staff, overdue: query.overdue, vue: query.vue })) if (v) params.set(k, v);
  const base = `/lab/${lab.slug}/projets`;
  const link = (extra: Record<string, string>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    const s = p.toString();
    return s ? `${base}?${s}` : base;
  };
  return {
    lab,
    filter: { stage: query.stage ?? "", org: query.org ?? "", staff: query.staff ?? "", overdue: query.overdue === "1", vue: query.vue === "colonnes" ? "colonnes" : "liste" },
    rows,
    columns: columns?.map((c) => ({ stage: c.stage, label: stageLabels[c.stage], count: c.count, projects: columnRows.filter((r) => c.projects.some((p) => p.id === r.id)) })) ?? null,
    paging: { first: link({}), prev: hasPrev && list.length ? link({ before: encodeCursor(list[0]) }) : null, next: hasNext && list.length ? link({ after: encodeCursor(list[list.length - 1]) }) : null },
    options: {
      stages: [...mainStages, "paused", "stopped"].map((s) => ({ value: s, label: stageLabels[s as Stage] })),
      organizations: orgs.map((o) => ({ value: o.id, label: o.name })),
      staff: [...staff.values()].map((u) => ({ value: u.id, label: displayName(u) })).sort((a, b) => a.label.localeCompare(b.label, "fr")),
    },
  };
}

/** Every project of the lab, for its team (projets.csv, projets.xlsx), fetched page by page. */
export async function labProjectsExport(viewer: Viewer, labSlug: string, now = new Date()): Promise<TableExport> {
  const lab = await labOf(viewer, labSlug);
  return {
    filename: `projets-${fileSlug(lab.slug)}`,
    sheet: "Projets",
    header: ["Titre", "Étape", "Depuis (jours)", "Fin prévue de l’étape", "Administrations", "Chef ou cheffe de projet", "Équipe du lab", "Budget demandé (€)", "Budget accordé (€)", "Financement", "Passage demandé", "Lien"],
    rows: pagedRows<string>(async (cursor) => {
      const list = await data.labProjectIdsAfter(lab.id, cursor, 200);
      const rows = await rowsOf(list, now);
      return {
        rows: rows.map((r, i) => [r.title, r.stageLabel, r.days, r.plannedEnd, r.organizations.join(", "), r.lead, r.staff.join(", "), list[i].budget_requested_eur, r.budgetGranted, r.fundingSource, r.pendingGate, absoluteLink(`/projets/${r.id}`)]),
        next: list.length === 200 ? list[list.length - 1].id : null,
      };
    }),
  };
}

/** « Mes projets »: where the agent is lead, lab staff or expert. */
export async function myProjects(viewer: Viewer, now = new Date()) {
  const list = await data.projectsOfUser(viewer.userId);
  const places = await data.placesOf(viewer.userId, list);
  const rows = await rowsOf(list, now);
  const labs = new Map<string, string>();
  for (const p of list) if (!labs.has(p.lab_id)) labs.set(p.lab_id, (await getLab(p.lab_id))?.name ?? "");
  return rows.map((r, i) => {
    const place = places.get(r.id)!;
    return { ...r, lab: labs.get(list[i].lab_id) ?? "", role: [place.lead ? "Chef ou cheffe de projet" : null, place.staff ? memberRoles.staff : null, place.expert ? memberRoles.expert : null].filter(Boolean).join(", ") };
  });
}

/** How many projects the lab has by stage, and how many wait at a gate (the lab's home). */
export async function labProjectCounts(viewer: Viewer, labId: string) {
  if (!hasRole(viewer.principal, labId, "lab_team")) return null;
  const columns = await data.stageColumns(labId, {}, 0);
  const total = columns.reduce((n, c) => n + c.count, 0);
  const [project, steering] = await Promise.all([data.pendingReviews(labId, "project"), data.pendingReviews(labId, "steering")]);
  return { total, pendingGates: project.length + steering.length };
}

// ---------------------------------------------------------------- an idea's trace

/**
 * The projects born from these decisions that the viewer may see, for an idea's trace: the
 * project, its current stage and whether it is deployed.
 */
export async function projectStepsOfDecisions(viewer: Viewer | null, decisionIds: string[]) {
  const visible = await projectsVisibleTo(viewer, await data.projectsOfDecisions(decisionIds));
  return new Map(visible.map((p) => [p.decision_id!, { id: p.id, title: p.title, stage: p.stage, stageLabel: stageLabels[p.stage], createdAt: p.created_at, stageSince: p.stage_entered_at, reason: p.status_reason }]));
}

// ---------------------------------------------------------------- the lab's template

export async function projectSettingsPage(viewer: Viewer, labSlug: string) {
  const lab = await labOf(viewer, labSlug);
  const s = await data.labSettings(lab.id);
  return { lab, template: s.template, strategic: s.strategicStages, stages: mainStages.map((st) => ({ value: st, label: stageLabels[st] })) };
}

export async function saveProjectSettings(viewer: Viewer, labSlug: string, input: data.LabSettings): Promise<void> {
  const lab = await labOf(viewer, labSlug);
  await data.saveLabSettings(lab.id, input);
}


// ---------------------------------------------------------------- from the one-stop desk

/**
 * The project born from a request the lab accepted as « projet »: the request's fields carried
 * over (title, context as the problem, who is affected, the requester's organisation), the
 * requester its lead, the request linked to it — one transaction. For the lab team of the
 * request's lab (the desk's own rule, asked of the requests module).
 */
export async function projectForRequest(viewer: Viewer, requestId: string): Promise<Project> {
  return transaction(async () => {
    const r = await requests.requestForProject(viewer, requestId);
    return birthFromRequest(r, viewer.userId);
  });
}

/** The steering committee accepted a request as a project (its decision, validated): the project is born from it. */
export async function projectForCommitteeRequest(requestId: string, decidedBy: string | null): Promise<Project> {
  return transaction(async () => birthFromRequest(await requests.acceptedRequestFields(requestId), decidedBy));
}

async function birthFromRequest(
  r: { id: string; labId: string; title: string; problem: string; users: string; organizationId: string | null; requesterId: string | null; status: string; outcome: string | null; projectId: string | null },
  createdBy: string | null,
): Promise<Project> {
  if (r.status !== "accepted" || r.outcome !== "project") throw new Refusal("Seule une demande acceptée pour un projet devient un projet.", 409);
  if (r.projectId) throw new Refusal("Cette demande a déjà son projet.", 409);
  const requester = r.requesterId ? (await getUserContacts([r.requesterId])).get(r.requesterId) : undefined;
  const project = await createProjectFromRequest(null, {
    labId: r.labId,
    requestId: r.id,
    title: r.title,
    problem: r.problem,
    users: r.users,
    organizationIds: r.organizationId ? [r.organizationId] : [],
    leadEmail: requester?.email ?? null,
    createdBy,
  });
  await requests.linkProject(null, r.id, project.id);
  return project;
}

/** « Accepter et créer le projet »: the desk's acceptance and the project's birth, in one transaction. */
export async function acceptAsProject(viewer: Viewer, requestId: string, message: string): Promise<Project> {
  return transaction(async () => {
    await requests.accept(viewer, requestId, "project", message);
    return projectForRequest(viewer, requestId);
  });
}

/** The projects born from these requests that the viewer may see: title and current stage, by project id. */
export async function projectSummaries(viewer: Viewer | null, projectIds: (string | null | undefined)[]) {
  const ids = projectIds.filter((id): id is string => !!id && isUuid(id));
  const visible = await projectsVisibleTo(viewer, ids.length ? await data.getProjects(ids) : []);
  return new Map(visible.map((p) => [p.id, { id: p.id, title: p.title, stage: p.stage, stageLabel: stageLabels[p.stage] }]));
}

// ---------------------------------------------------------------- for the committees

const euros = (n: number | null) => (n === null ? "–" : `${formatNumber(n)}\u00a0€`);

/**
 * The one-page dossier of a project for its committee: stage and time in it, the problem, the
 * budget, the stage's deliverables, the indicators and their last measure.
 */
/**
 * A project's one-page dossier for a committee: stage, problem, budget, then — for a gate review —
 * the gate asked and the deliverables of the stage it leaves, then the indicators.
 */
async function projectDossierText(p: Project, review: GateReview | null): Promise<string> {
  const [deliverables, indicators] = await Promise.all([review ? data.deliverablesOf(p.id) : Promise.resolve([]), data.indicatorsOf(p.id)]);
  const measures = await data.measurementsOf(indicators.map((i) => i.id));
  const last = (id: string) => measures.filter((m) => m.indicator_id === id).sort((a, b) => +b.measured_on - +a.measured_on)[0];
  const gate = review ? ` Passage demandé : ${stageLabels[review.from_stage].toLowerCase()} → ${stageLabels[review.to_stage].toLowerCase()}.` : "";
  const lines = [
    `Projet ${q(p.title)} : ${stageLabels[p.stage].toLowerCase()} depuis le ${formatDate(p.stage_entered_at)}.${gate}`,
    `Problème : ${p.problem || "–"}`,
    `Budget : demandé ${euros(p.budget_requested_eur)}, accordé ${euros(p.budget_granted_eur)}${p.funding_source ? ` (${p.funding_source})` : ""}.`,
  ];
  if (review) {
    lines.push(
      "Livrables de l’étape :",
      ...deliverables.filter((d) => d.stage === review.from_stage).map((d) => `– ${d.label} : ${deliverableKinds[d.kind].toLowerCase()}${d.kind === "text" && d.body ? `, ${d.body}` : d.kind === "link" && d.url ? `, ${d.url}` : d.kind === "not_required" && d.body ? `, ${d.body}` : ""}`),
    );
  }
  if (indicators.length) {
    lines.push("Indicateurs :");
    for (const i of indicators) {
      const m = last(i.id);
      lines.push(`– ${i.name} : ${m ? `${formatNumber(m.value, 2)} ${i.unit} le ${formatDate(m.measured_on)}` : "pas encore mesuré"} (départ ${i.baseline ?? "–"}, cible ${i.target ?? "–"})`);
    }
  }
  return lines.join("\n");
}

/** What awaits a committee from the projects: the lab's pending gate reviews of that kind, each with its dossier. */
export async function gateReviewSubjects(labId: string, kind: CommitteeKind) {
  return Promise.all(
    (await waitingReviews(labId, kind)).map(async ({ review, project }) => ({
      subjectId: review.id,
      title: `Passage en ${stageLabels[review.to_stage].toLowerCase()}\u00a0: ${project.title}`,
      summary: await projectDossierText(project, review),
    })),
  );
}

// ---------------------------------------------------------------- the network of labs

const networkStatus = { pending: "En attente du comité de pilotage", supported: "Soutenu", declined: "Non retenu" } as const;

/**
 * The lab team proposes its project to another lab's steering committee (the network of labs):
 * the project then awaits that committee, with its dossier and the team's message. A confidential
 * or stopped project is not proposed; one open proposal per lab at a time.
 */
export async function proposeToNetwork(viewer: Viewer, projectId: string, input: { labSlug: string; message: string }, at = new Date()) {
  const { project } = await requireProject(viewer, projectId, "manage");
  if (project.confidential) throw new Refusal("Un projet confidentiel ne se propose pas au réseau : seuls son équipe et son lab le voient.", 409);
  if (project.stage === "stopped") throw new Refusal("Ce projet est arrêté.", 409);
  const to = await getLabBySlug(input.labSlug);
  if (!to || to.id === project.lab_id) throw new Refusal("Lab : choisissez un autre lab du réseau.", 400, "labSlug");
  return transaction(async () => {
    try {
      const proposal = await data.addNetworkProposal({ projectId: project.id, fromLabId: project.lab_id, toLabId: to.id, message: input.message.trim(), proposedBy: viewer.userId, at });
      await journal(project.id, viewer.userId, `Projet proposé au comité de pilotage de ${to.name}.`, at);
      return proposal;
    } catch (err) {
      if ((err as { code?: string }).code === "23505") throw new Refusal(`Ce projet attend déjà le comité de pilotage de ${to.name}.`, 409);
      throw err;
    }
  });
}

/** What awaits a lab's steering committee from the network: the projects other labs proposed to it, each with its dossier. */
export async function networkProjectSubjects(labId: string) {
  const proposals = await data.pendingNetworkProposalsTo(labId);
  if (!proposals.length) return [];
  const [projects, labs] = await Promise.all([data.getProjects(proposals.map((p) => p.project_id)), getLabs(proposals.map((p) => p.from_lab_id))]);
  const byId = new Map(projects.map((p) => [p.id, p]));
  return Promise.all(
    proposals.flatMap((proposal) => {
      const project = byId.get(proposal.project_id);
      // a project made confidential or stopped since is no longer shown to another lab
      if (!project || project.confidential || project.stage === "stopped") return [];
      const from = labs.get(proposal.from_lab_id)?.name ?? "un lab du réseau";
      return [
        (async () => ({
          subjectId: proposal.id,
          title: `Projet proposé par ${from}\u00a0: ${project.title}`.slice(0, 200),
          summary: [`Proposé par ${from} le ${formatDate(proposal.proposed_at)}.`, ...(proposal.message ? [`Message du lab\u00a0: ${proposal.message}`] : []), await projectDossierText(project, null)].join("\n"),
        }))(),
      ];
    }),
  );
}

/**
 * The steering committee's validated decision on a proposed project: supported or not, written in
 * the project's journal and told to its team. Refused (409) when already answered.
 */
export async function decideNetworkProposal(proposalId: string, supported: boolean, wording: string, at: Date, by: string | null): Promise<void> {
  await transaction(async () => {
    const proposal = await data.decideNetworkProposal(proposalId, supported, wording.trim(), at);
    if (!proposal) {
      if (!(await data.getNetworkProposal(proposalId))) throw new Refusal("Cette proposition n’existe pas.", 404);
      throw new Refusal("Le comité a déjà répondu à cette proposition.", 409);
    }
    const [p, to] = await Promise.all([data.getProject(proposal.project_id), getLab(proposal.to_lab_id)]);
    if (!p) return;
    const answer = supported ? `soutient le projet` : `ne retient pas le projet`;
    const line = `Le comité de pilotage de ${to?.name ?? "l’autre lab"} ${answer}${wording.trim() ? `\u00a0: ${wording.trim()}` : "."}`;
    await journal(p.id, by, line, at);
    await tellTeam(p, "project_stage", await data.teamOf(p), `Le comité de pilotage de ${to?.name ?? "l’autre lab"} ${answer} ${q(p.title)}`, [line]);
  });
}

/** The project page's « réseau des labs » part: the proposals made, and where it may still go. */
async function networkView(p: Project, manage: boolean) {
  const proposals = await data.networkProposalsOf(p.id);
  const labs = manage ? await listLabs() : [...(await getLabs(proposals.map((x) => x.to_lab_id))).values()];
  const name = (id: string) => labs.find((l) => l.id === id)?.name ?? "";
  const open = new Set(proposals.filter((x) => x.status === "pending").map((x) => x.to_lab_id));
  return {
    proposals: proposals.map((x) => ({ id: x.id, lab: name(x.to_lab_id), on: formatDate(x.proposed_at), status: networkStatus[x.status], decidedOn: x.decided_at ? formatDate(x.decided_at) : null, wording: x.decision_wording ?? "" })),
    /** the labs it may be proposed to now: the others, without an open proposal */
    labs: manage && !p.confidential && p.stage !== "stopped" ? labs.filter((l) => l.id !== p.lab_id && !open.has(l.id)).map((l) => ({ slug: l.slug, name: l.name })) : [],
  };
}

/**
 * What other modules need to measure projects (the roadmaps' progress): for each of these project
 * ids that exists, its lab, title, confidentiality, stage (and the stage a paused project resumes
 * at), when each main stage was entered, and its decided gate reviews in order. No rights are
 * checked here: callers show only what their own rules allow (a confidential project stays
 * « projet interne » on a public page).
 */
export async function projectFacts(projectIds: string[]) {
  const ids = [...new Set(projectIds.filter(isUuid))];
  if (!ids.length) return new Map<string, ProjectFacts>();
  const [projects, stages, reviews] = await Promise.all([data.getProjects(ids), data.stagesOfProjects(ids), data.decidedReviewsOfProjects(ids)]);
  return new Map(
    projects.map((p) => [
      p.id,
      {
        id: p.id,
        labId: p.lab_id,
        title: p.title,
        confidential: p.confidential,
        stage: p.stage,
        resumeStage: p.resume_stage,
        stageSince: p.stage_entered_at,
        entered: stages.filter((s) => s.project_id === p.id && s.entered_at).map((s) => ({ stage: s.stage, at: s.entered_at! })),
        gates: reviews.filter((r) => r.project_id === p.id).map((r) => ({ from: r.from_stage, to: r.to_stage, outcome: r.outcome!, decidedAt: r.decided_at! })),
      } satisfies ProjectFacts,
    ]),
  );
}

export interface ProjectFacts {
  id: string;
  labId: string;
  title: string;
  confidential: boolean;
  stage: Stage;
  resumeStage: MainStage | null;
  stageSince: Date;
  entered: { stage: MainStage; at: Date }[];
  gates: { from: MainStage; to: MainStage; outcome: GateOutcome; decidedAt: Date }[];
}

/** A lab's projects (id, title, stage), for a form that links one (the lab team's roadmap). */
export async function labProjectChoices(viewer: Viewer, labId: string) {
  if (!hasRole(viewer.principal, labId, "lab_team")) return [];
  return (await data.projectsOfLab(labId)).map((p) => ({ id: p.id, title: p.title, stage: p.stage, stageLabel: stageLabels[p.stage] }));
}

// ---------------------------------------------------------------- case studies (for the resources library)

/** A project the library may tell as a case study: one that reached évaluation or déploiement, not confidential. */
const tellable = (p: Project) => !p.confidential && (p.stage === "evaluation" || p.stage === "deployment" || (p.stage === "paused" && (p.resume_stage === "evaluation" || p.resume_stage === "deployment")));

/** A lab's projects that may become case studies, for its lab team. */
export async function caseStudyCandidates(viewer: Viewer, labId: string) {
  if (!hasRole(viewer.principal, labId, "lab_team")) return [];
  return (await data.projectsOfLab(labId)).filter(tellable).map((p) => ({ id: p.id, title: p.title, stage: p.stage, stageLabel: stageLabels[p.stage] }));
}

/**
 * What a case study drafts from a project (its lab team only): the problem, the method (the texts
 * of its prototype and experimentation deliverables), the result (those of évaluation and
 * déploiement), and the indicators with their baseline, target and last measure.
 */
export async function caseStudySource(viewer: Viewer, projectId: string) {
  const { project: p } = await requireProject(viewer, projectId, "seeAll");
  if (!hasRole(viewer.principal, p.lab_id, "lab_team")) throw new Refusal("Seule l’équipe du lab rédige une étude de cas.", 403);
  if (!tellable(p)) throw new Refusal("Seul un projet non confidentiel arrivé en évaluation ou en déploiement devient une étude de cas.", 409, "projectId");
  const [deliverables, indicators] = await Promise.all([data.deliverablesOf(p.id), data.indicatorsOf(p.id)]);
  const measurements = await data.measurementsOf(indicators.map((i) => i.id));
  const texts = (stages: MainStage[]) =>
    deliverables
      .filter((d) => stages.includes(d.stage) && (d.body || d.url))
      .map((d) => `${d.label}\u00a0: ${d.body ?? d.url}`)
      .join("\n");
  const indicatorLines = indicators.map((i) => {
    const last = measurements.filter((m) => m.indicator_id === i.id).at(-1);
    const parts = [i.baseline !== null ? `départ ${formatNumber(i.baseline)}` : null, i.target !== null ? `cible ${formatNumber(i.target)}` : null, last ? `mesuré ${formatNumber(last.value)} le ${formatDate(last.measured_on)}` : null].filter(Boolean);
    return `${i.name}${i.unit ? ` (${i.unit})` : ""}${parts.length ? `\u00a0: ${parts.join(", ")}` : ""}`;
  });
  return {
    id: p.id,
    labId: p.lab_id,
    title: p.title,
    problem: [p.problem, p.users ? `Pour qui\u00a0: ${p.users}` : ""].filter(Boolean).join("\n"),
    method: texts(["exploration", "prototype", "experimentation"]),
    result: texts(["evaluation", "deployment"]) || `Le projet est en ${stageLabels[p.stage].toLowerCase()}.`,
    indicators: indicatorLines.join("\n"),
  };
}
