import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src/domain/app-error.ts';
import type { ReturnRef, ReturnUpdate } from '../../../../src/domain/ports/return-updates.ts';
import type { ReplyGuard } from '../../../../src/pipeline/reply/guard-reply.ts';
import { runDueActions } from '../../../../src/pipeline/schedule/run-due-actions.ts';
import { replyDeps, returnRef } from '../fakes.ts';

const now = new Date('2026-11-20T12:00:00Z');
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
const deadlines = (d: Partial<ReturnRef['deadlines']>) => ({ ...returnRef().deadlines, ...d });

function run(due: ReturnRef[], updateReturn: (u: ReturnUpdate) => Promise<void> = async () => {}, replyGuard: ReplyGuard = replyDeps.replyGuard) {
  const updates: ReturnUpdate[] = [];
  return runDueActions({
    ...replyDeps,
    replyGuard,
    now: () => now,
    returns: {
      listDueReturns: async (_now, _limit, { reminderHorizon }) => {
        // The end of the shop day a reminder's lead ahead of today: 15:00 on the 20th in Moscow → the end of the 21st.
        expect(replyDeps.policy.reminderDaysBeforeShipBy).toBe(1);
        expect(reminderHorizon).toEqual(new Date('2026-11-21T20:59:59.999Z'));
        return due;
      },
      updateReturn: async (u) => {
        await updateReturn(u);
        updates.push(u);
      },
    },
  }).then((done) => ({ done, updates }));
}

