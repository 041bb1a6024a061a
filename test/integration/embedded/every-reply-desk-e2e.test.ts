// Issue 13, "how it is measured", for the replies every-reply-e2e.test.ts does not reach: the ones an agent's work on
// the review page, the warehouse steps, an exchange, the customer's follow-ups, an answer in a conversation, a message
// over the size limit, and the desk's own alert and digest send. Each is produced by the flow that sends it (the
// worker on a Maildir, the scheduler, the functions the web routes call) on a real SQLite file, in both languages,
// read from the outbox as the recipient reads it, and checked for a placeholder address, an ISO date inside a
// sentence and an unfilled value. Between them, the two files must send every template in templates/replies.
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../../src/config.ts';
import { RefundMethodSchema } from '../../../src/domain/application.ts';
import { toRoublesString } from '../../../src/domain/money/money.ts';
import type { Order } from '../../../src/domain/order.ts';
import type { Language } from '../../../src/domain/reply.ts';
import { createRuntime, createWebRuntime, type Runtime, type WebRuntime } from '../../../src/main.ts';
import { answerReturn } from '../../../src/pipeline/conversation/answer-return.ts';
import { answerUnassigned } from '../../../src/pipeline/conversation/answer-unassigned.ts';
import type { ConversationDeps } from '../../../src/pipeline/conversation/conversation-deps.ts';
import { approveReturn, requestBetterPhoto } from '../../../src/pipeline/review/decide-review.ts';
import { markParcelReceived, markRefundIssued, markReplacementSent, recordInspection } from '../../../src/pipeline/review/desk-steps.ts';
import { loadReviewCheck } from '../../../src/pipeline/review/review-check.ts';
import { drainOnce } from '../../../src/pipeline/work/drain-once.ts';
import {
  expectReadyToRead,
  replyTemplates,
  SENT_BY_DECISIONS_AND_SCHEDULER,
  SENT_BY_THE_DESK_AND_FOLLOW_UPS,
  sentReplies,
  type SentReply,
} from '../../support/every-reply.ts';
import { TEST_POLICY_FILE } from '../../support/test-policy.ts';

const SAMPLES = path.resolve(import.meta.dirname, '../../../samples');
const HOUR = 3_600_000;
const DESK = 'desk@shop.test';
const AGENT = 'agent:sam@desk.test' as const;

interface Customer {
  email: string;
  /** A typed or fillable application from samples/documents, for an order in samples/orders.json. */
  form?: string;
}

/**
 * Who writes in each language. A: a clearer copy after the desk asks for one, then the refund. B: an exchange.
 * C: goods sent back after the inspection. D: a message over the size limit. E: a question with no return.
 */
const CUSTOMERS: Record<Language, Record<'a' | 'b' | 'c' | 'd' | 'e', Customer>> = {
  ru: {
    a: { email: 'anna.kovaleva@mail.ru', form: '01-text-layer.pdf' },
    b: { email: 'd.sokolov@yandex.ru', form: '02-fillable-filled.pdf' },
    c: { email: 'd.semenova@rambler.ru', form: '11-text-c02.pdf' },
    d: { email: 'v.kuznetsova@mail.ru' },
    e: { email: 'n.zaytseva@rambler.ru' },
  },
  en: {
    a: { email: 'emma.schulz@gmail.com', form: '13-text-c10.pdf' },
    b: { email: 'lucas.moreau@gmail.com', form: '18-fillable-c32.pdf' },
    c: { email: 'oliver.bennett@gmail.com', form: '14-text-c21.pdf' },
    d: { email: 'sarah.thompson@gmail.com' },
    e: { email: 'james.carter@example.org' },
  },
};

