import { isUuid } from "../kernel/ids";
import type { PersonalDataSection } from "../kernel/personal-data";
import * as data from "./db/queries";

const approvalLabels = { pending: "En attente", approved: "Accordée", refused: "Refusée" } as const;

/**
 * The sessions the agent attended (or missed), the managers' approvals they asked for (with the
 * address they gave), the sessions they trained and the trainings they created. Their seats and
 * waiting lists are in the registrations module's section.
 */
export async function personalData(accountId: string): Promise<PersonalDataSection[]> {
  if (!isUuid(accountId)) return [];
  const attendance = await data.attendanceOfUser(accountId);
  const approvals = await data.approvalsOfUser(accountId);
  const trained = await data.sessionsTrainedBy(accountId);
  const sessions = await data.getSessions([...attendance.map((a) => a.session_id), ...approvals.map((a) => a.session_id), ...trained]);
  const trainings = await data.getTrainings(sessions.map((s) => s.training_id));
  const title = (sessionId: string) => {
    const s = sessions.find((x) => x.id === sessionId);
    return s ? (trainings.get(s.training_id)?.title ?? "") : "";
  };
  const startsAt = (sessionId: string) => sessions.find((x) => x.id === sessionId)?.starts_at ?? null;
  return [
    { key: "training_attendance", title: "Votre présence aux sessions de formation", rows: attendance.map((a) => ({ training: title(a.session_id), session: startsAt(a.session_id), present: a.present })) },
    { key: "training_approvals", title: "Les accords demandés à votre responsable pour une formation", rows: approvals.map((a) => ({ training: title(a.session_id), manager_email: a.manager_email, status: approvalLabels[a.status], asked_at: a.created_at, decided_at: a.decided_at })) },
    { key: "training_trainer", title: "Les sessions de formation que vous animez", rows: trained.map((id) => ({ training: title(id), session: startsAt(id) })) },
    { key: "trainings_created", title: "Les formations que vous avez créées", rows: await data.trainingsCreatedBy(accountId) },
  ];
}

/** A deleted account: its approval requests (and the manager's address given) and trainer seats go; attendance stays, under the pseudonym. */
export async function forgetAccount(accountId: string): Promise<void> {
  if (!isUuid(accountId)) return;
  await data.forgetUser(accountId);
}
