import { transaction } from "../kernel/db/transaction";
import { Refusal, type Viewer } from "../kernel/permissions";
import { displayName, getUser, getUsers } from "../accounts/accounts";
import { getOrganizations } from "../organizations/organizations";
import { getLab, loadPrincipal } from "../labs/labs";
import { requireLabRole } from "../labs/service";
import { liveStream } from "../kernel/live/hub";
import { sessionAccessKey, sessionIsOpen } from "../kernel/auth/sessions";
import * as minilabs from "./minilabs";
import { minilabRights } from "./permissions";
import { requireMinilabVisible } from "./service";
import * as sessions from "./sessions";
import * as board from "./board";
import type { BoardIntent } from "./session-schemas";
import { addLabMethod, ensureLabMethods, labMethods, setLabMethodArchived } from "../resources";

/**
 * Sessions and boards of a Mini-Lab. Who sees: whoever may see the Mini-Lab (see `seeMinilab`).
 * Who writes on the board: its active members, facilitators and the lab team. Who schedules,
 * records attendance and notes, opens or closes the board: facilitators and the lab team.
 */
export interface Standing {
  minilab: minilabs.Minilab;
  member: minilabs.MinilabMember | undefined;
  /** Facilitator (active) or lab team. */
  manage: boolean;
  /** Writes on the board. */
  participate: boolean;
}

/** A private Mini-Lab's sessions and board answer the same 404 as an unknown Mini-Lab to others. */
async function standing(viewer: Viewer, minilabId: string): Promise<Standing> {
  const { minilab: m, me: member } = await requireMinilabVisible(viewer, minilabId);
  const { manage, participate } = minilabRights(viewer.principal, m, member);
  return { minilab: m, member, manage, participate };
}

async function sessionStanding(viewer: Viewer, minilabId: string, sessionId: string) {
  const s = await standing(viewer, minilabId);
  const session = await sessions.getSession(sessionId);
  if (!session || session.minilab_id !== s.minilab.id) throw new Refusal("Cette séance n’existe pas.", 404);
  return { ...s, session };
}

const onlyManagers = () => new Refusal("Seuls les animateurs et l’équipe du lab organisent les séances.", 403);

// ---- methods (the lab's method sheets, kept by the resources library)

export async function methodsPage(viewer: Viewer, labSlug: string) {
  const lab = await requireLabRole(labSlug, viewer.principal, "lab_team");
  await ensureLabMethods(lab.id);
  return { lab: { slug: lab.slug, name: lab.name }, methods: await labMethods(lab.id, { includeArchived: true }) };
}

export async function addMethod(viewer: Viewer, labSlug: string, label: string, description: string) {
  const lab = await requireLabRole(labSlug, viewer.principal, "lab_team");
  await addLabMethod(lab.id, label, description, viewer.userId);
}

export async function archiveMethod(viewer: Viewer, labSlug: string, methodId: string, archived: boolean) {
  const lab = await requireLabRole(labSlug, viewer.principal, "lab_team");
  if (!(await setLabMethodArchived(lab.id, methodId, archived))) throw new Refusal("Cette méthode n’existe pas.", 404);
}

// ---- sessions

export async function sessionForm(viewer: Viewer, minilabId: string, sessionId?: string) {
  const s = await standing(viewer, minilabId);
  if (!s.manage) throw onlyManagers();
  await ensureLabMethods(s.minilab.lab_id);
  const session = sessionId ? await sessions.getSession(sessionId) : undefined;
  if (sessionId && (!session || session.minilab_id !== s.minilab.id)) throw new Refusal("Cette séance n’existe pas.", 404);
  return { minilab: { id: s.minilab.id, name: s.minilab.name }, methods: await labMethods(s.minilab.lab_id), session: session ?? null };
}

async function checkMethods(labId: string, chosen: string[]) {
  await ensureLabMethods(labId);
  const known = new Set((await labMethods(labId, { includeArchived: true })).map((m) => m.label));
  const unknown = chosen.find((c) => !known.has(c));
  if (unknown) throw new Refusal(`Méthodes : « ${unknown.slice(0, 80)} » n’est pas dans la liste du lab.`, 400, "methods");
}

export async function scheduleSession(viewer: Viewer, minilabId: string, f: sessions.SessionFields) {
  const s = await standing(viewer, minilabId);
  if (!s.manage) throw onlyManagers();
  return transaction(async () => {
    await checkMethods(s.minilab.lab_id, f.methods);
    return sessions.createSession(s.minilab.id, f, viewer.userId);
  });
}

export async function editSession(viewer: Viewer, minilabId: string, sessionId: string, f: sessions.SessionFields) {
  const s = await sessionStanding(viewer, minilabId, sessionId);
  if (!s.manage) throw onlyManagers();
  return transaction(async () => {
    await checkMethods(s.minilab.lab_id, f.methods);
    await sessions.updateSession(s.session.id, f);
  });
}

