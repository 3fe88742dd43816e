/**
 * The trainings' use cases: the catalogue across the installation's labs, with who may register
 * (./permissions: the organising side and, through the reciprocal offer, the sides it is opened
 * to); sessions, registration with a waiting list (the registrations module keeps the seats);
 * the manager's approval by a mail link; attendance, attestations and the reciprocal offer's
 * balance. Each use case checks who asks first and runs in one transaction.
 */
import { methodSheetsFor } from "../resources";
import crypto from "node:crypto";
import { displayName, findUserByEmail, getUserContacts, getUsers } from "../accounts/accounts";
import { getOrganizations } from "../organizations/organizations";
import { getLab, getLabBySlug, getLabs, listLabs, type Lab } from "../labs/labs";
import { labsWhere, Refusal, type Viewer } from "../kernel/permissions";
import { onCommit, transaction } from "../kernel/db/transaction";
import { formatDate, formatDateTime, formatNumber, plural } from "../kernel/format";
import { absoluteUrl, queueMail } from "../kernel/mail/mail";
import { notify } from "../notifications/notifications";
import { runtime } from "../kernel/runtime";
import * as seats from "../registrations";
import * as data from "./db/queries";
import type { Training, TrainingSession } from "./db/schema";
import { mayTakeAttendance, registrationRule, sideAgents, sideLabels, sideOfOrganizationKind, sides, trainingRights, type Side } from "./permissions";
import { formatLabels, type AttendanceInput, type SeatAction, type SessionInput, type TrainingInput } from "./schemas";
import { attestationPdf } from "./pdf";

export const SEAT_KIND = "training_session";
const groupOf = (trainingId: string) => `training:${trainingId}`;

// ---------------------------------------------------------------- the seats' words

seats.registerSeatOwner(SEAT_KIND, {
  async describe(sessionIds) {
    const sessions = await data.getSessions(sessionIds);
    const trainings = await data.getTrainings(sessions.map((s) => s.training_id));
    const out = new Map<string, seats.SeatSubject>();
    for (const s of sessions) {
      const t = trainings.get(s.training_id);
      if (t) out.set(s.id, { title: sessionTitle(t, s), link: `/formations/${t.id}`, labId: t.lab_id });
    }
    return out;
  },
});

export function sessionTitle(t: Pick<Training, "title">, s: Pick<TrainingSession, "starts_at">): string {
  return `${t.title} – session du ${formatDate(s.starts_at)}`;
}

// ---------------------------------------------------------------- who asks

/** The viewer's side, told by their organisation (null: none). */
export async function sideOf(userId: string): Promise<Side | null> {
  return (await sidesOf([userId])).get(userId) ?? null;
}

async function sidesOf(userIds: string[]): Promise<Map<string, Side | null>> {
  const users = await getUsers(userIds);
  const orgs = await getOrganizations([...users.values()].map((u) => u.organization_id).filter((x): x is string => !!x));
  return new Map(userIds.map((id) => [id, sideOfOrganizationKind(orgs.get(users.get(id)?.organization_id ?? "")?.kind)]));
}

/** The side a lab's trainings come from by default: its organisation's. */
async function labSide(lab: Lab): Promise<Side | null> {
  if (!lab.organization_id) return null;
  return sideOfOrganizationKind((await getOrganizations([lab.organization_id])).get(lab.organization_id)?.kind);
}

async function teamLab(viewer: Viewer, labSlug: string): Promise<Lab> {
  const lab = await getLabBySlug(labSlug);
  if (!lab) throw new Refusal("Ce lab n’existe pas.", 404);
  if (!labsWhere(viewer.principal, "lab_team").includes(lab.id)) throw new Refusal("Seule l’équipe du lab gère ses formations.", 403);
  return lab;
}

async function seenTraining(viewer: Viewer, trainingId: string) {
  const training = await data.getTraining(trainingId);
  const side = await sideOf(viewer.userId);
  if (!training) throw new Refusal("Cette formation n’existe pas.", 404);
  const rights = trainingRights(viewer.principal, side, training);
  if (!rights.see) throw new Refusal("Cette formation n’existe pas.", 404);
  return { training, side, rights };
}

async function managedTraining(viewer: Viewer, labSlug: string, trainingId: string) {
  const lab = await teamLab(viewer, labSlug);
  const training = await data.getTraining(trainingId);
  if (!training || training.lab_id !== lab.id) throw new Refusal("Cette formation n’existe pas.", 404);
  return { lab, training };
}

