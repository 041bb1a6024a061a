// The deadlines a decision starts: the review SLA for a person's decision, the ship-by date for an approval.
import { reviewDueAt, shipBy } from '../../domain/lifecycle/deadlines.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import type { ReturnDeadlines } from '../../domain/ports/return-updates.ts';
import type { ReturnState } from '../../domain/return-state.ts';

export function decisionDeadlines(state: ReturnState, policy: Policy, receivedAt: Date, now: Date, timeZone: string): Partial<ReturnDeadlines> {
  if (state === 'needs_review') return { reviewDueAt: reviewDueAt(receivedAt, policy) };
  // Shipping counts from the approval, the moment the customer is told how to ship.
  if (state === 'awaiting_shipment') return { shipBy: shipBy(now, policy, timeZone) };
  return {};
}
