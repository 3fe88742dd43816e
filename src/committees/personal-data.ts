import { isUuid } from "../kernel/ids";
import type { PersonalDataSection } from "../kernel/personal-data";
import { forgetUser, personalRows } from "./db/queries";
import { choiceLabels } from "./labels";
import { sideLabels } from "./rules";

/**
 * The committees the agent sits in (and for which side), the meetings they attended, their open
 * votes and the minutes they drafted or validated. A secret vote is not here: nothing of it
 * names a voter.
 */
export async function personalData(accountId: string): Promise<PersonalDataSection[]> {
  if (!isUuid(accountId)) return [];
  const r = await personalRows(accountId);
  return [
    { key: "committee_memberships", title: "Les comités où vous siégez", rows: r.memberships.map((m) => ({ committee: m.committee, side: m.side ? sideLabels[m.side] : null })) },
    { key: "committee_attendance", title: "Les réunions de comité où vous étiez présent ou présente", rows: r.attendance },
    { key: "committee_votes", title: "Vos votes à main levée en comité", rows: r.votes.map((v) => ({ title: v.title, choice: choiceLabels[v.choice] })) },
    { key: "committee_minutes", title: "Les comptes rendus que vous avez rédigés ou validés", rows: r.minutes },
  ];
}

/** A deleted account leaves its committees (and their chair); past votes and attendance stay in the record, under the pseudonym. */
export async function forgetAccount(accountId: string): Promise<void> {
  if (!isUuid(accountId)) return;
  await forgetUser(accountId);
}
