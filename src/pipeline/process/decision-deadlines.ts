// The deadlines a decision starts: the review SLA for a person's decision, the ship-by date for an approval.
import { reviewDueAt, shipBy } from '../../domain/lifecycle/deadlines.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import type { ReturnDeadlines } from '../../domain/ports/return-updates.ts';
import type { ReturnState } from '../../domain/return-state.ts';

export function decisionDeadlines(state: ReturnState, policy: Policy, receivedAt: Date, now: Date): Partial<ReturnDeadlines> {
  if (state === 'needs_review') return { reviewDueAt: reviewDueAt(receivedAt, policy) };
  if (state === 'awaiting_shipment') return { shipBy: shipBy(now, policy) };
  return {};
}
