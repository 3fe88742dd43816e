/**
 * The desk's dashboard figures are counted in the database: they must say what the working-day
 * rules say, request by request (weekends, public holidays, a year's end, Paris days).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeLab, makeOrganization } from "../../tests/support/fixtures";
import { db } from "../kernel/runtime";
import { parisTime } from "../demo/clock";
import type { RequestKind, RequestStatus, RequestsTables } from "./db/schema";
import { requestStats } from "./stats";
import { workingDaysBetween } from "./workdays";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

const at = (day: string, time = "10:00") => {
  const [y, m, d] = day.split("-").map(Number);
  const [h, min] = time.split(":").map(Number);
  return parisTime(y, m, d, h, min);
};
interface Row {
  kind: RequestKind;
  status: RequestStatus;
  submitted: Date;
  due: Date | null;
  answered: Date | null;
  decided: Date | null;
  organizationId?: string | null;
}

async function insert(labId: string, rows: Row[]) {
  await db()
    .withTables<RequestsTables>()
    .insertInto("requests")
    .values(
      rows.map((r, i) => ({
        lab_id: labId,
        requester_id: null,
        organization_id: r.organizationId ?? null,
        status: r.status,
        kind: r.kind,
        title: `Demande ${i}`,
        context: "Contexte",
        affected: "Agents",
        success: "Réussite",
        timing: "Bientôt",
        other_administrations: "",
        sponsor_email: "sponsor@example.gouv.fr",
        sponsor_id: null,
        sponsor_confirmed_at: null,
        assignee_id: null,
        outcome: null,
        decline_reason: r.status === "declined" ? "Hors du champ du lab" : null,
        project_id: null,
        reoriented_from_id: null,
        reoriented_to_lab_id: null,
        submitted_at: r.submitted,
        due_at: r.due,
        first_answer_at: r.answered,
        decided_at: r.decided,
        proposed_to_steering_at: null,
      })),
    )
    .execute();
}

/** The nearest-rank percentile, on the counts the JS rules give request by request. */
const nearestRank = (values: number[], p: number) => {
  const sorted = [...values].sort((a, z) => a - z);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] : null;
};

it("counts the working days to the first answer and to the decision as the working-day rules do, request by request", async () => {
  const lab = await makeLab();
  const org = await makeOrganization();
  const rows: Row[] = [
    // Thursday 30 April → Monday 4 May 2026: 1 May is a holiday, then a weekend: 1 working day
    { kind: "workshop", status: "qualifying", submitted: at("2026-04-30"), due: at("2026-05-14"), answered: at("2026-05-04", "09:00"), decided: null },
    // Friday 3 April → Tuesday 7 April 2026 (Easter Monday 6 April): 1 working day; declined 14 April: 6
    { kind: "project", status: "declined", submitted: at("2026-04-03", "23:30"), due: at("2026-04-17"), answered: at("2026-04-07"), decided: at("2026-04-14") },
    // across the year's end: Wednesday 30 December 2026 → Monday 4 January 2027: 2 working days (31 Dec, 4 Jan)
    { kind: "project", status: "qualifying", submitted: at("2026-12-30"), due: at("2027-01-13"), answered: at("2027-01-04"), decided: null, organizationId: org.id },
    // answered the same day: 0; after the promise
    { kind: "method", status: "declined", submitted: at("2026-06-10", "08:00"), due: at("2026-06-09"), answered: at("2026-06-10", "18:00"), decided: at("2026-07-15") },
    // no answer yet, past its promise: overdue; another not yet due
    { kind: "workshop", status: "submitted", submitted: at("2026-09-01"), due: at("2026-09-15"), answered: null, decided: null },
    { kind: "training", status: "submitted", submitted: at("2026-12-01"), due: at("2027-02-15"), answered: null, decided: null },
    // long waits, over summer (14 July, 15 August)
    { kind: "project", status: "declined", submitted: at("2026-07-01"), due: at("2026-07-15"), answered: at("2026-08-20"), decided: at("2026-09-30") },
    { kind: "network", status: "qualifying", submitted: at("2026-03-02"), due: at("2026-03-16"), answered: at("2026-03-20"), decided: null },
  ];
  await insert(lab.id, rows);
  // outside the period or another lab's: never counted
  await insert(lab.id, [{ kind: "project", status: "submitted", submitted: at("2025-12-31"), due: null, answered: null, decided: null }]);
  await insert((await makeLab()).id, rows.slice(0, 3));

  const now = at("2027-01-20");
  const stats = await requestStats({ labId: lab.id, from: at("2026-01-01", "00:00"), to: at("2027-01-01", "00:00"), organizationIds: null }, now);
  const toAnswer = rows.filter((r) => r.answered).map((r) => workingDaysBetween(r.submitted, r.answered!));
  const toDecision = rows.filter((r) => r.decided).map((r) => workingDaysBetween(r.submitted, r.decided!));
  expect(toAnswer.slice(0, 3)).toEqual([1, 1, 2]);
  expect(stats).toEqual({
    received: 8,
    promiseDays: 10,
    byKind: [
      { kind: "project", requests: 3 },
      { kind: "workshop", requests: 2 },
      { kind: "method", requests: 1 },
      { kind: "network", requests: 1 },
      { kind: "training", requests: 1 },
    ],
    byStatus: [
      { status: "declined", requests: 3 },
      { status: "qualifying", requests: 3 },
      { status: "submitted", requests: 2 },
    ],
    firstAnswer: { answered: 6, withinPromise: 3, medianDays: nearestRank(toAnswer, 0.5), p90Days: nearestRank(toAnswer, 0.9) },
    decision: { decided: 3, medianDays: nearestRank(toDecision, 0.5), p90Days: nearestRank(toDecision, 0.9) },
    overdue: 1,
  });
  expect(stats.firstAnswer.medianDays).toBe(1);
  expect(stats.decision.medianDays).toBe(toDecision.sort((a, z) => a - z)[1]);

  // one organisation: only its request
  const ofOrg = await requestStats({ labId: lab.id, from: at("2026-01-01", "00:00"), to: at("2027-01-01", "00:00"), organizationIds: [org.id] }, now);
  expect(ofOrg).toMatchObject({ received: 1, firstAnswer: { answered: 1, withinPromise: 1, medianDays: 2, p90Days: 2 }, decision: { decided: 0, medianDays: null } });
  // an empty period
  expect(await requestStats({ labId: lab.id, from: at("2020-01-01", "00:00"), to: at("2020-02-01", "00:00") }, now)).toMatchObject({ received: 0, byKind: [], firstAnswer: { answered: 0, medianDays: null }, overdue: 0 });
});
