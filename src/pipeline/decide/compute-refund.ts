// How much the customer gets back, computed from the ORDER's prices (an OCR'd price is only ever a hint).
// Follows the merchant's rule on conditional discounts (SPEC §2): when the items kept no longer meet a
// discount's condition, the whole discount comes off the refund, which never goes below zero.
//
// An order may be returned in several returns. Each return's refund is the difference between what the order
// owes back for everything returned so far and what earlier returns already refunded (cumulative-refund.ts),
// so the refunds of an order add up to the kopeck, a clawback held at zero carries over to the next return,
// and order shipping is refunded once.
import type { Reason } from '../../domain/application.ts';
import type { Kopecks } from '../../domain/money/money.ts';
import type { Order, OrderLine } from '../../domain/order.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import { cumulativeRefund, refundedByEarlierReturns } from './cumulative-refund.ts';

export interface RefundItem {
  /** An SKU of the order (after any OCR correction). */
  sku: string;
  size?: string;
  quantity: number;
  /** The item's own reason when the form gives one; else the application's reason applies. */
  reason?: Reason;
}

/** A return of the same order made before this one (claiming its items: under review, approved, on the way, refunded). */
export interface EarlierReturn {
  items: readonly RefundItem[];
  /** The application's reason, for items without their own. */
  reason?: Reason;
}

export interface RefundInput {
  order: Order;
  items: readonly RefundItem[];
  reason: Reason;
  policy: Pick<Policy, 'shippingRefundReasons' | 'shippingRefundRequiresReceipt'>;
  /** A photo of the shipping receipt has been received (marketplace rule). */
  receiptPresent?: boolean;
  /** What the customer paid to send the parcel back, kopecks, as read from the receipt by an agent. */
  returnShippingCost?: Kopecks;
  /** Earlier returns of this order, oldest first: the order they were made in decides who got what back. */
  earlierReturns?: readonly EarlierReturn[];
}

export interface RefundLine {
  sku: string;
  name: string;
  size?: string;
  quantity: number;
  unitPrice: Kopecks;
  amount: Kopecks;
}

export interface DiscountDeduction {
  code: string;
  description?: string;
  amount: Kopecks;
  /**
   * `condition_no_longer_met`: the whole conditional discount; `proportional_share`: an unconditional one, pro
   * rata; `carried_over`: clawback an earlier return's refund could not cover (it was held at zero).
   */
  why: 'condition_no_longer_met' | 'proportional_share' | 'carried_over';
  message: string;
}

export interface ShippingRefund {
  /** The reason makes shipping, packaging and customs refundable. */
  eligible: boolean;
  receiptRequired: boolean;
  receiptPresent: boolean;
  /** The order's shipping went with an earlier return of the order: only this parcel's postage is refundable. */
  orderShippingAlreadyRefunded: boolean;
  /** Refunded now: 0 until eligible and, when required, the receipt is present. */
  amount: Kopecks;
  message: string;
}

export interface RefundBreakdown {
  lines: RefundLine[];
  itemsTotal: Kopecks;
  discountDeductions: DiscountDeduction[];
  discountTotal: Kopecks;
  shipping: ShippingRefund;
  total: Kopecks;
  /** Deductions exceeded the items: the item part of the refund was held at zero (the rest carries over). */
  flooredAtZero: boolean;
  /** Refunded for items by earlier returns of the order (0 when this is the first). */
  earlierRefunded: Kopecks;
}

/** The order line an item refers to: by SKU, and by size when the SKU appears in several sizes. */
export function findOrderLine(order: Order, sku: string, size?: string): OrderLine | undefined {
  const candidates = order.lines.filter((line) => line.sku === sku);
  if (candidates.length > 1 && size !== undefined) {
    const bySize = candidates.find((line) => line.size?.toLowerCase() === size.toLowerCase());
    if (bySize) return bySize;
  }
  return candidates[0];
}

