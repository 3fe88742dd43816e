/**
 * The trainings module's public face: the catalogue `/formations` across the installation's labs,
 * who may register (the organising side and, through the reciprocal offer, the sides the lab
 * opened it to), sessions with a waiting list (seats kept by the registrations module), the
 * manager's approval by a mail link, attendance and attestations, the lab team's pages and the
 * reciprocal offer's balance.
 *
 * `onSessionHeld(listener)` hears a session whose attendance was closed, after commit, with the
 * agents present: the satisfaction questionnaire plugs in there (src/wiring.ts).
 */
export {
  addSession,
  approvalPage,
  attestationFor,
  catalogue,
  createTraining,
  decideApproval,
  deleteSession,
  labTrainings,
  myTrainings,
  onSessionHeld,
  reciprocalBalance,
  reciprocalBalanceExport,
  recordAttendance,
  seatAction,
  sessionPage,
  sessionTitle,
  sideOf,
  trainingEditPage,
  trainingPage,
  updateSession,
  updateTraining,
  SEAT_KIND,
  type SessionHeld,
} from "./service";
export { registrationRule, trainingRights, sideLabels, sideOfOrganizationKind, sides, type Side, type TrainingRights } from "./permissions";
export { trainingsMigrations } from "./db/migrations";
export { trainingStats, type TrainingStats } from "./stats";
export type { Training, TrainingSession } from "./db/schema";
export { satisfactionTemplate, SATISFACTION_DAYS } from "./satisfaction";
