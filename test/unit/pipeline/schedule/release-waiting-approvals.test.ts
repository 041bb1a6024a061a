import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src/domain/app-error.ts';
import { loadPresets } from '../../../../src/adapters/policy/load-policy.ts';
import { resolvePolicy } from '../../../../src/domain/policy/resolve-policy.ts';
import type { Policy } from '../../../../src/domain/policy/policy-schema.ts';
import type { ReturnRef, ReturnUpdate } from '../../../../src/domain/ports/return-updates.ts';
import { lifecycleEvents } from '../../../../src/pipeline/process/new-return.ts';
import type { ReplyGuard } from '../../../../src/pipeline/reply/guard-reply.ts';
import { releaseWaitingApprovals } from '../../../../src/pipeline/schedule/release-waiting-approvals.ts';
import { replyDeps, returnRef } from '../fakes.ts';

// 15:00 in Moscow on the 20th: with 4 days to ship, the customer has the whole of the 24th (shop time).
const now = new Date('2026-11-20T12:00:00Z');
const endOf24th = new Date('2026-11-24T20:59:59.999Z');

/** The embedded defaults: the fashion preset, whose domestic warehouse is the invented EXAMPLE one. */
const presetPolicy = (() => {
  const result = resolvePolicy({ preset: 'fashion-email' }, loadPresets());
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.policy;
})();
const placeholder = presetPolicy.addresses.domestic;
const placeholderPolicy: Policy = { ...presetPolicy, addresses: { domestic: placeholder, international: placeholder } };
/** A real domestic address; the international one still the placeholder. */
const domesticOnly: Policy = { ...replyDeps.policy, addresses: { ...replyDeps.policy.addresses, international: placeholder } };

function waiting(overrides: Partial<ReturnRef> = {}, variant: 'domestic' | 'international' = 'domestic'): ReturnRef {
  return returnRef({
    state: 'approved',
    replyMessageIds: ['<approved@shop.test>'],
    decision: {
      status: 'approved',
      state: 'approved',
      reasons: [],
      shipping: { variant, address: placeholder, paidBy: 'customer', shipWithinDays: 4, returnNumberNoteInParcel: true, returnNumberOnShippingForm: true, confirmWithTrackingNumber: true, confirmWithReceiptPhoto: false },
    } as ReturnRef['decision'],
    ...overrides,
  });
}

function run(refs: ReturnRef[], options: { policy?: Policy; guard?: ReplyGuard; update?: (u: ReturnUpdate) => Promise<void>; pages?: string[] } = {}) {
  const updates: ReturnUpdate[] = [];
  const pages: Array<string | undefined> = [];
  return releaseWaitingApprovals({
    ...replyDeps,
    policy: options.policy ?? replyDeps.policy,
    replyGuard: options.guard ?? replyDeps.replyGuard,
    now: () => now,
    returns: {
      listWaitingApprovals: async (limit, after) => {
        pages.push(after);
        const start = after ? refs.findIndex((r) => r.id === after) + 1 : 0;
        return refs.slice(start, start + limit);
      },
      updateReturn: async (u) => {
        await options.update?.(u);
        updates.push(u);
      },
    },
  }).then((done) => ({ done, updates, pages }));
}

describe('releaseWaitingApprovals', () => {
  it('while the policy has only the placeholder address nothing is sent and nothing moves', async () => {
    const { done, updates, pages } = await run([waiting()], { policy: placeholderPolicy });
    expect(done).toEqual([]);
    expect(updates).toEqual([]);
    expect(pages).toEqual([]); // not even read
  });

  it('once the address is set, sends the instructions in the thread, moves to awaiting_shipment and starts the ship-by date now', async () => {
    const { done, updates } = await run([waiting()]);
    expect(done).toEqual([{ returnNumber: 'R-0000-0000', action: 'send_shipping_instructions' }]);
    const update = updates[0]!;
    expect(update).toMatchObject({ fromState: 'approved', toState: 'awaiting_shipment', events: [{ type: 'await_shipment', actor: 'system' }], deadlines: { shipBy: endOf24th } });
    expect(update.events[0]!.reason).toContain('ship by 2026-11-24');
    expect(update.reply).toMatchObject({ template: 'shipping_instructions', to: 'anna@example.ru' });
    const raw = update.reply!.raw.toString();
    expect(raw).toContain('[R-0000-0000]');
    // The real address, the day named by the same rule as the stored deadline, never the placeholder.
    expect(raw).toContain(replyDeps.policy.addresses.domestic.recipient);
    expect(raw).toContain('"shipByDate":"2026-11-24"');
    expect(raw).not.toMatch(/EXAMPLE/);
    // The stored decision says where the customer was sent.
    expect((update.decision as { shipping?: { address: unknown } }).shipping?.address).toEqual(replyDeps.policy.addresses.domestic);
    expect(update.decision?.state).toBe('awaiting_shipment');
  });

  it('a region still without an address waits, and does not hold back the others behind it', async () => {
    const international = Array.from({ length: 450 }, (_, i) => waiting({ id: `i-${i}`, returnNumber: `R-INT-${i}` }, 'international'));
    const domestic = waiting({ id: 'd-1', returnNumber: 'R-DOM-1' });
    const { done, pages } = await run([...international, domestic], { policy: domesticOnly });
    expect(done.map((d) => d.returnNumber)).toEqual(['R-DOM-1']);
    expect(pages.length).toBeGreaterThan(1);
  });

  it('over the hourly reply limit the return keeps waiting for the next round; a blocked address moves on without a reply', async () => {
    const limited = await run([waiting()], { guard: { check: async () => 'rate_limited' } });
    expect(limited.updates).toEqual([]);
    const blocked = await run([waiting()], { guard: { check: async () => 'recipient_blocked' } });
    expect(blocked.updates[0]).toMatchObject({ toState: 'awaiting_shipment' });
    expect(blocked.updates[0]!.reply).toBeUndefined();
    expect(blocked.updates[0]!.events.map((e) => e.type)).toEqual(['await_shipment', 'reply_suppressed']);
  });

  it('a return an agent moved meanwhile is left alone (the store refuses the change)', async () => {
    const { done } = await run([waiting()], { update: async () => Promise.reject(new AppError('conflict', 'moved')) });
    expect(done).toEqual([]);
  });
});

describe('lifecycleEvents of an approval that waits for the address', () => {
  it('ends in approved, and the audit trail says what it waits for', () => {
    const events = lifecycleEvents({ status: 'approved', state: 'approved', reasons: [], shipping: waiting().decision as never }, now);
    expect(events.map((e) => e.toState)).toEqual(['received', 'parsed', 'approved']);
    expect(events.at(-1)!.reason).toMatch(/shipping instructions wait for the shop's return address/);
  });
});
