/**
 * The one-stop desk's use cases. Each one checks the viewer's rights first (permissions.ts), then
 * runs in one transaction: its rows, its notifications and its mails (outbox) are committed
 * together; mail delivery is queued once committed.
 */
import { labsWhere, Refusal, type Viewer } from "../kernel/permissions";
import { transaction } from "../kernel/db/transaction";
import { runtime } from "../kernel/runtime";
import { checkUploads } from "../kernel/uploads";
import { isUuid } from "../kernel/ids";
import { formatDate } from "../kernel/format";
import { absoluteUrl, queueMail, type Mail, type MailContent } from "../kernel/mail/mail";
import { displayName, findUserByEmail, getUser, getUserContacts, getUsers } from "../accounts/accounts";
import { getOrganizations } from "../organizations/organizations";
import { getLab, getLabs, listLabs, usersWithRole, type Lab } from "../labs/labs";
import { getLabBySlug } from "../labs/labs";
import { notify, type NotificationKind } from "../notifications/notifications";
import { optedOut } from "../notifications/preferences";
import * as d from "./db/queries";
import type { RequestKind, RequestStatus } from "./db/schema";
import { isOpen, mayManageDesk, requestRights, type RequestFacts, type RequestRights, type RequestViewer } from "./permissions";
import { requestKinds, requestOutcomes, requestStatuses, statusSentence } from "./labels";
import { addWorkingDays, workingDaysBetween } from "./workdays";
import type { RequestInput } from "./schemas";

export const MAX_ATTACHMENTS = 5;
const PAGE = 50;

// ---------------------------------------------------------------- who is asking

export function requestViewer(viewer: Viewer): RequestViewer {
  return { userId: viewer.userId, labTeamOf: labsWhere(viewer.principal, "lab_team") };
}

async function factsOf(r: d.Request): Promise<RequestFacts> {
  return {
    status: r.status,
    labId: r.lab_id,
    requesterId: r.requester_id,
    sponsorId: r.sponsor_id,
    sponsorConfirmed: !!r.sponsor_confirmed_at,
    reorientedToLabId: r.reoriented_to_lab_id,
    experts: await d.listExperts(r.id),
  };
}

/** The request and the viewer's rights on it; 404 for whoever may not read it (a private request's existence is private too). */
async function requireReadable(viewer: Viewer, id: string, lock = false): Promise<{ request: d.Request; rights: RequestRights; facts: RequestFacts }> {
  const request = lock ? await d.lockRequest(id) : await d.getRequest(id);
  if (!request) throw new Refusal("Cette demande n’existe pas.", 404);
  const facts = await factsOf(request);
  const rights = requestRights(requestViewer(viewer), facts);
  if (!rights.mayRead) throw new Refusal("Cette demande n’existe pas ou ne vous est pas accessible.", 404);
  return { request, rights, facts };
}

/** Who may read a request, for another module that shows it (the projects module): the same rule as the desk's. */
export async function mayReadRequest(viewer: Viewer, id: string): Promise<boolean> {
  const request = await d.getRequest(id);
  return !!request && requestRights(requestViewer(viewer), await factsOf(request)).mayRead;
}

function refuseUnless(allowed: boolean, message: string): void {
  if (!allowed) throw new Refusal(message, 403);
}

// ---------------------------------------------------------------- notifications and mails

async function mailTo(userIds: (string | null)[], kind: NotificationKind, labId: string, content: (givenName: string) => MailContent): Promise<void> {
  const ids = [...new Set(userIds.filter((u): u is string => !!u))];
  if (!ids.length) return;
  const [contacts, stopped] = await Promise.all([getUserContacts(ids), optedOut(ids, kind)]);
  const mails: Mail[] = [];
  for (const id of ids) {
    if (stopped.has(id)) continue;
    const c = contacts.get(id);
    if (c?.email) mails.push({ to: c.email, content: content(c.givenName) });
  }
  await queueMail({ kind, labId }, mails);
}

const link = (id: string) => `/demandes/${id}`;

/** Tells the requester and the sponsor of a change of status: in the app and by mail. */
async function tellStatus(r: d.Request, lab: Lab, sentence: string, actorId: string): Promise<void> {
  const who = [r.requester_id, r.sponsor_id].filter((u): u is string => !!u && u !== actorId);
  await notify(who.map((userId) => ({ userId, kind: "request_status" as const, title: `Votre demande « ${r.title} » : ${sentence}`, link: link(r.id) })));
  await mailTo(who, "request_status", lab.id, (g) => ({
    subject: `Votre demande au guichet de ${lab.name} : ${requestStatuses[r.status].toLowerCase()}`,
    greeting: `Bonjour ${g},`,
    paragraphs: [`Demande « ${r.title} » : ${sentence}`, "Vous retrouvez son historique et sa conversation avec le lab sur sa page."],
    facts: [
      { label: "Lab", value: lab.name },
      { label: "Type d’aide", value: requestKinds[r.kind] },
    ],
    action: { label: "Voir la demande", url: absoluteUrl(link(r.id)) },
  }));
}

// ---------------------------------------------------------------- the desk: labs and the form

/** Every lab of the installation, with what it does and its answer-time promise. */
export async function deskLabs() {
  const labs = await listLabs();
  const [days, summaries] = await Promise.all([d.answerDays(labs.map((l) => l.id)), d.summaries(labs.map((l) => l.id))]);
  return labs.map((l) => ({ id: l.id, slug: l.slug, name: l.name, description: summaries.get(l.id) ?? l.description, answerDays: days.get(l.id) ?? d.DEFAULT_ANSWER_DAYS }));
}

