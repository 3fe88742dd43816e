import { isUuid } from "../kernel/ids";
import type { PersonalDataSection } from "../kernel/personal-data";
import { forget, personalRows } from "./skills";

/** The agent's declared skills, their expert profile and their directory messages, sent and received. */
export async function personalData(accountId: string): Promise<PersonalDataSection[]> {
  if (!isUuid(accountId)) return [];
  const r = await personalRows(accountId);
  return [
    { key: "skills", title: "Vos compétences dans l’annuaire", rows: r.skills.map((s) => ({ skill: s.label, level: s.level, willing_to_help: s.willing_to_help, updated_at: s.updated_at })) },
    { key: "skill_profile", title: "Votre profil d’expert dans l’annuaire", rows: r.profile },
    { key: "skill_messages_sent", title: "Les messages que vous avez envoyés par l’annuaire", rows: r.sent },
    { key: "skill_messages_received", title: "Les messages reçus par l’annuaire", rows: r.received },
  ];
}

/** At deletion: the agent leaves the directory, and their conversations are deleted. */
export async function forgetAccount(accountId: string): Promise<void> {
  if (!isUuid(accountId)) return;
  await forget(accountId);
}
