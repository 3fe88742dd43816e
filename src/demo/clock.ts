/**
 * Demo timestamps at the hours people work in Paris. Demo content is dated relative to the
 * moment it is loaded (« 16 days ago »), which kept the loading's time of day: a demo loaded at
 * night showed replies posted at 04 h 36. These helpers put each event on a working day, between
 * 9 h and 17 h 30 Paris time (summer and winter), chosen from a seed so that a demo is
 * reproducible.
 */
const DAY = 86_400_000;
const wallFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  weekday: "short",
});

/** The Paris wall clock of an instant. */
export function parisWall(at: Date): { year: number; month: number; day: number; hour: number; minute: number; weekday: string } {
  const p = Object.fromEntries(wallFormat.formatToParts(at).map((x) => [x.type, x.value]));
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: Number(p.hour), minute: Number(p.minute), weekday: p.weekday };
}

/** The instant at which Paris clocks show this date and time (month 1–12). */
export function parisTime(year: number, month: number, day: number, hour: number, minute: number): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const w = parisWall(new Date(guess));
  const offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - guess;
  return new Date(guess - offset);
}

/** A number in [0, 1) from a seed (same seed, same number). */
function unit(seed: number): number {
  let t = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/**
 * The same Paris day as `day` (a Saturday or a Sunday moves back to the Friday), at a time
 * between 9 h and 17 h 30 picked by `seed`; when given, never after `notAfter` (the day
 * before is taken instead).
 */
export function atWorkingHour(day: Date, seed: number, notAfter?: Date): Date {
  let at = day;
  for (let tries = 0; tries < 10; tries++) {
    const w = parisWall(at);
    if (w.weekday === "Sat" || w.weekday === "Sun") {
      at = new Date(at.getTime() - (w.weekday === "Sat" ? 1 : 2) * DAY);
      continue;
    }
    const minutes = 9 * 60 + Math.floor(unit(seed + tries) * (8.5 * 60));
    const result = parisTime(w.year, w.month, w.day, Math.floor(minutes / 60), minutes % 60);
    if (!notAfter || result <= notAfter) return result;
    at = new Date(at.getTime() - DAY);
  }
  return at;
}

/** The same Paris day as `day`, at this exact Paris time (a session « à 14 h »). */
export function atParisHour(day: Date, hour: number, minute = 0): Date {
  const w = parisWall(day);
  return parisTime(w.year, w.month, w.day, hour, minute);
}
