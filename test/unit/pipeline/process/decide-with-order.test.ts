// Bad input (issue #11): an order file that does not match the application never yields an approval, and two
// orders that fit equally well go to a person naming both. The happy path finds the order from all the evidence.
import { describe, expect, it } from 'vitest';
import { createMemoryOrders } from '../../../../src/adapters/orders/create-memory-orders.ts';
import type { Order } from '../../../../src/domain/order.ts';
import { decideWithOrder } from '../../../../src/pipeline/process/decide-with-order.ts';
import { testPolicy } from '../../../support/test-policy.ts';
import { application, specOrder } from '../decide/builders.ts';

const policy = testPolicy();
const today = '2025-03-10';
const decide = (orders: Order[], app = application(), sender = 'anna.ivanova@example.ru') =>
  decideWithOrder(app, { orders: createMemoryOrders(orders), policy, returns: { orderReturns: async () => [] } }, today, undefined, sender);
const codes = (d: { reasons: { code: string }[] }) => d.reasons.map((r) => r.code);

describe('decideWithOrder: an order file that does not match the application', () => {
  it('another buyer under the same number: never approved', async () => {
    const d = await decide([specOrder({ customerEmail: 'boris@example.ru', customerName: 'Борисов Борис Борисович', customerPhone: '+79990000000' })]);
    expect(d.status).toBe('needs_review');
    expect(codes(d)).toContain('customer_mismatch');
  });

  it('the buyer\'s order with other lines: never approved', async () => {
    const other = specOrder({ lines: [{ sku: 'CO-9000', name: 'Пальто шерстяное', size: 'L', quantity: 1, unitPrice: 900000, madeToOrder: false }], discounts: [] });
    const d = await decide([other]);
    expect(d.status).toBe('needs_review');
    expect(codes(d)).toContain('item_not_in_order');
  });

  it('two of the buyer\'s orders that fit a misread number equally well: a person picks, told both', async () => {
    const app = application({ orderNumber: { value: 'A-1O0?', confidence: 0.5 } });
    const d = await decide([specOrder({ orderNumber: 'A-1001' }), specOrder({ orderNumber: 'A-1002' })], app);
    expect(d.status).toBe('needs_review');
    const ambiguous = d.reasons.find((r) => r.code === 'order_ambiguous');
    expect(ambiguous?.message).toContain('A-1001');
    expect(ambiguous?.message).toContain('A-1002');
  });
});

describe('decideWithOrder: the order found from all the evidence', () => {
  it('a misread number of the sender\'s own order: approved, the number stored as the order\'s and said to come from it', async () => {
    const app = application({ orderNumber: { value: 'А-1О01', confidence: 0.6 }, email: undefined });
    const d = await decide([specOrder(), specOrder({ orderNumber: 'B-7777', customerEmail: 'boris@example.ru' })], app);
    expect(d.status).toBe('approved');
    expect(d.application?.fields.orderNumber).toMatchObject({ value: 'A-1001', source: 'order' });
    expect(d.application?.fields.email).toMatchObject({ value: 'anna.ivanova@example.ru', source: 'header' });
  });

  it('a number read confidently but unknown stays order_not_found', async () => {
    const d = await decide([specOrder()], application({ orderNumber: 'A-1009' }));
    expect(d.status).toBe('needs_review');
    expect(codes(d)).toContain('order_not_found');
  });
});

describe('decideWithOrder: an order found by correcting its number approves, never rejects', () => {
  it('a late proper-quality return whose order number was misread goes to a person', async () => {
    const app = application({ orderNumber: { value: 'А-1О0?', confidence: 0.5 } });
    const d = await decideWithOrder(app, { orders: createMemoryOrders([specOrder()]), policy, returns: { orderReturns: async () => [] } }, '2025-03-20', undefined, 'anna.ivanova@example.ru');
    expect(d.status).toBe('needs_review');
    expect(codes(d)).toContain('out_of_window_unconfirmed');
  });

  it('the same return with its number read as written is rejected', async () => {
    const d = await decideWithOrder(application(), { orders: createMemoryOrders([specOrder()]), policy, returns: { orderReturns: async () => [] } }, '2025-03-20', undefined, 'anna.ivanova@example.ru');
    expect(d.status).toBe('rejected');
  });
});
