// A return's life after the first reply, on the embedded defaults with a real SQLite file and Maildir:
// the customer answers on the thread with a tracking number, the scheduler reminds and expires from the
// deadlines stored in the database (so a restart in between loses nothing), and a second application for
// an item already being returned is never auto-approved.
import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { TEST_POLICY_FILE } from '../../support/test-policy.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../../src/config.ts';
import type { Order } from '../../../src/domain/order.ts';
import { createRuntime, type Runtime } from '../../../src/main.ts';
import { drainOnce } from '../../../src/pipeline/work/drain-once.ts';

const SAMPLES = path.resolve(import.meta.dirname, '../../../samples');
const DAY = 24 * 3_600_000;

let dir: string;
let config: Config;
let runtime: Runtime;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-lifecycle-'));
  config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', POLICY_FILE: TEST_POLICY_FILE });
  runtime = await createRuntime(config, { lazyOcr: true });
  await runtime.store.upsertOrders(JSON.parse(await readFile(path.join(SAMPLES, 'orders.json'), 'utf8')) as Order[]);
});

afterEach(async () => {
  await runtime.close();
  await rm(dir, { recursive: true, force: true });
});

/** Delivers a message into the Maildir as arriving at `at`, then runs one worker pass at `at`. */
async function deliver(raw: Buffer, name: string, at: Date) {
  const target = path.join(config.maildir, 'new', name);
  await writeFile(target, raw);
  await utimes(target, at, at);
  return drainOnce({ ...runtime.deps, now: () => at });
}

async function outbox(): Promise<Array<Awaited<ReturnType<typeof simpleParser>>>> {
  const files = (await readdir(config.outboxDir).catch(() => [])).sort();
  return Promise.all(files.map(async (f) => simpleParser(await readFile(path.join(config.outboxDir, f)))));
}

async function firstApplication(): Promise<{ returnNumber: string; approvedAt: Date; replyId: string }> {
  const approvedAt = new Date('2025-03-09T07:14:05Z');
  const summary = await deliver(await readFile(path.join(SAMPLES, 'emails/01-text-pdf.eml')), '01.eml', approvedAt);
  const returnNumber = (summary.handled[0] as { returnNumber: string }).returnNumber;
  expect((await runtime.store.getReturn(returnNumber))!.state).toBe('awaiting_shipment');
  const [reply] = await outbox();
  return { returnNumber, approvedAt, replyId: reply!.messageId! };
}

function customerReply(inReplyTo: string, text: string, attachments: Array<{ filename: string; content: Buffer }> = []): Promise<Buffer> {
  return new MailComposer({
    from: 'anna.kovaleva@mail.ru',
    to: 'info@returns-intake.local',
    subject: 'Re: Возврат',
    inReplyTo,
    references: [inReplyTo],
    messageId: `<follow-${Math.random().toString(36).slice(2)}@mail.ru>`,
    text,
    attachments,
  })
    .compile()
    .build();
}

