/**
 * The modules wired at boot: a project's gate review awaits its lab's committee, and the
 * committee's validated decision moves the project (adopted) or sends it back to work (not adopted).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../tests/support/runtime";
import { makeLab, makeMember, makeUser, viewerOf } from "../tests/support/fixtures";
import { createProjectFor, projectAction, projectPage, proposeToNetwork, requestGate, pendingGateReviews } from "./projects";
import { listNotifications } from "./notifications/notifications";
import { upsertFromOidc } from "./accounts/accounts";
import { listLabMails } from "./kernel/mail/outbox";
import { projectSchema } from "./projects/schemas";
import { addAgendaItem, castVote, createCommitteeFor, meetingPage, recordAttendance, recordDecision, saveMinutesFor, scheduleMeeting, updateCommitteeFor, validateMinutes } from "./committees";
import { createOrganization } from "./organizations/organizations";
import { createRequest, proposeToSteering, requestPage } from "./requests";
import { createRoadmap, roadmapAction, roadmapPage } from "./roadmaps";
import { addItemSchema } from "./roadmaps/schemas";
import { addSession, createTraining, recordAttendance as recordTrainingAttendance, seatAction } from "./trainings";
import { sessionSchema, trainingSchema } from "./trainings/schemas";
import { agentAnswerPage, labSurveys, mySurveys } from "./surveys";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

async function projectAwaitingItsGate() {
  const lab = await makeLab();
  const team = await viewerOf(await makeMember(lab.id, "lab_team"));
  const members = await Promise.all([makeUser(), makeUser(), makeUser()]);
  const input = projectSchema.parse({ title: "Accueil unique des usagers en sous-préfecture", problem: "Les usagers passent d’un guichet à l’autre sans réponse claire.", users: "Usagers et agents d’accueil", budgetRequested: "12 000", fundingSource: "FTAP" });
  const project = await createProjectFor(team, lab.slug, input);
  for (const label of ["Énoncé du problème", "Entretiens terrain", "Parcours usager"])
    await projectAction(team, project.id, { intent: "deliverable", stage: "exploration", label, kind: "text", body: `${label} : voir le dossier.`, url: "" });
  const review = await requestGate(team, project.id);
  const committee = await createCommitteeFor(team, lab.slug, { kind: "project", name: "Comité de projet", rhythm: "Mensuel" });
  await updateCommitteeFor(team, lab.slug, committee.id, { name: "Comité de projet", rhythm: "Mensuel", quorumPercent: 50, quorumPerSide: false, chairEmail: members[0].email, members: members.map((m) => ({ email: m.email, side: null })) });
  const meeting = await scheduleMeeting(team, lab.slug, committee.id, { day: "2027-03-18", startTime: "14:00", endTime: "16:00", place: "Salle du lab", videoUrl: "" });
  return { lab, team, project, review, committee, meeting, voters: await Promise.all(members.map(viewerOf)) };
}

describe("projects and committees, wired at boot", () => {
  it("the gate review awaits the project committee with its dossier; the adopted decision moves the project once the minutes are validated", async () => {
    const s = await projectAwaitingItsGate();
    expect(s.review).toMatchObject({ committee_kind: "project", from_stage: "exploration", to_stage: "prototype" });
    const page = await meetingPage(s.team, s.lab.slug, s.committee.id, s.meeting.id);
    const awaiting = page.awaiting.find((a) => a.subjectId === s.review.id)!;
    expect(awaiting).toMatchObject({ kind: "gate_review", title: "Passage en prototype\u00a0: Accueil unique des usagers en sous-préfecture" });
    expect(awaiting.summary).toContain("Livrables de l’étape :");
    expect(awaiting.summary).toContain("Parcours usager : texte");
    expect(awaiting.summary).toMatch(/Budget : demandé 12\s000\s€/);
    const item = await addAgendaItem(s.team, s.lab.slug, s.committee.id, s.meeting.id, { kind: "gate_review", subjectId: s.review.id, title: "", summary: "", secret: false });

    await recordAttendance(s.team, s.lab.slug, s.committee.id, s.meeting.id, s.voters.map((v) => v.userId));
    for (const v of s.voters) await castVote(v, s.lab.slug, s.committee.id, s.meeting.id, item.id, "for");
    await recordDecision(s.team, s.lab.slug, s.committee.id, s.meeting.id, item.id, "Go : le projet passe en prototype.");
    // decided but not validated: the project has not moved yet
    expect((await projectPage(s.team, s.project.id)).project.stage).toBe("exploration");
    await saveMinutesFor(s.team, s.lab.slug, s.committee.id, s.meeting.id, { body: "Séance ouverte à 14 h.", discussions: {} });
    await validateMinutes(s.voters[0], s.lab.slug, s.committee.id, s.meeting.id, "chair");

    const after = await projectPage(s.team, s.project.id);
    expect(after.project.stage).toBe("prototype");
    expect(after.details?.reviews).toEqual([expect.objectContaining({ gate: "Exploration → Prototype", outcome: expect.stringMatching(/^Go/) })]);
    expect(await pendingGateReviews(s.lab.id, "project")).toEqual([]);
  });

  it("the roadmap that holds the project hears the committee's « go » when the minutes are validated", async () => {
    const s = await projectAwaitingItsGate();
    const roadmap = await createRoadmap(s.team, s.lab.slug, { title: "Feuille de route du lab", description: "", partnerLab: null });
    let parentId = "";
    for (const [kind, title] of [["axis", "Axe"], ["flagship", "Projet phare"], ["lever", "Levier"], ["project", "Accueil unique"]] as const) {
      await roadmapAction(s.team, s.lab.slug, roadmap.id, addItemSchema.parse({ intent: "addItem", kind, title, parentId, public: "on", ...(kind === "project" ? { projectId: s.project.id } : {}) }));
      parentId = (await roadmapPage(s.team, s.lab.slug, roadmap.id)).options.parents.find((p) => p.label.endsWith(`\u00a0: ${title}`))?.value ?? "";
    }
    expect((await roadmapPage(s.team, s.lab.slug, roadmap.id)).roadmap.percent).toBe(10);
    const item = await addAgendaItem(s.team, s.lab.slug, s.committee.id, s.meeting.id, { kind: "gate_review", subjectId: s.review.id, title: "", summary: "", secret: false });
    await recordAttendance(s.team, s.lab.slug, s.committee.id, s.meeting.id, s.voters.map((v) => v.userId));
    for (const v of s.voters) await castVote(v, s.lab.slug, s.committee.id, s.meeting.id, item.id, "for");
    await recordDecision(s.team, s.lab.slug, s.committee.id, s.meeting.id, item.id, "Go : le projet passe en prototype.");
    await saveMinutesFor(s.team, s.lab.slug, s.committee.id, s.meeting.id, { body: "Séance ouverte à 14 h.", discussions: {} });
    await validateMinutes(s.voters[0], s.lab.slug, s.committee.id, s.meeting.id, "chair");
    const page = await roadmapPage(s.team, s.lab.slug, roadmap.id);
    expect(page.roadmap.percent).toBe(30);
    expect(page.events[0].title).toBe("Le projet «\u00a0Accueil unique\u00a0» passe le cap\u00a0: exploration → prototype");
    expect(page.history.map((h) => h.percent)).toEqual([null, 10, 30]);
  });

  it("a decision not adopted sends the project back to work, with the decision's words as what is missing", async () => {
    const s = await projectAwaitingItsGate();
    const item = await addAgendaItem(s.team, s.lab.slug, s.committee.id, s.meeting.id, { kind: "gate_review", subjectId: s.review.id, title: "", summary: "", secret: false });
    await recordAttendance(s.team, s.lab.slug, s.committee.id, s.meeting.id, s.voters.map((v) => v.userId));
    for (const v of s.voters) await castVote(v, s.lab.slug, s.committee.id, s.meeting.id, item.id, "against");
    await recordDecision(s.team, s.lab.slug, s.committee.id, s.meeting.id, item.id, "Entretiens à compléter auprès des agents d’accueil.");
    await saveMinutesFor(s.team, s.lab.slug, s.committee.id, s.meeting.id, { body: "Séance ouverte à 14 h.", discussions: {} });
    await validateMinutes(s.voters[0], s.lab.slug, s.committee.id, s.meeting.id, "chair");

    const after = await projectPage(s.team, s.project.id);
    expect(after.project.stage).toBe("exploration");
    expect(after.details?.reviews).toEqual([expect.objectContaining({ missing: "Entretiens à compléter auprès des agents d’accueil." })]);
  });
});

/** A request proposed to a lab's paritary steering committee (two État, two Région members) and a meeting of it. */
async function requestAwaitingSteering() {
  const lab = await makeLab();
  const team = await viewerOf(await makeMember(lab.id, "lab_team"));
  const prefecture = await createOrganization({ name: `Préfecture ${crypto.randomUUID()}`, kind: "prefecture" });
  const region = await createOrganization({ name: `Région ${crypto.randomUUID()}`, kind: "region_hq" });
  const members = await Promise.all([makeUser({ organizationId: prefecture.id }), makeUser({ organizationId: prefecture.id }), makeUser({ organizationId: region.id }), makeUser({ organizationId: region.id })]);
  const requesterUser = await makeUser({ organizationId: prefecture.id });
  const sponsor = await makeUser();
  const requester = await viewerOf(requesterUser);
  const request = await createRequest(requester, {
    labId: lab.id,
    kind: "project",
    title: "Un accueil commun État–Région dans les sous-préfectures",
    context: "Les usagers ne savent pas qui, de l’État ou de la Région, traite leur demande.",
    affected: "Usagers et agents d’accueil",
    success: "Un seul guichet pour les deux administrations",
    timing: "",
    sponsorEmail: sponsor.email,
    otherAdministrations: "Région Grand Est",
    intent: "submit",
  }, []);
  await proposeToSteering(team, request.id);
  await expect(proposeToSteering(team, request.id)).rejects.toMatchObject({ status: 409 });
  await expect(proposeToSteering(requester, request.id)).rejects.toMatchObject({ status: 403 });
  const committee = await createCommitteeFor(team, lab.slug, { kind: "steering", name: "Comité de pilotage", rhythm: "Trimestriel" });
  await updateCommitteeFor(team, lab.slug, committee.id, { name: "Comité de pilotage", rhythm: "Trimestriel", quorumPercent: 50, quorumPerSide: true, chairEmail: members[0].email, members: members.map((m) => ({ email: m.email, side: null })) });
  const meeting = await scheduleMeeting(team, lab.slug, committee.id, { day: "2027-03-18", startTime: "14:00", endTime: "16:00", place: "Préfecture", videoUrl: "" });
  return { lab, team, requester, requesterUser, request, committee, meeting, voters: await Promise.all(members.map(viewerOf)) };
}