export function maxUploadMb(): number {
  return Math.round(runtime().config.uploadMaxBytes / 1024 / 1024);
}

/** The sponsor's account; null when the address has none yet (it is kept, and linked at their first sign-in). */
async function resolveSponsor(email: string, requesterId: string): Promise<string | null> {
  if (!email) return null;
  const u = await findUserByEmail(email);
  if (!u) return null;
  if (u.id === requesterId) throw new Refusal("Commanditaire : indiquez une autre personne que vous, dans votre hiérarchie.", 400, "sponsorEmail");
  return u.id;
}

/**
 * An account was created at first sign-in: the requests that named its address as sponsor are now
 * its own to confirm; those already sent to a lab ask it, in the app and by mail.
 */
export async function claimSponsorships(user: { id: string; email: string }): Promise<number> {
  return transaction(async () => {
    const claimed = await d.claimSponsor(user.email, user.id);
    const labs = await getLabs(claimed.map((r) => r.lab_id));
    for (const r of claimed) {
      const lab = labs.get(r.lab_id);
      if (lab && r.status !== "draft") await askSponsor(r, lab, r.requester_id);
    }
    return claimed.length;
  });
}

async function requireLab(labId: string): Promise<Lab> {
  const lab = await getLab(labId);
  if (!lab) throw new Refusal("Lab : choisissez un lab de la liste.", 400, "labId");
  return lab;
}

async function checkFiles(files: FormDataEntryValue[], room: number) {
  const uploads = await checkUploads(files, runtime().config.uploadMaxBytes, room);
  if (!uploads.ok) throw new Refusal(uploads.error, 400, "attachments");
  return uploads.files;
}

/** Sends a draft to the lab: its deadline from the lab's promise, the lab team and the sponsor told. */
async function submitDraft(r: d.Request, viewer: Viewer, at: Date): Promise<void> {
  const lab = (await getLab(r.lab_id))!;
  const days = (await d.answerDays([lab.id])).get(lab.id)!;
  await d.setRequest(r.id, { status: "submitted", submitted_at: at, due_at: addWorkingDays(at, days), updated_at: at });
  await d.addEvent({ requestId: r.id, actorId: viewer.userId, kind: "submitted", status: "submitted", at });
  const team = await usersWithRole(lab.id, "lab_team");
  await notify(team.filter((u) => u !== viewer.userId).map((userId) => ({ userId, kind: "request_submitted" as const, title: `Nouvelle demande au guichet : « ${r.title} »`, link: link(r.id) })));
  if (r.sponsor_id) await askSponsor(r, lab, viewer.userId);
  else if (r.sponsor_email) await askSponsorWithoutAccount(r, lab, viewer.userId);
}

/** The sponsor has no account yet: a mail to their address asks them to sign in, which links the request to them. */
async function askSponsorWithoutAccount(r: d.Request, lab: Lab, requesterId: string): Promise<void> {
  const requester = await getUser(requesterId);
  const name = requester ? displayName(requester) : "Un agent";
  await queueMail({ kind: "request_sponsor", labId: lab.id }, [
    {
      to: r.sponsor_email,
      content: {
        subject: `Confirmez-vous la demande de ${name} au guichet de ${lab.name} ?`,
        greeting: "Bonjour,",
        paragraphs: [
          `${name} demande l’aide de ${lab.name} pour son service et vous indique comme commanditaire dans sa hiérarchie.`,
          "Connectez-vous à Germoir avec cette adresse (ProConnect) : la demande vous attendra, pour la lire et confirmer votre soutien. Sans confirmation, le lab la voit signalée, mais l’étudie quand même.",
        ],
        facts: [
          { label: "Demande", value: r.title },
          { label: "Type d’aide", value: requestKinds[r.kind] },
        ],
        action: { label: "Lire et confirmer la demande", url: absoluteUrl(link(r.id)) },
      },
    },
  ]);
}

async function askSponsor(r: d.Request, lab: Lab, requesterId: string | null): Promise<void> {
  if (!r.sponsor_id) return;
  const requester = requesterId ? await getUser(requesterId) : undefined;
  const name = requester ? displayName(requester) : "Un agent";
  await notify({ userId: r.sponsor_id, kind: "request_sponsor", title: `${name} vous indique comme commanditaire de sa demande « ${r.title} » : confirmez-vous votre soutien ?`, link: link(r.id) });
  await mailTo([r.sponsor_id], "request_sponsor", lab.id, (g) => ({
    subject: `Confirmez-vous la demande de ${name} au guichet de ${lab.name} ?`,
    greeting: `Bonjour ${g},`,
    paragraphs: [`${name} demande l’aide de ${lab.name} pour son service et vous indique comme commanditaire dans sa hiérarchie.`, "Ouvrez la demande pour la lire et confirmer votre soutien. Sans confirmation, le lab la voit signalée, mais l’étudie quand même."],
    facts: [
      { label: "Demande", value: r.title },
      { label: "Type d’aide", value: requestKinds[r.kind] },
    ],
    action: { label: "Lire et confirmer la demande", url: absoluteUrl(link(r.id)) },
  }));
}

/** Creates a request as a draft, or submits it at once. */
export async function createRequest(viewer: Viewer, input: RequestInput, files: FormDataEntryValue[] = [], at = new Date()): Promise<d.Request> {
  const lab = await requireLab(input.labId);
  const uploads = await checkFiles(files, MAX_ATTACHMENTS);
  return transaction(async () => {
    const sponsorId = await resolveSponsor(input.sponsorEmail, viewer.userId);
    const me = await getUser(viewer.userId);
    const r = await d.insertRequest({ ...input, labId: lab.id, requesterId: viewer.userId, organizationId: me?.organization_id ?? null, sponsorId, at });
    await d.addEvent({ requestId: r.id, actorId: viewer.userId, kind: "created", status: "draft", at });
    for (const f of uploads) await d.addAttachment(r.id, null, f, viewer.userId);
    if (input.intent === "submit") await submitDraft(r, viewer, at);
    return (await d.getRequest(r.id))!;
  });
}

