import { describe, expect, it } from 'vitest';
import { dueActions, refundDueAt, reminderAt, reviewDueAt, shipBy, type ReturnClock } from '../../../../src/domain/lifecycle/deadlines.ts';

const policy = { shipWithinDays: 4, reminderDaysBeforeShipBy: 1, reviewSlaHours: 24, refundDays: 13 };
const d = (iso: string) => new Date(iso);

describe('deadlines', () => {
  const approvedAt = d('2025-03-10T12:00:00Z');
  it('ship by approval + shipWithinDays; reminder a day before', () => {
    expect(shipBy(approvedAt, policy)).toEqual(d('2025-03-14T12:00:00Z'));
    expect(reminderAt(approvedAt, policy)).toEqual(d('2025-03-13T12:00:00Z'));
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
    ['a day before ship-by: remind', waiting, '2025-03-13T12:00:00Z', ['send_shipping_reminder']],
    ['reminder already sent: nothing', { ...waiting, reminderSentAt: d('2025-03-13T12:00:01Z') }, '2025-03-14T00:00:00Z', []],
    ['exactly at ship-by: still in time', waiting, '2025-03-14T12:00:00Z', ['send_shipping_reminder']],
    ['after ship-by: expire (no reminder any more)', waiting, '2025-03-14T12:00:01Z', ['expire']],
    ['shipped: no shipping deadline', { ...waiting, state: 'shipped' }, '2025-04-01T00:00:00Z', []],
    ['in review within SLA', { state: 'needs_review', receivedAt }, '2025-03-11T07:59:59Z', []],
    ['in review past SLA', { state: 'needs_review', receivedAt }, '2025-03-11T08:00:01Z', ['review_sla_breached']],
    ['parsed past SLA', { state: 'parsed', receivedAt }, '2025-03-12T00:00:00Z', ['review_sla_breached']],
    ['decided late is no longer a breach', { state: 'rejected', receivedAt }, '2025-03-12T00:00:00Z', []],
    ['refund not yet due', { state: 'received_at_warehouse', receivedAt, receivedAtWarehouseAt: d('2025-03-15T10:00:00Z') }, '2025-03-28T10:00:00Z', []],
    ['refund overdue', { state: 'received_at_warehouse', receivedAt, receivedAtWarehouseAt: d('2025-03-15T10:00:00Z') }, '2025-03-28T10:00:01Z', ['refund_overdue']],
    ['refunded: nothing', { state: 'refunded', receivedAt, receivedAtWarehouseAt: d('2025-03-15T10:00:00Z') }, '2025-05-01T00:00:00Z', []],
  ])('%s', (_name, clock, now, expected) => {
    expect(dueActions(clock, policy, d(now)).map((a) => a.kind)).toEqual(expected);
  });

  it('says when the deadline was', () => {
    expect(dueActions(waiting, policy, d('2025-03-20T00:00:00Z'))).toEqual([{ kind: 'expire', shipBy: d('2025-03-14T12:00:00Z') }]);
  });
});
