import type { Generated, Selectable } from "kysely";
import type { Audience, EventKind, EventStatus, FetchStatus, RegistrationMode } from "../rules";

export type EventsTables = {
  /** A lab of the network outside this installation, declared by a lab of the installation (its team keeps it). */
  network_labs: {
    id: Generated<string>;
    name: string;
    region: string;
    website: string | null;
    /** Its public iCalendar address, when the lab follows its calendar. */
    ical_url: string | null;
    declared_by_lab_id: string;
    created_at: Generated<Date>;
  };
  events: {
    id: Generated<string>;
    /** The installation's lab that holds it, or… */
    lab_id: string | null;
    /** …the network lab it belongs to (declared by hand or imported from its calendar). */
    network_lab_id: string | null;
    title: string;
    description: string;
    kind: EventKind;
    starts_at: Date;
    ends_at: Date;
    all_day: Generated<boolean>;
    /** An iCalendar RRULE value (FREQ=WEEKLY;COUNT=6), expanded in Paris wall-clock time. */
    recurrence: string | null;
    region: string;
    place: string;
    online_url: string | null;
    audience: Audience;
    registration: Generated<RegistrationMode>;
    capacity: number | null;
    tags: Generated<string[]>;
    status: Generated<EventStatus>;
    /** Imported: the UID in the source calendar and the calendar's address. */
    source_uid: string | null;
    source_url: string | null;
    /** The event's own page in its source, when the source gives one. */
    link: string | null;
    created_by: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  /** Each fetch of a followed calendar, its progress and its outcome (shown to the lab team). */
  event_feed_fetches: {
    id: Generated<string>;
    network_lab_id: string;
    status: Generated<FetchStatus>;
    requested_by: string | null;
    requested_at: Generated<Date>;
    finished_at: Date | null;
    message: Generated<string>;
    created: Generated<number>;
    updated: Generated<number>;
    removed: Generated<number>;
  };
  /** The secret address of an agent's private feed of registrations (its SHA-256, never the token). */
  event_feed_tokens: {
    user_id: string;
    token_hash: string;
    created_at: Generated<Date>;
  };
};

export type NetworkLab = Selectable<EventsTables["network_labs"]>;
export type EventRow = Selectable<EventsTables["events"]>;
export type FeedFetch = Selectable<EventsTables["event_feed_fetches"]>;
