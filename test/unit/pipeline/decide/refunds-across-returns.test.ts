// An order returned in several returns: the refunds add up to the kopeck, never go below zero, never exceed
// what was paid, and a clawback or the order's shipping is taken once.
import { describe, expect, it } from 'vitest';
import type { Reason } from '../../../../src/domain/application.ts';
import type { Order, OrderDiscount } from '../../../../src/domain/order.ts';
import { computeRefund, type EarlierReturn, type RefundItem } from '../../../../src/pipeline/decide/compute-refund.ts';
import { seededRandom, type Random } from '../../../support/seeded-random.ts';
import { specOrder } from './builders.ts';

const fashion = { shippingRefundReasons: ['defect', 'wrong_item'] as Reason[], shippingRefundRequiresReceipt: false };

/** Refunds of successive returns, each knowing the ones before it, as the pipeline computes them. */
function refundsOf(order: Order, returns: readonly RefundItem[][], reason: Reason = 'proper_quality'): number[] {
  const earlier: EarlierReturn[] = [];
  return returns.map((items) => {
    const refund = computeRefund({ order, items, reason, policy: fashion, earlierReturns: earlier });
    earlier.push({ items, reason });
    return refund.total;
  });
}

const one = (sku: string): RefundItem[] => [{ sku, quantity: 1 }];
const total = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('refunds across successive returns of one order', () => {
  const bigDiscount = specOrder({ discounts: [{ code: 'BIG', amount: 500000, condition: { minItems: 3 } }] });

  it('a refund held at zero loses the rest of the clawback: scarf then skirt refunds 0 + 1,500 ₽, not 0 + 4,000 ₽', () => {
    // Paid 9,500 − 5,000 = 4,500 ₽ in all; the customer keeps the 3,000 ₽ T-shirt, so 1,500 ₽ is owed back.
    expect(refundsOf(bigDiscount, [one('SC-2500'), one('SK-4000')])).toEqual([0, 150000]);
    const skirt = computeRefund({ order: bigDiscount, items: one('SK-4000'), reason: 'proper_quality', policy: fashion, earlierReturns: [{ items: one('SC-2500') }] });
    expect(skirt.discountDeductions).toEqual([expect.objectContaining({ why: 'carried_over', amount: 250000 })]);
    expect(skirt.earlierRefunded).toBe(0);
  });

  it('a refund held at zero loses the rest of the clawback: returning everything after it refunds exactly what was paid', () => {
    expect(total(refundsOf(bigDiscount, [one('SC-2500'), one('SK-4000'), one('TS-3000')]))).toBe(450000);
  });

  it('a refund held at zero loses the rest of the clawback: with two conditional discounts', () => {
    const order = specOrder({
      discounts: [
        { code: 'THREE', amount: 300000, condition: { minItems: 3 } },
        { code: 'FROM9000', amount: 300000, condition: { minTotal: 900000 } },
      ],
    });
    // Paid 9,500 − 6,000 = 3,500 ₽; keeping the T-shirt, 500 ₽ is owed back for scarf and skirt.
    const refunds = refundsOf(order, [one('SC-2500'), one('SK-4000')]);
    expect(refunds).toEqual([0, 50000]);
    expect(total(refundsOf(order, [one('SC-2500'), one('SK-4000'), one('TS-3000')]))).toBe(350000);
  });

  it('kopecks drift across split returns: 3 × 10.00 ₽ with a 1.00 ₽ discount returned one by one refunds 29.00 ₽', () => {
    const lines = [{ sku: 'P-10', name: 'Носки', quantity: 3, unitPrice: 1000, madeToOrder: false }];
    for (const discounts of [[{ code: 'ONE', amount: 100 }], [{ code: 'ONE', amount: 100, condition: { minItems: 1 } }]] as OrderDiscount[][]) {
      const order = specOrder({ lines, discounts });
      const refunds = refundsOf(order, [one('P-10'), one('P-10'), one('P-10')]);
      expect(total(refunds)).toBe(2900);
      for (const r of refunds) expect(r).toBeGreaterThanOrEqual(0);
    }
  });

  it('the discount is not taken twice when an earlier return broke its condition (SPEC example continued)', () => {
    expect(refundsOf(specOrder(), [one('TS-3000'), one('SK-4000'), one('SC-2500')])).toEqual([50000, 400000, 250000]);
  });

  it('a later return is held at zero when the condition breaks on an item cheaper than the discount, the rest carries on', () => {
    const order = specOrder({
      lines: [...specOrder().lines, { sku: 'HT-1000', name: 'Шляпа', quantity: 1, unitPrice: 100000, madeToOrder: false }],
      discounts: [{ code: 'BIG', amount: 500000, condition: { minItems: 3 } }],
    });
    // Skirt first: 3 items kept, the discount holds. Then the scarf breaks it: 2,500 − 5,000 → 0, 2,500 carried.
    const refunds = refundsOf(order, [one('SK-4000'), one('SC-2500'), one('TS-3000'), one('HT-1000')]);
    expect(refunds).toEqual([400000, 0, 50000, 100000]);
    expect(total(refunds)).toBe(1050000 - 500000);
  });

  it('order shipping is refunded in full on every return: only the first defect return gets it', () => {
    const order = specOrder({ discounts: [], shippingPaid: 50000 });
    const refunds = refundsOf(order, [one('TS-3000'), one('SK-4000')], 'defect');
    expect(refunds).toEqual([300000 + 50000, 400000]);
    const second = computeRefund({
      order,
      items: one('SK-4000'),
      reason: 'defect',
      policy: fashion,
      returnShippingCost: 30000,
      earlierReturns: [{ items: one('TS-3000'), reason: 'defect' }],
    });
    expect(second.shipping).toMatchObject({ orderShippingAlreadyRefunded: true, amount: 30000 });
  });

  it('a proper-quality earlier return does not use up the order shipping', () => {
    const order = specOrder({ discounts: [], shippingPaid: 50000 });
    const refund = computeRefund({ order, items: one('SK-4000'), reason: 'defect', policy: fashion, earlierReturns: [{ items: one('TS-3000'), reason: 'proper_quality' }] });
    expect(refund.shipping.amount).toBe(50000);
  });
});

