import { transaction } from "../kernel/db/transaction";
import { hasRole, Refusal, type Viewer } from "../kernel/permissions";
import { displayName, findUserByEmail, getUserProfiles, getUsers } from "../accounts/accounts";
import { mailInvitations, mailRequestAnswer } from "./mails";
import { getOrganizations } from "../organizations/organizations";
import { getLab, getLabs, usersWithRole } from "../labs/labs";
import { requireLabRole } from "../labs/service";
import { holdersOf } from "../ideas/ideas";
import { notify } from "../notifications/notifications";
import { publishedTheme, publishedThemesOfLab } from "../themes";
import * as minilabs from "./minilabs";
import { minilabRights } from "./permissions";
import { sessionCounts } from "./sessions";
import { minilabNamed } from "./names";

export interface OpenMinilabInput {
  themeId: string | null;
  name: string;
  question: string;
  joinPolicy: minilabs.JoinPolicy;
  facilitatorEmails: string[];
  sessionsFrom: Date;
  sessionsUntil: Date;
  restitutionOn: Date;
  arbitrationOn: Date;
  directorates: string[];
  /** Public when omitted. */
  visibility?: minilabs.Visibility;
}

/** What the lab team needs to open a Mini-Lab: its published themes. */
export async function newMinilabForm(viewer: Viewer, labSlug: string) {
  const lab = await requireLabRole(labSlug, viewer.principal, "lab_team");
  return { lab: { slug: lab.slug, name: lab.name }, themes: await publishedThemesOfLab(lab.id) };
}

/**
 * Opens a Mini-Lab, from a published theme or from scratch. The holders of the theme's ideas
 * (authors and confirmed co-authors) are invited; facilitators are named by email.
 */
export async function openMinilab(viewer: Viewer, labSlug: string, input: OpenMinilabInput): Promise<minilabs.Minilab> {
  const lab = await requireLabRole(labSlug, viewer.principal, "lab_team");
  if (!(input.sessionsFrom <= input.sessionsUntil)) throw new Refusal("Fin des sessions : après leur début.", 400, "sessionsUntil");
  if (!(input.sessionsUntil <= input.restitutionOn)) throw new Refusal("Restitution : après la fin des sessions.", 400, "restitutionOn");
  if (!(input.restitutionOn <= input.arbitrationOn)) throw new Refusal("Arbitrage : après la restitution.", 400, "arbitrationOn");
  const theme = input.themeId ? await publishedTheme(input.themeId, lab.id) : null;
  if (input.themeId && !theme) throw new Refusal("Thème : choisissez un thème publié de ce lab.", 400, "themeId");
  const facilitators: string[] = [];
  for (const email of input.facilitatorEmails) {
    const u = await findUserByEmail(email);
    if (!u) throw new Refusal(`Animateurs : aucun compte n’a l’adresse ${email}.`, 400, "facilitators");
    facilitators.push(u.id);
  }
  const holders = theme ? [...new Set([...(await holdersOf(theme.ideaIds)).values()].flat())] : [];
  return transaction(async () => {
    const m = await minilabs.createMinilab(
      {
        labId: lab.id,
        themeId: theme?.id ?? null,
        themeLabel: theme?.label ?? null,
        name: input.name,
        question: input.question,
        joinPolicy: input.joinPolicy,
        sessionsFrom: input.sessionsFrom,
        sessionsUntil: input.sessionsUntil,
        restitutionOn: input.restitutionOn,
        arbitrationOn: input.arbitrationOn,
        directorates: input.directorates,
        createdBy: viewer.userId,
        visibility: input.visibility ?? "public",
      },
      facilitators,
      holders,
    );
    const link = `/minilabs/${m.id}`;
    await notify([
      ...holders
        .filter((u) => !facilitators.includes(u))
        .map((userId) => ({ userId, kind: "minilab_invitation" as const, title: `Votre idée rejoint le ${minilabNamed(m.name)} : une invitation à y participer vous attend`, link })),
      ...facilitators.map((userId) => ({ userId, kind: "minilab_membership" as const, title: `Vous animez le ${minilabNamed(m.name)}`, link })),
    ]);
    // and by email: written to the outbox now, delivered by a job
    await mailInvitations(m, lab.name, { invited: holders.filter((u) => !facilitators.includes(u)), why: "theme" });
    await mailInvitations(m, lab.name, { facilitators });
    return m;
  });
}

