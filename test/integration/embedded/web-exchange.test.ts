// Exchange through the web app on a real SQLite store (issue #14): the item outcome "exchange" with what the
// customer gets, its own approval reply; without what the customer gets it is refused and nothing is sent; after
// the inspection the replacement ends the return, and it never enters the refunds to pay.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebFixture, USERS, type WebFixture } from '../../support/web-app.ts';
import { csrfOf, WebClient } from '../../support/web-client.ts';

let fx: WebFixture;
let agent: WebClient;

beforeAll(async () => {
  fx = await startWebFixture();
  await fx.seedReturn({ returnNumber: 'RT-E001', fields: { email: ['anna@example.com', 0.99], cardLast4: ['4242', 0.99], reason: ['wrong_item', 0.95] } });
  agent = new WebClient(fx.app);
  await agent.login(USERS.support);
});
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
    expect(detail!.outbound.map((o) => o.template)).toEqual(['exchange_approved', 'parcel_received', 'exchange_sent']);
    // The parcel's acknowledgement promised the replacement, not money.
    const replies = (await fx.store.listPendingOutbound(50)).filter((o) => o.raw.toString().includes('RT-E001'));
    const receivedText = (await simpleParser(replies[1]!.raw)).text!;
    expect(receivedText).toContain('отправим вам замену');
    expect(receivedText).not.toContain('вернём деньги');
    expect((await agent.submit('/returns/RT-E001', '/returns/RT-E001/replacement-sent', {})).status).toBe(409);
  });
});