describe('refunds across returns: properties over random orders, discounts and return sequences', () => {
  function randomOrder(rnd: Random): Order {
    const lines = Array.from({ length: rnd.int(1, 5) }, (_, i) => ({
      sku: `S-${i}`,
      name: `item ${i}`,
      quantity: rnd.int(1, 3),
      // Odd kopeck amounts on purpose: rounding is where drift hides.
      unitPrice: rnd.int(1, 500000),
      madeToOrder: false,
    }));
    const gross = lines.reduce((n, l) => n + l.unitPrice * l.quantity, 0);
    const count = lines.reduce((n, l) => n + l.quantity, 0);
    const discounts: OrderDiscount[] = Array.from({ length: rnd.int(0, 3) }, (_, i) => {
      const amount = rnd.int(0, Math.floor(gross / 2));
      const kind = rnd.int(0, 2);
      if (kind === 0) return { code: `D${i}`, amount };
      if (kind === 1) return { code: `D${i}`, amount, condition: { minItems: rnd.int(1, count) } };
      return { code: `D${i}`, amount, condition: { minTotal: rnd.int(0, gross) } };
    });
    return specOrder({ lines, discounts, shippingPaid: 0 });
  }

  /** Every unit of the order, shuffled and cut into 1..n returns. */
  function randomSequence(rnd: Random, order: Order): RefundItem[][] {
    const units = rnd.shuffle(order.lines.flatMap((l) => Array.from({ length: l.quantity }, () => l.sku)));
    const returns: RefundItem[][] = [];
    let i = 0;
    while (i < units.length) {
      const size = rnd.int(1, units.length - i);
      const counts = new Map<string, number>();
      for (const sku of units.slice(i, i + size)) counts.set(sku, (counts.get(sku) ?? 0) + 1);
      returns.push([...counts].map(([sku, quantity]) => ({ sku, quantity })));
      i += size;
    }
    return returns;
  }

  const paidFor = (order: Order) =>
    Math.max(0, order.lines.reduce((n, l) => n + l.unitPrice * l.quantity, 0) - order.discounts.reduce((n, d) => n + d.amount, 0));

  it.each(Array.from({ length: 8 }, (_, i) => 1000 + i))('seed %i: 250 orders returned in random parts', (seed) => {
    const rnd = seededRandom(seed);
    for (let n = 0; n < 250; n++) {
      const order = randomOrder(rnd);
      const sequence = randomSequence(rnd, order);
      const refunds = refundsOf(order, sequence);
      const paid = paidFor(order);
      const context = JSON.stringify({ seed, n, order, sequence, refunds });
      let running = 0;
      for (const r of refunds) {
        expect(Number.isInteger(r), context).toBe(true);
        expect(r, context).toBeGreaterThanOrEqual(0);
        running += r;
        expect(running, context).toBeLessThanOrEqual(paid);
      }
      // Everything came back: the customer gets exactly what was paid, to the kopeck.
      expect(running, context).toBe(paid);
      // Stopping part-way never refunds more than what was paid for the items returned so far plus the
      // discounts they kept alive (the order's full price of those items).
      const partial = refundsOf(order, sequence.slice(0, Math.max(1, sequence.length - 1)));
      const grossReturned = sequence
        .slice(0, partial.length)
        .flat()
        .reduce((n, item) => n + item.quantity * order.lines.find((l) => l.sku === item.sku)!.unitPrice, 0);
      expect(total(partial), context).toBeLessThanOrEqual(Math.min(paid, grossReturned));
    }
  });

  it('with the order shipping and mixed reasons: the goods paid for come back to the kopeck, the shipping once, on the first defect return', () => {
    const rnd = seededRandom(2025);
    const reasons: Reason[] = ['proper_quality', 'defect', 'wrong_item'];
    for (let n = 0; n < 500; n++) {
      const order = { ...randomOrder(rnd), shippingPaid: rnd.int(0, 1) === 0 ? 0 : rnd.int(1, 100000) };
      const sequence = randomSequence(rnd, order).map((items) => ({ items, reason: reasons[rnd.int(0, 2)]! }));
      const earlier: EarlierReturn[] = [];
      const refunds = sequence.map(({ items, reason }) => {
        const refund = computeRefund({ order, items, reason, policy: fashion, earlierReturns: earlier });
        earlier.push({ items, reason });
        return refund;
      });
      const context = JSON.stringify({ n, order, sequence, refunds: refunds.map((r) => r.total) });
      const firstDefect = sequence.findIndex((r) => r.reason !== 'proper_quality');
      refunds.forEach((refund, i) => {
        expect(Number.isInteger(refund.total) && refund.total >= 0, context).toBe(true);
        expect(refund.shipping.amount, context).toBe(i === firstDefect ? order.shippingPaid : 0);
      });
      expect(total(refunds.map((r) => r.total)), context).toBe(paidFor(order) + (firstDefect >= 0 ? order.shippingPaid : 0));
    }
  });

  it('without conditional discounts, a partial sequence refunds the returned items\' price less their exact share', () => {
    const rnd = seededRandom(7);
    for (let n = 0; n < 300; n++) {
      const order = randomOrder(rnd);
      const unconditional = { ...order, discounts: order.discounts.filter((d) => !d.condition) };
      const sequence = randomSequence(rnd, unconditional).slice(0, -1);
      if (sequence.length === 0) continue;
      const gross = unconditional.lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
      const returned = sequence.flat().reduce((s, i) => s + i.quantity * unconditional.lines.find((l) => l.sku === i.sku)!.unitPrice, 0);
      const share = unconditional.discounts.reduce((s, d) => s + Math.round((d.amount * returned) / gross), 0);
      expect(total(refundsOf(unconditional, sequence))).toBe(Math.max(0, returned - share));
    }
  });
});
