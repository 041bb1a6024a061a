// Calendar dates as the application and the order carry them: `YYYY-MM-DD`, no time zone. Day arithmetic on
// UTC midnights is exact, so no date library is needed for these comparisons.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Milliseconds of UTC midnight, or null when the text is not a real calendar date (2024-02-30 is not). */
export function isoDateToUtc(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return ms;
}

export function isIsoDate(text: string): boolean {
  return isoDateToUtc(text) !== null;
}

/** Whole days from `from` to `to` (positive when `to` is later); null when either is not a date. */
export function daysBetween(from: string, to: string): number | null {
  const a = isoDateToUtc(from);
  const b = isoDateToUtc(to);
  return a === null || b === null ? null : Math.round((b - a) / DAY_MS);
}
