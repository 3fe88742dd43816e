import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeLab, makeMember, makeOrganization, viewerOf } from "../../tests/support/fixtures";
import { createUser } from "../accounts/accounts";
import type { Refusal } from "../kernel/permissions";
import { listNotifications } from "../notifications/notifications";
import { personalDataOf } from "../privacy";
import { deleteAccount } from "../privacy/deletion";
import { contact, directoryPage, labSkillsAction, labSkillsPage, messagePage, mySkillsAction, mySkillsPage, peopleWithSkill, personPage, reply, DAILY_MESSAGES } from "./index";
import { labSkillsActionSchema, mySkillsActionSchema, readDirectoryQuery } from "./schemas";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

const refusal = (status: number, message?: RegExp) => (e: Refusal) => e.status === status && (!message || message.test(e.message));
const parse = <T,>(schema: { safeParse(v: unknown): { success: boolean; data?: T; error?: unknown } }, v: Record<string, unknown>): T => {
  const r = schema.safeParse(v);
  if (!r.success) throw new Error(JSON.stringify(r.error));
  return r.data!;
};
const filters = (params: Record<string, string> = {}) => readDirectoryQuery(new URL(`http://x/competences?${new URLSearchParams(params)}`));
let n = 0;
async function agent(over: { site?: string; organizationId?: string; given?: string; family?: string } = {}) {
  const u = await createUser({ email: `cachee.${Date.now()}.${n++}@example.fr`, givenName: over.given ?? "Agent", familyName: over.family ?? `Nom${n}`, organizationId: over.organizationId ?? null, site: over.site ?? null, job: "Chargée de mission", isDemo: true });
  return viewerOf(u);
}
async function skillId(viewer: Awaited<ReturnType<typeof agent>>, label: string) {
  return (await mySkillsPage(viewer)).skills.find((s) => s.label === label)!.value;
}