const countBy = <T>(xs: T[], key: (x: T) => string) => {
  const out = new Map<string, number>();
  for (const x of xs) out.set(key(x), (out.get(key(x)) ?? 0) + 1);
  return [...out.entries()].sort((a, b) => b[1] - a[1]);
};

/** Every Mini-Lab of the lab on one page: phase, members by organisation, invitations and requests pending. */
export async function minilabsOverview(viewer: Viewer, labSlug: string) {
  const lab = await requireLabRole(labSlug, viewer.principal, "lab_team");
  const list = await minilabs.listMinilabs([lab.id]);
  const [members, sessions] = await Promise.all([minilabs.listMembers(list.map((m) => m.id)), sessionCounts(list.map((m) => m.id))]);
  const users = await getUserProfiles(members.map((m) => m.user_id));
  const orgs = await getOrganizations([...users.values()].map((u) => u.organization_id).filter((x): x is string => !!x));
  const now = new Date();
  return {
    lab: { slug: lab.slug, name: lab.name },
    minilabs: list.map((m) => {
      const own = members.filter((x) => x.minilab_id === m.id);
      const active = own.filter((x) => x.status === "active");
      return {
        id: m.id,
        name: m.name,
        theme: m.theme_label,
        phase: minilabs.minilabPhases[minilabs.phaseOf(m, now)],
        sessionsFrom: m.sessions_from,
        arbitrationOn: m.arbitration_on,
        active: active.length,
        invited: own.filter((x) => x.status === "invited").length,
        requested: own.filter((x) => x.status === "requested").length,
        sessionsHeld: sessions.get(m.id)?.held ?? 0,
        sessionsScheduled: sessions.get(m.id)?.scheduled ?? 0,
        byOrganization: countBy(active, (x) => orgs.get(users.get(x.user_id)?.organization_id ?? "")?.name ?? "Sans organisation").map(([name, n]) => ({ name, n })),
        bySite: countBy(active, (x) => users.get(x.user_id)?.site ?? "Site non renseigné").map(([name, n]) => ({ name, n })),
      };
    }),
  };
}

/** All Mini-Labs, with the viewer's place in each. */
export async function minilabsIndex(viewer: Viewer) {
  const [list, mine] = await Promise.all([minilabs.listMinilabs(), minilabs.membershipsOf(viewer.userId)]);
  const status = new Map(mine.map((m) => [m.minilab_id, m.status]));
  const labs = await getLabs(list.map((m) => m.lab_id));
  return list.filter((m) => maySee(viewer, m, status.get(m.id))).map((m) => ({
    id: m.id,
    name: m.name,
    question: m.question,
    theme: m.theme_label,
    lab: labs.get(m.lab_id)?.name ?? "",
    phase: minilabs.minilabPhases[minilabs.phaseOf(m)],
    myStatus: status.get(m.id) ?? null,
    private: m.visibility === "private",
  }));
}

async function requireMinilab(id: string) {
  const m = await minilabs.getMinilab(id);
  if (!m) throw new Refusal("Ce Mini-Lab n’existe pas.", 404);
  return m;
}

/** A private Mini-Lab is seen by its members (invited or active, facilitators included) and the lab team. */
function maySee(viewer: Viewer, m: minilabs.Minilab, myStatus: minilabs.MemberStatus | undefined): boolean {
  return minilabs.visibleTo(m, myStatus, hasRole(viewer.principal, m.lab_id, "lab_team"));
}

/**
 * The Mini-Labs of the list that the viewer may see, in the same order: what every derived view
 * (an idea's trace, « Mes idées »...) asks before it shows a Mini-Lab, its proposals or decisions.
 */
export async function minilabsVisibleTo<M extends minilabs.Minilab>(viewer: Viewer, list: M[]): Promise<M[]> {
  if (!list.some((m) => m.visibility === "private")) return list;
  const mine = new Map((await minilabs.membershipsOf(viewer.userId)).map((x) => [x.minilab_id, x]));
  return list.filter((m) => minilabRights(viewer.principal, m, mine.get(m.id)).see);
}

