/**
 * What a module gives back when an agent asks for their personal data (RGPD art. 15 and 20):
 * named sections of plain rows, readable as JSON and as a page. Each module builds its own from
 * its own tables (`personal-data.ts` beside its data file); the privacy module only assembles them.
 */
export type PersonalValue = string | number | boolean | null | string[] | Date;
export type PersonalRow = Record<string, PersonalValue>;

export interface PersonalDataSection {
  /** Stable key in the JSON export ("ideas", "idea_comments"…). */
  key: string;
  /** French heading on the readable page. */
  title: string;
  rows: PersonalRow[];
}

/** The name shown for the contributions of a deleted account. */
export const DELETED_ACCOUNT_NAME = { givenName: "Agent", familyName: "supprimé" } as const;
/** Why a contribution is withdrawn when its author deletes their account, in a lab that chose so. */
export const REMOVED_WITH_ACCOUNT_REASON = "Contribution retirée à la suppression du compte de son auteur ou de son autrice (choix du lab).";

export const DELETED_ACCOUNT_LABEL = "Agent supprimé";