const WORDS = {
  ru: {
    subject: 'Заявление на возврат',
    application: 'Здравствуйте! Заявление на возврат во вложении.',
    clearer: 'Отправляю заявление ещё раз, надеюсь, теперь читается.',
    shipped: (tracking: string) => `Добрый день! Посылку отправила, трек-номер ${tracking}.`,
    question: { subject: 'Вопрос', text: 'Здравствуйте! Есть ли у вас подарочные сертификаты?' },
    photoNote: 'На фото не видно номер заказа, сфотографируйте лист целиком.',
    answer: 'Посылку можно отправить в любом отделении Почты России.',
    unassigned: 'Подарочных сертификатов у нас пока нет.',
    size: 'размер L',
    sendBack: 'на подкладке пятна',
  },
  en: {
    subject: 'Return application',
    application: 'Hello, please find my return application attached.',
    clearer: 'Here is the application again, I hope it reads better now.',
    shipped: (tracking: string) => `Hello, I have sent the parcel, the tracking number is ${tracking}.`,
    question: { subject: 'A question', text: 'Hello, do you sell gift cards?' },
    photoNote: 'The order number is cut off in the photo; please take the whole sheet.',
    answer: 'Any post office that delivers to Russia will take the parcel.',
    unassigned: 'We do not sell gift cards yet.',
    size: 'size L',
    sendBack: 'stains on the lining',
  },
} as const;

/** Russian Post international numbers (S10) with a valid check digit, one per parcel. */
const TRACKING = { a: 'RA123456785RU', b: 'RA987654326RU', c: 'RB111111115RU' } as const;

/** 10:00 on 11 March 2025 in Moscow: every sample form's goods were received within the last seven days. */
const ARRIVED = new Date('2025-03-11T07:00:00Z');

const folders: string[] = [];
const replies: Record<Language, SentReply[]> = { ru: [], en: [] };

function mail(language: Language, from: string, extra: { subject?: string; text: string; inReplyTo?: string; attachments?: Array<{ filename: string; content: Buffer }> }): Promise<Buffer> {
  return new MailComposer({
    from,
    to: 'info@returns-intake.local',
    subject: extra.subject ?? WORDS[language].subject,
    text: extra.text,
    messageId: `<${randomBytes(8).toString('hex')}@${from.split('@')[1]}>`,
    ...(extra.inReplyTo ? { inReplyTo: extra.inReplyTo, references: [extra.inReplyTo] } : {}),
    ...(extra.attachments ? { attachments: extra.attachments } : {}),
  })
    .compile()
    .build();
}

async function form(customer: Customer): Promise<Array<{ filename: string; content: Buffer }>> {
  return [{ filename: customer.form!, content: await readFile(path.join(SAMPLES, 'documents', customer.form!)) }];
}

