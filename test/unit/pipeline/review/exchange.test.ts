// Exchange as an outcome (issue #14), against a fake ReturnUpdates port: exchanged items leave the refund and the
// item claims (the customer keeps an item of the order), the approval names them; an exchange of everything gets
// its own reply and no refund; the replacement goes out once, after the inspection, and ends an exchange-only return.
import { describe, expect, it } from 'vitest';
import { approveReturn } from '../../../../src/pipeline/review/decide-review.ts';
import { markReplacementSent } from '../../../../src/pipeline/review/desk-steps.ts';
import { application, specOrder } from '../decide/builders.ts';
import { fakeUpdates, reviewDeps } from './review-fakes.ts';

const actor = 'agent:sam@desk.test' as const;
const now = new Date('2025-03-02T09:00:00Z');
// SPEC §2: skirt 4000, T-shirt 3000, scarf 2500 free under "1+1=3".
const twoItems = application({ reason: 'defect' }, [
  { sku: 'SK-4000', name: 'Юбка', size: 'M', quantity: '1' },
  { sku: 'TS-3000', name: 'Футболка', size: 'M', quantity: '1' },
]);

function setup() {
  const port = fakeUpdates({ state: 'needs_review', application: twoItems, orderNumber: 'A-1001', language: 'en' });
  const order = specOrder();
  return { port, deps: { ...reviewDeps(port, now), orders: { find: async (n: string) => (n === order.orderNumber ? order : null) } } };
}

describe('exchange', () => {
  it('exchanges one item and refunds the other: the refund is the refunded item\'s alone, the approval names the exchange', async () => {
    const { port, deps } = setup();
    const outcome = await approveReturn(deps, { returnNumber: 'RT-1', actor, exchange: [{ index: 0, wanted: 'size L' }] });
    expect(outcome).toMatchObject({ state: 'awaiting_shipment', reply: 'approved' });
    const [update] = port.updates;
    // The skirt stays the customer's (as another size); the T-shirt alone is refunded, and as in SPEC §2 the order
    // keeps two items, so "1+1=3" is lost: 3000 − 2500. Without the exchange the refund would cover the skirt too.
    expect(update!.application!.items.map((i) => i.sku?.value)).toEqual(['TS-3000']);
    expect((update!.decision as { exchange?: unknown }).exchange).toEqual([{ name: 'Юбка', sku: 'SK-4000', size: 'M', quantity: '1', wanted: 'size L' }]);
    const text = update!.reply!.raw.toString();
    expect(text).toContain('- "Юбка" for: size L;');
    expect(text).toContain('We will refund 500.00 RUB.');
    expect(text).not.toContain('7,000.00');
    expect(update!.events[0]!.reason).toBe('approved after review; exchange: Юбка → size L');
  });

  it('an exchange of everything gets its own reply and promises no refund', async () => {
    const { port, deps } = setup();
    const outcome = await approveReturn(deps, { returnNumber: 'RT-1', actor, exchange: [{ index: 0, wanted: 'size L' }, { index: 1, wanted: 'a new one' }] });
    expect(outcome).toMatchObject({ state: 'awaiting_shipment', reply: 'exchange_approved' });
    const [update] = port.updates;
    expect(update!.application!.items).toEqual([]);
    const text = update!.reply!.raw.toString();
    expect(text).toContain('approved an exchange');
    expect(text).toContain('There is no refund for the items exchanged.');
    expect(text).not.toMatch(/We will refund/);
  });

  it('refuses an exchange without what the customer gets, and an item both exchanged and turned down', async () => {
    const { port, deps } = setup();
    await expect(approveReturn(deps, { returnNumber: 'RT-1', actor, exchange: [{ index: 0, wanted: ' ' }] })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      approveReturn(deps, { returnNumber: 'RT-1', actor, exchange: [{ index: 0, wanted: 'size L' }], notReturnable: { indices: [0], reason: 'other' } }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    expect(port.updates).toEqual([]);
  });

  it('sends the replacement once, after the inspection; an exchange-only return ends as exchanged', async () => {
    const exchange = [{ name: 'Юбка', sku: 'SK-4000', wanted: 'size L' }];
    const before = fakeUpdates({ state: 'received_at_warehouse', application: { ...twoItems, items: [] }, decision: { status: 'approved', state: 'awaiting_shipment', reasons: [], exchange } as never });
    await expect(markReplacementSent(reviewDeps(before, now), { returnNumber: 'RT-1', actor })).rejects.toMatchObject({ code: 'illegal_transition' });
    const port = fakeUpdates({
      state: 'received_at_warehouse',
      language: 'en',
      inspectedAt: now,
      application: { ...twoItems, items: [] },
      decision: { status: 'approved', state: 'awaiting_shipment', reasons: [], exchange } as never,
    });
    const outcome = await markReplacementSent(reviewDeps(port, now), { returnNumber: 'RT-1', actor, trackingNumber: 'RA123456785RU' });
    expect(outcome).toMatchObject({ state: 'exchanged', reply: 'exchange_sent' });
    const text = port.updates[0]!.reply!.raw.toString();
    expect(text).toContain('- "Юбка": size L;');
    expect(text).toContain('Tracking number: RA123456785RU.');
    const again = fakeUpdates({ state: 'refunded', inspectedAt: now, replacementSentAt: now, decision: { status: 'approved', state: 'awaiting_shipment', reasons: [], exchange } as never });
    await expect(markReplacementSent(reviewDeps(again, now), { returnNumber: 'RT-1', actor })).rejects.toMatchObject({ code: 'conflict' });
  });
});
