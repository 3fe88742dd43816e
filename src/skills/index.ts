/**
 * The skills module's public face: the skills directory (`/competences`), the agent's own skills
 * and expert profile, in-app messages between agents (never an email address), a lab's additions
 * to the shared list of skills and its external experts, and `peopleWithSkill` for a project or a
 * Mini-Lab looking for help.
 */
export { mayContact, mayReadMessage, mayManageLabSkills, DAILY_MESSAGES } from "./permissions";
export { contact, directoryPage, labSkillsAction, labSkillsPage, messagePage, mySkillsAction, mySkillsPage, peopleWithSkill, personPage, reply } from "./service";
export { skillsMigrations, sharedSkills } from "./db/migrations";
export { levels, expertKinds, type Level, type ExpertKind } from "./db/schema";