/** One language's day at the returns desk, on its own data folder; the desk reads its mail in the same language. */
async function deskStory(language: Language): Promise<SentReply[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'intake-every-reply-desk-'));
  folders.push(dir);
  const config: Config = loadConfig({
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    SHOP_TIMEZONE: 'Europe/Moscow',
    POLICY_FILE: TEST_POLICY_FILE,
    DESK_EMAIL: DESK,
    DESK_LANGUAGE: language,
    // The story's days pass in seconds of wall clock, and the hourly limit counts replies by when they were stored:
    // A's seven replies would look like one hour's.
    REPLY_RATE_LIMIT_PER_HOUR: '20',
  });
  const runtime: Runtime = await createRuntime(config, { lazyOcr: true });
  let web: WebRuntime | undefined;
  try {
    const who = CUSTOMERS[language];
    const words = WORDS[language];
    let files = 0;
    const drop = async (raw: Buffer, at: Date) => {
      const target = path.join(config.maildir, 'new', `${++files}.eml`);
      await writeFile(target, raw);
      await utimes(target, at, at);
    };
    const pass = (at: Date) => drainOnce({ ...runtime.deps, now: () => at, deskAlerts: { ...runtime.deps.deskAlerts!, now: () => at } });
    const returnOf = async (customer: Customer) => (await runtime.store.listReturns({ limit: 100 })).find((r) => r.customerEmail === customer.email)!.returnNumber;
    const lastReplyTo = async (returnNumber: string) => (await runtime.store.getReturn(returnNumber))!.outbound.at(-1)!.messageId;

    // The applications arrive before the shop's orders are imported: each goes to review. Beside them, a message
    // over the size limit and a question that belongs to no return.
    for (const customer of [who.a, who.b, who.c]) await drop(await mail(language, customer.email, { text: words.application, attachments: await form(customer) }), ARRIVED);
    const huge = [{ filename: 'photo.jpg', content: randomBytes(24 * 1024 * 1024) }];
    await drop(await mail(language, who.d.email, { text: words.application, attachments: huge }), ARRIVED);
    await drop(await mail(language, who.e.email, words.question), ARRIVED);
    await pass(ARRIVED);
    const [a, b, c] = [await returnOf(who.a), await returnOf(who.b), await returnOf(who.c)];
    for (const number of [a, b, c]) expect((await runtime.store.getReturn(number))!.state, number).toBe('needs_review');

    // 09:00 the next day in Moscow: the desk's digest, and an alert for the reviews due within four hours.
    const digestAt = new Date(ARRIVED.getTime() + 23 * HOUR);
    expect((await pass(digestAt)).desk).toEqual({ alerted: 3, digest: true });
    await runtime.store.upsertOrders(JSON.parse(await readFile(path.join(SAMPLES, 'orders.json'), 'utf8')) as Order[]);

    web = await createWebRuntime(config, { store: runtime.store });
    // The deps the review and conversation routes hand to src/pipeline, on the test's clock.
    const desk = (at: Date): ConversationDeps => ({
      ...web!.deps.review,
      now: () => at,
      conversations: web!.deps.conversations,
      mime: web!.deps.mime,
      documents: web!.deps.reader,
      store: web!.deps.store,
      random: () => randomInt(31),
    });
    const replyKey = () => randomBytes(16).toString('hex');

    // The desk works through the queue: a better photo asked of A, B's goods exchanged, C approved, E answered.
    let at = new Date(digestAt.getTime() + HOUR);
    await requestBetterPhoto(desk(at), { returnNumber: a, actor: AGENT, expectedState: 'needs_review', note: words.photoNote });
    const items = (await runtime.store.getReturn(b))!.application.items;
    await approveReturn(desk(at), { returnNumber: b, actor: AGENT, expectedState: 'needs_review', exchange: items.map((_, index) => ({ index, wanted: words.size })) });
    await approveReturn(desk(at), { returnNumber: c, actor: AGENT, expectedState: 'needs_review' });
    const question = (await runtime.store.dashboard.listAttention({ limit: 10, offset: 0 })).rows;
    expect(question).toHaveLength(1);
    await answerUnassigned(desk(at), { inboundId: question[0]!.id, actor: AGENT, text: words.unassigned, replyKey: replyKey() });
    await pass(at);

    // A sends a clearer copy in the thread (now decided against the order: approved); B and C send their parcels.
    at = new Date(at.getTime() + HOUR);
    await drop(await mail(language, who.a.email, { subject: `Re: ${words.subject}`, text: words.clearer, inReplyTo: await lastReplyTo(a), attachments: await form(who.a) }), at);
    await drop(await mail(language, who.b.email, { subject: `Re: ${words.subject}`, text: words.shipped(TRACKING.b), inReplyTo: await lastReplyTo(b) }), at);
    await drop(await mail(language, who.c.email, { subject: `Re: ${words.subject}`, text: words.shipped(TRACKING.c), inReplyTo: await lastReplyTo(c) }), at);
    await pass(at);
    expect((await runtime.store.getReturn(a))!.state).toBe('awaiting_shipment');

    // The desk writes to A in the return's conversation; A ships.
    at = new Date(at.getTime() + HOUR);
    await answerReturn(desk(at), { returnNumber: a, actor: AGENT, text: words.answer, replyKey: replyKey() });
    at = new Date(at.getTime() + HOUR);
    await drop(await mail(language, who.a.email, { subject: `Re: ${words.subject}`, text: words.shipped(TRACKING.a), inReplyTo: await lastReplyTo(a) }), at);
    await pass(at);

    // Two days later the parcels reach the warehouse: A refunded, B's replacement sent, C's goods sent back.
    at = new Date(at.getTime() + 48 * HOUR);
    for (const number of [a, b, c]) await markParcelReceived(desk(at), { returnNumber: number, actor: AGENT });
    at = new Date(at.getTime() + HOUR);
    await recordInspection(desk(at), { returnNumber: a, actor: AGENT, result: 'refund' });
    await recordInspection(desk(at), { returnNumber: b, actor: AGENT, result: 'refund' });
    await recordInspection(desk(at), { returnNumber: c, actor: AGENT, result: 'send_back', note: words.sendBack });
    at = new Date(at.getTime() + HOUR);
    // What the return page pre-fills: the refund the check computes, by the method the application asks for.
    const refunded = (await runtime.store.getReturnRef(a))!;
    const owed = (await loadReviewCheck(desk(at), refunded.application, refunded)).decision.refund!.total;
    const method = RefundMethodSchema.parse(refunded.application.fields.refundMethod?.value);
    await markRefundIssued(desk(at), { returnNumber: a, actor: AGENT, amount: toRoublesString(owed), refundMethod: method });
    await markReplacementSent(desk(at), { returnNumber: b, actor: AGENT, trackingNumber: 'RA555555555RU' });
    await pass(at);
    expect((await Promise.all([a, b, c].map(async (n) => (await runtime.store.getReturn(n))!.state)))).toEqual(['refunded', 'exchanged', 'returned_to_customer']);
    return await sentReplies(config);
  } finally {
    await web?.close();
    await runtime.close();
  }
}

