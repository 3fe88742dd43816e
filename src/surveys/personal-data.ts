import { isUuid } from "../kernel/ids";
import type { PersonalDataSection } from "../kernel/personal-data";
import { surveysAnsweredBy, surveysCreatedBy } from "./surveys";

/**
 * The questionnaires the agent answered (their title and the day: the answers themselves are
 * the lab's results, tied to the agent only to let them edit until closing) and those they created.
 * Anonymous answers are tied to no one: they are not here.
 */
export async function personalData(accountId: string): Promise<PersonalDataSection[]> {
  if (!isUuid(accountId)) return [];
  const [answered, created] = await Promise.all([surveysAnsweredBy(accountId), surveysCreatedBy(accountId)]);
  return [
    { key: "surveys_answered", title: "Les questionnaires auxquels vous avez répondu", rows: answered.map((r) => ({ title: r.title, answered_on: r.answered_on })) },
    { key: "surveys_created", title: "Les questionnaires que vous avez créés", rows: created.map((r) => ({ title: r.title, created_at: r.created_at })) },
  ];
}
