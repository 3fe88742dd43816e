/**
 * Where modules plug into each other at boot (the committees ask, they never read others' tables):
 * a project's pending gate reviews are what awaits its lab's committees, and a committee's
 * validated decision on one applies the outcome to the project — « go » moves it to the next
 * stage; a decision not adopted sends it back to work, with the decision's words as what is
 * missing. The applier runs inside the transaction that validates the minutes, once per decision.
 */
import { registerAgendaSource, registerDecisionApplier } from "./committees";
import { applyGateOutcome, gateReviewSubjects } from "./projects";
import { Refusal } from "./kernel/permissions";
import { runtime } from "./kernel/runtime";

let wired = false;

export function wireModules(): void {
  if (wired) return;
  wired = true;
  registerAgendaSource("gate_review", ({ labId, committeeKind }) => gateReviewSubjects(labId, committeeKind));
  registerDecisionApplier("gate_review", async (decision) => {
    if (!decision.subjectId) return;
    const outcome = decision.adopted
      ? ({ outcome: "go", decidedBy: decision.validatedBy } as const)
      : ({ outcome: "recycle", missing: decision.wording.trim() || "Le comité n’a pas adopté le passage d’étape.", decidedBy: decision.validatedBy } as const);
    try {
      await applyGateOutcome(null, decision.subjectId, outcome, decision.decidedAt);
    } catch (err) {
      // already decided from the project's page, or the review is gone: the committee's decision stands as a record
      if (err instanceof Refusal && (err.status === 409 || err.status === 404)) {
        runtime().log.warn("committee decision on a gate review already closed", { decision: decision.decisionId, review: decision.subjectId });
        return;
      }
      throw err;
    }
  });
}
