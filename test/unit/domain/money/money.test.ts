import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../../src/domain/money/format-money.ts';
import { parseRoubles, toRoublesString } from '../../../../src/domain/money/money.ts';

describe('parseRoubles', () => {
  it.each([
    ['4000.00', 400000],
    ['4000', 400000],
    ['0.01', 1],
    ['99.9', 9990],
    ['  2500.50 ', 250050],
    ['0', 0],
  ])('%j → %i kopecks', (text, kopecks) => {
    expect(parseRoubles(text)).toEqual({ ok: true, kopecks });
  });

  it.each(['', 'four', '4 000,00', '4000,00', '-5.00', '12.345', '1e3', '.50', '4000.'])('refuses %j', (text) => {
    expect(parseRoubles(text).ok).toBe(false);
  });

  it('never goes through a float (0.29 * 100 is 28.999… in floating point)', () => {
    expect(parseRoubles('0.29')).toEqual({ ok: true, kopecks: 29 });
    expect(parseRoubles('1234567.89')).toEqual({ ok: true, kopecks: 123456789 });
  });
});

describe('toRoublesString', () => {
  it.each([
    [400000, '4000.00'],
    [1, '0.01'],
    [50, '0.50'],
    [0, '0.00'],
    [-250000, '-2500.00'],
  ])('%i → %s', (kopecks, text) => expect(toRoublesString(kopecks)).toBe(text));
});

describe('formatMoney', () => {
  // Intl uses no-break spaces in Russian; normalise them so the expectation reads like the spec.
  const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
  it.each([
    [400000, 'ru', '4 000,00 ₽'],
    [400000, 'en', '4,000.00 RUB'],
    [50000, 'ru', '500,00 ₽'],
    [123456789, 'en', '1,234,567.89 RUB'],
    [0, 'en', '0.00 RUB'],
  ] as const)('%i in %s → %s', (kopecks, language, expected) => {
    expect(plain(formatMoney(kopecks, language))).toBe(expected);
  });

  it('keeps a Russian amount on one line (no ordinary spaces)', () => {
    expect(formatMoney(400000, 'ru')).not.toContain(' ');
  });
});
