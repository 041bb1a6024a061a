// The desk's own actions (issue #14) against a fake ReturnUpdates port: each needs a reason, goes through the
// lifecycle table, and tells the customer exactly what changed (the new ship-by day as people write it).
import { describe, expect, it } from 'vitest';
import type { ReturnDeadlines } from '../../../../src/domain/ports/return-updates.ts';
import type { ReturnState } from '../../../../src/domain/return-state.ts';
import { cancelReturn, CancelFormSchema, checkShipByDay, extendShipBy, reopenReturn, reviveReturn } from '../../../../src/pipeline/review/agent-actions.ts';
import { fakeUpdates, reviewDeps } from './review-fakes.ts';

const actor = 'agent:sam@desk.test' as const;
// 09:00 UTC is 12:00 in Moscow: the shop day is 2026-12-05.
const now = new Date('2026-12-05T09:00:00Z');
const NO_DEADLINES: ReturnDeadlines = { reviewDueAt: null, reviewBreachedAt: null, shipBy: null, reminderSentAt: null, warehouseAt: null, refundDueAt: null, refundOverdueAt: null };

function returnIn(state: ReturnState, deadlines: Partial<ReturnDeadlines> = {}) {
  return fakeUpdates({ state, decision: { status: 'approved', state: 'awaiting_shipment', reasons: [] }, deadlines: { ...NO_DEADLINES, ...deadlines } });
}

const replyText = (raw: Buffer | undefined) => raw?.toString() ?? '';

describe('agent actions', () => {
  it('cancels a return awaiting shipment with a reason; the customer gets one "cancelled" reply with the note', async () => {
    const port = returnIn('awaiting_shipment');
    const outcome = await cancelReturn(reviewDeps(port, now), { returnNumber: 'RT-1', actor, reason: 'customer withdrew', customerNote: 'As you asked on the phone.' });
    expect(outcome).toMatchObject({ state: 'cancelled', reply: 'cancelled' });
    const update = port.updates[0]!;
    expect(update.events).toEqual([expect.objectContaining({ actor, type: 'cancel', fromState: 'awaiting_shipment', toState: 'cancelled', reason: 'customer withdrew' })]);
    expect(replyText(update.reply?.raw)).toContain('Return request RT-1 is cancelled.');
    expect(replyText(update.reply?.raw)).toContain('As you asked on the phone.');
  });

  it('refuses to cancel a parcel already on its way, and a reason left empty', async () => {
    const port = returnIn('shipped');
    await expect(cancelReturn(reviewDeps(port, now), { returnNumber: 'RT-1', actor, reason: 'too late' })).rejects.toMatchObject({ code: 'illegal_transition' });
    expect(port.updates).toEqual([]);
    expect(CancelFormSchema.safeParse({ reason: '  ' }).success).toBe(false);
  });

  it('reopens a rejected return for review with a fresh review SLA and no reply', async () => {
    const port = returnIn('rejected', { reviewBreachedAt: new Date('2026-12-01T00:00:00Z') });
    const outcome = await reopenReturn(reviewDeps(port, now), { returnNumber: 'RT-1', actor, reason: 'order found after all' });
    expect(outcome).toMatchObject({ state: 'needs_review', reply: null });
    const update = port.updates[0]!;
    expect(update.reply).toBeUndefined();
    expect(update.deadlines).toEqual({ reviewDueAt: new Date('2026-12-06T09:00:00Z'), reviewBreachedAt: null });
    expect(update.events[0]).toMatchObject({ type: 'reopen', reason: 'order found after all', fromState: 'rejected', toState: 'needs_review' });
  });

  it('extends the ship-by date: old and new day in the audit trail, a new reminder due, the customer told the day', async () => {
    // Ship by the end of 7 December in Moscow (20:59:59.999 UTC).
    const port = returnIn('awaiting_shipment', { shipBy: new Date('2026-12-07T20:59:59.999Z'), reminderSentAt: new Date('2026-12-05T06:00:00Z') });
    const outcome = await extendShipBy(reviewDeps(port, now), { returnNumber: 'RT-1', actor, reason: 'customer is travelling', shipBy: '2026-12-12' });
    expect(outcome).toMatchObject({ state: 'awaiting_shipment', reply: 'ship_by_extended' });
    const update = port.updates[0]!;
    expect(update.events).toEqual([
      expect.objectContaining({ type: 'extend_ship_by', reason: 'customer is travelling', changes: [{ field: 'shipBy', from: '2026-12-07', to: '2026-12-12' }] }),
    ]);
    expect(update.deadlines).toEqual({ shipBy: new Date('2026-12-12T20:59:59.999Z'), reminderSentAt: null });
    expect(replyText(update.reply?.raw)).toContain('Please ship the parcel by 12 December 2026.');
  });

  it('refuses an earlier, past, unreal or too distant ship-by day', async () => {
    const port = returnIn('awaiting_shipment', { shipBy: new Date('2026-12-07T20:59:59.999Z') });
    const deps = reviewDeps(port, now);
    for (const shipBy of ['2026-12-06', '2026-12-07', '2026-12-04', '2026-02-30', '12.12.2026', '2027-03-01']) {
      await expect(extendShipBy(deps, { returnNumber: 'RT-1', actor, reason: 'because', shipBy }), shipBy).rejects.toMatchObject({ code: 'validation_failed' });
    }
    expect(port.updates).toEqual([]);
    expect(checkShipByDay('2026-12-05', '2026-12-05')).toBe('2026-12-05');
  });

  it('revives an expired return: awaiting shipment again until the new day, and the customer told it is open again', async () => {
    const port = returnIn('expired', { shipBy: new Date('2026-12-01T20:59:59.999Z') });
    const outcome = await reviveReturn(reviewDeps(port, now), { returnNumber: 'RT-1', actor, reason: 'post office was closed', shipBy: '2026-12-09' });
    expect(outcome).toMatchObject({ state: 'awaiting_shipment', reply: 'ship_by_extended' });
    const update = port.updates[0]!;
    expect(update.events[0]).toMatchObject({ type: 'revive', fromState: 'expired', toState: 'awaiting_shipment', changes: [{ field: 'shipBy', from: '2026-12-01', to: '2026-12-09' }] });
    expect(replyText(update.reply?.raw)).toContain('Return request RT-1 is open again. Please ship the parcel by 9 December 2026.');
  });

  it('cannot revive a return that has not expired', async () => {
    const port = returnIn('awaiting_shipment');
    await expect(reviveReturn(reviewDeps(port, now), { returnNumber: 'RT-1', actor, reason: 'why not', shipBy: '2026-12-09' })).rejects.toMatchObject({ code: 'illegal_transition' });
  });
});
