// Checks an application against the order it names: the customer, every returned item and quantity, and the
// dates. Corrects an OCR'd SKU when the order leaves exactly one plausible reading, and records that it did.
import type { FieldValue, ParsedApplication, Reason } from '../../domain/application.ts';
import { ReasonSchema } from '../../domain/application.ts';
import type { DecisionReason } from '../../domain/decision.ts';
import type { Order, OrderLine } from '../../domain/order.ts';
import { checkDates } from './check-dates.ts';
import { findOrderLine } from './compute-refund.ts';
import { reason } from './decision-reasons.ts';
import { withinEditDistance } from './edit-distance.ts';
import { daysBetween, isIsoDate } from './iso-date.ts';
import { sumBySku, type ReturnedQuantity } from './returned-quantity.ts';

/** One misread character is what OCR does to an SKU; two would start matching the wrong product. */
const MAX_SKU_EDIT_DISTANCE = 1;

export interface MatchOrderInput {
  application: ParsedApplication;
  order: Order;
  /** YYYY-MM-DD, the day the application is decided. */
  today: string;
  alreadyReturned?: readonly ReturnedQuantity[];
}

export interface SkuCorrection {
  /** Index into `application.items`. */
  item: number;
  field: 'sku';
  from: string;
  to: string;
  message: string;
}

export interface MatchedItem {
  /** Index into `application.items`. */
  index: number;
  /** The order's SKU (corrected when `corrected`). */
  sku: string;
  size?: string;
  quantity: number;
  reason?: Reason;
  line: OrderLine;
  corrected: boolean;
}

export interface OrderMatch {
  reasons: DecisionReason[];
  corrections: SkuCorrection[];
  /** Items found in the order with a readable quantity (whether or not the quantity is allowed). */
  items: MatchedItem[];
  customerMatched: boolean;
}

export function matchOrder(input: MatchOrderInput): OrderMatch {
  const { application, order } = input;
  const reasons: DecisionReason[] = [];

  const customer = matchCustomer(application, order);
  if (customer) reasons.push(customer);

  const { items, corrections, itemReasons } = matchItems(application, order);
  reasons.push(...itemReasons, ...checkQuantities(items, order, input.alreadyReturned ?? []));
  reasons.push(...checkDates(application, input.today), ...checkDatesAgainstOrder(application, order));

  return { reasons, corrections, items, customerMatched: customer === null };
}

function matchCustomer(application: ParsedApplication, order: Order): DecisionReason | null {
  // Who the applicant is comes from the paper and the e-mail's sender, never from what the order itself filled in.
  const own = (key: 'email' | 'fullName' | 'phone') => {
    const value = application.fields[key];
    // A value the order supplied or chose for a doubtful reading (readValue kept) proves nothing about who wrote it.
    return value && !suppliedByOrder(value) && value.readValue === undefined ? value.value : undefined;
  };
  const email = own('email')?.trim().toLowerCase();
  const orderEmail = order.customerEmail?.trim().toLowerCase();
  if (email && orderEmail && email === orderEmail) return null;

  const name = own('fullName');
  if (name && order.customerName && namesMatch(name, order.customerName)) return null;
  const phone = own('phone');
  if (phone && order.customerPhone && phone === order.customerPhone) return null;

  if (!orderEmail && !order.customerName) {
    return reason('customer_unverified', `Order ${order.orderNumber} has no customer e-mail or name to compare with.`);
  }
  return reason(
    'customer_mismatch',
    `The applicant (${[name, email].filter(Boolean).join(', ') || 'no name or e-mail'}) does not match the customer of order ${order.orderNumber}.`,
    name ? 'fullName' : 'email',
  );
}

/** The application's e-mail, name or phone is the order's buyer's. */
export function isOrdersCustomer(application: ParsedApplication, order: Order): boolean {
  return matchCustomer(application, order) === null;
}

/** A value the order supplied (complete-from-order.ts), as opposed to one it confirmed: it proves nothing about the applicant. */
function suppliedByOrder(value: FieldValue): boolean {
  return value.source === 'order' && value.readConfidence === undefined;
}

