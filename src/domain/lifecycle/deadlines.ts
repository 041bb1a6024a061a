// Deadlines of a return, computed from its timestamps and the policy. Pure and given `now`, so a scheduler can
// run them over database state on every tick and act only on what is due.
import { addDays, addHours, subDays } from 'date-fns';
import type { Policy } from '../policy/policy-schema.ts';
import type { ReturnState } from '../return-state.ts';

type DeadlinePolicy = Pick<Policy, 'shipWithinDays' | 'reminderDaysBeforeShipBy' | 'reviewSlaHours' | 'refundDays'>;

/** The customer must ship by then; afterwards the return expires. */
export function shipBy(approvedAt: Date, policy: Pick<Policy, 'shipWithinDays'>): Date {
  return addDays(approvedAt, policy.shipWithinDays);
}

export function reminderAt(approvedAt: Date, policy: Pick<Policy, 'shipWithinDays' | 'reminderDaysBeforeShipBy'>): Date {
  return subDays(shipBy(approvedAt, policy), policy.reminderDaysBeforeShipBy);
}

/** A return still undecided after this breaches the review SLA. */
export function reviewDueAt(receivedAt: Date, policy: Pick<Policy, 'reviewSlaHours'>): Date {
  return addHours(receivedAt, policy.reviewSlaHours);
}

export function refundDueAt(receivedAtWarehouse: Date, policy: Pick<Policy, 'refundDays'>): Date {
  return addDays(receivedAtWarehouse, policy.refundDays);
}

/** What the scheduler knows about one return. */
export interface ReturnClock {
  state: ReturnState;
  /** When the application e-mail arrived. */
  receivedAt: Date;
  approvedAt?: Date;
  receivedAtWarehouseAt?: Date;
  /** Set once the shipping reminder has been sent, so it is sent exactly once. */
  reminderSentAt?: Date;
}

export type DueAction =
  | { kind: 'send_shipping_reminder'; shipBy: Date }
  | { kind: 'expire'; shipBy: Date }
  | { kind: 'review_sla_breached'; dueAt: Date }
  | { kind: 'refund_overdue'; dueAt: Date };

/** States in which a person (or the machine) still owes the customer a decision. */
const UNDECIDED: readonly ReturnState[] = ['received', 'parsed', 'needs_review'];

export function dueActions(clock: ReturnClock, policy: DeadlinePolicy, now: Date): DueAction[] {
  const actions: DueAction[] = [];
  if (UNDECIDED.includes(clock.state)) {
    const dueAt = reviewDueAt(clock.receivedAt, policy);
    if (now > dueAt) actions.push({ kind: 'review_sla_breached', dueAt });
  }
  if (clock.state === 'awaiting_shipment' && clock.approvedAt) {
    const deadline = shipBy(clock.approvedAt, policy);
    if (now > deadline) actions.push({ kind: 'expire', shipBy: deadline });
    else if (now >= reminderAt(clock.approvedAt, policy) && !clock.reminderSentAt) actions.push({ kind: 'send_shipping_reminder', shipBy: deadline });
  }
  if (clock.state === 'received_at_warehouse' && clock.receivedAtWarehouseAt) {
    const dueAt = refundDueAt(clock.receivedAtWarehouseAt, policy);
    if (now > dueAt) actions.push({ kind: 'refund_overdue', dueAt });
  }
  return actions;
}
