// What an automatic decision rests on, derived from what the return rules depend on rather than listed once. The
// order says who bought what and when it arrived; only the customer can say which items come back and how many,
// why, and where the money goes. So those are what must be confident, read from the paper or confirmed by the
// order: the order's identity, each item line (matched to the order) with its quantity, the reason, the date of
// receipt where the window can apply, and the refund details of the chosen method.
import type { Reason, RefundMethod } from '../../domain/application.ts';

export type DecisiveField = 'orderNumber' | 'reason' | 'receivedDate' | 'refundMethod' | 'bik' | 'account' | 'cardLast4';

/** Per refund method, the details that say where the money goes (a card is known by its last four digits only). */
export const REFUND_DETAILS: Record<RefundMethod, DecisiveField[]> = {
  bank_account: ['bik', 'account'],
  card: ['cardLast4'],
};

export const DECISIVE_ITEM_FIELDS = ['sku', 'quantity'] as const;

export function decisiveFields(reason: Reason | undefined, method: RefundMethod | undefined): DecisiveField[] {
  // The reason always decides something (the window and the non-returnable categories bind proper-quality goods
  // only, and the presets make the merchant pay for shipping back a defective or wrong item).
  const fields: DecisiveField[] = ['orderNumber', 'reason'];
  // The window counts from receipt for proper-quality goods (an unknown reason may be one); the order's delivery
  // date supplies or confirms it, so the paper need not state it.
  if (reason === undefined || reason === 'proper_quality') fields.push('receivedDate');
  fields.push('refundMethod', ...(method ? REFUND_DETAILS[method] : []));
  return fields;
}
