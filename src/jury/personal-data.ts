import { db } from "../kernel/runtime";
import { isUuid } from "../kernel/ids";
import type { PersonalDataSection } from "../kernel/personal-data";
import type { JuryTables } from "./jury";

const q = () => db().withTables<JuryTables>();

/** The juries the agent sits on and their evaluations (scores and comments). */
export async function personalData(accountId: string): Promise<PersonalDataSection[]> {
  if (!isUuid(accountId)) return [];
  const [assignments, evaluations] = await Promise.all([
    q().selectFrom("jury_assignments").select(["campaign_id", "created_at"]).where("user_id", "=", accountId).orderBy("created_at").orderBy("campaign_id").execute(),
    q().selectFrom("evaluations").select(["id", "campaign_id", "idea_id", "comment", "submitted_at"]).where("juror_id", "=", accountId).orderBy("submitted_at").orderBy("id").execute(),
  ]);
  const scores = evaluations.length
    ? await q()
        .selectFrom("evaluation_scores")
        .select(["evaluation_id", "criterion_id", "score", "comment"])
        .where(
          "evaluation_id",
          "in",
          evaluations.map((e) => e.id),
        )
        .orderBy("evaluation_id")
        .orderBy("criterion_id")
        .execute()
    : [];
  return [
    { key: "jury_assignments", title: "Vos jurys", rows: assignments },
    { key: "evaluations", title: "Vos évaluations", rows: evaluations },
    { key: "evaluation_scores", title: "Vos notes par critère", rows: scores },
  ];
}
