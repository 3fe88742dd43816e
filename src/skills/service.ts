/**
 * The skills directory's use cases: agents declare skills from a shared list (labs extend it),
 * with a level and whether they would help other services, and may say they are experts (domains,
 * availability). Opt-in: who declared nothing is not listed. Agents find each other by skill,
 * site and organisation, and « contacter » sends an in-app message (a notification with the
 * sender and the text, and a page to reply): no email address is ever shown or sent.
 */
import { displayName, getUser, getUserProfiles } from "../accounts/accounts";
import { getLabs } from "../labs/labs";
import { requireLabRole } from "../labs/service";
import { getOrganizations } from "../organizations/organizations";
import { notify } from "../notifications/notifications";
import { Refusal, type Viewer } from "../kernel/permissions";
import { transaction } from "../kernel/db/transaction";
import { formatDate, formatDateTime } from "../kernel/format";
import * as data from "./skills";
import { expertKinds, levels } from "./db/schema";
import { DAILY_MESSAGES, mayContact, mayReadMessage } from "./permissions";
import type { DirectoryFilters, LabSkillsAction, MySkillsAction } from "./schemas";

const PAGE = 20;
const plain = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase();

// ---------------------------------------------------------------- the directory

/** The agents who opted in, filtered by skill, site, organisation and willingness to help; and the labs' external experts. */
export async function directoryPage(viewer: Viewer, filters: DirectoryFilters) {
  const skills = await data.listSkills();
  const skill = filters.skill ? skills.find((s) => s.id === filters.skill) : undefined;
  const ids = await data.listedUsers({ skillId: skill?.id ?? null, willing: filters.willing });
  const everyone = await getUserProfiles(ids);
  const listedAll = [...everyone.values()];
  const sites = [...new Set(listedAll.map((u) => u.site).filter((s): s is string => !!s))].sort((a, b) => a.localeCompare(b, "fr"));
  const orgIds = [...new Set(listedAll.map((u) => u.organization_id).filter((s): s is string => !!s))];
  const orgs = await getOrganizations(orgIds);
  const matching = listedAll
    .filter((u) => !filters.site || plain(u.site ?? "") === plain(filters.site))
    .filter((u) => !filters.organization || u.organization_id === filters.organization)
    .sort((a, b) => a.family_name.localeCompare(b.family_name, "fr") || a.given_name.localeCompare(b.given_name, "fr") || a.id.localeCompare(b.id));
  const page = matching.slice((filters.page - 1) * PAGE, filters.page * PAGE);
  const [declared, profiles] = await Promise.all([data.skillsOf(page.map((u) => u.id)), data.profilesOf(page.map((u) => u.id))]);
  const externals = await data.externalExperts();
  const labs = await getLabs([...new Set(externals.map((e) => e.lab_id))]);
  return {
    filters,
    skills: skills.map((s) => ({ value: s.id, label: s.label })),
    sites: sites.map((s) => ({ value: s, label: s })),
    organizations: [...orgs.values()].sort((a, b) => a.name.localeCompare(b.name, "fr")).map((o) => ({ value: o.id, label: o.name })),
    total: matching.length,
    pages: Math.max(1, Math.ceil(matching.length / PAGE)),
    skillLabel: skill?.label ?? null,
    people: page.map((u) => {
      const p = profiles.get(u.id);
      return {
        id: u.id,
        name: displayName(u),
        job: u.job,
        site: u.site,
        organization: u.organization_id ? (orgs.get(u.organization_id)?.name ?? null) : null,
        me: u.id === viewer.userId,
        expert: !!p?.expert,
        domains: p?.expert ? p.domains : "",
        skills: declared.filter((d) => d.user_id === u.id).map((d) => ({ label: d.label, level: levels[d.level], willing: d.willing_to_help, match: d.skill_id === skill?.id })),
      };
    }),
    externals: externals
      .filter((e) => !skill || plain(e.domains).includes(plain(skill.label)))
      .map((e) => ({ id: e.id, name: e.name, affiliation: e.affiliation, kind: expertKinds[e.kind], domains: e.domains, availability: e.availability, lab: labs.get(e.lab_id)?.name ?? "" })),
  };
}

/** An agent's card: only if they opted in (or it is the viewer's own). */
export async function personPage(viewer: Viewer, userId: string) {
  const listed = await data.isListed(userId);
  if (!listed && userId !== viewer.userId) throw new Refusal("Cet agent ne figure pas dans l’annuaire.", 404);
  const u = (await getUserProfiles([userId])).get(userId);
  if (!u) throw new Refusal("Cet agent ne figure pas dans l’annuaire.", 404);
  const [declared, profiles, orgs] = await Promise.all([data.skillsOf([userId]), data.profilesOf([userId]), getOrganizations(u.organization_id ? [u.organization_id] : [])]);
  const p = profiles.get(userId);
  return {
    person: {
      id: u.id,
      name: displayName(u),
      job: u.job,
      site: u.site,
      organization: u.organization_id ? (orgs.get(u.organization_id)?.name ?? null) : null,
      expert: !!p?.expert,
      domains: p?.expert ? p.domains : "",
      availability: p?.expert ? p.availability : "",
      skills: declared.map((d) => ({ label: d.label, level: levels[d.level], willing: d.willing_to_help })),
    },
    me: userId === viewer.userId,
    mayContact: mayContact(viewer.userId, { id: userId, listed }),
  };
}