async function sessionOf(training: Training, sessionId: string): Promise<TrainingSession> {
  const session = await data.getSession(sessionId);
  if (!session || session.training_id !== training.id) throw new Refusal("Cette session n’existe pas.", 404, "sessionId");
  return session;
}

// ---------------------------------------------------------------- the catalogue

const sideTo: Record<Side, string> = { state: "aux agents de l’État", region: "aux agents de la Région", local: "aux agents des collectivités", health: "aux agents des établissements de santé" };

/** « Ouverte aux agents de la Région et aux agents de l’État » */
function openToWords(t: Pick<Training, "side" | "open_to">): string {
  const all = [t.side, ...t.open_to.filter((s) => s !== t.side)];
  return `Ouverte ${all.map((s) => sideTo[s]).join(", ").replace(/, ([^,]*)$/, " et $1")}`;
}

function durationWords(h: number): string {
  return h >= 2 ? `${formatNumber(h, Number.isInteger(h) ? 0 : 1)}\u00a0heures` : `${formatNumber(h, Number.isInteger(h) ? 0 : 1)}\u00a0heure`;
}

/**
 * Every published training of the installation's labs (and the viewer's labs' drafts), with its
 * next sessions and whether the viewer may register — « Ouvertes à mon administration » keeps
 * only those.
 */
export async function catalogue(viewer: Viewer, filters: { ouvertes: boolean; format: "presentiel" | "distanciel" | null; lab: string | null }, now = new Date()) {
  const side = await sideOf(viewer.userId);
  const labs = await listLabs();
  const labFilter = filters.lab ? labs.find((l) => l.slug === filters.lab) : undefined;
  let trainings = await data.listTrainings({ draftsOfLabs: labsWhere(viewer.principal, "lab_team"), labId: labFilter?.id });
  if (filters.lab && !labFilter) trainings = [];
  if (filters.format) trainings = trainings.filter((t) => t.format === filters.format);
  const rule = (t: Training) => registrationRule(side, t);
  if (filters.ouvertes) trainings = trainings.filter((t) => rule(t).may);
  const sessions = await data.sessionsOf(trainings.map((t) => t.id));
  const counts = await seats.seatCounts(SEAT_KIND, sessions.map((s) => s.id));
  const labName = new Map(labs.map((l) => [l.id, l.name]));
  return {
    side,
    sideLabel: side ? sideLabels[side] : null,
    filters,
    labs: labs.map((l) => ({ value: l.slug, label: l.name })),
    trainings: trainings.map((t) => {
      const upcoming = sessions.filter((s) => s.training_id === t.id && s.starts_at > now);
      const r = rule(t);
      return {
        id: t.id,
        title: t.title,
        objectives: t.objectives,
        lab: labName.get(t.lab_id) ?? "",
        sideLabel: sideLabels[t.side],
        format: formatLabels[t.format],
        duration: durationWords(t.duration_hours),
        openTo: openToWords(t),
        published: t.published,
        mayRegister: r.may && t.published,
        reciprocal: r.through === "reciprocal",
        methods: t.methods,
        nextSession: upcoming[0] ? formatDate(upcoming[0].starts_at) : null,
        upcoming: upcoming.length,
        freeSeats: upcoming.reduce((n, s) => n + (counts.get(s.id)?.free ?? s.capacity), 0),
      };
    }),
  };
}

