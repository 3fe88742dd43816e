/**
 * Desk figures for the steering dashboards: requests received by a lab in a period (drafts never
 * count), by kind and status, and the time to first answer and to decision in French working
 * days, against the lab's promise. Read live from this module's tables.
 */
import { db } from "../kernel/runtime";
import type { RequestKind, RequestStatus, RequestsTables } from "./db/schema";
import { answerDays } from "./db/queries";
import { workingDaysBetween } from "./workdays";

const q = () => db().withTables<RequestsTables>();

export interface RequestStats {
  received: number;
  promiseDays: number;
  byKind: { kind: RequestKind; requests: number }[];
  byStatus: { status: RequestStatus; requests: number }[];
  firstAnswer: { answered: number; withinPromise: number; medianDays: number | null; p90Days: number | null };
  decision: { decided: number; medianDays: number | null; p90Days: number | null };
  /** still waiting for a first answer, past the promise */
  overdue: number;
}

function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i];
}

export async function requestStats(query: { labId: string; from: Date; to: Date; organizationId?: string | null }, now = new Date()): Promise<RequestStats> {
  let b = q()
    .selectFrom("requests")
    .select(["kind", "status", "submitted_at", "due_at", "first_answer_at", "decided_at"])
    .where("lab_id", "=", query.labId)
    .where("status", "<>", "draft")
    .where("submitted_at", ">=", query.from)
    .where("submitted_at", "<", query.to);
  if (query.organizationId) b = b.where("organization_id", "=", query.organizationId);
  const [rows, days] = await Promise.all([b.execute(), answerDays([query.labId])]);
  const count = <K extends string>(key: (r: (typeof rows)[number]) => K) => {
    const m = new Map<K, number>();
    for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
    return [...m].sort((a, z) => z[1] - a[1]);
  };
  const toAnswer: number[] = [];
  const toDecision: number[] = [];
  let withinPromise = 0;
  let overdue = 0;
  for (const r of rows) {
    if (!r.submitted_at) continue;
    if (r.first_answer_at) {
      toAnswer.push(workingDaysBetween(r.submitted_at, r.first_answer_at));
      if (!r.due_at || r.first_answer_at <= r.due_at) withinPromise++;
    } else if (r.due_at && r.due_at < now && (r.status === "submitted" || r.status === "qualifying")) overdue++;
    if (r.decided_at) toDecision.push(workingDaysBetween(r.submitted_at, r.decided_at));
  }
  toAnswer.sort((a, z) => a - z);
  toDecision.sort((a, z) => a - z);
  return {
    received: rows.length,
    promiseDays: days.get(query.labId) ?? 10,
    byKind: count((r) => r.kind).map(([kind, requests]) => ({ kind, requests })),
    byStatus: count((r) => r.status).map(([status, requests]) => ({ status, requests })),
    firstAnswer: { answered: toAnswer.length, withinPromise, medianDays: percentile(toAnswer, 0.5), p90Days: percentile(toAnswer, 0.9) },
    decision: { decided: toDecision.length, medianDays: percentile(toDecision, 0.5), p90Days: percentile(toDecision, 0.9) },
    overdue,
  };
}
