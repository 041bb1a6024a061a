import { describe, expect, it } from 'vitest';
import { findTrackingNumbers, isValidS10, s10CheckDigit } from '../../../src/domain/tracking-number.ts';

describe('tracking numbers', () => {
  it('computes the S10 check digit, including the 10 → 0 and 11 → 5 rules', () => {
    expect(s10CheckDigit('12345678')).toBe(5); // RA123456785RU, the UPU example
    // Find serials whose raw check is 10 and 11 to exercise both special cases.
    const serials = Array.from({ length: 2000 }, (_, i) => String(10_000_000 + i * 37));
    const raw = (s: string) => 11 - ([...s].reduce((a, d, i) => a + Number(d) * [8, 6, 4, 2, 3, 5, 9, 7][i]!, 0) % 11);
    expect(s10CheckDigit(serials.find((s) => raw(s) === 10)!)).toBe(0);
    expect(s10CheckDigit(serials.find((s) => raw(s) === 11)!)).toBe(5);
  });

  it('accepts valid S10 numbers and refuses a mistyped digit', () => {
    expect(isValidS10('RA123456785RU')).toBe(true);
    expect(isValidS10('ra 12345678 5 ru')).toBe(true);
    expect(isValidS10('RA123456784RU')).toBe(false);
    expect(isValidS10('RA123456795RU')).toBe(false);
  });

  it('finds S10 and 14-digit domestic numbers in a customer message, ignoring longer digit runs', () => {
    const text = 'Отправила посылку, трек RA123456785RU, чек во вложении. Также 80085412345678. Счёт 40817810538091310419.';
    expect(findTrackingNumbers(text)).toEqual(['RA123456785RU', '80085412345678']);
    expect(findTrackingNumbers('трек RA123456784RU')).toEqual([]);
  });
});