/** A training's page: its sessions, with seats left, the waiting list's length and where the viewer stands. */
export async function trainingPage(viewer: Viewer, trainingId: string, now = new Date()) {
  const { training, side, rights } = await seenTraining(viewer, trainingId);
  const [lab, sheets] = await Promise.all([getLab(training.lab_id).then((l) => l!), methodSheetsFor(viewer, training.methods, training.lab_id)]);
  const sessions = await data.sessionsOf([training.id]);
  const ids = sessions.map((s) => s.id);
  const [counts, mine, trainers, pending, attendance] = await Promise.all([
    seats.seatCounts(SEAT_KIND, ids),
    seats.standings(SEAT_KIND, ids, viewer.userId),
    data.trainersOf(ids),
    data.pendingApprovals({ userId: viewer.userId, sessionIds: ids }),
    data.attendanceOf(ids),
  ]);
  const names = await getUsers(trainers.map((t) => t.user_id));
  const rule = registrationRule(side, training);
  const confirmedSomewhere = [...mine.values()].some((m) => m.status === "confirmed");
  return {
    training: {
      id: training.id,
      title: training.title,
      objectives: training.objectives,
      // each method taught, linked to its sheet in the library when there is one
      methods: training.methods.map((name) => ({ name, sheetId: sheets.get(name) ?? null })),
      audience: training.audience,
      format: formatLabels[training.format],
      duration: durationWords(training.duration_hours),
      sideLabel: sideLabels[training.side],
      openTo: openToWords(training),
      confirmHours: training.confirm_hours,
      managerApproval: training.manager_approval,
      published: training.published,
    },
    lab: { slug: lab.slug, name: lab.name },
    rights,
    viewerSide: side ? sideLabels[side] : null,
    through: rule.through,
    sessions: sessions.map((s) => {
      const c = counts.get(s.id);
      const st = mine.get(s.id);
      const present = attendance.find((a) => a.session_id === s.id && a.user_id === viewer.userId)?.present ?? false;
      return {
        id: s.id,
        when: sessionWhen(s),
        place: s.place,
        link: st?.status === "confirmed" || rights.manage ? s.link : null,
        hasLink: !!s.link,
        capacity: s.capacity,
        free: c?.free ?? s.capacity,
        waiting: c?.waiting ?? 0,
        past: s.starts_at <= now,
        trainers: trainers.filter((t) => t.session_id === s.id).map((t) => (names.get(t.user_id) ? displayName(names.get(t.user_id)!) : "")),
        standing: st ? { status: st.status, statusLabel: seats.statusLabels[st.status], position: st.position, offeredUntil: st.offeredUntil ? formatDateTime(st.offeredUntil) : null } : null,
        awaitingApproval: pending.some((p) => p.session_id === s.id),
        mayRegister: rights.register && s.starts_at > now && !st && !confirmedSomewhere && !pending.some((p) => p.session_id === s.id),
        attestation: !!s.held_at && present,
      };
    }),
  };
}

function sessionWhen(s: Pick<TrainingSession, "starts_at" | "ends_at">): string {
  const sameDay = formatDate(s.starts_at) === formatDate(s.ends_at);
  const time = (d: Date) => formatDateTime(d).replace(/^.* à /, "");
  return sameDay ? `${formatDate(s.starts_at)}, de ${time(s.starts_at)} à ${time(s.ends_at)}` : `du ${formatDateTime(s.starts_at)} au ${formatDateTime(s.ends_at)}`;
}

// ---------------------------------------------------------------- an agent's steps

/**
 * Registers the viewer for a session (confirmed, or on the waiting list), cancels, or confirms a
 * seat offered to them. A training that asks for the manager's approval first mails the manager a
 * link; the registration is made when they approve.
 */
export async function seatAction(viewer: Viewer, trainingId: string, input: SeatAction, now = new Date()): Promise<string> {
  const { training, rights } = await seenTraining(viewer, trainingId);
  const session = await sessionOf(training, input.sessionId);
  if (input.intent === "register") {
    if (!rights.register) throw new Refusal(`Cette formation n’est pas ouverte à votre administration (${openToWords(training).toLowerCase()}).`, 403);
    if (session.starts_at <= now) throw new Refusal("Cette session a déjà commencé : on ne s’y inscrit plus.", 409);
    if (training.manager_approval) {
      if (!input.managerEmail) throw new Refusal("Adresse de votre responsable : cette formation demande son accord.", 400, "managerEmail");
      await askApproval(viewer, training, session, input.managerEmail, now);
      return "accord";
    }
    const st = await seats.register(SEAT_KIND, session.id, viewer.userId, now);
    return st.status === "confirmed" ? "inscrit" : "attente";
  }
  if (input.intent === "cancel") {
    await transaction(async () => {
      await data.withdrawApproval(session.id, viewer.userId, now);
      await seats.cancel(SEAT_KIND, session.id, viewer.userId, now);
    });
    return "annule";
  }
  await seats.confirm(SEAT_KIND, session.id, viewer.userId, now);
  return "confirme";
}