/**
 * Of these people, those who may see the Mini-Lab (a public one: all of them; a private one: its
 * members, invited ones included, and its lab's team): who may be told about it, in the
 * application or by mail.
 */
export async function mayBeToldOf(m: minilabs.Minilab, userIds: string[], labTeam: string[]): Promise<string[]> {
  if (m.visibility !== "private") return userIds;
  const members = new Map((await minilabs.listMembers([m.id])).map((x) => [x.user_id, x]));
  const team = new Set(labTeam);
  return userIds.filter((u) => minilabs.visibleTo(m, members.get(u)?.status, team.has(u)));
}

/**
 * The Mini-Lab if the viewer may see it, with their membership; otherwise the same 404 as an
 * unknown Mini-Lab (a private one does not reveal that it exists). Sessions, board and proposals
 * call it before anything else.
 */
export async function requireMinilabVisible(viewer: Viewer, minilabId: string): Promise<{ minilab: minilabs.Minilab; me: minilabs.MinilabMember | undefined }> {
  const m = await requireMinilab(minilabId);
  const me = await minilabs.getMember(m.id, viewer.userId);
  if (!maySee(viewer, m, me?.status)) throw new Refusal("Ce Mini-Lab n’existe pas.", 404);
  return { minilab: m, me };
}

/** The lab team and the Mini-Lab's active facilitators manage it (requests, invitations, sessions, exports). */
export const canManage = (viewer: Viewer, m: minilabs.Minilab, me: minilabs.MinilabMember | undefined) => minilabRights(viewer.principal, m, me).manage;

export async function minilabPage(viewer: Viewer, id: string) {
  const { minilab: m } = await requireMinilabVisible(viewer, id);
  const [members, lab] = await Promise.all([minilabs.listMembers([m.id]), getLab(m.lab_id)]);
  const me = members.find((x) => x.user_id === viewer.userId);
  const manage = canManage(viewer, m, me);
  const users = await getUsers(members.map((x) => x.user_id));
  const orgs = await getOrganizations([...users.values()].map((u) => u.organization_id).filter((x): x is string => !!x));
  const person = (x: minilabs.MinilabMember) => {
    const u = users.get(x.user_id);
    return { userId: x.user_id, name: u ? displayName(u) : "Agent", job: u?.job ?? null, organization: u?.organization_id ? (orgs.get(u.organization_id)?.name ?? null) : null, since: x.joined_at };
  };
  return {
    minilab: {
      id: m.id,
      name: m.name,
      question: m.question,
      theme: m.theme_label,
      lab: lab?.name ?? "",
      joinPolicy: m.join_policy,
      joinPolicyLabel: minilabs.joinPolicies[m.join_policy],
      phase: minilabs.phaseOf(m),
      phaseLabel: minilabs.minilabPhases[minilabs.phaseOf(m)],
      sessionsFrom: m.sessions_from,
      sessionsUntil: m.sessions_until,
      restitutionOn: m.restitution_on,
      arbitrationOn: m.arbitration_on,
      directorates: m.directorates,
      private: m.visibility === "private",
    },
    me: me ? { role: me.role, status: me.status, source: me.source } : null,
    manage,
    facilitators: members.filter((x) => x.role === "facilitator" && x.status === "active").map(person),
    members: members.filter((x) => x.role === "member" && x.status === "active").map(person),
    invitedCount: members.filter((x) => x.status === "invited").length,
    requests: manage ? members.filter((x) => x.status === "requested").map(person) : [],
  };
}

