// Issue #11: what only the customer can give must be read confidently from the paper, and the paper can confirm
// itself. A reason code and the customer's own words elsewhere on the page that name the same reason, and a BIK
// whose control key holds with a confidently read account, are evidence; everything short of that still goes to a
// person, and says which field. Reading problems with values no rule reads (the signature date, the e-mail address)
// no longer hold back a decision.
import { describe, expect, it } from 'vitest';
import type { FieldValue, ParsedApplication } from '../../../../src/domain/application.ts';
import { decideApplication, type DecideInput } from '../../../../src/pipeline/decide/decide-application.ts';
import { settleBik } from '../../../../src/pipeline/decide/settle-bik.ts';
import { settleReason } from '../../../../src/pipeline/decide/settle-reason.ts';
import { testPolicy } from '../../../support/test-policy.ts';
import { application, specOrder } from './builders.ts';

const policy = testPolicy();
const today = '2025-03-10'; // delivered 2025-03-05: day 5 of 7
const late = '2025-03-20'; // day 15
const decide = (app: ParsedApplication, overrides: Partial<DecideInput> = {}) =>
  decideApplication({ application: app, order: specOrder(), orderSourceAvailable: true, policy, today, ...overrides });
const codes = (d: { reasons: { code: string; field?: string }[] }) => d.reasons.map((r) => `${r.code}:${r.field ?? ''}`);

/** A value OCR read at `y` on page 1 of the scan. */
const scanned = (value: string, confidence: number, y: number): FieldValue => ({ value, confidence, source: 'document', document: 'scan.jpg', box: { page: 1, x: 200, y, width: 900, height: 50 } });
const withFields = (app: ParsedApplication, fields: Record<string, FieldValue | undefined>): ParsedApplication => ({
  ...app,
  fields: Object.fromEntries(Object.entries({ ...app.fields, ...fields }).filter(([, v]) => v !== undefined)) as ParsedApplication['fields'],
});

/** The card form: the reason code "1" in its box (line 1880), the comment below it (line 2016). */
const coded = (reason: string, words: string | undefined, overrides: { reasonAt?: number; wordsAt?: number; wordsConfidence?: number } = {}) =>
  withFields(application(), {
    reason: scanned(reason, 0.76, overrides.reasonAt ?? 1880),
    reasonText: words === undefined ? undefined : scanned(words, overrides.wordsConfidence ?? 0.86, overrides.wordsAt ?? 2016),
  });

describe('a doubtful reason the customer\'s own words confirm', () => {
  it('is settled: the return is approved, the evidence says what confirmed it, the stored reason stays as read', () => {
    const d = decide(coded('proper_quality', 'не подошёл по фасону'));
    expect(d).toMatchObject({ status: 'approved', reasons: [] });
    expect(d.evidence).toContainEqual(expect.objectContaining({ field: 'reason', confirmedBy: 'reasonText', confidence: 0.95, readConfidence: 0.76 }));
    expect(d.application?.fields.reason).toMatchObject({ value: 'proper_quality', confidence: 0.76 });
  });

  it('in English too ("Clasp is broken" under "Брак / Defective")', () => {
    expect(decide(coded('defect', 'Clasp is broken')).status).toBe('approved');
  });

  it('is certain enough to reject a proper-quality return after the window', () => {
    const d = decide(coded('proper_quality', 'Вещь оказалась мала, нужен другой размер'), { today: late });
    expect(d).toMatchObject({ status: 'rejected', reply: 'rejected' });
    expect(codes(d)).toEqual(['out_of_window:receivedDate']);
  });

  it.each([
    // A misread code: the words name another reason. Neither is settled; a late return is not rejected on it.
    ['words naming another reason', coded('proper_quality', 'брак, сломалась молния')],
    // "Не подошёл размер, и шов разошёлся": two reasons in the words, which one decides is for a person.
    ['words naming two reasons', coded('proper_quality', 'не подошёл размер, и шов разошёлся')],
    ['words naming no reason', coded('proper_quality', 'прошу вернуть деньги')],
    // The reason was inferred from these very words: one reading, not two.
    ['the reason read from the same place as the words', coded('proper_quality', 'не подошёл по фасону', { reasonAt: 2016 })],
    ['words read too faintly to witness anything', coded('proper_quality', 'не подошёл по фасону', { wordsConfidence: 0.5 })],
    ['no words at all', coded('proper_quality', undefined)],
  ])('%s: goes to review with the reason named, and is never rejected on it', (_name, app) => {
    const d = decide(app);
    expect(d.status).toBe('needs_review');
    expect(codes(d)).toContain('low_confidence:reason');
    const after = decide(app, { today: late });
    expect(after.status).toBe('needs_review');
  });

  it('an agent\'s reason or words are not a second reading of the paper', () => {
    const app = coded('proper_quality', 'не подошёл по фасону');
    expect(settleReason(withFields(app, { reasonText: { ...app.fields.reasonText!, source: 'agent' } }), 0.9)).toBeUndefined();
    expect(settleReason(app, 0.9)).toMatchObject({ confidence: 0.95 });
  });
});

