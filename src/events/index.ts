/**
 * The events module's public face: the events of the installation's labs and of the network's
 * (labs outside the installation, declared with their name and region), the calendar
 * (`/evenements`, month and list views, public for open events), the iCal files and feeds, and
 * the following of other labs' public calendars by a job (`events-import`).
 * Registration and the private feed « mes inscriptions » are in ./registration.server.ts (server
 * only: it reaches the shared seats and their mails), imported by routes' loaders and actions and
 * by src/wiring.ts. The dashboards' figures are in ./stats.server.ts (server only, for the same reason).
 */
export { eventRights, visibleAudiences, networkLabRights, type EventRights } from "./permissions";
export {
  calendarPage,
  createEvent,
  declareNetworkLab,
  eventForEdit,
  eventIcs,
  eventPage,
  followCalendar,
  labEvents,
  networkPage,
  newEventForm,
  onEventSaved,
  publicFeed,
  requestFetch,
  refreshFollowedCalendars,
  REFRESH_EVERY_MS,
  setEventStatus,
  updateEvent,
  whenLabel,
  type EventSummary,
} from "./service";
export { EVENTS_IMPORT_QUEUE, importJob, importLimits } from "./import";
export { eventsMigrations } from "./db/migrations";
export * from "./rules";
export type { EventRow, NetworkLab } from "./db/schema";