/** The edit form of a draft: its requester only. */
export async function requestForEdit(viewer: Viewer, id: string) {
  const { request, rights } = await requireReadable(viewer, id);
  if (!rights.mayEdit) throw new Refusal("Seul le demandeur modifie sa demande, tant qu’elle est un brouillon.", 403);
  const attachments = (await d.listAttachments(id)).filter((a) => !a.message_id);
  return {
    request: {
      id: request.id,
      labId: request.lab_id,
      kind: request.kind,
      title: request.title,
      context: request.context,
      affected: request.affected,
      success: request.success,
      timing: request.timing,
      sponsorEmail: request.sponsor_email,
      otherAdministrations: request.other_administrations,
    },
    attachments: attachments.map((a) => ({ id: a.id, filename: a.filename })),
  };
}

export async function requireEditable(viewer: Viewer, id: string): Promise<void> {
  await requestForEdit(viewer, id);
}

export async function updateRequest(viewer: Viewer, id: string, input: RequestInput, files: FormDataEntryValue[] = [], remove: string[] = [], at = new Date()): Promise<d.Request> {
  await requestForEdit(viewer, id);
  const lab = await requireLab(input.labId);
  return transaction(async () => {
    const { request, rights } = await requireReadable(viewer, id, true);
    if (!rights.mayEdit) throw new Refusal("Cette demande est déjà envoyée au lab : elle ne se modifie plus.", 409);
    const kept = (await d.listAttachments(id)).filter((a) => !a.message_id && !remove.includes(a.id));
    const uploads = await checkFiles(files, MAX_ATTACHMENTS - kept.length);
    const sponsorId = await resolveSponsor(input.sponsorEmail, viewer.userId);
    await d.updateFields(id, { ...input, labId: lab.id, sponsorId }, at);
    for (const a of remove) await d.attachments.remove(id, a);
    for (const f of uploads) await d.addAttachment(id, null, f, viewer.userId);
    const fresh = (await d.getRequest(request.id))!;
    if (input.intent === "submit") await submitDraft(fresh, viewer, at);
    return (await d.getRequest(request.id))!;
  });
}

// ---------------------------------------------------------------- a request's page

const nameOf = (users: Map<string, { given_name: string; family_name: string }>, id: string | null) => (id && users.get(id) ? displayName(users.get(id)!) : "Agent supprimé");

async function historyOf(r: d.Request, rights: RequestRights, viewerId: string) {
  const kinds = ["message" as const, ...(rights.mayReadNotes ? (["note"] as const) : []), ...(rights.mayReadOpinions ? (["opinion"] as const) : [])];
  const [events, messages, files] = await Promise.all([d.listEvents(r.id), d.listMessages(r.id, kinds), d.listAttachments(r.id)]);
  const labIds = events.filter((e) => e.kind === "reoriented_to" || e.kind === "reoriented_from").map((e) => e.detail);
  const labs = await getLabs(labIds);
  const users = await getUsers([...events.map((e) => e.actor_id), ...messages.map((m) => m.author_id)].filter((u): u is string => !!u));
  return {
    events: events.map((e) => ({ id: e.id, at: e.created_at, actor: nameOf(users, e.actor_id), text: eventText(e, labs) })),
    messages: messages.map((m) => ({
      id: m.id,
      kind: m.kind,
      body: m.body,
      at: m.created_at,
      author: nameOf(users, m.author_id),
      mine: m.author_id === viewerId,
      attachments: files.filter((f) => f.message_id === m.id).map((f) => ({ id: f.id, filename: f.filename, size: f.size })),
    })),
    attachments: files.filter((f) => !f.message_id).map((f) => ({ id: f.id, filename: f.filename, size: f.size })),
  };
}

function eventText(e: d.RequestEvent, labs: Map<string, Lab>): string {
  switch (e.kind) {
    case "created":
      return "Brouillon créé";
    case "submitted":
      return "Demande déposée";
    case "status":
      return `Statut : ${requestStatuses[e.status ?? "submitted"].toLowerCase()}${e.detail ? ` – ${e.detail}` : ""}`;
    case "reoriented_to":
      return `Réorientée vers ${labs.get(e.detail)?.name ?? "un autre lab"}`;
    case "reoriented_from":
      return `Reçue de ${labs.get(e.detail)?.name ?? "un autre lab"}, avec son historique`;
    case "sponsor_confirmed":
      return "Soutien confirmé par le commanditaire";
    case "assigned":
      return e.detail ? `Confiée à ${e.detail}` : "Plus de responsable";
    case "expert_invited":
      return `Avis demandé à ${e.detail}`;
    case "edited":
      return "Demande modifiée";
    case "proposed_steering":
      return "Proposée au comité de pilotage du lab";
  }
}