/** « Mes formations »: the agent's registrations, waiting lists, offered seats, approvals awaited and attestations. */
export async function myTrainings(viewer: Viewer, now = new Date()) {
  const regs = await seats.registrationsOf(viewer.userId, SEAT_KIND);
  const pending = await data.pendingApprovals({ userId: viewer.userId });
  const attended = (await data.attendanceOfUser(viewer.userId)).filter((a) => a.present);
  const trained = await data.sessionsTrainedBy(viewer.userId);
  const sessions = await data.getSessions([...regs.map((r) => r.ownerId), ...pending.map((p) => p.session_id), ...attended.map((a) => a.session_id), ...trained]);
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const trainings = await data.getTrainings(sessions.map((s) => s.training_id));
  const standings = await seats.standings(SEAT_KIND, regs.map((r) => r.ownerId), viewer.userId);
  const labs = await getLabs([...trainings.values()].map((t) => t.lab_id));
  const line = (sessionId: string) => {
    const s = byId.get(sessionId)!;
    const t = trainings.get(s.training_id)!;
    return { sessionId, trainingId: t.id, title: t.title, when: sessionWhen(s), place: s.place, past: s.ends_at <= now, startsAt: s.starts_at, labSlug: labs.get(t.lab_id)?.slug ?? "" };
  };
  const sorted = <T extends { startsAt: Date }>(l: T[]) => l.sort((a, b) => +a.startsAt - +b.startsAt);
  return {
    registrations: sorted(
      regs
        .filter((r) => byId.has(r.ownerId))
        .map((r) => {
          const st = standings.get(r.ownerId);
          return { ...line(r.ownerId), status: r.status, statusLabel: seats.statusLabels[r.status], position: st?.position ?? null, offeredUntil: r.offeredUntil ? formatDateTime(r.offeredUntil) : null };
        }),
    ),
    awaitingApproval: sorted(pending.filter((p) => byId.has(p.session_id)).map((p) => ({ ...line(p.session_id), managerEmail: p.manager_email }))),
    attestations: sorted(attended.filter((a) => byId.get(a.session_id)?.held_at).map((a) => line(a.session_id))),
    training: sorted(trained.filter((id) => byId.has(id)).map(line)),
  };
}

// ---------------------------------------------------------------- the manager's approval

const hash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

async function askApproval(viewer: Viewer, training: Training, session: TrainingSession, managerEmail: string, now: Date) {
  const existing = await seats.standings(SEAT_KIND, [session.id], viewer.userId);
  if (existing.has(session.id)) throw new Refusal("Vous êtes déjà inscrit ou inscrite à cette session.", 409);
  const me = (await getUserContacts([viewer.userId])).get(viewer.userId);
  if (me && me.email.toLowerCase() === managerEmail) throw new Refusal("Adresse de votre responsable : indiquez l’adresse de votre responsable, pas la vôtre.", 400, "managerEmail");
  const token = crypto.randomBytes(32).toString("base64url");
  await transaction(async () => {
    try {
      await data.insertApproval({ sessionId: session.id, userId: viewer.userId, managerEmail, tokenHash: hash(token), at: now });
    } catch (err) {
      if ((err as { code?: string }).code === "23505") throw new Refusal("Votre demande d’accord pour cette session attend déjà la réponse de votre responsable.", 409);
      throw err;
    }
    const who = me ? `${me.givenName} ${me.familyName}` : "Un agent";
    await queueMail({ kind: "training_approval", labId: training.lab_id }, [
      {
        to: managerEmail,
        content: {
          subject: `Demande d’accord : ${who} souhaite suivre « ${training.title} »`,
          greeting: "Bonjour,",
          paragraphs: [
            `${who} souhaite s’inscrire à la formation « ${training.title} » (${sessionWhen(session)}) et vous indique comme responsable.`,
            "Vous pouvez accorder ou refuser cette inscription par le lien ci-dessous, sans créer de compte. Le lien est personnel : ne le transférez pas.",
          ],
          facts: [
            { label: "Durée", value: durationWords(training.duration_hours) },
            { label: "Format", value: formatLabels[training.format] },
            ...(session.place ? [{ label: "Lieu", value: session.place }] : []),
          ],
          action: { label: "Répondre à la demande", url: absoluteUrl(`/formations/accord/${token}`) },
        },
      },
    ]);
  });
}

async function approvalOf(token: string) {
  const approval = /^[\w-]{20,100}$/.test(token) ? await data.approvalByHash(hash(token)) : undefined;
  if (!approval) throw new Refusal("Ce lien n’est pas valide.", 404);
  const session = (await data.getSession(approval.session_id))!;
  const training = (await data.getTraining(session.training_id))!;
  return { approval, session, training };
}

/** The manager's page, from the mail link (no account needed): who asks, for what, and the decision once taken. */
export async function approvalPage(token: string) {
  const { approval, session, training } = await approvalOf(token);
  const agent = (await getUsers([approval.user_id])).get(approval.user_id);
  return {
    agent: agent ? displayName(agent) : "Agent",
    training: training.title,
    when: sessionWhen(session),
    status: approval.status,
    decidedAt: approval.decided_at ? formatDateTime(approval.decided_at) : null,
  };
}

