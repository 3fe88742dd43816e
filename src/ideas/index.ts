/** The ideas module's public face, as other modules see it (routes still import its files directly). */
export { publicIdeasPage, publicIdeasStats, publishedIdeaStatuses, type PublicIdea, type PublicIdeaFilter, type PublishedIdeaStatus } from "./opendata";
export { ideaStatuses, awardKinds } from "./ideas";
