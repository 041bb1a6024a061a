import { describe, expect, it } from 'vitest';
import { luhnValid } from '../../../../src/domain/validation/luhn-valid.ts';

describe('luhnValid', () => {
  it.each([
    ['4111111111111111', true],
    ['5555555555554444', true],
    ['2200000000000004', true],
    ['4111111111111112', false],
    ['1234567812345678', false],
    ['41111111111', false],
    ['4111 1111 1111 1111', false],
  ])('%s → %s', (digits, ok) => expect(luhnValid(digits)).toBe(ok));
});
