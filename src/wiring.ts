/**
 * Where modules plug into each other at boot (the committees ask, they never read others' tables):
 * a project's pending gate reviews are what awaits its lab's committees, and a committee's
 * validated decision on one applies the outcome to the project — « go » moves it to the next
 * stage; a decision not adopted sends it back to work, with the decision's words as what is
 * missing. A desk request the lab proposed to its steering committee awaits that committee; its
 * validated decision accepts it as a project, which is born from it, or declines it with the
 * decision's words. A project another lab proposed to the network awaits this lab's steering
 * committee; its decision (supported or not) goes into the project's journal and to its team.
 * Appliers run inside the transaction that validates the minutes, once per decision.
 * A project's stage change (a gate decided, a pause, a stop) is heard by the roadmaps that hold it,
 * in the same transaction: they recompute their progress, record it and tell the open trackers.
 * The resources library shows how many Mini-Lab sessions use each method sheet: minilabs counts.
 * A training session held (its attendance closed) sends the agents present the satisfaction
 * questionnaire: a questionnaire of the surveys module addressed to them, open 30 days, announced
 * by a notification; the lab reads its results as any other.
 * The events' registrations use the shared seats: their messages take the events' words.
 */
import { registerAgendaSource, registerDecisionApplier } from "./committees";
import { applyGateOutcome, decideNetworkProposal, gateReviewSubjects, networkProjectSubjects, onProjectChange, projectForCommitteeRequest } from "./projects";
import { projectChanged } from "./roadmaps";
import { registerMethodUsage } from "./resources";
import { onSessionHeld, satisfactionTemplate, SATISFACTION_DAYS } from "./trainings";
import { createSurveyFromTemplate } from "./surveys";
import { notify } from "./notifications/notifications";
import { methodUsage } from "./minilabs";
import { onEventSaved } from "./events";
import { SEAT_KIND as EVENT_SEAT_KIND, eventSeatOwner, syncOffer } from "./events/registration.server";
import { registerSeatOwner } from "./registrations";
import { claimSponsorships, decideByCommittee, requestsAwaitingSteering } from "./requests";
import { onAccountCreated } from "./accounts/accounts";
import { Refusal } from "./kernel/permissions";
import { runtime } from "./kernel/runtime";

let wired = false;

export function wireModules(): void {
  if (wired) return;
  wired = true;
  // a sponsor named by an address without an account gets the request at their first sign-in
  onAccountCreated(async (user) => {
    await claimSponsorships(user);
  });
  onProjectChange(projectChanged);
  registerMethodUsage(methodUsage);
  onSessionHeld(async (held) => {
    if (!held.presentAgentIds.length) return;
    const survey = await createSurveyFromTemplate({
      labId: held.labId,
      template: satisfactionTemplate(held.sessionTitle),
      audience: { kind: "agents", userIds: held.presentAgentIds },
      closesAt: new Date(Date.now() + SATISFACTION_DAYS * 86_400_000),
    });
    await notify(held.presentAgentIds.map((userId) => ({ userId, kind: "survey_invitation" as const, title: `Votre avis sur « ${held.sessionTitle} »`, link: `/questionnaires/${survey.id}` })));
  });
  // the seats' messages (an offered seat, a deadline passed) name the event and link to its page
  registerSeatOwner(EVENT_SEAT_KIND, eventSeatOwner);
  // an event on registration keeps its seats in step with its capacity, in the transaction that saves it
  onEventSaved(syncOffer);
  registerAgendaSource("gate_review", ({ labId, committeeKind }) => gateReviewSubjects(labId, committeeKind));
  registerAgendaSource("request", async ({ labId, committeeKind }) => (committeeKind === "steering" ? requestsAwaitingSteering(labId) : []));
  registerDecisionApplier("request", async (decision) => {
    if (!decision.subjectId) return;
    try {
      await decideByCommittee(decision.subjectId, decision.adopted, decision.wording, decision.decidedAt);
    } catch (err) {
      if (err instanceof Refusal && (err.status === 409 || err.status === 404)) {
        runtime().log.warn("committee decision on a request already decided", { decision: decision.decisionId, request: decision.subjectId });
        return;
      }
      throw err;
    }
    if (decision.adopted) await projectForCommitteeRequest(decision.subjectId, decision.validatedBy);
  });
  registerAgendaSource("network_project", async ({ labId, committeeKind }) => (committeeKind === "steering" ? networkProjectSubjects(labId) : []));
  registerDecisionApplier("network_project", async (decision) => {
    if (!decision.subjectId) return;
    try {
      await decideNetworkProposal(decision.subjectId, decision.adopted, decision.wording, decision.decidedAt, decision.validatedBy);
    } catch (err) {
      if (err instanceof Refusal && (err.status === 409 || err.status === 404)) {
        runtime().log.warn("committee decision on a network proposal already answered", { decision: decision.decisionId, proposal: decision.subjectId });
        return;
      }
      throw err;
    }
  });
  registerDecisionApplier("gate_review", async (decision) => {
    if (!decision.subjectId) return;
    const outcome = decision.adopted
      ? ({ outcome: "go", decidedBy: decision.validatedBy } as const)
      : ({ outcome: "recycle", missing: decision.wording.trim() || "Le comité n’a pas adopté le passage d’étape.", decidedBy: decision.validatedBy } as const);
    try {
      await applyGateOutcome(null, decision.subjectId, outcome, decision.decidedAt);
    } catch (err) {
      // already decided from the project's page, or the review is gone: the committee's decision stands as a record
      if (err instanceof Refusal && (err.status === 409 || err.status === 404)) {
        runtime().log.warn("committee decision on a gate review already closed", { decision: decision.decisionId, review: decision.subjectId });
        return;
      }
      throw err;
    }
  });
}