describe('runDueActions', () => {
  it('expires a return not shipped by its deadline, with the expiry reply on the customer thread', async () => {
    const { done, updates } = await run([returnRef({ deadlines: deadlines({ shipBy: hours(-1), reminderSentAt: hours(-25) }) })]);
    expect(done).toEqual([{ returnNumber: 'R-0000-0000', action: 'expire' }]);
    expect(updates[0]).toMatchObject({ fromState: 'awaiting_shipment', toState: 'expired', events: [{ type: 'expire', actor: 'system' }] });
    expect(updates[0]!.reply).toMatchObject({ template: 'expired', to: 'anna@example.ru' });
    expect(updates[0]!.reply!.raw.toString()).toContain('[R-0000-0000]');
  });

  it('sends the shipping reminder once, before the deadline, and records that it was sent', async () => {
    const { updates } = await run([returnRef({ deadlines: deadlines({ shipBy: hours(20) }) })]);
    expect(updates[0]).toMatchObject({ toState: 'awaiting_shipment', deadlines: { reminderSentAt: now }, reply: { template: 'shipping_reminder' } });
    const again = await run([returnRef({ deadlines: deadlines({ shipBy: hours(20), reminderSentAt: hours(-1) }) })]);
    expect(again.updates).toEqual([]);
  });

  it('the reminder then says "we have not received a tracking number" after one came: it asks only for what is missing', async () => {
    const withTracking = returnRef({ trackingNumber: 'RA123456785RU', deadlines: deadlines({ shipBy: hours(20) }) });
    const strict = { ...replyDeps.policy, shipmentConfirmation: { trackingNumber: true, receiptPhoto: true } };
    const captured: ReturnUpdate[] = [];
    await runDueActions({
      ...replyDeps,
      policy: strict,
      now: () => now,
      returns: { listDueReturns: async () => [withTracking], updateReturn: async (u) => void captured.push(u) },
    });
    const text = captured[0]!.reply!.raw.toString();
    expect(text).toContain('"askTrackingNumber":false');
    expect(text).toContain('"askReceiptPhoto":true');
    // Whole shop days to the named day: the 21st in Moscow is tomorrow.
    expect(text).toContain('"shipByDate":"2026-11-21","daysLeft":1');
  });

  it('flags a review SLA breach and an overdue refund without writing to the customer', async () => {
    const { done, updates } = await run([
      returnRef({ returnNumber: 'R-SLA', state: 'needs_review', deadlines: deadlines({ reviewDueAt: hours(-2) }) }),
      returnRef({ returnNumber: 'R-REF', state: 'received_at_warehouse', refundOwed: true, deadlines: deadlines({ refundDueAt: hours(-2) }) }),
      // An approved return whose old review deadline passed is not a breach.
      returnRef({ returnNumber: 'R-OK', state: 'shipped', deadlines: deadlines({ reviewDueAt: hours(-2) }) }),
    ]);
    expect(done.map((d) => d.action)).toEqual(['review_sla_breached', 'refund_overdue']);
    expect(updates.every((u) => u.reply === undefined)).toBe(true);
    expect(updates[0]!.deadlines).toEqual({ reviewBreachedAt: now });
    expect(updates[1]!.deadlines).toEqual({ refundOverdueAt: now });
  });

  // The refund_overdue event looked at the state alone: an exchange's return postage still unpaid after the
  // replacement went out was on the refunds to pay and overdue, yet its timeline never said so.
  it("flags an exchange's unpaid return postage overdue, by the rule of the refunds to pay, not by the state", async () => {
    const { done, updates } = await run([
      returnRef({ returnNumber: 'R-POSTAGE', state: 'exchanged', refundOwed: true, deadlines: deadlines({ refundDueAt: hours(-2) }) }),
      // At the warehouse, its inspection still to come: not yet on the refunds to pay.
      returnRef({ returnNumber: 'R-UNINSPECTED', state: 'received_at_warehouse', refundOwed: false, deadlines: deadlines({ refundDueAt: hours(-2) }) }),
    ]);
    expect(done).toEqual([{ returnNumber: 'R-POSTAGE', action: 'refund_overdue' }]);
    expect(updates[0]).toMatchObject({ fromState: 'exchanged', toState: 'exchanged', deadlines: { refundOverdueAt: now }, events: [{ type: 'refund_overdue' }] });
  });

  it('skips a return that another actor moved meanwhile, and goes on with the rest', async () => {
    const due = [
      returnRef({ returnNumber: 'R-MOVED', deadlines: deadlines({ shipBy: hours(-1) }) }),
      returnRef({ returnNumber: 'R-NEXT', deadlines: deadlines({ shipBy: hours(-1) }) }),
    ];
    const { done } = await run(due, async (u) => {
      if (u.returnNumber === 'R-MOVED') throw new AppError('conflict', 'moved');
    });
    expect(done).toEqual([{ returnNumber: 'R-NEXT', action: 'expire' }]);
  });

  it('asks the reply guard before a reminder or an expiry notice, and records a suppressed one (regression: the scheduler bypassed it)', async () => {
    const asked: string[] = [];
    const blocked: ReplyGuard = { check: async (to) => (asked.push(to), 'recipient_blocked') };
    const { done, updates } = await run(
      [
        returnRef({ returnNumber: 'R-EXP', deadlines: deadlines({ shipBy: hours(-1), reminderSentAt: hours(-25) }) }),
        returnRef({ returnNumber: 'R-REM', deadlines: deadlines({ shipBy: hours(20) }) }),
      ],
      undefined,
      blocked,
    );
    expect(asked).toEqual(['anna@example.ru', 'anna@example.ru']);
    expect(done.map((d) => d.action)).toEqual(['expire', 'send_shipping_reminder']);
    expect(updates.map((u) => u.reply)).toEqual([undefined, undefined]);
    expect(updates[0]).toMatchObject({ toState: 'expired', events: [{ type: 'expire' }, { type: 'reply_suppressed', reason: 'recipient_blocked', at: now }] });
    // The reminder is done with (not retried every round), though nobody was written to.
    expect(updates[1]).toMatchObject({ deadlines: { reminderSentAt: now }, events: [{ type: 'shipping_reminder' }, { type: 'reply_suppressed' }] });
  });
});