/** ФИО may be written in any order and with or without the patronymic: the shorter name's words must all appear in the longer. */
export function namesMatch(a: string, b: string): boolean {
  const [shorter, longer] = [nameWords(a), nameWords(b)].sort((x, y) => x.length - y.length) as [string[], string[]];
  if (shorter.length === 0) return false;
  if (shorter.length === 1 && longer.length > 1) return false; // a lone first name matches too many people
  const pool = [...longer];
  for (const word of shorter) {
    const at = pool.indexOf(word);
    if (at < 0) return false;
    pool.splice(at, 1);
  }
  return true;
}

function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .replaceAll('ё', 'е')
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 0);
}

function normaliseSku(sku: string): string {
  return sku.replace(/\s+/g, '').toUpperCase();
}

function matchItems(application: ParsedApplication, order: Order) {
  const items: MatchedItem[] = [];
  const corrections: SkuCorrection[] = [];
  const itemReasons: DecisionReason[] = [];
  const orderSkus = [...new Set(order.lines.map((l) => l.sku))];

  application.items.forEach((item, index) => {
    const raw = item.sku?.value;
    if (raw === undefined) return; // reported as missing_field by the required-field check
    const wanted = normaliseSku(raw);
    let sku = orderSkus.find((s) => normaliseSku(s) === wanted);
    let corrected = false;
    if (sku === undefined) {
      const near = orderSkus.filter((s) => withinEditDistance(normaliseSku(s), wanted, MAX_SKU_EDIT_DISTANCE));
      if (near.length === 1) {
        sku = near[0]!;
        corrected = true;
        corrections.push({ item: index, field: 'sku', from: raw, to: sku, message: `SKU "${raw}" read as "${sku}", the only close match in the order.` });
      } else {
        const hint = near.length > 1 ? ` It could be any of ${near.join(', ')}.` : '';
        itemReasons.push(reason('item_not_in_order', `Item "${raw}" is not in order ${order.orderNumber}.${hint}`, `items[${index}].sku`));
        return;
      }
    }
    const quantityText = item.quantity?.value;
    if (quantityText === undefined) return;
    if (!/^\d+$/.test(quantityText.trim()) || Number(quantityText) < 1) {
      itemReasons.push(reason('invalid_value', `Quantity ${JSON.stringify(quantityText)} of item "${raw}" is not a whole number of items.`, `items[${index}].quantity`));
      return;
    }
    const size = item.size?.value;
    const itemReason = ReasonSchema.safeParse(item.reason?.value);
    items.push({
      index,
      sku,
      ...(size !== undefined ? { size } : {}),
      quantity: Number(quantityText),
      ...(itemReason.success ? { reason: itemReason.data } : {}),
      line: findOrderLine(order, sku, size)!,
      corrected,
    });
  });
  return { items, corrections, itemReasons };
}

function checkQuantities(items: readonly MatchedItem[], order: Order, alreadyReturned: readonly ReturnedQuantity[]): DecisionReason[] {
  const reasons: DecisionReason[] = [];
  const returned = sumBySku(alreadyReturned);
  const requested = sumBySku(items);
  for (const [sku, quantity] of requested) {
    const ordered = order.lines.filter((l) => l.sku === sku).reduce((n, l) => n + l.quantity, 0);
    const before = returned.get(sku) ?? 0;
    const left = Math.max(0, ordered - before);
    if (quantity <= left) continue;
    const field = `items[${items.find((i) => i.sku === sku)!.index}].quantity`;
    if (before > 0 && quantity <= ordered) {
      reasons.push(reason('already_returned', `${before} of ${ordered} × ${sku} were already returned; ${left} can still be returned, ${quantity} requested.`, field));
    } else {
      reasons.push(reason('quantity_exceeds_order', `${quantity} × ${sku} requested but the order has ${ordered}${before > 0 ? ` (${before} already returned)` : ''}.`, field));
    }
  }
  return reasons;
}

function checkDatesAgainstOrder(application: ParsedApplication, order: Order): DecisionReason[] {
  const reasons: DecisionReason[] = [];
  const received = application.fields.receivedDate?.value;
  if (received && isIsoDate(received) && (daysBetween(order.orderDate, received) ?? 0) < 0) {
    reasons.push(reason('date_before_order', `receivedDate ${received} is before the order was placed (${order.orderDate}).`, 'receivedDate'));
  }
  const ordered = application.fields.orderDate?.value;
  if (ordered && isIsoDate(ordered) && ordered !== order.orderDate) {
    reasons.push(reason('order_date_mismatch', `orderDate ${ordered} differs from the order's date ${order.orderDate}.`, 'orderDate'));
  }
  return reasons;
}
