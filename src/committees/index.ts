/**
 * The committees module's public face: a lab's project and steering committees (paritary
 * État–Région), their meetings, agendas and dossiers, attendance and quorum, votes per side,
 * decisions applied at the minutes' validation, minutes and their PDF.
 *
 * Other modules plug in at boot: `registerAgendaSource(kind, fn)` says what awaits a committee
 * (e.g. projects' pending gate reviews), `registerDecisionApplier(kind, fn)` what a validated
 * decision does (e.g. move the project to its next stage). For instance, once projects is merged:
 *
 *   registerAgendaSource("gate_review", async ({ labId, committeeKind }) =>
 *     (await pendingGateReviews(labId, committeeKind)).map((r) => ({ subjectId: r.id, title: r.projectTitle, summary: … })));
 *   registerDecisionApplier("gate_review", async (d) => {
 *     if (d.subjectId) await applyGateOutcome(db(), d.subjectId, { outcome: d.adopted ? "go" : "recycle", missing: d.adopted ? undefined : d.wording, decidedBy: d.validatedBy });
 *   });
 *
 * An applier runs inside the transaction that validates the minutes (`db()` joins it), once per
 * decision (a row in committee_decision_applications claims it); if it throws, the validation
 * rolls back and nothing is applied. A source that throws only leaves its items out.
 */
export { committeeRights, type CommitteeRights } from "./permissions";
export { registerAgendaSource, registerDecisionApplier, type AgendaSource, type AwaitingSubject, type DecisionApplier, type DecisionToApply } from "./registry";
export { quorum, tallyVotes, isAdopted, majorityFailure, defaultQuorum, sideLabels, type SideTally, type QuorumRule } from "./rules";
export { committeeKindLabels, itemKindLabels, choiceLabels } from "./labels";
export {
  addAgendaItem,
  castVote,
  committeePage,
  conveneMeeting,
  correctDecision,
  createCommitteeFor,
  dossiersPage,
  labCommittees,
  meetingInvitation,
  meetingPage,
  minutesPage,
  minutesPdfFor,
  moveAgendaItem,
  recordAttendance,
  recordDecision,
  recordSecretCounts,
  removeAgendaItem,
  saveMinutesFor,
  scheduleMeeting,
  setAgendaItemSecret,
  sideOfOrganization,
  sitsInCommitteeOf,
  updateCommitteeFor,
  validateMinutes,
  type CommitteeSettings,
  type MeetingInput,
  type MeetingView,
} from "./service";
export { committeesMigrations } from "./db/migrations";
export type { AgendaItemKind, CommitteeKind, Side, VoteChoice } from "./db/schema";