/** A Mini-Lab's sessions, for its page. */
export async function sessionsOf(minilabId: string) {
  const list = await sessions.listSessions([minilabId]);
  const [attendance, notes] = await Promise.all([sessions.attendanceOf(list.map((x) => x.id)), board.noteCounts(list.map((x) => x.id))]);
  return list.map((x) => ({
    id: x.id,
    title: x.title,
    startsAt: x.starts_at,
    place: x.place,
    online: !!x.video_url,
    methods: x.methods,
    present: attendance.filter((a) => a.session_id === x.id && a.present).length,
    notes: notes.get(x.id) ?? 0,
  }));
}

export async function sessionPage(viewer: Viewer, minilabId: string, sessionId: string) {
  const s = await sessionStanding(viewer, minilabId, sessionId);
  const members = (await minilabs.listMembers([s.minilab.id])).filter((x) => x.status === "active");
  const [users, attendance, lab] = await Promise.all([getUsers(members.map((x) => x.user_id)), sessions.attendanceOf([s.session.id]), getLab(s.minilab.lab_id)]);
  const orgs = await getOrganizations([...users.values()].map((u) => u.organization_id).filter((x): x is string => !!x));
  const present = new Map(attendance.map((a) => [a.user_id, a.present]));
  return {
    minilab: { id: s.minilab.id, name: s.minilab.name, lab: lab?.name ?? "" },
    session: s.session,
    manage: s.manage,
    participate: s.participate,
    recorded: attendance.length > 0,
    people: members
      .map((x) => {
        const u = users.get(x.user_id);
        return {
          userId: x.user_id,
          name: u ? displayName(u) : "Agent",
          role: x.role,
          organization: u?.organization_id ? (orgs.get(u.organization_id)?.name ?? null) : null,
          present: present.get(x.user_id) ?? null,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, "fr")),
  };
}

/** For the session page's actions: only its facilitators and the lab team record anything there. */
export async function requireSessionManager(viewer: Viewer, minilabId: string, sessionId: string): Promise<void> {
  if (!(await sessionStanding(viewer, minilabId, sessionId)).manage) throw onlyManagers();
}

export async function recordAttendance(viewer: Viewer, minilabId: string, sessionId: string, presentIds: string[]) {
  const s = await sessionStanding(viewer, minilabId, sessionId);
  if (!s.manage) throw onlyManagers();
  const members = (await minilabs.listMembers([s.minilab.id])).filter((x) => x.status === "active").map((x) => x.user_id);
  const stranger = presentIds.find((id) => !members.includes(id));
  if (stranger) throw new Refusal("Présents : cochez des membres du Mini-Lab.", 400, "present");
  await sessions.recordAttendance(
    s.session.id,
    members.map((userId) => ({ userId, present: presentIds.includes(userId) })),
    viewer.userId,
  );
}

export async function saveNotes(viewer: Viewer, minilabId: string, sessionId: string, notes: string) {
  const s = await sessionStanding(viewer, minilabId, sessionId);
  if (!s.manage) throw onlyManagers();
  await sessions.setSessionNotes(s.session.id, notes);
}

// ---- the board

export async function boardPage(viewer: Viewer, minilabId: string, sessionId: string) {
  const s = await sessionStanding(viewer, minilabId, sessionId);
  const [notes, mine] = await Promise.all([board.boardNotes(s.session.id), board.votesOf(s.session.id, viewer.userId)]);
  return {
    minilab: { id: s.minilab.id, name: s.minilab.name },
    session: { id: s.session.id, title: s.session.title, startsAt: s.session.starts_at, dots: s.session.dots, open: s.session.board_open },
    manage: s.manage,
    participate: s.participate && s.session.board_open,
    me: viewer.userId,
    notes,
    myVotes: mine,
  };
}

/** Whether the viewer may see this session's board (throws 404 otherwise): cheap, for actions. */
export async function requireBoardAccess(viewer: Viewer, minilabId: string, sessionId: string): Promise<void> {
  await sessionStanding(viewer, minilabId, sessionId);
}

/**
 * Whether the viewer may make this kind of change (the form's intent, as sent): 404 to who may not
 * see the board, 403 to who may see but not write (or not open it). For an action, before it
 * reads the rest of the form.
 */
export async function requireBoardChange(viewer: Viewer, minilabId: string, sessionId: string, intent: unknown): Promise<void> {
  const s = await sessionStanding(viewer, minilabId, sessionId);
  if (intent === "open" && !s.manage) throw new Refusal("Seuls les animateurs et l’équipe du lab ouvrent ou ferment le tableau.", 403);
  if (!s.participate) throw new Refusal("Seuls les membres du Mini-Lab écrivent sur ce tableau.", 403);
}

/** The notes the viewer has put a dot on. */
export async function myDots(viewer: Viewer, sessionId: string): Promise<string[]> {
  return board.votesOf(sessionId, viewer.userId);
}

/** Applies one change to the board; returns a French confirmation for the page without JavaScript. */
export async function changeBoard(viewer: Viewer, minilabId: string, sessionId: string, change: BoardIntent): Promise<string> {
  const s = await sessionStanding(viewer, minilabId, sessionId);
  if (change.intent === "open") {
    if (!s.manage) throw new Refusal("Seuls les animateurs et l’équipe du lab ouvrent ou ferment le tableau.", 403);
    await sessions.setBoardOpen(s.session.id, change.open === "true");
    return change.open === "true" ? "Le tableau est ouvert." : "Le tableau est fermé : il reste consultable et exportable.";
  }
  if (!s.participate) throw new Refusal("Seuls les membres du Mini-Lab écrivent sur ce tableau.", 403);
  if (!s.session.board_open) throw new Refusal("Le tableau de cette séance est fermé.", 409);
  const gone = () => new Refusal("Ce post-it n’existe plus.", 404);
  const own = async (noteId: string) => {
    const note = await board.getNote(s.session.id, noteId);
    if (!note) throw gone();
    if (note.author_id !== viewer.userId && !s.manage) throw new Refusal("Seuls l’auteur du post-it et les animateurs le modifient.", 403);
  };
  switch (change.intent) {
    case "add": {
      const u = await getUser(viewer.userId);
      await board.addNote(s.session.id, change.column as board.BoardColumn, change.text, { id: viewer.userId, name: u ? displayName(u) : "Agent" });
      return `Post-it ajouté dans « ${board.boardColumns[change.column as board.BoardColumn]} ».`;
    }
    case "edit":
      await own(change.noteId);
      if (!(await board.editNote(s.session.id, change.noteId, change.text))) throw gone();
      return "Post-it modifié.";
    case "delete":
      await own(change.noteId);
      if (!(await board.deleteNote(s.session.id, change.noteId))) throw gone();
      return "Post-it retiré.";
    case "move":
      if (!(await board.moveNote(s.session.id, change.noteId, { column: change.column as board.BoardColumn, index: change.index }))) throw gone();
      return `Post-it déplacé dans « ${board.boardColumns[change.column as board.BoardColumn]} ».`;
    case "up":
    case "down":
      if (!(await board.moveNote(s.session.id, change.noteId, { step: change.intent === "up" ? -1 : 1 }))) throw gone();
      return change.intent === "up" ? "Post-it monté." : "Post-it descendu.";
    case "vote": {
      const r = await board.toggleVote(s.session.id, change.noteId, viewer.userId, s.session.dots);
      if ("refused" in r) {
        if (r.refused === "no-note") throw gone();
        throw new Refusal(`Vous avez posé vos ${s.session.dots} gommettes : retirez-en une pour voter ailleurs.`, 409);
      }
      return r.voted ? "Gommette posée." : "Gommette retirée.";
    }
  }
}

/** The board's live stream (server-sent events): a snapshot, then every change. */
/**
 * The board's live changes. The stream lasts only as long as the viewer may follow it: it ends
 * when their session ends (sign-out) or their place in the Mini-Lab changes (they leave, decline,
 * are refused) and they may no longer see the board — announced to every process once committed —
 * and it checks again every 30 s in any case (roles reloaded), holding changes meanwhile.
 */
export async function boardStream(viewer: Viewer & { sessionId?: string | null }, minilabId: string, sessionId: string, signal: AbortSignal): Promise<Response> {
  const s = await sessionStanding(viewer, minilabId, sessionId);
  const authSession = viewer.sessionId ?? null;
  return liveStream({
    channel: board.BOARD_CHANNEL,
    topic: s.session.id,
    signal,
    snapshot: async () => JSON.stringify(await board.boardNotes(s.session.id)),
    accessKeys: [minilabs.memberAccessKey(s.minilab.id, viewer.userId), ...(authSession ? [sessionAccessKey(authSession)] : [])],
    allowed: async () => {
      if (authSession && !(await sessionIsOpen(authSession))) return false;
      const fresh: Viewer = { userId: viewer.userId, principal: await loadPrincipal(viewer.userId) };
      return sessionStanding(fresh, s.minilab.id, s.session.id).then(
        () => true,
        () => false,
      );
    },
  });
}

/** The board as CSV rows (column, order, text, author, dots, created), for a streamed export. */
export async function boardExport(viewer: Viewer, minilabId: string, sessionId: string) {
  const s = await sessionStanding(viewer, minilabId, sessionId);
  const notes = (await board.boardNotes(s.session.id)).filter((n) => !n.deleted);
  return { session: s.session, minilab: s.minilab, notes: board.boardColumnKeys.flatMap((c) => notes.filter((n) => n.column === c)) };
}
