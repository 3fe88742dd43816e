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
import * as projects from "../projects/personal-data";
import * as notifications from "../notifications/personal-data";
import * as sessions from "../kernel/auth/personal-data";
import * as mail from "../kernel/mail/personal-data";
import { privacyRights } from "./permissions";

export interface PersonalDataExport {
  exportedAt: Date;
  accountId: string;
  sections: PersonalDataSection[];
}

/**
 * Everything Germoir holds about the viewer, asked of each module in turn (each reads only its
 * own tables). Only the holder may ask.
 */
export async function personalDataOf(viewer: { userId: string }, accountId: string, now = new Date()): Promise<PersonalDataExport> {
  if (!privacyRights(viewer, accountId).mayReadPersonalData) throw new Refusal("Vous ne pouvez consulter que vos propres données.", 403);
  const email = await accounts.accountEmail(accountId);
  const parts = await Promise.all([
    accounts.personalData(accountId),
    labs.personalData(accountId),
    campaigns.personalData(accountId),
    ideas.personalData(accountId),
    jury.personalData(accountId),
    themes.personalData(accountId),
    minilabs.personalData(accountId),
    arbitration.personalData(accountId),
    communities.personalData(accountId),
    projects.personalData(accountId),
    notifications.personalData(accountId),
    sessions.personalData(accountId),
    mail.personalData(email),
  ]);
  return { exportedAt: now, accountId, sections: parts.flat() };
}

const iso = (v: PersonalValue): Exclude<PersonalValue, Date> => (v instanceof Date ? v.toISOString() : v);

/** The export as one JSON document: `{ exported_at, account_id, <section key>: [rows…] }`. */
export function personalDataJson(data: PersonalDataExport): string {
  const doc: Record<string, unknown> = { exported_at: data.exportedAt.toISOString(), account_id: data.accountId };
  for (const s of data.sections) doc[s.key] = s.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, iso(v)])) as PersonalRow);
  return JSON.stringify(doc, null, 2);
}
