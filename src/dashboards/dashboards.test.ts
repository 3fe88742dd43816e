/**
 * The steering dashboards count what the modules hold, live: ideas, authors and organisations,
 * supports and comments, requests and their first answers, projects and budgets; filtered by
 * period and organisation; trainings and their attendance, events and their registrations,
 * questionnaires and their participation; readable by the lab team, its directors and its committee
 * members only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeCampaign, makeLab, makeMember, makeOrganization, makeUser, viewerOf } from "../../tests/support/fixtures";
import { createOrganization } from "../organizations/organizations";
import { createIdeaFor, commentOn, supportIdea } from "../ideas/service";
import { createRequest, qualify } from "../requests";
import { createProjectFor } from "../projects";
import { projectSchema } from "../projects/schemas";
import { createCommitteeFor, updateCommitteeFor } from "../committees";
import { dashboardPage, dashboardRights, dashboardQuerySchema, dashboardTable, figureIds, networkPage, networkRights, networkTable } from "./index";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { FigureCard } from "./ui";
import { addSession, createTraining, recordAttendance, seatAction } from "../trainings";
import { sessionSchema, trainingSchema } from "../trainings/schemas";
import { createEvent } from "../events";
import { eventSeatAction } from "../events/registration.server";
import { eventSchema } from "../events/schemas";
import { agentAnswerStep, createSurveyFromTemplate } from "../surveys";
import { fieldName } from "../surveys/questions";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

const idea = (title: string, submit = true) => ({ title, problem: "Un problème constaté sur le terrain.", proposal: "Une proposition.", beneficiaries: "Les agents", coauthorEmails: [], submit });

async function setup() {
  const lab = await makeLab();
  const team = await viewerOf(await makeMember(lab.id, "lab_team"));
  const [orgA, orgB] = await Promise.all([makeOrganization(), makeOrganization()]);
  const [a1, a2, b1] = await Promise.all([makeUser({ organizationId: orgA.id }), makeUser({ organizationId: orgA.id }), makeUser({ organizationId: orgB.id })]);
  const campaign = await makeCampaign(lab.id);
  const [va1, va2, vb1] = await Promise.all([viewerOf(a1), viewerOf(a2), viewerOf(b1)]);
  const ideas = [
    await createIdeaFor(va1, campaign.id, idea("Des légumes locaux à la cantine"), []),
    await createIdeaFor(va1, campaign.id, idea("Un composteur par lycée"), []),
    await createIdeaFor(va2, campaign.id, idea("Des gourdes pour les internes"), []),
    await createIdeaFor(vb1, campaign.id, idea("Un covoiturage entre lycées"), []),
  ];
  await createIdeaFor(vb1, campaign.id, idea("Mon brouillon", false), []);
  await supportIdea(vb1, ideas[0].id, true);
  await supportIdea(va2, ideas[0].id, true);
  await supportIdea(va1, ideas[3].id, true);
  await commentOn(va2, ideas[3].id, "Bonne idée pour les internes du vendredi.");
  const ask = (v: typeof va1, title: string) =>
    createRequest(v, { labId: lab.id, kind: "method", title, context: "Un contexte.", affected: "Des agents", success: "Une réussite", timing: "", sponsorEmail: "", otherAdministrations: "", intent: "submit" }, []);
  const r1 = await ask(va1, "Un atelier pour l’équipe de la cantine");
  await ask(vb1, "Former l’équipe d’accueil");
  await qualify(team, r1.id, "Combien de personnes ?");
  await createProjectFor(team, lab.slug, projectSchema.parse({ title: "Légumes locaux", problem: "Des repas venus de loin.", budgetRequested: "12 000", budgetGranted: "10 000", fundingSource: "FTAP", org0: orgA.id, kind0: "etat" }));
  await createProjectFor(team, lab.slug, projectSchema.parse({ title: "Covoiturage", problem: "Des trajets seuls.", budgetRequested: "3 000", fundingSource: "Région" }));
  return { lab, team, orgA, orgB, campaign, author: va1 };
}

const sentence = (page: Awaited<ReturnType<typeof dashboardPage>>, id: string) => page.figures.find((f) => f.id === id)!.sentence;

describe("steering dashboards", () => {
  it("count ideas, authors, organisations, supports and comments, requests and projects, live", async () => {
    const s = await setup();
    const page = await dashboardPage(s.team, s.lab.slug, { du: undefined, au: undefined });
    expect(sentence(page, "idees")).toBe("4\u00a0idées reçues de 3\u00a0auteurs et autrices (2\u00a0organisations) ; 0\u00a0% ont déjà une réponse ; 3\u00a0soutiens et 1\u00a0commentaire sur la période.");
    expect(page.figures.find((f) => f.id === "idees")!.bars.reduce((a, b) => a + b.value, 0)).toBe(4);
    const sites = page.figures.find((f) => f.id === "sites")!;
    expect(sites.table.rows.map((r) => [r[2], r[3]])).toEqual([[3, 2], [1, 1]]);
    expect(sentence(page, "guichet")).toMatch(/^2\u00a0demandes reçues ; première réponse en 0\u00a0jour ouvré en médiane \(promesse : 10\u00a0jours ouvrés\), 100\u00a0% dans le délai promis/);
    expect(page.figures.find((f) => f.id === "guichet")!.table.rows).toEqual(expect.arrayContaining([["Déposée", 1], ["En qualification", 1]]));
    expect(sentence(page, "projets")).toMatch(/^2\u00a0projets au portefeuille, dont 2\u00a0nés sur la période/);
    expect(sentence(page, "budgets")).toBe("Budget demandé : 15\u202f000\u00a0€ ; accordé : 10\u202f000\u00a0€ (67\u00a0%).");
    // every figure has a table or says there is nothing to show
    for (const f of page.figures) expect(f.sentence.length).toBeGreaterThan(10);
    // shared until something is committed (src/kernel/cache-db.test.ts), then counted again: one more idea shows at once
    await createIdeaFor(s.author, s.campaign.id, idea("Un potager au lycée"), []);
    expect(sentence(await dashboardPage(s.team, s.lab.slug, { du: undefined, au: undefined }), "idees")).toMatch(/^5\u00a0idées reçues de 3\u00a0auteurs et autrices/);
  });

  it("count training sessions, registrations and attendance, events and registrations, questionnaires and participation", async () => {
    const lab = await makeLab();
    const team = await viewerOf(await makeMember(lab.id, "lab_team"));
    const [orgA, orgB] = await Promise.all([makeOrganization(), makeOrganization()]);
    const agents = await Promise.all([orgA, orgA, orgA, orgB].map(async (o) => viewerOf(await makeUser({ organizationId: o.id }))));
    const NOW = new Date("2027-01-04T08:00:00Z");
    const AFTER = new Date("2027-02-01T08:00:00Z");
    const training = await createTraining(team, lab.slug, trainingSchema.parse({ title: "Design de service", objectives: "Découvrir.", methods: "Persona", audience: "Tous", format: "presentiel", durationHours: "7", side: "region", openTo: ["state", "local", "health"], confirmHours: "48", published: "on" }));
    const session = await addSession(team, lab.slug, training.id, sessionSchema.parse({ startDate: "2027-01-12", startTime: "09:00", endTime: "16:00", place: "Strasbourg", capacity: "3", trainers: "" }), NOW);
    await addSession(team, lab.slug, training.id, sessionSchema.parse({ startDate: "2027-01-19", startTime: "09:00", endTime: "16:00", place: "Metz", capacity: "5", trainers: "" }), NOW);
    for (const a of agents) await seatAction(a, training.id, { intent: "register", sessionId: session.id, managerEmail: "" }, NOW);
    // a draft training is the lab team's alone: its session is not counted (directors and committee members read the dashboards)
    const draft = await createTraining(team, lab.slug, trainingSchema.parse({ title: "Brouillon de formation", objectives: "À écrire.", methods: "", audience: "Tous", format: "presentiel", durationHours: "3", side: "region", openTo: [], confirmHours: "48" }));
    await addSession(team, lab.slug, draft.id, sessionSchema.parse({ startDate: "2027-01-14", startTime: "09:00", endTime: "12:00", place: "Nancy", capacity: "10", trainers: "" }), NOW);
    // three confirmed, one waiting; two of the three come
    await recordAttendance(team, lab.slug, training.id, session.id, { present: [agents[0].userId, agents[1].userId], close: true }, new Date("2027-01-12T16:00:00Z"));
    const event = await createEvent(team, lab.slug, eventSchema.parse({ title: "Atelier prototypage", kind: "workshop", region: "Grand Est", audience: "agents", registration: "required", capacity: "2", startDate: "2027-01-21", startTime: "14:00", endTime: "17:00", place: "Metz" }));
    await createEvent(team, lab.slug, eventSchema.parse({ title: "Café de l’innovation", kind: "conference", region: "Grand Est", audience: "all", registration: "free", capacity: "", startDate: "2027-01-07", startTime: "09:00", endTime: "10:00", place: "En ligne", repeat: "weekly", repeatCount: "4" }));
    for (const a of agents.slice(0, 3)) await eventSeatAction(a, event.id, "register", NOW);
    // a questionnaire to a list of four agents: two answer
    const made = await createSurveyFromTemplate({ labId: lab.id, audience: { kind: "agents", userIds: agents.map((a) => a.userId) }, template: { title: "Vos besoins", sections: [{ title: "Besoins", questions: [{ key: "note", kind: "scale10", label: "Note", required: true }] }] } });
    const note = fieldName(made.questionIds.get("note")!);
    for (const a of [agents[0], agents[3]]) expect(await agentAnswerStep(a, made.id, { intent: "submit", section: 0, state: {} }, { [note]: ["8"] })).toEqual({ done: true });

    const page = await dashboardPage(team, lab.slug, { du: undefined, au: undefined }, AFTER);
    expect(sentence(page, "formations")).toBe(
      "2\u00a0sessions de 1\u00a0formation sur la période, dont 1\u00a0tenue : 3\u00a0agents inscrits pour 8\u00a0places (38\u00a0%), 1 en liste d’attente ; 2\u00a0présents sur 3\u00a0agents pointés (67\u00a0%), soit 14\u00a0heures de formation suivies.",
    );
    expect(page.figures.find((f) => f.id === "formations")!.table.rows).toEqual([["Design de service", 2, 1, 8, 3, 1, 2, 3, "67\u00a0%"]]);
    expect(sentence(page, "evenements")).toBe("5\u00a0dates de 2\u00a0événements du lab sur la période, dont 1\u00a0ouvert à tous ; 2\u00a0agents inscrits aux 1\u00a0événement sur inscription, 1 en liste d’attente.");
    expect(page.figures.find((f) => f.id === "evenements")!.table.rows).toEqual([["Conférence", 4, 0], ["Atelier", 1, 2]]);
    // the two present got the satisfaction questionnaire (nobody answered yet) beside « Vos besoins »
    expect(sentence(page, "questionnaires")).toBe("2\u00a0questionnaires ouverts sur la période, 2\u00a0réponses ; aux questionnaires adressés à des agents, 2\u00a0réponses pour 6\u00a0agents sollicités (participation : 33\u00a0%).");
    expect(page.figures.find((f) => f.id === "questionnaires")!.table.rows).toEqual(
      expect.arrayContaining([["Vos besoins", "Une liste d’agents", 2, 4, "50\u00a0%"], [expect.stringMatching(/^Votre avis/), "Une liste d’agents", 0, 2, "0\u00a0%"]]),
    );
    // one organisation: its answers over its agents asked; seats are counted for every organisation, and the sentence says so
    const b = await dashboardPage(team, lab.slug, { du: undefined, au: undefined, organisation: orgB.id }, AFTER);
    expect(page.figures.find((f) => f.id === "questionnaires")!.table.rows.length).toBe(2);
    expect(b.figures.find((f) => f.id === "questionnaires")!.table.rows).toEqual(expect.arrayContaining([["Vos besoins", "Une liste d’agents", 1, 1, "100\u00a0%"]]));
    expect(sentence(b, "formations")).toContain("dont 1\u00a0tenue (toutes organisations confondues) :");
    // a period before all this: nothing
    const before = await dashboardPage(team, lab.slug, { du: "2026-01-01", au: "2026-06-30" }, AFTER);
    expect([sentence(before, "formations"), sentence(before, "evenements")]).toEqual(["Aucune session de formation sur la période.", "Aucun événement du lab sur la période."]);
    // the network view: the same figures on the lab's row
    const network = await networkPage(team, { du: undefined, au: undefined }, AFTER);
    expect(network.figures.find((f) => f.id === "culture")!.table.rows.find((r) => r[0] === lab.name)!.slice(1)).toEqual([2, 3, 2, 5, 2, 2, 2, "33\u00a0%"]);
    // the tables export like the others
    expect((await dashboardTable(team, lab.slug, { du: undefined, au: undefined }, "formations", AFTER)).header).toEqual(["Formation", "Sessions", "Tenues", "Places", "Inscrits", "En liste d’attente", "Présents", "Pointés", "Taux de présence"]);
  });

  it("filter by site, the town of the organisations, and count the ideas of each site", async () => {
    const lab = await makeLab();
    const team = await viewerOf(await makeMember(lab.id, "lab_team"));
    const town = `Bar-le-Duc ${Date.now().toString(36)}`;
    const [here, there, elsewhere] = await Promise.all([
      createOrganization({ name: `Lycée Poincaré ${town}`, kind: "lycee", city: town }),
      createOrganization({ name: `Maison de la Région ${town}`, kind: "maison_region", city: town }),
      createOrganization({ name: `Lycée Mézières ${town}`, kind: "lycee", city: `Charleville ${town}` }),
    ]);
    const campaign = await makeCampaign(lab.id);
    for (const [o, n] of [[here, 2], [there, 1], [elsewhere, 3]] as const) {
      for (let i = 0; i < n; i++) await createIdeaFor(await viewerOf(await makeUser({ organizationId: o.id })), campaign.id, idea(`Une idée ${i} de ${o.name}`), []);
    }
    const all = await dashboardPage(team, lab.slug, { du: undefined, au: undefined });
    expect(all.sites.map((x) => x.value)).toEqual(expect.arrayContaining([town, `Charleville ${town}`]));
    expect(all.figures.find((f) => f.id === "lieux")!.table.rows).toEqual([[town, 2, 3, 3], [`Charleville ${town}`, 1, 3, 3]]);
    expect(sentence(all, "lieux")).toBe(`Les idées viennent de 2\u00a0sites ; ${town} 50\u00a0%, Charleville ${town} 50\u00a0%.`);
    const site = await dashboardPage(team, lab.slug, { du: undefined, au: undefined, site: town });
    expect(site.site).toBe(town);
    expect(sentence(site, "idees")).toMatch(/^3\u00a0idées reçues de 3\u00a0auteurs et autrices \(2\u00a0organisations\)/);
    // an organisation of another site: nothing
    expect(sentence(await dashboardPage(team, lab.slug, { du: undefined, au: undefined, site: town, organisation: elsewhere.id }), "idees")).toMatch(/^0\u00a0idée reçue/);
    // a site that is no organisation's town: said, and every site shown meanwhile
    const unknown = await dashboardPage(team, lab.slug, { du: undefined, au: undefined, site: "Atlantide" });
    expect([unknown.unknownSite, unknown.site]).toEqual([true, null]);
    expect(sentence(unknown, "idees")).toMatch(/^6\u00a0idées reçues/);
    expect(dashboardQuerySchema.safeParse({ site: "x".repeat(101) }).success).toBe(false);
  });

  it("filter by organisation and by period", async () => {
    const s = await setup();
    const a = await dashboardPage(s.team, s.lab.slug, { du: undefined, au: undefined, organisation: s.orgA.id });
    expect(sentence(a, "idees")).toMatch(/^3\u00a0idées reçues de 2\u00a0auteurs et autrices \(1\u00a0organisation\) ; 0\u00a0% ont déjà une réponse ; 2\u00a0soutiens et 0\u00a0commentaire/);
    expect(sentence(a, "guichet")).toMatch(/^1\u00a0demande reçue/);
    expect(sentence(a, "projets")).toMatch(/^1\u00a0projet au portefeuille/);
    const past = await dashboardPage(s.team, s.lab.slug, { du: "2020-01-01", au: "2020-12-31" });
    expect(past.period.label).toBe("du 1er janvier 2020 au 31 décembre 2020");
    expect(sentence(past, "idees")).toMatch(/^0\u00a0idée reçue/);
    expect(sentence(past, "guichet")).toMatch(/^0\u00a0demande reçue/);
  });

  it("the team, directors, administrators and committee members read them; other agents and other labs' teams may not", async () => {
    const lab = await makeLab();
    const other = await makeLab();
    const director = await viewerOf(await makeMember(lab.id, "director"));
    const team = await viewerOf(await makeMember(lab.id, "lab_team"));
    const otherTeam = await viewerOf(await makeMember(other.id, "lab_team"));
    const agent = await viewerOf(await makeUser());
    const member = await makeUser();
    const committee = await createCommitteeFor(team, lab.slug, { kind: "project", name: "Comité de projet", rhythm: "Mensuel" });
    await updateCommitteeFor(team, lab.slug, committee.id, { name: "Comité de projet", rhythm: "Mensuel", quorumPercent: 50, quorumPerSide: false, chairEmail: member.email, members: [{ email: member.email, side: null }] });
    for (const v of [team, director, await viewerOf(member)]) expect((await dashboardPage(v, lab.slug, { du: undefined, au: undefined })).figures).toHaveLength(12);
    for (const v of [agent, otherTeam]) await expect(dashboardPage(v, lab.slug, { du: undefined, au: undefined })).rejects.toMatchObject({ status: 403 });
    await expect(dashboardPage(team, "inconnu", { du: undefined, au: undefined })).rejects.toMatchObject({ status: 404 });
  });

  it("rights as a pure rule, and the filters' schema", () => {
    const none = { labTeam: false, director: false, admin: false, committeeMember: false };
    expect(dashboardRights(none).read).toBe(false);
    for (const k of Object.keys(none) as (keyof typeof none)[]) expect(dashboardRights({ ...none, [k]: true }).read).toBe(true);
    expect(dashboardQuerySchema.safeParse({ du: "2026-02-30" }).success).toBe(false);
    expect(dashboardQuerySchema.safeParse({ du: "2026-05-01", au: "2026-04-01" }).error?.issues[0]).toMatchObject({ path: ["au"] });
    expect(dashboardQuerySchema.safeParse({ organisation: "pas-un-id" }).success).toBe(false);
    expect(dashboardQuerySchema.parse({ du: "2026-01-01", organisation: "" })).toEqual({ du: "2026-01-01", au: undefined, organisation: undefined });
  });

  it("give each figure's table as an export, with the page's filters and rights, and draw each chart in SVG", async () => {
    const s = await setup();
    const page = await dashboardPage(s.team, s.lab.slug, { du: "2026-01-01", au: "2027-12-31" });
    expect(page.figures.map((f) => f.id)).toEqual([...figureIds]);
    const budgets = await dashboardTable(s.team, s.lab.slug, { du: "2026-01-01", au: "2027-12-31" }, "budgets");
    expect(budgets.filename).toBe(`pilotage-${s.lab.slug}-budgets-2026-01-01-2027-12-31`);
    expect(budgets.header).toEqual(["Source", "Projets", "Demandé (€)", "Accordé (€)"]);
    // numbers stay numbers in the export (the page formats them)
    expect(budgets.rows).toEqual(expect.arrayContaining([["FTAP", 1, 12000, 10000], ["Région", 1, 3000, 0]]));
    const ofOrg = await dashboardTable(s.team, s.lab.slug, { du: "2026-01-01", au: "2027-12-31", organisation: s.orgA.id }, "sites");
    expect(ofOrg.rows).toHaveLength(1);
    await expect(dashboardTable(await viewerOf(await makeUser()), s.lab.slug, { du: undefined, au: undefined }, "idees")).rejects.toMatchObject({ status: 403 });
    // the chart: one bar a row, the label with its value, lengths in percent of the widest
    const html = renderToStaticMarkup(createElement(FigureCard, { figure: page.figures.find((f) => f.id === "budgets")!, csvHref: "/x.csv" }));
    expect(html).toMatch(/<svg class="germoir-chart"[^>]*aria-hidden="true"/);
    expect(html).toContain("FTAP — 10\u202f000");
    expect((html.match(/<rect /g) ?? []).length).toBe(2);
    expect(html).toMatch(/<rect x="0" y="\d+" width="100.00%"/);
    expect(html).toContain('href="/x.csv"');
  });

  it("the network view puts every lab side by side, for those who hold a role in one of them", async () => {
    const s = await setup();
    const other = await makeLab();
    const otherTeam = await viewerOf(await makeMember(other.id, "lab_team"));
    const network = await networkPage(otherTeam, { du: undefined, au: undefined });
    const ideas = network.figures.find((f) => f.id === "idees")!;
    const mine = ideas.table.rows.find((r) => r[0] === s.lab.name)!;
    // the same figures as the lab's own dashboard
    expect(mine.slice(1)).toEqual([4, 3, 0]);
    expect(ideas.table.rows.find((r) => r[0] === other.name)!.slice(1)).toEqual([0, 0, 0]);
    expect(network.figures.find((f) => f.id === "projets")!.table.rows.find((r) => r[0] === s.lab.name)!.slice(1, 4)).toEqual([2, 2, 2]);
    expect(network.figures.find((f) => f.id === "guichet")!.table.rows.find((r) => r[0] === s.lab.name)![1]).toBe(2);
    expect(network.labs.map((l) => l.slug)).toEqual(expect.arrayContaining([s.lab.slug, other.slug]));
    const table = await networkTable(s.team, { du: undefined, au: undefined }, "projets");
    expect(table.header.slice(0, 3)).toEqual(["Lab", "Projets", "Nés sur la période"]);
    // an agent with no role may not
    await expect(networkPage(await viewerOf(await makeUser()), { du: undefined, au: undefined })).rejects.toMatchObject({ status: 403 });
    expect(networkRights({ labsWithRole: 0 }).read).toBe(false);
    expect(networkRights({ labsWithRole: 1 }).read).toBe(true);
  });
});