/** Everything the viewer may see of a request: its fields, history, conversation, notes and opinions as their rights allow. */
export async function requestPage(viewer: Viewer, id: string, now = new Date()) {
  const { request: r, rights, facts } = await requireReadable(viewer, id);
  const lab = (await getLab(r.lab_id))!;
  const [history, users, orgs, labs, days] = await Promise.all([
    historyOf(r, rights, viewer.userId),
    getUsers([r.requester_id, r.sponsor_id, r.assignee_id, ...facts.experts].filter((u): u is string => !!u)),
    getOrganizations(r.organization_id ? [r.organization_id] : []),
    rights.mayDecide ? listLabs() : Promise.resolve([] as Lab[]),
    d.answerDays([r.lab_id]),
  ]);
  const toLab = r.reoriented_to_lab_id ? await getLab(r.reoriented_to_lab_id) : undefined;
  // the request it continues (réorientée here): its history comes with it, for whoever reads this one
  const origin = r.reoriented_from_id ? await d.getRequest(r.reoriented_from_id) : undefined;
  const originLab = origin ? await getLab(origin.lab_id) : undefined;
  const originRights = origin ? requestRights(requestViewer(viewer), await factsOf(origin)) : null;
  const originHistory = origin && originRights?.mayRead ? await historyOf(origin, originRights, viewer.userId) : null;
  const continuation = r.status === "reoriented" ? await d.continuationOf(r.id) : undefined;
  const team = rights.mayManage ? await usersWithRole(r.lab_id, "lab_team") : [];
  const teamUsers = await getUsers(team);
  return {
    request: {
      id: r.id,
      title: r.title,
      kind: r.kind,
      kindLabel: requestKinds[r.kind],
      status: r.status,
      statusLabel: requestStatuses[r.status],
      sentence: statusSentence({ status: r.status, outcome: r.outcome, labName: lab.name, toLabName: toLab?.name, declineReason: r.decline_reason }),
      outcome: r.outcome ? requestOutcomes[r.outcome] : null,
      outcomeKey: r.outcome,
      proposedToSteeringAt: r.proposed_to_steering_at,
      context: r.context,
      affected: r.affected,
      success: r.success,
      timing: r.timing,
      otherAdministrations: r.other_administrations,
      lab: { id: lab.id, slug: lab.slug, name: lab.name },
      organization: r.organization_id ? (orgs.get(r.organization_id)?.name ?? "") : "",
      requester: nameOf(users, r.requester_id),
      sponsor: r.sponsor_id ? nameOf(users, r.sponsor_id) : r.sponsor_email ? `${r.sponsor_email} (pas encore de compte\u00a0: la demande lui sera liée à sa première connexion)` : null,
      sponsorConfirmedAt: r.sponsor_confirmed_at,
      assignee: r.assignee_id ? nameOf(users, r.assignee_id) : null,
      assigneeId: r.assignee_id,
      experts: facts.experts.map((u) => nameOf(users, u)),
      createdAt: r.created_at,
      submittedAt: r.submitted_at,
      dueAt: r.due_at,
      overdue: isOpen(r.status) && !!r.due_at && r.due_at < now,
      answerDays: days.get(r.lab_id)!,
      firstAnswerAt: r.first_answer_at,
      decidedAt: r.decided_at,
      declineReason: r.decline_reason,
      projectId: r.project_id,
      reorientedTo: toLab ? { name: toLab.name } : null,
      continuationId: continuation && (await mayReadRequest(viewer, continuation.id)) ? continuation.id : null,
      mine: r.requester_id === viewer.userId,
    },
    rights,
    history,
    origin: origin && originLab && originHistory ? { id: origin.id, lab: originLab.name, ...originHistory } : null,
    labs: labs.filter((l) => l.id !== r.lab_id).map((l) => ({ value: l.id, label: l.name })),
    team: team.map((u) => ({ value: u, label: nameOf(teamUsers, u) })),
    maxMb: maxUploadMb(),
  };
}

export async function requestAttachment(viewer: Viewer, id: string, attachmentId: string) {
  const { request } = await requireReadable(viewer, id);
  const file = await d.attachments.get(request.id, attachmentId);
  if (file) return file;
  // the attachments of the request it continues come with its history
  if (request.reoriented_from_id) {
    const inherited = await d.attachments.get(request.reoriented_from_id, attachmentId);
    if (inherited) return inherited;
  }
  throw new Refusal("Cette pièce jointe n’existe pas.", 404);
}

/** The viewer's rights on a request (404 when they may not read it): routes check them before reading a form. */
export async function rightsOn(viewer: Viewer, id: string): Promise<RequestRights> {
  return (await requireReadable(viewer, id)).rights;
}

// ---------------------------------------------------------------- the conversation

/** A message between the requester and the lab, with attachments. The lab's first message is its first answer. */
export async function postMessage(viewer: Viewer, id: string, body: string, files: FormDataEntryValue[] = [], at = new Date()) {
  const pre = await requireReadable(viewer, id);
  refuseUnless(pre.rights.mayConverse, "Seuls le demandeur et l’équipe du lab écrivent dans cette conversation.");
  const uploads = await checkFiles(files, MAX_ATTACHMENTS);
  return transaction(async () => {
    const { request: r, rights } = await requireReadable(viewer, id, true);
    const lab = (await getLab(r.lab_id))!;
    const m = await d.addMessage({ requestId: r.id, authorId: viewer.userId, kind: "message", body, at });
    for (const f of uploads) await d.addAttachment(r.id, m.id, f, viewer.userId);
    const fromLab = rights.mayWriteNote && r.requester_id !== viewer.userId;
    if (fromLab) {
      await d.markFirstAnswer(r.id, at);
      if (r.requester_id) {
        await notify({ userId: r.requester_id, kind: "request_message", title: `${lab.name} vous a écrit au sujet de votre demande « ${r.title} »`, link: link(r.id) });
        await mailTo([r.requester_id], "request_message", lab.id, (g) => ({
          subject: `${lab.name} vous a écrit au sujet de votre demande`,
          greeting: `Bonjour ${g},`,
          paragraphs: [`${lab.name} a écrit dans la conversation de votre demande « ${r.title} ». Répondez depuis sa page.`],
          action: { label: "Lire et répondre", url: absoluteUrl(link(r.id)) },
        }));
      }
    } else {
      const to = r.assignee_id ? [r.assignee_id] : await usersWithRole(r.lab_id, "lab_team");
      await notify(to.filter((u) => u !== viewer.userId).map((userId) => ({ userId, kind: "request_message" as const, title: `Réponse du demandeur à « ${r.title} »`, link: link(r.id) })));
    }
    return m;
  });
}

