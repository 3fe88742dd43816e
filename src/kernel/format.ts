const dateFmt = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
const dateTimeFmt = new Intl.DateTimeFormat("fr-FR", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Paris",
});
const isoDayFmt = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });

/** « 22 novembre 2026 » (« 1er » for the first of the month). */
export function formatDate(d: Date | string | null | undefined): string {
  if (!d) return "";
  const s = dateFmt.format(new Date(d));
  return s.replace(/^1 /, "1er ");
}

/** « 22 novembre 2026 à 14 h 05 » */
export function formatDateTime(d: Date | string | null | undefined): string {
  if (!d) return "";
  const s = dateTimeFmt.format(new Date(d)).replace(/^1 /, "1er ");
  return s.replace(/ (\d{2}):(\d{2})$/, "\u00a0$1\u00a0h\u00a0$2").replace(/\s*à\s*/, " à ");
}

const timeFmt = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
/** HH:MM in Paris time, for <input type="time">. */
export function isoTime(d: Date | string): string {
  return timeFmt.format(new Date(d));
}

/** YYYY-MM-DD in Paris time, for <input type="date">. */
export function isoDay(d: Date | string): string {
  return isoDayFmt.format(new Date(d));
}

const NNBSP = "\u202f";
const NBSP = "\u00a0";
/** French typography for free text: non-breaking spaces before « ; : ! ? » and inside guillemets. */
export function frenchSpaces(s: string): string {
  return s
    .replace(/\s+([;!?])/g, `${NNBSP}$1`)
    .replace(/(\S)([;!?])(?=\s|$)/g, (m, a: string, b: string) => (a === NNBSP || a === NBSP || /[!?;]/.test(a) ? m : `${a}${NNBSP}${b}`))
    .replace(/\s+:/g, `${NBSP}:`)
    .replace(/«\s*/g, `«${NBSP}`)
    .replace(/\s*»/g, `${NBSP}»`);
}

// Number formatters are built once: toLocaleString() builds a new one at every call.
const numberFormats = new Map<number, Intl.NumberFormat>();
function numberFormat(digits: number): Intl.NumberFormat {
  let f = numberFormats.get(digits);
  if (!f) numberFormats.set(digits, (f = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f;
}

/**
 * « 0 idée », « 1 idée », « 2 idées », « 1 244 idées »: the one helper for every count shown.
 * French puts 0 and 1 in the singular (below 2); the number is kept with its word by a
 * non-breaking space.
 */
export function plural(n: number, one: string, many: string): string {
  return `${numberFormat(0).format(n)}${NBSP}${Math.abs(n) >= 2 ? many : one}`;
}

export function formatNumber(n: number, digits = 0): string {
  return numberFormat(digits).format(n);
}
