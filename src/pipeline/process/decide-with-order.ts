// Finds the order the application is about (find-order.ts) and decides the application against it, the policy and the order's
// other returns.
import { ReasonSchema, type ParsedApplication, type Reason } from '../../domain/application.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import type { Orders } from '../../domain/ports/orders.ts';
import type { OrderReturnSummary, ReturnUpdates } from '../../domain/ports/return-updates.ts';
import { decideApplication, type ApplicationDecision, type OtherReturn } from '../decide/decide-application.ts';
import { fillFromHeader } from '../decide/fill-from-header.ts';
import { findOrder } from '../decide/find-order.ts';
import { withoutOrderEvidence } from '../../domain/value-provenance.ts';

/** An existing return being decided again: its own items are not "already returned", and later returns are not earlier. */
export interface SelfReturn {
  returnNumber: string;
  createdAt: Date;
  /** When its application reached the mailbox (the return window's clock). */
  receivedAt?: Date | null;
  /** When a shipping receipt photo arrived, and the postage an agent read off it (kopecks). */
  receiptReceivedAt?: Date | null;
  returnShippingCost?: number | null;
  /** The customer's address: it picks the buyer's orders when the application's order number was misread. */
  customerEmail?: string | null;
}

export async function decideWithOrder(
  application: ParsedApplication,
  deps: { orders: Orders | null; policy: Policy; returns: Pick<ReturnUpdates, 'orderReturns'> },
  today: string,
  self?: SelfReturn,
  /** The address the application came from (From / Reply-To): it picks the buyer's orders and fills a missing e-mail. */
  sender?: string,
): Promise<ApplicationDecision> {
  const read = fillFromHeader(withoutOrderEvidence(application), sender);
  const lookup = deps.orders ? await findOrder(read, deps.orders, { minConfidence: deps.policy.minConfidence, ...(sender ? { senders: [sender] } : {}) }) : null;
  const order = lookup?.kind === 'found' ? lookup.order : null;
  const otherReturns = order ? otherReturnsOf(await deps.returns.orderReturns(order.orderNumber), self) : [];
  return decideApplication({
    application: read,
    order,
    orderSourceAvailable: deps.orders !== null,
    policy: deps.policy,
    today,
    otherReturns,
    ...(lookup?.kind === 'not_found' ? { lookupReasons: lookup.reasons } : {}),
    ...(lookup?.kind === 'found' && lookup.by !== 'number' ? { lookupNote: lookup.message } : {}),
    ...(lookup?.kind === 'found' && lookup.by === 'digits' ? { orderProbable: true } : {}),
  });
}

export function otherReturnsOf(summaries: readonly OrderReturnSummary[], self?: SelfReturn): OtherReturn[] {
  return summaries
    .filter((s) => s.returnNumber !== self?.returnNumber)
    .map((s) => {
      const reason = asReason(s.reason);
      return {
        returnNumber: s.returnNumber,
        earlier: self === undefined || s.createdAt.getTime() < self.createdAt.getTime(),
        ...(reason ? { reason } : {}),
        items: s.items.map((i) => {
          const itemReason = asReason(i.reason);
          return { sku: i.sku, quantity: i.quantity, ...(i.size !== null ? { size: i.size } : {}), ...(itemReason ? { reason: itemReason } : {}) };
        }),
      };
    });
}

function asReason(value: string | null): Reason | undefined {
  const parsed = ReasonSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