export async function postNote(viewer: Viewer, id: string, body: string, at = new Date()) {
  const { rights } = await requireReadable(viewer, id);
  refuseUnless(rights.mayWriteNote, "Les notes internes sont réservées à l’équipe du lab.");
  return d.addMessage({ requestId: id, authorId: viewer.userId, kind: "note", body, at });
}

export async function postOpinion(viewer: Viewer, id: string, body: string, at = new Date()) {
  const { request: r, rights } = await requireReadable(viewer, id);
  refuseUnless(rights.mayGiveOpinion, "Seuls les experts sollicités donnent leur avis sur cette demande.");
  return transaction(async () => {
    const m = await d.addMessage({ requestId: r.id, authorId: viewer.userId, kind: "opinion", body, at });
    const to = r.assignee_id ? [r.assignee_id] : await usersWithRole(r.lab_id, "lab_team");
    await notify(to.map((userId) => ({ userId, kind: "request_message" as const, title: `Un expert a donné son avis sur « ${r.title} »`, link: link(r.id) })));
    return m;
  });
}

// ---------------------------------------------------------------- the lab's decisions

async function changeStatus(viewer: Viewer, id: string, check: (r: d.Request) => void, apply: (r: d.Request, lab: Lab) => Promise<{ set: Partial<d.Request>; detail?: string; sentence?: string }>, at: Date) {
  const pre = await requireReadable(viewer, id);
  refuseUnless(pre.rights.mayManage, "Seule l’équipe du lab qui a reçu la demande la fait avancer.");
  return transaction(async () => {
    const { request: r, rights } = await requireReadable(viewer, id, true);
    if (!rights.mayDecide) throw new Refusal(`Cette demande est déjà ${requestStatuses[r.status].toLowerCase()} : son statut ne change plus.`, 409);
    check(r);
    const lab = (await getLab(r.lab_id))!;
    const { set, detail, sentence } = await apply(r, lab);
    await d.setRequest(r.id, { ...set, updated_at: at });
    await d.markFirstAnswer(r.id, at);
    const fresh = (await d.getRequest(r.id))!;
    await d.addEvent({ requestId: r.id, actorId: viewer.userId, kind: "status", status: fresh.status, detail: detail ?? "", at });
    const toLab = fresh.reoriented_to_lab_id ? await getLab(fresh.reoriented_to_lab_id) : undefined;
    await tellStatus(fresh, lab, sentence ?? statusSentence({ status: fresh.status, outcome: fresh.outcome, labName: lab.name, toLabName: toLab?.name, declineReason: fresh.decline_reason }), viewer.userId);
    return fresh;
  });
}

/** « En qualification », with a question to the requester when given (posted in the conversation). */
export async function qualify(viewer: Viewer, id: string, question: string, at = new Date()) {
  return changeStatus(
    viewer,
    id,
    (r) => {
      if (r.status === "qualifying" && !question) throw new Refusal("La demande est déjà en qualification : posez une question au demandeur, ou décidez.", 409);
    },
    async (r) => {
      if (question) await d.addMessage({ requestId: r.id, authorId: viewer.userId, kind: "message", body: question, at });
      return { set: { status: "qualifying" } };
    },
    at,
  );
}

export async function accept(viewer: Viewer, id: string, outcome: "project" | "workshop", message: string, at = new Date()) {
  return changeStatus(
    viewer,
    id,
    () => undefined,
    async (r) => {
      if (message) await d.addMessage({ requestId: r.id, authorId: viewer.userId, kind: "message", body: message, at });
      return { set: { status: "accepted", outcome, decided_at: at }, detail: requestOutcomes[outcome].toLowerCase() };
    },
    at,
  );
}

export async function decline(viewer: Viewer, id: string, reason: string, at = new Date()) {
  return changeStatus(
    viewer,
    id,
    () => {
      if (!reason.trim()) throw new Refusal("Motif : ce champ est obligatoire.", 400, "reason");
    },
    async () => ({ set: { status: "declined", decline_reason: reason, decided_at: at }, detail: reason }),
    at,
  );
}

/**
 * Sends the request to another lab of the installation: it stays in this lab's queue as
 * « réorientée » (with its trace), and the other lab receives a new request with the same fields,
 * its attachments and a link to this one's whole history (conversation, events; notes for their
 * team).
 */