describe('a doubtful BIK whose control key holds with a confidently read account', () => {
  const bank = (bik: FieldValue, account: FieldValue) =>
    withFields(application({ refundMethod: 'bank_account', cardLast4: undefined }), { bik, account });
  const account = scanned('40817810899910004312', 0.95, 2400);

  it('is settled: the refund details are proven by their checks', () => {
    const d = decide(bank(scanned('044525225', 0.87, 2300), account));
    expect(d).toMatchObject({ status: 'approved', reasons: [] });
    expect(d.evidence).toContainEqual(expect.objectContaining({ field: 'bik', confirmedBy: 'controlKey', readConfidence: 0.87 }));
    expect(d.application?.fields.bik?.confidence).toBe(0.87);
  });

  it.each([
    // The last digit misread: the key covers it and fails.
    ['a BIK the key does not hold with', bank(scanned('044525226', 0.87, 2300), account), 'bik'],
    // Digits 3–6 are covered by no key: a BIK read with doubt there stays doubtful.
    ['a BIK read with doubt', bank(scanned('044535225', 0.8, 2300), account), 'bik'],
    ['a BIK of the wrong shape', bank(scanned('054525225', 0.87, 2300), account), 'bik'],
    // The account read with doubt: more than one digit corrected can pass a one-digit key by chance.
    ['an account read with doubt', bank(scanned('044525225', 0.87, 2300), scanned('40817810899910004312', 0.7, 2400)), 'account'],
  ])('%s: goes to review and says which field', (_name, app, field) => {
    const d = decide(app);
    expect(d.status).toBe('needs_review');
    expect(codes(d)).toContain(`low_confidence:${field}`);
  });

  it('settles nothing that is confident already', () => {
    expect(settleBik(bank(scanned('044525225', 0.95, 2300), account), 0.9)).toBeUndefined();
  });
});

describe('reading problems with values no rule reads do not hold back a decision', () => {
  it.each([
    // The e-mail's arrival is the clock of every rule (#13); the signature date decides nothing.
    ['a signature dated after the e-mail arrived', application({ applicationDate: '2025-03-17' }, undefined, [{ field: 'applicationDate', code: 'invalid_value', message: 'application date 2025-03-17 is in the future' }])],
    ['an unreadable signature date', application({ applicationDate: undefined }, undefined, [{ field: 'applicationDate', code: 'invalid_value', message: 'a value was found next to the applicationDate label but could not be read as one' }])],
    // The sender's address and the order say who the buyer is.
    ['an unreadable e-mail address', application({}, undefined, [{ field: 'email', code: 'invalid_value', message: 'a value was found next to the email label but could not be read as one' }])],
  ])('%s', (_name, app) => {
    expect(decide(app)).toMatchObject({ status: 'approved', reasons: [] });
  });

  it('a date of receipt misread (its year in the future) that the order replaces with its delivery date', () => {
    const misread = { field: 'receivedDate', code: 'invalid_value' as const, message: 'date received 2072-03-05 is in the future' };
    const app = withFields(application({ reason: 'defect' }, undefined, [misread]), { receivedDate: scanned('2072-03-05', 0.3, 900) });
    const d = decide(app);
    expect(d).toMatchObject({ status: 'approved', reasons: [] });
    expect(d.application?.fields.receivedDate).toMatchObject({ value: '2025-03-05', source: 'order', readValue: '2072-03-05' });
    // With no order to replace it, the same reading still goes to a person.
    expect(decide(app, { order: null }).status).toBe('needs_review');
  });

  it.each([
    ['the card\'s last four digits', 'cardLast4', 'invalid_value'],
    ['the date of receipt', 'receivedDate', 'inconsistent'],
    ['an item line', 'items[0].sku', 'invalid_value'],
    ['the refund method', 'refundMethod', 'invalid_value'],
  ])('a problem with %s still goes to review', (_name, field, code) => {
    const d = decide(application({}, undefined, [{ field, code: code as 'invalid_value', message: `${field} could not be read as one` }]));
    expect(d.status).toBe('needs_review');
    expect(codes(d)).toContain(`${code}:${field}`);
  });
});
