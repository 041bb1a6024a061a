import { describe, expect, it } from 'vitest';
import { offsetSpans } from '../../../src/domain/offset-spans.ts';

const d = (iso: string) => new Date(iso);

describe('offsetSpans', () => {
  it('one span when the zone keeps its offset (Moscow has no DST)', () => {
    expect(offsetSpans(d('2026-03-01T00:00:00Z'), d('2026-11-01T00:00:00Z'), 'Europe/Moscow')).toEqual([{ from: d('2026-03-01T00:00:00Z'), offsetMinutes: 180 }]);
  });

  it('finds each change to the millisecond: Berlin goes to summer time at 01:00 UTC on 29 March and back on 25 October', () => {
    expect(offsetSpans(d('2026-03-20T00:00:00Z'), d('2026-11-05T00:00:00Z'), 'Europe/Berlin')).toEqual([
      { from: d('2026-03-20T00:00:00Z'), offsetMinutes: 60 },
      { from: d('2026-03-29T01:00:00Z'), offsetMinutes: 120 },
      { from: d('2026-10-25T01:00:00Z'), offsetMinutes: 60 },
    ]);
  });

  it('west of UTC: New York at 07:00 UTC on 8 March', () => {
    expect(offsetSpans(d('2026-03-01T00:00:00Z'), d('2026-03-10T00:00:00Z'), 'America/New_York')).toEqual([
      { from: d('2026-03-01T00:00:00Z'), offsetMinutes: -300 },
      { from: d('2026-03-08T07:00:00Z'), offsetMinutes: -240 },
    ]);
  });

  it('a stretch ending just after a change, shorter than a day, still sees it', () => {
    expect(offsetSpans(d('2026-03-29T00:30:00Z'), d('2026-03-29T01:00:00.001Z'), 'Europe/Berlin').map((s) => s.offsetMinutes)).toEqual([60, 120]);
  });
});
