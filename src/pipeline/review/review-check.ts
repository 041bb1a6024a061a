// What the review page shows beside the fields: the machine's checks run again on the application as it
// stands now (after the agent's edits), with the order match, the refund computation and the shipping terms.
import type { ParsedApplication } from '../../domain/application.ts';
import type { Decision } from '../../domain/decision.ts';
import type { Order } from '../../domain/order.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import { decideApplication, type ApplicationDecision, type DecideInput, type OtherReturn } from '../decide/decide-application.ts';
import { otherReturnsOf, type SelfReturn } from '../process/decide-with-order.ts';
import type { ReviewDeps } from './review-deps.ts';
import { findOrder } from '../decide/find-order.ts';
import { withoutOrderEvidence } from '../../domain/value-provenance.ts';
import { isoDay } from '../../domain/iso-day.ts';

export interface ReviewCheck {
  order: Order | null;
  orderSourceAvailable: boolean;
  decision: ApplicationDecision;
  /** Field key (or `items[N].key`) → why it is doubtful or invalid, from problems and decision reasons. */
  flagged: Record<string, string[]>;
}

export function checkApplication(
  application: ParsedApplication,
  order: Order | null,
  orderSourceAvailable: boolean,
  policy: Policy,
  today: string,
  otherReturns: readonly OtherReturn[] = [],
  shippingReceipt?: DecideInput['shippingReceipt'],
  lookup: Pick<DecideInput, 'lookupReasons' | 'lookupNote' | 'exchangedItems' | 'orderProbable'> = {},
): ReviewCheck {
  const decision = decideApplication({ application, order, orderSourceAvailable, policy, today, otherReturns, ...(shippingReceipt ? { shippingReceipt } : {}), ...lookup });
  const flagged: Record<string, string[]> = {};
  const flag = (field: string | undefined, message: string) => {
    if (!field) return;
    (flagged[field] ??= []).includes(message) || flagged[field]!.push(message);
  };
  for (const problem of application.problems) flag(problem.field, problem.message);
  for (const reason of decision.reasons) flag(reason.field, reason.message);
  return { order, orderSourceAvailable, decision, flagged };
}

/**
 * The same computation as the pipeline's, earlier returns of the order included, so the refund the page
 * pre-fills is the one the customer was told (and an item already returned is flagged).
 */
export async function loadReviewCheck(
  deps: Pick<ReviewDeps, 'orders' | 'policy' | 'updates' | 'timeZone'>,
  application: ParsedApplication,
  self: SelfReturn & { decision?: Decision },
): Promise<ReviewCheck> {
  // The order is found as the pipeline found it (find-order.ts): two orders that fit equally well stay named.
  const senders = self.customerEmail ? [self.customerEmail] : [];
  const lookup = deps.orders ? await findOrder(withoutOrderEvidence(application), deps.orders, { minConfidence: deps.policy.minConfidence, senders }) : null;
  const order = lookup?.kind === 'found' ? lookup.order : null;
  const others = order ? otherReturnsOf(await deps.updates.orderReturns(order.orderNumber), self) : [];
  // Judged on the day the application reached the mailbox, as the pipeline judged it, not on the day of review.
  const arrivalDay = isoDay(self.receivedAt ?? self.createdAt, deps.timeZone);
  // A postage amount was read off a receipt, so the receipt is there even when it came with the tracking number.
  const shippingReceipt = {
    present: Boolean(self.receiptReceivedAt) || self.returnShippingCost != null,
    ...(self.returnShippingCost != null ? { returnShippingCost: self.returnShippingCost } : {}),
  };
  // An approved exchange moved its items from the application into the decision (decide-review.ts splitItems).
  const exchanged = (self.decision as { exchange?: unknown[] } | undefined)?.exchange?.length ?? 0;
  return checkApplication(application, order, deps.orders !== null, deps.policy, arrivalDay, others, shippingReceipt, {
    ...(exchanged > 0 ? { exchangedItems: exchanged } : {}),
    ...(lookup?.kind === 'not_found' ? { lookupReasons: lookup.reasons } : {}),
    ...(lookup?.kind === 'found' && lookup.by !== 'number' ? { lookupNote: lookup.message } : {}),
    ...(lookup?.kind === 'found' && lookup.by === 'digits' ? { orderProbable: true } : {}),
  });
}
