// An exchange refunds no item, but the policy's rule on return postage still holds (SPEC §2): when the item is
// defective or wrongly sent, the shop bears the return costs, so the postage on the customer's receipt is owed to
// them in money even though the goods come back as a replacement. Only the parcel's postage: the order's own
// shipping is not refunded, because the customer keeps (a replacement of) what they ordered.
import { ReasonSchema, type ParsedApplication, type Reason } from '../../domain/application.ts';
import type { Kopecks } from '../../domain/money/money.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import type { ReturnRef } from '../../domain/ports/return-updates.ts';
import { exchangedItems } from '../review/desk-steps.ts';

export interface ExchangeShippingRefund {
  /** An exchanged item's reason (or the application's) makes the return postage the shop's cost. */
  eligible: boolean;
  /** The receipt's postage once an agent entered it (and the receipt is there, where the policy asks for one); else 0. */
  amount: Kopecks;
}

type RefSlice = Pick<ReturnRef, 'decision' | 'application' | 'returnShippingCost' | 'receiptReceivedAt'>;

/** A return whose every kept item is exchanged: nothing of it is refunded but, perhaps, the postage. */
export function isExchangeOnly(ref: Pick<ReturnRef, 'decision' | 'application'>): boolean {
  return exchangedItems(ref).length > 0 && ref.application.items.length === 0;
}

export function exchangeShippingRefund(ref: RefSlice, policy: Pick<Policy, 'shippingRefundReasons' | 'shippingRefundRequiresReceipt'>): ExchangeShippingRefund {
  if (!isExchangeOnly(ref)) return { eligible: false, amount: 0 };
  const fallback = applicationReason(ref.application);
  const eligible = exchangedItems(ref).some((item) => {
    const reason = item.reason ?? fallback;
    return reason !== undefined && policy.shippingRefundReasons.includes(reason);
  });
  const cost = ref.returnShippingCost ?? 0;
  // An amount read off the receipt means the receipt is there, as for a refund (review-check.ts).
  const receiptPresent = Boolean(ref.receiptReceivedAt) || ref.returnShippingCost != null;
  if (!eligible || (policy.shippingRefundRequiresReceipt && !receiptPresent)) return { eligible, amount: 0 };
  return { eligible, amount: cost };
}

function applicationReason(application: ParsedApplication): Reason | undefined {
  const parsed = ReasonSchema.safeParse(application.fields.reason?.value);
  return parsed.success ? parsed.data : undefined;
}
