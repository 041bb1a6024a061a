import { describe, expect, it } from 'vitest';
import type { Reason } from '../../../../src/domain/application.ts';
import { computeRefund, type RefundItem } from '../../../../src/pipeline/decide/compute-refund.ts';
import { specOrder } from './builders.ts';

const fashion = { shippingRefundReasons: ['defect', 'wrong_item'] as Reason[], shippingRefundRequiresReceipt: false };
const marketplace = { shippingRefundReasons: ['defect', 'wrong_item'] as Reason[], shippingRefundRequiresReceipt: true };

describe('computeRefund', () => {
  it('SPEC §2 example: returning the T-shirt from "1+1=3" refunds 3000 − 2500 = 500 ₽', () => {
    const refund = computeRefund({ order: specOrder(), items: [{ sku: 'TS-3000', quantity: 1 }], reason: 'proper_quality', policy: fashion });
    expect(refund.total).toBe(50000);
    expect(refund.lines).toEqual([{ sku: 'TS-3000', name: 'Футболка', size: 'M', quantity: 1, unitPrice: 300000, amount: 300000 }]);
    expect(refund.itemsTotal).toBe(300000);
    expect(refund.discountDeductions).toEqual([
      expect.objectContaining({ code: '1+1=3', amount: 250000, why: 'condition_no_longer_met' }),
    ]);
    expect(refund.discountTotal).toBe(250000);
    expect(refund.flooredAtZero).toBe(false);
  });

  it.each<[string, RefundItem[], number, number]>([
    ['skirt: 4000 − 2500', [{ sku: 'SK-4000', quantity: 1 }], 150000, 250000],
    ['the free scarf itself: 2500 − 2500', [{ sku: 'SC-2500', quantity: 1 }], 0, 250000],
    ['T-shirt and skirt: 7000 − 2500', [{ sku: 'TS-3000', quantity: 1 }, { sku: 'SK-4000', quantity: 1 }], 450000, 250000],
    ['everything: 9500 − 2500 (what was paid)', [{ sku: 'TS-3000', quantity: 1 }, { sku: 'SK-4000', quantity: 1 }, { sku: 'SC-2500', quantity: 1 }], 700000, 250000],
  ])('%s', (_name, items, total, discount) => {
    const refund = computeRefund({ order: specOrder(), items, reason: 'proper_quality', policy: fashion });
    expect(refund.total).toBe(total);
    expect(refund.discountTotal).toBe(discount);
  });

  it('never goes below zero', () => {
    const order = specOrder({ discounts: [{ code: 'BIG', amount: 500000, condition: { minItems: 3 } }] });
    const refund = computeRefund({ order, items: [{ sku: 'SC-2500', quantity: 1 }], reason: 'proper_quality', policy: fashion });
    expect(refund.total).toBe(0);
    expect(refund.flooredAtZero).toBe(true);
  });

  it('keeps the discount when the items kept still meet its condition', () => {
    const order = specOrder({ lines: [...specOrder().lines, { sku: 'HT-1000', name: 'Шляпа', quantity: 1, unitPrice: 100000, madeToOrder: false }] });
    const refund = computeRefund({ order, items: [{ sku: 'TS-3000', quantity: 1 }], reason: 'proper_quality', policy: fashion });
    expect(refund.total).toBe(300000);
    expect(refund.discountDeductions).toEqual([]);
  });

  it('deducts a minTotal discount when the kept total drops below it', () => {
    const order = specOrder({ discounts: [{ code: 'FROM9000', amount: 90000, condition: { minTotal: 900000 } }] });
    const kept = computeRefund({ order, items: [{ sku: 'SC-2500', quantity: 1 }], reason: 'proper_quality', policy: fashion });
    expect(kept.total).toBe(250000 - 90000);
    const holds = computeRefund({ order: specOrder({ discounts: [{ code: 'FROM7000', amount: 90000, condition: { minTotal: 700000 } }] }), items: [{ sku: 'SC-2500', quantity: 1 }], reason: 'proper_quality', policy: fashion });
    expect(holds.total).toBe(250000);
  });

  it('does not deduct a discount twice when an earlier return already broke its condition', () => {
    const refund = computeRefund({
      order: specOrder(),
      items: [{ sku: 'SK-4000', quantity: 1 }],
      reason: 'proper_quality',
      policy: fashion,
      earlierReturns: [{ items: [{ sku: 'TS-3000', quantity: 1 }] }],
    });
    expect(refund.total).toBe(400000);
    expect(refund.discountDeductions).toEqual([]);
  });

  it('gives back the returned items\' share of an unconditional discount', () => {
    const order = specOrder({ discounts: [{ code: 'PROMO', amount: 95000 }] }); // 10% of 9500 ₽
    const refund = computeRefund({ order, items: [{ sku: 'TS-3000', quantity: 1 }], reason: 'proper_quality', policy: fashion });
    expect(refund.discountDeductions).toEqual([expect.objectContaining({ code: 'PROMO', amount: 30000, why: 'proportional_share' })]);
    expect(refund.total).toBe(270000);
  });

  it('uses the order price, and multiplies by quantity', () => {
    const order = specOrder({ discounts: [], lines: [{ sku: 'BL-1500', name: 'Блузка', quantity: 3, unitPrice: 150000, madeToOrder: false }] });
    expect(computeRefund({ order, items: [{ sku: 'BL-1500', quantity: 2 }], reason: 'proper_quality', policy: fashion }).total).toBe(300000);
  });

  it('picks the order line by size when one SKU was bought in two sizes', () => {
    const order = specOrder({
      discounts: [],
      lines: [
        { sku: 'BL-1500', name: 'Блузка', size: 'S', quantity: 1, unitPrice: 150000, madeToOrder: false },
        { sku: 'BL-1500', name: 'Блузка', size: 'XL', quantity: 1, unitPrice: 170000, madeToOrder: false },
      ],
    });
    expect(computeRefund({ order, items: [{ sku: 'BL-1500', size: 'xl', quantity: 1 }], reason: 'defect', policy: fashion }).total).toBe(170000);
  });

  describe('shipping, packaging and customs', () => {
    const order = specOrder({ discounts: [], shippingPaid: 120000 });
    it.each<[string, Reason, typeof fashion, boolean, number, boolean]>([
      ['proper quality: never', 'proper_quality', marketplace, true, 0, false],
      ['defect with receipt', 'defect', marketplace, true, 120000, true],
      ['wrong item with receipt', 'wrong_item', marketplace, true, 120000, true],
      ['defect without receipt: not yet', 'defect', marketplace, false, 0, true],
      ['defect, receipt not required by the policy', 'defect', fashion, false, 120000, true],
    ])('%s', (_name, reason, policy, receiptPresent, amount, eligible) => {
      const refund = computeRefund({ order, items: [{ sku: 'TS-3000', quantity: 1 }], reason, policy, receiptPresent });
      expect(refund.shipping.amount).toBe(amount);
      expect(refund.shipping.eligible).toBe(eligible);
      expect(refund.total).toBe(300000 + amount);
    });

    it('adds the return postage from the receipt', () => {
      const refund = computeRefund({ order, items: [{ sku: 'TS-3000', quantity: 1 }], reason: 'defect', policy: marketplace, receiptPresent: true, returnShippingCost: 45000 });
      expect(refund.shipping.amount).toBe(165000);
    });

    it('an item\'s own reason counts', () => {
      const refund = computeRefund({ order, items: [{ sku: 'TS-3000', quantity: 1, reason: 'defect' }], reason: 'proper_quality', policy: fashion });
      expect(refund.shipping.amount).toBe(120000);
    });
  });

  it('ignores an item that is not in the order (the order check reports it)', () => {
    const refund = computeRefund({ order: specOrder(), items: [{ sku: 'NOPE', quantity: 1 }], reason: 'proper_quality', policy: fashion });
    expect(refund.lines).toEqual([]);
    expect(refund.total).toBe(0);
  });
});
