// The shop's UTC offsets over a stretch of time, one span per offset, for a database that has no zone data
// (SQLite): it can turn a stored UTC moment into the shop's day only if it is told which offset applied when.
// One offset for the whole stretch (the one in force "now") puts the hour next to midnight on the wrong day
// for every day on the other side of a daylight-saving change.
import { utcOffsetMinutes } from './iso-day.ts';

export interface OffsetSpan {
  /** The first moment this offset applies; the first span starts at the stretch's start. */
  from: Date;
  offsetMinutes: number;
}

/** Offsets change at most a few times a year, never twice within a day: a daily probe finds every change. */
const PROBE_MS = 86_400_000;

/** The offsets in force from `from` to `to`, in order; one span when the zone keeps its offset throughout. */
export function offsetSpans(from: Date, to: Date, timeZone: string): OffsetSpan[] {
  const spans: OffsetSpan[] = [{ from, offsetMinutes: utcOffsetMinutes(from, timeZone) }];
  let before = from.getTime();
  while (before < to.getTime()) {
    const after = Math.min(before + PROBE_MS, to.getTime());
    const offset = utcOffsetMinutes(new Date(after), timeZone);
    if (offset !== spans.at(-1)!.offsetMinutes) spans.push({ from: firstMomentWith(before, after, offset, timeZone), offsetMinutes: offset });
    before = after;
  }
  return spans;
}

/** Bisection to the millisecond: the offset at `low` differs from `offset`, at `high` it is `offset`. */
function firstMomentWith(low: number, high: number, offset: number, timeZone: string): Date {
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (utcOffsetMinutes(new Date(middle), timeZone) === offset) high = middle;
    else low = middle;
  }
  return new Date(high);
}
