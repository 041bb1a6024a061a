// Alerts and the daily digest for the desk (issue #14) against a real SQLite store: an application whose review
// deadline is within the lead time and a refund that became overdue are each alerted once, in one e-mail to the
// desk's address; the digest goes out once a day from its hour, with the queue's figures and money to the kopeck;
// nothing goes to a customer, and our own address is refused as the desk's.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeskAlerts, type DeskAlertDeps } from '../../../src/pipeline/alerts/run-desk-alerts.ts';
import { createReplyGuard } from '../../../src/pipeline/reply/guard-reply.ts';
import { startWebFixture, type WebFixture } from '../../support/web-app.ts';

let fx: WebFixture;
const HOUR = 3_600_000;
const start = new Date('2026-12-05T05:00:00Z'); // 08:00 in Moscow

function deps(now: Date, overrides: Partial<DeskAlertDeps> = {}): DeskAlertDeps {
  return {
    alerts: fx.store,
    templates: fx.deps.review.templates,
    composeMessage: fx.deps.review.composeMessage,
    from: 'Returns desk <info@shop.test>',
    deskAddress: 'desk@shop.test',
    language: 'ru',
    shopName: 'Test shop',
    timeZone: 'Europe/Moscow',
    publicUrl: 'https://returns.shop.test',
    reviewLeadHours: 4,
    digestHour: 9,
    replyGuard: createReplyGuard({ delivery: fx.delivery, replyRateLimitPerHour: 1, ownAddresses: ['info@shop.test'] }),
    now: () => now,
    ...overrides,
  };
}

const deskMail = async () => Promise.all((await fx.store.listPendingOutbound(100)).filter((o) => o.to === 'desk@shop.test').map((o) => simpleParser(o.raw)));

beforeAll(async () => {
  fx = await startWebFixture({ now: () => start });
  // Review deadline 24 h after arrival: due at 05:00 UTC on the 6th.
  await fx.seedReturn({ returnNumber: 'RT-N001', createdAt: start });
  await fx.seedReturn({ returnNumber: 'RT-N002', createdAt: new Date(start.getTime() + 10 * HOUR) });
  await fx.seedReturn({ returnNumber: 'RT-N003', state: 'received_at_warehouse', createdAt: start });
  const ref = await fx.store.getReturnRef('RT-N003');
  await fx.store.updateReturn({
    returnNumber: 'RT-N003',
    fromState: ref!.state,
    toState: ref!.state,
    events: [{ actor: 'agent:sam@desk.test', type: 'inspection_passed', at: start }],
    refund: { due: 150_050 },
    deadlines: { refundDueAt: new Date(start.getTime() + 30 * HOUR) },
  });
});
afterAll(async () => fx?.close());

