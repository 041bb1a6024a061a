// Regression (issue #14): a desk form the rules refused (a ship-by day earlier than the one in force, an action
// without its reason, an amount that is no amount, a step the return's state no longer allows) led to an error page
// with only "back to the queue". Each is the return's page again: the problem beside the form that was sent, what
// the agent typed still in it, in the page's language; nothing changed, nothing sent.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addIsoDays } from '../../../src/domain/iso-date-math.ts';
import { isoDay } from '../../../src/domain/iso-day.ts';
import { startWebFixture, USERS, type WebFixture } from '../../support/web-app.ts';
import { csrfOf, WebClient, type Page } from '../../support/web-client.ts';

let fx: WebFixture;
let agent: WebClient;
let question: string;
const today = () => isoDay(new Date(), 'Europe/Moscow');

beforeAll(async () => {
  fx = await startWebFixture();
  await fx.seedReturn({ returnNumber: 'RT-F001', state: 'awaiting_shipment' });
  await fx.seedReturn({ returnNumber: 'RT-F002', state: 'expired' });
  await fx.seedReturn({ returnNumber: 'RT-F003', state: 'rejected' });
  await fx.seedReturn({ returnNumber: 'RT-F004' });
  await fx.seedReturn({ returnNumber: 'RT-F005', state: 'received_at_warehouse', fields: { reason: ['defect', 0.95] } });
  const raw = Buffer.from('From: Oleg <oleg@example.org>\r\nTo: info@shop.test\r\nSubject: About my return\r\nMessage-ID: <q1@example.org>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nWhere is my money?\r\n');
  const saved = await fx.store.saveInbound({ mailboxId: 'maildir:/test', mailboxKey: 'q1', messageId: '<q1@example.org>', sha256: createHash('sha256').update(raw).digest('hex'), raw, receivedAt: new Date() });
  await fx.store.claimInbound(saved.id);
  await fx.store.finishInbound(saved.id, 'needs_attention', 'not_an_application');
  question = saved.id;
  agent = new WebClient(fx.app);
  await agent.login(USERS.support);
});
afterAll(async () => fx?.close());

/** The form with this id on the page, whole. */
function formOf(html: string, id: string): string {
  const form = new RegExp(`<form[^>]*id="${id}"[\\s\\S]*?</form>`).exec(html)?.[0];
  if (!form) throw new Error(`no form #${id} on the page`);
  return form;
}

/** The refused form's page: the return's, its problem in the form, no other refusal anywhere. */
function expectRefusedIn(page: Page, status: number, id: string, problem: string): string {
  expect(page.status).toBe(status);
  expect(page.body).toContain('class="page-head"');
  expect(page.body).not.toContain('Back to the queue');
  const form = formOf(page.body, id);
  expect(form).toContain('class="alert error refusal" role="alert"');
  expect(form).toContain(problem);
  expect(page.body.split('class="alert error refusal"').length).toBe(2);
  return form;
}

const outbound = async (number: string) => (await fx.store.getReturn(number))!.outbound.length;

