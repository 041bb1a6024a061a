// Agent decisions against a fake ReturnUpdates port: the lifecycle table, one reply each, the agent on record.
import { describe, expect, it } from 'vitest';
import type { ReturnUpdates } from '../../../../src/domain/ports/return-updates.ts';
import type { ReturnState } from '../../../../src/domain/return-state.ts';
import { approveReturn, rejectReturn, requestBetterPhoto } from '../../../../src/pipeline/review/decide-review.ts';
import { markParcelReceived, recordInspection } from '../../../../src/pipeline/review/desk-steps.ts';
import { loadPolicy } from '../../../../src/adapters/policy/load-policy.ts';
import { application, customOrder } from '../decide/builders.ts';
import { fakeUpdates as fakeReturn, reviewDeps } from './review-fakes.ts';

const fakeUpdates = (state: ReturnState) => fakeReturn({ state });
const deps = (updates: ReturnUpdates) => reviewDeps(updates, new Date('2025-03-02T09:00:00Z'));

const actor = 'agent:sam@desk.test' as const;

describe('agent decisions', () => {
  it('approve: needs_review → approved → awaiting_shipment, one approved reply in the thread, ship-by set', async () => {
    const port = fakeUpdates('needs_review');
    const outcome = await approveReturn(deps(port), { returnNumber: 'RT-1', actor });
    expect(outcome).toEqual({ returnNumber: 'RT-1', state: 'awaiting_shipment', reply: 'approved' });
    const [update] = port.updates;
    expect(update!.events.map((e) => [e.actor, e.type, e.toState])).toEqual([
      [actor, 'approve', 'approved'],
      ['system', 'await_shipment', 'awaiting_shipment'],
    ]);
    expect(update!.reply!.template).toBe('approved');
    expect(update!.reply!.subject).toBe('Re: My return [RT-1]');
    expect(update!.reply!.raw.toString()).toContain('In-Reply-To: <c1@example.com>');
    // Approved at 12:00 in Moscow on the 2nd: the reply names the 6th and the return expires when the 6th ends there.
    expect(update!.deadlines!.shipBy).toEqual(new Date('2025-03-06T20:59:59.999Z'));
    expect(update!.reply!.raw.toString()).toContain('by 6 March 2025 at the latest');
  });

  it('a second approve of the same return is refused and sends nothing', async () => {
    const port = fakeUpdates('needs_review');
    await approveReturn(deps(port), { returnNumber: 'RT-1', actor, expectedState: 'needs_review' });
    await expect(approveReturn(deps(port), { returnNumber: 'RT-1', actor, expectedState: 'needs_review' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(approveReturn(deps(port), { returnNumber: 'RT-1', actor })).rejects.toMatchObject({ code: 'illegal_transition' });
    expect(port.updates).toHaveLength(1);
  });

  it('reject records the reason and sends the rejected reply', async () => {
    const port = fakeUpdates('needs_review');
    await rejectReturn(deps(port), { returnNumber: 'RT-1', actor, reason: 'custom_made', note: 'engraved' });
    expect(port.updates[0]!.events[0]).toMatchObject({ actor, type: 'reject', reason: 'custom_made: engraved' });
    expect(port.updates[0]!.decision!.reasons[0]!.code).toBe('custom_made');
    expect(port.updates[0]!.reply!.template).toBe('rejected');
  });

  it('asking for a better photo waits for the application with the photo_unreadable reply', async () => {
    const port = fakeUpdates('needs_review');
    expect((await requestBetterPhoto(deps(port), { returnNumber: 'RT-1', actor })).state).toBe('awaiting_application');
    expect(port.updates[0]!.reply!.template).toBe('photo_unreadable');
  });

  it('the agent\'s note in "ask for a better photo" is left out of the customer\'s e-mail: it is in it now', async () => {
    const port = fakeUpdates('needs_review');
    await requestBetterPhoto(deps(port), { returnNumber: 'RT-1', actor, note: 'The bank details at the bottom are cut off.' });
    expect(port.updates[0]!.reply!.raw.toString()).toContain('Our returns desk adds: The bank details at the bottom are cut off.');
    const silent = fakeUpdates('needs_review');
    await requestBetterPhoto(deps(silent), { returnNumber: 'RT-1', actor });
    expect(silent.updates[0]!.reply!.raw.toString()).not.toContain('returns desk adds');
  });

  it('desk steps: parcel received sets the refund deadline; an inspection before arrival is refused', async () => {
    const early = fakeUpdates('awaiting_shipment');
    await expect(recordInspection(deps(early), { returnNumber: 'RT-1', actor, result: 'refund' })).rejects.toMatchObject({ code: 'illegal_transition' });
    const outcome = await markParcelReceived(deps(early), { returnNumber: 'RT-1', actor });
    expect(outcome).toMatchObject({ state: 'received_at_warehouse', reply: 'parcel_received' });
    expect(early.updates[0]!.deadlines!.refundDueAt).toEqual(new Date('2025-03-15T09:00:00Z'));
    const back = await recordInspection(deps(early), { returnNumber: 'RT-1', actor, result: 'send_back', note: 'worn' });
    expect(back).toMatchObject({ state: 'returned_to_customer', reply: 'returned_to_customer' });
  });

  it('approve while the address is the placeholder: approved, the approved_address_pending reply, no address and no ship-by date', async () => {
    const port = fakeUpdates('needs_review');
    const withPreset = { ...deps(port), policy: loadPolicy() }; // the preset as shipped: EXAMPLE address
    const outcome = await approveReturn(withPreset, { returnNumber: 'RT-1', actor, expectedState: 'needs_review' });
    expect(outcome).toEqual({ returnNumber: 'RT-1', state: 'approved', reply: 'approved_address_pending' });
    const [update] = port.updates;
    expect(update!.events.map((e) => [e.actor, e.type, e.toState])).toEqual([[actor, 'approve', 'approved']]);
    expect(update!.events[0]!.reason).toContain("wait for the shop's return address (addresses.domestic");
    expect(update!.decision).toMatchObject({ status: 'approved', state: 'approved' });
    expect(update!.deadlines?.shipBy).toBeUndefined();
    expect(update!.reply!.template).toBe('approved_address_pending');
    const text = update!.reply!.raw.toString();
    expect(text).toContain('do not send the parcel yet');
    expect(text).not.toContain('EXAMPLE');
    expect(text).not.toMatch(/at the latest/);
  });

  it('approve while the address is the placeholder, with an item turned down: the customer hears which, the instructions still wait', async () => {
    const port = fakeReturn({
      state: 'needs_review',
      application: application({ reason: 'proper_quality' }, [
        { sku: 'CU-7700', name: 'Платье по меркам', quantity: '1' },
        { sku: 'BL-1500', name: 'Блузка', quantity: '1' },
      ]),
    });
    const withPreset = { ...deps(port), policy: loadPolicy() };
    await approveReturn(withPreset, { returnNumber: 'RT-1', actor, notReturnable: { indices: [0], reason: 'custom_made' } });
    const [update] = port.updates;
    expect(update!.toState).toBe('approved');
    expect(update!.reply!.template).toBe('approved_address_pending');
    expect(update!.reply!.raw.toString()).toContain('"Платье по меркам"');
    expect(update!.reply!.raw.toString()).toContain('do not send the parcel yet');
    expect(update!.application!.items).toHaveLength(1);
  });
});


describe('approve with items turned down', () => {
  // A made-to-order dress and a blouse on one application: the dress cannot come back, the blouse can.
  const mixed = application({ reason: 'proper_quality' }, [
    { sku: 'CU-7700', name: 'Платье по меркам', quantity: '1' },
    { sku: 'BL-1500', name: 'Блузка', quantity: '1' },
  ]);
  const setup = () => {
    const port = fakeReturn({ state: 'needs_review', application: mixed, orderNumber: 'A-1001' });
    const order = customOrder();
    return { port, deps: { ...deps(port), orders: { find: async (n: string) => (n === order.orderNumber ? order : null) } } };
  };

  it('a mixed order cannot be split: the agent approves the blouse and turns down the dress, the refund and the reply follow', async () => {
    const { port, deps: d } = setup();
    const outcome = await approveReturn(d, { returnNumber: 'RT-1', actor, notReturnable: { indices: [0], reason: 'custom_made' } });
    expect(outcome).toMatchObject({ state: 'awaiting_shipment', reply: 'approved' });
    const [update] = port.updates;
    expect(update!.application!.items.map((i) => i.sku?.value)).toEqual(['BL-1500']);
    expect(update!.decision!.reasons[0]).toMatchObject({ code: 'custom_made', field: 'items[0]' });
    const text = update!.reply!.raw.toString();
    expect(text).toContain('"Платье по меркам": it was made or altered to your individual order');
    // The refund is the blouse's price alone, never the dress's.
    expect(text).toContain('We will refund 1,500.00 RUB.');
    expect(update!.events[0]!.reason).toContain('not returnable: Платье по меркам (custom_made)');
  });

  it('gives each item turned down its own reason, in the decision, the timeline and the reply', async () => {
    const three = application({ reason: 'proper_quality' }, [
      { sku: 'CU-7700', name: 'Платье по меркам', quantity: '1' },
      { sku: 'BL-1500', name: 'Блузка', quantity: '1' },
      { sku: 'XX-0001', name: 'Шарф', quantity: '1' },
    ]);
    const port = fakeReturn({ state: 'needs_review', application: three, orderNumber: 'A-1001' });
    const order = customOrder();
    const d = { ...deps(port), orders: { find: async (n: string) => (n === order.orderNumber ? order : null) } };
    await approveReturn(d, { returnNumber: 'RT-1', actor, notReturnable: { indices: [0, 2], reason: 'other', reasons: { 0: 'custom_made', 2: 'not_our_order' } } });
    const [update] = port.updates;
    expect(update!.decision!.reasons.slice(0, 2)).toEqual([
      expect.objectContaining({ code: 'custom_made', field: 'items[0]' }),
      expect.objectContaining({ code: 'not_our_order', field: 'items[2]' }),
    ]);
    expect(update!.events[0]!.reason).toBe('approved after review; not returnable: Платье по меркам (custom_made), Шарф (not_our_order)');
    const text = update!.reply!.raw.toString();
    expect(text).toContain('"Платье по меркам": it was made or altered to your individual order');
    expect(text).toMatch(/"Шарф": [^\n]*not (in|on|part of) your order/);
  });

  it('turning down every item is a rejection, not an approval; an item that is not on the application is refused', async () => {
    const { port, deps: d } = setup();
    await expect(approveReturn(d, { returnNumber: 'RT-1', actor, notReturnable: { indices: [0, 1], reason: 'custom_made' } })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(approveReturn(d, { returnNumber: 'RT-1', actor, notReturnable: { indices: [5], reason: 'other' } })).rejects.toMatchObject({ code: 'validation_failed' });
    expect(port.updates).toEqual([]);
  });
});
