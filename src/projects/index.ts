/** The projects module's public face: projects and their stage gates, from birth to deployment. */
export { projectRights, type ProjectRights, type TeamPlace } from "./permissions";
export {
  applyGateOutcome,
  createProjectFor,
  createProjectFromDecision,
  createProjectFromRequest,
  labPortfolio,
  labProjectCounts,
  labProjectsExport,
  labOf,
  myProjects,
  newProjectForm,
  pendingGateReviews,
  gateReviewSubjects,
  projectAction,
  projectFile,
  projectForEdit,
  projectFromDecision,
  projectForRequest,
  projectForCommitteeRequest,
  acceptAsProject,
  projectSummaries,
  caseStudyCandidates,
  caseStudySource,
  projectFacts,
  labProjectChoices,
  type ProjectFacts,
  projectPage,
  proposeToNetwork,
  networkProjectSubjects,
  decideNetworkProposal,
  projectSettingsPage,
  projectStepsOfDecisions,
  projectsVisibleTo,
  requestGate,
  saveProjectSettings,
  updateProjectFor,
  type GateOutcomeInput,
  type ProjectFromRequest,
  type ProjectPage,
} from "./service";
export { projectsMigrations } from "./db/migrations";
export { publicProjectsPage, publicProjectStagesPage, publicProjectsStats, type PublicProject, type PublicProjectStage, type PublicProjectFilter } from "./opendata";
export type { Project, GateReview } from "./db/schema";
export * from "./stages";
export { onProjectChange, type ProjectChange, type ProjectChangeListener } from "./changes";