/** The manager approves (the agent is registered: a seat, or the waiting list) or refuses; the agent is told. One decision only. */
export async function decideApproval(token: string, approve: boolean, now = new Date()): Promise<void> {
  const { approval, session, training } = await approvalOf(token);
  await transaction(async () => {
    if (!(await data.decideApproval(approval.id, approve ? "approved" : "refused", now))) throw new Refusal("Cette demande a déjà reçu une réponse.", 409);
    let words = "Votre responsable a refusé votre inscription";
    if (approve) {
      const st = session.starts_at > now ? await seats.register(SEAT_KIND, session.id, approval.user_id, now).catch((err) => (err instanceof Refusal ? null : Promise.reject(err))) : null;
      words = st?.status === "confirmed" ? "Votre responsable a accordé votre inscription : votre place est confirmée" : st ? "Votre responsable a accordé votre inscription : vous êtes sur la liste d’attente" : "Votre responsable a accordé votre inscription, mais elle n’a pas pu être faite";
    }
    await notify({ userId: approval.user_id, kind: "seat_update", title: `${words} (« ${sessionTitle(training, session)} »)`, link: `/formations/${training.id}` });
  });
}

// ---------------------------------------------------------------- the lab's pages

export async function labTrainings(viewer: Viewer, labSlug: string, now = new Date()) {
  const lab = await teamLab(viewer, labSlug);
  const trainings = await data.trainingsOfLab(lab.id);
  const sessions = await data.sessionsOf(trainings.map((t) => t.id));
  const counts = await seats.seatCounts(SEAT_KIND, sessions.map((s) => s.id));
  return {
    lab: { slug: lab.slug, name: lab.name },
    defaultSide: (await labSide(lab)) ?? "state",
    trainings: trainings.map((t) => {
      const mine = sessions.filter((s) => s.training_id === t.id);
      return {
        id: t.id,
        title: t.title,
        published: t.published,
        openTo: openToWords(t),
        sessions: mine.length,
        upcoming: mine.filter((s) => s.starts_at > now).length,
        registered: mine.reduce((n, s) => n + (counts.get(s.id)?.confirmed ?? 0), 0),
        waiting: mine.reduce((n, s) => n + (counts.get(s.id)?.waiting ?? 0), 0),
      };
    }),
  };
}

export async function createTraining(viewer: Viewer, labSlug: string, input: TrainingInput): Promise<Training> {
  const lab = await teamLab(viewer, labSlug);
  return data.insertTraining(lab.id, input, viewer.userId);
}

/** The training's settings and its sessions, for its lab team. */
export async function trainingEditPage(viewer: Viewer, labSlug: string, trainingId: string, now = new Date()) {
  const { lab, training } = await managedTraining(viewer, labSlug, trainingId);
  const sessions = await data.sessionsOf([training.id]);
  const counts = await seats.seatCounts(SEAT_KIND, sessions.map((s) => s.id));
  return {
    lab: { slug: lab.slug, name: lab.name },
    training,
    sessions: sessions.map((s) => {
      const c = counts.get(s.id);
      return { id: s.id, when: sessionWhen(s), place: s.place, capacity: s.capacity, past: s.starts_at <= now, held: !!s.held_at, confirmed: c?.confirmed ?? 0, offered: c?.offered ?? 0, waiting: c?.waiting ?? 0 };
    }),
  };
}

export async function updateTraining(viewer: Viewer, labSlug: string, trainingId: string, input: TrainingInput): Promise<void> {
  const { training } = await managedTraining(viewer, labSlug, trainingId);
  await transaction(async () => {
    const updated = await data.updateTraining(training.id, input);
    if (updated.confirm_hours !== training.confirm_hours) {
      for (const s of await data.sessionsOf([training.id])) await seats.setOffer(SEAT_KIND, s.id, { capacity: s.capacity, confirmHours: updated.confirm_hours, groupKey: groupOf(training.id) });
    }
  });
}

async function trainerIds(emails: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const email of emails) {
    const u = await findUserByEmail(email);
    if (!u || u.deleted_at) throw new Refusal(`Formateurs et formatrices : aucun compte n’a l’adresse ${email}.`, 400, "trainers");
    ids.push(u.id);
  }
  return ids;
}

export async function addSession(viewer: Viewer, labSlug: string, trainingId: string, input: SessionInput, now = new Date()): Promise<TrainingSession> {
  const { training } = await managedTraining(viewer, labSlug, trainingId);
  const trainers = await trainerIds(input.trainers);
  return transaction(async () => {
    const session = await data.insertSession(training.id, input);
    await data.setTrainers(session.id, trainers);
    await seats.setOffer(SEAT_KIND, session.id, { capacity: input.capacity, confirmHours: training.confirm_hours, groupKey: groupOf(training.id) }, now);
    return session;
  });
}

