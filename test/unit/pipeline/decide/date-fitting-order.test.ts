import { describe, expect, it } from 'vitest';
import { dateFittingOrder } from '../../../../src/pipeline/decide/date-fitting-order.ts';

describe('dateFittingOrder', () => {
  it('takes the one date a digit away that falls within a year after delivery (devset: 2020 read for 2025)', () => {
    expect(dateFittingOrder('2020-10-31', '2025-10-26')).toBe('2025-10-31');
  });

  it('leaves a date that already fits, and one with several fitting neighbours', () => {
    expect(dateFittingOrder('2025-10-31', '2025-10-26')).toBeUndefined();
    // 2025-01-05 (a day before delivery) could be 2025-01-06 … 2025-01-09, 2025-11-05, 2025-12-05 …: no choice.
    expect(dateFittingOrder('2025-01-05', '2025-01-06')).toBeUndefined();
  });

  it('finds nothing for a date no single digit can mend', () => {
    expect(dateFittingOrder('2019-03-31', '2025-10-26')).toBeUndefined();
  });
});

describe('dateFittingOrder with the day the application was sent (#15)', () => {
  it('two digits misread: the one date that fits between delivery and the day it was sent', () => {
    // 2076-04-01: 2026-09-01 and 2027-04-01 are both two digits away and within a year of delivery; only the
    // first is before the e-mail of 2026-09-01.
    expect(dateFittingOrder('2076-04-01', '2026-08-27')).toBeUndefined();
    expect(dateFittingOrder('2076-04-01', '2026-08-27', '2026-09-01')).toBe('2026-09-01');
  });

  it('a reading that fits is kept, even a day after the e-mail (time zones); one digit is still tried first', () => {
    expect(dateFittingOrder('2026-09-02', '2026-08-27', '2026-09-01')).toBeUndefined();
    expect(dateFittingOrder('2020-10-31', '2025-10-26', '2025-11-02')).toBe('2025-10-31');
  });

  it('several two-digit neighbours in the window leave the reading as it was', () => {
    expect(dateFittingOrder('2076-04-01', '2026-08-27', '2027-06-01')).toBeUndefined();
  });
});
