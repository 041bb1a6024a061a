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