export async function reorient(viewer: Viewer, id: string, toLabId: string, message: string, at = new Date()) {
  const target = await getLab(toLabId);
  let continuation: d.Request | undefined;
  const origin = await changeStatus(
    viewer,
    id,
    (r) => {
      if (!target) throw new Refusal("Lab destinataire : choisissez un lab de la liste.", 400, "toLabId");
      if (target.id === r.lab_id) throw new Refusal("Lab destinataire : choisissez un autre lab que le vôtre.", 400, "toLabId");
    },
    async (r) => {
      if (message) await d.addMessage({ requestId: r.id, authorId: viewer.userId, kind: "message", body: message, at });
      continuation = await d.insertRequest({
        labId: target!.id,
        requesterId: r.requester_id!,
        organizationId: r.organization_id,
        sponsorId: r.sponsor_id,
        at,
        reorientedFromId: r.id,
        kind: r.kind,
        title: r.title,
        context: r.context,
        affected: r.affected,
        success: r.success,
        timing: r.timing,
        otherAdministrations: r.other_administrations,
        sponsorEmail: r.sponsor_email,
      });
      const days = (await d.answerDays([target!.id])).get(target!.id)!;
      await d.setRequest(continuation.id, { status: "submitted", submitted_at: at, due_at: addWorkingDays(at, days), sponsor_confirmed_at: r.sponsor_confirmed_at });
      continuation = (await d.getRequest(continuation.id))!;
      await d.addEvent({ requestId: continuation.id, actorId: viewer.userId, kind: "reoriented_from", detail: r.lab_id, at });
      await d.addEvent({ requestId: r.id, actorId: viewer.userId, kind: "reoriented_to", detail: target!.id, at });
      const team = await usersWithRole(target!.id, "lab_team");
      await notify(team.map((userId) => ({ userId, kind: "request_submitted" as const, title: `Demande réorientée vers votre lab : « ${r.title} »`, link: link(continuation!.id) })));
      return { set: { status: "reoriented", reoriented_to_lab_id: target!.id, decided_at: at }, detail: target!.name };
    },
    at,
  );
  return { origin, continuation: continuation! };
}

export async function assign(viewer: Viewer, id: string, assigneeId: string, at = new Date()) {
  const { request: r, rights } = await requireReadable(viewer, id);
  refuseUnless(rights.mayManage, "Seule l’équipe du lab confie une demande.");
  if (assigneeId && !(await usersWithRole(r.lab_id, "lab_team")).includes(assigneeId)) throw new Refusal("Responsable : choisissez un membre de l’équipe du lab.", 400, "assigneeId");
  return transaction(async () => {
    await d.setRequest(r.id, { assignee_id: assigneeId || null, updated_at: at });
    const u = assigneeId ? await getUser(assigneeId) : undefined;
    await d.addEvent({ requestId: r.id, actorId: viewer.userId, kind: "assigned", detail: u ? displayName(u) : "", at });
  });
}

/** The lab asks an agent (any, by email) for their opinion: they see only this request. */
export async function inviteExpert(viewer: Viewer, id: string, email: string, at = new Date()) {
  const { request: r, rights } = await requireReadable(viewer, id);
  refuseUnless(rights.mayManage, "Seule l’équipe du lab sollicite un expert.");
  const expert = await findUserByEmail(email);
  if (!expert) throw new Refusal(`Expert : aucun compte n’a l’adresse ${email}.`, 400, "email");
  return transaction(async () => {
    if (!(await d.addExpert(r.id, expert.id, viewer.userId))) return;
    const lab = (await getLab(r.lab_id))!;
    await d.addEvent({ requestId: r.id, actorId: viewer.userId, kind: "expert_invited", detail: displayName(expert), at });
    await notify({ userId: expert.id, kind: "request_expert", title: `${lab.name} vous demande votre avis sur la demande « ${r.title} »`, link: link(r.id) });
    await mailTo([expert.id], "request_expert", lab.id, (g) => ({
      subject: `${lab.name} vous demande votre avis`,
      greeting: `Bonjour ${g},`,
      paragraphs: [`${lab.name} étudie une demande reçue à son guichet et vous demande votre avis d’expert.`, "Vous voyez la demande et sa conversation ; votre avis est lu par l’équipe du lab."],
      facts: [
        { label: "Demande", value: r.title },
        { label: "Type d’aide", value: requestKinds[r.kind] },
      ],
      action: { label: "Lire la demande et donner votre avis", url: absoluteUrl(link(r.id)) },
    }));
  });
}

export async function confirmSponsor(viewer: Viewer, id: string, at = new Date()) {
  const { request: r, rights } = await requireReadable(viewer, id);
  refuseUnless(rights.mayConfirmSponsor, "Seul le commanditaire indiqué confirme cette demande.");
  return transaction(async () => {
    await d.setRequest(r.id, { sponsor_confirmed_at: at });
    await d.addEvent({ requestId: r.id, actorId: viewer.userId, kind: "sponsor_confirmed", at });
    if (r.requester_id) await notify({ userId: r.requester_id, kind: "request_status", title: `Votre commanditaire a confirmé la demande « ${r.title} »`, link: link(r.id) });
  });
}

// ---------------------------------------------------------------- the lab's queue and promise

async function requireDesk(viewer: Viewer, labSlug: string): Promise<Lab> {
  const lab = await getLabBySlug(labSlug);
  if (!lab) throw new Refusal("Ce lab n’existe pas.", 404);
  if (!mayManageDesk(requestViewer(viewer), lab.id)) throw new Refusal("Le guichet d’un lab est réservé à son équipe.", 403);
  return lab;
}

export interface QueueQuery {
  status?: RequestStatus;
  kind?: RequestKind;
  assignee?: string;
  sponsorUnconfirmed?: boolean;
  search?: string;
  after?: string;
}

const cursorOf = (r: d.Request) => Buffer.from(JSON.stringify([r.queue_rank, r.due_at ? r.due_at.toISOString() : null, r.id])).toString("base64url");
function parseCursor(c: string | undefined): d.QueueCursor | null {
  if (!c || c.length > 200 || !/^[A-Za-z0-9_-]+$/.test(c)) return null;
  try {
    const v = JSON.parse(Buffer.from(c, "base64url").toString("utf8")) as unknown;
    if (!Array.isArray(v) || v.length !== 3) return null;
    const [rank, due, id] = v as unknown[];
    if ((rank !== 0 && rank !== 1) || !isUuid(id)) return null;
    if (due !== null && (typeof due !== "string" || Number.isNaN(Date.parse(due)))) return null;
    return [rank, due as string | null, id];
  } catch {
    return null;
  }
}

