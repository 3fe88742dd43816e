/**
 * The resources module's public face: the library of method sheets, tools, templates and case
 * studies (`/ressources`), the lab team's pages that write and publish them, case studies drafted
 * from projects, and the lab's methods that Mini-Lab sessions choose from (one list: the method
 * sheets). Mini-Labs report how many sessions use each method through `registerMethodUsage`,
 * wired in src/wiring.ts.
 */
export { resourceRights, type ResourceRights } from "./permissions";
export {
  addLabMethod,
  createResourceFor,
  defaultMethods,
  ensureLabMethods,
  generateCaseStudy,
  labLibrary,
  labMethods,
  libraryPage,
  methodSheetsFor,
  registerMethodUsage,
  resourceAction,
  resourceEditPage,
  resourceFile,
  resourcePage,
  setLabMethodArchived,
  type LabMethod,
  type MethodUsageSource,
} from "./service";
export { resourcesMigrations } from "./db/migrations";
export { kindFields, resourceKinds, visibilities, type Resource, type ResourceKind } from "./db/schema";
