// What an automatic decision rests on, derived from the policy rather than listed once for every shop. The order
// says who bought what and when it arrived; only the customer can say which items come back and how many, why,
// and where the money goes. So those are what must be read confidently from the paper (or confirmed by the order):
// the order's identity, each item line (matched to the order) with its quantity, the reason, the date of receipt where a window applies, and the refund details of the method.
import type { Policy } from '../../domain/policy/policy-schema.ts';
import type { Reason, RefundMethod } from '../../domain/application.ts';

export type DecisiveField = 'orderNumber' | 'reason' | 'receivedDate' | 'refundMethod' | 'bik' | 'account' | 'cardLast4';

/** Per refund method, the details that say where the money goes (a card is known by its last four digits only). */
export const REFUND_DETAILS: Record<RefundMethod, DecisiveField[]> = {
  bank_account: ['bik', 'account'],
  card: ['cardLast4'],
};

export const DECISIVE_ITEM_FIELDS = ['sku', 'quantity'] as const;

export function decisiveFields(policy: Policy, reason: Reason | undefined, method: RefundMethod | undefined): DecisiveField[] {
  // The reason always decides something: the window and the non-returnable categories bind proper-quality goods only.
  const fields: DecisiveField[] = ['orderNumber', 'reason'];
  // The window counts from receipt for proper-quality goods (an unknown reason may be one); the order's delivery
  // date supplies or confirms it, so it is asked of the paper only when the order does not know it.
  if (policy.returnWindowDays > 0 && (reason === undefined || reason === 'proper_quality')) fields.push('receivedDate');
  fields.push('refundMethod', ...(method ? REFUND_DETAILS[method] : []));
  return fields;
}
