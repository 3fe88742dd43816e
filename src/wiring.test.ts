/**
 * The modules wired at boot: a project's gate review awaits its lab's committee, and the
 * committee's validated decision moves the project (adopted) or sends it back to work (not adopted).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../tests/support/runtime";
import { makeLab, makeMember, makeUser, viewerOf } from "../tests/support/fixtures";
import { createProjectFor, projectAction, projectPage, requestGate, pendingGateReviews } from "./projects";
import { projectSchema } from "./projects/schemas";
import { addAgendaItem, castVote, createCommitteeFor, meetingPage, recordAttendance, recordDecision, saveMinutesFor, scheduleMeeting, updateCommitteeFor, validateMinutes } from "./committees";

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
