/**
 * The events module's public face: the events of the installation's labs and of the network's
 * (labs outside the installation, declared with their name and region), the calendar
 * (`/evenements`, month and list views, public for open events), the iCal files and feeds, and
 * the following of other labs' public calendars by a job (`events-import`).
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
  publicFeed,
  requestFetch,
  setEventStatus,
  updateEvent,
  whenLabel,
  type EventSummary,
} from "./service";
export { EVENTS_IMPORT_QUEUE, importJob, importLimits } from "./import";
export { eventSeatAction, myEvents, privateFeed, registrationPanel, renewFeed, revokeFeed, type RegistrationPanel } from "./registration";
export { eventsMigrations } from "./db/migrations";
export * from "./rules";
export type { EventRow, NetworkLab } from "./db/schema";
