// How much the customer gets back, computed from the ORDER's prices (an OCR'd price is only ever a hint).
// Follows the merchant's rule on conditional discounts (SPEC §2): when the items kept no longer meet a
// discount's condition, the whole discount comes off the refund, which never goes below zero.
import type { Reason } from '../../domain/application.ts';
import type { Kopecks } from '../../domain/money/money.ts';
import type { Order, OrderDiscount, OrderLine } from '../../domain/order.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import { sumBySku, type ReturnedQuantity } from './returned-quantity.ts';

export interface RefundItem {
  /** An SKU of the order (after any OCR correction). */
  sku: string;
  size?: string;
  quantity: number;
  /** The item's own reason when the form gives one; else the application's reason applies. */
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
  alreadyReturned?: readonly ReturnedQuantity[];
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
  /** `condition_no_longer_met`: the whole conditional discount; `proportional_share`: an unconditional one, pro rata. */
  why: 'condition_no_longer_met' | 'proportional_share';
  message: string;
}

export interface ShippingRefund {
  /** The reason makes shipping, packaging and customs refundable. */
  eligible: boolean;
  receiptRequired: boolean;
  receiptPresent: boolean;
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
  /** Deductions exceeded the items: the item part of the refund was held at zero. */
  flooredAtZero: boolean;
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
  const { order, policy } = input;

  const lines: RefundLine[] = [];
  for (const item of input.items) {
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
  const itemsTotal = sum(lines.map((l) => l.amount));

  const keptBefore = keptItems(order, input.alreadyReturned ?? []);
  const keptAfter = keptItems(order, [...(input.alreadyReturned ?? []), ...lines]);
  const orderGross = sum(order.lines.map((l) => l.unitPrice * l.quantity));

  const discountDeductions: DiscountDeduction[] = [];
  for (const discount of order.discounts) {
    const deduction = deductionFor(discount, keptBefore, keptAfter, itemsTotal, orderGross);
    if (deduction) discountDeductions.push(deduction);
  }
  const discountTotal = sum(discountDeductions.map((d) => d.amount));
  const itemsPart = itemsTotal - discountTotal;

  const shipping = shippingRefund(input);
  return {
    lines,
    itemsTotal,
    discountDeductions,
    discountTotal,
    shipping,
    // Shipping is the merchant's cost for a defect or a wrong item; a lost discount does not eat into it.
    total: Math.max(0, itemsPart) + shipping.amount,
    flooredAtZero: itemsPart < 0,
  };
}

interface Kept {
  count: number;
  total: Kopecks;
}

function keptItems(order: Order, returned: readonly { sku: string; quantity: number }[]): Kept {
  const returnedBySku = sumBySku(returned);
  let count = 0;
  let total = 0;
  for (const line of order.lines) {
    // Returned quantities of a SKU come off its lines in order, so one SKU in two sizes is still counted once.
    const left = returnedBySku.get(line.sku) ?? 0;
    const taken = Math.min(left, line.quantity);
    returnedBySku.set(line.sku, left - taken);
    count += line.quantity - taken;
    total += (line.quantity - taken) * line.unitPrice;
  }
  return { count, total };
}

function conditionMet(discount: OrderDiscount, kept: Kept): boolean {
  const c = discount.condition;
  if (!c) return true;
  return (c.minItems === undefined || kept.count >= c.minItems) && (c.minTotal === undefined || kept.total >= c.minTotal);
}

function deductionFor(
  discount: OrderDiscount,
  before: Kept,
  after: Kept,
  returnedGross: Kopecks,
  orderGross: Kopecks,
): DiscountDeduction | null {
  const base = { code: discount.code, ...(discount.description !== undefined ? { description: discount.description } : {}) };
  if (discount.condition) {
    // Deduct only when THIS return breaks the condition: if an earlier return already broke it, the
    // discount was deducted then and must not be taken twice.
    if (!conditionMet(discount, before) || conditionMet(discount, after) || discount.amount === 0) return null;
    return {
      ...base,
      amount: discount.amount,
      why: 'condition_no_longer_met',
      message: `The items kept no longer meet the condition of discount "${discount.code}"; the whole discount is deducted.`,
    };
  }
  // An unconditional discount lowered what was paid for every item; the returned items give back their share.
  if (orderGross === 0 || returnedGross === 0 || discount.amount === 0) return null;
  const amount = Math.round((discount.amount * returnedGross) / orderGross);
  return {
    ...base,
    amount,
    why: 'proportional_share',
    message: `The returned items' share of discount "${discount.code}".`,
  };
}

function shippingRefund(input: RefundInput): ShippingRefund {
  const { policy } = input;
  const reasons = input.items.map((item) => item.reason ?? input.reason);
  const eligible = reasons.some((r) => policy.shippingRefundReasons.includes(r));
  const receiptRequired = policy.shippingRefundRequiresReceipt;
  const receiptPresent = input.receiptPresent ?? false;
  const costs = input.order.shippingPaid + (input.returnShippingCost ?? 0);
  if (!eligible) {
    return { eligible, receiptRequired, receiptPresent, amount: 0, message: 'Shipping is refunded only for a defective or wrong item.' };
  }
  if (receiptRequired && !receiptPresent) {
    return { eligible, receiptRequired, receiptPresent, amount: 0, message: 'Shipping will be refunded against a photo of the receipt.' };
  }
  return { eligible, receiptRequired, receiptPresent, amount: costs, message: 'Shipping, packaging and customs are refunded.' };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