// ---------------------------------------------------------------- my skills

export async function mySkillsPage(viewer: Viewer) {
  const [skills, mine, profiles, conversations] = await Promise.all([data.listSkills(), data.skillsOf([viewer.userId]), data.profilesOf([viewer.userId]), data.conversationsOf(viewer.userId)]);
  const p = profiles.get(viewer.userId);
  const roots = new Map<string, (typeof conversations)[number]>();
  for (const m of conversations) {
    const root = m.thread_id ?? m.id;
    if (!roots.has(root)) roots.set(root, m);
  }
  const others = await getUserProfiles([...roots.values()].map((m) => (m.sender_id === viewer.userId ? m.recipient_id : m.sender_id)));
  return {
    skills: skills.map((s) => ({ value: s.id, label: s.label })),
    mine: mine.map((d) => ({ skillId: d.skill_id, label: d.label, level: d.level, levelLabel: levels[d.level], willing: d.willing_to_help, since: formatDate(d.updated_at) })),
    listed: mine.length > 0,
    profile: { expert: !!p?.expert, domains: p?.domains ?? "", availability: p?.availability ?? "" },
    levels: Object.entries(levels).map(([value, label]) => ({ value, label })),
    conversations: [...roots.entries()].slice(0, 20).map(([root, last]) => {
      const otherId = last.sender_id === viewer.userId ? last.recipient_id : last.sender_id;
      const other = others.get(otherId);
      return { id: root, with: other ? displayName(other) : "Agent", at: formatDateTime(last.created_at), unread: last.recipient_id === viewer.userId && !last.read_at };
    }),
  };
}

/** Declares, changes or withdraws a skill, or saves the expert profile; returns a French confirmation. */
export async function mySkillsAction(viewer: Viewer, action: MySkillsAction): Promise<string> {
  return transaction(async () => {
    switch (action.intent) {
      case "declare": {
        const skill = await data.getSkill(action.skillId);
        if (!skill) throw new Refusal("Compétence : choisissez une compétence de la liste.", 400, "skillId");
        await data.declare(viewer.userId, skill.id, action.level, action.willing);
        return `« ${skill.label} » figure dans vos compétences : vous êtes dans l’annuaire.`;
      }
      case "withdraw": {
        if (!(await data.withdraw(viewer.userId, action.skillId))) throw new Refusal("Cette compétence n’est pas dans les vôtres.", 404);
        return (await data.isListed(viewer.userId)) ? "La compétence est retirée." : "La compétence est retirée : sans compétence déclarée, vous n’êtes plus dans l’annuaire.";
      }
      case "profile":
        await data.saveProfile(viewer.userId, { expert: action.expert, domains: action.domains, availability: action.availability });
        return "Votre profil est enregistré.";
    }
  });
}

// ---------------------------------------------------------------- messages

async function underCap(userId: string, now: Date) {
  if ((await data.sentSince(userId, new Date(now.getTime() - 86_400_000))) >= DAILY_MESSAGES) {
    throw new Refusal(`Vous avez envoyé ${DAILY_MESSAGES} messages en 24 heures : attendez demain pour écrire à nouveau.`, 409);
  }
}

const excerpt = (s: string) => {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > 80 ? `${one.slice(0, 80)}…` : one;
};

async function senderName(userId: string) {
  const u = await getUser(userId);
  return u ? displayName(u) : "Un agent";
}

/** « Contacter »: an in-app message to a listed agent; they get a notification with the sender and the text. */
export async function contact(viewer: Viewer, recipientId: string, body: string, now = new Date()): Promise<string> {
  return transaction(async () => {
    const listed = await data.isListed(recipientId);
    if (!listed) throw new Refusal("Cet agent ne figure pas dans l’annuaire.", 404);
    if (!mayContact(viewer.userId, { id: recipientId, listed })) throw new Refusal("Vous ne pouvez pas vous écrire à vous-même.", 409);
    await underCap(viewer.userId, now);
    const m = await data.addMessage({ senderId: viewer.userId, recipientId, threadId: null, body });
    await notify({ userId: recipientId, kind: "skill_message", title: `Message de ${await senderName(viewer.userId)} : « ${excerpt(body)} »`, link: `/competences/messages/${m.id}` });
    return m.id;
  });
}

