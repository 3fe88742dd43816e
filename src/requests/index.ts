/** The requests module's public face: the one-stop desk (« guichet unique ») of the labs. */
export {
  accept,
  assign,
  confirmSponsor,
  createRequest,
  decline,
  deskLabs,
  deskSettings,
  inviteExpert,
  labQueue,
  linkProject,
  maxUploadMb,
  mayReadRequest,
  myRequests,
  overdueByLab,
  postMessage,
  postNote,
  postOpinion,
  qualify,
  reorient,
  requestAttachment,
  requestForEdit,
  requestForProject,
  requestsAcceptedForProject,
  proposeToSteering,
  requestsAwaitingSteering,
  decideByCommittee,
  claimSponsorships,
  acceptedRequestFields,
  requestPage,
  requireEditable,
  rightsOn,
  saveDeskSettings,
  updateRequest,
  type QueueQuery,
} from "./service";
export { requestRights, mayManageDesk, type RequestRights, type RequestViewer, type RequestFacts } from "./permissions";
export { requestsMigrations } from "./db/migrations";
export { addWorkingDays, workingDaysBetween, isWorkingDay } from "./workdays";
export * from "./schemas";
export { requestKinds, requestStatuses, requestOutcomes, statusSentence } from "./labels";
export type { RequestStatus, RequestKind, RequestOutcome } from "./db/schema";