async function decide(s: Awaited<ReturnType<typeof requestAwaitingSteering>>, votes: ("for" | "against")[], wording: string) {
  const page = await meetingPage(s.team, s.lab.slug, s.committee.id, s.meeting.id);
  const awaiting = page.awaiting.find((a) => a.subjectId === s.request.id)!;
  expect(awaiting).toMatchObject({ kind: "request", title: "Demande\u00a0: Un accueil commun État–Région dans les sous-préfectures" });
  expect(awaiting.summary).toContain("Contexte et problème : Les usagers ne savent pas");
  const item = await addAgendaItem(s.team, s.lab.slug, s.committee.id, s.meeting.id, { kind: "request", subjectId: s.request.id, title: "", summary: "", secret: false });
  await recordAttendance(s.team, s.lab.slug, s.committee.id, s.meeting.id, s.voters.map((v) => v.userId));
  for (const [i, v] of s.voters.entries()) await castVote(v, s.lab.slug, s.committee.id, s.meeting.id, item.id, votes[i]);
  await recordDecision(s.team, s.lab.slug, s.committee.id, s.meeting.id, item.id, wording);
  await saveMinutesFor(s.team, s.lab.slug, s.committee.id, s.meeting.id, { body: "Séance ouverte à 14 h.", discussions: {} });
  await validateMinutes(s.voters[0], s.lab.slug, s.committee.id, s.meeting.id, "chair");
}

