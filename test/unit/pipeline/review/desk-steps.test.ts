// The desk steps after the parcel arrives, against a fake ReturnUpdates port: the refund waits for an inspection
// that accepted the goods; goods with traces of use go back without one.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src/domain/app-error.ts';
import type { ReturnRef, ReturnUpdate, ReturnUpdates } from '../../../../src/domain/ports/return-updates.ts';
import { loadPolicy } from '../../../../src/adapters/policy/load-policy.ts';
import { loadReplyTemplates } from '../../../../src/adapters/templates/load-reply-templates.ts';
import { TEMPLATES_DIR } from '../../../../src/main.ts';
import { markRefundIssued, recordInspection } from '../../../../src/pipeline/review/desk-steps.ts';
import type { ReviewDeps } from '../../../../src/pipeline/review/review-deps.ts';

const actor = 'agent:sam@desk.test' as const;
const now = new Date('2025-03-20T09:00:00Z');

/** A return at the warehouse; an `inspection_passed` event written through the port sets inspectedAt, as the store does. */
function atWarehouse(): ReturnUpdates & { updates: ReturnUpdate[] } {
  const ref: ReturnRef = {
    id: 'r1',
    returnNumber: 'RT-1',
    state: 'received_at_warehouse',
    language: 'en',
    customerEmail: 'anna@example.com',
    orderNumber: null,
    customerMessageId: '<c1@example.com>',
    customerSubject: 'My return',
    replyMessageIds: ['<r1@shop.test>'],
    application: { source: 'm.eml', fields: { fullName: { value: 'Anna Smith', confidence: 0.9 } }, items: [], problems: [] },
    decision: { status: 'approved', state: 'awaiting_shipment', reasons: [] },
    deadlines: { reviewDueAt: null, reviewBreachedAt: null, shipBy: null, reminderSentAt: null, warehouseAt: now, refundDueAt: null, refundOverdueAt: null },
    trackingNumber: null,
    createdAt: new Date('2025-03-01T10:00:00Z'),
    inspectedAt: null,
  };
  const updates: ReturnUpdate[] = [];
  return {
    updates,
    getReturnRef: async () => ({ ...ref }),
    findReturnForFollowUp: async () => null,
    listDueReturns: async () => [],
    returnedQuantities: async () => [],
    updateReturn: async (update) => {
      if (update.fromState !== ref.state) throw new AppError('conflict', 'moved');
      ref.state = update.toState;
      for (const event of update.events) if (event.type === 'inspection_passed') ref.inspectedAt = event.at;
      updates.push(update);
    },
  } as ReturnUpdates & { updates: ReturnUpdate[] };
}

function deps(updates: ReturnUpdates): ReviewDeps {
  return {
    updates,
    orders: null,
    policy: loadPolicy(),
    templates: loadReplyTemplates(TEMPLATES_DIR),
    composeMessage: async (reply) => Buffer.from(`Subject: ${reply.subject}\r\n\r\n${reply.text}`),
    from: 'Returns <info@shop.test>',
    shopName: 'Shop',
    now: () => now,
  };
}

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
    await expect(markRefundIssued(deps(port), { returnNumber: 'RT-1', actor, amount: '500.00', refundMethod: 'card' })).rejects.toMatchObject({
      code: 'illegal_transition',
    });
  });
});