async function readableThread(viewer: Viewer, messageId: string) {
  const m = await data.getMessage(messageId);
  if (!m || !mayReadMessage(viewer.userId, m)) throw new Refusal("Ce message n’existe pas.", 404);
  const rootId = m.thread_id ?? m.id;
  const root = m.thread_id ? await data.getMessage(rootId) : m;
  if (!root) throw new Refusal("Ce message n’existe pas.", 404);
  return { root, otherId: root.sender_id === viewer.userId ? root.recipient_id : root.sender_id };
}

/** A conversation, for its two people; reading it marks it read. */
export async function messagePage(viewer: Viewer, messageId: string) {
  const { root, otherId } = await readableThread(viewer, messageId);
  const list = await data.thread(root.id);
  await data.markThreadRead(root.id, viewer.userId);
  const people = await getUserProfiles([viewer.userId, otherId]);
  const name = (id: string) => {
    const u = people.get(id);
    return u ? displayName(u) : "Agent";
  };
  return {
    id: root.id,
    with: { id: otherId, name: name(otherId), listed: await data.isListed(otherId) },
    messages: list.map((m) => ({ id: m.id, from: m.sender_id === viewer.userId ? "Vous" : name(m.sender_id), mine: m.sender_id === viewer.userId, body: m.body, at: formatDateTime(m.created_at) })),
  };
}

/** Replies in a conversation: to the other person, whether or not they are listed. */
export async function reply(viewer: Viewer, messageId: string, body: string, now = new Date()): Promise<string> {
  return transaction(async () => {
    const { root, otherId } = await readableThread(viewer, messageId);
    await underCap(viewer.userId, now);
    await data.addMessage({ senderId: viewer.userId, recipientId: otherId, threadId: root.id, body });
    await notify({ userId: otherId, kind: "skill_message", title: `Réponse de ${await senderName(viewer.userId)} : « ${excerpt(body)} »`, link: `/competences/messages/${root.id}` });
    return root.id;
  });
}

// ---------------------------------------------------------------- the lab's list and its external experts

export async function labSkillsPage(viewer: Viewer, labSlug: string) {
  const lab = await requireLabRole(labSlug, viewer.principal, "lab_team");
  const [skills, experts] = await Promise.all([data.listSkills(), data.externalExperts(lab.id)]);
  return {
    lab: { slug: lab.slug, name: lab.name },
    shared: skills.filter((s) => !s.lab_id).map((s) => s.label),
    own: skills.filter((s) => s.lab_id === lab.id).map((s) => s.label),
    others: skills.filter((s) => s.lab_id && s.lab_id !== lab.id).map((s) => s.label),
    experts: experts.map((e) => ({ id: e.id, name: e.name, affiliation: e.affiliation, kind: expertKinds[e.kind], domains: e.domains, availability: e.availability })),
    kinds: Object.entries(expertKinds).map(([value, label]) => ({ value, label })),
  };
}

export async function labSkillsAction(viewer: Viewer, labSlug: string, action: LabSkillsAction): Promise<string> {
  const lab = await requireLabRole(labSlug, viewer.principal, "lab_team");
  return transaction(async () => {
    switch (action.intent) {
      case "addSkill": {
        const existing = await data.skillByLabel(action.label);
        if (existing) throw new Refusal(`Compétence : « ${existing.label} » est déjà dans la liste.`, 409, "label");
        await data.addSkill(lab.id, action.label, viewer.userId);
        return `« ${action.label} » est ajoutée à la liste des compétences.`;
      }
      case "addExpert":
        await data.addExternalExpert({ labId: lab.id, name: action.name, affiliation: action.affiliation, kind: action.kind, domains: action.domains, availability: action.availability, createdBy: viewer.userId });
        return `${action.name} figure parmi les experts du lab.`;
      case "removeExpert":
        if (!(await data.removeExternalExpert(lab.id, action.expertId))) throw new Refusal("Cet expert n’existe pas.", 404);
        return "L’expert est retiré de l’annuaire.";
    }
  });
}

/**
 * For a project or a Mini-Lab: the listed agents who hold one of these skills (by label, any case)
 * and would help, at most `limit` — the panel links to the directory filtered.
 */
export async function peopleWithSkill(label: string, limit = 5) {
  const skill = await data.skillByLabel(label);
  if (!skill) return { skillId: null, people: [] };
  const ids = await data.listedUsers({ skillId: skill.id, willing: true });
  const profiles = await getUserProfiles(ids.slice(0, 200));
  const people = [...profiles.values()].sort((a, b) => a.family_name.localeCompare(b.family_name, "fr")).slice(0, limit);
  return { skillId: skill.id, people: people.map((u) => ({ id: u.id, name: displayName(u), job: u.job })) };
}
