// Conversations through the web app on a real SQLite store (issue #14): a return's e-mails in and out on its page;
// an agent's answer goes through the reply stage and the outbox threaded onto the customer's latest e-mail, card
// numbers masked, exactly once, on the timeline; an unassigned question is answered in its own thread, another is
// attached to a return, a third starts a return.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundState } from '../../../src/domain/return-state.ts';
import { startWebFixture, USERS, type WebFixture } from '../../support/web-app.ts';
import { csrfOf, WebClient } from '../../support/web-client.ts';

let fx: WebFixture;
let agent: WebClient;
const ids: Record<string, string> = {};

async function seedInbound(name: string, from: string, subject: string, text: string, state: InboundState = 'needs_attention'): Promise<string> {
  const raw = Buffer.from(`From: ${from}\r\nTo: info@shop.test\r\nSubject: ${subject}\r\nMessage-ID: <${name}@example.org>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n`);
  const saved = await fx.store.saveInbound({ mailboxId: 'maildir:/test', mailboxKey: name, messageId: `<${name}@example.org>`, sha256: createHash('sha256').update(raw).digest('hex'), raw, receivedAt: new Date() });
  ids[name] = saved.id;
  if (state !== 'received') {
    await fx.store.claimInbound(saved.id);
    if (state !== 'processing') await fx.store.finishInbound(saved.id, state, 'not_an_application');
  }
  return saved.id;
}

const outboxFor = async (to: string) => Promise.all((await fx.store.listPendingOutbound(100)).filter((o) => o.to === to).map((o) => simpleParser(o.raw)));

beforeAll(async () => {
  fx = await startWebFixture();
  await fx.seedReturn({ returnNumber: 'RT-K001', state: 'awaiting_shipment', subject: 'Возврат футболки' });
  // The customer asks a question in the same thread, as the follow-up stage records it (handle-follow-up.ts).
  const question = await seedInbound('follow-up', 'Анна <anna@example.com>', 'Re: Возврат футболки [RT-K001]', 'Куда отправлять посылку, если я в Казани?', 'processing');
  const ref = await fx.store.getReturnRef('RT-K001');
  await fx.store.updateReturn({
    returnNumber: 'RT-K001',
    fromState: ref!.state,
    toState: ref!.state,
    events: [{ actor: 'customer', type: 'customer_message', reason: 'message', at: new Date() }],
    inbound: { id: question, documents: [] },
  });
  await seedInbound('question', 'Worried Customer <worried@example.org>', 'Where is my refund?', 'Hello, I sent the parcel a week ago. Where is my money?');
  await seedInbound('lost', 'Anna at work <anna.k@work.example>', 'my return', 'This is about RT-K001, I wrote from my work address.');
  await seedInbound('newcomer', 'Пётр <petr@example.net>', 'Хочу вернуть куртку', 'Здравствуйте! Хочу вернуть куртку из заказа A-1001, размер не подошёл.');
  // An application the worker left unassigned (say, read while the order source was down): the PDF is attached.
  const withPdf = readFileSync('samples/emails/01-text-pdf.eml');
  const saved = await fx.store.saveInbound({ mailboxId: 'maildir:/test', mailboxKey: 'with-pdf', messageId: '<1741504445.372913061@f512.i.mail.ru>', sha256: createHash('sha256').update(withPdf).digest('hex'), raw: withPdf, receivedAt: new Date('2025-03-09T07:14:06Z') });
  await fx.store.claimInbound(saved.id);
  await fx.store.finishInbound(saved.id, 'needs_attention', 'not_an_application');
  ids['with-pdf'] = saved.id;
  agent = new WebClient(fx.app);
  await agent.login(USERS.support);
});
afterAll(async () => fx?.close());

