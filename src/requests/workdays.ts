/**
 * Working days in France (Paris time): Monday to Friday, except the eleven public holidays
 * (fixed ones, and Easter Monday, Ascension Day, Whit Monday). The lab's answer-time promise is
 * counted in them.
 */
import { parisMidnight } from "../kernel/forms";
import { isoDay } from "../kernel/format";

const DAY = 86_400_000;

function easter(year: number): [number, number] {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher): [month 1–12, day]
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

const holidayCache = new Map<number, Set<string>>();
/** The public holidays of a year, as YYYY-MM-DD. */
export function publicHolidays(year: number): Set<string> {
  let set = holidayCache.get(year);
  if (set) return set;
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const [em, ed] = easter(year);
  const easterDay = Date.UTC(year, em - 1, ed);
  set = new Set([
    `${year}-01-01`,
    `${year}-05-01`,
    `${year}-05-08`,
    `${year}-07-14`,
    `${year}-08-15`,
    `${year}-11-01`,
    `${year}-11-11`,
    `${year}-12-25`,
    iso(new Date(easterDay + 1 * DAY)),
    iso(new Date(easterDay + 39 * DAY)),
    iso(new Date(easterDay + 50 * DAY)),
  ]);
  holidayCache.set(year, set);
  return set;
}

/** Is this Paris day (YYYY-MM-DD) a working day? */
export function isWorkingDay(day: string): boolean {
  const [y, m, d] = day.split("-").map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !publicHolidays(y).has(day);
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) + DAY).toISOString().slice(0, 10);

/**
 * The promise's deadline: the end (midnight, Paris) of the `days`-th working day after the day of
 * `from`. A request submitted on a Friday with a promise of 1 working day is due by the end of Monday.
 */
export function addWorkingDays(from: Date, days: number): Date {
  let day = isoDay(from);
  let left = Math.max(0, Math.floor(days));
  while (left > 0) {
    day = nextDay(day);
    if (isWorkingDay(day)) left--;
  }
  return parisMidnight(nextDay(day))!;
}

/** The Paris day of an instant, cached by the hour (a Paris day starts on the hour): dashboards count thousands of requests. */
const dayByHour = new Map<number, string>();
function parisDay(d: Date): string {
  const hour = Math.floor(d.getTime() / 3_600_000);
  let day = dayByHour.get(hour);
  if (day === undefined) {
    if (dayByHour.size > 200_000) dayByHour.clear();
    day = isoDay(d);
    dayByHour.set(hour, day);
  }
  return day;
}

/** Per year: how many working days from 1 January up to each day of the year (inclusive). */
const cumulativeByYear = new Map<number, Int32Array>();
function cumulative(year: number): Int32Array {
  let c = cumulativeByYear.get(year);
  if (c) return c;
  const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY;
  c = new Int32Array(days);
  let n = 0;
  for (let i = 0; i < days; i++) {
    if (isWorkingDay(new Date(Date.UTC(year, 0, 1) + i * DAY).toISOString().slice(0, 10))) n++;
    c[i] = n;
  }
  cumulativeByYear.set(year, c);
  return c;
}

/** Working days from 1 January 1970 up to this Paris day (inclusive): the difference of two is a count of working days. */
function workingOrdinal(day: string): number {
  const [y, m, d] = day.split("-").map(Number);
  let before = 0;
  for (let year = 1970; year < y; year++) before += cumulative(year)[cumulative(year).length - 1];
  return before + cumulative(y)[(Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / DAY];
}

/** Working days from `from` to `to` (whole days started after the day of `from`, up to the day of `to`). */
export function workingDaysBetween(from: Date, to: Date): number {
  const start = parisDay(from);
  const end = parisDay(to);
  if (end <= start) return 0;
  const [ys] = start.split("-").map(Number);
  const [ye] = end.split("-").map(Number);
  if (ys === ye) {
    const c = cumulative(ys);
    const doy = (day: string) => (Date.parse(`${day}T00:00:00Z`) - Date.UTC(ys, 0, 1)) / DAY;
    return c[doy(end)] - c[doy(start)];
  }
  return workingOrdinal(end) - workingOrdinal(start);
}