export async function updateSession(viewer: Viewer, labSlug: string, trainingId: string, sessionId: string, input: SessionInput, now = new Date()): Promise<void> {
  const { training } = await managedTraining(viewer, labSlug, trainingId);
  const session = await sessionOf(training, sessionId);
  const trainers = await trainerIds(input.trainers);
  await transaction(async () => {
    await data.updateSession(session.id, input);
    await data.setTrainers(session.id, trainers);
    // more seats go at once to the waiting list
    await seats.setOffer(SEAT_KIND, session.id, { capacity: input.capacity, confirmHours: training.confirm_hours, groupKey: groupOf(training.id) }, now);
  });
}

/** A session nobody registered to may be deleted; one with registrations, no (cancel them first). */
export async function deleteSession(viewer: Viewer, labSlug: string, trainingId: string, sessionId: string): Promise<void> {
  const { training } = await managedTraining(viewer, labSlug, trainingId);
  const session = await sessionOf(training, sessionId);
  const c = (await seats.seatCounts(SEAT_KIND, [session.id])).get(session.id);
  if (c && c.confirmed + c.offered + c.waiting > 0) throw new Refusal("Des agents sont inscrits à cette session : elle ne peut pas être supprimée.", 409);
  await transaction(async () => {
    await seats.removeOffer(SEAT_KIND, session.id);
    await data.deleteSession(session.id);
  });
}

/**
 * A session's page for its lab team and its trainers: the registered, the offered seats, the
 * waiting list in order, the log of promotions and expiries, and the attendance sheet.
 */
export async function sessionPage(viewer: Viewer, labSlug: string, trainingId: string, sessionId: string) {
  const lab = await getLabBySlug(labSlug);
  const training = await data.getTraining(trainingId);
  if (!lab || !training || training.lab_id !== lab.id) throw new Refusal("Cette formation n’existe pas.", 404);
  const session = await sessionOf(training, sessionId);
  const trainers = await data.trainersOf([session.id]);
  const rights = trainingRights(viewer.principal, null, training);
  const isTrainer = trainers.some((t) => t.user_id === viewer.userId);
  if (!mayTakeAttendance(rights, isTrainer)) throw new Refusal("Seuls l’équipe du lab et les formateurs de la session y ont accès.", 403);
  const list = await seats.seatList(SEAT_KIND, session.id);
  const attendance = await data.attendanceOf([session.id]);
  const pending = rights.manage ? await data.pendingApprovals({ sessionIds: [session.id] }) : [];
  const ids = [...list.confirmed.map((c) => c.userId), ...list.offered.map((o) => o.userId), ...list.waiting.map((w) => w.userId), ...list.log.map((l) => l.userId ?? ""), ...trainers.map((t) => t.user_id), ...attendance.map((a) => a.user_id), ...pending.map((p) => p.user_id)];
  const users = await getUsers(ids);
  const orgs = await getOrganizations([...users.values()].map((u) => u.organization_id).filter((x): x is string => !!x));
  const name = (id: string | null) => (id && users.get(id) ? displayName(users.get(id)!) : "Agent");
  const org = (id: string) => orgs.get(users.get(id)?.organization_id ?? "")?.name ?? "";
  const contacts = rights.manage ? await getUserContacts(trainers.map((t) => t.user_id)) : new Map();
  const attendees = [...new Set([...list.confirmed.map((c) => c.userId), ...attendance.map((a) => a.user_id)])];
  return {
    lab: { slug: lab.slug, name: lab.name },
    training: { id: training.id, title: training.title },
    session: {
      id: session.id,
      title: sessionTitle(training, session),
      when: sessionWhen(session),
      place: session.place,
      link: session.link,
      capacity: session.capacity,
      held: session.held_at ? formatDateTime(session.held_at) : null,
      trainers: trainers.map((t) => ({ name: name(t.user_id), email: contacts.get(t.user_id)?.email ?? "" })),
      startDate: session.starts_at,
      endDate: session.ends_at,
    },
    rights: { manage: rights.manage, attendance: true },
    confirmed: list.confirmed.map((c) => ({ userId: c.userId, name: name(c.userId), organization: org(c.userId), since: formatDateTime(c.since) })),
    offered: list.offered.map((o) => ({ userId: o.userId, name: name(o.userId), organization: org(o.userId), until: formatDateTime(o.until) })),
    waiting: list.waiting.map((w) => ({ userId: w.userId, name: name(w.userId), organization: org(w.userId), position: w.position, since: formatDateTime(w.since) })),
    awaitingApproval: pending.map((p) => ({ name: name(p.user_id), since: formatDateTime(p.created_at) })),
    log: list.log.map((l) => ({ name: name(l.userId), what: seats.eventLabels[l.kind], at: formatDateTime(l.at) })).reverse(),
    attendance: attendees.map((id) => ({ userId: id, name: name(id), organization: org(id), present: attendance.find((a) => a.user_id === id)?.present ?? false })),
  };
}

