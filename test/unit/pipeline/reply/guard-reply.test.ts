import { describe, expect, it } from 'vitest';
import type { DeliveryGuardStore } from '../../../../src/domain/ports/delivery-store.ts';
import { createReplyGuard, guardChange, guardReply } from '../../../../src/pipeline/reply/guard-reply.ts';

type Delivery = Pick<DeliveryGuardStore, 'isBlocked' | 'countRepliesSince'>;
type Watched = Pick<DeliveryGuardStore, 'mailboxWatchedSince'>;
const open: Delivery = { isBlocked: async () => false, countRepliesSince: async () => 0 };
const guard = (delivery: Delivery = open) => createReplyGuard({ delivery, replyRateLimitPerHour: 2, ownAddresses: ['info@shop.example'] });

describe('guardReply', () => {
  const reply = { messageId: '<r@shop.example>', to: 'a@example.ru', subject: 'Re', template: 'approved', language: 'ru', raw: Buffer.from('x') } as const;
  const outcome = { kind: 'return', record: { events: [], reply } } as never;
  const arrived = (iso: string) => ({ arrivedAt: new Date(iso), mailboxId: 'mb-1' });
  // We first read this mailbox half an hour ago: everything that arrived before was a backlog.
  const firstRead: Watched = { mailboxWatchedSince: async () => new Date('2025-11-22T11:30:00Z') };
  const now = () => new Date('2025-11-22T12:00:00Z');
  const deps = (delivery: Delivery = open, watched: Watched = firstRead) => ({ guard: guard(delivery), backlogMaxAgeHours: 72, delivery: watched, now });

  it('passes a fresh message to an unblocked address under the limit', async () => {
    expect((await guardReply(outcome, arrived('2025-11-22T10:00:00Z'), deps({ ...open, countRepliesSince: async () => 1 }))).suppressed).toBeUndefined();
  });

  it('drops the reply, keeps the return and says why: old, blocked, rate-limited', async () => {
    const old = await guardReply(outcome, arrived('2025-11-10T10:00:00Z'), deps());
    expect(old.suppressed).toBe('too_old');
    expect(old.outcome).toMatchObject({ kind: 'return', record: { events: [{ type: 'reply_suppressed', reason: 'too_old' }] } });
    expect((old.outcome as { record: { reply?: unknown } }).record.reply).toBeUndefined();
    const fresh = arrived('2025-11-22T11:00:00Z');
    expect((await guardReply(outcome, fresh, deps({ ...open, isBlocked: async () => true }))).suppressed).toBe('recipient_blocked');
    expect((await guardReply(outcome, fresh, deps({ ...open, countRepliesSince: async () => 2 }))).suppressed).toBe('rate_limited');
  });

  it('judges age by arrival in the mailbox, so mail dated long ago but delivered now is answered', async () => {
    expect((await guardReply(outcome, arrived('2025-11-22T11:59:00Z'), deps())).suppressed).toBeUndefined();
    expect((await guardReply(outcome, arrived('2025-11-19T11:59:00Z'), deps())).suppressed).toBe('too_old');
  });

  it('after downtime every waiting application is rejected, and the reply is then suppressed as too old: mail that came while we were down is answered', async () => {
    const watchedForMonths: Watched = { mailboxWatchedSince: async () => new Date('2025-06-01T00:00:00Z') };
    // Four days down: the mail arrived after we had started reading this mailbox, so it is no backlog.
    expect((await guardReply(outcome, arrived('2025-11-18T09:00:00Z'), deps(open, watchedForMonths))).suppressed).toBeUndefined();
    // Mail already old when the mailbox was first read stays unanswered; so does anything with no history at all.
    expect((await guardReply(outcome, arrived('2025-05-20T09:00:00Z'), deps(open, watchedForMonths))).suppressed).toBe('too_old');
    expect((await guardReply(outcome, arrived('2025-11-18T09:00:00Z'), deps(open, { mailboxWatchedSince: async () => null }))).suppressed).toBe('too_old');
    expect((await guardReply(outcome, arrived('2025-11-18T09:00:00Z'), { ...deps(), delivery: undefined })).suppressed).toBe('too_old');
  });
});

describe('guardChange', () => {
  const now = new Date('2025-11-22T12:00:00Z');
  const change = (to: string) => ({ returnNumber: 'R-1', events: [], reply: { messageId: '<r@shop.example>', to, subject: 'Re', template: 'expired', language: 'ru', raw: Buffer.from('x') } as const });

  it('never writes to our own address, in any letter case', async () => {
    const { change: guarded, suppressed } = await guardChange(change('INFO@Shop.Example'), guard(), now);
    expect(suppressed).toBe('own_address');
    expect(guarded.reply).toBeUndefined();
    expect(guarded.events).toEqual([{ actor: 'system', type: 'reply_suppressed', reason: 'own_address', at: now }]);
    expect(guarded.returnNumber).toBe('R-1');
  });

  it('asks the delivery store about the recipient with a one-hour window', async () => {
    const asked: Array<[string, Date]> = [];
    const delivery: Delivery = { isBlocked: async () => false, countRepliesSince: async (to, since) => (asked.push([to, since]), 0) };
    expect((await guardChange(change('a@example.ru'), guard(delivery), now)).suppressed).toBeUndefined();
    expect(asked).toEqual([['a@example.ru', new Date('2025-11-22T11:00:00Z')]]);
  });

  it('leaves a change without a reply alone', async () => {
    const { reply: _none, ...noReply } = change('a@example.ru');
    expect(await guardChange(noReply, guard({ ...open, isBlocked: async () => true }), now)).toEqual({ change: noReply });
  });
});
