// Exchange through the web app on a real SQLite store (issue #14): the item outcome "exchange" with what the
// customer gets, its own approval reply; without what the customer gets it is refused and nothing is sent; after
// the inspection the replacement ends the return, and it never enters the refunds to pay.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebFixture, USERS, type WebFixture } from '../../support/web-app.ts';
import { csrfOf, WebClient } from '../../support/web-client.ts';

let fx: WebFixture;
let agent: WebClient;
let manager: WebClient;

beforeAll(async () => {
  fx = await startWebFixture();
  await fx.seedReturn({ returnNumber: 'RT-E001', fields: { email: ['anna@example.com', 0.99], cardLast4: ['4242', 0.99], reason: ['wrong_item', 0.95] } });
  await fx.seedReturn({ returnNumber: 'RT-E002', fields: { email: ['anna@example.com', 0.99], cardLast4: ['4242', 0.99], reason: ['defect', 0.95] } });
  await fx.seedReturn({ returnNumber: 'RT-E003', fields: { email: ['anna@example.com', 0.99], cardLast4: ['4242', 0.99], reason: ['proper_quality', 0.95] } });
  agent = new WebClient(fx.app);
  await agent.login(USERS.support);
  manager = new WebClient(fx.app);
  await manager.login(USERS.manager);
});

/** Approve an exchange of the one item, the parcel reaches the warehouse with the customer's postage receipt. */
async function exchangeWithReceipt(number: string, postage: string): Promise<void> {
  const page = await agent.get(`/returns/${number}`);
  expect((await agent.post(`/returns/${number}/fields`, { _csrf: csrfOf(page.body), action: 'approve', 'outcome.0': 'exchange', 'exchangeFor.0': 'size L' })).status).toBe(303);
  expect((await agent.submit(`/returns/${number}`, `/returns/${number}/parcel-received`, {})).status).toBe(303);
  expect((await agent.submit(`/returns/${number}`, `/returns/${number}/receipt-amount`, { amount: postage })).status).toBe(303);
  expect((await agent.submit(`/returns/${number}`, `/returns/${number}/inspection`, { result: 'refund', note: 'accepted' })).status).toBe(303);
}
afterAll(async () => fx?.close());