describe('a return after its first reply', () => {
  it('a reply on the thread with a tracking number moves it to shipped, and a tracking number gets an acknowledgement', async () => {
    const { returnNumber, approvedAt, replyId } = await firstApplication();
    const raw = await customerReply(replyId, 'Добрый день! Отправила посылку, трек-номер RA123456785RU.');
    const summary = await deliver(raw, 'follow.eml', new Date(approvedAt.getTime() + DAY));
    expect(summary.handled[0]).toMatchObject({ status: 'done', outcome: 'follow_up', returnNumber });
    const detail = (await runtime.store.getReturn(returnNumber))!;
    expect(detail.state).toBe('shipped');
    expect(detail.events.at(-1)).toMatchObject({ actor: 'customer', type: 'ship', reason: 'tracking RA123456785RU' });
    expect(await outbox()).toHaveLength(2);
    expect(detail.outbound.map((o) => o.template)).toEqual(['approved', 'shipment_received']);
    expect(await runtime.store.countReturnsByState()).toEqual({ shipped: 1 });
  });

  it('the scheduler sends one reminder a day before the ship-by date, then expires the return, across restarts', async () => {
    const { returnNumber, approvedAt } = await firstApplication();
    const shipWithin = runtime.deps.policy.shipWithinDays;
    // The customer has the whole of the shop day the reply names: the deadline is that day's end in shop time.
    const shipBy = (await runtime.store.getReturnRef(returnNumber))!.deadlines.shipBy!;
    expect(shipBy.getTime()).toBeGreaterThanOrEqual(approvedAt.getTime() + shipWithin * DAY);
    expect(shipBy.getTime()).toBeLessThan(approvedAt.getTime() + (shipWithin + 1) * DAY);
    const dayBefore = new Date(shipBy.getTime() - DAY + 60_000);

    let pass = await drainOnce({ ...runtime.deps, now: () => dayBefore });
    expect(pass.scheduled).toEqual([{ returnNumber, action: 'send_shipping_reminder' }]);
    pass = await drainOnce({ ...runtime.deps, now: () => new Date(dayBefore.getTime() + 3_600_000) });
    expect(pass.scheduled).toEqual([]); // once only

    // A restart: a new runtime on the same data directory knows the deadline from the database.
    await runtime.close();
    runtime = await createRuntime(config, { lazyOcr: true });
    const after = new Date(shipBy.getTime() + 60_000);
    pass = await drainOnce({ ...runtime.deps, now: () => after });
    expect(pass.scheduled).toEqual([{ returnNumber, action: 'expire' }]);
    expect((await runtime.store.getReturn(returnNumber))!.state).toBe('expired');

    const replies = await outbox();
    expect(replies.map((r) => r.subject)).toEqual(expect.arrayContaining([expect.stringContaining(returnNumber)]));
    const templates = (await runtime.store.getReturn(returnNumber))!.outbound.map((o) => o.template);
    expect(templates).toEqual(['approved', 'shipping_reminder', 'expired']);
  });

  it('the same application sent again with a new Message-ID creates a second return: it reaches the open return instead', async () => {
    const { returnNumber } = await firstApplication();
    // The same application again as a new message (new Message-ID, so not a duplicate delivery, no thread).
    const original = (await readFile(path.join(SAMPLES, 'emails/01-text-pdf.eml'), 'latin1'))
      .replace(/^Message-ID: .*$/im, 'Message-ID: <second-application@mail.ru>')
      .replace(/^Subject: .*$/im, 'Subject: Return again');
    const summary = await deliver(Buffer.from(original, 'latin1'), 'again.eml', new Date('2025-03-10T08:00:00Z'));
    expect(summary.handled[0]).toMatchObject({ status: 'done', outcome: 'follow_up', returnNumber });
    expect(await runtime.store.countReturnsByState()).toEqual({ awaiting_shipment: 1 });
    expect((await runtime.store.getReturn(returnNumber))!.events.at(-1)).toMatchObject({ actor: 'customer', type: 'customer_message' });
    expect(await outbox()).toHaveLength(1); // no second, opposite answer
  });

  it('a follow-up in a new thread ("sent, tracking RA…", no thread headers, no return number) reaches the return', async () => {
    const { returnNumber, approvedAt } = await firstApplication();
    const raw = await new MailComposer({
      from: 'anna.kovaleva@mail.ru',
      to: 'info@returns-intake.local',
      subject: 'Возврат отправлен',
      messageId: '<new-thread@mail.ru>',
      text: 'Добрый день! Возврат отправлен, трек RA123456785RU.',
    })
      .compile()
      .build();
    const summary = await deliver(raw, 'new-thread.eml', new Date(approvedAt.getTime() + DAY));
    expect(summary.handled[0]).toMatchObject({ status: 'done', outcome: 'follow_up', returnNumber });
    expect((await runtime.store.getReturn(returnNumber))!.state).toBe('shipped');
    expect(await runtime.store.countReturnsByState()).toEqual({ shipped: 1 });
  });
});

