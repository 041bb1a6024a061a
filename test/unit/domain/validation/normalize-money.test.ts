import { describe, expect, it } from 'vitest';
import { normalizeMoney } from '../../../../src/domain/validation/normalize-money.ts';

describe('normalizeMoney', () => {
  it.each([
    ['4 990,00 ₽', '4990.00', 0, true],
    ['4990 руб.', '4990.00', 0, true],
    ['4 990.00', '4990.00', 0, true],
    ['4000', '4000.00', 0, true],
    ['4 000,00', '4000.00', 0, true],
    ['8 450 руб.', '8450.00', 0, true],
    ['4990р', '4990.00', 0, true],
    ['4,990.00', '4990.00', 0, false],
    ['4.990,00', '4990.00', 0, false],
    ['12 345,5', '12345.50', 0, false],
    ['4 990,00 Р', '4990.00', 0, true],
    ['4 990,00 P', '4990.00', 0, true],
    ['4 990,00 $', '4990.00', 1, false],
    ['4 990 #', '4990.00', 1, false],
    ['4 99O,00 ₽', '4990.00', 1, false],
  ])('%s → %s', (raw, value, fixes, strict) => {
    expect(normalizeMoney(raw, { ocr: true })).toEqual({ value, fixes, strict });
  });

  describe('a trailing "2" that may be a misread ₽ (OCR only)', () => {
    it.each([
      ['4 990,00 2', '4990.00'], // separate token after a complete amount
      ['3 000,002', '3000.00'], // third decimal
      ['4 9902', '4990.00'], // four-digit thousands group
      ['4 990 2', '4990.00'],
    ])('%s is read as %s with one fix', (raw, value) => {
      expect(normalizeMoney(raw, { ocr: true })).toMatchObject({ value, fixes: 1, strict: false });
    });

    it('keeps a bare integer ending in 2 as read but marks it ambiguous', () => {
      expect(normalizeMoney('49902', { ocr: true })).toMatchObject({ value: '49902.00', ambiguous: true });
    });

    it('trusts a real 2 when the rouble sign is also there', () => {
      expect(normalizeMoney('4992 ₽', { ocr: true })).toEqual({ value: '4992.00', fixes: 0, strict: true });
      expect(normalizeMoney('1 492,00 руб', { ocr: true })).toEqual({ value: '1492.00', fixes: 0, strict: true });
    });

    it('never strips a 2 from a text layer', () => {
      expect(normalizeMoney('4 990,00 2')).toBeUndefined();
      expect(normalizeMoney('49902')).toEqual({ value: '49902.00', fixes: 0, strict: true });
    });
  });

  it.each(['', 'бесплатно', '4 990 евро', '12345678901'])('rejects %s', (raw) => {
    expect(normalizeMoney(raw, { ocr: true })).toBeUndefined();
  });
});
