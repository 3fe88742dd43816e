import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeCampaign, makeLab, makeMember, makeOrganization, makeTheme, makeUser, viewerOf } from "../../tests/support/fixtures";
import { listNotifications } from "../notifications/notifications";
import { listLabMails } from "../kernel/mail/outbox";
import { transaction } from "../kernel/db/transaction";
import { db } from "../kernel/runtime";
import { Refusal } from "../kernel/permissions";
import { createIdeaFor } from "../ideas/service";
import * as minilabs from "../minilabs/minilabs";
import * as arb from "../arbitration/arbitration";
import { ideaTrace } from "../arbitration/trace";
import { projectSchema, type ProjectInput } from "./schemas";
import {
  applyGateOutcome,
  createProjectFor,
  createProjectFromDecision,
  createProjectFromRequest,
  labPortfolio,
  labProjectsExport,
  myProjects,
  newProjectForm,
  pendingGateReviews,
  projectAction,
  projectPage,
  requestGate,
  updateProjectFor,
} from "./service";
import * as data from "./projects";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

const DAY = 86_400_000;
const pdf = () => new File([Buffer.from("%PDF-1.4\n% test\n")], "entretiens.pdf", { type: "application/pdf" });

function input(over: Record<string, string> = {}): ProjectInput {
  const parsed = projectSchema.safeParse({ title: "Accueil unique des usagers en sous-préfecture", problem: "Les usagers passent d’un guichet à l’autre sans réponse claire.", users: "Usagers et agents d’accueil", ...over });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

async function setup() {
  const lab = await makeLab();
  const otherLab = await makeLab();
  const team = await viewerOf(await makeMember(lab.id, "lab_team"));
  const otherTeam = await viewerOf(await makeMember(otherLab.id, "lab_team"));
  const [leadUser, staffUser, expertUser, agentUser] = [await makeUser(), await makeUser(), await makeUser(), await makeUser()];
  const org = await makeOrganization();
  const project = await createProjectFor(team, lab.slug, input({ lead: leadUser.email, staff: staffUser.email, experts: expertUser.email, org0: org.id, kind0: "etat", budgetRequested: "15 000", fundingSource: "FTAP" }));
  const keepTeam = { lead: leadUser.email, staff: staffUser.email, experts: expertUser.email, org0: org.id, kind0: "etat" };
  return { lab, otherLab, team, otherTeam, org, project, keepTeam, lead: await viewerOf(leadUser), staff: await viewerOf(staffUser), expert: await viewerOf(expertUser), agent: await viewerOf(agentUser) };
}

async function fillExploration(viewer: Awaited<ReturnType<typeof viewerOf>>, projectId: string) {
  await projectAction(viewer, projectId, { intent: "deliverable", stage: "exploration", label: "Énoncé du problème", kind: "text", body: "Les usagers ne savent pas à quel guichet s’adresser.", url: "" });
  await projectAction(viewer, projectId, { intent: "deliverable", stage: "exploration", label: "Entretiens terrain", kind: "file", body: "", url: "" }, [pdf()]);
  await projectAction(viewer, projectId, { intent: "deliverable", stage: "exploration", label: "Parcours usager", kind: "link", body: "", url: "https://example.fr/parcours" });
}

const refusal = (status: number, text?: RegExp) => (err: unknown) => {
  expect(err).toBeInstanceOf(Refusal);
  expect((err as Refusal).status).toBe(status);
  if (text) expect((err as Refusal).message).toMatch(text);
  return true;
};

describe("projects: birth", () => {
  it("the lab team creates a project directly, with its team, administration and budget; nobody else may", async () => {
    const s = await setup();
    expect(s.project).toMatchObject({ stage: "exploration", origin: "direct", budget_requested_eur: 15000, funding_source: "FTAP", lead_id: s.lead.userId });
    const page = await projectPage(s.expert, s.project.id);
    expect(page.details?.lead).toBeTruthy();
    expect(page.project.organizations).toEqual([{ name: s.org.name, kind: "État" }]);
    expect(page.details?.expected.map((d) => d.label)).toEqual(["Énoncé du problème", "Entretiens terrain", "Parcours usager"]);
    await expect(createProjectFor(s.otherTeam, s.lab.slug, input())).rejects.toSatisfy(refusal(403));
    await expect(createProjectFor(s.agent, s.lab.slug, input())).rejects.toSatisfy(refusal(403));
    await expect(createProjectFor(s.team, s.lab.slug, input({ lead: "inconnu@example.fr" }))).rejects.toSatisfy(refusal(400, /aucun compte/));
    // the team is told
    expect((await listNotifications(s.staff.userId)).some((n) => n.link === `/projets/${s.project.id}`)).toBe(true);
  });

  it("a project is born from a request reference, inside the caller's transaction or its own, once per request", async () => {
    const s = await setup();
    const requestId = crypto.randomUUID();
    const p = await transaction(() => createProjectFromRequest(db(), { labId: s.lab.id, requestId, title: "Un tiers-lieu à la médiathèque", problem: "La médiathèque se vide l’après-midi.", users: "Habitants", organizationIds: [s.org.id], leadEmail: null, createdBy: s.team.userId }));
    expect(p).toMatchObject({ origin: "request", request_id: requestId, stage: "exploration" });
    expect((await data.organizationsOf([p.id]))[0]).toMatchObject({ organization_id: s.org.id });
    await expect(createProjectFromRequest(null, { labId: s.lab.id, requestId, title: "Encore", problem: "Encore une fois.", users: "", organizationIds: [], createdBy: null })).rejects.toSatisfy(refusal(409));
    // a failing caller rolls the project back with its own writes
    const other = crypto.randomUUID();
    await expect(
      transaction(async () => {
        await createProjectFromRequest(db(), { labId: s.lab.id, requestId: other, title: "Annulé", problem: "Annulé par l’appelant.", users: "", organizationIds: [], createdBy: null });
        throw new Error("the desk failed");
      }),
    ).rejects.toThrow("the desk failed");
    expect(await data.projectOfRequest(other)).toBeUndefined();
  });

  it("an adopted decision becomes a project (its follow-up owner the lead), shown in the idea's trace to who may see it", async () => {
    const lab = await makeLab();
    const team = await viewerOf(await makeMember(lab.id, "lab_team"));
    const owner = await makeUser();
    const author = await viewerOf(await makeUser());
    const outsider = await viewerOf(await makeUser());
    const c = await makeCampaign(lab.id);
    const idea = await createIdeaFor(author, c.id, { title: "Composter à la cantine", problem: "Des restes jetés chaque jour.", proposal: "Un composteur par lycée.", beneficiaries: "Les agents", coauthorEmails: [], submit: true }, []);
    const theme = await makeTheme({ labId: lab.id, campaignId: c.id, ideaIds: [idea.id], label: "Gaspillage", curatorId: team.userId });
    const m = await minilabs.createMinilab({ labId: lab.id, themeId: theme.id, themeLabel: theme.label, name: "Mini-Lab Lycées écoresponsables", question: "Comment moins jeter ?", joinPolicy: "open", sessionsFrom: new Date(Date.now() - 90 * DAY), sessionsUntil: new Date(Date.now() - 60 * DAY), restitutionOn: new Date(Date.now() - 50 * DAY), arbitrationOn: new Date(Date.now() - 40 * DAY), directorates: ["Direction des lycées"], createdBy: team.userId }, [], []);
    const prop = await arb.createProposal(m.id, team.userId, { title: "Un composteur par lycée", problem: "Des tonnes de restes incinérées.", solution: "Composter sur place.", impact: "Les lycées et leurs équipes de cuisine", resources: "Un composteur", costEur: 24000, directorate: "Direction des lycées" });
    await arb.markSubmitted(prop.id, team.userId, new Date(Date.now() - 45 * DAY));
    const adopted = await arb.insertDecision({ proposalId: prop.id, outcome: "adopted", reason: "Coût faible.", followUpOwnerId: owner.id, followUpDue: new Date(Date.now() + 100 * DAY), correctsId: null, decidedBy: team.userId, at: new Date(Date.now() - 30 * DAY) });
    const prop2 = await arb.createProposal(m.id, team.userId, { title: "Refusée", problem: "Un problème.", solution: "Une solution.", impact: "Un impact.", resources: "Rien", costEur: null, directorate: "Direction des lycées" });
    await arb.markSubmitted(prop2.id, team.userId);
    const rejected = await arb.insertDecision({ proposalId: prop2.id, outcome: "rejected", reason: "Trop cher.", followUpOwnerId: null, followUpDue: null, correctsId: null, decidedBy: team.userId, at: new Date(Date.now() - 35 * DAY) });

    const form = await newProjectForm(team, lab.slug);
    expect(form.decisions.map((d) => d.decisionId)).toEqual([adopted.id]);
    await expect(createProjectFromDecision(team, lab.slug, rejected.id)).rejects.toSatisfy(refusal(409, /adoptée/));
    await expect(createProjectFromDecision(outsider, lab.slug, adopted.id)).rejects.toSatisfy(refusal(403));
    const p = await createProjectFromDecision(team, lab.slug, adopted.id);
    expect(p).toMatchObject({ origin: "decision", decision_id: adopted.id, lead_id: owner.id, title: "Un composteur par lycée", budget_requested_eur: 24000 });
    await expect(createProjectFromDecision(team, lab.slug, adopted.id)).rejects.toSatisfy(refusal(409));
    expect((await newProjectForm(team, lab.slug)).decisions).toEqual([]);

    // the trace: … → décision → projet → its stage, for whoever may see the project
    const forTeam = await ideaTrace(team, idea.id);
    const kinds = forTeam!.steps.map((x) => x.kind);
    expect(kinds.indexOf("project")).toBeGreaterThan(kinds.indexOf("follow_up"));
    expect(kinds.indexOf("project_stage")).toBe(kinds.indexOf("project") + 1);
    expect(forTeam?.status).toMatch(/est devenue le projet «\u00a0Un composteur par lycée\u00a0» \(exploration\)/);
    expect((await ideaTrace(outsider, idea.id))?.steps.some((x) => x.kind === "project")).toBe(true);
    // confidential: the author, who is not in the team, no longer sees the project step
    await updateProjectFor(team, p.id, input({ title: p.title, problem: p.problem, confidential: "on", lead: owner.email }));
    const hidden = await ideaTrace(outsider, idea.id);
    expect(hidden?.steps.some((x) => x.kind === "project" || x.kind === "project_stage")).toBe(false);
    expect(hidden?.status).not.toMatch(/projet/);
    expect((await ideaTrace(await viewerOf(owner), idea.id))?.steps.some((x) => x.kind === "project")).toBe(true);
  });
});

describe("projects: who sees what", () => {
  it("the team sees everything, another agent the summary of a non-confidential project, nothing of a confidential one", async () => {
    const s = await setup();
    for (const v of [s.lead, s.staff, s.expert, s.team]) expect((await projectPage(v, s.project.id)).details).not.toBeNull();
    const summary = await projectPage(s.agent, s.project.id);
    expect(summary.details).toBeNull();
    expect(summary.project.title).toBe(s.project.title);
    expect((await projectPage(s.otherTeam, s.project.id)).details).toBeNull();
    await updateProjectFor(s.team, s.project.id, input({ confidential: "on", ...s.keepTeam }));
    await expect(projectPage(s.agent, s.project.id)).rejects.toSatisfy(refusal(404));
    await expect(projectPage(s.otherTeam, s.project.id)).rejects.toSatisfy(refusal(404));
    // an expert contributes but does not edit; a lead edits but does not steer
    await expect(projectAction(s.expert, s.project.id, { intent: "indicator", name: "Délai", unit: "jours", baseline: 20, target: 5 })).rejects.toSatisfy(refusal(403));
    await projectAction(s.expert, s.project.id, { intent: "journal", entryOn: new Date(), body: "Entretien avec l’accueil de Saint-Dié." });
    await expect(projectAction(s.lead, s.project.id, { intent: "pause", reason: "Attente du budget" })).rejects.toSatisfy(refusal(403));
    // the lead may not recompose the team
    await expect(updateProjectFor(s.lead, s.project.id, input({ ...s.keepTeam, experts: "" }))).rejects.toSatisfy(refusal(403));
    await updateProjectFor(s.lead, s.project.id, input({ ...s.keepTeam, confidential: "on", budgetGranted: "12000" }));
    expect((await data.getProject(s.project.id))?.budget_granted_eur).toBe(12000);
    // « Mes projets »
    for (const v of [s.lead, s.staff, s.expert]) expect((await myProjects(v)).map((p) => p.id)).toContain(s.project.id);
    expect(await myProjects(s.agent)).toEqual([]);
  });
});

describe("projects: deliverables and gates", () => {
  it("a gate is refused while deliverables are missing, with the list; then requested to the right committee", async () => {
    const s = await setup();
    await expect(requestGate(s.staff, s.project.id)).rejects.toSatisfy(refusal(409, /il manque les livrables «\u00a0Énoncé du problème\u00a0», «\u00a0Entretiens terrain\u00a0», «\u00a0Parcours usager\u00a0»/));
    await projectAction(s.staff, s.project.id, { intent: "deliverable", stage: "exploration", label: "Énoncé du problème", kind: "text", body: "Le problème.", url: "" });
    await projectAction(s.staff, s.project.id, { intent: "deliverable", stage: "exploration", label: "Parcours usager", kind: "not_required", body: "Le parcours existe déjà (étude 2021).", url: "" });
    await expect(requestGate(s.staff, s.project.id)).rejects.toSatisfy(refusal(409, /il manque le livrable «\u00a0Entretiens terrain\u00a0»/));
    await expect(projectAction(s.staff, s.project.id, { intent: "deliverable", stage: "exploration", label: "Entretiens terrain", kind: "file", body: "", url: "" }, [new File(["<html>"], "x.pdf")])).rejects.toSatisfy(refusal(400, /ni un PDF/));
    await expect(projectAction(s.staff, s.project.id, { intent: "deliverable", stage: "exploration", label: "Entretiens terrain", kind: "link", body: "", url: "javascript:alert(1)" })).rejects.toSatisfy(refusal(400));
    await expect(projectAction(s.staff, s.project.id, { intent: "deliverable", stage: "exploration", label: "Pas attendu", kind: "text", body: "Un texte.", url: "" })).rejects.toSatisfy(refusal(400));
    await projectAction(s.staff, s.project.id, { intent: "deliverable", stage: "exploration", label: "Entretiens terrain", kind: "file", body: "", url: "" }, [pdf()]);
    const review = await requestGate(s.staff, s.project.id);
    expect(review).toMatchObject({ committee_kind: "project", from_stage: "exploration", to_stage: "prototype", status: "pending" });
    await expect(requestGate(s.staff, s.project.id)).rejects.toSatisfy(refusal(409, /déjà demandé/));
    expect((await pendingGateReviews(s.lab.id, "project")).map((r) => r.id)).toEqual([review.id]);
    expect(await pendingGateReviews(s.lab.id, "steering")).toEqual([]);
    await expect(requestGate(s.expert, s.project.id)).rejects.toSatisfy(refusal(403));

    // go → prototype; the next gate (entering expérimentation) is strategic: the steering committee
    await projectAction(s.team, s.project.id, { intent: "outcome", reviewId: review.id, outcome: "go", conditions: "", missing: "", reason: "" });
    expect((await data.getProject(s.project.id))?.stage).toBe("prototype");
    expect((await listNotifications(s.lead.userId)).some((n) => n.kind === "project_gate" && n.title.includes("passe en prototype"))).toBe(true);
    // and by mail, through the outbox (written with the decision, delivered after it commits)
    const mails = (await listLabMails(s.lab.id, { limit: 100 })).mails;
    expect(mails.some((m) => m.kind === "project_gate" && m.subject.includes("passe en prototype"))).toBe(true);
    await projectAction(s.staff, s.project.id, { intent: "deliverable", stage: "prototype", label: "Prototype", kind: "link", body: "", url: "https://example.fr/proto" });
    await projectAction(s.staff, s.project.id, { intent: "deliverable", stage: "prototype", label: "Protocole de test", kind: "text", body: "Trois semaines en sous-préfecture.", url: "" });
    const strategic = await requestGate(s.staff, s.project.id);
    expect(strategic.committee_kind).toBe("steering");
    expect((await pendingGateReviews(s.lab.id, "steering")).map((r) => r.id)).toEqual([strategic.id]);
    // a strategic gate is not the lab team's to record: only the steering committee's minutes decide it
    await expect(projectAction(s.team, s.project.id, { intent: "outcome", reviewId: strategic.id, outcome: "go", conditions: "", missing: "", reason: "" })).rejects.toSatisfy(refusal(409, /seul le comité de pilotage/));
    expect((await data.getProject(s.project.id))?.stage).toBe("prototype");
    expect((await projectPage(s.team, s.project.id)).details?.pendingReview).toMatchObject({ id: strategic.id, recordable: false });
    const page = await projectPage(s.team, s.project.id);
    expect(page.details?.stages.find((x) => x.stage === "exploration")).toMatchObject({ current: false });
    expect(page.details?.stages.find((x) => x.stage === "exploration")?.leftAt).not.toBe("");
  });

  async function atGate() {
    const s = await setup();
    await fillExploration(s.staff, s.project.id);
    return { ...s, review: await requestGate(s.lead, s.project.id) };
  }

  it("go with conditions: next stage, conditions listed and tracked until met", async () => {
    const s = await atGate();
    await expect(applyGateOutcome(null, s.review.id, { outcome: "go_with_conditions", conditions: [], decidedBy: s.team.userId })).rejects.toSatisfy(refusal(400, /au moins une condition/));
    await applyGateOutcome(null, s.review.id, { outcome: "go_with_conditions", conditions: ["Associer la DDT 88", "Mesurer le délai d’attente"], decidedBy: s.team.userId });
    const page = await projectPage(s.team, s.project.id);
    expect(page.project.stage).toBe("prototype");
    expect(page.details?.conditions.map((c) => [c.label, c.met])).toEqual([["Associer la DDT 88", false], ["Mesurer le délai d’attente", false]]);
    await projectAction(s.lead, s.project.id, { intent: "conditionMet", conditionId: page.details!.conditions[0].id });
    expect((await projectPage(s.team, s.project.id)).details?.conditions[0].met).toBe(true);
    await expect(projectAction(s.lead, s.project.id, { intent: "conditionMet", conditionId: page.details!.conditions[0].id })).rejects.toSatisfy(refusal(409));
  });

  it("recycle: stays, with what is missing; stop: « arrêté » with its reason", async () => {
    const s = await atGate();
    await expect(applyGateOutcome(null, s.review.id, { outcome: "recycle", decidedBy: s.team.userId })).rejects.toSatisfy(refusal(400, /manque/));
    await applyGateOutcome(null, s.review.id, { outcome: "recycle", missing: "Des entretiens avec les usagers eux-mêmes.", decidedBy: s.team.userId });
    const p = await data.getProject(s.project.id);
    expect(p?.stage).toBe("exploration");
    expect((await data.getReview(s.review.id))?.missing).toBe("Des entretiens avec les usagers eux-mêmes.");
    const again = await requestGate(s.lead, s.project.id);
    await expect(applyGateOutcome(null, again.id, { outcome: "stop", decidedBy: s.team.userId })).rejects.toSatisfy(refusal(400, /Motif/));
    await applyGateOutcome(null, again.id, { outcome: "stop", reason: "Le service a réorganisé son accueil entre-temps.", decidedBy: s.team.userId });
    expect(await data.getProject(s.project.id)).toMatchObject({ stage: "stopped", status_reason: "Le service a réorganisé son accueil entre-temps." });
    await expect(requestGate(s.lead, s.project.id)).rejects.toSatisfy(refusal(409));
  });

  it("an outcome applies exactly once when two calls race: the project moves one stage, not two", async () => {
    const s = await atGate();
    const results = await Promise.allSettled([
      applyGateOutcome(null, s.review.id, { outcome: "go", decidedBy: s.team.userId }),
      applyGateOutcome(null, s.review.id, { outcome: "go", decidedBy: s.team.userId }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(Refusal);
    expect((rejected.reason as Refusal).status).toBe(409);
    expect((await data.getProject(s.project.id))?.stage).toBe("prototype");
    expect((await data.journalOf(s.project.id)).filter((j) => j.body.startsWith("Décision du comité"))).toHaveLength(1);
    await expect(applyGateOutcome(null, crypto.randomUUID(), { outcome: "go", decidedBy: null })).rejects.toSatisfy(refusal(404));
  });

  it("pause and stop need a reason; a paused project resumes where it was", async () => {
    const s = await setup();
    await expect(projectAction(s.team, s.project.id, { intent: "pause", reason: " " })).rejects.toSatisfy(refusal(400));
    await fillExploration(s.staff, s.project.id);
    await requestGate(s.lead, s.project.id);
    expect(await pendingGateReviews(s.lab.id, "project")).toHaveLength(1);
    await projectAction(s.team, s.project.id, { intent: "pause", reason: "En attente du financement FTAP." });
    expect(await pendingGateReviews(s.lab.id, "project")).toEqual([]); // off the agenda while paused
    expect(await data.getProject(s.project.id)).toMatchObject({ stage: "paused", resume_stage: "exploration", status_reason: "En attente du financement FTAP." });
    await expect(requestGate(s.lead, s.project.id)).rejects.toSatisfy(refusal(409));
    await projectAction(s.team, s.project.id, { intent: "resume" });
    expect(await data.getProject(s.project.id)).toMatchObject({ stage: "exploration", resume_stage: null, status_reason: null });
    expect(await pendingGateReviews(s.lab.id, "project")).toHaveLength(1);
    await expect(projectAction(s.team, s.project.id, { intent: "stop", reason: "" })).rejects.toSatisfy(refusal(400));
    await projectAction(s.team, s.project.id, { intent: "stop", reason: "Le besoin a disparu." });
    expect((await data.getProject(s.project.id))?.stage).toBe("stopped");
    expect((await listNotifications(s.expert.userId)).some((n) => n.kind === "project_stage" && n.title.includes("arrêté"))).toBe(true);
  });

  it("indicators and measurements, the journal and attachments", async () => {
    const s = await setup();
    await projectAction(s.staff, s.project.id, { intent: "indicator", name: "Délai d’attente", unit: "minutes", baseline: 35, target: 10 });
    const [ind] = await data.indicatorsOf(s.project.id);
    await projectAction(s.expert, s.project.id, { intent: "measure", indicatorId: ind.id, measuredOn: new Date(), value: 22.5 });
    await expect(projectAction(s.expert, s.project.id, { intent: "measure", indicatorId: crypto.randomUUID(), measuredOn: new Date(), value: 1 })).rejects.toSatisfy(refusal(400));
    await projectAction(s.staff, s.project.id, { intent: "attach" }, [pdf()]);
    await expect(projectAction(s.staff, s.project.id, { intent: "attach" }, [new File(["MZ"], "virus.exe")])).rejects.toSatisfy(refusal(400));
    const page = await projectPage(s.lead, s.project.id);
    expect(page.details?.indicators[0]).toMatchObject({ name: "Délai d’attente", baseline: 35, target: 10, measurements: [{ value: 22.5 }] });
    expect(page.details?.files.map((f) => f.name)).toEqual(["entretiens.pdf"]);
    expect(page.details?.journal.map((j) => j.body)).toContain("Projet créé par l’équipe du lab, en exploration.");
  });
});

describe("projects: the portfolio", () => {
  it("filters by stage, organisation, staff and overdue gate; pages by keyset; exports every project", async () => {
    const s = await setup();
    const more = [];
    for (let i = 0; i < 27; i++) more.push(await createProjectFor(s.team, s.lab.slug, input({ title: `Projet numéro ${i}` })));
    const first = await labPortfolio(s.team, s.lab.slug, {});
    expect(first.rows).toHaveLength(25);
    expect(first.paging.prev).toBeNull();
    const after = new URL(first.paging.next!, "http://x").searchParams.get("after")!;
    const second = await labPortfolio(s.team, s.lab.slug, { after });
    expect(second.rows).toHaveLength(3);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(28);
    const before = new URL(second.paging.prev!, "http://x").searchParams.get("before")!;
    expect((await labPortfolio(s.team, s.lab.slug, { before })).rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect((await labPortfolio(s.team, s.lab.slug, { org: s.org.id })).rows.map((r) => r.id)).toEqual([s.project.id]);
    expect((await labPortfolio(s.team, s.lab.slug, { staff: s.staff.userId })).rows.map((r) => r.id)).toEqual([s.project.id]);
    expect((await labPortfolio(s.team, s.lab.slug, { staff: s.expert.userId })).rows).toEqual([]);
    await projectAction(s.team, more[0].id, { intent: "pause", reason: "Attente." });
    expect((await labPortfolio(s.team, s.lab.slug, { stage: "paused" })).rows.map((r) => r.id)).toEqual([more[0].id]);
    await data.setPlannedDates(s.project.id, "exploration", new Date(Date.now() - 60 * DAY), new Date(Date.now() - 2 * DAY));
    const overdue = await labPortfolio(s.team, s.lab.slug, { overdue: "1" });
    expect(overdue.rows.map((r) => [r.id, r.overdue])).toEqual([[s.project.id, true]]);
    const columns = await labPortfolio(s.team, s.lab.slug, { vue: "colonnes" });
    expect(columns.columns?.find((c) => c.stage === "exploration")?.count).toBe(27);
    await expect(labPortfolio(s.otherTeam, s.lab.slug, {})).rejects.toSatisfy(refusal(403));
    const table = await labProjectsExport(s.team, s.lab.slug);
    const rows = [];
    for await (const r of table.rows) rows.push(r);
    expect(rows).toHaveLength(28);
    expect(rows.find((r) => r[0] === s.project.title)?.[9]).toBe("FTAP");
  });
});

describe("projects: personal data", () => {
  it("gives the agent their projects, memberships, journal entries and gate requests; a deleted account leaves the teams", async () => {
    const { personalData, forgetAccount } = await import("./personal-data");
    const s = await setup();
    await fillExploration(s.lead, s.project.id);
    await projectAction(s.lead, s.project.id, { intent: "journal", entryOn: new Date(), body: "Note du chef de projet." });
    await requestGate(s.lead, s.project.id);
    const sections = Object.fromEntries((await personalData(s.lead.userId)).map((x) => [x.key, x.rows.length]));
    expect(sections).toEqual({ projects_led: 1, project_memberships: 0, project_journal: 2, project_gate_reviews: 1, project_network_proposals: 0 }); // their note and their gate request
    // the lab team member who proposes the project to another lab finds that proposal in their data
    await projectAction(s.team, s.project.id, { intent: "proposeNetwork", labSlug: (await makeLab()).slug, message: "À reproduire." });
    expect(Object.fromEntries((await personalData(s.team.userId)).map((x) => [x.key, x.rows.length]))).toMatchObject({ project_network_proposals: 1 });
    expect(Object.fromEntries((await personalData(s.staff.userId)).map((x) => [x.key, x.rows.length]))).toMatchObject({ project_memberships: 1, projects_led: 0 });
    await forgetAccount(s.lead.userId);
    await forgetAccount(s.staff.userId);
    expect((await data.getProject(s.project.id))?.lead_id).toBeNull();
    expect((await data.membersOf([s.project.id])).map((m) => m.user_id)).toEqual([s.expert.userId]);
  });
});

describe("projects: dates", () => {
  it("keeps the days typed in the forms, Paris time, and shows them in French", async () => {
    const { projectForEdit } = await import("./service");
    const s = await setup();
    await updateProjectFor(s.team, s.project.id, input({ ...s.keepTeam, startsOn: "2026-03-01", endsOn: "2026-12-31", plannedStart_prototype: "2026-06-01", plannedEnd_prototype: "2026-09-30" }));
    const form = await projectForEdit(s.team, s.project.id);
    expect(form.project).toMatchObject({ startsOn: "2026-03-01", endsOn: "2026-12-31" });
    expect(form.project.planned).toMatchObject({ plannedStart_prototype: "2026-06-01", plannedEnd_prototype: "2026-09-30" });
    const page = await projectPage(s.team, s.project.id);
    expect(page.details).toMatchObject({ startsOn: "1er mars 2026", endsOn: "31 décembre 2026" });
    expect(page.details?.stages.find((x) => x.stage === "prototype")).toMatchObject({ plannedStart: "1er juin 2026", plannedEnd: "30 septembre 2026" });
  });
});

describe("projects: the lab's template", () => {
  it("the lab team sets the deliverables of each stage and which gates go to the steering committee", async () => {
    const { projectSettingsPage, saveProjectSettings } = await import("./service");
    const s = await setup();
    const before = await projectSettingsPage(s.team, s.lab.slug);
    expect(before.strategic).toEqual(["experimentation", "deployment"]);
    await expect(saveProjectSettings(s.otherTeam, s.lab.slug, { template: before.template, strategicStages: [] })).rejects.toSatisfy(refusal(403));
    await saveProjectSettings(s.team, s.lab.slug, { template: { ...before.template, exploration: ["Note de cadrage"] }, strategicStages: ["prototype"] });
    await expect(requestGate(s.lead, s.project.id)).rejects.toSatisfy(refusal(409, /il manque le livrable «\u00a0Note de cadrage\u00a0»/));
    await projectAction(s.lead, s.project.id, { intent: "deliverable", stage: "exploration", label: "Note de cadrage", kind: "text", body: "Deux pages.", url: "" });
    expect((await requestGate(s.lead, s.project.id)).committee_kind).toBe("steering");
  });
});
