/**
 * What the owner module of a seat offer provides: the words and link of each of its objects, for
 * the messages this module sends to agents (a freed seat offered, a deadline passed).
 */
export interface SeatSubject {
  /** « Initiation au design de service – session du 12 janvier 2027 ». */
  title: string;
  /** Where the agent confirms or cancels (a path of the application). */
  link: string;
  /** The lab whose outbox keeps the mails. */
  labId: string | null;
}

export interface SeatOwner {
  describe(ownerIds: string[]): Promise<Map<string, SeatSubject>>;
}

const owners = new Map<string, SeatOwner>();

/** An owner module declares its kind once (at import): its offers' messages use its words. */
export function registerSeatOwner(kind: string, owner: SeatOwner): void {
  owners.set(kind, owner);
}

export async function describeSeats(kind: string, ownerIds: string[]): Promise<Map<string, SeatSubject>> {
  const owner = owners.get(kind);
  const found = owner ? await owner.describe(ownerIds) : new Map<string, SeatSubject>();
  for (const id of ownerIds) if (!found.has(id)) found.set(id, { title: "Une inscription", link: "/", labId: null });
  return found;
}