// ---------------------------------------------------------------- attendance and attestations

export interface SessionHeld {
  sessionId: string;
  trainingId: string;
  trainingTitle: string;
  /** « Prototyper un service public – session du 3 décembre 2026 » */
  sessionTitle: string;
  labId: string;
  presentAgentIds: string[];
}
type SessionHeldListener = (held: SessionHeld) => Promise<void> | void;
// On globalThis, as the committees' registry: the server entry wires it at boot, and in
// development the routes run from another copy of this module.
const HELD = Symbol.for("germoir.trainings.sessionHeld");
const heldListeners: SessionHeldListener[] = ((globalThis as unknown as Record<symbol, SessionHeldListener[] | undefined>)[HELD] ??= []);

/**
 * Hears a session held (its attendance closed), after the commit: the session, its training, and
 * the agents present — for the satisfaction questionnaire (wired in src/wiring.ts).
 */
export function onSessionHeld(listener: SessionHeldListener): void {
  heldListeners.push(listener);
}

/**
 * The trainer or the lab team records who was present among the registered (and any agent already
 * on the sheet); closing the sheet marks the session held, makes the attestations available and
 * tells the listeners after commit. A closed sheet may still be corrected (attestations follow).
 */
export async function recordAttendance(viewer: Viewer, labSlug: string, trainingId: string, sessionId: string, input: AttendanceInput, now = new Date()): Promise<void> {
  const page = await sessionPage(viewer, labSlug, trainingId, sessionId);
  const session = (await data.getSession(sessionId))!;
  if (session.starts_at > now) throw new Refusal("La feuille de présence s’ouvre au début de la session.", 409);
  const onSheet = new Set(page.attendance.map((a) => a.userId));
  const unknown = input.present.find((id) => !onSheet.has(id));
  if (unknown) throw new Refusal("Présents : cet agent n’est pas inscrit à la session.", 400, "present");
  const present = new Set(input.present);
  await transaction(async () => {
    await data.recordAttendance(session.id, [...onSheet].map((userId) => ({ userId, present: present.has(userId) })), viewer.userId, now);
    if (input.close && (await data.markHeld(session.id, now))) {
      const training = (await data.getTraining(trainingId))!;
      const held: SessionHeld = { sessionId: session.id, trainingId: training.id, trainingTitle: training.title, sessionTitle: sessionTitle(training, session), labId: training.lab_id, presentAgentIds: [...present] };
      await onCommit(async () => {
        for (const listener of heldListeners) {
          try {
            await listener(held);
          } catch (err) {
            runtime().log.error("session held listener failed", { err, session: session.id });
          }
        }
      });
    }
  });
}

/** The attestation of an agent present at a held session: for the agent, and for the lab team (any agent present). */
export async function attestationFor(viewer: Viewer, trainingId: string, sessionId: string, agentId?: string | null): Promise<{ pdf: Buffer; filename: string }> {
  const training = await data.getTraining(trainingId);
  if (!training) throw new Refusal("Cette formation n’existe pas.", 404);
  const rights = trainingRights(viewer.principal, null, training);
  const who = agentId && agentId !== viewer.userId ? agentId : viewer.userId;
  if (who !== viewer.userId && !rights.manage) throw new Refusal("Vous ne pouvez obtenir que votre propre attestation.", 403);
  const session = await sessionOf(training, sessionId);
  const present = (await data.attendanceOf([session.id])).find((a) => a.user_id === who)?.present;
  if (!session.held_at || !present) throw new Refusal("Aucune attestation : la présence n’a pas été relevée pour cette session.", 404);
  const agent = (await getUsers([who])).get(who);
  const orgs = await getOrganizations(agent?.organization_id ? [agent.organization_id] : []);
  const lab = (await getLab(training.lab_id))!;
  const trainers = await data.trainersOf([session.id]);
  const trainerNames = await getUsers(trainers.map((t) => t.user_id));
  const pdf = await attestationPdf({
    lab: lab.name,
    agent: agent ? displayName(agent) : "Agent",
    organization: agent?.organization_id ? (orgs.get(agent.organization_id)?.name ?? "") : "",
    training: training.title,
    objectives: training.objectives,
    methods: training.methods,
    when: sessionWhen(session),
    place: session.place || (session.link ? "À distance" : ""),
    duration: durationWords(training.duration_hours),
    format: formatLabels[training.format],
    trainers: [...trainerNames.values()].map(displayName),
    issuedOn: formatDate(session.held_at),
  });
  return { pdf, filename: `attestation-${formatDateFile(session.starts_at)}.pdf` };
}

