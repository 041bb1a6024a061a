import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../../../src/domain/validation/normalize-phone.ts';

describe('normalizePhone', () => {
  it.each([
    ['+7 (916) 123-45-67', '+79161234567', 0, true],
    ['8 (916) 123-45-67', '+79161234567', 0, true],
    ['8-916-123-45-67', '+79161234567', 0, true],
    ['89161234567', '+79161234567', 0, true],
    ['9161234567', '+79161234567', 0, true],
    ['+79161234567', '+79161234567', 0, true],
    ['7 916 123 45 67', '+79161234567', 0, true],
    ['8 916 123 45 67 доб. 12', '+79161234567', 0, true],
    ['+7 (916) 12З-45-67', '+79161234567', 1, false],
    ['8 (9l6) 123-45-67', '+79161234567', 1, false],
    ['+44 20 7946 0958', '+442079460958', 0, true],
  ])('%s → %s', (raw, e164, fixes, strict) => {
    expect(normalizePhone(raw)).toEqual({ value: e164, fixes, strict });
  });

  it.each(['123-45', 'позвоните мне', '+7 (916) 123-45', '8 (000) 000-00-00'])('rejects %s', (raw) => {
    expect(normalizePhone(raw)).toBeUndefined();
  });
});
