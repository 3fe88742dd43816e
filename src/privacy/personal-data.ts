import { Refusal } from "../kernel/permissions";
import type { PersonalDataSection, PersonalRow, PersonalValue } from "../kernel/personal-data";
import * as accounts from "../accounts/personal-data";
import * as labs from "../labs/personal-data";
import * as campaigns from "../campaigns/personal-data";
import * as ideas from "../ideas/personal-data";
import * as jury from "../jury/personal-data";
import * as themes from "../themes/personal-data";
import * as minilabs from "../minilabs/personal-data";
import * as arbitration from "../arbitration/personal-data";
import * as communities from "../communities/personal-data";
import * as requests from "../requests/personal-data";
import * as projects from "../projects/personal-data";
import * as committees from "../committees/personal-data";
import * as roadmaps from "../roadmaps/personal-data";
import * as resources from "../resources/personal-data";
import * as skills from "../skills/personal-data";
import * as events from "../events/personal-data";
import * as registrations from "../registrations/personal-data";
import * as trainings from "../trainings/personal-data";
import * as surveys from "../surveys/personal-data";
import * as notifications from "../notifications/personal-data";
import * as sessions from "../kernel/auth/personal-data";
import * as mail from "../kernel/mail/personal-data";
import { privacyRights } from "./permissions";

export interface PersonalDataExport {
  exportedAt: Date;
  accountId: string;
  sections: PersonalDataSection[];
}

/** Each module's part, in the order of the export; each reads only its own tables. */
const parts: ((accountId: string, email: string | null) => Promise<PersonalDataSection[]>)[] = [
  (id) => accounts.personalData(id),
  (id) => labs.personalData(id),
  (id) => campaigns.personalData(id),
  (id) => ideas.personalData(id),
  (id) => jury.personalData(id),
  (id) => themes.personalData(id),
  (id) => minilabs.personalData(id),
  (id) => arbitration.personalData(id),
  (id) => communities.personalData(id),
  (id) => requests.personalData(id),
  (id) => projects.personalData(id),
  (id) => committees.personalData(id),
  (id) => roadmaps.personalData(id),
  (id) => resources.personalData(id),
  (id) => skills.personalData(id),
  (id) => events.personalData(id),
  (id) => registrations.personalData(id),
  (id) => trainings.personalData(id),
  (id) => surveys.personalData(id),
  (id) => notifications.personalData(id),
  (id) => sessions.personalData(id),
  (_id, email) => mail.personalData(email),
];

function requireHolder(viewer: { userId: string }, accountId: string) {
  if (!privacyRights(viewer, accountId).mayReadPersonalData) throw new Refusal("Vous ne pouvez consulter que vos propres données.", 403);
}

/**
 * Everything Germoir holds about the viewer, asked of each module in turn (each reads only its
 * own tables). Only the holder may ask.
 */
export async function personalDataOf(viewer: { userId: string }, accountId: string, now = new Date()): Promise<PersonalDataExport> {
  requireHolder(viewer, accountId);
  const email = await accounts.accountEmail(accountId);
  const sections = await Promise.all(parts.map((part) => part(accountId, email)));
  return { exportedAt: now, accountId, sections: sections.flat() };
}

const iso = (v: PersonalValue): Exclude<PersonalValue, Date> => (v instanceof Date ? v.toISOString() : v);
const jsonRows = (s: PersonalDataSection) => s.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, iso(v)])) as PersonalRow);

/** The export as one JSON document: `{ exported_at, account_id, <section key>: [rows…] }`. */
export function personalDataJson(data: PersonalDataExport): string {
  const doc: Record<string, unknown> = { exported_at: data.exportedAt.toISOString(), account_id: data.accountId };
  for (const s of data.sections) doc[s.key] = jsonRows(s);
  return JSON.stringify(doc, null, 2);
}

/**
 * The same JSON document, streamed: each module is asked in turn and its sections written as they
 * come, so an agent with years of contributions is never held whole in memory. The holder check is
 * made before the first byte (a refusal is an answer, not a broken download).
 */
export function personalDataStream(viewer: { userId: string }, accountId: string, now = new Date()): ReadableStream<Uint8Array> {
  requireHolder(viewer, accountId);
  const encoder = new TextEncoder();
  let next = 0;
  let email: string | null | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (email === undefined) {
        email = await accounts.accountEmail(accountId);
        controller.enqueue(encoder.encode(`{\n  "exported_at": ${JSON.stringify(now.toISOString())},\n  "account_id": ${JSON.stringify(accountId)}`));
        return;
      }
      if (next >= parts.length) {
        controller.enqueue(encoder.encode("\n}\n"));
        controller.close();
        return;
      }
      const sections = await parts[next++](accountId, email);
      const body = sections.map((s) => `,\n  ${JSON.stringify(s.key)}: ${JSON.stringify(jsonRows(s), null, 2).replaceAll("\n", "\n  ")}`).join("");
      controller.enqueue(encoder.encode(body));
    },
  });
}
