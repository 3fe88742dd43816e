import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod } from "ical-generator";

export interface InvitationInput {
  meetingId: string;
  committeeName: string;
  labName: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  videoUrl: string;
  url: string;
  agenda: string[];
  organizer: { name: string; email: string };
  attendees: { name: string; email: string }[];
  sequence: number;
}

/** The meeting as an iCalendar invitation (METHOD:REQUEST), one event whose UID is the meeting's. */
export function invitationIcs(m: InvitationInput, host: string): string {
  const cal = ical({ name: m.committeeName, method: ICalCalendarMethod.REQUEST, prodId: { company: "Germoir", product: "comites", language: "FR" } });
  const description = [
    `${m.committeeName} – ${m.labName}`,
    m.videoUrl ? `Visioconférence : ${m.videoUrl}` : "",
    m.agenda.length ? `Ordre du jour :\n${m.agenda.map((t, i) => `${i + 1}. ${t}`).join("\n")}` : "",
    `Dossiers : ${m.url}`,
  ]
    .filter(Boolean)
    .join("\n\n");
  cal.createEvent({
    id: `${m.meetingId}@${host}`,
    sequence: m.sequence,
    start: m.startsAt,
    end: m.endsAt,
    summary: `${m.committeeName} – ${m.labName}`,
    description,
    location: m.place || m.videoUrl,
    url: m.url,
    organizer: m.organizer,
    attendees: m.attendees.map((a) => ({ name: a.name, email: a.email, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION, rsvp: true })),
  });
  return cal.toString();
}