describe("the skills directory", () => {
  it("lists only agents who declared a skill, finds them by skill, site and organisation, and never shows an email address", async () => {
    const org = await makeOrganization("Préfecture de la Moselle");
    const other = await makeOrganization("Lycée Louis-Vincent");
    const claire = await agent({ given: "Claire", family: "Aubert", site: "Metz", organizationId: org.id });
    const paul = await agent({ given: "Paul", family: "Bauer", site: "Strasbourg", organizationId: other.id });
    const silent = await agent({ given: "Sylvie", family: "Caron", site: "Metz", organizationId: org.id });
    const proto = await skillId(claire, "Prototypage");
    const facil = await skillId(claire, "Facilitation");
    await mySkillsAction(claire, parse(mySkillsActionSchema, { intent: "declare", skillId: proto, level: "expert", willing: "on" }));
    await mySkillsAction(paul, parse(mySkillsActionSchema, { intent: "declare", skillId: facil, level: "practice" }));

    const all = await directoryPage(silent, filters());
    const names = all.people.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["Claire Aubert", "Paul Bauer"]));
    expect(names).not.toContain("Sylvie Caron");
    await expect(personPage(claire, silent.userId)).rejects.toSatisfy(refusal(404));
    // by skill, by site (accents and case aside), by organisation, by willingness
    expect((await directoryPage(silent, filters({ competence: proto }))).people.map((p) => p.name)).toEqual(["Claire Aubert"]);
    expect((await directoryPage(silent, filters({ site: "strasbourg" }))).people.map((p) => p.name)).toEqual(["Paul Bauer"]);
    expect((await directoryPage(silent, filters({ organisation: org.id }))).people.map((p) => p.name)).toEqual(["Claire Aubert"]);
    expect((await directoryPage(silent, filters({ aide: "1" }))).people.map((p) => p.name)).toEqual(["Claire Aubert"]);
    const card = await personPage(silent, claire.userId);
    expect(card.person.skills).toEqual([{ label: "Prototypage", level: "Expertise", willing: true }]);
    expect(card.mayContact).toBe(true);
    expect(JSON.stringify([all, card])).not.toMatch(/@example\.fr/);
    // withdrawing the last skill leaves the directory
    expect(await mySkillsAction(paul, parse(mySkillsActionSchema, { intent: "withdraw", skillId: facil }))).toMatch(/plus dans l’annuaire/);
    expect((await directoryPage(silent, filters())).people.map((p) => p.name)).not.toContain("Paul Bauer");
    // a project or a Mini-Lab looks for willing people by skill
    expect((await peopleWithSkill("prototypage")).people.map((p) => p.name)).toEqual(["Claire Aubert"]);
  });

  it("« contacter » sends an in-app message: a notification with the sender and the text, a conversation for the two only, a reply path; no email", async () => {
    const claire = await agent({ given: "Claire", family: "Dumas" });
    const marc = await agent({ given: "Marc", family: "Étienne" });
    const third = await agent({ given: "Tiers", family: "Curieux" });
    await mySkillsAction(claire, parse(mySkillsActionSchema, { intent: "declare", skillId: await skillId(claire, "UX writing"), level: "practice", willing: "on" }));
    // who declared nothing cannot be contacted; nobody writes to themself
    await expect(contact(claire, third.userId, "Bonjour")).rejects.toSatisfy(refusal(404));
    await expect(contact(claire, claire.userId, "Bonjour")).rejects.toSatisfy(refusal(409));

    const id = await contact(marc, claire.userId, "Bonjour Claire, pourriez-vous relire nos courriers aux usagers ?");
    const [note] = await listNotifications(claire.userId, 1);
    expect(note).toMatchObject({ kind: "skill_message", link: `/competences/messages/${id}` });
    expect(note.title).toContain("Marc Étienne");
    expect(note.title).toContain("pourriez-vous relire");
    expect(note.title).not.toMatch(/@/);
    const page = await messagePage(claire, id);
    expect(page.with.name).toBe("Marc Étienne");
    expect(page.messages.map((m) => m.body)).toEqual(["Bonjour Claire, pourriez-vous relire nos courriers aux usagers ?"]);
    await expect(messagePage(third, id)).rejects.toSatisfy(refusal(404));
    await expect(reply(third, id, "Je m’invite")).rejects.toSatisfy(refusal(404));
    // Marc is not listed, yet Claire answers him in the conversation
    await reply(claire, id, "Avec plaisir, envoyez-les-moi.");
    const [answer] = await listNotifications(marc.userId, 1);
    expect(answer).toMatchObject({ kind: "skill_message", link: `/competences/messages/${id}` });
    expect((await messagePage(marc, id)).messages.map((m) => [m.from, m.body])).toEqual([
      ["Vous", "Bonjour Claire, pourriez-vous relire nos courriers aux usagers ?"],
      ["Claire Dumas", "Avec plaisir, envoyez-les-moi."],
    ]);
    expect((await mySkillsPage(marc)).conversations.map((c) => c.with)).toEqual(["Claire Dumas"]);
    expect(JSON.stringify(await messagePage(marc, id))).not.toMatch(/@example\.fr/);
  });

  it("caps the messages an agent sends in a day", async () => {
    const target = await agent();
    const sender = await agent();
    await mySkillsAction(target, parse(mySkillsActionSchema, { intent: "declare", skillId: await skillId(target, "Data"), level: "notions" }));
    for (let i = 0; i < DAILY_MESSAGES; i++) await contact(sender, target.userId, `Message ${i}`);
    await expect(contact(sender, target.userId, "Un de trop")).rejects.toSatisfy(refusal(409, /24 heures/));
  });

  it("lets a lab's team extend the list and list external experts; nobody else", async () => {
    const lab = await makeLab();
    const team = await viewerOf(await makeMember(lab.id, "lab_team"));
    const member = await viewerOf(await makeMember(lab.id, "agent"));
    await expect(labSkillsPage(member, lab.slug)).rejects.toSatisfy(refusal(403));
    await expect(labSkillsAction(member, lab.slug, parse(labSkillsActionSchema, { intent: "addSkill", label: "Design fiction" }))).rejects.toSatisfy(refusal(403));
    await labSkillsAction(team, lab.slug, parse(labSkillsActionSchema, { intent: "addSkill", label: "Design fiction" }));
    await expect(labSkillsAction(team, lab.slug, parse(labSkillsActionSchema, { intent: "addSkill", label: "design FICTION" }))).rejects.toSatisfy(refusal(409));
    expect((await mySkillsPage(member)).skills.map((s) => s.label)).toContain("Design fiction");
    await labSkillsAction(team, lab.slug, parse(labSkillsActionSchema, { intent: "addExpert", name: "Pr Hélène Weber", affiliation: "Université de Strasbourg", kind: "academic", domains: "Sciences comportementales, design de service", availability: "Un jeudi par mois" }));
    const page = await labSkillsPage(team, lab.slug);
    expect(page.own).toEqual(["Design fiction"]);
    expect(page.experts.map((e) => e.name)).toEqual(["Pr Hélène Weber"]);
    const design = (await mySkillsPage(member)).skills.find((s) => s.label === "Design de service")!.value;
    expect((await directoryPage(member, filters({ competence: design }))).externals.map((e) => e.name)).toContain("Pr Hélène Weber");
    await labSkillsAction(team, lab.slug, parse(labSkillsActionSchema, { intent: "removeExpert", expertId: page.experts[0].id }));
    expect((await labSkillsPage(team, lab.slug)).experts).toEqual([]);
  });

  it("an internal expert shows domains and availability; skills and messages join « Mes données » and go with the account", async () => {
    const expert = await agent({ given: "Inès", family: "Fabre" });
    const writer = await agent({ given: "Luc", family: "Garnier" });
    await mySkillsAction(expert, parse(mySkillsActionSchema, { intent: "declare", skillId: await skillId(expert, "Data"), level: "expert", willing: "on" }));
    await mySkillsAction(expert, parse(mySkillsActionSchema, { intent: "profile", expert: "on", domains: "Statistique publique", availability: "Le vendredi" }));
    expect((await personPage(writer, expert.userId)).person).toMatchObject({ expert: true, domains: "Statistique publique", availability: "Le vendredi" });
    const id = await contact(writer, expert.userId, "Une question de données");
    const mine = Object.fromEntries((await personalDataOf(expert, expert.userId)).sections.map((s) => [s.key, s.rows]));
    expect(mine.skills).toMatchObject([{ skill: "Data", level: "expert", willing_to_help: true }]);
    expect(mine.skill_profile).toMatchObject([{ expert: true, domains: "Statistique publique" }]);
    expect(mine.skill_messages_received).toMatchObject([{ body: "Une question de données" }]);
    expect(Object.fromEntries((await personalDataOf(writer, writer.userId)).sections.map((s) => [s.key, s.rows.length])).skill_messages_sent).toBe(1);

    await deleteAccount(expert, expert.userId);
    expect((await directoryPage(writer, filters())).people.map((p) => p.id)).not.toContain(expert.userId);
    await expect(messagePage(writer, id)).rejects.toSatisfy(refusal(404));
  });

  it("ignores malformed filters in the address", () => {
    expect(filters({ competence: "pas-un-id", organisation: "1 OR 1=1", site: ` ${"x".repeat(200)}`, aide: "oui", page: "0" })).toEqual({ skill: null, organization: null, site: "x".repeat(120), willing: false, page: 1 });
  });
});
