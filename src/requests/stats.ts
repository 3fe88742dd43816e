/**
 * Desk figures for the steering dashboards: requests received by a lab in a period (drafts never
 * count), by kind and status, and the time to first answer and to decision in French working
 * days, against the lab's promise. Counted live in the database, never precomputed: a lab's
 * year of requests (12,000 on the bench) is aggregated there, not fetched.
 */
import { db } from "../kernel/runtime";
import type { RequestKind, RequestStatus, RequestsTables } from "./db/schema";
import { answerDays } from "./db/queries";
import { isWorkingDay } from "./workdays";
import { isoDay } from "../kernel/format";
import { sql } from "kysely";

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

const DAY = 86_400_000;

/**
 * Working days from `baseDay` up to each day after it (inclusive), for `length` days: the
 * difference of two entries is the working days between those days (as `workingDaysBetween`).
 * The database reads it as an array, so the delays are counted where the requests are.
 */
function workingOrdinals(baseDay: string, length: number): number[] {
  const base = Date.parse(`${baseDay}T12:00:00Z`);
  const out = new Array<number>(length);
  let n = 0;
  for (let i = 0; i < length; i++) {
    if (i > 0 && isWorkingDay(new Date(base + i * DAY).toISOString().slice(0, 10))) n++;
    out[i] = n;
  }
  return out;
}

export async function requestStats(query: { labId: string; from: Date; to: Date; organizationIds?: string[] | null }, now = new Date()): Promise<RequestStats> {
  // Answers and decisions come after the submission (in the period) and before now: the calendar
  // runs from the day before the period to a year past its end or now, whichever is later.
  const baseDay = isoDay(new Date(query.from.getTime() - DAY));
  const end = Math.max(now.getTime(), query.to.getTime()) + 370 * DAY;
  const ordinals = workingOrdinals(baseDay, Math.ceil((end - Date.parse(`${baseDay}T00:00:00Z`)) / DAY) + 1);
  const dayIndex = (column: "submitted_at" | "first_answer_at" | "decided_at") =>
    sql<number | null>`((${sql.ref(column)} AT TIME ZONE 'Europe/Paris')::date - ${baseDay}::date + 1)`;
  // null while there is no answer (greatest() would turn a null into 0)
  const between = (column: "first_answer_at" | "decided_at") =>
    sql<number | null>`CASE WHEN ${sql.ref(column)} IS NOT NULL THEN greatest(0, (${ordinals}::int[])[${dayIndex(column)}] - (${ordinals}::int[])[${dayIndex("submitted_at")}]) END`;
  let inPeriod = q()
    .selectFrom("requests")
    .select([
      "kind",
      "status",
      "due_at",
      "first_answer_at",
      "decided_at",
      between("first_answer_at").as("to_answer"),
      between("decided_at").as("to_decision"),
    ])
    .where("lab_id", "=", query.labId)
    .where("status", "<>", "draft")
    .where("submitted_at", ">=", query.from)
    .where("submitted_at", "<", query.to);
  if (query.organizationIds) inPeriod = query.organizationIds.length ? inPeriod.where("organization_id", "in", query.organizationIds) : inPeriod.where(sql<boolean>`false`);
  // one pass: the totals, by kind and by status (grouping(): 3 = totals, 1 = kind, 2 = status)
  const [grouped, days] = await Promise.all([
    q()
      .selectFrom(inPeriod.as("r"))
      .select([
        "kind",
        "status",
        sql<number>`grouping(kind, status)`.as("g"),
        (eb) => eb.fn.countAll<string>().as("n"),
        sql<string>`count(*) FILTER (WHERE first_answer_at IS NOT NULL)`.as("answered"),
        sql<string>`count(*) FILTER (WHERE first_answer_at IS NOT NULL AND (due_at IS NULL OR first_answer_at <= due_at))`.as("within"),
        sql<string>`count(*) FILTER (WHERE first_answer_at IS NULL AND due_at < ${now} AND status IN ('submitted', 'qualifying'))`.as("overdue"),
        sql<string>`count(*) FILTER (WHERE decided_at IS NOT NULL)`.as("decided"),
        // percentile_disc: the first value at or past the fraction, as a nearest-rank percentile
        sql<number | null>`percentile_disc(0.5) WITHIN GROUP (ORDER BY to_answer)`.as("answer_median"),
        sql<number | null>`percentile_disc(0.9) WITHIN GROUP (ORDER BY to_answer)`.as("answer_p90"),
        sql<number | null>`percentile_disc(0.5) WITHIN GROUP (ORDER BY to_decision)`.as("decision_median"),
        sql<number | null>`percentile_disc(0.9) WITHIN GROUP (ORDER BY to_decision)`.as("decision_p90"),
      ])
      .groupBy(sql`GROUPING SETS ((), (kind), (status))`)
      .execute(),
    answerDays([query.labId]),
  ]);
  const totals = grouped.find((r) => Number(r.g) === 3);
  const byCount = <T extends { n: string }>(rows: T[], key: (r: T) => string) => rows.sort((a, z) => Number(z.n) - Number(a.n) || key(a).localeCompare(key(z)));
  const num = (v: number | string | null | undefined) => (v === null || v === undefined ? null : Number(v));
  return {
    received: Number(totals?.n ?? 0),
    promiseDays: days.get(query.labId) ?? 10,
    byKind: byCount(grouped.filter((r) => Number(r.g) === 1), (r) => r.kind).map((r) => ({ kind: r.kind, requests: Number(r.n) })),
    byStatus: byCount(grouped.filter((r) => Number(r.g) === 2), (r) => r.status).map((r) => ({ status: r.status, requests: Number(r.n) })),
    firstAnswer: { answered: Number(totals?.answered ?? 0), withinPromise: Number(totals?.within ?? 0), medianDays: num(totals?.answer_median), p90Days: num(totals?.answer_p90) },
    decision: { decided: Number(totals?.decided ?? 0), medianDays: num(totals?.decision_median), p90Days: num(totals?.decision_p90) },
    overdue: Number(totals?.overdue ?? 0),
  };
}
