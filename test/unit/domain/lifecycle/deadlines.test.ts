import { describe, expect, it } from 'vitest';
import { isoDay } from '../../../../src/domain/iso-day.ts';
import { dueActions, refundDueAt, reminderAt, reminderHorizon, reviewDueAt, shipBy, shipByDay, type ReturnClock } from '../../../../src/domain/lifecycle/deadlines.ts';

const policy = { shipWithinDays: 4, reminderDaysBeforeShipBy: 1, reviewSlaHours: 24, refundDays: 13 };
const d = (iso: string) => new Date(iso);
const MSK = 'Europe/Moscow';

describe('deadlines', () => {
  const approvedAt = d('2025-03-10T12:00:00Z');
  it('ship by the end of the shop day approval + shipWithinDays; reminder a day before', () => {
    // 12:00 UTC is 15:00 in Moscow on the 10th: the customer has all of the 14th, Moscow time.
    expect(shipBy(approvedAt, policy, MSK)).toEqual(d('2025-03-14T20:59:59.999Z'));
    // The reminder as the 13th begins, Moscow time: "1 day left" the day before the named day.
    expect(reminderAt(approvedAt, policy, MSK)).toEqual(d('2025-03-12T21:00:00.000Z'));
  });

  it('the ship-by question: the reminder comes the shop day before the named day, also when that day has 25 hours', () => {
    // Berlin's 25 October 2026 has 25 hours: 24 hours back from its end is 00:59 on the 25th itself.
    const berlin = d('2026-10-21T10:00:00Z');
    expect(isoDay(shipBy(berlin, policy, 'Europe/Berlin'), 'Europe/Berlin')).toBe('2026-10-25');
    expect(reminderAt(berlin, policy, 'Europe/Berlin')).toEqual(d('2026-10-23T22:00:00.000Z'));
    // The query's horizon is the same rule: at the first moment of the 24th, returns due by the end of the 25th.
    expect(reminderHorizon(d('2026-10-23T22:00:00.000Z'), policy, 'Europe/Berlin')).toEqual(shipBy(berlin, policy, 'Europe/Berlin'));
    expect(reminderHorizon(d('2026-10-23T21:59:59.999Z'), policy, 'Europe/Berlin').getTime()).toBeLessThan(shipBy(berlin, policy, 'Europe/Berlin').getTime());
  });

  it('the ship-by date in the reply and the expiry disagree: approved at 15:00 on the 10th, "by the 14th" expires at the end of the 14th', () => {
    for (const at of ['2025-03-10T12:00:00Z', '2025-03-09T21:00:00Z', '2025-03-10T20:59:59Z', '2025-10-26T22:30:00Z']) {
      const named = shipByDay(isoDay(d(at), MSK), policy);
      const expiry = shipBy(d(at), policy, MSK);
      expect(isoDay(expiry, MSK), at).toBe(named);
      expect(isoDay(new Date(expiry.getTime() + 1), MSK), at).not.toBe(named);
    }
    expect(shipByDay(isoDay(d('2025-03-10T12:00:00Z'), MSK), policy)).toBe('2025-03-14');
  });

  it('all dates are UTC: approved at 00:30 in Moscow (21:30 UTC the day before) counts from the Moscow day', () => {
    expect(isoDay(d('2025-03-10T21:30:00Z'), MSK)).toBe('2025-03-11');
    expect(shipBy(d('2025-03-10T21:30:00Z'), policy, MSK)).toEqual(d('2025-03-15T20:59:59.999Z'));
    expect(shipBy(d('2025-03-10T21:30:00Z'), policy, 'UTC')).toEqual(d('2025-03-14T23:59:59.999Z'));
  });

  it('a shop day across a DST change still ends at local midnight', () => {
    // Berlin leaves summer time on 2025-10-26: that day has 25 hours.
    expect(shipBy(d('2025-10-22T10:00:00Z'), policy, 'Europe/Berlin')).toEqual(d('2025-10-26T22:59:59.999Z'));
    expect(shipBy(d('2025-03-26T10:00:00Z'), policy, 'Europe/Berlin')).toEqual(d('2025-03-30T21:59:59.999Z'));
  });
  it('review SLA: received + slaHours', () => {
    expect(reviewDueAt(d('2025-03-10T08:30:00Z'), policy)).toEqual(d('2025-03-11T08:30:00Z'));
    expect(reviewDueAt(d('2025-03-10T08:30:00Z'), { reviewSlaHours: 1.5 })).toEqual(d('2025-03-10T10:00:00Z'));
  });
  it('refund due: received at the warehouse + refundDays', () => {
    expect(refundDueAt(d('2025-03-20T10:00:00Z'), policy)).toEqual(d('2025-04-02T10:00:00Z'));
  });
});

describe('dueActions', () => {
  const receivedAt = d('2025-03-10T08:00:00Z');
  const approvedAt = d('2025-03-10T12:00:00Z');
  const waiting: ReturnClock = { state: 'awaiting_shipment', receivedAt, approvedAt };

  it.each<[string, ReturnClock, string, string[]]>([
    ['fresh approval: nothing', waiting, '2025-03-11T00:00:00Z', []],
    ['two days before the named day: nothing yet', waiting, '2025-03-12T20:59:59.999Z', []],
    ['the day before the named day begins: remind', waiting, '2025-03-12T21:00:00Z', ['send_shipping_reminder']],
    ['reminder already sent: nothing', { ...waiting, reminderSentAt: d('2025-03-13T21:00:01Z') }, '2025-03-14T12:00:00Z', []],
    ['the last minute of the named day: still in time', waiting, '2025-03-14T20:59:59.999Z', ['send_shipping_reminder']],
    ['after the named day: expire (no reminder any more)', waiting, '2025-03-14T21:00:00Z', ['expire']],
    ['shipped: no shipping deadline', { ...waiting, state: 'shipped' }, '2025-04-01T00:00:00Z', []],
    ['in review within SLA', { state: 'needs_review', receivedAt }, '2025-03-11T07:59:59Z', []],
    ['in review past SLA', { state: 'needs_review', receivedAt }, '2025-03-11T08:00:01Z', ['review_sla_breached']],
    ['parsed past SLA', { state: 'parsed', receivedAt }, '2025-03-12T00:00:00Z', ['review_sla_breached']],
    ['decided late is no longer a breach', { state: 'rejected', receivedAt }, '2025-03-12T00:00:00Z', []],
    ['refund not yet due', { state: 'received_at_warehouse', receivedAt, receivedAtWarehouseAt: d('2025-03-15T10:00:00Z') }, '2025-03-28T10:00:00Z', []],
    ['refund overdue', { state: 'received_at_warehouse', receivedAt, receivedAtWarehouseAt: d('2025-03-15T10:00:00Z') }, '2025-03-28T10:00:01Z', ['refund_overdue']],
    ['refunded: nothing', { state: 'refunded', receivedAt, receivedAtWarehouseAt: d('2025-03-15T10:00:00Z') }, '2025-05-01T00:00:00Z', []],
  ])('%s', (_name, clock, now, expected) => {
    expect(dueActions(clock, policy, d(now), MSK).map((a) => a.kind)).toEqual(expected);
  });

  it('says when the deadline was', () => {
    expect(dueActions(waiting, policy, d('2025-03-20T00:00:00Z'), MSK)).toEqual([{ kind: 'expire', shipBy: d('2025-03-14T20:59:59.999Z') }]);
  });
});