describe("desk requests and the steering committee, wired at boot", () => {
  it("a request the lab proposed awaits the steering committee; adopted on each side, it is accepted and its project is born", async () => {
    const s = await requestAwaitingSteering();
    // only the steering committee sees it waiting
    await decide(s, ["for", "for", "for", "for"], "Le comité retient la demande : le lab l’accompagne.");
    const page = await requestPage(s.requester, s.request.id);
    expect(page.request).toMatchObject({ status: "accepted", outcomeKey: "project" });
    expect(page.request.projectId).not.toBeNull();
    const project = await projectPage(s.requester, page.request.projectId!);
    expect(project.project).toMatchObject({ title: s.request.title, stage: "exploration" });
    expect(page.history.events.map((e) => e.text)).toEqual(expect.arrayContaining(["Proposée au comité de pilotage du lab", "Statut : acceptée – décision du comité de pilotage"]));
  });

  it("without a majority on the Région side, the request is declined with the decision's words", async () => {
    const s = await requestAwaitingSteering();
    await decide(s, ["for", "for", "against", "against"], "La Région souhaite d’abord recenser les besoins des Maisons de la Région.");
    const page = await requestPage(s.requester, s.request.id);
    expect(page.request).toMatchObject({ status: "declined", projectId: null });
    expect(page.request.sentence).toContain("recenser les besoins");
  });
});