describe('desk alerts and digest', () => {
  it('refuses our own address as the desk\'s: nothing is sent', async () => {
    const summary = await runDeskAlerts(deps(new Date(start.getTime() + 21 * HOUR), { deskAddress: 'info@shop.test' }));
    expect(summary).toEqual({ alerted: 0, digest: false, refused: 'own_address' });
    expect(await fx.store.listPendingOutbound(100)).toEqual([]);
  });

  it('alerts once for a review deadline within 4 hours, nothing yet for the rest', async () => {
    const early = await runDeskAlerts(deps(new Date(start.getTime() + 19 * HOUR)));
    // 08:00 + 19 h is 03:00 in Moscow: before the digest hour, and RT-N001 is due in 5 h.
    expect(early).toEqual({ alerted: 0, digest: false });
    const at = new Date(start.getTime() + 21 * HOUR);
    expect(await runDeskAlerts(deps(at))).toEqual({ alerted: 1, digest: false });
    expect(await runDeskAlerts(deps(new Date(at.getTime() + HOUR)))).toEqual({ alerted: 0, digest: false });
    const [mail, ...more] = await deskMail();
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('Срок рассмотрения истекает: 1');
    expect(mail!.text).toContain('- RT-N001: ответить до 6 декабря 2026 г., 08:00 — https://returns.shop.test/returns/RT-N001');
    expect(mail!.text).not.toContain('RT-N002');
    expect(mail!.text).not.toContain('anna@example.com');
  });

  it('alerts once for a refund that became overdue, with the amount owed, beside the next review deadline', async () => {
    const at = new Date(start.getTime() + 31 * HOUR); // 15:00 on the 6th in Moscow: also past the digest hour
    const summary = await runDeskAlerts(deps(at));
    // RT-N002 arrived 10 h after RT-N001: its deadline is now 3 h away.
    expect(summary.alerted).toBe(2);
    const mails = await deskMail();
    const alert = mails.find((m) => m.subject === 'Срок рассмотрения истекает: 1; просрочен возврат денег: 1')!;
    expect(alert.text).toContain('- RT-N002: ответить до 6 декабря 2026 г., 18:00');
    expect(alert.text).toContain('- RT-N003: нужно было вернуть до 6 декабря 2026 г., сумма 1\u00a0500,50\u00a0₽ — https://returns.shop.test/returns/RT-N003');
    expect((await runDeskAlerts(deps(new Date(at.getTime() + HOUR)))).alerted).toBe(0);
  });

  it('sends the digest once a day, from its hour, with the figures', async () => {
    const mails = await deskMail();
    const digests = mails.filter((m) => m.subject?.startsWith('Сводка'));
    expect(digests.map((d) => d.subject)).toEqual(['Сводка службы возвратов за 6 декабря 2026 г.']);
    const text = digests[0]!.text!;
    expect(text).toContain('- На рассмотрении: 2, из них срок истёк: 1.');
    expect(text).toContain('- Возвраты денег к выплате: 1 на 1\u00a0500,50\u00a0₽, из них просрочено: 1 на 1\u00a0500,50\u00a0₽.');
    // The next day's digest is a new one.
    expect((await runDeskAlerts(deps(new Date(start.getTime() + 48 * HOUR)))).digest).toBe(false); // 08:00: before its hour
    expect((await runDeskAlerts(deps(new Date(start.getTime() + 49 * HOUR)))).digest).toBe(true);
    expect((await runDeskAlerts(deps(new Date(start.getTime() + 52 * HOUR)))).digest).toBe(false);
  });

  it('alerts for an exchange\'s unpaid return postage, overdue after the replacement went out (regression: only returns at the warehouse were alerted)', async () => {
    await fx.seedReturn({ returnNumber: 'RT-N004', state: 'received_at_warehouse', createdAt: start });
    await fx.store.updateReturn({
      returnNumber: 'RT-N004',
      fromState: 'received_at_warehouse',
      toState: 'exchanged',
      events: [
        { actor: 'agent:sam@desk.test', type: 'inspection_passed', at: start },
        { actor: 'agent:sam@desk.test', type: 'replacement_sent', fromState: 'received_at_warehouse', toState: 'exchanged', at: start },
      ],
      refund: { due: 38_750 },
      deadlines: { refundDueAt: new Date(start.getTime() + 40 * HOUR) },
    });
    // It is on the refunds to pay, so it is alerted like any other refund owed.
    expect((await fx.store.listRefundsDue()).map((r) => r.returnNumber)).toContain('RT-N004');
    const before = new Set((await deskMail()).map((m) => m.messageId));
    const at = new Date(start.getTime() + 53 * HOUR);
    expect((await runDeskAlerts(deps(at))).alerted).toBe(1);
    const [alert, ...more] = (await deskMail()).filter((m) => !before.has(m.messageId));
    expect(more).toEqual([]);
    expect(alert!.subject).toBe('Просрочен возврат денег: 1');
    expect(alert!.text).toContain('- RT-N004: нужно было вернуть до 7 декабря 2026 г., сумма 387,50\u00a0₽ — https://returns.shop.test/returns/RT-N004');
    expect((await runDeskAlerts(deps(new Date(at.getTime() + HOUR)))).alerted).toBe(0);
    // The next digest counts it with the refunds due and overdue.
    await runDeskAlerts(deps(new Date(start.getTime() + 73 * HOUR)));
    const digest = (await deskMail()).find((m) => m.subject === 'Сводка службы возвратов за 8 декабря 2026 г.')!;
    expect(digest.text).toContain('- Возвраты денег к выплате: 2 на 1\u00a0888,00\u00a0₽, из них просрочено: 2 на 1\u00a0888,00\u00a0₽.');
  });
});