/** The lab's queue: open requests first by deadline (the overdue at the top), then the decided ones; filters, search, keyset pages. */
export async function labQueue(viewer: Viewer, labSlug: string, query: QueueQuery = {}, now = new Date()) {
  const lab = await requireDesk(viewer, labSlug);
  const search = query.search?.replaceAll("\u0000", "").trim().slice(0, 200) || undefined;
  const { rows, more } = await d.queuePage(lab.id, { ...query, search }, parseCursor(query.after), PAGE);
  const [days, users, orgs, overdue, team] = await Promise.all([
    d.answerDays([lab.id]),
    getUsers(rows.flatMap((r) => [r.assignee_id, r.requester_id]).filter((u): u is string => !!u)),
    getOrganizations(rows.map((r) => r.organization_id).filter((o): o is string => !!o)),
    d.overdueCounts([lab.id], now),
    usersWithRole(lab.id, "lab_team"),
  ]);
  const teamUsers = await getUsers(team);
  const toLabs = await getLabs(rows.map((r) => r.reoriented_to_lab_id).filter((l): l is string => !!l));
  return {
    lab: { id: lab.id, slug: lab.slug, name: lab.name },
    answerDays: days.get(lab.id)!,
    overdue: overdue.get(lab.id) ?? 0,
    team: team.map((u) => ({ value: u, label: nameOf(teamUsers, u) })),
    requests: rows.map((r) => ({
      id: r.id,
      title: r.title,
      kind: requestKinds[r.kind],
      status: r.status,
      statusLabel: r.status === "reoriented" ? `Réorientée vers ${toLabs.get(r.reoriented_to_lab_id ?? "")?.name ?? "un autre lab"}` : requestStatuses[r.status],
      organization: r.organization_id ? (orgs.get(r.organization_id)?.name ?? "") : "",
      requester: nameOf(users, r.requester_id),
      assignee: r.assignee_id ? nameOf(users, r.assignee_id) : null,
      ageDays: r.submitted_at ? workingDaysBetween(r.submitted_at, now) : 0,
      submittedAt: r.submitted_at,
      dueAt: r.due_at,
      overdue: isOpen(r.status) && !!r.due_at && r.due_at < now,
      sponsorUnconfirmed: !r.sponsor_confirmed_at,
      receivedFromOtherLab: !!r.reoriented_from_id,
    })),
    next: more && rows.length ? cursorOf(rows[rows.length - 1]) : null,
  };
}

/** How many open requests are past the promise, per lab (the lab home page). */
export async function overdueByLab(viewer: Viewer, labIds: string[], now = new Date()): Promise<Map<string, number>> {
  const mine = labIds.filter((l) => mayManageDesk(requestViewer(viewer), l));
  return d.overdueCounts(mine, now);
}

export async function deskSettings(viewer: Viewer, labSlug: string) {
  const lab = await requireDesk(viewer, labSlug);
  const [days, summaries] = await Promise.all([d.answerDays([lab.id]), d.summaries([lab.id])]);
  return { lab: { id: lab.id, slug: lab.slug, name: lab.name }, answerDays: days.get(lab.id)!, summary: summaries.get(lab.id) ?? lab.description };
}

/** The lab changes its promise (and what it says it does): the open requests' deadlines follow (counted from their submission). */
export async function saveDeskSettings(viewer: Viewer, labSlug: string, answerDays: number, summary?: string) {
  const lab = await requireDesk(viewer, labSlug);
  await transaction(async () => {
    await d.saveAnswerDays(lab.id, answerDays, viewer.userId, summary);
    for (const r of await d.openRequestsOf(lab.id)) if (r.submitted_at) await d.setRequest(r.id, { due_at: addWorkingDays(r.submitted_at, answerDays) });
  });
}

// ---------------------------------------------------------------- Mes demandes

export async function myRequests(viewer: Viewer) {
  const [mine, followed] = await Promise.all([d.requestsOf(viewer.userId), d.requestsFollowedBy(viewer.userId)]);
  const labs = await getLabs([...mine, ...followed].flatMap((r) => [r.lab_id, r.reoriented_to_lab_id]).filter((l): l is string => !!l));
  const events = await Promise.all(mine.map((r) => d.listEvents(r.id)));
  const line = (r: d.Request) => ({
    id: r.id,
    title: r.title,
    kind: requestKinds[r.kind],
    status: r.status,
    statusLabel: requestStatuses[r.status],
    lab: labs.get(r.lab_id)?.name ?? "",
    sentence: statusSentence({ status: r.status, outcome: r.outcome, labName: labs.get(r.lab_id)?.name ?? "le lab", toLabName: labs.get(r.reoriented_to_lab_id ?? "")?.name, declineReason: r.decline_reason }),
    createdAt: r.created_at,
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
    projectId: r.project_id,
  });
  return {
    requests: mine.map((r, i) => ({
      ...line(r),
      history: events[i].map((e) => ({ id: e.id, at: e.created_at, text: eventText(e, labs) })),
    })),
    followed: followed.filter((r) => r.requester_id !== viewer.userId).map((r) => ({ ...line(r), role: r.sponsor_id === viewer.userId ? "Commanditaire" : "Expert" })),
  };
}

// ---------------------------------------------------------------- for the projects module

/**
 * Records the project born from an accepted request (outcome « projet »). Called by the projects
 * module inside its own use case: the write joins the caller's transaction (the kernel's
 * `transaction`, through `db()`); `tx` is accepted for that module's convenience and not used.
 */
