// An approval never rests on a guess: for every field the decision rests on, a value read with low confidence that
// no order value confirms goes to a person, and says which field.
import { describe, expect, it } from 'vitest';
import { testPolicy } from '../../../support/test-policy.ts';
import { decideApplication, type DecideInput } from '../../../../src/pipeline/decide/decide-application.ts';
import { decisiveFields } from '../../../../src/pipeline/decide/decisive-fields.ts';
import { application, specOrder } from './builders.ts';

const policy = testPolicy();
const doubt = (value: string) => ({ value, confidence: 0.6 });
const bank = { refundMethod: 'bank_account', cardLast4: undefined, bik: '044525225', account: '40817810899910004312' };
const decide = (overrides: Partial<DecideInput>) =>
  decideApplication({ application: application(), order: specOrder(), orderSourceAvailable: true, policy, today: '2025-03-10', ...overrides });

describe('every decisive field read with doubt and not confirmed by the order goes to review', () => {
  it.each([
    // The number is confirmed only for the order's own buyer; this applicant is someone else.
    ['orderNumber', application({ orderNumber: doubt('A-1001'), email: 'other@example.ru', fullName: 'Петров Иван Иванович' })],
    ['reason', application({ reason: doubt('proper_quality') })],
    ['receivedDate', application({ receivedDate: doubt('2025-03-05') }), specOrder({ deliveryDate: undefined })],
    ['refundMethod', application({ refundMethod: doubt('card'), cardLast4: doubt('4242') })],
    ['bik', application({ ...bank, bik: doubt('044525225') })],
    ['account', application({ ...bank, account: doubt('40817810899910004312') })],
    ['cardLast4', application({ cardLast4: doubt('4242') })],
    ['items[0].sku', application({}, [{ sku: doubt('QQ-7777'), quantity: '1' }])],
    // Three were ordered: a "1" could be a misread "7", so the order does not confirm it.
    ['items[0].quantity', application({}, [{ sku: 'TS-3000', quantity: doubt('1') }]), specOrder({ lines: [{ sku: 'TS-3000', name: 'Футболка', quantity: 3, unitPrice: 300000, madeToOrder: false }], discounts: [] })],
  ])('%s', (field, app, order = specOrder()) => {
    const d = decide({ application: app, order });
    expect(d.status).toBe('needs_review');
    expect(d.reasons).toContainEqual(expect.objectContaining({ code: 'low_confidence', field }));
  });

  it('the same application with every value confident is approved (the cases above fail for their field alone)', () => {
    expect(decide({}).status).toBe('approved');
    expect(decide({ application: application(bank) }).status).toBe('approved');
  });
});

describe('decisiveFields', () => {
  it('follows the application: the receipt date only where the window can apply, the details of its refund method', () => {
    expect(decisiveFields('defect', 'card')).toEqual(['orderNumber', 'reason', 'refundMethod', 'cardLast4']);
    expect(decisiveFields('proper_quality', 'bank_account')).toEqual(['orderNumber', 'reason', 'receivedDate', 'refundMethod', 'bik', 'account']);
    expect(decisiveFields(undefined, undefined)).toEqual(['orderNumber', 'reason', 'receivedDate', 'refundMethod']);
  });
});
