// Agent decisions against a fake ReturnUpdates port: the lifecycle table, one reply each, the agent on record.
import { describe, expect, it } from 'vitest';
import type { ReturnUpdates } from '../../../../src/domain/ports/return-updates.ts';
import type { ReturnState } from '../../../../src/domain/return-state.ts';
import { approveReturn, rejectReturn, requestBetterPhoto } from '../../../../src/pipeline/review/decide-review.ts';
import { markParcelReceived, recordInspection } from '../../../../src/pipeline/review/desk-steps.ts';
import { loadPolicy } from '../../../../src/adapters/policy/load-policy.ts';
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

  it('the service refuses to send an approval with a placeholder address: the agent\'s approve is refused and nothing is sent', async () => {
    const port = fakeUpdates('needs_review');
    const base = deps(port);
    const withPreset = { ...base, policy: loadPolicy() }; // the preset as shipped: EXAMPLE address
    await expect(approveReturn(withPreset, { returnNumber: 'RT-1', actor })).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringContaining('EXAMPLE') });
    expect(port.updates).toEqual([]);
  });
});