/** Joins (open Mini-Lab, or an invitation), or asks to join (on request). Returns the new status. */
export async function join(viewer: Viewer, id: string): Promise<minilabs.MemberStatus> {
  const { minilab: m, me } = await requireMinilabVisible(viewer, id);
  if (me?.status === "active") return "active";
  if (minilabs.phaseOf(m) === "done") throw new Refusal("Le cycle de ce Mini-Lab est terminé : il n’accueille plus de membres.", 409);
  if (m.visibility === "private" && me?.status !== "invited") throw new Refusal("Ce Mini-Lab est privé : on y entre sur invitation de l’équipe du lab ou des animateurs.", 409);
  const status: minilabs.MemberStatus = me?.status === "invited" || m.join_policy === "open" ? "active" : "requested";
  return transaction(async () => {
    await minilabs.setMemberStatus(m.id, viewer.userId, status);
    if (status === "requested") {
      const members = await minilabs.listMembers([m.id]);
      const managers = [...new Set([...(await usersWithRole(m.lab_id, "lab_team")), ...members.filter((x) => x.role === "facilitator" && x.status === "active").map((x) => x.user_id)])];
      await notify(managers.map((userId) => ({ userId, kind: "minilab_request" as const, title: `Une demande pour rejoindre le ${minilabNamed(m.name)}`, link: `/minilabs/${m.id}` })));
    }
    return status;
  });
}

export async function declineInvitation(viewer: Viewer, id: string): Promise<void> {
  const { minilab: m, me } = await requireMinilabVisible(viewer, id);
  if (me?.status !== "invited") throw new Refusal("Vous n’avez pas d’invitation en attente pour ce Mini-Lab.", 409);
  await minilabs.setMemberStatus(m.id, viewer.userId, "declined");
}

export async function leave(viewer: Viewer, id: string): Promise<void> {
  const { minilab: m, me } = await requireMinilabVisible(viewer, id);
  if (!me || (me.status !== "active" && me.status !== "requested")) throw new Refusal("Vous n’êtes pas membre de ce Mini-Lab.", 409);
  await minilabs.setMemberStatus(m.id, viewer.userId, "left");
}

/** The lab team or a facilitator accepts or refuses a request to join. */
export async function answerRequest(viewer: Viewer, id: string, userId: string, accept: boolean): Promise<void> {
  const { minilab: m, me } = await requireMinilabVisible(viewer, id);
  if (!canManage(viewer, m, me)) throw new Refusal("Seuls l’équipe du lab et les animateurs répondent aux demandes.", 403);
  const them = await minilabs.getMember(m.id, userId);
  if (them?.status !== "requested") throw new Refusal("Cette demande n’est plus en attente.", 409);
  return transaction(async () => {
    await minilabs.setMemberStatus(m.id, userId, accept ? "active" : "declined");
    await notify({
      userId,
      kind: "minilab_membership",
      title: accept ? `Vous avez rejoint le ${minilabNamed(m.name)}` : `Votre demande pour le ${minilabNamed(m.name)} n’a pas été retenue`,
      link: `/minilabs/${m.id}`,
    });
    await mailRequestAnswer(m, userId, accept);
  });
}

/**
 * The lab team or a facilitator invites agents by email (the way into a private Mini-Lab, and a
 * way to call someone into a public one): in the app and by mail. Returns how many were invited.
 */
export async function inviteByEmail(viewer: Viewer, id: string, emails: string[]): Promise<number> {
  const { minilab: m, me } = await requireMinilabVisible(viewer, id);
  if (!canManage(viewer, m, me)) throw new Refusal("Seuls l’équipe du lab et les animateurs invitent.", 403);
  if (minilabs.phaseOf(m) === "done") throw new Refusal("Le cycle de ce Mini-Lab est terminé : il n’accueille plus de membres.", 409);
  if (!emails.length) throw new Refusal("Adresses : indiquez au moins une adresse électronique.", 400, "emails");
  const ids: string[] = [];
  for (const email of emails) {
    const u = await findUserByEmail(email);
    if (!u) throw new Refusal(`Adresses : aucun compte n’a l’adresse ${email}.`, 400, "emails");
    ids.push(u.id);
  }
  return transaction(async () => {
    const invited = await minilabs.inviteMembers(m.id, ids);
    const lab = await getLab(m.lab_id);
    await notify(invited.map((userId) => ({ userId, kind: "minilab_invitation" as const, title: `Une invitation au ${minilabNamed(m.name)} vous attend`, link: `/minilabs/${m.id}` })));
    await mailInvitations(m, lab?.name ?? "Le lab", { invited, why: "lab" });
    return invited.length;
  });
}
