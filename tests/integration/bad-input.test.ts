import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";
import { Client } from "../support/http";
import { agents, labTeam, organizations } from "../../src/demo/content";
import { demoCommunities, demoMembersOf } from "../../src/communities/demo";

/**
 * Every action of the application receives malformed, oversized, wrong-type,
 * cross-site, CSRF-less and unauthorized requests: none may answer 500.
 */
let server: TestServer;
const email = (key: string) => labTeam.find((p) => p.key === key)!.email;
const ids: Record<string, string> = {};
const clients: Record<string, Client> = {};

beforeAll(async () => {
  server = await startServer();
  for (const [who, mail] of [
    ["team", email("dimap-1")],
    ["labest", email("labest-1")],
    ["juror", email("juror-1")],
    ["agent", agents[10].email],
    ["director", email("director-lycees")],
    ["otherDirector", email("director-environnement")],
    ["member", demoMembersOf(demoCommunities[0], agents)[0].email],
    ["innov", "solene.lefebvre@normandie.gouv.fr"],
    ["julien", "julien.marais@normandie.gouv.fr"],
  ] as const) {
    clients[who] = new Client(server.url);
    await clients[who].signInAs(mail);
  }
  const labHtml = await (await clients.team.get("/lab")).text();
  const campaignIds = [...labHtml.matchAll(/href="\/lab\/campagnes\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
  ids.campaign = campaignIds[0];
  const ideasHtml = await (await clients.agent.get("/idees")).text();
  ids.idea = /href="\/idees\/([0-9a-f-]{36})"/.exec(ideasHtml)![1];
  const juryHtml = await (await clients.juror.get(`/jury`)).text();
  const juryCampaign = /href="\/jury\/campagnes\/([0-9a-f-]{36})"/.exec(juryHtml)![1];
  ids.juryCampaign = juryCampaign;
  const jcHtml = await (await clients.juror.get(`/jury/campagnes/${juryCampaign}`)).text();
  ids.juryIdea = /href="\/jury\/idees\/([0-9a-f-]{36})"/.exec(jcHtml)![1];
  // the agent's own idea, for the edit action
  const openCampaign = /href="\/campagnes\/([0-9a-f-]{36})\/deposer"/.exec(await (await clients.agent.get(`/campagnes/${campaignIds.find(Boolean)}`)).text());
  ids.openCampaign = openCampaign?.[1] ?? campaignIds[0];
  // the demo's published theme analysis and one of its themes
  const analyses = await (await clients.team.get("/lab/region-grand-est/problematiques")).text();
  ids.analysis = /href="\/lab\/analyses\/([0-9a-f-]{36})"/.exec(analyses)![1];
  const analysis = await (await clients.team.get(`/lab/analyses/${ids.analysis}`)).text();
  ids.minilab = /href="\/minilabs\/([0-9a-f-]{36})"/.exec(await (await clients.team.get("/lab/region-grand-est/minilabs")).text())![1];
  ids.theme = new RegExp(`href="/lab/analyses/${ids.analysis}/themes/([0-9a-f-]{36})"`).exec(analysis)![1];
  // arbitration: the running Mini-Lab (the agent joins it, to write proposals), its draft, and a decided 2021 proposal for the lycées
  for (const id of new Set([...(await (await clients.team.get("/lab/region-grand-est/minilabs")).text()).matchAll(/href="\/minilabs\/([0-9a-f-]{36})"/g)].map((m) => m[1]))) {
    const html = await (await clients.team.get(`/minilabs/${id}`)).text();
    if (html.includes("Mini-Lab Restauration scolaire</h1>")) {
      ids.runningMinilab = id;
      ids.draftProposal = /href="\/propositions\/([0-9a-f-]{36})"/.exec(html)![1];
      ids.session = new RegExp(`href="/minilabs/${id}/seances/([0-9a-f-]{36})"`).exec(html)![1];
    }
    if (html.includes("Mini-Lab Lycées écoresponsables</h1>")) ids.decidedProposal = /href="\/propositions\/([0-9a-f-]{36})"(?:(?!<\/li>).)*Direction des lycées/s.exec(html)![1];
  }
  expect((await clients.agent.post(`/minilabs/${ids.runningMinilab}`, { intent: "join" })).status).toBe(200);
  // the demo's first community (cleaning: threads and a panel question)
  ids.community = /href="\/communautes\/([0-9a-f-]{36})"/.exec(await (await clients.team.get("/lab/region-grand-est/communautes")).text())![1];
  const communityHtml = await (await clients.team.get(`/communautes/${ids.community}`)).text();
  ids.thread = new RegExp(`href="/communautes/${ids.community}/fils/([0-9a-f-]{36})"`).exec(communityHtml)![1];
  ids.question = new RegExp(`href="/communautes/${ids.community}/panel/([0-9a-f-]{36})"`).exec(communityHtml)![1];
  // the desk: an open request at Innov'Mandie (the phone reception one), Julien's own submitted one, and a draft of his
  const queue = await (await clients.innov.get("/lab/innovmandie/guichet")).text();
  ids.request = /href="\/demandes\/([0-9a-f-]{36})"[^>]*>Simplifier l’accueil téléphonique/.exec(queue)![1];
  ids.julienRequest = /href="\/demandes\/([0-9a-f-]{36})"[^>]*>Former les gestionnaires RH/.exec(queue)![1];
  const form = await (await clients.julien.get("/guichet/nouvelle")).text();
  ids.innovLab = /name="labId" value="([0-9a-f-]{36})"(?:(?!<\/label>).)*Innov’Mandie/s.exec(form)![1];
  const draft = await clients.julien.post("/guichet/nouvelle", { labId: ids.innovLab, kind: "method", title: "Un brouillon de demande", intent: "draft" }, { csrf: await clients.julien.csrf("/guichet/nouvelle") });
  expect(draft.status).toBe(302);
  ids.draftRequest = /\/demandes\/([0-9a-f-]{36})/.exec(draft.headers.get("location")!)![1];
  // a project of the Région's lab (born from an adopted decision of the demo)
  ids.project = /href="\/projets\/([0-9a-f-]{36})"/.exec(await (await clients.team.get("/lab/region-grand-est/projets")).text())![1];
  // Lab'EST's steering committee (dimap-1, « team », sits in it for the Région): a held meeting (validated minutes) and the next one
  ids.steering = /href="\/lab\/labest\/comites\/([0-9a-f-]{36})"[^>]*>Comité de pilotage/.exec(await (await clients.labest.get("/lab/labest/comites")).text())![1];
  const steeringRows = (await (await clients.labest.get(`/lab/labest/comites/${ids.steering}`)).text()).split("<tr>");
  const meetingIn = (label: string) => new RegExp(`/reunions/([0-9a-f-]{36})"`).exec(steeringRows.find((row) => row.includes(label))!)![1];
  ids.heldMeeting = meetingIn("Tenue, compte rendu validé");
  ids.nextMeeting = meetingIn("À venir");
  // Lab'EST's roadmap and one of its items (an initiative)
  ids.roadmap = /href="\/lab\/labest\/feuille-de-route\/([0-9a-f-]{36})"/.exec(await (await clients.labest.get("/lab/labest/feuille-de-route")).text())![1];
  // Lab'EST's questionnaire of 2020 (closed), its anonymous one (open), the Région lab's open one
  const labestSurveys = await (await clients.labest.get("/lab/labest/questionnaires")).text();
  ids.survey = /href="\/lab\/labest\/questionnaires\/([0-9a-f-]{36})"[^>]*>Imaginons ensemble/.exec(labestSurveys)![1];
  ids.anonymousSurvey = /href="\/lab\/labest\/questionnaires\/([0-9a-f-]{36})"[^>]*>Votre avis sur la journée/.exec(labestSurveys)![1];
  ids.surveyLink = /\/questionnaires\/lien\/([A-Za-z0-9_-]+)/.exec(await (await clients.labest.get(`/lab/labest/questionnaires/${ids.anonymousSurvey}`)).text())![1];
  // the Région's questionnaire to the lycées (not a training's satisfaction questionnaire, which a State agent present may answer)
  ids.regionSurvey = /href="\/lab\/region-grand-est\/questionnaires\/([0-9a-f-]{36})"[^>]*>Vos outils au quotidien/.exec(await (await clients.team.get("/lab/region-grand-est/questionnaires")).text())![1];
  ids.roadmapItem = new RegExp(`href="/lab/labest/feuille-de-route/${ids.roadmap}/elements/([0-9a-f-]{36})"[^>]*>DataGrandEst<`).exec(await (await clients.labest.get(`/lab/labest/feuille-de-route/${ids.roadmap}`)).text())![1];
  // the skills directory: the agent declares a skill (so that the member may write to them), and a conversation between them
  const mine = await (await clients.agent.get("/competences/mes-competences")).text();
  const skill = /<option value="([0-9a-f-]{36})">Prototypage<\/option>/.exec(mine)![1];
  expect((await clients.agent.post("/competences/mes-competences", { intent: "declare", skillId: skill, level: "practice", willing: "on" })).status).toBe(200);
  const agentCity = organizations.find((o) => o.key === agents[10].organizationKey)!.city;
  const directory = await (await clients.agent.get(`/competences?competence=${skill}&site=${encodeURIComponent(agentCity)}`)).text();
  ids.agentUser = new RegExp(`href="/competences/agents/([0-9a-f-]{36})"[^>]*>${agents[10].firstName} ${agents[10].lastName}<`).exec(directory)![1];
  const sent = await clients.member.post(`/competences/agents/${ids.agentUser}`, { body: "Bonjour, une question de prototypage." });
  expect(sent.status).toBe(302);
  ids.message = /\/competences\/messages\/([0-9a-f-]{36})/.exec(sent.headers.get("location")!)![1];
  // the Région lab's resources: one of its sheets (the Mini-Labs' methods are sheets)
  ids.resource = /href="\/lab\/region-grand-est\/ressources\/([0-9a-f-]{36})"/.exec(await (await clients.team.get("/lab/region-grand-est/ressources")).text())![1];
  // events: one of Lab'EST's (reserved to agents), and a network lab it declared
  const labEvents = await (await clients.labest.get("/lab/labest/evenements")).text();
  ids.event = /href="\/lab\/labest\/evenements\/([0-9a-f-]{36})"/.exec(labEvents)![1];
  ids.agentsEvent = /data-event="([0-9a-f-]{36})"(?:(?!data-event=).)*Réservé aux agents/s.exec(labEvents)![1];
  ids.networkLab = /data-network-lab="([0-9a-f-]{36})"/.exec(await (await clients.labest.get("/lab/labest/evenements/reseau")).text())![1];
  // trainings: a Région training opened to the State (the reciprocal offer) and its session held, one kept to the Région's agents
  const regionTrainings = await (await clients.team.get("/lab/region-grand-est/formations")).text();
  ids.training = /href="\/lab\/region-grand-est\/formations\/([0-9a-f-]{36})"[^>]*>Prototyper un service public</.exec(regionTrainings)![1];
  ids.closedTraining = /href="\/lab\/region-grand-est\/formations\/([0-9a-f-]{36})"[^>]*>Faciliter un Mini-Lab</.exec(regionTrainings)![1];
  ids.trainingSession = new RegExp(`href="/lab/region-grand-est/formations/${ids.training}/sessions/([0-9a-f-]{36})"`).exec(await (await clients.team.get(`/lab/region-grand-est/formations/${ids.training}`)).text())![1];
}, 300_000); // the first test file of a run seeds the demo template (tens of seconds on a loaded machine), then signs in nine people
afterAll(async () => {
  await server?.stop();
});


/** Every route that has an action, with a valid-looking payload and who may call it. */
type Action = { path: string; as: string; fields: Record<string, string | string[]> };
const actions = (): Action[] => [
  { path: "/connexion/demo", as: "anon", fields: { email: agents[0].email } },
  { path: "/deconnexion", as: "leaver", fields: {} },
  { path: `/campagnes/${ids.openCampaign}/deposer`, as: "agent", fields: { title: "Une idée", problem: "x".repeat(30), proposal: "y".repeat(30), beneficiaries: "tous", intent: "submit" } },
  { path: `/campagnes/${ids.openCampaign}/deposer`, as: "agent", fields: { title: "Moins de pain jeté au self", intent: "similar" } },
  { path: `/idees/${ids.idea}`, as: "agent", fields: { intent: "comment", body: "Bien vu" } },
  { path: `/idees/${ids.idea}/modifier`, as: "agent", fields: { title: "Titre modifié", intent: "draft" } },
  { path: "/notifications", as: "agent", fields: { intent: "readAll" } },
  { path: "/notifications", as: "agent", fields: { intent: "mailPrefs", byMail: "minilab_invitation" } },
  { path: `/jury/idees/${ids.juryIdea}`, as: "juror", fields: { comment: "ok" } },
  { path: "/lab/region-grand-est/campagnes/nouvelle", as: "team", fields: { title: "Nouvelle" } },
  { path: `/lab/campagnes/${ids.campaign}/modifier`, as: "team", fields: { title: "Modifiée" } },
  { path: `/lab/campagnes/${ids.campaign}`, as: "team", fields: { intent: "addJuror", email: "pas-une-adresse" } },
  // a self-merge, refused even when everything else is right: the barrage never merges demo ideas
  { path: `/lab/campagnes/${ids.campaign}/doublons`, as: "team", fields: { intent: "merge", ideaA: ids.idea, ideaB: ids.idea, keep: "a" } },
  { path: "/lab/region-grand-est/roles", as: "team", fields: { intent: "grant", email: "x@y.fr", role: "pape" } },
  { path: "/lab/region-grand-est/roles", as: "team", fields: { intent: "deletedContributions", choice: "tout-effacer" } },
  { path: "/lab/region-grand-est/problematiques", as: "team", fields: { campaignIds: ids.campaign, scope: "all", k: "5" } },
  { path: `/lab/analyses/${ids.analysis}`, as: "team", fields: { intent: "unpublish" } },
  { path: `/lab/analyses/${ids.analysis}/themes/${ids.theme}`, as: "team", fields: { intent: "rename", themeId: ids.theme, label: "Nouveau nom" } },
  { path: "/lab/region-grand-est/minilabs/nouveau", as: "team", fields: { name: "Mini-Lab", question: "Une question assez longue ?", joinPolicy: "open", sessionsFrom: "2027-01-10", sessionsUntil: "2027-06-30", restitutionOn: "2027-09-15", arbitrationOn: "2027-11-15" } },
  { path: `/minilabs/${ids.minilab}`, as: "agent", fields: { intent: "decline" } },
  { path: `/minilabs/${ids.runningMinilab}/propositions/nouvelle`, as: "agent", fields: { title: "Une proposition", problem: "p".repeat(30), solution: "s".repeat(30), impact: "i".repeat(20), resources: "r".repeat(10), cost: "12000", directorate: "Direction des lycées" } },
  { path: `/propositions/${ids.draftProposal}/modifier`, as: "agent", fields: { title: "Une proposition", problem: "p".repeat(30), solution: "s".repeat(30), impact: "i".repeat(20), resources: "r".repeat(10), cost: "-3", directorate: "Direction des finances" } },
  // the agent is neither the draft's author nor a facilitator: refused, the draft stays a draft
  { path: `/propositions/${ids.draftProposal}`, as: "agent", fields: { intent: "submit" } },
  // already decided: a first decision again is refused (409), a correction would need `corrects`
  { path: `/propositions/${ids.decidedProposal}`, as: "director", fields: { intent: "decide", outcome: "adopted", reason: "Un motif", followUpOwner: "x@y.fr", followUpDue: "2030-01-01" } },
  { path: "/lab/region-grand-est/communautes/nouvelle", as: "team", fields: { name: "Agents d’accueil", profession: "Agents d’accueil des lycées", animators: "pas-une-adresse" } },
  { path: `/lab/region-grand-est/communautes/${ids.community}/modifier`, as: "team", fields: { name: "Entretien", profession: "Agents d’entretien", animators: "pas-une-adresse" } },
  { path: `/communautes/${ids.community}`, as: "agent", fields: { intent: "leave" } },
  { path: `/communautes/${ids.community}`, as: "member", fields: { intent: "post", kind: "discussion", title: "Un", body: "court" } },
  { path: `/communautes/${ids.community}/fils/${ids.thread}`, as: "member", fields: { intent: "sendIdea", campaignId: "pas-un-id", proposal: "courte", beneficiaries: "x" } },
  { path: `/communautes/${ids.community}/fils/${ids.thread}`, as: "member", fields: { intent: "reply", body: "" } },
  { path: `/communautes/${ids.community}/panel/nouvelle`, as: "director", fields: { question: "Trop court", closesAt: "2020-01-01" } },
  { path: `/communautes/${ids.community}/panel/${ids.question}`, as: "member", fields: { body: "" } },
  // inviting by email: the lab team (or a facilitator) only; an unknown address is a field error
  { path: `/minilabs/${ids.minilab}`, as: "team", fields: { intent: "invite", emails: "personne@nulle-part.fr" } },
  { path: "/lab/region-grand-est/minilabs/nouveau", as: "team", fields: { name: "Mini-Lab privé", question: "Une question assez longue ?", joinPolicy: "open", visibility: "secret", sessionsFrom: "2027-01-10", sessionsUntil: "2027-06-30", restitutionOn: "2027-09-15", arbitrationOn: "2027-11-15" } },
  // sessions and their board: methods and sessions are the lab team's (and facilitators'); the agent, a member, writes on the board
  { path: "/lab/region-grand-est/methodes", as: "team", fields: { intent: "add", label: "", description: "d".repeat(600) } },
  { path: `/minilabs/${ids.runningMinilab}/seances/nouvelle`, as: "team", fields: { title: "Séance", day: "2026-02-30", time: "25:00", durationMinutes: "5", place: "", videoUrl: "http://pas-https", dots: "50", methods: "Méthode inconnue" } },
  { path: `/minilabs/${ids.runningMinilab}/seances/${ids.session}/modifier`, as: "team", fields: { title: "", day: "demain", time: "9h", durationMinutes: "beaucoup", place: "Metz", dots: "0" } },
  { path: `/minilabs/${ids.runningMinilab}/seances/${ids.session}`, as: "team", fields: { intent: "attendance", present: "pas-un-id" } },
  { path: `/minilabs/${ids.runningMinilab}/seances/${ids.session}/tableau`, as: "agent", fields: { intent: "add", column: "nulle-part", text: "" } },
  // committees: refused for what was sent (a bad kind, address, date, title, id) or because the held meeting's minutes are validated (409)
  { path: "/lab/labest/comites", as: "labest", fields: { kind: "autre", name: "Un comité" } },
  { path: `/lab/labest/comites/${ids.steering}`, as: "labest", fields: { intent: "settings", name: "Comité de pilotage", quorumPercent: "50", members: "pas-une-adresse" } },
  { path: `/lab/labest/comites/${ids.steering}`, as: "labest", fields: { intent: "meeting", day: "2026-02-30", startTime: "14:00", endTime: "16:00", place: "Metz" } },
  { path: `/lab/labest/comites/${ids.steering}/reunions/${ids.nextMeeting}`, as: "labest", fields: { intent: "addItem", kind: "free", title: "", summary: "" } },
  { path: `/lab/labest/comites/${ids.steering}/reunions/${ids.nextMeeting}`, as: "labest", fields: { intent: "attendance", present: "pas-un-id" } },
  { path: `/lab/labest/comites/${ids.steering}/reunions/${ids.nextMeeting}`, as: "labest", fields: { intent: "decide", itemId: "pas-un-id", wording: "" } },
  { path: `/lab/labest/comites/${ids.steering}/reunions/${ids.nextMeeting}`, as: "labest", fields: { intent: "moveItem", itemId: "00000000-0000-0000-0000-000000000000", direction: "sideways" } },
  { path: `/lab/labest/comites/${ids.steering}/reunions/${ids.nextMeeting}`, as: "labest", fields: { intent: "removeItem", itemId: "pas-un-id" } },
  { path: `/lab/labest/comites/${ids.steering}/reunions/${ids.nextMeeting}`, as: "labest", fields: { intent: "setSecret", itemId: "00000000-0000-0000-0000-000000000000", secret: "peut-être" } },
  { path: `/lab/labest/comites/${ids.steering}/reunions/${ids.heldMeeting}`, as: "labest", fields: { intent: "convene" } },
  { path: `/lab/labest/comites/${ids.steering}/reunions/${ids.nextMeeting}`, as: "director", fields: { intent: "vote", itemId: "pas-un-id", choice: "peut-être" } },
  { path: `/lab/labest/comites/${ids.steering}/reunions/${ids.heldMeeting}/compte-rendu`, as: "labest", fields: { intent: "save", body: "Réécrit" } },
  { path: `/lab/labest/comites/${ids.steering}/reunions/${ids.heldMeeting}/compte-rendu`, as: "labest", fields: { intent: "correct", decisionId: "pas-un-id", adopted: "peut-être", wording: "" } },
  // deleting one's account: a wrong confirmation word deletes nothing (the barrage never deletes a demo agent)
  { path: "/mes-donnees/supprimer", as: "agent", fields: { confirmation: "pas le bon mot" } },
  // the desk: a request (as a draft: nothing sent to a lab), its edit, a message, a decline without a real reason, a promise out of bounds
  { path: "/guichet/nouvelle", as: "agent", fields: { labId: "pas-un-id", kind: "workshop", title: "Une demande", intent: "draft" } },
  { path: `/demandes/${ids.draftRequest}/modifier`, as: "julien", fields: { labId: ids.innovLab, kind: "autre", title: "Un brouillon", intent: "draft" } },
  { path: `/demandes/${ids.request}`, as: "innov", fields: { intent: "decline", reason: "x" } },
  { path: `/demandes/${ids.request}`, as: "innov", fields: { intent: "expert", email: "personne@nulle-part.fr" } },
  { path: `/demandes/${ids.julienRequest}`, as: "julien", fields: { intent: "message", body: "" } },
  { path: "/lab/innovmandie/guichet/reglages", as: "innov", fields: { answerDays: "0" } },
  // projects: the lab team of the project's lab creates, edits, records; the barrage never passes a gate
  { path: "/lab/region-grand-est/projets/nouveau", as: "team", fields: { title: "Un projet", problem: "court", org0: "pas-un-id", kind0: "etat", budgetRequested: "beaucoup" } },
  { path: "/lab/region-grand-est/projets/nouveau", as: "team", fields: { intent: "fromDecision", decisionId: "pas-un-id" } },
  { path: "/lab/region-grand-est/projets/modeles", as: "team", fields: { template_exploration: "Énoncé", template_prototype: "", template_experimentation: "", template_evaluation: "", template_deployment: "", strategic: "exploration" } },
  { path: `/projets/${ids.project}/modifier`, as: "team", fields: { title: "", problem: "court", endsOn: "2020-02-30" } },
  { path: `/projets/${ids.project}`, as: "team", fields: { intent: "journal", entryOn: "hier", body: "" } },
  { path: `/projets/${ids.project}`, as: "team", fields: { intent: "outcome", reviewId: "pas-un-id", outcome: "peut-être" } },
  { path: `/projets/${ids.project}`, as: "team", fields: { intent: "deliverable", stage: "exploration", label: "Pas attendu", kind: "link", url: "ftp://x" } },
  { path: `/projets/${ids.project}`, as: "team", fields: { intent: "measure", indicatorId: "00000000-0000-0000-0000-000000000000", measuredOn: "2026-01-01", value: "NaN" } },
  { path: `/projets/${ids.project}`, as: "team", fields: { intent: "pause", reason: "" } },
  { path: `/projets/${ids.project}`, as: "team", fields: { intent: "proposeNetwork", labSlug: "", message: "m".repeat(2100) } },
  { path: `/projets/${ids.project}`, as: "team", fields: { intent: "proposeNetwork", labSlug: "region-grand-est", message: "" } },
  // roadmaps: the lab team of the roadmap's lab; every row is refused for what was sent
  { path: "/lab/labest/feuille-de-route", as: "labest", fields: { title: "Une feuille de route", partnerLab: "pas-un-id" } },
  { path: `/lab/labest/feuille-de-route/${ids.roadmap}`, as: "labest", fields: { intent: "addItem", kind: "axe", title: "" } },
  { path: `/lab/labest/feuille-de-route/${ids.roadmap}`, as: "labest", fields: { intent: "addCalendar", period: "Automne", periodStart: "2021-02-30", body: "" } },
  { path: `/lab/labest/feuille-de-route/${ids.roadmap}`, as: "labest", fields: { intent: "deleteCalendar", entryId: "pas-un-id" } },
  { path: `/lab/labest/feuille-de-route/${ids.roadmap}/reglages`, as: "labest", fields: { intent: "settings", title: "Feuille", share_prototype: "250", stopRule: "jamais" } },
  { path: `/lab/labest/feuille-de-route/${ids.roadmap}/elements/${ids.roadmapItem}`, as: "labest", fields: { intent: "update", title: "", weight: "-2", endsOn: "2020-02-30" } },
  { path: `/lab/labest/feuille-de-route/${ids.roadmap}/elements/${ids.roadmapItem}`, as: "labest", fields: { intent: "addMilestone", milestoneTitle: "Un jalon", evidenceKind: "link", evidenceUrl: "" } },
  { path: `/lab/labest/feuille-de-route/${ids.roadmap}/elements/${ids.roadmapItem}`, as: "labest", fields: { intent: "milestoneDone", milestoneId: "pas-un-id", proof: "javascript:alert(1)" } },
  { path: `/lab/labest/feuille-de-route/${ids.roadmap}/elements/${ids.roadmapItem}`, as: "labest", fields: { intent: "deleteMilestone", milestoneId: "00000000-0000-0000-0000-000000000000" } },
  { path: `/lab/labest/feuille-de-route/${ids.roadmap}/elements/${ids.roadmapItem}`, as: "labest", fields: { intent: "delete" } },
  { path: `/lab/labest/feuille-de-route/${ids.roadmap}`, as: "labest", fields: { intent: "reorder", itemId: "pas-un-id", direction: "gauche" } },
  { path: `/lab/labest/feuille-de-route/${ids.roadmap}/import`, as: "labest", fields: { file: "pas un fichier" } },
  { path: `/lab/labest/feuille-de-route/${ids.roadmap}`, as: "labest", fields: { intent: "reorder", itemId: "00000000-0000-0000-0000-000000000000", direction: "up" } },
  { path: `/lab/labest/feuille-de-route/${ids.roadmap}/elements/${ids.roadmapItem}`, as: "labest", fields: { intent: "move", parentId: "pas-un-id" } },
  { path: `/lab/labest/feuille-de-route/${ids.roadmap}/elements/${ids.roadmapItem}`, as: "labest", fields: { intent: "move", parentId: ids.roadmapItem } },
  { path: `/lab/labest/feuille-de-route/${ids.roadmap}/elements/${ids.roadmapItem}`, as: "labest", fields: { intent: "editMilestone", milestoneId: "00000000-0000-0000-0000-000000000000", milestoneTitle: "", plannedOn: "2021-02-30", evidenceKind: "fichier" } },
  // access tokens: the lab team of the lab creates and revokes; the barrage never creates one (no valid name, or no valid intent)
  // events: Lab'EST's team; every row is refused for what was sent (an unknown intent is read as the event's form)
  { path: "/lab/labest/evenements/nouveau", as: "labest", fields: { title: "", kind: "fete", startDate: "2026-02-30", startTime: "9h", region: "Atlantide", audience: "tous", registration: "peut-être", capacity: "-3", onlineUrl: "javascript:alert(1)", repeat: "toujours" } },
  { path: "/lab/labest/evenements/nouveau", as: "labest", fields: { title: "Un atelier", kind: "workshop", startDate: "2026-11-26", startTime: "14:00", endTime: "12:00", region: "Grand Est", audience: "all", registration: "required", capacity: "", place: "", organizer: "pas-un-id" } },
  { path: `/lab/labest/evenements/${ids.event}`, as: "labest", fields: { intent: "annuler", title: "x", kind: "workshop", startDate: "hier", region: "Grand Est", audience: "all", registration: "free", repeat: "weekly", repeatCount: "1000" } },
  { path: "/lab/labest/evenements/reseau", as: "labest", fields: { intent: "declare", name: "", region: "Atlantide", website: "ftp://x", icalUrl: "javascript:alert(1)" } },
  { path: "/lab/labest/evenements/reseau", as: "labest", fields: { intent: "follow", networkLabId: "pas-un-id", icalUrl: "file:///etc/passwd" } },
  { path: "/lab/labest/evenements/reseau", as: "labest", fields: { intent: "fetch", networkLabId: "00000000-0000-0000-0000-000000000000" } },
  { path: `/evenements/${ids.agentsEvent}`, as: "agent", fields: { intent: "inscrire" } },
  { path: "/mes-evenements", as: "agent", fields: { intent: "publier" } },
  { path: "/lab/region-grand-est/jetons", as: "team", fields: { intent: "create", name: "" } },
  { path: "/lab/region-grand-est/jetons", as: "team", fields: { intent: "revoke", tokenId: "pas-un-id" } },
  // resources: the lab team of the sheet's lab writes; every row is refused for what was sent (nothing created, published or attached)
  { path: "/lab/region-grand-est/ressources", as: "team", fields: { intent: "create", kind: "recette", title: "" } },
  { path: "/lab/region-grand-est/ressources", as: "team", fields: { intent: "caseStudy", projectId: "pas-un-id" } },
  { path: `/lab/region-grand-est/ressources/${ids.resource}`, as: "team", fields: { intent: "save", title: "", visibility: "tous", tags: "x".repeat(700) } },
  { path: `/lab/region-grand-est/ressources/${ids.resource}`, as: "team", fields: { intent: "removeFile", fileId: "pas-un-id" } },
  { path: `/lab/region-grand-est/ressources/${ids.resource}`, as: "team", fields: { intent: "upload" } },
  // the skills directory: every row is refused for what was sent (nothing declared, sent or added)
  { path: "/competences/mes-competences", as: "agent", fields: { intent: "declare", skillId: "pas-un-id", level: "divin", willing: "peut-être" } },
  { path: "/competences/mes-competences", as: "agent", fields: { intent: "profile", expert: "oui", domains: "d".repeat(1200) } },
  { path: "/competences/mes-competences", as: "agent", fields: { intent: "withdraw", skillId: "00000000-0000-0000-0000-000000000000" } },
  { path: `/competences/agents/${ids.agentUser}`, as: "member", fields: { body: "" } },
  { path: `/competences/messages/${ids.message}`, as: "agent", fields: { body: "m".repeat(5000) } },
  { path: "/lab/region-grand-est/competences", as: "team", fields: { intent: "addSkill", label: "x" } },
  { path: "/lab/region-grand-est/competences", as: "team", fields: { intent: "addExpert", name: "", kind: "mage", domains: "" } },
  { path: "/lab/region-grand-est/competences", as: "team", fields: { intent: "removeExpert", expertId: "pas-un-id" } },
  // trainings: an agent's steps on a session (refused for what was sent, or 409: no seat is offered to them), the manager's link
  // (unknown: 404), the lab team's pages; the barrage never registers, creates, records or deletes anything
  { path: `/formations/${ids.training}`, as: "agent", fields: { intent: "register", sessionId: "pas-un-id" } },
  { path: `/formations/${ids.training}`, as: "agent", fields: { intent: "confirm", sessionId: ids.trainingSession } },
  { path: `/formations/accord/${"x".repeat(43)}`, as: "anon", fields: { decision: "approve" } },
  { path: "/lab/region-grand-est/formations", as: "team", fields: { title: "", format: "hybride", durationHours: "-1", side: "mars", confirmHours: "0" } },
  { path: `/lab/region-grand-est/formations/${ids.training}`, as: "team", fields: { intent: "training", title: "", durationHours: "beaucoup", openTo: "mars" } },
  { path: `/lab/region-grand-est/formations/${ids.training}`, as: "team", fields: { intent: "session", startDate: "2027-02-30", startTime: "25:00", endTime: "x", capacity: "0", trainers: "pas-une-adresse" } },
  { path: `/lab/region-grand-est/formations/${ids.training}/sessions/${ids.trainingSession}`, as: "team", fields: { intent: "attendance", present: "pas-un-id" } },
  { path: `/lab/region-grand-est/formations/${ids.training}/sessions/${ids.trainingSession}`, as: "team", fields: { intent: "session", startDate: "demain", startTime: "9h", endTime: "17:00", capacity: "-1" } },
  { path: `/lab/region-grand-est/formations/${ids.training}/sessions/${ids.trainingSession}`, as: "team", fields: { intent: "delete" } },
  // questionnaires: the lab's team builds and reads results; agents answer those addressed to them; anyone answers by the link
  { path: "/lab/labest/questionnaires", as: "labest", fields: { title: "", audience: "tous", organizationIds: "pas-un-id", closesOn: "2026-02-30" } },
  { path: `/lab/labest/questionnaires/${ids.anonymousSurvey}`, as: "labest", fields: { intent: "settings", title: "", audience: "anonymous", opensOn: "2027-01-10", closesOn: "2027-01-01" } },
  { path: `/lab/labest/questionnaires/${ids.anonymousSurvey}`, as: "labest", fields: { intent: "addSection", sectionTitle: "" } },
  { path: `/lab/labest/questionnaires/${ids.anonymousSurvey}`, as: "labest", fields: { intent: "addQuestion", sectionId: "pas-un-id", kind: "autre", label: "", maxChoices: "-1", conditionValues: "a,b" } },
  { path: `/lab/labest/questionnaires/${ids.anonymousSurvey}`, as: "labest", fields: { intent: "deleteQuestion", questionId: "00000000-0000-0000-0000-000000000000" } },
  { path: `/lab/labest/questionnaires/${ids.anonymousSurvey}`, as: "labest", fields: { intent: "deleteSection", sectionId: "pas-un-id" } },
  { path: `/lab/labest/questionnaires/${ids.survey}/resultats`, as: "labest", fields: { intent: "themes", questionId: "pas-un-id" } },
  { path: `/questionnaires/${ids.regionSurvey}`, as: "agent", fields: { intent: "next", section: "0", state: "{pas du json" } },
  { path: `/questionnaires/${ids.regionSurvey}`, as: "agent", fields: { intent: "submit", section: "99", state: "{}" } },
  { path: `/questionnaires/lien/${ids.surveyLink}`, as: "anon", fields: { intent: "next", section: "-1", state: JSON.stringify({ "q-pas-un-id": ["1"] }) } },
  { path: "/une-page-qui-n-existe-pas", as: "agent", fields: { a: "b" } },
];

/** "leaver" is a fresh signed-in agent each time, since signing out ends its session. */
async function client(as: string): Promise<Client> {
  if (as === "anon") return new Client(server.url);
  if (as === "leaver") {
    const c = new Client(server.url);
    await c.signInAs(agents[20].email);
    return c;
  }
  return clients[as];
}

const frenchPage = (html: string) => expect(html).toMatch(/lang="fr"|"message":"[^"]*[’éèà]/);

/** A POST whose body is chunked, with no Content-Length: refused before anything reads it. */
function chunkedPost(path: string, c: Client, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const u = new URL(server.url + path);
    const req = http.request(
      { host: u.hostname, port: u.port, path: u.pathname, method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    req.write(`_csrf=${encodeURIComponent(token)}&`);
    req.end("a=b");
  });
}

describe("no request gets a 500", () => {
  it("refuses a mutation without a CSRF token (403, French message)", async () => {
    for (const a of actions()) {
      const r = await (await client(a.as)).post(a.path, a.fields, { csrf: false });
      expect([403, 404], a.path).toContain(r.status);
      if (r.status === 403) expect(await r.text(), a.path).toMatch(/formulaire a expiré/);
    }
  });

  it("refuses a forged CSRF token and a cross-site origin", async () => {
    for (const a of actions()) {
      const forged = await (await client(a.as)).post(a.path, a.fields, { csrf: "A".repeat(32) });
      expect([403, 404], a.path).toContain(forged.status);
      const cross = await (await client(a.as)).post(a.path, a.fields, { headers: { origin: "https://evil.example" } });
      expect([403, 404], a.path).toContain(cross.status);
      if (cross.status === 403) expect(await cross.text(), a.path).toContain("ne vient pas de ce site");
    }
  });

  it("answers 400, 411, 413 or 415 to malformed, oversized and wrongly typed bodies", async () => {
    for (const a of actions()) {
      const c = await client(a.as);
      const token = await c.csrf(a.as === "anon" ? "/connexion/demo" : "/notifications").catch(() => "");
      const broken = await c.request(a.path, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=zzz" }, body: "--zzz\r\nnot a part" });
      expect([400, 403, 404], a.path).toContain(broken.status);
      const json = await c.request(a.path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ _csrf: token }) });
      expect([415, 404], a.path).toContain(json.status);
      const huge = await c.request(a.path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(1e9) }, body: "a=b" }).catch(() => null);
      if (huge) expect([413, 400], a.path).toContain(huge.status);
      const noLength = await chunkedPost(a.path, c, token);
      expect([411], a.path).toContain(noLength);
    }
  });

  it("answers every malformed field with a French message or a 4xx, keeping pages in French", async () => {
    const garbage: Record<string, string | string[]>[] = [
      {},
      { intent: "nimportequoi" },
      { intent: ["comment", "support"], body: ["a", "b"] },
      { title: "x".repeat(100_000), body: "y".repeat(50_000), email: "z".repeat(5000), intent: "submit" },
      { userId: "not-a-uuid", id: "../../etc/passwd", commentId: "1 OR 1=1", ideaId: "'; DROP TABLE ideas; --", role: "admin" },
      { scaleMax: "-1", opensAt: "2027-13-45", closesAt: "hier", "criteria.0.weight": "NaN", organizationIds: ["a", "b"] },
      { "score.00000000-0000-0000-0000-000000000000": "999", comment: "\u0000\u0001" },
    ];
    for (const a of actions()) {
      for (const g of garbage) {
        const r = await (await client(a.as)).post(a.path, g);
        expect(r.status, `${a.path} ${JSON.stringify(g).slice(0, 80)}`).toBeLessThan(500);
        if (r.status === 400) {
          const html = await r.text();
          expect(/lang="fr"/.test(html), a.path).toBe(true);
          expect(/Le formulaire contient|La requête est mal formée|Action inconnue/.test(html), `${a.path}: French message expected`).toBe(true);
        }
      }
    }
  }, 300_000); // a sweep of several hundred requests: its time grows with the routes, not per request

  it("sends anonymous visitors to sign-in and refuses agents the lab's and the jury's actions", async () => {
    for (const a of actions()) {
      if (a.as === "anon" || a.path.startsWith("/une-page")) continue;
      const anon = new Client(server.url);
      const r = await anon.post(a.path, a.fields, { csrf: await anon.csrf("/connexion/demo") });
      expect([302, 404], a.path).toContain(r.status);
      // signing out without a session just goes home; everything else asks to sign in
      if (r.status === 302) expect(r.headers.get("location"), a.path).toMatch(a.path === "/deconnexion" ? /^\/$/ : /^\/connexion/);
    }
    for (const a of actions().filter((x) => x.as === "team" || x.as === "juror")) {
      const r = await clients.agent.post(a.path, a.fields);
      expect(r.status, a.path).toBe(403);
      frenchPage(await r.text());
    }
  });

  it("refuses the lab team of one lab the campaigns and roles of another", async () => {
    for (const a of actions().filter((x) => x.as === "team")) {
      const r = await clients.labest.post(a.path, a.fields);
      expect(r.status, a.path).toBe(403);
    }
    for (const path of [`/lab/campagnes/${ids.campaign}`, `/lab/campagnes/${ids.campaign}/doublons`, "/lab/region-grand-est/roles", "/lab/region-grand-est/campagnes/nouvelle", "/lab/region-grand-est/problematiques", "/lab/region-grand-est/minilabs", "/lab/region-grand-est/minilabs/nouveau", "/lab/region-grand-est/communautes", "/lab/region-grand-est/communautes/nouvelle", `/lab/region-grand-est/communautes/${ids.community}/modifier`, `/lab/analyses/${ids.analysis}`, `/lab/analyses/${ids.analysis}/themes/${ids.theme}`, "/lab/region-grand-est/courriels", "/lab/region-grand-est/methodes", "/lab/region-grand-est/projets", "/lab/region-grand-est/projets/nouveau", "/lab/region-grand-est/projets/modeles", "/lab/region-grand-est/projets/export/projets.csv", "/lab/region-grand-est/projets/export/projets.xlsx", `/projets/${ids.project}/modifier`, "/lab/region-grand-est/pilotage", "/lab/region-grand-est/pilotage?du=2026-01-01", "/lab/region-grand-est/pilotage/export/idees.csv", "/lab/region-grand-est/pilotage/export/budgets.xlsx?du=2026-01-01", "/lab/region-grand-est/jetons", "/lab/region-grand-est/ressources", `/lab/region-grand-est/ressources/${ids.resource}`, "/lab/region-grand-est/competences"]) {
      expect((await clients.labest.get(path)).status, path).toBe(403);
      expect((await clients.agent.get(path)).status, path).toBe(403);
    }
  });

  it("the steering dashboards say a malformed period or organisation next to its field, and show the default period", async () => {
    for (const query of ["du=hier&au=2026-02-30&organisation=pas-un-id", "du=2026-05-01&au=2026-04-01", `du=${"9".repeat(5000)}`, "du=2026-01-01&du=2026-02-01"]) {
      const r = await clients.team.get(`/lab/region-grand-est/pilotage?${query}`);
      expect(r.status, query).toBe(200);
      const html = await r.text();
      expect(html, query).toContain("Le formulaire contient");
      expect(html, query).toContain("Idées reçues");
    }
    // a NUL character in the address is refused before any loader, in French (issue 9)
    expect((await clients.team.get("/lab/region-grand-est/pilotage?organisation=%00")).status).toBe(400);
    // the network view the same way; the table exports answer 400 to a malformed period, never a 500
    for (const query of ["du=hier&au=2026-02-30", "du=2026-05-01&au=2026-04-01", `au=${"9".repeat(5000)}`]) {
      const r = await clients.team.get(`/reseau?${query}`);
      expect(r.status, query).toBe(200);
      expect(await r.text(), query).toContain("Le formulaire contient");
      expect((await clients.team.get(`/lab/region-grand-est/pilotage/export/idees.csv?${query}`)).status, query).toBe(400);
      expect((await clients.team.get(`/reseau/export/projets.csv?${query}`)).status, query).toBe(400);
    }
    const csv = await clients.team.get("/lab/region-grand-est/pilotage/export/guichet.csv?du=2026-01-01&au=2026-12-31");
    expect(csv.status).toBe(200);
    expect(await csv.text()).toMatch(/^\uFEFF?Statut;Demandes\r\n/);
    // an agent without a role in any lab may not see the network
    for (const path of ["/reseau", "/reseau/export/idees.csv"]) expect((await clients.agent.get(path)).status, path).toBe(403);
    expect((await clients.labest.get("/reseau")).status).toBe(200);
  });

  it("answers 404, not 500, to unknown and malformed ids in loaders", async () => {
    const unknownSession = `/minilabs/${ids.runningMinilab}/seances/00000000-0000-0000-0000-000000000000`;
    for (const path of ["/minilabs/xyz/seances/abc", unknownSession, `${unknownSession}/modifier`, `${unknownSession}/tableau`, `${unknownSession}/tableau/flux`, `${unknownSession}/tableau/export.csv`, `${unknownSession}/tableau/imprimer`, `/minilabs/00000000-0000-0000-0000-000000000000/seances/nouvelle`]) {
      const r = await clients.team.get(path);
      expect(r.status, path).toBe(404);
    }
    for (const path of ["/idees/pas-un-id", "/idees/00000000-0000-0000-0000-000000000000", "/campagnes/abc", "/jury/idees/xyz", "/lab/campagnes/123", "/lab/campagnes/123/doublons", "/idees/00000000-0000-0000-0000-000000000000/pieces/1", "/lab/inconnu/roles", "/lab/analyses/nope", "/lab/analyses/00000000-0000-0000-0000-000000000000/themes/a-classer", `/lab/analyses/${ids.analysis}/themes/zz`, "/problematiques/xyz", "/minilabs/xyz", "/minilabs/00000000-0000-0000-0000-000000000000", "/communautes/xyz", "/communautes/00000000-0000-0000-0000-000000000000", `/communautes/${ids.community}/fils/xyz`, `/communautes/${ids.community}/fils/00000000-0000-0000-0000-000000000000`, `/communautes/${ids.community}/panel/xyz`, `/communautes/${ids.community}/panel/xyz/reponses.csv`, "/lab/region-grand-est/communautes/xyz/modifier", "/lab/inconnu/courriels", "/lab/region-grand-est/courriels/xyz", "/lab/region-grand-est/courriels/00000000-0000-0000-0000-000000000000", "/projets/xyz", "/projets/00000000-0000-0000-0000-000000000000", "/projets/xyz/modifier", `/projets/${ids.project}/fichiers/xyz`, `/projets/${ids.project}/fichiers/00000000-0000-0000-0000-000000000000`, "/lab/inconnu/projets", "/lab/inconnu/projets/nouveau", "/lab/inconnu/pilotage", "/lab/inconnu/pilotage/export/idees.csv", "/lab/region-grand-est/pilotage/export/inconnu.csv", "/lab/region-grand-est/pilotage/export/idees.pdf", "/reseau/export/inconnu.csv", "/lab/region-grand-est/projets/export/projets.pdf", "/lab/inconnu/jetons", "/donnees/inconnu.csv", "/donnees/idees.pdf", "/donnees/inconnu/schema.json", "/api/v1/inconnu", "/ressources/xyz", "/ressources/00000000-0000-0000-0000-000000000000", `/ressources/${ids.resource}/fichiers/xyz`, `/ressources/${ids.resource}/fichiers/00000000-0000-0000-0000-000000000000`, "/lab/inconnu/ressources", "/lab/region-grand-est/ressources/xyz", "/competences/agents/xyz", "/competences/agents/00000000-0000-0000-0000-000000000000", "/competences/messages/xyz", "/competences/messages/00000000-0000-0000-0000-000000000000", "/lab/inconnu/competences"]) {
      const r = await clients.team.get(path);
      expect(r.status, path).toBe(404);
      frenchPage(await r.text());
    }
    // committees: unknown or malformed ids, another lab's address
    const steering = `/lab/labest/comites/${ids.steering}`;
    const unknownMeeting = `${steering}/reunions/00000000-0000-0000-0000-000000000000`;
    // questionnaires: unknown or malformed ids and links, another lab's address, a file that is not an export
    for (const path of ["/lab/inconnu/questionnaires", "/lab/labest/questionnaires/xyz", "/lab/labest/questionnaires/00000000-0000-0000-0000-000000000000", `/lab/labest/questionnaires/${ids.survey}/export/reponses.pdf`, "/lab/labest/questionnaires/xyz/resultats", "/questionnaires/xyz", "/questionnaires/00000000-0000-0000-0000-000000000000", "/questionnaires/lien/xyz", `/questionnaires/lien/${"a".repeat(500)}`]) {
      const r = await clients.labest.get(path);
      expect(r.status, path).toBe(404);
      frenchPage(await r.text());
    }
    // the lab's team downloads every answer, as CSV and as XLSX
    const csv = await clients.labest.get(`/lab/labest/questionnaires/${ids.survey}/export/reponses.csv`);
    expect(csv.status).toBe(200);
    expect((await csv.text()).split("\n").length).toBeGreaterThan(7286);
    const xlsx = await clients.labest.get(`/lab/labest/questionnaires/${ids.survey}/export/reponses.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    // Lab'EST's questionnaire under the Région lab's address: not there for its team
    expect((await clients.team.get(`/lab/region-grand-est/questionnaires/${ids.survey}`)).status).toBe(404);
    for (const path of [`/lab/labest/questionnaires/${ids.survey}`, `/lab/labest/questionnaires/${ids.survey}/resultats`, `/lab/labest/questionnaires/${ids.survey}/export/reponses.csv`]) {
      expect((await clients.agent.get(path)).status, path).toBe(403);
      expect((await clients.team.get(path)).status, path).toBe(403);
    }
    for (const query of ["question=pas-un-id&par=%27", `question=${ids.survey}&par=organisation`, "par=organisation", `question=${"x".repeat(5000)}`]) {
      expect((await clients.labest.get(`/lab/labest/questionnaires/${ids.survey}/resultats?${query}`)).status, query).toBe(200);
    }
    for (const path of ["/lab/inconnu/comites", "/lab/labest/comites/xyz", "/lab/labest/comites/00000000-0000-0000-0000-000000000000", `/lab/region-grand-est/comites/${ids.steering}`, `${steering}/reunions/xyz`, unknownMeeting, `${unknownMeeting}/invitation.ics`, `${unknownMeeting}/dossiers`, `${unknownMeeting}/compte-rendu`, `${unknownMeeting}/compte-rendu.pdf`, `${steering}/reunions/xyz/compte-rendu.pdf`]) {
      const r = await clients.labest.get(path);
      expect(r.status, path).toBe(404);
      frenchPage(await r.text());
    }
    // the members only: threads, directory, panel and its export
    for (const path of [`/communautes/${ids.community}/fils/${ids.thread}`, `/communautes/${ids.community}/membres`, `/communautes/${ids.community}/panel/${ids.question}`, `/communautes/${ids.community}/panel/${ids.question}/reponses.csv`, `/communautes/${ids.community}/panel/nouvelle`]) {
      const r = await clients.agent.get(path);
      expect(r.status, path).toBe(403);
      frenchPage(await r.text());
    }
    expect((await clients.member.get(`/communautes/${ids.community}/panel/${ids.question}/reponses.csv`)).status).toBe(403);
    expect((await clients.director.get(`/communautes/${ids.community}/panel/${ids.question}/reponses.csv`)).status).toBe(200);
    expect((await clients.member.get(`/communautes/${ids.community}/membres?site=${"x".repeat(5000)}&q=%27%22`)).status).toBe(200);
    const q = await clients.agent.get("/idees?q=%22%26%7C!(&page=-4&tri=drop&statut=x&campagne=zz&organisation=%27");
    expect(q.status).toBe(200);
    for (const page of ["-4", "abc", "1e9", "99999999999"]) expect((await clients.team.get(`/lab/region-grand-est/courriels?page=${page}`)).status, page).toBe(200);
    expect((await clients.team.get("/lab/region-grand-est/projets?stage=x&org=1&staff=%27&overdue=2&after=zzz&before=_&vue=3")).status).toBe(200);
    // the public API: a malformed query is a French JSON 400, a forged token a 401, never a 500
    for (const query of ["ideas?since=%27&limit=1e99", "ideas?status=draft&status=merged", "projects?cursor=..%2F..%2F", "project-stages?cursor=AAAA", "decisions?outcome=%3Cscript%3E", `themes?lab=${"x".repeat(5000)}`, "minilabs?limit=%F0%9F%98%80", "roadmap-progress?roadmap=pas-un-id", "roadmap-progress?item=zz&cursor=zzz"]) {
      const r = await clients.team.get(`/api/v1/${query}`);
      expect(r.status, query).toBe(400);
      expect(((await r.json()) as { error: { message: string } }).error.message, query).toMatch(/invalide|n’est pas valide/);
    }
    for (const authorization of ["Bearer", "Bearer gmr_", `Bearer gmr_${"A".repeat(5000)}`, "Basic dXNlcjpwYXNz", "Bearer ' OR 1=1 --"]) {
      expect((await fetch(`${server.url}/api/v1/ideas`, { headers: { authorization } })).status, authorization).toBe(401);
    }
    expect((await clients.team.get(`/lab/region-grand-est/projets?after=2026-01-01T00:00:00.000Z_${"0".repeat(8)}-0000-0000-0000-${"0".repeat(12)}`)).status).toBe(200);
    // a project's page: anyone signed in reads a non-confidential project's summary; its files are for the team
    expect((await clients.agent.get(`/projets/${ids.project}`)).status).toBe(200);
    expect((await clients.agent.get(`/mes-projets`)).status).toBe(200);
  });
});

describe("proposals and arbitration: who may and who may not", () => {
  it("lets only the addressed directorate decide, and only members write and read drafts", async () => {
    const decide = { intent: "decide", outcome: "deferred", reason: "Pas cette année.", corrects: "00000000-0000-0000-0000-000000000000" };
    for (const who of ["agent", "team", "labest", "juror", "otherDirector"]) {
      const r = await clients[who].post(`/propositions/${ids.decidedProposal}`, decide);
      expect(r.status, who).toBe(403);
      frenchPage(await r.text());
    }
    // the right director: a stale correction is a conflict, shown in the form
    expect((await clients.director.post(`/propositions/${ids.decidedProposal}`, decide)).status).toBe(409);
    expect((await clients.director.get("/arbitrage")).status).toBe(200);
    for (const who of ["agent", "team", "labest"]) expect((await clients[who].get("/arbitrage")).status, who).toBe(403);
    // drafts: the lab team and members read them; others get 404; only members write
    expect((await clients.team.get(`/propositions/${ids.draftProposal}`)).status).toBe(200);
    expect((await clients.agent.get(`/propositions/${ids.draftProposal}/modifier`)).status).toBe(200);
    expect((await clients.labest.get(`/propositions/${ids.draftProposal}`)).status).toBe(404);
    expect((await clients.team.get(`/propositions/${ids.draftProposal}/modifier`)).status).toBe(403);
    expect((await clients.team.get(`/minilabs/${ids.runningMinilab}/propositions/nouvelle`)).status).toBe(403);
    expect((await clients.labest.post(`/minilabs/${ids.runningMinilab}/propositions/nouvelle`, { title: "x" })).status).toBe(403);
    // a submitted proposal is read by anyone signed in, not edited by anyone
    expect((await clients.labest.get(`/propositions/${ids.decidedProposal}`)).status).toBe(200);
    expect((await clients.director.get(`/propositions/${ids.decidedProposal}/modifier`)).status).toBe(403);
    for (const path of ["/propositions/xyz", "/propositions/00000000-0000-0000-0000-000000000000", "/propositions/xyz/modifier", `/propositions/${ids.decidedProposal}/pieces/1`, `/propositions/${ids.decidedProposal}/pieces/00000000-0000-0000-0000-000000000000`, "/minilabs/xyz/propositions/nouvelle"]) {
      const r = await clients.team.get(path);
      expect(r.status, path).toBe(404);
      frenchPage(await r.text());
    }
  });
});

describe("the desk: who may and bad input", () => {
  it("keeps a lab's queue and settings to its team, a request to its people, and answers unknown ids with 404", async () => {
    for (const path of ["/lab/innovmandie/guichet", "/lab/innovmandie/guichet/reglages"]) {
      expect((await clients.labest.get(path)).status, path).toBe(403);
      expect((await clients.julien.get(path)).status, path).toBe(403);
      expect((await clients.innov.get(path)).status, path).toBe(200);
    }
    for (const path of ["/lab/inconnu/guichet", "/lab/inconnu/guichet/reglages", "/demandes/xyz", "/demandes/00000000-0000-0000-0000-000000000000", "/demandes/xyz/modifier", `/demandes/${ids.request}/pieces/xyz`, `/demandes/${ids.request}/pieces/00000000-0000-0000-0000-000000000000`]) {
      const r = await clients.innov.get(path);
      expect(r.status, path).toBe(404);
      frenchPage(await r.text());
    }
    // not theirs: the request does not exist for them (404), a draft neither; a sent request is not edited (403)
    for (const path of [`/demandes/${ids.request}`, `/demandes/${ids.draftRequest}`, `/demandes/${ids.draftRequest}/modifier`]) expect((await clients.agent.get(path)).status, path).toBe(404);
    expect((await clients.labest.get(`/demandes/${ids.request}`)).status).toBe(404);
    expect((await clients.innov.get(`/demandes/${ids.draftRequest}`)).status).toBe(404);
    expect((await clients.julien.get(`/demandes/${ids.julienRequest}/modifier`)).status).toBe(403);
    expect((await clients.julien.get(`/demandes/${ids.julienRequest}`)).status).toBe(200);
    // malformed filters and cursors are ignored
    for (const q of ["statut=x&type=%27&responsable=pas-un-id&apres=AAAA", "q=%22%27%25_&apres=" + "x".repeat(500), "statut=draft&commanditaire=1", "apres=WzAsIm5vbiIsIngiXQ"]) {
      expect((await clients.innov.get(`/lab/innovmandie/guichet?${q}`)).status, q).toBe(200);
    }
    const nul = await clients.innov.get("/lab/innovmandie/guichet?q=cong%00es");
    expect(nul.status).toBe(400);
    expect(await nul.text()).toContain("caractère nul");
    const anon = new Client(server.url);
    for (const path of ["/guichet", "/guichet/nouvelle", "/mes-demandes", `/demandes/${ids.request}`]) {
      const r = await anon.get(path);
      expect(r.status, path).toBe(302);
      expect(r.headers.get("location"), path).toMatch(/^\/connexion/);
    }
  });

  it("refuses a file that is not a PDF or an image, beside the field, keeping what was typed", async () => {
    const fd = new FormData();
    fd.append("intent", "message");
    fd.append("body", "Voici le relevé des appels.");
    fd.append("attachments", new File(["<html><script>alert(1)</script>"], "releve.pdf", { type: "application/pdf" }));
    fd.append("_csrf", await clients.innov.csrf(`/demandes/${ids.request}`));
    const r = await clients.innov.post(`/demandes/${ids.request}`, fd, { csrf: false });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("n’est ni un PDF ni une image");
    expect(html).toContain("Voici le relevé des appels.");
  });
});

describe("roadmaps and the public tracker: who sees what", () => {
  it("keeps the roadmap's pages to the lab team of its lab, opens the tracker to everyone, and answers unknown ids with 404", async () => {
    const roadmap = `/lab/labest/feuille-de-route/${ids.roadmap}`;
    const pages = ["/lab/labest/feuille-de-route", roadmap, `${roadmap}/reglages`, `${roadmap}/elements/${ids.roadmapItem}`, `${roadmap}/export/feuille-de-route.csv`, `${roadmap}/export/feuille-de-route.xlsx`, `${roadmap}/import`, `${roadmap}/export/modele-import.csv`, `${roadmap}/export/modele-import.xlsx`];
    for (const path of pages) {
      expect((await clients.labest.get(path)).status, `lab team ${path}`).toBe(200);
      for (const who of ["team", "agent", "director"]) {
        const r = await clients[who].get(path);
        expect(r.status, `${who} ${path}`).toBe(403);
        frenchPage(await r.text());
      }
      const anon = await new Client(server.url).get(path);
      expect(anon.status, `signed out ${path}`).toBe(302);
    }
    // a roadmap through another lab's pages does not exist
    expect((await clients.team.get(`/lab/region-grand-est/feuille-de-route/${ids.roadmap}`)).status).toBe(404);
    const csv = await clients.labest.get(`${roadmap}/export/feuille-de-route.csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(await csv.text()).toContain("DataGrandEst");
    for (const path of [`${roadmap}/export/feuille-de-route.pdf`, `${roadmap}/export/autre.csv`, `/lab/labest/feuille-de-route/xyz`, "/lab/labest/feuille-de-route/00000000-0000-0000-0000-000000000000", `${roadmap}/elements/xyz`, `${roadmap}/elements/00000000-0000-0000-0000-000000000000`, `${roadmap}/jalons/00000000-0000-0000-0000-000000000000/preuve`, `${roadmap}/jalons/xyz/preuve`, `${roadmap}/import/xyz`, `${roadmap}/import/00000000-0000-0000-0000-000000000000`, `${roadmap}/export/modele-import.pdf`, "/lab/inconnu/feuille-de-route", "/lab/labest/feuille-de-route/xyz/reglages"]) {
      const r = await clients.labest.get(path);
      expect(r.status, path).toBe(404);
      frenchPage(await r.text());
    }
    // the tracker: no sign-in; a lab without a published roadmap, or unknown, is 404 (its feeds too)
    const anon = new Client(server.url);
    expect((await anon.get("/traceur/labest")).status).toBe(200);
    const atom = await anon.get("/traceur/labest/flux.atom");
    expect(atom.status).toBe(200);
    expect(atom.headers.get("content-type")).toContain("application/atom+xml");
    expect(await atom.text()).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    for (const path of ["/traceur/inconnu", "/traceur/region-grand-est", "/traceur/inconnu/flux.atom", "/traceur/inconnu/direct", "/traceur/region-grand-est/direct", "/traceur/%00"]) {
      const r = await anon.get(path);
      expect([400, 404], path).toContain(r.status);
    }
    // its live stream: a snapshot that says nothing but « something changed »
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/traceur/labest/direct`, { signal: controller.signal });
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    const reader = stream.body!.getReader();
    let first = "";
    for (let n = 0; n < 5 && !first.includes("event: snapshot"); n++) first += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(first).toContain("event: snapshot\ndata: {}");
  });
});

describe("events and the network calendar: who sees what", () => {
  it("opens the calendar, open events and the feeds to everyone, keeps agents-only events and the lab's pages, and answers bad addresses with 4xx", async () => {
    const anon = new Client(server.url);
    for (const path of ["/evenements", "/evenements?vue=liste&mois=2026-11", "/evenements?vue=mois&mois=2026-11&ouvert=1&tag=mois-innovation&type=day&public=all&region=Grand%20Est", "/evenements?mois=9999-99&lab=x&type=fete&region=Atlantide&ouvert=peut-etre&public=tous&tag=autre&vue=annee", `/evenements?lab=${"a".repeat(5000)}`]) {
      const r = await anon.get(path);
      expect(r.status, path).toBe(200);
      frenchPage(await r.text());
    }
    // control characters and broken UTF-8 in the address: the kernel's French 400, or the filters dropped
    for (const path of ["/evenements?type=%00", "/evenements?region=%C3%28"]) {
      const r = await anon.get(path);
      expect([200, 400], path).toContain(r.status);
      frenchPage(await r.text());
    }
    const feed = await anon.get("/evenements/calendrier.ics");
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toContain("text/calendar");
    expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);
    // an agents-only event: 404 for the signed-out (page and .ics), 200 for an agent
    for (const path of [`/evenements/${ids.agentsEvent}`, `/evenements/${ids.agentsEvent}/evenement.ics`]) {
      expect((await anon.get(path)).status, path).toBe(404);
      expect((await clients.agent.get(path)).status, path).toBe(200);
    }
    expect(await (await anon.get("/evenements/calendrier.ics")).text()).not.toContain(ids.agentsEvent);
    for (const path of ["/evenements/xyz", "/evenements/00000000-0000-0000-0000-000000000000", "/evenements/xyz/evenement.ics", "/evenements/00000000-0000-0000-0000-000000000000/evenement.ics", "/evenements/labs/xyz/calendrier.ics", "/evenements/labs/00000000-0000-0000-0000-000000000000/calendrier.ics", "/evenements/%00"]) {
      const r = await anon.get(path);
      expect([400, 404], path).toContain(r.status);
    }
    // the lab's pages: its team only; another lab's team and agents 403; unknown ids 404
    for (const path of ["/lab/labest/evenements", "/lab/labest/evenements/nouveau", "/lab/labest/evenements/reseau", `/lab/labest/evenements/${ids.event}`]) {
      expect((await clients.labest.get(path)).status, `lab team ${path}`).toBe(200);
      for (const who of ["team", "agent"]) expect((await clients[who].get(path)).status, `${who} ${path}`).toBe(403);
      expect((await anon.get(path)).status, `signed out ${path}`).toBe(302);
    }
    for (const path of ["/lab/labest/evenements/xyz", "/lab/labest/evenements/00000000-0000-0000-0000-000000000000", "/lab/inconnu/evenements"]) {
      const r = await clients.labest.get(path);
      expect(r.status, path).toBe(404);
      frenchPage(await r.text());
    }
    expect((await clients.team.get(`/lab/region-grand-est/evenements/${ids.event}`)).status).toBe(404);
    // « mes événements » and the private feed: the signed-out go to sign-in; an unknown or malformed secret is 404
    expect((await anon.get("/mes-evenements")).status).toBe(302);
    expect((await clients.agent.get("/mes-evenements")).status).toBe(200);
    for (const token of ["xyz", "A".repeat(43), "%27%22", "y".repeat(5000)]) expect((await anon.get(`/evenements/mes-inscriptions/${token}/calendrier.ics`)).status, token).toBe(404);
  });
});

describe("trainings: who sees what", () => {
  it("opens the catalogue to agents, keeps the lab's pages to its team, and answers unknown ids with 404", async () => {
    const training = `/lab/region-grand-est/formations/${ids.training}`;
    const session = `${training}/sessions/${ids.trainingSession}`;
    for (const path of ["/formations", "/formations?ouvertes=1&format=x&lab=%27", `/formations?lab=${"x".repeat(5000)}`, "/mes-formations", `/formations/${ids.training}`]) {
      expect((await clients.agent.get(path)).status, path).toBe(200);
    }
    for (const path of ["/lab/region-grand-est/formations", "/lab/region-grand-est/formations/bilan", "/lab/region-grand-est/formations/bilan?annee=abc", training, session]) {
      expect((await clients.team.get(path)).status, path).toBe(200);
      expect((await clients.labest.get(path)).status, path).toBe(403);
      expect((await clients.agent.get(path)).status, path).toBe(403);
    }
    const csv = await clients.team.get("/lab/region-grand-est/formations/bilan.csv?annee=9999");
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain("Administration qui organise");
    expect((await clients.labest.get("/lab/region-grand-est/formations/bilan.csv")).status).toBe(403);
    for (const path of ["/formations/xyz", "/formations/00000000-0000-0000-0000-000000000000", "/lab/inconnu/formations", "/lab/region-grand-est/formations/xyz", `${training}/sessions/xyz`, `${training}/sessions/00000000-0000-0000-0000-000000000000`, `/formations/${ids.training}/sessions/00000000-0000-0000-0000-000000000000/attestation.pdf`]) {
      const r = await clients.team.get(path);
      expect(r.status, path).toBe(404);
      frenchPage(await r.text());
    }
    // a training through another lab's pages does not exist
    expect((await clients.labest.get(`/lab/labest/formations/${ids.training}`)).status).toBe(404);
    // someone else's attestation: the lab team of the training only
    expect((await clients.labest.get(`/formations/${ids.training}/sessions/${ids.trainingSession}/attestation.pdf?agent=00000000-0000-0000-0000-000000000000`)).status).toBe(403);
    // the manager's page: its link's secret, or nothing
    for (const token of ["xyz", "x".repeat(43), "%27%22", "y".repeat(5000)]) expect((await new Client(server.url).get(`/formations/accord/${token}`)).status, token).toBe(404);
    // the signed-out go to sign-in
    expect((await new Client(server.url).get("/formations")).status).toBe(302);
  });
});

describe("committees: who sees what", () => {
  it("shows a committee's pages to the lab team and its members, and nothing (404) to another lab's team or other agents", async () => {
    const steering = `/lab/labest/comites/${ids.steering}`;
    const held = `${steering}/reunions/${ids.heldMeeting}`;
    const next = `${steering}/reunions/${ids.nextMeeting}`;
    const pages = ["/lab/labest/comites", steering, held, `${held}/invitation.ics`, `${held}/dossiers`, `${held}/compte-rendu`, `${held}/compte-rendu.pdf`, next];
    for (const path of pages) {
      expect((await clients.labest.get(path)).status, `lab team ${path}`).toBe(200);
      expect((await clients.team.get(path)).status, `member ${path}`).toBe(200);
      const agent = await clients.agent.get(path);
      expect(agent.status, `agent ${path}`).toBe(404);
      frenchPage(await agent.text());
    }
    const ics = await clients.team.get(`${next}/invitation.ics`);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    expect(await ics.text()).toContain("BEGIN:VCALENDAR");
    const pdf = await clients.team.get(`${held}/compte-rendu.pdf`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    // The next meeting's minutes are not written: a member has nothing to read, the lab team drafts them.
    expect((await clients.team.get(`${next}/compte-rendu`)).status).toBe(404);
    expect((await clients.labest.get(`${next}/compte-rendu`)).status).toBe(200);
    // The Région lab's team sees no Lab'EST committee through its own lab's address either.
    expect((await clients.labest.get("/lab/region-grand-est/comites")).status).toBe(404);
    const anon = new Client(server.url);
    const r = await anon.get(steering);
    expect(r.status).toBe(302);
    expect(r.headers.get("location")).toMatch(/^\/connexion/);
  });
});

describe("Mes données and the legal pages: who may and bad input", () => {
  it("shows the four legal pages to everyone, with the operator's values", async () => {
    const anon = new Client(server.url);
    for (const [path, text] of [
      ["/mentions-legales", "Directeur ou directrice de la publication"],
      ["/donnees-personnelles", "dpd@exemple.gouv.fr"],
      ["/accessibilite", "partiellement conforme"],
      ["/plan-du-site", "Mes données"],
    ]) {
      const r = await anon.get(path);
      expect(r.status, path).toBe(200);
      const html = await r.text();
      expect(html, path).toContain(text);
      // every page's footer links to them
      for (const link of ["/mentions-legales", "/donnees-personnelles", "/accessibilite", "/plan-du-site"]) expect(html, `${path} → ${link}`).toContain(`href="${link}"`);
    }
    // the retention durations shown are the configuration's (defaults here)
    expect(await (await anon.get("/donnees-personnelles")).text()).toMatch(/90\u00a0jours[^<]*après l’envoi/);
  });

  it("sends signed-out visitors to sign-in, and shows each agent only their own data", async () => {
    const anon = new Client(server.url);
    for (const path of ["/mes-donnees", "/mes-donnees/export.json", "/mes-donnees/supprimer"]) {
      const r = await anon.get(path);
      expect(r.status, path).toBe(302);
      expect(r.headers.get("location"), path).toBe(`/connexion?retour=${encodeURIComponent(path)}`);
    }
    const page = await clients.agent.get("/mes-donnees");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(agents[10].email);
    const file = await clients.agent.get("/mes-donnees/export.json");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toContain("application/json");
    expect(file.headers.get("content-disposition")).toMatch(/^attachment; filename="mes-donnees-\d{4}-\d{2}-\d{2}\.json"$/);
    const doc = JSON.parse(await file.text());
    expect(doc.account[0].email).toBe(agents[10].email);
    const otherEmails = [email("dimap-1"), email("juror-1"), agents[20].email];
    for (const other of otherEmails) expect(JSON.stringify(doc)).not.toContain(other);
    // query strings and trailing junk change nothing
    expect((await clients.agent.get("/mes-donnees?compte=00000000-0000-0000-0000-000000000000")).status).toBe(200);
    expect((await clients.agent.get("/mes-donnees/export.json?id=1%27")).status).toBe(200);
  });

  it("refuses a deletion without the confirmation word, in French, and deletes with it", async () => {
    const agent = agents[agents.length - 1];
    const c = new Client(server.url);
    await c.signInAs(agent.email);
    for (const fields of [{} as Record<string, string | string[]>, { confirmation: "" }, { confirmation: "supprimé" }, { confirmation: ["SUPPRIMER", "SUPPRIMER"] }, { confirmation: "S".repeat(50_000) }, { confirmation: "SUPPRIMER\u0000" }]) {
      const r = await c.post("/mes-donnees/supprimer", fields);
      expect(r.status, JSON.stringify(fields).slice(0, 60)).toBe(400);
      expect(await r.text()).toContain("Confirmation");
    }
    expect((await c.get("/mes-donnees")).status).toBe(200);
    const oldCookie = c.cookies.get("germoir_session")!;
    const done = await c.post("/mes-donnees/supprimer", { confirmation: "supprimer" });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/compte-supprime");
    expect(c.cookies.has("germoir_session")).toBe(false);
    expect((await c.get("/compte-supprime")).status).toBe(200);
    // the old cookie opens nothing any more, and the demo picker no longer offers the account
    const replay = new Client(server.url);
    replay.cookies.set("germoir_session", oldCookie);
    const r = await replay.get("/mes-donnees");
    expect(r.status).toBe(302);
    expect(r.headers.get("location")).toMatch(/^\/connexion/);
    await expect(new Client(server.url).signInAs(agent.email)).rejects.toThrow();
  });
});


describe("the ideas list: malformed cursors and searches", () => {
  it("ignores forged, truncated or foreign cursors and control characters, never a 500", async () => {
    const forged = Buffer.from('["recent",1e99,"x"]').toString("base64url");
    const otherSort = Buffer.from('["supported",1,1,"00000000-0000-0000-0000-000000000000"]').toString("base64url");
    for (const query of [
      `apres=${forged}`,
      `avant=${forged}`,
      `apres=${otherSort}&tri=recent`,
      `apres=${"A".repeat(5000)}`,
      "apres=%01&avant=%FF",
      "apres=abc&avant=def&tri=relevance",
      `q=${"menaj%20".repeat(60)}`,
      "q=%E2%80%AE%E2%80%8Bmenaj",
    ]) {
      const res = await clients.agent.get(`/idees?${query}`);
      expect(res.status, query).toBe(200);
      expect(await res.text(), query).toContain("<h1>Idées</h1>");
    }
    // a NUL character in the search is refused in French (the forms kernel's rule), never a 500
    for (const query of ["q=%00&apres=x", "q=cant%00ine%0D%0A&tri=supported", "apres=%00%01&avant=%FF"]) {
      const res = await clients.agent.get(`/idees?${query}`);
      expect(res.status, query).toBe(400);
      expect(await res.text(), query).toContain("caractère nul");
    }
    // the lab's outbox takes the same kind of cursors; an agent gets 403 whatever the cursor
    const labSlug = /href="\/lab\/([a-z0-9-]+)\/courriels"/.exec(await (await clients.team.get("/lab")).text())?.[1];
    expect(labSlug).toBeDefined();
    for (const query of [`apres=${forged}`, `avant=${"A".repeat(5000)}`, "apres=%01&avant=x"]) {
      expect((await clients.team.get(`/lab/${labSlug}/courriels?${query}`)).status, query).toBe(200);
      expect((await clients.agent.get(`/lab/${labSlug}/courriels?${query}`)).status, query).toBe(403);
    }
  });
});

describe("exports and the campaign ranking's filters: bad input", () => {
  const exportPaths = () => [
    `/lab/campagnes/${ids.campaign}/export/idees.csv`,
    `/lab/campagnes/${ids.campaign}/export/classement.xlsx`,
    `/minilabs/${ids.runningMinilab}/export/membres.csv`,
    "/lab/region-grand-est/minilabs/export/decisions.xlsx",
    "/arbitrage/export/decisions.csv",
  ];

  it("answers malformed export paths with 404 (403 to whoever may not), never 500", async () => {
    const malformed = [
      "/lab/campagnes/123/export/idees.csv",
      "/lab/campagnes/00000000-0000-0000-0000-000000000000/export/classement.xlsx",
      `/lab/campagnes/${ids.campaign}/export/..%2F..%2Fetc%2Fpasswd`,
      `/lab/campagnes/${ids.campaign}/export/${"a".repeat(5000)}.csv`,
      `/lab/campagnes/${ids.campaign}/export/idees.CSV`,
      `/lab/campagnes/${ids.campaign}/export/%E2%80%AEvsc.xlsx`,
      "/minilabs/xyz/export/membres.csv",
      `/minilabs/${ids.runningMinilab}/export/membres.ods`,
      "/lab/inconnu/minilabs/export/decisions.csv",
      "/lab/region-grand-est/minilabs/export/decisions.json",
      "/arbitrage/export/decisions",
    ];
    // a NUL character anywhere in the address is refused first, in French (400), for everyone
    for (const path of [`/lab/campagnes/${ids.campaign}/export/idees.csv%00.xlsx`, "/arbitrage/export/%00.csv"])
      for (const who of ["team", "agent", "director"]) expect((await clients[who].get(path)).status, `${who} ${path}`).toBe(400);
    for (const path of malformed) {
      expect((await clients.team.get(path)).status, path).toBe(404);
      expect([403, 404], path).toContain((await clients.agent.get(path)).status);
      expect([403, 404], path).toContain((await clients.labest.get(path)).status);
    }
    for (const path of exportPaths()) {
      const anon = await new Client(server.url).get(path);
      expect(anon.status, path).toBe(302);
      // an export has no action: a POST is refused, never run
      const post = await clients.team.post(path, { intent: "x" });
      expect([403, 404, 405], path).toContain(post.status);
      expect((await clients.agent.get(path)).status, path).toBe(403);
    }
  });

  it("ignores malformed ranking filters for the lab team, and refuses them to everyone else (403)", async () => {
    const garbage = [
      `q=%01${"x".repeat(5000)}&statut=pape&organisation=%27%3B--&primee=peut-etre&page=-3`,
      "page=1e99&page=abc&q=&statut=&primee=oui&primee=non",
      "organisation=00000000-0000-0000-0000-000000000000&statut=draft&q=%22%26%7C!(",
      `q=${encodeURIComponent("\u202e<script>")}&page=99999999999`,
    ];
    for (const qs of garbage) {
      const path = `/lab/campagnes/${ids.campaign}?${qs}`;
      const r = await clients.team.get(path);
      expect(r.status, qs).toBe(200);
      expect(await r.text(), qs).not.toContain("<script>");
      for (const who of ["agent", "labest", "juror"]) expect((await clients[who].get(path)).status, `${who} ${qs}`).toBe(403);
    }
  });
});



// Runs last (tests run in file order): the server's log of the whole barrage above.
it("logged no server error while receiving all of it", () => {
  // 5xx responses are logged at level "error"; the test server logs warnings and errors.
  const errors = server.logs.join("").split("\n").filter((l) => l.includes('"level":"error"') || /^\s+at /.test(l));
  expect(errors).toEqual([]);
});

describe("a NUL character is refused with a French message, never a 500 (issue 9)", () => {
  const NUL = "\u0000";
  const beside = /Ce champ contient un caractère non autorisé \(caractère nul\)/;

  it("in a search and in the similar-ideas lookup", async () => {
    const search = await clients.agent.get("/idees?q=cantine%00scolaire");
    expect(search.status).toBe(400);
    const html = await search.text();
    expect(html).toContain('lang="fr"');
    expect(html).toContain("caractère nul");
    const similar = await clients.agent.get("/idees/proches?titre=a%00b");
    expect(similar.status).toBe(400);
    expect((await similar.json()).error).toContain("caractère nul");
  });

  it("in an idea's title, a comment, a community message and reply, a board note — beside the field", async () => {
    const posts: [string, Client, Record<string, string>][] = [
      [`/campagnes/${ids.openCampaign}/deposer`, clients.agent, { title: `Une idée${NUL}cachée`, problem: "p".repeat(40), proposal: "s".repeat(40), beneficiaries: "tous", coauthors: "", intent: "submit" }],
      [`/campagnes/${ids.openCampaign}/deposer`, clients.agent, { title: `Un brouillon${NUL}`, problem: "", proposal: "", beneficiaries: "", coauthors: "", intent: "draft" }],
      [`/idees/${ids.idea}`, clients.agent, { intent: "comment", body: `Bien vu${NUL}` }],
      [`/communautes/${ids.community}`, clients.member, { intent: "post", kind: "discussion", title: "Un titre correct", body: `Un message assez long pour passer${NUL} la règle` }],
      [`/communautes/${ids.community}/fils/${ids.thread}`, clients.member, { intent: "reply", body: `Une réponse${NUL}` }],
      [`/minilabs/${ids.runningMinilab}/seances/${ids.session}/tableau`, clients.agent, { intent: "add", column: "idees", text: `Un post-it${NUL}` }],
      [`/lab/labest/comites/${ids.steering}/reunions/${ids.nextMeeting}`, clients.labest, { intent: "addItem", kind: "free", title: `Un point${NUL}`, summary: "" }],
    ];
    for (const [path, c, fields] of posts) {
      const r = await c.post(path, fields);
      const html = await r.text();
      expect(r.status, `${path} ${fields.intent}`).toBe(400);
      expect(html, path).toMatch(beside);
      expect(html, path).toContain('lang="fr"');
    }
  });
});

describe("the CSRF token is bound to the session and renewed at sign-in (issue 9)", () => {
  it("refuses a token served to another session", async () => {
    const mine = await clients.agent.csrf("/notifications");
    const theirs = await clients.member.csrf("/notifications");
    expect(mine).not.toBe(theirs);
    // The other session's token, even with this browser's own cookies: refused.
    const r = await clients.agent.post("/notifications", { intent: "readAll" }, { csrf: theirs });
    expect(r.status).toBe(403);
    expect(await r.text()).toMatch(/formulaire a expiré/);
    // Its own token still works.
    expect((await clients.agent.post("/notifications", { intent: "readAll" }, { csrf: mine })).status).toBeLessThan(400);
  });

  it("refuses a token served before sign-in once signed in, and renews the CSRF cookie", async () => {
    const c = new Client(server.url);
    const before = await c.csrf("/connexion/demo");
    const cookieBefore = c.cookies.get("germoir_csrf");
    const signedIn = await c.post("/connexion/demo", { email: agents[21].email }, { csrf: before });
    expect(signedIn.status).toBe(302);
    expect(c.cookies.get("germoir_csrf")).toBeTruthy();
    expect(c.cookies.get("germoir_csrf")).not.toBe(cookieBefore);
    const stale = await c.post("/notifications", { intent: "readAll" }, { csrf: before });
    expect(stale.status).toBe(403);
    const fresh = await c.csrf("/notifications");
    expect(fresh).not.toBe(before);
    expect((await c.post("/notifications", { intent: "readAll" }, { csrf: fresh })).status).toBeLessThan(400);
    // A token of the signed-in session is no use once signed out either.
    expect((await c.post("/deconnexion", {}, { csrf: fresh })).status).toBe(302);
    expect((await c.post("/connexion/demo", { email: agents[21].email }, { csrf: fresh })).status).toBe(403);
  });
});

describe("the sign-in page and the return path (issue 9)", () => {
  it("shows its own message for an error code, never the text of the address", async () => {
    const anon = new Client(server.url);
    const forged = await (await anon.get(`/connexion?erreur=${encodeURIComponent("Votre compte est bloqué : appelez le 01 23 45 67 89")}`)).text();
    expect(forged).not.toContain("appelez le 01 23 45 67 89");
    expect(forged).toMatch(/role="alert"><p>La connexion n’a pas abouti\. Recommencez\.<\/p>/);
    expect(await (await anon.get("/connexion?erreur=interrompue")).text()).toContain("La connexion a été interrompue par le fournisseur d’identité.");
    expect(await (await anon.get("/connexion?erreur=indisponible")).text()).toContain("Le fournisseur d’identité ne répond pas.");
    expect(await (await anon.get("/connexion")).text()).not.toContain('role="alert"');
  });

  it("sends a demo sign-in with a malicious return path home, never a 500", async () => {
    for (const returnTo of ["/\r\n/evil.example", "/\t/evil.example", "//evil.example", "https://evil.example", "/\\evil.example", "/%2F%2Fevil.example"]) {
      const c = new Client(server.url);
      const r = await c.post("/connexion/demo", { email: agents[22].email, returnTo }, { csrf: await c.csrf("/connexion/demo") });
      expect(r.status, JSON.stringify(returnTo)).toBe(302);
      expect(r.headers.get("location"), JSON.stringify(returnTo)).toBe("/");
    }
    const c = new Client(server.url);
    const page = await (await c.get(`/connexion/demo?retour=${encodeURIComponent("/\t/evil.example")}`)).text();
    expect(page).toContain('name="returnTo" value="/"');
  });
});

describe("malformed addresses get our 400 page, never a stack trace (issue 9)", () => {
  it("answers /%E0%A4%A and its kind with a French 400 page", async () => {
    for (const path of ["/%E0%A4%A", "/idees/%E0%A4%A", "/%", "/idees/%zz/modifier", "/connexion/%C0%AF"]) {
      const r = await fetch(server.url + path);
      const html = await r.text();
      expect(r.status, path).toBe(400);
      expect(html, path).toContain('lang="fr"');
      expect(html, path).toContain("L’adresse demandée est mal formée.");
      expect(html, path).not.toMatch(/URIError|at [\w.]+ \(|node_modules|\/work\//);
    }
  });
});

describe("attachment names lose their bidi and invisible characters (issue 9)", () => {
  it("shows « facture\\u202Efdp.pdf » as facturefdp.pdf on the idea", async () => {
    const fd = new FormData();
    for (const [k, v] of Object.entries({ title: "Une facture bien nommée", problem: "", proposal: "", beneficiaries: "", coauthors: "", intent: "draft" })) fd.append(k, v);
    fd.append("attachments", new File([Buffer.from("%PDF-1.4\n% essai\n")], "facture\u202Efdp\u200B.pdf", { type: "application/pdf" }));
    const r = await clients.agent.post(`/campagnes/${ids.openCampaign}/deposer`, fd);
    expect(r.status).toBe(302);
    const html = await (await clients.agent.get(r.headers.get("location")!.split("?")[0])).text();
    expect(html).toContain("facturefdp.pdf");
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B]/);
  });
});

describe("issue 9 blocks above", () => {
  it("logged no server error", () => {
    const errors = server.logs.join("").split("\n").filter((l) => l.includes('"level":"error"') || /^\s+at /.test(l));
    expect(errors).toEqual([]);
  });
});

// ---------------------------------------------------------------- who may, before what was sent

/**
 * Every action route and each of its intents, with a user who may not do it: a malformed body
 * from them must be refused for who they are (403, 404, or the sign-in for the signed-out), never
 * answered 400 about what they sent — permission is checked before validation. `exempt` names the
 * intents that read no field (nothing to validate) or are open to everyone, and why.
 */
type Denied = { file: string; path: () => string; intents: (string | null)[]; as: string; exempt?: Record<string, string> };
const denied: Denied[] = [
  { file: "community-panel-new", path: () => `/communautes/${ids.community}/panel/nouvelle`, intents: [null], as: "agent" },
  { file: "community-panel", path: () => `/communautes/${ids.community}/panel/${ids.question}`, intents: [null], as: "outsider" },
  { file: "community-thread", path: () => `/communautes/${ids.community}/fils/${ids.thread}`, intents: ["reply", "sendIdea", "hide"], as: "outsider" },
  { file: "community-thread", path: () => `/communautes/${ids.community}/fils/${ids.thread}`, intents: ["hide"], as: "member" },
  { file: "community", path: () => `/communautes/${ids.community}`, intents: ["post"], as: "outsider", exempt: { join: "open to every signed-in agent, reads no field", leave: "reads no field" } },
  { file: "idea-edit", path: () => `/idees/${ids.idea}/modifier`, intents: ["submit", "draft", "similar"], as: "outsider" },
  { file: "idea-new", path: () => `/campagnes/${ids.juryCampaign}/deposer`, intents: ["submit", "draft", "similar"], as: "agent" },
  { file: "idea", path: () => `/idees/${ids.idea}`, intents: ["hide", "unhide", "hideComment"], as: "agent", exempt: { support: "reads no field", unsupport: "reads no field", accept: "reads no field", decline: "reads no field" } },
  { file: "idea", path: () => `/idees/00000000-0000-4000-8000-000000000000`, intents: ["comment", "hide", "hideComment"], as: "agent" },
  { file: "jury-idea", path: () => `/jury/idees/${ids.juryIdea}`, intents: [null], as: "agent" },
  { file: "lab-analyses", path: () => "/lab/region-grand-est/problematiques", intents: [null], as: "agent" },
  { file: "lab-analysis", path: () => `/lab/analyses/${ids.analysis}`, intents: ["cancel", "publish", "rerun", "unpublish", "validate", "unvalidate"], as: "agent" },
  { file: "lab-campaign-duplicates", path: () => `/lab/campagnes/${ids.campaign}/doublons`, intents: ["merge"], as: "agent" },
  { file: "lab-campaign-edit", path: () => `/lab/campagnes/${ids.campaign}/modifier`, intents: [null], as: "agent" },
  { file: "lab-campaign-new", path: () => "/lab/region-grand-est/campagnes/nouvelle", intents: [null], as: "agent" },
  { file: "lab-campaign", path: () => `/lab/campagnes/${ids.campaign}`, intents: ["addJuror", "removeJuror", "award", "closeAwards", "publish", "extend", "close"], as: "labest" },
  { file: "lab-tokens", path: () => "/lab/region-grand-est/jetons", intents: ["create", "revoke"], as: "labest" },
  { file: "lab-tokens", path: () => "/lab/region-grand-est/jetons", intents: ["create", "revoke"], as: "agent" },
  { file: "lab-community-edit", path: () => `/lab/region-grand-est/communautes/${ids.community}/modifier`, intents: [null], as: "agent" },
  { file: "lab-community-new", path: () => "/lab/region-grand-est/communautes/nouvelle", intents: [null], as: "agent" },
  { file: "lab-methods", path: () => "/lab/region-grand-est/methodes", intents: ["add", "archive"], as: "agent" },
  { file: "lab-minilab-new", path: () => "/lab/region-grand-est/minilabs/nouveau", intents: [null], as: "agent" },
  { file: "lab-roles", path: () => "/lab/region-grand-est/roles", intents: ["grant", "revoke", "deletedContributions"], as: "agent" },
  { file: "lab-theme", path: () => `/lab/analyses/${ids.analysis}/themes/${ids.theme}`, intents: ["rename", "merge", "move", "split", "validate", "unvalidate"], as: "agent" },
  { file: "minilab-board", path: () => `/minilabs/${ids.runningMinilab}/seances/${ids.session}/tableau`, intents: ["add", "edit", "delete", "move", "up", "down", "vote", "open"], as: "outsider" },
  { file: "minilab-board", path: () => `/minilabs/${ids.runningMinilab}/seances/${ids.session}/tableau`, intents: ["open"], as: "agent" },
  { file: "minilab-session-edit", path: () => `/minilabs/${ids.runningMinilab}/seances/${ids.session}/modifier`, intents: [null], as: "agent" },
  { file: "minilab-session-new", path: () => `/minilabs/${ids.runningMinilab}/seances/nouvelle`, intents: [null], as: "agent" },
  { file: "minilab-session", path: () => `/minilabs/${ids.runningMinilab}/seances/${ids.session}`, intents: ["attendance", "notes"], as: "agent" },
  { file: "minilab", path: () => `/minilabs/${ids.runningMinilab}`, intents: ["invite", "accept", "refuse"], as: "agent", exempt: { join: "open to every agent who sees the Mini-Lab, reads no field", decline: "reads no field", leave: "reads no field" } },
  { file: "notifications", path: () => "/notifications", intents: ["readAll", "read", "mailPrefs"], as: "anon" },
  // one's own account only: nobody else has a way to name it; the signed-out go to sign-in
  { file: "my-data-delete", path: () => "/mes-donnees/supprimer", intents: [null], as: "anon" },
  { file: "proposal-edit", path: () => `/propositions/${ids.draftProposal}/modifier`, intents: [null], as: "outsider" },
  { file: "proposal-new", path: () => `/minilabs/${ids.runningMinilab}/propositions/nouvelle`, intents: [null], as: "outsider" },
  { file: "proposal", path: () => `/propositions/${ids.draftProposal}`, intents: ["submit", "decide"], as: "outsider" },
  { file: "proposal", path: () => `/propositions/${ids.decidedProposal}`, intents: ["decide"], as: "agent" },
  { file: "lab-project-new", path: () => "/lab/region-grand-est/projets/nouveau", intents: [null, "fromDecision"], as: "agent" },
  { file: "lab-project-new", path: () => "/lab/region-grand-est/projets/nouveau", intents: [null, "fromDecision"], as: "labest" },
  { file: "lab-project-settings", path: () => "/lab/region-grand-est/projets/modeles", intents: [null], as: "labest" },
  // a non-confidential project: any agent reads its summary, only its team writes
  { file: "project-edit", path: () => `/projets/${ids.project}/modifier`, intents: [null], as: "agent" },
  { file: "project", path: () => `/projets/${ids.project}`, intents: [null, "deliverable", "journal", "indicator", "measure", "attach", "requestGate", "outcome", "conditionMet", "pause", "stop", "resume", "proposeNetwork"], as: "agent" },
  { file: "project", path: () => `/projets/${ids.project}`, intents: ["outcome", "pause", "stop", "resume", "requestGate", "proposeNetwork"], as: "labest" },
  { file: "project", path: () => "/projets/00000000-0000-0000-0000-000000000000", intents: ["journal"], as: "team" },
  { file: "not-found", path: () => "/une-page-qui-n-existe-pas", intents: [null], as: "agent" },
  // events: only Lab'EST's team edits Lab'EST's events and network labs (dimap-1, « team », is another lab's)
  { file: "lab-event-new", path: () => "/lab/labest/evenements/nouveau", intents: [null], as: "agent" },
  { file: "lab-event-new", path: () => "/lab/labest/evenements/nouveau", intents: [null], as: "team" },
  { file: "lab-event-edit", path: () => `/lab/labest/evenements/${ids.event}`, intents: [null, "cancel", "restore"], as: "team" },
  { file: "lab-event-edit", path: () => `/lab/labest/evenements/${ids.event}`, intents: [null, "cancel", "restore"], as: "anon" },
  { file: "lab-network", path: () => "/lab/labest/evenements/reseau", intents: ["declare", "follow", "fetch"], as: "agent" },
  { file: "lab-network", path: () => "/lab/labest/evenements/reseau", intents: ["declare", "follow", "fetch"], as: "team" },
  // registering and one's private feed: signed-in agents only (the signed-out go to sign-in); an agents-only event is no one's outside
  { file: "event", path: () => `/evenements/${ids.agentsEvent}`, intents: ["register", "confirm", "cancel"], as: "anon" },
  { file: "event", path: () => "/evenements/00000000-0000-0000-0000-000000000000", intents: ["register", "confirm", "cancel"], as: "agent" },
  { file: "my-events", path: () => "/mes-evenements", intents: ["renew", "revoke"], as: "anon" },
  // roadmaps: another lab's team (dimap-1, « team ») and other agents may not edit Lab'EST's
  { file: "lab-roadmaps", path: () => "/lab/labest/feuille-de-route", intents: [null], as: "agent" },
  { file: "lab-roadmaps", path: () => "/lab/labest/feuille-de-route", intents: [null], as: "team" },
  { file: "lab-roadmap", path: () => `/lab/labest/feuille-de-route/${ids.roadmap}`, intents: [null, "settings", "addItem", "reorder", "addCalendar", "deleteCalendar"], as: "agent" },
  { file: "lab-roadmap", path: () => `/lab/labest/feuille-de-route/${ids.roadmap}`, intents: ["settings", "addItem", "reorder", "addCalendar", "deleteCalendar"], as: "team" },
  { file: "lab-roadmap-settings", path: () => `/lab/labest/feuille-de-route/${ids.roadmap}/reglages`, intents: [null, "settings"], as: "team" },
  { file: "lab-roadmap-import", path: () => `/lab/labest/feuille-de-route/${ids.roadmap}/import`, intents: [null], as: "agent" },
  { file: "lab-roadmap-import", path: () => `/lab/labest/feuille-de-route/${ids.roadmap}/import`, intents: [null], as: "team" },
  { file: "lab-roadmap-item", path: () => `/lab/labest/feuille-de-route/${ids.roadmap}/elements/${ids.roadmapItem}`, intents: [null, "update", "delete", "move", "addMilestone", "editMilestone", "milestoneDone", "milestoneUndone", "deleteMilestone"], as: "agent" },
  { file: "lab-roadmap-item", path: () => `/lab/labest/feuille-de-route/${ids.roadmap}/elements/${ids.roadmapItem}`, intents: ["update", "delete", "move", "addMilestone", "editMilestone", "milestoneDone"], as: "team" },
  // the desk: any signed-in agent asks (the signed-out go to sign-in); a draft is its requester's; a request's page acts by right
  { file: "request-new", path: () => "/guichet/nouvelle", intents: ["submit", "draft"], as: "anon" },
  { file: "request-edit", path: () => `/demandes/${ids.draftRequest}/modifier`, intents: ["submit", "draft"], as: "outsider" },
  { file: "request-edit", path: () => `/demandes/${ids.julienRequest}/modifier`, intents: ["submit", "draft"], as: "julien" },
  { file: "request", path: () => `/demandes/${ids.request}`, intents: ["message", "note", "opinion", "qualify", "accept", "decline", "reorient", "assign", "expert", "createProject", "proposeSteering", "confirmSponsor"], as: "outsider" },
  { file: "request", path: () => `/demandes/${ids.request}`, intents: ["message", "note", "opinion", "qualify", "accept", "decline", "reorient", "assign", "expert", "createProject", "proposeSteering", "confirmSponsor"], as: "labest" },
  { file: "request", path: () => `/demandes/${ids.julienRequest}`, intents: ["note", "opinion", "qualify", "accept", "decline", "reorient", "assign", "expert", "createProject", "proposeSteering", "confirmSponsor"], as: "julien" },
  { file: "request", path: () => `/demandes/${ids.julienRequest}`, intents: ["opinion", "confirmSponsor"], as: "innov" },
  { file: "lab-desk-settings", path: () => "/lab/innovmandie/guichet/reglages", intents: [null], as: "labest" },
  // committees: another lab's team and other agents see nothing (404); a member (dimap-1 sits for the Région) may not manage (403)
  { file: "lab-committees", path: () => "/lab/labest/comites", intents: [null], as: "agent" },
  { file: "lab-committees", path: () => "/lab/region-grand-est/comites", intents: [null], as: "labest" },
  { file: "committee", path: () => `/lab/labest/comites/${ids.steering}`, intents: ["settings", "meeting"], as: "team" },
  { file: "committee", path: () => `/lab/labest/comites/${ids.steering}`, intents: ["settings", "meeting"], as: "agent" },
  { file: "committee-meeting", path: () => `/lab/labest/comites/${ids.steering}/reunions/${ids.nextMeeting}`, intents: ["addItem", "addAwaiting", "convene", "attendance", "secretCounts", "decide", "moveItem", "removeItem", "setSecret"], as: "team" },
  { file: "committee-meeting", path: () => `/lab/labest/comites/${ids.steering}/reunions/${ids.nextMeeting}`, intents: ["vote", "addItem"], as: "agent" },
  { file: "committee-meeting", path: () => `/lab/labest/comites/${ids.steering}/reunions/${ids.nextMeeting}`, intents: ["vote"], as: "labest" },
  { file: "committee-minutes", path: () => `/lab/labest/comites/${ids.steering}/reunions/${ids.heldMeeting}/compte-rendu`, intents: ["save", "validate", "approveNext", "correct"], as: "team" },
  { file: "committee-minutes", path: () => `/lab/labest/comites/${ids.steering}/reunions/${ids.nextMeeting}/compte-rendu`, intents: ["save", "validate"], as: "team" },
  { file: "committee-minutes", path: () => `/lab/labest/comites/${ids.steering}/reunions/${ids.heldMeeting}/compte-rendu`, intents: ["save", "validate"], as: "outsider" },
  // resources: the lab team of the sheet's lab writes; another lab's team and agents are refused
  { file: "lab-resources", path: () => "/lab/region-grand-est/ressources", intents: [null, "create", "caseStudy"], as: "agent" },
  { file: "lab-resources", path: () => "/lab/region-grand-est/ressources", intents: [null, "create", "caseStudy"], as: "labest" },
  { file: "lab-resource", path: () => `/lab/region-grand-est/ressources/${ids.resource}`, intents: [null, "save", "publish", "unpublish", "archive", "restore", "upload", "removeFile"], as: "agent" },
  { file: "lab-resource", path: () => `/lab/region-grand-est/ressources/${ids.resource}`, intents: ["save", "publish", "removeFile"], as: "labest" },
  // skills: one's own skills (the signed-out go to sign-in); only a listed agent is contacted; a conversation is its two people's
  { file: "skills-mine", path: () => "/competences/mes-competences", intents: ["declare", "withdraw", "profile"], as: "anon" },
  { file: "skills-person", path: () => "/competences/agents/00000000-0000-0000-0000-000000000000", intents: [null], as: "agent" },
  { file: "skills-person", path: () => `/competences/agents/${ids.agentUser}`, intents: [null], as: "anon" },
  { file: "skills-message", path: () => `/competences/messages/${ids.message}`, intents: [null], as: "outsider" },
  { file: "lab-skills", path: () => "/lab/region-grand-est/competences", intents: [null, "addSkill", "addExpert", "removeExpert"], as: "agent" },
  { file: "lab-skills", path: () => "/lab/region-grand-est/competences", intents: ["addSkill", "addExpert"], as: "labest" },
  // trainings: a State agent (labest-1) may not register to a training kept to the Région's agents; an unknown training is 404;
  // the manager's page needs its link's secret; the lab's pages are its team's (not another lab's, not an agent's)
  { file: "training", path: () => `/formations/${ids.closedTraining}`, intents: ["register"], as: "labest", exempt: { cancel: "reads only a session id: refused 409 to whoever holds no seat there", confirm: "reads only a session id: refused 409 to whoever is offered no seat there" } },
  { file: "training", path: () => "/formations/00000000-0000-0000-0000-000000000000", intents: ["register", "cancel", "confirm"], as: "agent" },
  { file: "training-approval", path: () => `/formations/accord/${"y".repeat(43)}`, intents: [null], as: "anon" },
  { file: "lab-trainings", path: () => "/lab/region-grand-est/formations", intents: [null], as: "agent" },
  { file: "lab-trainings", path: () => "/lab/region-grand-est/formations", intents: [null], as: "labest" },
  { file: "lab-training", path: () => `/lab/region-grand-est/formations/${ids.training}`, intents: ["training", "session"], as: "agent" },
  { file: "lab-training", path: () => `/lab/region-grand-est/formations/${ids.training}`, intents: ["training", "session"], as: "labest" },
  { file: "lab-training-session", path: () => `/lab/region-grand-est/formations/${ids.training}/sessions/${ids.trainingSession}`, intents: ["attendance", "session", "delete"], as: "agent" },
  { file: "lab-training-session", path: () => `/lab/region-grand-est/formations/${ids.training}/sessions/${ids.trainingSession}`, intents: ["attendance", "session", "delete"], as: "labest" },
  // questionnaires: another lab's team (dimap-1, « team ») and agents may not build or read Lab'EST's; an agent not addressed may not answer
  { file: "lab-surveys", path: () => "/lab/labest/questionnaires", intents: [null], as: "agent" },
  { file: "lab-surveys", path: () => "/lab/labest/questionnaires", intents: [null], as: "team" },
  { file: "lab-survey", path: () => `/lab/labest/questionnaires/${ids.anonymousSurvey}`, intents: [null, "settings", "addSection", "deleteSection", "addQuestion", "deleteQuestion", "publish", "close", "newVersion", "openData", "closeData"], as: "team" },
  { file: "lab-survey", path: () => `/lab/labest/questionnaires/${ids.anonymousSurvey}`, intents: ["publish", "close"], as: "agent" },
  { file: "lab-survey-results", path: () => `/lab/labest/questionnaires/${ids.survey}/resultats`, intents: [null, "themes"], as: "team" },
  { file: "survey", path: () => `/questionnaires/${ids.survey}`, intents: [null, "next", "back", "submit"], as: "outsider" },
  { file: "survey", path: () => `/questionnaires/${ids.anonymousSurvey}`, intents: ["submit"], as: "agent" },
  { file: "survey", path: () => `/questionnaires/${ids.regionSurvey}`, intents: ["submit"], as: "labest" },
  { file: "survey-link", path: () => "/questionnaires/lien/inconnu-inconnu-inconnu", intents: [null, "next", "submit"], as: "anon" },
];
/** Actions open to anyone by design: nothing to refuse. */
const publicActions: Record<string, string> = {
  "sign-in-demo": "signing in is for the signed-out",
  "sign-out": "anyone may sign out",
};

/** Every field the actions read, each malformed. */
const malformed = (intent: string | null): Record<string, string> => ({
  ...(intent ? { intent } : {}),
  reason: "x",
  body: "",
  title: "",
  text: "",
  label: "",
  name: "",
  question: "x",
  problem: "",
  proposal: "",
  email: "pas-une-adresse",
  emails: "pas-une-adresse",
  animators: "pas-une-adresse",
  facilitators: "pas-une-adresse",
  followUpOwner: "pas-une-adresse",
  role: "pape",
  userId: "pas-un-id",
  commentId: "pas-un-id",
  replyId: "pas-un-id",
  noteId: "pas-un-id",
  themeId: "pas-un-id",
  ideaId: "pas-un-id",
  ideaA: "pas-un-id",
  ideaB: "pas-un-id",
  campaignId: "pas-un-id",
  methodId: "pas-un-id",
  column: "nulle-part",
  open: "peut-être",
  day: "demain",
  closesAt: "hier",
  followUpDue: "hier",
  outcome: "peut-être",
  reviewId: "pas-un-id",
  conditionId: "pas-un-id",
  indicatorId: "pas-un-id",
  stage: "nulle-part",
  entryOn: "hier",
  value: "beaucoup",
  decisionId: "pas-un-id",
  kind: "autre",
  k: "-1",
  cost: "-3",
  present: "pas-un-id",
  itemId: "pas-un-id",
  subjectId: "pas-un-id",
  choice: "peut-être",
  members: "pas-une-adresse",
  quorumPercent: "-1",
  adopted: "peut-être",
  wording: "",
});

const routesDir = path.resolve(import.meta.dirname, "../../app/routes");
const actionFiles = () =>
  fs
    .readdirSync(routesDir)
    .filter((f) => /\.tsx?$/.test(f) && /export (async )?function action|export const action/.test(fs.readFileSync(path.join(routesDir, f), "utf8")))
    .map((f) => f.replace(/\.tsx?$/, ""));

describe("permission before validation: unauthorized and malformed is 403 or 404, never 400", () => {
  it("lists every action route (a new action must get its row)", () => {
    const listed = new Set([...denied.map((d) => d.file), ...Object.keys(publicActions)]);
    expect(actionFiles().filter((f) => !listed.has(f))).toEqual([]);
  });

  it("lists every intent a route names (a new intent must get its row, or an exemption saying why)", () => {
    const missing: string[] = [];
    for (const file of actionFiles()) {
      if (publicActions[file]) continue;
      const src = fs.readFileSync(path.join(routesDir, `${file}.tsx`), "utf8");
      const named = new Set([...src.matchAll(/case "([a-zA-Z]+)":|intent"?\)? === "([a-zA-Z]+)"/g)].map((m) => m[1] ?? m[2]));
      const rows = denied.filter((d) => d.file === file);
      const covered = new Set(rows.flatMap((d) => [...d.intents, ...Object.keys(d.exempt ?? {})]));
      for (const intent of named) if (intent !== "string" && !covered.has(intent)) missing.push(`${file}: ${intent}`);
    }
    expect(missing).toEqual([]);
  });

  it("refuses who may not before reading what they sent", async () => {
    const outsider = new Client(server.url);
    await outsider.signInAs(agents[40].email);
    const who = async (as: string) => (as === "outsider" ? outsider : client(as));
    const wrong: string[] = [];
    for (const row of denied) {
      for (const intent of row.intents) {
        const c = await who(row.as);
        const r = await c.post(row.path(), malformed(intent), { csrf: row.as === "anon" ? await c.csrf("/connexion/demo") : undefined });
        const toSignIn = row.as === "anon" && r.status === 302 && (r.headers.get("location") ?? "").startsWith("/connexion");
        if (![403, 404].includes(r.status) && !toSignIn) wrong.push(`${row.file} ${intent ?? "-"} as ${row.as}: ${r.status}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 180_000); // one request per row and intent: its time grows with the routes
});
