// Cross-checking OCR against the order: a value the shop's own order record repeats (the customer's name or
// e-mail, the delivery date, an SKU and its quantity) is confirmed, however faint the scan it was read from.
// The order number itself is confirmed only when the customer matches too — an OCR slip that lands on some
// other customer's order then stays unconfirmed. Confidence is raised only here, for the decision; the
// stored application keeps what was read, and the decision lists what the order confirmed.
import type { FieldValue, ParsedApplication } from '../../domain/application.ts';
import type { Order } from '../../domain/order.ts';
import type { MatchedItem } from './match-order.ts';
import { namesMatch } from './match-order.ts';

/** Confidence of a value the order repeats; above any OCR reading, below an exact text layer. */
export const ORDER_CONFIRMED = 0.97;

export interface Confirmation {
  field: string;
  /** What in the order confirmed it. */
  by: string;
}

export function confirmFromOrder(
  application: ParsedApplication,
  order: Order,
  match: { items: readonly MatchedItem[]; customerMatched: boolean },
): { application: ParsedApplication; confirmed: Confirmation[] } {
  const confirmed: Confirmation[] = [];
  const fields = { ...application.fields };
  const raise = (key: keyof typeof fields, by: string) => {
    const value = fields[key];
    if (!value || value.confidence >= ORDER_CONFIRMED) return;
    fields[key] = { ...value, confidence: ORDER_CONFIRMED };
    confirmed.push({ field: key, by });
  };

  const email = fields.email?.value.trim().toLowerCase();
  if (email && email === order.customerEmail?.trim().toLowerCase()) raise('email', 'the order’s customer e-mail');
  if (fields.fullName && order.customerName && namesMatch(fields.fullName.value, order.customerName)) raise('fullName', 'the order’s customer name');
  if (fields.accountHolder && order.customerName && namesMatch(fields.accountHolder.value, order.customerName)) raise('accountHolder', 'the order’s customer name');
  if (match.customerMatched && fields.orderNumber?.value === order.orderNumber) raise('orderNumber', 'an order of this customer');
  if (fields.receivedDate && fields.receivedDate.value === order.deliveryDate) raise('receivedDate', 'the order’s delivery date');
  if (fields.orderDate && fields.orderDate.value === order.orderDate) raise('orderDate', 'the order date');

  const items = application.items.map((item, index) => {
    const matched = match.items.find((m) => m.index === index);
    if (!matched || matched.corrected) return item;
    const copy = { ...item };
    const up = (key: 'sku' | 'quantity', value: FieldValue | undefined, by: string) => {
      if (!value || value.confidence >= ORDER_CONFIRMED) return;
      copy[key] = { ...value, confidence: ORDER_CONFIRMED };
      confirmed.push({ field: `items[${index}].${key}`, by });
    };
    up('sku', item.sku, `order line ${matched.line.sku}`);
    // Only a quantity equal to the ordered one is confirmed: a 1 returned of 3 ordered could be a misread 7.
    if (matched.quantity === matched.line.quantity) up('quantity', item.quantity, `ordered quantity ${matched.line.quantity}`);
    return copy;
  });
  return { application: { ...application, fields, items }, confirmed };
}
