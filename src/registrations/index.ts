/**
 * The registrations module's public face: seats with a waiting list, for any module that
 * registers agents. Stable API (trainings' sessions use it; the network's events will too).
 *
 * - An owner module declares its kind once with `registerSeatOwner(kind, { describe })`: the
 *   words and link of its objects, used in the messages sent to agents.
 * - `setOffer(kind, ownerId, { capacity, confirmHours = 48, groupKey })` creates or updates the
 *   offer of one object (capacity null: no limit). A `groupKey` ties offers (all sessions of one
 *   training): an agent confirmed in one leaves the group's other waiting lists, and may not
 *   register to another of them.
 * - `register` → confirmed or waiting (in order of arrival); `cancel` → the first waiting agent is
 *   offered the seat until a deadline (notification + mail after commit); `confirm` takes it;
 *   `expireDue(now)` passes on offered seats past their deadline (the scheduler runs it every
 *   minute). Every step is logged (`seatList(...).log`).
 * - The owner checks who may register before calling; these functions check nothing of that.
 * - All take an optional `now` (a controlled clock in tests) and run in one transaction, or a
 *   savepoint inside the caller's.
 */
export {
  DEFAULT_CONFIRM_HOURS,
  cancel,
  confirm,
  confirmedAgents,
  expireDue,
  register,
  registrationsOf,
  removeOffer,
  seatCounts,
  seatList,
  setOffer,
  standings,
  type OfferSettings,
  type SeatCounts,
  type Standing,
} from "./service";
export { registerSeatOwner, type SeatOwner, type SeatSubject } from "./hooks";
export { statusLabels, eventLabels } from "./labels";
export { registrationsMigrations } from "./db/migrations";
export type { SeatStatus, SeatEventKind } from "./db/schema";
