// Deadlines of a return, computed from its timestamps and the policy. Pure and given `now`, so a scheduler can
// run them over database state on every tick and act only on what is due.
import { addDays, addHours } from 'date-fns';
import { endOfShopDay, isoDay, startOfShopDay } from '../iso-day.ts';
import { addIsoDays } from '../iso-date-math.ts';
import type { Policy } from '../policy/policy-schema.ts';
import type { ReturnState } from '../return-state.ts';

type DeadlinePolicy = Pick<Policy, 'shipWithinDays' | 'reminderDaysBeforeShipBy' | 'reviewSlaHours' | 'refundDays'>;

/** The shop day the reply names as the last day to ship: the approval's shop day plus ship-within days. */
export function shipByDay(approvalDay: string, policy: Pick<Policy, 'shipWithinDays'>): string {
  return addIsoDays(approvalDay, policy.shipWithinDays);
}

/**
 * The customer must ship by then; afterwards the return expires. The end of the day the reply names, in shop
 * time: approved at 15:00 on the 10th with 4 days, the reply says "by the 14th" and the 14th is theirs to 23:59.
 */
export function shipBy(approvedAt: Date, policy: Pick<Policy, 'shipWithinDays'>, timeZone: string): Date {
  return endOfShopDay(shipByDay(isoDay(approvedAt, timeZone), policy), timeZone);
}

/**
 * The reminder goes out as the shop day `reminderDaysBeforeShipBy` before the named day begins ("1 day left" on
 * the 13th for "by the 14th"). Counted in shop days, not 24-hour steps back from the deadline: from the end of
 * the 14th that step lands on the 14th itself the moment the 13th is over, or on a 25-hour day.
 */
export function reminderAt(approvedAt: Date, policy: Pick<Policy, 'shipWithinDays' | 'reminderDaysBeforeShipBy'>, timeZone: string): Date {
  const named = shipByDay(isoDay(approvedAt, timeZone), policy);
  return startOfShopDay(addIsoDays(named, -policy.reminderDaysBeforeShipBy), timeZone);
}

/**
 * A return waiting for its parcel is due its reminder once its deadline is at or before this moment: the end of
 * the shop day `reminderDaysBeforeShipBy` after today. The same rule as reminderAt, put so a query can use it.
 */
export function reminderHorizon(now: Date, policy: Pick<Policy, 'reminderDaysBeforeShipBy'>, timeZone: string): Date {
  return endOfShopDay(addIsoDays(isoDay(now, timeZone), policy.reminderDaysBeforeShipBy), timeZone);
}

/** Expired only after the deadline, the last millisecond of the named day, has passed. */
export function isPastShipBy(deadline: Date, now: Date): boolean {
  return now.getTime() > deadline.getTime();
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

export function dueActions(clock: ReturnClock, policy: DeadlinePolicy, now: Date, timeZone: string): DueAction[] {
  const actions: DueAction[] = [];
  if (UNDECIDED.includes(clock.state)) {
    const dueAt = reviewDueAt(clock.receivedAt, policy);
    if (now > dueAt) actions.push({ kind: 'review_sla_breached', dueAt });
  }
  if (clock.state === 'awaiting_shipment' && clock.approvedAt) {
    const deadline = shipBy(clock.approvedAt, policy, timeZone);
    if (isPastShipBy(deadline, now)) actions.push({ kind: 'expire', shipBy: deadline });
    else if (now >= reminderAt(clock.approvedAt, policy, timeZone) && !clock.reminderSentAt) actions.push({ kind: 'send_shipping_reminder', shipBy: deadline });
  }
  if (clock.state === 'received_at_warehouse' && clock.receivedAtWarehouseAt) {
    const dueAt = refundDueAt(clock.receivedAtWarehouseAt, policy);
    if (now > dueAt) actions.push({ kind: 'refund_overdue', dueAt });
  }
  return actions;
}