beforeAll(async () => {
  for (const language of ['ru', 'en'] as const) replies[language] = await deskStory(language);
}, 300_000);

afterAll(async () => {
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

describe('one reply of each template the desk and the follow-ups send, in both languages, end to end', () => {
  it('between the two end-to-end files, every template in templates/replies is sent', async () => {
    expect([...new Set([...SENT_BY_DECISIONS_AND_SCHEDULER, ...SENT_BY_THE_DESK_AND_FOLLOW_UPS])].sort()).toEqual(await replyTemplates());
  });

  it.each(['ru', 'en'] as const)('%s: every template of the desk\'s story was sent, each in the language its reader wrote or asked for', (language) => {
    expect([...new Set(replies[language].map((r) => r.template))].sort()).toEqual(SENT_BY_THE_DESK_AND_FOLLOW_UPS);
    for (const reply of replies[language]) expect(reply.language, `${reply.template} to ${reply.to}`).toBe(language);
    // The desk's mail goes to the desk alone (a digest each day the story spans), and nothing else does.
    const toDesk = replies[language].filter((r) => r.to === DESK).map((r) => r.template);
    expect([...new Set(toDesk)].sort()).toEqual(['desk_alert', 'desk_digest']);
    expect(replies[language].filter((r) => r.template.startsWith('desk_')).map((r) => r.to)).toEqual(toDesk.map(() => DESK));
  });

  it.each(['ru', 'en'] as const)('%s: no placeholder address, no ISO date inside a sentence, no unfilled value', (language) => {
    for (const { template, mail } of replies[language]) expectReadyToRead(template, language, mail);
  });

  it.each(['ru', 'en'] as const)('%s: the desk\'s own words reach the reply that carries them', (language) => {
    const words = WORDS[language];
    const text = (template: string, to: string) => replies[language].find((r) => r.template === template && r.to === to)?.mail.text ?? '';
    const who = CUSTOMERS[language];
    expect(text('photo_unreadable', who.a.email)).toContain(words.photoNote);
    expect(text('agent_reply', who.a.email)).toContain(words.answer);
    expect(text('agent_reply', who.e.email)).toContain(words.unassigned);
    expect(text('exchange_approved', who.b.email)).toContain(words.size);
    expect(text('exchange_sent', who.b.email)).toContain('RA555555555RU');
    expect(text('returned_to_customer', who.c.email)).toContain(words.sendBack);
    expect(text('shipment_received', who.c.email)).toContain(TRACKING.c);
  });
});
