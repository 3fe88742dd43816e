import { isUuid } from "../kernel/ids";
import type { PersonalDataSection } from "../kernel/personal-data";
import { forgetUser, personalRows } from "./projects";

/** The projects the agent leads or is in the team of, their journal entries and the gate reviews they asked for or recorded. */
export async function personalData(accountId: string): Promise<PersonalDataSection[]> {
  if (!isUuid(accountId)) return [];
  const r = await personalRows(accountId);
  return [
    { key: "projects_led", title: "Les projets dont vous êtes chef ou cheffe de projet", rows: r.led },
    { key: "project_memberships", title: "Les projets dont vous êtes membre de l’équipe", rows: r.memberships },
    { key: "project_journal", title: "Vos entrées au journal des projets", rows: r.journal },
    { key: "project_gate_reviews", title: "Les passages d’étape que vous avez demandés ou enregistrés", rows: r.reviews },
    { key: "project_network_proposals", title: "Les projets que vous avez proposés au réseau des labs", rows: r.proposals },
  ];
}

/** A deleted account leaves the projects' teams and is no longer named as a project's lead. */
export async function forgetAccount(accountId: string): Promise<void> {
  if (!isUuid(accountId)) return;
  await forgetUser(accountId);
}