export function computeRefund(input: RefundInput): RefundBreakdown {
  const { order } = input;
  const earlier = input.earlierReturns ?? [];
  const lines = resolveLines(order, input.items);
  const itemsTotal = sum(lines.map((l) => l.amount));

  const earlierLines = earlier.flatMap((r) => resolveLines(order, r.items));
  const before = cumulativeRefund(order, earlierLines);
  const after = cumulativeRefund(order, [...earlierLines, ...lines]);
  const earlierRefunded = refundedByEarlierReturns(order, earlier.map((r) => resolveLines(order, r.items)));
  const itemsPart = Math.max(0, after.owed - earlierRefunded);

  const discountDeductions: DiscountDeduction[] = [];
  for (const discount of order.discounts) {
    const amount = (after.deducted.get(discount.code) ?? 0) - (before.deducted.get(discount.code) ?? 0);
    if (amount <= 0) continue;
    const conditional = discount.condition !== undefined;
    discountDeductions.push({
      code: discount.code,
      ...(discount.description !== undefined ? { description: discount.description } : {}),
      amount,
      why: conditional ? 'condition_no_longer_met' : 'proportional_share',
      message: conditional
        ? `The items kept no longer meet the condition of discount "${discount.code}"; the whole discount is deducted.`
        : `The returned items' share of discount "${discount.code}".`,
    });
  }
  // What the discounts of this return alone leave, against what is actually refunded: a positive rest is
  // clawback an earlier refund held at zero could not cover (or the cap at what was paid); a negative rest is
  // this return's own clawback exceeding its items, carried over to the next return.
  const rest = itemsTotal - sum(discountDeductions.map((d) => d.amount)) - itemsPart;
  if (rest > 0) {
    discountDeductions.push({
      code: 'carried_over',
      amount: rest,
      why: 'carried_over',
      message: 'The part of a lost discount that an earlier return of this order could not cover (its refund was held at zero).',
    });
  }
  const discountTotal = sum(discountDeductions.map((d) => d.amount));

  const shipping = shippingRefund(input, earlier);
  return {
    lines,
    itemsTotal,
    discountDeductions,
    discountTotal,
    shipping,
    // Shipping is the merchant's cost for a defect or a wrong item; a lost discount does not eat into it.
    total: itemsPart + shipping.amount,
    flooredAtZero: rest < 0,
    earlierRefunded,
  };
}

function resolveLines(order: Order, items: readonly RefundItem[]): RefundLine[] {
  const lines: RefundLine[] = [];
  for (const item of items) {
    const line = findOrderLine(order, item.sku, item.size);
    if (!line) continue; // not in the order: the order check reports it; nothing to refund for it
    lines.push({
      sku: line.sku,
      name: line.name,
      ...(line.size !== undefined ? { size: line.size } : {}),
      quantity: item.quantity,
      unitPrice: line.unitPrice,
      amount: line.unitPrice * item.quantity,
    });
  }
  return lines;
}

function shippingRefund(input: RefundInput, earlier: readonly EarlierReturn[]): ShippingRefund {
  const { policy } = input;
  const refundable = (items: readonly RefundItem[], reason: Reason | undefined) =>
    items.some((item) => {
      const r = item.reason ?? reason;
      return r !== undefined && policy.shippingRefundReasons.includes(r);
    });
  const eligible = refundable(input.items, input.reason);
  // The order's shipping was paid once; it goes with the first return whose reason makes it refundable.
  const orderShippingAlreadyRefunded = input.order.shippingPaid > 0 && earlier.some((r) => refundable(r.items, r.reason));
  const receiptRequired = policy.shippingRefundRequiresReceipt;
  const receiptPresent = input.receiptPresent ?? false;
  const costs = (orderShippingAlreadyRefunded ? 0 : input.order.shippingPaid) + (input.returnShippingCost ?? 0);
  const base = { eligible, receiptRequired, receiptPresent, orderShippingAlreadyRefunded };
  if (!eligible) return { ...base, amount: 0, message: 'Shipping is refunded only for a defective or wrong item.' };
  if (receiptRequired && !receiptPresent) return { ...base, amount: 0, message: 'Shipping will be refunded against a photo of the receipt.' };
  return {
    ...base,
    amount: costs,
    message: orderShippingAlreadyRefunded
      ? "The order's shipping was refunded with an earlier return; this parcel's postage is refunded."
      : 'Shipping, packaging and customs are refunded.',
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