export async function linkProject(_tx: unknown, requestId: string, projectId: string): Promise<void> {
  if (!isUuid(requestId) || !isUuid(projectId)) throw new Refusal("Demande ou projet inconnu.", 404);
  const r = await d.getRequest(requestId);
  if (!r) throw new Refusal("Cette demande n’existe pas.", 404);
  if (r.status !== "accepted" || r.outcome !== "project") throw new Refusal("Seule une demande acceptée pour un projet devient un projet.", 409);
  await d.setRequest(requestId, { project_id: projectId, updated_at: new Date() });
}

/** A lab's requests accepted as « projet », with the project each became (for the projects module's demo). */
export async function requestsAcceptedForProject(labId: string) {
  if (!isUuid(labId)) return [];
  return (await d.acceptedForProject(labId)).map((r) => ({ id: r.id, title: r.title, problem: r.context, users: r.affected, organizationId: r.organization_id, requesterId: r.requester_id, decidedAt: r.decided_at, projectId: r.project_id }));
}

/** The fields a project takes over from its request (no retyping). */
export async function requestForProject(viewer: Viewer, requestId: string) {
  const { request: r, rights } = await requireReadable(viewer, requestId);
  refuseUnless(rights.mayManage, "Seule l’équipe du lab crée un projet depuis une demande.");
  return { id: r.id, labId: r.lab_id, title: r.title, problem: r.context, users: r.affected, success: r.success, organizationId: r.organization_id, requesterId: r.requester_id, sponsorId: r.sponsor_id, otherAdministrations: r.other_administrations, status: r.status, outcome: r.outcome, projectId: r.project_id };
}


// ---------------------------------------------------------------- the steering committee

/** The lab team proposes an open request to its steering committee, which will decide it. */
export async function proposeToSteering(viewer: Viewer, id: string, at = new Date()) {
  const pre = await requireReadable(viewer, id);
  refuseUnless(pre.rights.mayManage, "Seule l’équipe du lab qui a reçu la demande la propose à son comité de pilotage.");
  return transaction(async () => {
    const { request: r, rights } = await requireReadable(viewer, id, true);
    if (!rights.mayDecide) throw new Refusal(`Cette demande est déjà ${requestStatuses[r.status].toLowerCase()} : son statut ne change plus.`, 409);
    if (r.proposed_to_steering_at) throw new Refusal("Cette demande est déjà proposée au comité de pilotage.", 409);
    await d.setRequest(r.id, { proposed_to_steering_at: at, updated_at: at });
    await d.addEvent({ requestId: r.id, actorId: viewer.userId, kind: "proposed_steering", status: null, detail: "", at });
  });
}

/** The open requests a lab proposed to its steering committee, each with its one-page dossier (for the committees). */
export async function requestsAwaitingSteering(labId: string) {
  if (!isUuid(labId)) return [];
  const list = await d.awaitingSteering(labId);
  const orgs = await getOrganizations(list.map((r) => r.organization_id).filter((o): o is string => !!o));
  return list.map((r) => ({
    subjectId: r.id,
    title: `Demande\u00a0: ${r.title}`,
    summary: [
      `${requestKinds[r.kind]}, demande déposée le ${formatDate(r.submitted_at)}${r.organization_id && orgs.get(r.organization_id) ? ` par ${orgs.get(r.organization_id)!.name}` : ""}.`,
      `Contexte et problème : ${r.context || "–"}`,
      `Qui est concerné : ${r.affected || "–"}`,
      `Ce que serait une réussite : ${r.success || "–"}`,
      r.other_administrations ? `Autres administrations : ${r.other_administrations}` : "",
    ]
      .filter(Boolean)
      .join("\n"),
  }));
}

/**
 * The steering committee's validated decision on a request it was proposed: adopted, the request
 * is accepted as a project (the projects module then gives birth to it); not adopted, it is
 * declined with the decision's words. Runs in the caller's transaction (the minutes' validation).
 */
export async function decideByCommittee(requestId: string, adopted: boolean, wording: string, at = new Date()) {
  if (!isUuid(requestId)) throw new Refusal("Cette demande n’existe pas.", 404);
  return transaction(async () => {
    const r = await d.lockRequest(requestId);
    if (!r) throw new Refusal("Cette demande n’existe pas.", 404);
    if (r.status !== "submitted" && r.status !== "qualifying") throw new Refusal("Cette demande est déjà décidée.", 409);
    const lab = (await getLab(r.lab_id))!;
    const reason = wording.trim() || "Le comité de pilotage ne l’a pas retenue.";
    await d.setRequest(r.id, adopted ? { status: "accepted", outcome: "project", decided_at: at, updated_at: at } : { status: "declined", decline_reason: reason, decided_at: at, updated_at: at });
    await d.markFirstAnswer(r.id, at);
    const fresh = (await d.getRequest(r.id))!;
    await d.addEvent({ requestId: r.id, actorId: null, kind: "status", status: fresh.status, detail: adopted ? "décision du comité de pilotage" : reason, at });
    await tellStatus(fresh, lab, statusSentence({ status: fresh.status, outcome: fresh.outcome, labName: lab.name, declineReason: fresh.decline_reason }), "");
    return fresh;
  });
}

/** The fields a project takes over from an accepted request, for a use case already authorised (a committee's decision). */
export async function acceptedRequestFields(requestId: string) {
  const r = await d.getRequest(requestId);
  if (!r) throw new Refusal("Cette demande n’existe pas.", 404);
  return { id: r.id, labId: r.lab_id, title: r.title, problem: r.context, users: r.affected, organizationId: r.organization_id, requesterId: r.requester_id, status: r.status, outcome: r.outcome, projectId: r.project_id };
}