describe('web: a refused desk form is its page again, the problem beside it', () => {
  it('extend: a day earlier than the one in force; the typed day and reason kept, in English and in Russian', async () => {
    const inForce = isoDay((await fx.store.getReturnRef('RT-F001'))!.deadlines.shipBy!, 'Europe/Moscow');
    const before = await outbound('RT-F001');
    const early = addIsoDays(today(), 1);
    const form = expectRefusedIn(
      await agent.submit('/returns/RT-F001', '/returns/RT-F001/extend-ship-by', { shipBy: early, reason: 'customer is travelling', customerNote: 'See you soon' }),
      400,
      'extend-form',
      `The new ship-by date must be later than the current one, ${inForce}.`,
    );
    expect(form).toContain(`value="${early}"`);
    expect(form).toContain('value="customer is travelling"');
    expect(form).toContain('value="See you soon"');
    expect(isoDay((await fx.store.getReturnRef('RT-F001'))!.deadlines.shipBy!, 'Europe/Moscow')).toBe(inForce);
    expect(await outbound('RT-F001')).toBe(before);

    const russian = new WebClient(fx.app);
    await russian.login(USERS.manager);
    russian.jar.set('ri_lang', 'ru');
    const ru = expectRefusedIn(
      await russian.submit('/returns/RT-F001', '/returns/RT-F001/extend-ship-by', { shipBy: early, reason: 'клиент в отъезде' }),
      400,
      'extend-form',
      `Не сделано:</b> Новый срок отправки должен быть позже текущего, ${inForce}.`,
    );
    expect(ru).toContain('value="клиент в отъезде"');
  });

  it('cancel without a reason, and an answer with no text: each beside its own form', async () => {
    const cancel = expectRefusedIn(await agent.submit('/returns/RT-F001', '/returns/RT-F001/cancel', { reason: 'no', customerNote: 'Sorry' }), 400, 'cancel-form', '<b>Reason</b>: say why, in a few words');
    expect(cancel).toContain('value="Sorry"');
    const page = await agent.get('/returns/RT-F001');
    const replyKey = /name="replyKey" value="([0-9a-f]{32})"/.exec(page.body)![1]!;
    expectRefusedIn(await agent.post('/returns/RT-F001/answer', { _csrf: csrfOf(page.body), replyKey, text: '   ' }), 400, 'answer-form', 'Write the answer first.');
    expect((await fx.store.getReturn('RT-F001'))!.state).toBe('awaiting_shipment');
  });

  it('revive with a day in the past, reopen without a reason', async () => {
    const past = addIsoDays(today(), -3);
    const revive = expectRefusedIn(await agent.submit('/returns/RT-F002', '/returns/RT-F002/revive', { shipBy: past, reason: 'post office was closed' }), 400, 'revive-form', `The ship-by date ${past} has already passed.`);
    expect(revive).toContain(`value="${past}"`);
    expect(revive).toContain('value="post office was closed"');
    expect((await fx.store.getReturn('RT-F002'))!.state).toBe('expired');
    expectRefusedIn(await agent.submit('/returns/RT-F003', '/returns/RT-F003/reopen', { reason: '' }), 400, 'reopen-form', '<b>Reason</b>');
    expect((await fx.store.getReturn('RT-F003'))!.state).toBe('rejected');
  });

  it('under review: a reason not among the choices, a note too long, every item turned down on approve', async () => {
    const reject = expectRefusedIn(await agent.submit('/returns/RT-F004', '/returns/RT-F004/reject', { reason: 'because', note: 'typed note' }), 400, 'reject-form', 'Not one of the choices.');
    expect(reject).toContain('value="typed note"');
    expectRefusedIn(await agent.submit('/returns/RT-F004', '/returns/RT-F004/request-photo', { note: 'x'.repeat(501) }), 400, 'photo-form', 'At most 500 characters.');
    expectRefusedIn(await agent.submit('/returns/RT-F004', '/returns/RT-F004/fields', { action: 'approve', 'outcome.0': 'custom_made' }), 400, 'fields-form', 'reject the application instead');
    const detail = (await fx.store.getReturn('RT-F004'))!;
    expect(detail.state).toBe('needs_review');
    expect(detail.outbound).toEqual([]);
  });

  it('at the warehouse: send back without a finding, a receipt amount that is no amount, a refund amount likewise', async () => {
    const inspection = expectRefusedIn(await agent.submit('/returns/RT-F005', '/returns/RT-F005/inspection', { result: 'send_back', note: '' }), 400, 'inspection-form', 'Say what the inspection found');
    expect(inspection).toContain('<option value="send_back" selected>');
    const receipt = expectRefusedIn(await agent.submit('/returns/RT-F005', '/returns/RT-F005/receipt-amount', { amount: '4,50 руб' }), 400, 'receipt-form', 'amount in roubles, e.g. 450.00');
    expect(receipt).toContain('value="4,50 руб"');
    expect((await agent.submit('/returns/RT-F005', '/returns/RT-F005/inspection', { result: 'refund', note: 'as new' })).status).toBe(303);
    const refund = expectRefusedIn(await agent.submit('/returns/RT-F005', '/returns/RT-F005/refund-issued', { amount: 'five hundred', refundMethod: 'card' }), 400, 'refund-form', 'amount in roubles, e.g. 500.00');
    expect(refund).toContain('value="five hundred"');
    expect(refund).toContain('<option value="card" selected>');
    expect((await fx.store.getReturn('RT-F005'))!.state).toBe('received_at_warehouse');

    // The refunds to pay (managers): a bank day that is no day, an export with nothing ticked.
    const manager = new WebClient(fx.app);
    await manager.login(USERS.manager);
    const pay = await manager.submit('/refunds', '/refunds/pay', { 'pick.RT-F005': 'on', 'amount.RT-F005': '2999.00', paidOn: 'yesterday' });
    expect(pay.status).toBe(400);
    expect(pay.body).toContain('id="refunds-form"');
    const refundsForm = formOf(pay.body, 'refunds-form');
    expect(refundsForm).toContain('<b>Paid on</b>: a date, e.g. 2026-12-05');
    expect(refundsForm).toContain('name="pick.RT-F005" checked');
    expect(refundsForm).toContain('name="amount.RT-F005" value="2999.00"');
    expect(refundsForm).toContain('name="paidOn" value="yesterday"');
    const none = await manager.submit('/refunds', '/refunds/export', { format: 'csv' });
    expect(none.status).toBe(400);
    expect(formOf(none.body, 'refunds-form')).toContain('Tick the refunds to export first.');
    expect((await fx.store.getReturn('RT-F005'))!.state).toBe('received_at_warehouse');
  });

  it('a step the state no longer allows (its form gone from the page): 409, the problem above the page', async () => {
    const again = await agent.submit('/returns/RT-F005', '/returns/RT-F005/parcel-received', {});
    expect(again.status).toBe(409);
    expect(again.body).toContain('id="refused-above"><b>Not done:</b> Cannot receive_at_warehouse a return that is received_at_warehouse');
    expect(again.body).toContain('class="page-head"');
    expect(again.body).not.toContain('Back to the queue');
    // A replacement for a return that exchanges nothing: no such form on its page either.
    const replacement = await agent.submit('/returns/RT-F001', '/returns/RT-F001/replacement-sent', {});
    expect(replacement.status).toBe(400);
    expect(replacement.body).toMatch(/<div class="alert error" role="alert" id="refused-above"><b>Not done:<\/b> \S/);
  });

  it('the unassigned inbox: a number that names no return, an empty answer; the e-mail stays in the inbox', async () => {
    const attach = expectRefusedIn(await agent.submit(`/attention/${question}`, `/attention/${question}/attach`, { returnNumber: 'R-ZZZZ-ZZZZ' }), 400, 'attach-form', 'No return R-ZZZZ-ZZZZ.');
    expect(attach).toContain('value="R-ZZZZ-ZZZZ"');
    const page = await agent.get(`/attention/${question}`);
    const replyKey = /name="replyKey" value="([0-9a-f]{32})"/.exec(page.body)![1]!;
    expectRefusedIn(await agent.post(`/attention/${question}/answer`, { _csrf: csrfOf(page.body), replyKey, text: ' ' }), 400, 'answer-form', 'Write the answer first.');
    const russian = new WebClient(fx.app);
    await russian.login(USERS.manager);
    russian.jar.set('ri_lang', 'ru');
    expectRefusedIn(await russian.submit(`/attention/${question}`, `/attention/${question}/attach`, { returnNumber: 'r-zzzz-zzzz' }), 400, 'attach-form', 'Возврата R-ZZZZ-ZZZZ нет.');
    expect((await fx.store.dashboard.getAttention(question))?.state).toBe('needs_attention');
  });
});
