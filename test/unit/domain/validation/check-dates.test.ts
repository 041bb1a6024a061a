import { describe, expect, it } from 'vitest';
import { checkDates } from '../../../../src/domain/validation/check-dates.ts';
import { sumMatchesTotal, toKopecks } from '../../../../src/domain/validation/sum-matches-total.ts';

const codes = (ps: Array<{ field: string; code: string }>) => ps.map((p) => `${p.field}:${p.code}`);

describe('checkDates', () => {
  it.each([
    [{ orderDate: '2026-11-01', receivedDate: '2026-11-05', applicationDate: '2026-11-14' }, []],
    [{ orderDate: '2026-11-01', receivedDate: '2026-11-01', applicationDate: '2026-11-01' }, []],
    [{ orderDate: '2026-11-05', receivedDate: '2026-11-01' }, ['receivedDate:inconsistent']],
    [{ receivedDate: '2026-11-05', applicationDate: '2026-11-04' }, ['applicationDate:inconsistent']],
    [{ orderDate: '2026-11-05', applicationDate: '2026-11-04' }, ['applicationDate:inconsistent']],
    [{ applicationDate: '2026-12-01' }, ['applicationDate:invalid_value']],
    [{ orderDate: '1996-11-01' }, ['orderDate:invalid_value']],
  ])('%j → %j', (dates, expected) => {
    expect(codes(checkDates(dates, '2026-11-20'))).toEqual(expected);
  });

  it('skips the future check without a today', () => {
    expect(checkDates({ applicationDate: '2099-01-01' })).toEqual([]);
  });
});

describe('sumMatchesTotal', () => {
  it('adds unit prices times quantities in kopecks', () => {
    expect(sumMatchesTotal([{ price: '5990.00', quantity: 1 }, { price: '1500.00', quantity: 2 }], '8990.00')).toBe(true);
    expect(sumMatchesTotal([{ price: '0.10' }, { price: '0.20' }], '0.30')).toBe(true);
    expect(sumMatchesTotal([{ price: '4000.00' }], '4990.00')).toBe(false);
  });

  it('converts to kopecks exactly', () => expect(toKopecks('4990.05')).toBe(499005));
});
