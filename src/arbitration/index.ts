/** The arbitration module's public face, as other modules see it (routes still import its files directly). */
export { publicDecisionsPage, publicDecisionsStats, type PublicDecision, type PublicDecisionFilter } from "./opendata";
export { decisionOutcomes, outcomeKeys, type DecisionOutcome } from "./arbitration";
