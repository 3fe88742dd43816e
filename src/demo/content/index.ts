/**
 * Demo content for Germoir: organizations of the Région Grand Est and the State, 300 agents,
 * the lab teams and other named people, and the ideas of two campaigns. Plain, deterministic
 * data with no dependencies.
 */
export { organizations, organizationByKey } from "./organizations";
export type { DemoOrganization, OrganizationKind } from "./organizations";
export { agents, agentByKey, agentGenders, labTeam } from "./agents";
export type { DemoAgent, DemoSpecialPerson, SpecialRole, Gender } from "./agents";
export { closedCampaignIdeas, openCampaignIdeas, ideasByTopic } from "./ideas";
export { topicLabels } from "./types";
export type { DemoIdea, DemoAward, TopicKey } from "./types";