const formatDateFile = (d: Date) => d.toISOString().slice(0, 10);

// ---------------------------------------------------------------- the reciprocal offer's balance

/**
 * Seats taken, in a calendar year, by each side's agents in the trainings of another side: the
 * reciprocal offer's balance. Counted on confirmed registrations to sessions that start that year,
 * across every lab of the installation (the offer is shared); the lab team of any lab reads it.
 */
export async function reciprocalBalance(viewer: Viewer, labSlug: string, year: number | null, now = new Date()) {
  const lab = await teamLab(viewer, labSlug);
  const y = year ?? Number(now.toISOString().slice(0, 4));
  const from = new Date(Date.UTC(y, 0, 1));
  const to = new Date(Date.UTC(y + 1, 0, 1));
  const trainings = await data.listTrainings();
  const sessions = (await data.sessionsOf(trainings.map((t) => t.id))).filter((s) => s.starts_at >= from && s.starts_at < to);
  const byTraining = new Map(trainings.map((t) => [t.id, t]));
  const confirmed = await seats.confirmedAgents(SEAT_KIND, sessions.map((s) => s.id));
  const agentSides = await sidesOf([...new Set([...confirmed.values()].flat().map((c) => c.userId))]);
  // cells[organising side][agents' side]
  const cells = new Map<string, number>();
  const key = (org: Side, agents: Side | null) => `${org}|${agents ?? "none"}`;
  for (const s of sessions) {
    const t = byTraining.get(s.training_id)!;
    for (const c of confirmed.get(s.id) ?? []) {
      const k = key(t.side, agentSides.get(c.userId) ?? null);
      cells.set(k, (cells.get(k) ?? 0) + 1);
    }
  }
  const used = sides.filter((s) => [...cells.keys()].some((k) => k.startsWith(`${s}|`) || k.endsWith(`|${s}`)) || s === "state" || s === "region");
  const rows = used.map((org) => ({
    side: sideLabels[org],
    cells: used.map((agents) => ({ agents: sideLabels[agents], seats: cells.get(key(org, agents)) ?? 0, own: org === agents })),
    other: cells.get(key(org, null)) ?? 0,
  }));
  const taken = (agents: Side) => used.filter((org) => org !== agents).reduce((n, org) => n + (cells.get(key(org, agents)) ?? 0), 0);
  const given = (org: Side) => used.filter((agents) => agents !== org).reduce((n, agents) => n + (cells.get(key(org, agents)) ?? 0), 0);
  return {
    lab: { slug: lab.slug, name: lab.name },
    year: y,
    years: Array.from({ length: 6 }, (_, i) => Number(now.toISOString().slice(0, 4)) + 1 - i),
    sides: used.map((s) => sideLabels[s]),
    rows,
    summary: used.map((s) => ({ side: sideLabels[s], taken: taken(s), given: given(s), balance: given(s) - taken(s), words: `${sideAgents[s].replace(/^les/, "Les")} ont pris ${plural(taken(s), "place", "places")} dans les formations des autres administrations, qui en ont pris ${formatNumber(given(s))} dans les leurs.` })),
    sessions: sessions.length,
  };
}

/** The balance as a table for the CSV: one row per organising side and agents' side. */
export async function reciprocalBalanceExport(viewer: Viewer, labSlug: string, year: number | null) {
  const b = await reciprocalBalance(viewer, labSlug, year);
  const rows: (string | number)[][] = [];
  for (const r of b.rows) {
    for (const c of r.cells) rows.push([b.year, r.side, c.agents, c.seats, c.own ? "oui" : "non"]);
    if (r.other) rows.push([b.year, r.side, "Sans administration connue", r.other, "non"]);
  }
  return { filename: `offre-reciproque-${b.year}.csv`, header: ["Année", "Administration qui organise", "Administration des agents", "Places prises", "Même administration"], rows };
}
