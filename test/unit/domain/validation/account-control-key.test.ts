import { describe, expect, it } from 'vitest';
import { corrAccountKeyValid, settlementAccountKeyValid } from '../../../../src/domain/validation/account-control-key.ts';
import { checkCorrAccount } from '../../../../src/domain/validation/is-valid-corr-account.ts';
import { isValidBik } from '../../../../src/domain/validation/is-valid-bik.ts';

describe('settlementAccountKeyValid', () => {
  it('accepts the published pair from the SWIFT IBAN registry (RU03 0445 2522 5408 1781 0538 0913 1041 9)', () => {
    expect(settlementAccountKeyValid('044525225', '40817810538091310419')).toBe(true);
  });

  it('rejects 40702810938000000000 at BIK 044525225 — the key digit for that account would be 6', () => {
    // 225 + 40702810938000000000, weights 7,1,3: 4+2+5+8+0+1+0+2+4+7+0+7+1+8 = 49, not divisible by 10.
    expect(settlementAccountKeyValid('044525225', '40702810938000000000')).toBe(false);
    expect(settlementAccountKeyValid('044525225', '40702810638000000000')).toBe(true);
  });

  it.each([
    ['044525974', '40817810500001234567'],
    ['044525593', '40702810800000012345'],
  ])('accepts computed pair %s / %s', (bik, account) => {
    expect(settlementAccountKeyValid(bik, account)).toBe(true);
  });

  it('detects every single-digit misread in the account', () => {
    const account = '40817810538091310419';
    for (let i = 0; i < 20; i += 1) {
      for (let d = 0; d <= 9; d += 1) {
        if (String(d) === account[i]) continue;
        const wrong = account.slice(0, i) + d + account.slice(i + 1);
        expect(settlementAccountKeyValid('044525225', wrong)).toBe(false);
      }
    }
  });

  it.each([
    ['04452522', '40817810538091310419'],
    ['044525225', '4081781053809131041'],
    ['044525225', '4081781053809131041a'],
  ])('rejects malformed input %s / %s', (bik, account) => {
    expect(settlementAccountKeyValid(bik, account)).toBe(false);
  });
});

describe('correspondent accounts', () => {
  it.each([
    ['044525225', '30101810400000000225'], // Sberbank
    ['044525974', '30101810145250000974'], // T-Bank
    ['044525593', '30101810200000000593'], // Alfa-Bank
  ])('published pair %s / %s passes', (bik, corr) => {
    expect(corrAccountKeyValid(bik, corr)).toBe(true);
    expect(checkCorrAccount(bik, corr)).toBe('ok');
  });

  it.each([
    ['044525225', '30101810500000000225', 'bad_key'],
    ['044525225', '30101810400000000226', 'bik_mismatch'],
    ['044525225', '40101810400000000225', 'bad_format'],
    ['044525225', '3010181040000000022', 'bad_format'],
  ])('%s / %s → %s', (bik, corr, verdict) => {
    expect(checkCorrAccount(bik, corr)).toBe(verdict);
  });
});

describe('isValidBik', () => {
  it.each([
    ['044525225', true],
    ['044030653', true],
    ['144525225', false],
    ['04452522', false],
    ['0445252251', false],
    ['04452522O', false],
  ])('%s → %s', (bik, ok) => expect(isValidBik(bik)).toBe(ok));
});
