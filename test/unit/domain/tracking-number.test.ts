import { describe, expect, it } from 'vitest';
import { findTrackingNumbers, isValidRussianPost, isValidS10, russianPostCheckDigit, s10CheckDigit } from '../../../src/domain/tracking-number.ts';

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
    const text = 'Отправила посылку, трек RA123456785RU, чек во вложении. Также 80085412345679. Счёт 40817810538091310419.';
    expect(findTrackingNumbers(text)).toEqual(['RA123456785RU', '80085412345679']);
    expect(findTrackingNumbers('трек RA123456784RU')).toEqual([]);
  });

  it('any 14 digits pass as a Russian Post number: the check digit (weights 3,1,3,… mod 10) is checked', () => {
    // 800854 12 34567 → 3×(8+0+5+1+3+5+7) + (0+8+4+2+4+6) = 111 → check digit 9.
    expect(russianPostCheckDigit('8008541234567')).toBe(9);
    expect(isValidRussianPost('80085412345679')).toBe(true);
    expect(isValidRussianPost('80085412345678')).toBe(false);
    expect(findTrackingNumbers('трек 80085412345678')).toEqual([]);
    // Every single mistyped digit is caught.
    const valid = '80085412345679';
    for (let i = 0; i < 14; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[i]) continue;
        expect(isValidRussianPost(valid.slice(0, i) + d + valid.slice(i + 1)), `${i}:${d}`).toBe(false);
      }
    }
  });
});