describe('web: conversations', () => {
  it('shows the return\'s e-mails in order and marks that the customer wrote last', async () => {
    const page = await agent.get('/returns/RT-K001');
    expect(page.body).toContain('id="awaits-answer"');
    const first = page.body.indexOf('hello');
    const second = page.body.indexOf('Куда отправлять посылку, если я в Казани?');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
  });

  it('answers in place: threaded onto the latest e-mail, card numbers masked, on the timeline, sent once', async () => {
    const page = await agent.get('/returns/RT-K001');
    const replyKey = /name="replyKey" value="([0-9a-f]{32})"/.exec(page.body)![1]!;
    const form = { _csrf: csrfOf(page.body), replyKey, text: 'Адрес тот же, отправляйте Почтой России.\nКарта 4111 1111 1111 1111 нам не нужна.' };
    const res = await agent.post('/returns/RT-K001/answer', form);
    expect(res.status).toBe(303);
    expect(res.location).toBe('/returns/RT-K001?done=answered#conversation');
    // The same form sent again (a double click, a resend after a timeout): refused, nothing more sent.
    expect((await agent.post('/returns/RT-K001/answer', form)).status).toBe(409);
    const mails = await outboxFor('anna@example.com');
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.inReplyTo).toBe('<follow-up@example.org>');
    expect(mail.references).toEqual(expect.arrayContaining([expect.stringMatching(/^<c\d+\.RT-K001@example\.com>$/), '<follow-up@example.org>']));
    expect(mail.subject).toBe('Re: Возврат футболки [RT-K001]');
    expect(mail.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail.text).toContain('Адрес тот же, отправляйте Почтой России.');
    expect(mail.text).toContain('**** 1111');
    expect(mail.text).not.toContain('4111 1111 1111 1111');
    expect(mail.text).toContain('служба возвратов Test shop');
    const detail = await fx.store.getReturn('RT-K001');
    expect(detail!.events.at(-1)).toMatchObject({ actor: `agent:${USERS.support}`, type: 'agent_reply' });
    expect(detail!.state).toBe('awaiting_shipment');
    const after = await agent.get('/returns/RT-K001');
    expect(after.body).not.toContain('id="awaits-answer"');
    expect(after.body).toContain('Адрес тот же, отправляйте Почтой России.');
  });

  it('answers an unassigned question in its own thread and language; it leaves the inbox', async () => {
    const page = await agent.get(`/attention/${ids.question}`);
    expect(page.body).toContain('id="answer-form"');
    const replyKey = /name="replyKey" value="([0-9a-f]{32})"/.exec(page.body)![1]!;
    const form = { _csrf: csrfOf(page.body), replyKey, text: 'Your parcel reached us yesterday; the refund follows within 13 days.' };
    const res = await agent.post(`/attention/${ids.question}/answer`, form);
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/mail/${ids.question}?done=answered`);
    expect((await agent.post(`/attention/${ids.question}/answer`, form)).status).toBe(409);
    const [mail, ...more] = await outboxFor('worried@example.org');
    expect(more).toEqual([]);
    expect(mail!.inReplyTo).toBe('<question@example.org>');
    expect(mail!.subject).toBe('Re: Where is my refund?');
    expect(mail!.text).toMatch(/^Hello Worried Customer,/);
    expect(mail!.text).toContain('the refund follows within 13 days');
    // No return, so no status line: it ended "Where your return stands: …/status" with nothing to look up.
    expect(mail!.text).not.toContain('Where your return stands');
    expect(`${mail!.text} ${String(mail!.html)}`).not.toContain('/status');
    const thread = await agent.get(`/mail/${ids.question}`);
    expect(thread.body).toContain('Where is my money?');
    expect(thread.body).toContain('the refund follows within 13 days');
    expect((await agent.get('/attention')).body).not.toContain('Where is my refund?');
  });

  it('attaches an unassigned e-mail to a return: it joins the conversation, with an event', async () => {
    const page = await agent.get(`/attention/${ids.lost}`);
    const res = await agent.post(`/attention/${ids.lost}/attach`, { _csrf: csrfOf(page.body), returnNumber: 'rt-k001' });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/returns/RT-K001?done=attached#conversation');
    const ret = await agent.get('/returns/RT-K001');
    expect(ret.body).toContain('This is about RT-K001, I wrote from my work address.');
    expect((await fx.store.getReturn('RT-K001'))!.events.at(-1)).toMatchObject({ type: 'mail_attached', actor: `agent:${USERS.support}` });
    // Attached once: the form sent again is refused.
    expect((await agent.post(`/attention/${ids.lost}/attach`, { _csrf: csrfOf(page.body), returnNumber: 'RT-K001' })).status).toBe(409);
  });

  it('starts a return from an unassigned e-mail: under review, the sender\'s address, the e-mail in its conversation', async () => {
    const page = await agent.get(`/attention/${ids.newcomer}`);
    const res = await agent.post(`/attention/${ids.newcomer}/start`, { _csrf: csrfOf(page.body) });
    expect(res.status).toBe(303);
    const number = /^\/returns\/(R-[0-9A-Z]{4}-[0-9A-Z]{4})\?done=started$/.exec(res.location!)?.[1];
    expect(number).toBeDefined();
    const ref = await fx.store.getReturnRef(number!);
    expect(ref).toMatchObject({ state: 'needs_review', customerEmail: 'petr@example.net', language: 'ru', customerMessageId: '<newcomer@example.org>' });
    const ret = await agent.get(`/returns/${number}`);
    expect(ret.body).toContain('Хочу вернуть куртку из заказа A-1001');
    expect(ret.body).toContain('id="approve"');
    expect((await agent.post(`/attention/${ids.newcomer}/start`, { _csrf: csrfOf(page.body) })).status).toBe(409);
  });

  it('starts a return from an unassigned e-mail with an application attached: the attachment is read, the fields filled', async () => {
    const expected = JSON.parse(readFileSync('samples/emails/01-text-pdf.expected.json', 'utf8')) as { fields: Record<string, string> };
    const page = await agent.get(`/attention/${ids['with-pdf']}`);
    const res = await agent.post(`/attention/${ids['with-pdf']}/start`, { _csrf: csrfOf(page.body) });
    expect(res.status).toBe(303);
    const number = /^\/returns\/(R-[0-9A-Z]{4}-[0-9A-Z]{4})\?done=started$/.exec(res.location!)![1]!;
    const detail = (await fx.store.getReturn(number))!;
    // Read as the worker reads it: every field of the PDF, each from the document, the PDF kept with the return.
    for (const key of ['orderNumber', 'fullName', 'phone', 'reason', 'bik', 'account'] as const) {
      expect(detail.application.fields[key]?.value, key).toBe(expected.fields[key]);
      expect(detail.application.fields[key]?.source, key).toBe('document');
    }
    expect(detail.application.items.map((i) => i.sku?.value)).toEqual(['TS-1045']);
    expect(detail.documents.map((d) => [d.kind, d.method])).toEqual([['pdf', 'pdf_text']]);
    expect(detail.orderNumber).toBe('4821-5567');
    const ret = await agent.get(`/returns/${number}`);
    expect(ret.body).toContain('value="Ковалёва Анна Сергеевна"');
  });

  const outgoing = (html: string, text: string) => [...html.matchAll(/<li class="message outgoing">[\s\S]*?<\/li>/g)].map((m) => m[0]).find((li) => li.includes(text));

  it('regression: an answer in the conversation did not say which agent wrote it; it names them, in both languages', async () => {
    await fx.seedReturn({ returnNumber: 'RT-K002', state: 'awaiting_shipment' });
    const form = await agent.get('/returns/RT-K002');
    const replyKey = /name="replyKey" value="([0-9a-f]{32})"/.exec(form.body)![1]!;
    expect((await agent.post('/returns/RT-K002/answer', { _csrf: csrfOf(form.body), replyKey, text: 'Посылку ждём до пятницы.' })).status).toBe(303);
    const unnamed = (await agent.get('/returns/RT-K002')).body;
    expect(outgoing(unnamed, 'Посылку ждём')).toContain(`<span class="author" title="${USERS.support}">written by ${USERS.support}</span>`);
    expect(unnamed).not.toMatch(/<li class="message incoming">(?:(?!<\/li>)[\s\S])*class="author"/);
    await fx.users.setUserName(USERS.support, 'Семён Петров');
    try {
      expect(outgoing((await agent.get('/returns/RT-K002')).body, 'Посылку ждём')).toContain(`<span class="author" title="${USERS.support}">written by Семён Петров</span>`);
      const russian = new WebClient(fx.app);
      await russian.login(USERS.manager);
      russian.jar.set('ri_lang', 'ru');
      expect(outgoing((await russian.get('/returns/RT-K002')).body, 'Посылку ждём')).toContain('написал(а): Семён Петров');
    } finally {
      await fx.users.setUserName(USERS.support, null);
    }
  });

  it('regression: an answered unassigned e-mail showed "answered by agent:<email>"; it names the person', async () => {
    const id = await seedInbound('thanks', 'Ольга <olga@example.org>', 'Спасибо', 'Спасибо за помощь! Когда придут деньги?');
    const form = await agent.get(`/attention/${id}`);
    const replyKey = /name="replyKey" value="([0-9a-f]{32})"/.exec(form.body)![1]!;
    expect((await agent.post(`/attention/${id}/answer`, { _csrf: csrfOf(form.body), replyKey, text: 'Деньги придут в течение 10 дней.' })).status).toBe(303);
    // Its inbox page was the trail's note (answered by agent:sam@…) or, once answered, a 404: it is the e-mail with our
    // answer, the agent named as the desk knows them.
    const shown = await agent.get(`/attention/${id}`);
    expect(shown.status).toBe(303);
    expect(shown.location).toBe(`/mail/${id}`);
    const unnamed = (await agent.get(shown.location!)).body;
    expect(unnamed).toContain(`<span class="author" title="${USERS.support}">written by ${USERS.support}</span>`);
    expect(unnamed).not.toContain('agent:');
    await fx.users.setUserName(USERS.support, 'Семён Петров');
    try {
      expect((await agent.get(`/mail/${id}`)).body).toContain(`<span class="author" title="${USERS.support}">written by Семён Петров</span>`);
      const russian = new WebClient(fx.app);
      await russian.login(USERS.manager);
      russian.jar.set('ri_lang', 'ru');
      const ru = (await russian.get(`/mail/${id}`)).body;
      expect(ru).toContain('написал(а): Семён Петров');
      expect(ru).not.toContain('agent:');
    } finally {
      await fx.users.setUserName(USERS.support, null);
    }
    // An e-mail attached to a return is shown in that return's conversation.
    expect((await agent.get(`/attention/${ids.lost}`)).location).toBe('/returns/RT-K001#conversation');
  });
});
