// The shop's calendar: the day a moment falls on in the shop's time zone (SHOP_TIMEZONE), and the moments a
// shop day begins and ends. Windows, ship-by dates and "today" are days of the shop, not of UTC: a parcel due
// "by the 14th" may go until midnight of the 14th in Moscow.
import { addIsoDays } from './iso-date-math.ts';

export const DEFAULT_SHOP_TIMEZONE = 'Europe/Moscow';

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-CA with 2-digit parts and h23 is the one stable shape to read the fields back from.
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the runtime knows the IANA zone name (config checks SHOP_TIMEZONE with it). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function wallClock(at: Date, timeZone: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  return { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day), h: Number(parts.hour), min: Number(parts.minute), s: Number(parts.second) };
}

/** The shop's calendar day of a moment, `YYYY-MM-DD`. */
export function isoDay(at: Date, timeZone: string): string {
  const { y, m, d } = wallClock(at, timeZone);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Milliseconds the zone is ahead of UTC at that moment. */
function offsetMs(at: Date, timeZone: string): number {
  const w = wallClock(at, timeZone);
  const asUtc = Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** Minutes the shop's clock is ahead of UTC at that moment (Moscow: 180). */
export function utcOffsetMinutes(at: Date, timeZone: string): number {
  return Math.round(offsetMs(at, timeZone) / 60_000);
}

/** The first moment of a shop day. */
export function startOfShopDay(day: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  // Two passes: the offset at the guess may differ from the offset at the answer across a DST change.
  const guess = midnightUtc - offsetMs(new Date(midnightUtc), timeZone);
  return new Date(midnightUtc - offsetMs(new Date(guess), timeZone));
}

/** The last millisecond of a shop day: whoever is told "by the 14th" has all of the 14th. */
export function endOfShopDay(day: string, timeZone: string): Date {
  return new Date(startOfShopDay(addIsoDays(day, 1), timeZone).getTime() - 1);
}