describe("projects proposed by the network of labs, wired at boot", () => {
  it("a lab proposes its project to another lab's steering committee; the validated decision goes into the project's journal and to its team", async () => {
    const [home, other] = await Promise.all([makeLab(), makeLab()]);
    const team = await viewerOf(await makeMember(home.id, "lab_team"));
    const otherTeam = await viewerOf(await makeMember(other.id, "lab_team"));
    const agent = await viewerOf(await makeUser());
    const lead = await makeUser();
    const input = projectSchema.parse({ title: "Open data dans le département", problem: "Les données du département dorment dans des tableurs.", users: "Agents et réutilisateurs", lead: lead.email });
    const project = await createProjectFor(team, home.slug, input);
    const secret = await createProjectFor(team, home.slug, projectSchema.parse({ title: "Un projet confidentiel", problem: "Un problème.", confidential: "on" }));

    // who may propose, and where
    await expect(proposeToNetwork(agent, project.id, { labSlug: other.slug, message: "" })).rejects.toMatchObject({ status: 403 });
    await expect(proposeToNetwork(otherTeam, project.id, { labSlug: other.slug, message: "" })).rejects.toMatchObject({ status: 403 });
    await expect(proposeToNetwork(team, project.id, { labSlug: home.slug, message: "" })).rejects.toMatchObject({ status: 400, field: "labSlug" });
    await expect(proposeToNetwork(team, project.id, { labSlug: "inconnu", message: "" })).rejects.toMatchObject({ status: 400, field: "labSlug" });
    await expect(proposeToNetwork(team, secret.id, { labSlug: other.slug, message: "" })).rejects.toMatchObject({ status: 409 });
    await proposeToNetwork(team, project.id, { labSlug: other.slug, message: "Le département voisin pourrait le reproduire." });
    await expect(proposeToNetwork(team, project.id, { labSlug: other.slug, message: "" })).rejects.toMatchObject({ status: 409 });
    expect((await projectPage(team, project.id)).details?.network).toMatchObject({ proposals: [expect.objectContaining({ status: "En attente du comité de pilotage" })], labs: expect.not.arrayContaining([expect.objectContaining({ slug: other.slug })]) });

    // the other lab's steering committee sees it waiting, with its dossier; its own project committee does not
    const prefecture = await createOrganization({ name: `Préfecture ${crypto.randomUUID()}`, kind: "prefecture" });
    const region = await createOrganization({ name: `Région ${crypto.randomUUID()}`, kind: "region_hq" });
    const members = await Promise.all([makeUser({ organizationId: prefecture.id }), makeUser({ organizationId: region.id })]);
    const steering = await createCommitteeFor(otherTeam, other.slug, { kind: "steering", name: "Comité de pilotage", rhythm: "Trimestriel" });
    await updateCommitteeFor(otherTeam, other.slug, steering.id, { name: "Comité de pilotage", rhythm: "Trimestriel", quorumPercent: 50, quorumPerSide: true, chairEmail: members[0].email, members: members.map((m) => ({ email: m.email, side: null })) });
    const projectCommittee = await createCommitteeFor(otherTeam, other.slug, { kind: "project", name: "Comité de projet", rhythm: "Mensuel" });
    const meeting = await scheduleMeeting(otherTeam, other.slug, steering.id, { day: "2027-03-18", startTime: "14:00", endTime: "16:00", place: "Préfecture", videoUrl: "" });
    const projectMeeting = await scheduleMeeting(otherTeam, other.slug, projectCommittee.id, { day: "2027-03-19", startTime: "14:00", endTime: "16:00", place: "Salle du lab", videoUrl: "" });
    expect((await meetingPage(otherTeam, other.slug, projectCommittee.id, projectMeeting.id)).awaiting.filter((a) => a.kind === "network_project")).toEqual([]);
    const page = await meetingPage(otherTeam, other.slug, steering.id, meeting.id);
    const awaiting = page.awaiting.find((a) => a.kind === "network_project")!;
    expect(awaiting.title).toBe(`Projet proposé par ${home.name}\u00a0: Open data dans le département`);
    expect(awaiting.summary).toContain("Message du lab\u00a0: Le département voisin pourrait le reproduire.");
    expect(awaiting.summary).toContain("Problème : Les données du département dorment");
    // the home lab's committees are not offered its own proposal
    expect(JSON.stringify(page.awaiting)).not.toContain("Un projet confidentiel");

    const item = await addAgendaItem(otherTeam, other.slug, steering.id, meeting.id, { kind: "network_project", subjectId: awaiting.subjectId, title: "", summary: "", secret: false });
    const voters = await Promise.all(members.map(viewerOf));
    await recordAttendance(otherTeam, other.slug, steering.id, meeting.id, voters.map((v) => v.userId));
    for (const v of voters) await castVote(v, other.slug, steering.id, meeting.id, item.id, "for");
    await recordDecision(otherTeam, other.slug, steering.id, meeting.id, item.id, "Le lab s’associe au projet et le reproduira en 2027.");
    await saveMinutesFor(otherTeam, other.slug, steering.id, meeting.id, { body: "Séance ouverte.", discussions: {} });
    await validateMinutes(voters[0], other.slug, steering.id, meeting.id, "chair");

    const after = await projectPage(team, project.id);
    expect(after.details?.network.proposals).toEqual([expect.objectContaining({ status: "Soutenu", wording: "Le lab s’associe au projet et le reproduira en 2027." })]);
    expect(after.details?.journal.map((j) => j.body)).toContain(`Le comité de pilotage de ${other.name} soutient le projet\u00a0: Le lab s’associe au projet et le reproduira en 2027.`);
    expect((await listNotifications(lead.id)).some((n) => n.title.includes("soutient") && n.link === `/projets/${project.id}`)).toBe(true);
    // answered: it no longer awaits the committee
    expect((await meetingPage(otherTeam, other.slug, steering.id, meeting.id)).awaiting.filter((a) => a.kind === "network_project")).toEqual([]);
  });
});

