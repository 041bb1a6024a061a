// What an order owes back for ALL the items returned from it so far, as one sum. Every return's refund is a
// difference of two of these, so rounding happens once per sum and the refunds of an order telescope to the
// kopeck: returning three 10.00 ₽ items with a 1.00 ₽ discount one by one refunds 29.00 ₽, not 29.01 ₽.
import type { Kopecks } from '../../domain/money/money.ts';
import type { Order, OrderDiscount } from '../../domain/order.ts';
import { sumBySku } from './returned-quantity.ts';

export interface ResolvedLine {
  sku: string;
  quantity: number;
  /** unitPrice × quantity from the order, kopecks. */
  amount: Kopecks;
}

export interface Cumulative {
  /** Owed back for everything returned, never below zero nor above what was paid for the whole order. */
  owed: Kopecks;
  /** Discount code → kopecks deducted from everything returned (not capped). */
  deducted: Map<string, Kopecks>;
}

export function cumulativeRefund(order: Order, returned: readonly ResolvedLine[]): Cumulative {
  const gross = sum(returned.map((l) => l.amount));
  const orderGross = sum(order.lines.map((l) => l.unitPrice * l.quantity));
  const kept = keptItems(order, returned);
  const deducted = new Map<string, Kopecks>();
  for (const discount of order.discounts) {
    const amount = deductionFor(discount, kept, gross, orderGross, returned.length > 0);
    if (amount > 0) deducted.set(discount.code, (deducted.get(discount.code) ?? 0) + amount);
  }
  const paid = Math.max(0, orderGross - sum(order.discounts.map((d) => d.amount)));
  const owed = Math.min(paid, Math.max(0, gross - sum([...deducted.values()])));
  return { owed, deducted };
}

/**
 * What earlier returns (oldest first) were refunded for their items. A refund is never negative, so when a
 * return's clawback exceeded its items the refund was 0 and the sum owed dipped below what had been paid out:
 * the total refunded so far is the highest sum owed after any of them.
 */
export function refundedByEarlierReturns(order: Order, returns: readonly (readonly ResolvedLine[])[]): Kopecks {
  let refunded = 0;
  const sofar: ResolvedLine[] = [];
  for (const lines of returns) {
    sofar.push(...lines);
    refunded = Math.max(refunded, cumulativeRefund(order, sofar).owed);
  }
  return refunded;
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

function deductionFor(discount: OrderDiscount, kept: Kept, returnedGross: Kopecks, orderGross: Kopecks, anyReturned: boolean): Kopecks {
  if (!anyReturned || discount.amount === 0) return 0;
  if (discount.condition) {
    // The whole discount once the items kept stop meeting its condition; with nothing kept, it is gone too.
    return kept.count === 0 || !conditionMet(discount, kept) ? discount.amount : 0;
  }
  // An unconditional discount lowered what was paid for every item; the returned items give back their share.
  if (orderGross === 0) return 0;
  return kept.count === 0 ? discount.amount : Math.round((discount.amount * returnedGross) / orderGross);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
