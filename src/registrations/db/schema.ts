import type { Generated, Selectable } from "kysely";

/** Where an agent stands on a seat offer. Active: confirmed, offered, waiting. */
export type SeatStatus = "confirmed" | "offered" | "waiting" | "cancelled" | "expired" | "withdrawn";
/** What the log records. */
export type SeatEventKind = "confirmed" | "waiting" | "offered" | "accepted" | "cancelled" | "expired" | "withdrawn";

export type RegistrationsTables = {
  seat_offers: {
    id: Generated<string>;
    /** The module that owns the offer ("training_session", "event"…) and its object's id. */
    owner_kind: string;
    owner_id: string;
    /** null: no limit, everyone is confirmed at once. */
    capacity: number | null;
    /** Hours an agent offered a freed seat has to confirm it before it passes on. */
    confirm_hours: Generated<number>;
    /** Offers of one group (the sessions of one training): confirmed in one, an agent leaves the others' lists. */
    group_key: string | null;
    created_at: Generated<Date>;
  };
  seat_registrations: {
    id: Generated<string>;
    offer_id: string;
    user_id: string;
    status: SeatStatus;
    /** The order of arrival (a sequence): the waiting list's order. */
    seq: Generated<number>;
    /** Until when an offered seat waits for the agent's confirmation. */
    offered_until: Date | null;
    created_at: Date;
    updated_at: Date;
  };
  seat_events: {
    id: Generated<string>;
    offer_id: string;
    user_id: string | null;
    kind: SeatEventKind;
    at: Date;
    /** The order things happened in (several may share a time). */
    seq: Generated<number>;
  };
};

export type SeatOffer = Selectable<RegistrationsTables["seat_offers"]>;
export type SeatRegistration = Selectable<RegistrationsTables["seat_registrations"]>;
export type SeatEvent = Selectable<RegistrationsTables["seat_events"]>;