describe("a sponsor without an account, wired at boot", () => {
  it("a request names a sponsor who has never signed in: it is sent, the address gets a mail, and the first sign-in links the request to them", async () => {
    const lab = await makeLab();
    const requester = await viewerOf(await makeUser());
    const address = `marie.sponsor.${crypto.randomUUID().slice(0, 8)}@exemple.gouv.fr`;
    const request = await createRequest(requester, { labId: lab.id, kind: "method", title: "Une demande au commanditaire nouveau", context: "Un contexte.", affected: "Des agents", success: "Une réussite", timing: "", sponsorEmail: address.toUpperCase(), otherAdministrations: "", intent: "submit" }, []);
    expect(request).toMatchObject({ status: "submitted", sponsor_id: null });
    expect((await requestPage(requester, request.id)).request.sponsor).toContain("pas encore de compte");
    const mails = (await listLabMails(lab.id, { limit: 50 })).mails;
    expect(mails.some((m) => m.kind === "request_sponsor" && m.to.toLowerCase() === address)).toBe(true);

    const sponsor = await upsertFromOidc({ sub: `sub-${crypto.randomUUID()}`, email: address, givenName: "Marie", familyName: "Sponsor" });
    const page = await requestPage(await viewerOf(sponsor), request.id);
    expect(page.request.sponsor).toBe("Marie Sponsor");
    expect((await listNotifications(sponsor.id)).some((n) => n.kind === "request_sponsor" && n.link === `/demandes/${request.id}`)).toBe(true);
    // a second sign-in changes nothing
    await upsertFromOidc({ sub: `sub-other-${crypto.randomUUID()}`, email: address, givenName: "Marie", familyName: "Sponsor" });
    expect((await listNotifications(sponsor.id)).filter((n) => n.kind === "request_sponsor")).toHaveLength(1);
  });
});

