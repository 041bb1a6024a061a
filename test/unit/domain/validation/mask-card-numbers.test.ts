import { describe, expect, it } from 'vitest';
import { maskCardNumbers } from '../../../../src/domain/validation/mask-card-numbers.ts';

describe('maskCardNumbers', () => {
  it.each([
    ['card 5500000000000004', 'card **** 0004'],
    ['card 5500 0000 0000 0004.', 'card **** 0004.'],
    ['card 5500-0000-0000-0004, thanks', 'card **** 0004, thanks'],
    ['Amex 3782 822463 10005', 'Amex **** 0005'],
    ['19 digits 6222 0200 0000 0000 000 (the longest valid run wins)', '19 digits **** 0000 (the longest valid run wins)'],
    ['13 digits 4222222222222', '13 digits **** 2222'],
    ['4111111111111111', '**** 1111'],
  ])('masks %s', (text, want) => {
    expect(maskCardNumbers(text)).toEqual({ text: want, count: 1 });
  });

  it('masks a card number followed by more digits (the expiry, a year): the leak of the whole-run check', () => {
    expect(maskCardNumbers('5500 0000 0000 0004 12 27').text).toBe('**** 0004 12 27');
    expect(maskCardNumbers('5500 0000 0000 0004 2027').text).toBe('**** 0004 2027');
    expect(maskCardNumbers('4111111111111111 5500000000000004').text).toBe('**** 1111 **** 0004');
  });

  it.each([
    ['Luhn-invalid', 'card 4111 1111 1111 1112'],
    ['a settlement account (20 digits)', '40817810255030098017'],
    ['account and corr. account on one line', '40817810255030098017 30101810400000000225'],
    ['a phone number', '+7 916 123-45-67'],
    ['an order number and dates', 'order 4821-5567 of 12-03-2026'],
    ['an items row of small groups', '1 4000 1 4000 2500 1 3000'],
    ['12 digits', '411111111116'],
  ])('leaves %s alone', (_what, text) => {
    expect(maskCardNumbers(text)).toEqual({ text, count: 0 });
  });
});

describe('a Russian Post tracking number that also passes Luhn', () => {
  it('is left alone: its own check digit holds and no 14-digit card starts so', () => {
    // Both checks hold for this one: Luhn and Russian Post's 3-1 weights.
    const text = 'Трек-номер: 14500012100031';
    expect(maskCardNumbers(text)).toEqual({ text, count: 0 });
  });

  it("is masked when it could be a Diners Club card (36…), whatever its check digit, and when grouped like a card", () => {
    expect(maskCardNumbers('36000012100069').count).toBe(1);
    expect(maskCardNumbers('1450 0012 100031').count).toBe(1);
  });
});
