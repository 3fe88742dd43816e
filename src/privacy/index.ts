/** The privacy module's public face: personal data of an agent, account deletion, retention, legal pages. */
export { privacyRights, type PrivacyRights } from "./permissions";
export { personalDataOf, personalDataJson, personalDataStream, type PersonalDataExport } from "./personal-data";
export { deleteAccount, deleteAccountSchema, deletionPseudonym, DELETE_CONFIRMATION_WORD } from "./deletion";
export { purgePastRetention, type PurgeReport } from "./retention";
export { legalNotice, type LegalNotice } from "./notice";
export { privacyMigrations } from "./db/migrations";
export { fieldLabels, readableField, readableValue } from "./labels";