describe("a training session held sends its satisfaction questionnaire", () => {
  it("to the agents present only, announced by a notification; the lab reads the answers in its results", async () => {
    const org = await createOrganization({ name: `Région ${Date.now()}`, kind: "region_hq" });
    const lab = await makeLab();
    const team = await viewerOf(await makeMember(lab.id, "lab_team"));
    const [present, absent] = [await viewerOf(await makeUser({ organizationId: org.id })), await viewerOf(await makeUser({ organizationId: org.id }))];
    const now = new Date();
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const training = await createTraining(team, lab.slug, trainingSchema.parse({ title: "Animer un atelier d’intelligence collective", objectives: "Animer.", methods: "World café", audience: "Tous", format: "presentiel", durationHours: "7", side: "region", openTo: [], confirmHours: "48", published: "on" }));
    const session = await addSession(team, lab.slug, training.id, sessionSchema.parse({ startDate: day(new Date(now.getTime() + 2 * 86_400_000)), startTime: "09:00", endTime: "17:00", place: "Metz", capacity: "5", trainers: "" }), now);
    for (const v of [present, absent]) await seatAction(v, training.id, { intent: "register", sessionId: session.id, managerEmail: "" }, now);
    const after = new Date(session.ends_at.getTime() + 3_600_000);
    await recordTrainingAttendance(team, lab.slug, training.id, session.id, { present: [present.userId], close: false }, after);
    // the sheet is not closed yet: nothing is sent
    expect((await mySurveys(present)).surveys).toEqual([]);
    await recordTrainingAttendance(team, lab.slug, training.id, session.id, { present: [present.userId], close: true }, after);
    const notification = (await listNotifications(present.userId)).find((n) => n.kind === "survey_invitation")!;
    expect(notification.title).toMatch(/^Votre avis sur «\s?Animer un atelier d’intelligence collective – session du \d{1,2}(er)?\s\S+\s\d{4}\s?»$/);
    const surveyId = /^\/questionnaires\/([0-9a-f-]{36})$/.exec(notification.link!)![1];
    const page = await agentAnswerPage(present, surveyId);
    expect(page.survey.title).toContain("Votre avis");
    expect((await listNotifications(absent.userId)).some((n) => n.kind === "survey_invitation")).toBe(false);
    await expect(agentAnswerPage(absent, surveyId)).rejects.toMatchObject({ status: 403 });
    // the lab's own questionnaires list it
    expect((await labSurveys(team, lab.slug)).surveys.map((x) => x.id)).toContain(surveyId);
    // closing the sheet again (a correction) sends nothing more
    await recordTrainingAttendance(team, lab.slug, training.id, session.id, { present: [present.userId], close: true }, after);
    expect((await listNotifications(present.userId)).filter((n) => n.kind === "survey_invitation")).toHaveLength(1);
  });
});
