import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDeliveryReport } from '../../../../src/pipeline/bounce/read-delivery-report.ts';
import { guardReply } from '../../../../src/pipeline/work/guard-reply.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/mail/${name}`, import.meta.url));

describe('readDeliveryReport', () => {
  it('reads recipient, status and the original Message-ID of a real multipart/report', () => {
    expect(readDeliveryReport(fixture('bounce-multipart-report.eml'))).toEqual({
      originalMessageId: '<ri.deadbeef@shop.example>',
      recipients: [{ address: 'nobody@example.ru', action: 'failed', status: '5.1.1', hard: true }],
    });
  });

  it('treats a delayed 4.x.x report as soft and ignores mail that is not a report', () => {
    const delayed = fixture('bounce-multipart-report.eml').toString('latin1').replace('Action: failed', 'Action: delayed').replace('Status: 5.1.1', 'Status: 4.4.1');
    expect(readDeliveryReport(Buffer.from(delayed, 'latin1'))!.recipients[0]).toMatchObject({ hard: false, status: '4.4.1' });
    expect(readDeliveryReport(fixture('auto-reply-ooo.eml'))).toBeNull();
    expect(readDeliveryReport(Buffer.from('Content-Type: multipart/report\r\n\r\nno boundary'))).toBeNull();
  });
});

describe('guardReply', () => {
  const reply = { messageId: '<r@shop.example>', to: 'a@example.ru', subject: 'Re', template: 'approved', language: 'ru', raw: Buffer.from('x') } as const;
  const outcome = { kind: 'return', record: { events: [], reply } } as never;
  const arrived = (iso: string) => ({ arrivedAt: new Date(iso), mailboxId: 'mb-1' });
  // We first read this mailbox half an hour ago: everything that arrived before was a backlog.
  const firstRead = { mailboxWatchedSince: async () => new Date('2025-11-22T11:30:00Z') };
  const now = () => new Date('2025-11-22T12:00:00Z');
  const limits = { backlogMaxAgeHours: 72, replyRateLimitPerHour: 2 };

  it('passes a fresh message to an unblocked address under the limit', async () => {
    const delivery = { isBlocked: async () => false, countRepliesSince: async () => 1, ...firstRead };
    expect((await guardReply(outcome, arrived('2025-11-22T10:00:00Z'), { delivery, limits, now })).suppressed).toBeUndefined();
  });

  it('drops the reply, keeps the return and says why: old, blocked, rate-limited', async () => {
    const open = { isBlocked: async () => false, countRepliesSince: async () => 0, ...firstRead };
    const old = await guardReply(outcome, arrived('2025-11-10T10:00:00Z'), { delivery: open, limits, now });
    expect(old.suppressed).toBe('too_old');
    expect(old.outcome).toMatchObject({ kind: 'return', record: { events: [{ type: 'reply_suppressed', reason: 'too_old' }] } });
    expect((old.outcome as { record: { reply?: unknown } }).record.reply).toBeUndefined();
    const fresh = arrived('2025-11-22T11:00:00Z');
    expect((await guardReply(outcome, fresh, { delivery: { ...open, isBlocked: async () => true }, limits, now })).suppressed).toBe('recipient_blocked');
    expect((await guardReply(outcome, fresh, { delivery: { ...open, countRepliesSince: async () => 2 }, limits, now })).suppressed).toBe('rate_limited');
  });

  it('judges age by arrival in the mailbox, so mail dated long ago but delivered now is answered', async () => {
    const open = { isBlocked: async () => false, countRepliesSince: async () => 0, ...firstRead };
    expect((await guardReply(outcome, arrived('2025-11-22T11:59:00Z'), { delivery: open, limits, now })).suppressed).toBeUndefined();
    expect((await guardReply(outcome, arrived('2025-11-19T11:59:00Z'), { delivery: open, limits, now })).suppressed).toBe('too_old');
  });

  it('after downtime every waiting application is rejected, and the reply is then suppressed as too old: mail that came while we were down is answered', async () => {
    const watchedForMonths = { isBlocked: async () => false, countRepliesSince: async () => 0, mailboxWatchedSince: async () => new Date('2025-06-01T00:00:00Z') };
    // Four days down: the mail arrived after we had started reading this mailbox, so it is no backlog.
    expect((await guardReply(outcome, arrived('2025-11-18T09:00:00Z'), { delivery: watchedForMonths, limits, now })).suppressed).toBeUndefined();
    // Mail already old when the mailbox was first read stays unanswered; so does anything with no history at all.
    expect((await guardReply(outcome, arrived('2025-05-20T09:00:00Z'), { delivery: watchedForMonths, limits, now })).suppressed).toBe('too_old');
    const noHistory = { ...watchedForMonths, mailboxWatchedSince: async () => null };
    expect((await guardReply(outcome, arrived('2025-11-18T09:00:00Z'), { delivery: noHistory, limits, now })).suppressed).toBe('too_old');
  });
});
