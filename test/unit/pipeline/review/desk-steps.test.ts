// The desk steps after the parcel arrives, against a fake ReturnUpdates port: the refund waits for an inspection
// that accepted the goods; goods with traces of use go back without one.
import { describe, expect, it } from 'vitest';
import type { ReturnUpdates } from '../../../../src/domain/ports/return-updates.ts';
import { markRefundIssued, recordInspection, recordReceiptAmount } from '../../../../src/pipeline/review/desk-steps.ts';
import { fakeUpdates, reviewDeps } from './review-fakes.ts';

const actor = 'agent:sam@desk.test' as const;
const now = new Date('2025-03-20T09:00:00Z');

/** A return at the warehouse, not yet inspected. */
function atWarehouse() {
  return fakeUpdates({
    state: 'received_at_warehouse',
    replyMessageIds: ['<r1@shop.test>'],
    decision: { status: 'approved', state: 'awaiting_shipment', reasons: [] },
    deadlines: { reviewDueAt: null, reviewBreachedAt: null, shipBy: null, reminderSentAt: null, warehouseAt: now, refundDueAt: null, refundOverdueAt: null },
  });
}

const deps = (updates: ReturnUpdates) => reviewDeps(updates, now);

describe('desk steps: inspection before refund', () => {
  it('refuses "refund issued" before the inspection, writing and sending nothing', async () => {
    const port = atWarehouse();
    await expect(markRefundIssued(deps(port), { returnNumber: 'RT-1', actor, amount: '500.00', refundMethod: 'card' })).rejects.toMatchObject({
      code: 'illegal_transition',
      message: expect.stringMatching(/record the inspection first/),
    });
    expect(port.updates).toEqual([]);
  });

  it('refunds once the inspection accepted the goods: one refund_issued reply', async () => {
    const port = atWarehouse();
    await recordInspection(deps(port), { returnNumber: 'RT-1', actor, result: 'refund', note: 'as new' });
    expect(port.updates[0]!.events.map((e) => e.type)).toEqual(['inspection_passed']);
    const outcome = await markRefundIssued(deps(port), { returnNumber: 'RT-1', actor, amount: '500', refundMethod: 'card' });
    expect(outcome).toEqual({ returnNumber: 'RT-1', state: 'refunded', reply: 'refund_issued' });
    expect(port.updates[1]!.events.map((e) => [e.actor, e.type, e.toState])).toEqual([[actor, 'refund', 'refunded']]);
  });

  it('does not record a second inspection', async () => {
    const port = atWarehouse();
    await recordInspection(deps(port), { returnNumber: 'RT-1', actor, result: 'refund' });
    await expect(recordInspection(deps(port), { returnNumber: 'RT-1', actor, result: 'refund' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('used goods go back to the customer without a refund, and cannot be refunded after', async () => {
    const port = atWarehouse();
    const outcome = await recordInspection(deps(port), { returnNumber: 'RT-1', actor, result: 'send_back', note: 'worn' });
    expect(outcome.state).toBe('returned_to_customer');
    // Goods sent back after a failed inspection: the customer gets no e-mail — they do now, with the note.
    expect(outcome.reply).toBe('returned_to_customer');
    expect(port.updates.at(-1)!.reply!.raw.toString()).toContain('The warehouse notes: worn');
    await expect(markRefundIssued(deps(port), { returnNumber: 'RT-1', actor, amount: '500.00', refundMethod: 'card' })).rejects.toMatchObject({
      code: 'illegal_transition',
    });
  });

  it('policy usedGoods: refund is accepted but does nothing: sending used goods back is refused under it', async () => {
    const port = atWarehouse();
    const lenient = { ...deps(port), policy: { ...deps(port).policy, usedGoods: 'refund' as const } };
    await expect(recordInspection(lenient, { returnNumber: 'RT-1', actor, result: 'send_back' })).rejects.toMatchObject({ code: 'validation_failed' });
    expect(port.updates).toEqual([]);
  });

  it('the review UI has no field for the receipt\'s amount: the agent records it, kopecks on the return, one audit event', async () => {
    const port = atWarehouse();
    const outcome = await recordReceiptAmount(deps(port), { returnNumber: 'RT-1', actor, amount: '450' });
    expect(outcome).toMatchObject({ state: 'received_at_warehouse', reply: null });
    expect(port.updates.at(-1)).toMatchObject({
      fromState: 'received_at_warehouse',
      toState: 'received_at_warehouse',
      returnShippingCost: 45000,
      events: [{ actor, type: 'receipt_amount', reason: 'return shipping 450.00 RUB from the receipt' }],
    });
  });

  it('a receipt amount before the parcel is sent is refused', async () => {
    const port = fakeUpdates({ state: 'awaiting_shipment' });
    await expect(recordReceiptAmount(deps(port), { returnNumber: 'RT-1', actor, amount: '450.00' })).rejects.toMatchObject({ code: 'illegal_transition' });
    expect(port.updates).toEqual([]);
  });
});