describe('web: exchange', () => {
  it('approves an exchange, sends the replacement after the inspection, and owes no refund', async () => {
    const page = await agent.get('/returns/RT-E001');
    expect(page.body).toContain('<option value="exchange">exchange</option>');
    const csrf = csrfOf(page.body);
    const bare = await agent.post('/returns/RT-E001/fields', { _csrf: csrf, action: 'approve', 'outcome.0': 'exchange', 'exchangeFor.0': '' });
    expect(bare.status).toBe(400);
    expect((await fx.store.getReturn('RT-E001'))!.outbound).toEqual([]);
    expect((await agent.post('/returns/RT-E001/fields', { _csrf: csrf, action: 'approve', 'outcome.0': 'exchange', 'exchangeFor.0': 'the T-shirt in size M' })).status).toBe(303);
    expect((await fx.store.getReturn('RT-E001'))!.outbound.map((o) => o.template)).toEqual(['exchange_approved']);

    expect((await agent.submit('/returns/RT-E001', '/returns/RT-E001/parcel-received', {})).status).toBe(303);
    // Before the inspection the replacement is refused.
    expect((await agent.submit('/returns/RT-E001', '/returns/RT-E001/replacement-sent', {})).status).toBe(409);
    expect((await agent.submit('/returns/RT-E001', '/returns/RT-E001/inspection', { result: 'refund', note: 'wrong colour sent' })).status).toBe(303);
    expect(await fx.store.listRefundsDue()).toEqual([]);
    const atWarehouse = await agent.get('/returns/RT-E001');
    expect(atWarehouse.body).not.toContain('/returns/RT-E001/refund-issued');
    expect((await agent.submit('/returns/RT-E001', '/returns/RT-E001/replacement-sent', { trackingNumber: '' })).status).toBe(303);
    const detail = await fx.store.getReturn('RT-E001');
    expect(detail!.state).toBe('exchanged');
    // An exchanged item is a returned item: the page of a fully exchanged return said none were listed.
    const exchangedPage = await agent.get('/returns/RT-E001');
    expect(exchangedPage.status).toBe(200);
    expect(exchangedPage.body).not.toContain('No returned items are listed');
    expect(detail!.outbound.map((o) => o.template)).toEqual(['exchange_approved', 'parcel_received', 'exchange_sent']);
    // The parcel's acknowledgement promised the replacement, not money.
    const replies = (await fx.store.listPendingOutbound(50)).filter((o) => o.raw.toString().includes('RT-E001'));
    const receivedText = (await simpleParser(replies[1]!.raw)).text!;
    expect(receivedText).toContain('отправим вам замену');
    expect(receivedText).not.toContain('вернём деньги');
    expect((await agent.submit('/returns/RT-E001', '/returns/RT-E001/replacement-sent', {})).status).toBe(409);
  });

  it('an exchange of a defective item owes the postage on the receipt: it is a refund to pay, and its reply says why', async () => {
    await exchangeWithReceipt('RT-E002', '450.00');
    const page = await agent.get('/returns/RT-E002');
    expect(page.body).toContain('Return postage owed to the customer: 450.00 ₽');
    // The replacement may go out before the money: the postage stays owed on the list until it is paid.
    expect((await agent.submit('/returns/RT-E002', '/returns/RT-E002/replacement-sent', {})).status).toBe(303);
    expect((await fx.store.getReturn('RT-E002'))!.state).toBe('exchanged');
    expect((await fx.store.listRefundsDue()).map((r) => [r.returnNumber, r.amount])).toEqual([['RT-E002', 45000]]);
    const refunds = await manager.get('/refunds');
    expect(refunds.body).toContain('RT-E002');
    const paidOn = new Date().toISOString().slice(0, 10);
    const paid = await manager.post('/refunds/pay', { _csrf: csrfOf(refunds.body), 'pick.RT-E002': 'on', 'amount.RT-E002': '450.00', paidOn });
    expect(paid.status).toBe(303);
    expect(paid.headers.location).not.toContain('failed');
    expect(await fx.store.listRefundsDue()).toEqual([]);
    const detail = await fx.store.getReturn('RT-E002');
    // Paying the postage does not end the exchange as a refund: the state stays, the payment is on the timeline.
    expect(detail!.state).toBe('exchanged');
    expect(detail!.events.map((e) => e.type)).toContain('postage_refunded');
    expect(detail!.outbound.map((o) => o.template)).toEqual(['exchange_approved', 'parcel_received', 'exchange_sent', 'refund_issued']);
    const reply = (await fx.store.listPendingOutbound(50)).filter((o) => o.raw.toString().includes('RT-E002')).at(-1)!;
    const text = (await simpleParser(reply.raw)).text!;
    expect(text).toContain('450,00');
    expect(text).toContain('обратную доставку по обмену');
  });

  it('an exchange of an item of proper quality owes nothing: the customer paid the postage', async () => {
    const page = await agent.get('/returns/RT-E003');
    expect((await agent.post('/returns/RT-E003/fields', { _csrf: csrfOf(page.body), action: 'approve', 'outcome.0': 'exchange', 'exchangeFor.0': 'size L' })).status).toBe(303);
    expect((await agent.submit('/returns/RT-E003', '/returns/RT-E003/parcel-received', {})).status).toBe(303);
    // No receipt form: the customer's postage is theirs to pay.
    expect((await agent.get('/returns/RT-E003')).body).not.toContain('/returns/RT-E003/receipt-amount');
    expect((await agent.submit('/returns/RT-E003', '/returns/RT-E003/inspection', { result: 'refund' })).status).toBe(303);
    expect(await fx.store.listRefundsDue()).toEqual([]);
  });
});
